/**
 * Worker-thread entry: parse + normalise one fetched document. Feed bodies are the bulk of a refresh's CPU
 * time; running them here lets the main thread keep fetching and writing SQLite at the same time.
 */
import { parentPort } from 'node:worker_threads';
import { parseFeed } from './parse.js';
import { normalise } from './normalise.js';
import { prepareArticle, type ArticleWithPrepared } from '../store/prepare.js';
import type { WorkerRequest, WorkerReply } from './pipeline.js';

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const parsed = parseFeed(req.bytes, { url: req.url, contentType: req.contentType });
    const result = normalise(parsed, req.cfg, { fetchedAt: req.fetchedAt });
    // The row form too (sanitising, hashing, the full-text body): the main thread then only writes SQLite.
    for (const a of result.articles as ArticleWithPrepared[]) a.prepared = prepareArticle(a, req.cfg.url);
    reply = { id: req.id, ok: true, result };
  } catch (error) {
    // Only the message crosses the thread boundary: the refresh reports errors by their message.
    reply = { id: req.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
