/**
 * Worker-thread entry: extracts one page at a time for the reader (extract-thread.ts), so that reading a
 * large page (Readability walks the whole DOM: tens of ms for a typical news page, up to the 3 s bound for a
 * hostile one) never holds up the reader's keys and frames.
 */
import { parentPort } from 'node:worker_threads';
import { extractArticle } from './extract.js';
import type { ExtractJob, ExtractJobReply } from './extract-thread.js';
import { ExtractError } from './types.js';

parentPort?.on('message', (job: ExtractJob) => {
  let reply: ExtractJobReply;
  try {
    reply = { id: job.id, ok: true, article: extractArticle(job.page, job.options) };
  } catch (error) {
    // Only plain data crosses: the reason is what the page's stored status is made of.
    reply = {
      id: job.id,
      ok: false,
      reason: error instanceof ExtractError ? error.reason : null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
