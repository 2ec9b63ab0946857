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
import type { StorePolicy } from '../store/store.js';
import type { FeedConfig, RefreshResult } from '../types.js';
import type { PipelineOptions } from './pipeline.js';
import type { NormalisedFeed, PreparedFeed } from './prepare-feed.js';
import type { RefreshOptions } from './refresh.js';
import type { PageRunStats } from '../article/full.js';
import { ExtractError, type ExtractedArticle, type ExtractFailure } from '../article/types.js';
import { problem, problemOf, ProblemError, type Problem } from '../i18n/problem.js';

export interface RefreshJob {
  feeds: FeedConfig[];
  cacheFile: string;
  ignoreRetryAfter?: boolean;
  /** Plain data only: it crosses to the worker (env is the worker's own copy of process.env). */
  pipeline: Omit<PipelineOptions, 'env'>;
  /** The settings' ignore rules and retention limits, applied to each feed's write. */
  policy?: StorePolicy;
  /** refresh --full: after the feeds, fetch the pages of the articles stored since this ISO time. */
  pagesSince?: string;
  /** The demo: pages of the sample site are read from this samples/ directory (defaults.ts samplePageLocator). */
  samplePages?: string;
}

export type RefreshMessage =
  | { kind: 'result'; result: RefreshResult; done: number; total: number }
  | { kind: 'pages'; stats: PageRunStats }
  | { kind: 'done'; results: RefreshResult[] }
  | { kind: 'failed'; problem: Problem }
  /** The cache turned out to be damaged; the file is left as it is. */
  | { kind: 'damaged'; path: string; code: string }
  | ParseRequest
  | ExtractRequest;

/**
 * The refresh thread asks the thread that started it to parse and normalise one fetched document (and, when
 * `prepare`, to prepare its rows too); the answer is a ParseReply with the same id.
 */
export interface ParseRequest {
  kind: 'parse';
  id: number;
  bytes: Uint8Array;
  url: string;
  contentType: string | null;
  cfg: FeedConfig;
  prepare: boolean;
}

export type ParseReply =
  | { id: number; ok: true; feed: NormalisedFeed }
  | { id: number; ok: true; prepared: PreparedFeed }
  | { id: number; ok: false; problem: Problem };

/**
 * refresh --full: the refresh thread fetches pages and stores them, and asks the thread that started it to
 * extract each page (the CPU-heavy step, as parsing is for feeds), so the two overlap on two cores. The answer
 * is an ExtractReply with the same id.
 */
export interface ExtractRequest {
  kind: 'extract';
  id: number;
  bytes: Uint8Array;
  url: string;
  contentType: string | null;
}

export type ExtractReply =
  | { kind: 'extracted'; id: number; ok: true; article: ExtractedArticle }
  /** `reason`: the ExtractError's (null for any other failure, stored as no article). */
  | { kind: 'extracted'; id: number; ok: false; reason: ExtractFailure | null; message: string };

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
 * A refresh thread started before its job is known (see prestartRefreshThread), waiting for it as its first
 * message.
 */
let prestarted: { file: string; worker: import('node:worker_threads').Worker } | null = null;

/** What a prestarted refresh thread is sent first: the job it would otherwise get as its workerData. */
export interface StartMessage {
  kind: 'start';
  job: RefreshJob;
}

/**
 * Starts the refresh thread of `refresh` while this thread still loads the settings, the cache and the command:
 * the thread's start (a V8 isolate, Node's bootstrap, its modules and the HTTP client, ~0.1-0.2 s of CPU)
 * overlaps with them instead of following them. It waits for its job (refreshInWorker sends it) and does
 * nothing else; unused, it keeps nothing alive and is stopped by discardRefreshThread.
 */
export async function prestartRefreshThread(file: URL): Promise<void> {
  if (prestarted !== null) return;
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(file, { workerData: null, resourceLimits: REFRESH_THREAD_LIMITS });
  worker.unref();
  // A thread that fails or stops before it is given its job is forgotten: refreshInWorker starts its own.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    if (prestarted?.worker === worker) prestarted = null;
  });
  prestarted = { file: file.href, worker };
}

/** Stops a prestarted refresh thread no refresh took (a refresh of a few feeds runs on this thread). */
export function discardRefreshThread(): void {
  const p = prestarted;
  prestarted = null;
  void p?.worker.terminate();
}

/**
 * The refresh of `feeds` on a worker thread writing to `cacheFile` (already opened, so migrated, by the
 * caller). Rejects with a ProblemError, the worker's own problem, when it cannot run (the cache cannot be
 * opened) or stops, and with a CacheDamagedError when the cache turned out to be damaged.
 *
 * The refresh uses both threads: the worker fetches, prepares rows and writes SQLite, and sends each fetched
 * document here to be parsed and normalised (answerParse), so the two halves of consecutive feeds overlap on
 * two cores. The worker keeps at most 16 feeds in progress, which bounds what waits in either queue.
 */
export async function refreshInWorker(
  file: URL,
  job: RefreshJob,
  options: Pick<RefreshOptions, 'onResult'> & {
    onPages?: (stats: PageRunStats) => void;
    /**
     * Some feed will answer with a document: the parser loads now, while the refresh thread starts and
     * fetches (this thread is idle then), instead of delaying the first document. A refresh where every feed
     * answers 304 should not pay for it.
     */
    parseSoon?: boolean;
  } = {},
): Promise<RefreshResult[]> {
  const { Worker } = await import('node:worker_threads');
  const early = prestarted !== null && prestarted.file === file.href ? prestarted.worker : null;
  prestarted = null;
  return new Promise<RefreshResult[]>((resolve, reject) => {
    let settled = false;
    const worker = early ?? new Worker(file, { workerData: job, resourceLimits: REFRESH_THREAD_LIMITS });
    if (early !== null) {
      early.ref();
      early.postMessage({ kind: 'start', job } satisfies StartMessage);
    }
    if (options.parseSoon === true) loadParser().catch(() => undefined);
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    // One document per turn of the event loop: a port delivers every queued message in one go, and parsing
    // them back to back would hold up the reader's keys and frames (and the new articles they show) for as
    // long as all of them take.
    const queue: (ParseRequest | ExtractRequest)[] = [];
    let stepping = false;
    const step = (): void => {
      const m = queue.shift();
      if (m === undefined) {
        stepping = false;
        return;
      }
      void (m.kind === 'parse' ? answerParse(m) : answerExtract(m)).then((reply) => {
        if (!settled) worker.postMessage(reply);
        setImmediate(step);
      });
    };
    worker.on('message', (m: RefreshMessage) => {
      if (m.kind === 'parse' || m.kind === 'extract') {
        queue.push(m);
        if (!stepping) {
          stepping = true;
          setImmediate(step);
        }
      } else if (m.kind === 'result') options.onResult?.(m.result, m.done, m.total);
      else if (m.kind === 'pages') options.onPages?.(m.stats);
      else if (m.kind === 'done') settle(() => resolve(m.results));
      else if (m.kind === 'damaged') settle(() => reject(new CacheDamagedError(m.path, Object.assign(new Error(m.code), { code: m.code }))));
      else settle(() => reject(new ProblemError(m.problem)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', () => settle(() => reject(new ProblemError(problem('errRefreshStopped')))));
  });
}

// The parser and normaliser load on the first document (or before it: parseSoon), so a refresh where every
// feed answers 304 loads neither.
let parser: Promise<typeof import('./prepare-feed.js')> | undefined;
const loadParser = (): Promise<typeof import('./prepare-feed.js')> => (parser ??= import('./prepare-feed.js'));

/** One ParseRequest answered on this thread; a document that cannot be read is answered with its problem. */
export async function answerParse(m: ParseRequest): Promise<ParseReply> {
  try {
    const { normaliseDocument, prepareRows } = await loadParser();
    const feed = normaliseDocument(m.bytes, { url: m.url, contentType: m.contentType }, m.cfg);
    return m.prepare ? { id: m.id, ok: true, prepared: prepareRows(feed, m.cfg.url) } : { id: m.id, ok: true, feed };
  } catch (error) {
    return { id: m.id, ok: false, problem: problemOf(error) };
  }
}

// The extractor (a DOM and Readability) loads on the first page, so only refresh --full pays for it.
let extractor: Promise<typeof import('../article/extractor.js')> | undefined;

/** One ExtractRequest answered on this thread; a page with no article is answered with the ExtractError's reason. */
export async function answerExtract(m: ExtractRequest): Promise<ExtractReply> {
  try {
    const { extractPage } = await (extractor ??= import('../article/extractor.js'));
    const article = await extractPage(m.bytes, { url: m.url, ...(m.contentType ? { contentType: m.contentType } : {}) });
    return { kind: 'extracted', id: m.id, ok: true, article };
  } catch (error) {
    const reason = error instanceof ExtractError ? error.reason : null;
    return { kind: 'extracted', id: m.id, ok: false, reason, message: error instanceof Error ? error.message : String(error) };
  }
}
