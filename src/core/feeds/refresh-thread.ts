/**
 * Runs a refresh in a worker thread (refresh-worker.ts) and relays its per-feed results.
 *
 * Why: a fresh 300-feed refresh allocates ~100 KB per article and V8 lets a busy thread's young generation
 * grow to 32 MiB (two 16 MiB semi-spaces), which with the old generation's growth was most of the ~165 MiB
 * peak. A Worker's young generation can be capped (resourceLimits) where the main thread's cannot without a
 * command-line flag: with 12 MiB the same refresh peaks at ~143 MiB for about the same CPU time. The reader
 * also keeps answering keys while the refresh runs on its own thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CacheDamagedError } from '../store/errors.js';
import type { FeedConfig, RefreshResult } from '../types.js';
import type { PipelineOptions } from './pipeline.js';
import type { RefreshOptions } from './refresh.js';

export interface RefreshJob {
  feeds: FeedConfig[];
  cacheFile: string;
  ignoreRetryAfter?: boolean;
  /** Plain data only: it crosses to the worker (env is the worker's own copy of process.env). */
  pipeline: Omit<PipelineOptions, 'env'>;
}

export type RefreshMessage =
  | { kind: 'result'; result: RefreshResult; done: number; total: number }
  | { kind: 'done'; results: RefreshResult[] }
  | { kind: 'failed'; message: string }
  /** The cache turned out to be damaged; the file is left as it is. */
  | { kind: 'damaged'; path: string; code: string };

// The young generation (both semi-spaces and the large-object part) of the refresh thread; see above. 8 MiB
// gave the same peak for more collections, 24 MiB +10 MiB.
const REFRESH_THREAD_LIMITS = { maxYoungGenerationSizeMb: 12 };

/** The built refresh worker (dist/), or null when running from source (vitest). */
export function refreshWorkerFile(): URL | null {
  return builtBeside('refresh-worker.js', import.meta.url);
}

/**
 * The built file `name` in the directory of `moduleUrl` (the bundle's chunks and worker entries all sit in
 * dist/), or null when that module runs from source and nothing is built beside it.
 */
export function builtBeside(name: string, moduleUrl: string): URL | null {
  const url = new URL(`./${name}`, moduleUrl);
  try {
    return existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/**
 * The refresh of `feeds` on a worker thread writing to `cacheFile` (already opened, so migrated, by the
 * caller). Rejects with the worker's own message when it cannot run (the cache cannot be opened) or stops,
 * and with a CacheDamagedError when the cache turned out to be damaged.
 */
export async function refreshInWorker(
  file: URL,
  job: RefreshJob,
  options: Pick<RefreshOptions, 'onResult'> = {},
): Promise<RefreshResult[]> {
  const { Worker } = await import('node:worker_threads');
  return new Promise<RefreshResult[]>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(file, { workerData: job, resourceLimits: REFRESH_THREAD_LIMITS });
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (m: RefreshMessage) => {
      if (m.kind === 'result') options.onResult?.(m.result, m.done, m.total);
      else if (m.kind === 'done') settle(() => resolve(m.results));
      else if (m.kind === 'damaged') settle(() => reject(new CacheDamagedError(m.path, Object.assign(new Error(m.code), { code: m.code }))));
      else settle(() => reject(new Error(m.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', () => settle(() => reject(new Error('The refresh stopped unexpectedly; what it had saved is kept. Run it again.'))));
  });
}
