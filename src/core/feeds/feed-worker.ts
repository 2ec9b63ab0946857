/**
 * Worker-thread entry: parse + normalise one fetched document. Feed bodies are the bulk of a refresh's CPU
 * time; running them here lets the main thread keep fetching and writing SQLite at the same time.
 */
import { parentPort } from 'node:worker_threads';
import { parseFeed } from './parse.js';
import { normalise } from './normalise.js';
import type { WorkerRequest, WorkerReply } from './pipeline.js';

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const parsed = parseFeed(req.bytes, { url: req.url, contentType: req.contentType });
    reply = { id: req.id, ok: true, result: normalise(parsed, req.cfg, { fetchedAt: req.fetchedAt }) };
  } catch (error) {
    // Only the message crosses the thread boundary: the refresh reports errors by their message.
    reply = { id: req.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
