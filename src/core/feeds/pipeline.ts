import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { FeedConfig } from '../types.js';
import type { FetchLimits } from './http.js';
import type { PreparedFeed } from './prepare-feed.js';
import { builtBeside } from './refresh-thread.js';
import type { Pipeline } from './refresh.js';
import { ProblemError, type Problem } from '../i18n/problem.js';

export interface PipelineOptions {
  concurrency: number;
  perHost: number;
  version: string;
  /** Where CYBERREAD_TIMEOUT_MS is read from; process.env by default. */
  env?: Record<string, string | undefined>;
  /**
   * Parse + normalise in this many worker threads (default: see defaultWorkers); 0 keeps everything in this
   * thread. Workers are only used when the built worker file exists (not under vitest).
   */
  workers?: number;
}

/**
 * CYBERREAD_TIMEOUT_MS (100 to 600000) sets the connect, first-byte and whole-body timeouts at once: for a
 * slow link, or for tests that must not wait the default 10/15/30 seconds. Anything else is ignored.
 */
export function timeoutLimits(env: Record<string, string | undefined>): Partial<FetchLimits> {
  const raw = env.CYBERREAD_TIMEOUT_MS?.trim();
  if (!raw || !/^\d+$/.test(raw)) return {};
  const ms = Number(raw);
  if (ms < 100 || ms > 600_000) return {};
  return { connectTimeoutMs: ms, firstByteTimeoutMs: ms, bodyTimeoutMs: ms };
}

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  url: string;
  contentType: string | null;
  cfg: FeedConfig;
}

export type WorkerReply = { id: number; ok: true; result: PreparedFeed } | { id: number; ok: false; problem: Problem };

/** The pool lost its worker(s); the job can still be done in this thread. */
class WorkerGone extends Error {}

/** A small pool: each job goes to the worker with the fewest jobs outstanding. */
class WorkerPool {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: PreparedFeed) => void; reject: (e: Error) => void; worker: number }>();
  private readonly load: number[];

  constructor(private readonly workers: Worker[]) {
    this.load = workers.map(() => 0);
    workers.forEach((w, i) => {
      w.on('message', (reply: WorkerReply) => {
        const job = this.pending.get(reply.id);
        if (job === undefined) return;
        this.pending.delete(reply.id);
        this.load[i] = (this.load[i] ?? 1) - 1;
        if (this.load[i] === 0) w.unref();
        if (reply.ok) job.resolve(reply.result);
        else job.reject(new ProblemError(reply.problem));
      });
      w.on('error', (error) => this.fail(i, new WorkerGone(error.message)));
      w.on('exit', () => this.fail(i, new WorkerGone('The feed worker stopped unexpectedly.')));
      // Idle workers must not keep the process alive.
      w.unref();
    });
  }

  private fail(worker: number, error: Error): void {
    this.load[worker] = Number.POSITIVE_INFINITY;
    for (const [id, job] of this.pending) {
      if (job.worker !== worker) continue;
      this.pending.delete(id);
      job.reject(error);
    }
  }

  run(req: Omit<WorkerRequest, 'id'>): Promise<PreparedFeed> {
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if ((this.load[i] ?? 0) < (this.load[best] ?? 0)) best = i;
    const worker = this.workers[best];
    if (worker === undefined || this.load[best] === Number.POSITIVE_INFINITY) {
      return Promise.reject(new WorkerGone('No feed worker is available.'));
    }
    const id = this.next++;
    this.load[best] = (this.load[best] ?? 0) + 1;
    // Referenced only while it has work: a pending job must keep the process alive, an idle pool must not.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: best });
      worker.postMessage({ ...req, id } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * CYBERREAD_WORKERS when set (0-8), else none: a refresh on the refresh thread already has the thread that
 * started it parse (refresh-worker.ts), which uses both cores of a two-core machine without another isolate.
 * Each parse worker is a V8 heap and a Node environment of its own (~45 MiB).
 */
export function defaultWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.CYBERREAD_WORKERS;
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(8, Number(set.trim()));
  return 0;
}

/** The built parse worker (dist/), or null when running from source. */
function workerFile(): URL | null {
  return builtBeside('feed-worker.js', import.meta.url);
}

// V8 lets a busy parser's young generation grow to 48 MiB per thread; 12 MiB measured ~50 MiB less peak
// memory for a 300-feed refresh at a few percent more CPU.
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 12 } };

async function startPool(count: number): Promise<WorkerPool | null> {
  const file = count > 0 ? workerFile() : null;
  if (file === null) return null;
  try {
    const { Worker } = await import('node:worker_threads');
    return new WorkerPool(Array.from({ length: count }, () => new Worker(file, WORKER_OPTIONS)));
  } catch {
    return null;
  }
}

/**
 * A fresh refresh keeps only ~20 MiB alive, yet V8 let the heap grow to ~80 MiB between full collections
 * (its growing factor goes up to 4× while collections are cheap), which was most of the peak memory. A
 * fixed factor of 1.5 (V8 reads the flag each time it sets the next limit, in every thread): 300 feeds in
 * one thread peaked at ~165 instead of ~220 MiB, for ~5-10% more CPU; see bench/CHANGES.md.
 */
let heapGrowthLimited = false;
function limitHeapGrowth(): void {
  if (heapGrowthLimited) return;
  heapGrowthLimited = true;
  try {
    setFlagsFromString('--heap-growing-percent=50');
  } catch {
    // Only memory is at stake; a runtime without the flag refreshes as before.
  }
}

/** Parses, normalises and prepares one document somewhere else (the refresh thread's parent: see refresh-worker.ts). */
export type RemoteParser = Pipeline['parseAndPrepare'];

/**
 * Builds the real fetch → decode → parse → normalise chain. The network client and the parser are loaded
 * here, on first use, so starting the reader does not pay for them before the first frame. `remote`, when
 * given, parses instead of this thread (parse workers, when CYBERREAD_WORKERS asks for them, still come first).
 */
export async function loadPipeline(options: PipelineOptions, remote?: RemoteParser): Promise<Pipeline> {
  limitHeapGrowth();
  const workers = options.workers ?? defaultWorkers();
  const { createFetcher, userAgent } = await import('./http.js');
  // The parser and normaliser (most of the code) load on the first document that needs parsing, and then
  // only when no worker does it: a refresh where every feed answers 304 loads neither.
  let inProcess: Promise<typeof import('./prepare-feed.js')> | undefined;
  const inThread = async (...[bytes, o, cfg]: Parameters<Pipeline['parseAndPrepare']>) => {
    const { parseAndPrepare } = await (inProcess ??= import('./prepare-feed.js'));
    return parseAndPrepare(bytes, o, cfg);
  };
  const useWorkers = workers > 0 && workerFile() !== null;
  let pool: Promise<WorkerPool | null> | undefined;
  const fetcher = createFetcher({
    concurrency: options.concurrency,
    perHost: options.perHost,
    userAgent: userAgent(options.version),
    limits: timeoutLimits(options.env ?? process.env),
  });
  return {
    fetch: (req) => fetcher.fetch(req),
    parseAndPrepare: async (bytes, o, cfg) => {
      if (!useWorkers) return (remote ?? inThread)(bytes, o, cfg);
      pool ??= startPool(workers);
      const p = await pool;
      if (p === null) return inThread(bytes, o, cfg);
      try {
        return await p.run({ bytes, url: o.url, contentType: o.contentType, cfg });
      } catch (error) {
        // A worker that died (out of memory, killed) fails only the thread, not the feed.
        if (error instanceof WorkerGone) return inThread(bytes, o, cfg);
        throw error;
      }
    },
    close: async () => {
      await Promise.all([fetcher.close(), pool?.then((p) => p?.close())]);
    },
  };
}
