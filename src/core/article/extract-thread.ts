/**
 * Page extraction on a thread of its own, for the reader: the page arrives while the reader shows the feed
 * text, and its extraction (a DOM built and walked by Readability) runs beside the UI instead of blocking it.
 * One worker, started on the first page and kept for the next ones; one page at a time, so a page left
 * behind (the reader moved on, Esc) can be stopped by ending the worker, which also frees its DOM at once.
 */
import { builtBeside } from '../feeds/refresh-thread.js';
import { extractPage } from './extractor.js';
import { ExtractError, type ExtractedArticle, type ExtractFailure, type ExtractOptions } from './types.js';

export interface ExtractJob {
  id: number;
  page: Uint8Array | string;
  options: ExtractOptions;
}

export type ExtractJobReply =
  | { id: number; ok: true; article: ExtractedArticle }
  /** `reason`: the ExtractError's, or null for any other failure (stored as no article). */
  | { id: number; ok: false; reason: ExtractFailure | null; message: string };

export interface ThreadExtractor {
  /** Rejects with an AbortError when `signal` aborts first, and with ExtractError when the page has no article. */
  extract(page: Uint8Array | string, options: ExtractOptions, signal?: AbortSignal): Promise<ExtractedArticle>;
  /** Ends the worker; jobs still waiting are rejected. */
  close(): Promise<void>;
}

/** The built worker beside this module (dist/), or null when running from source (vitest). */
export function extractWorkerFile(): URL | null {
  return builtBeside('extract-worker.js', import.meta.url);
}

/**
 * Besides the DOM bounds of dom.ts, a page may not take the worker past this much heap: a worker that runs out
 * is ended by V8 and its page stored as not readable, where the reader itself would have crashed.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 };

interface Pending {
  job: ExtractJob;
  resolve: (a: ExtractedArticle) => void;
  reject: (e: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

const abortError = (): Error => Object.assign(new Error('The extraction was cancelled.'), { name: 'AbortError' });

/**
 * An extractor running on a worker thread made from `file`; with no file (running from source), extraction
 * runs on this thread as before.
 */
export function threadExtractor(file: URL | null = extractWorkerFile()): ThreadExtractor {
  if (file === null) {
    return {
      extract: async (page, options, signal) => {
        if (signal?.aborted) throw abortError();
        return extractPage(page, options);
      },
      close: async () => undefined,
    };
  }
  type W = import('node:worker_threads').Worker;
  let worker: W | null = null;
  let starting: Promise<W> | null = null;
  let running: Pending | null = null;
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const settle = (p: Pending): void => {
    p.signal?.removeEventListener('abort', p.onAbort);
    if (running === p) running = null;
  };

  const start = async (): Promise<W> => {
    if (worker !== null) return worker;
    starting ??= import('node:worker_threads').then(({ Worker }) => {
      const w = new Worker(file, { resourceLimits: WORKER_LIMITS });
      w.unref();
      w.on('message', (reply: ExtractJobReply) => {
        const p = running;
        if (p === null || p.job.id !== reply.id) return;
        settle(p);
        if (reply.ok) p.resolve(reply.article);
        else p.reject(reply.reason === null ? new Error(reply.message) : new ExtractError(reply.reason, reply.message));
        pump();
      });
      // Out of memory, or any other death: the page it was reading is not readable; the next one gets a new worker.
      const died = (): void => {
        if (worker !== w) return;
        worker = null;
        const p = running;
        if (p !== null) {
          settle(p);
          p.reject(new ExtractError('too-complex', 'The page could not be read as an article.'));
        }
        pump();
      };
      w.on('error', died);
      w.on('exit', died);
      worker = w;
      starting = null;
      return w;
    });
    return starting;
  };

  const pump = (): void => {
    if (running !== null || closed) return;
    const p = queue.shift();
    if (p === undefined) return;
    running = p;
    void start().then(
      (w) => {
        if (running === p) w.postMessage(p.job);
      },
      (error: unknown) => {
        settle(p);
        p.reject(error instanceof Error ? error : new Error(String(error)));
        pump();
      },
    );
  };

  return {
    extract(page, options, signal) {
      if (closed) return Promise.reject(new Error('The extractor is closed.'));
      if (signal?.aborted) return Promise.reject(abortError());
      return new Promise<ExtractedArticle>((resolve, reject) => {
        const p: Pending = {
          job: { id: nextId++, page, options },
          resolve,
          reject,
          signal,
          onAbort: () => {
            const i = queue.indexOf(p);
            if (i !== -1) queue.splice(i, 1);
            else if (running === p && worker !== null) {
              // Stop the work itself: the worker is ended (its exit handler ignores a worker no longer current).
              const w = worker;
              worker = null;
              void w.terminate();
            }
            settle(p);
            reject(abortError());
            pump();
          },
        };
        signal?.addEventListener('abort', p.onAbort, { once: true });
        queue.push(p);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) {
        settle(p);
        p.reject(abortError());
      }
      if (running !== null) {
        const p = running;
        settle(p);
        p.reject(abortError());
      }
      const w = worker ?? (starting ? await starting.catch(() => null) : null);
      worker = null;
      if (w !== null) await w.terminate();
    },
  };
}
