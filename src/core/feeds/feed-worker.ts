/**
 * Worker-thread entry: parse, normalise and prepare the rows of one fetched document. Feed bodies are the
 * bulk of a refresh's CPU time; running them here lets the main thread keep fetching and writing SQLite.
 */
import { parentPort } from 'node:worker_threads';
import { parseAndPrepare } from './prepare-feed.js';
import type { WorkerRequest, WorkerReply } from './pipeline.js';
import { problemOf } from '../i18n/problem.js';

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: req.id, ok: true, result: parseAndPrepare(req.bytes, { url: req.url, contentType: req.contentType }, req.cfg) };
  } catch (error) {
    // Only the problem crosses the thread boundary (plain data): the refresh reports errors by it.
    reply = { id: req.id, ok: false, problem: problemOf(error) };
  }
  parentPort?.postMessage(reply);
});
