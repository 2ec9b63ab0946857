/**
 * Worker-thread entry for a whole refresh: fetch, parse, normalise and write with its own connection to the
 * cache. The thread that asked (the reader or a CLI command) stays free, and this thread's young generation
 * is capped by the Worker's resourceLimits: see refresh-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isCacheDamaged } from '../store/errors.js';
import { openExistingStore } from '../store/open-store.js';
import { loadPipeline } from './pipeline.js';
import { refreshFeeds } from './refresh.js';
import type { RefreshJob, RefreshMessage } from './refresh-thread.js';

const post = (m: RefreshMessage): void => parentPort?.postMessage(m);

// A refresh runs in the background: waiting for another cyberread's writes (a second refresh, the reader's
// own background refresh) is better than failing a feed after the interactive 5 seconds.
const REFRESH_BUSY_TIMEOUT_MS = 30_000;

async function run(job: RefreshJob): Promise<void> {
  const store = openExistingStore(job.cacheFile, REFRESH_BUSY_TIMEOUT_MS);
  try {
    const pipeline = await loadPipeline(job.pipeline);
    try {
      const results = await refreshFeeds(job.feeds, store, pipeline, {
        ignoreRetryAfter: job.ignoreRetryAfter,
        onResult: (result, done, total) => post({ kind: 'result', result, done, total }),
      });
      post({ kind: 'done', results });
    } finally {
      await pipeline.close?.();
    }
  } finally {
    store.close();
  }
}

run(workerData as RefreshJob).catch((error: unknown) => {
  // Damage is told apart: the thread that asked decides what happens to the file (see refresh-thread.ts).
  if (isCacheDamaged(error)) post({ kind: 'damaged', path: error.path, code: error.code ?? 'SQLITE_CORRUPT' });
  else post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
});
