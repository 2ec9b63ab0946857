/**
 * Worker-thread entry for a whole refresh: fetch, prepare rows and write with its own connection to the
 * cache, while the thread that asked parses and normalises each document (see refresh-thread.ts). That thread
 * never waits on SQLite, and this thread's young generation is capped by the Worker's resourceLimits.
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { isCacheDamaged } from '../store/errors.js';
import { openExistingStore } from '../store/open-store.js';
import { loadPipeline, type RemoteParser } from './pipeline.js';
import { prepareRows, type PreparedFeed } from './prepare-rows.js';
import { refreshFeeds } from './refresh.js';
import type { ExtractReply, ExtractRequest, ParseReply, ParseRequest, RefreshJob, RefreshMessage, StartMessage } from './refresh-thread.js';
import { loadUndici } from './http.js';
import { ExtractError, type ExtractedArticle, type ExtractOptions } from '../article/types.js';
import { problemOf, ProblemError } from '../i18n/problem.js';

const post = (m: RefreshMessage, transfer?: ArrayBuffer[]): void => parentPort?.postMessage(m, transfer);

// A refresh runs in the background: waiting for another cyberread's writes (a second refresh, the reader's
// own background refresh) is better than failing a feed after the interactive 5 seconds.
const REFRESH_BUSY_TIMEOUT_MS = 30_000;

/**
 * The thread that asked parses during the refresh, and its young generation cannot be capped like this
 * thread's (resourceLimits): V8 grew it from 4 to 32 MiB within the first second of a 300-feed refresh, which
 * took the peak from ~160 to ~195 MiB. V8 reads --semi-space-growth-factor whenever it would grow a young
 * generation; 1 keeps each at the size it has (the refresh thread stays under its own cap anyway). Starting a
 * Worker sets V8's flags back to the command line's, so this is set here, once this thread runs. Measured on
 * 300 feeds: ~161 instead of ~195 MiB, CPU time within noise (bench/CHANGES.md).
 */
function keepYoungGenerationsSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Only memory is at stake.
  }
}

/**
 * Documents parsed and normalised by the thread that started this one. Rows are prepared here, unless that
 * thread has (almost) nothing else queued when the document is sent: then this thread, busy fetching and
 * writing, is the slower of the two, and the other one prepares the rows too. Which thread is slower depends on
 * the feeds (bodies are prepared here, items parsed there) and on what else the machine runs.
 */
function parentParser(): { parse: RemoteParser; stop: () => void } {
  let next = 1;
  const waiting = new Map<number, { resolve: (r: PreparedFeed) => void; reject: (e: Error) => void; feedUrl: string }>();
  const onReply = (reply: ParseReply | ExtractReply): void => {
    if ('kind' in reply) return;
    const job = waiting.get(reply.id);
    if (job === undefined) return;
    waiting.delete(reply.id);
    if (!reply.ok) job.reject(new ProblemError(reply.problem));
    else if ('prepared' in reply) job.resolve(reply.prepared);
    else {
      try {
        job.resolve(prepareRows(reply.feed, job.feedUrl));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  };
  parentPort?.on('message', onReply);
  const parse: RemoteParser = (bytes, o, cfg) =>
    new Promise<PreparedFeed>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject, feedUrl: cfg.url });
      const request: ParseRequest = { kind: 'parse', id, bytes, url: o.url, contentType: o.contentType, cfg, prepare: preparesThere(waiting.size - 1) };
      // The fetched bytes are handed over, not copied, when they own their buffer (the fetcher's always do).
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      post(request, own ? [bytes.buffer as ArrayBuffer] : undefined);
    });
  return { parse, stop: () => parentPort?.off('message', onReply) };
}

/**
 * refresh --full: pages are extracted by the thread that started this one (see ExtractRequest), while this
 * one goes on fetching and storing the next pages.
 */
function parentExtractor(): { extract: (bytes: Uint8Array, o: ExtractOptions) => Promise<ExtractedArticle>; stop: () => void } {
  let next = 1;
  const waiting = new Map<number, { resolve: (a: ExtractedArticle) => void; reject: (e: Error) => void }>();
  const onReply = (reply: ParseReply | ExtractReply): void => {
    if (!('kind' in reply)) return;
    const job = waiting.get(reply.id);
    if (job === undefined) return;
    waiting.delete(reply.id);
    if (reply.ok) job.resolve(reply.article);
    else job.reject(reply.reason === null ? new Error(reply.message) : new ExtractError(reply.reason, reply.message));
  };
  parentPort?.on('message', onReply);
  const extract = (bytes: Uint8Array, o: ExtractOptions): Promise<ExtractedArticle> =>
    new Promise<ExtractedArticle>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      const request: ExtractRequest = { kind: 'extract', id, bytes, url: o.url, contentType: o.contentType ?? null };
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      post(request, own ? [bytes.buffer as ArrayBuffer] : undefined);
    });
  return { extract, stop: () => parentPort?.off('message', onReply) };
}

function preparesThere(queuedThere: number): boolean {
  return queuedThere < 2;
}

async function run(job: RefreshJob): Promise<void> {
  keepYoungGenerationsSmall();
  const store = openExistingStore(job.cacheFile, REFRESH_BUSY_TIMEOUT_MS);
  if (job.policy !== undefined) store.setPolicy(job.policy);
  const parent = parentParser();
  try {
    const pipeline = await loadPipeline(job.pipeline, parent.parse);
    try {
      const results = await refreshFeeds(job.feeds, store, pipeline, {
        ignoreRetryAfter: job.ignoreRetryAfter,
        onResult: (result, done, total) => post({ kind: 'result', result, done, total }),
      });
      if (job.pagesSince !== undefined) {
        const [{ pagesAfterRefresh }, { samplePageLocator }] = await Promise.all([import('../article/refresh-pages.js'), import('../defaults.js')]);
        const extractor = parentExtractor();
        try {
          const deps = {
            fetch: pipeline.fetch,
            extract: extractor.extract,
            ...(job.samplePages !== undefined ? { locate: samplePageLocator(job.samplePages) } : {}),
          };
          post({ kind: 'pages', stats: await pagesAfterRefresh(store, job.feeds, job.pagesSince, deps, job.pipeline.concurrency) });
        } finally {
          extractor.stop();
        }
      }
      post({ kind: 'done', results });
    } finally {
      await pipeline.close?.();
    }
  } finally {
    parent.stop();
    store.close();
  }
}

const start = (job: RefreshJob): void => {
  run(job).catch((error: unknown) => {
    // Damage is told apart: the thread that asked decides what happens to the file (see refresh-thread.ts).
    if (isCacheDamaged(error)) post({ kind: 'damaged', path: error.path, code: error.code ?? 'SQLITE_CORRUPT' });
    else post({ kind: 'failed', problem: problemOf(error) });
  });
};

if (workerData !== null) start(workerData as RefreshJob);
else {
  // Started before its job was known (prestartRefreshThread): the HTTP client loads while the job is made.
  void loadUndici().catch(() => undefined);
  parentPort?.once('message', (m: StartMessage) => start(m.job));
}
