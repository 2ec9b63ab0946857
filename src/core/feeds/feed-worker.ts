/**
 * Worker-thread entry: parse, normalise and prepare the rows of one fetched document. Feed bodies are the
 * bulk of a refresh's CPU time; running them here lets the main thread keep fetching and writing SQLite.
 */
import { parentPort } from 'node:worker_threads';
import { parseAndPrepare } from './prepare-feed.js';
import type { WorkerRequest, WorkerReply } from './pipeline.js';

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: req.id, ok: true, result: parseAndPrepare(req.bytes, { url: req.url, contentType: req.contentType }, req.cfg) };
  } catch (error) {
    // Only the message crosses the thread boundary: the refresh reports errors by their message.
    reply = { id: req.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
