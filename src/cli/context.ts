import { mkdirSync } from 'node:fs';
import { Config, storePolicy } from '../core/config.js';
import { DEFAULT_FEEDS, samplePageLocator } from '../core/defaults.js';
import { systemTimeZone } from '../core/i18n/dates.js';
import { detectLocaleLang } from '../core/i18n/index.js';
import { resolvePaths, type Paths } from '../core/paths.js';
import { openStore, recoverStore, type OpenResult } from '../core/store/open-store.js';
import type { SqliteStore } from '../core/store/sqlite.js';
import { isCacheDamaged, StoreError } from '../core/store/errors.js';
import { loadPipeline, timeoutLimits } from '../core/feeds/pipeline.js';
import { extractPage } from '../core/article/extractor.js';
import { pagesAfterRefresh } from '../core/article/refresh-pages.js';
import type { PageRunStats } from '../core/article/full.js';
import { refreshFeeds, type RefreshOptions } from '../core/feeds/refresh.js';
import { refreshInWorker, refreshWorkerFile } from '../core/feeds/refresh-thread.js';
import type { Edition, FeedConfig, RefreshResult } from '../core/types.js';
import { VERSION } from '../core/version.js';
import { cliMessages, type CliMessages } from '../core/i18n/cli.js';
import type { PageDeps } from '../core/article/full.js';
import type { Fetcher } from '../core/feeds/http.js';
import { explain, problemOf } from '../core/i18n/problem.js';
import { resolveKeys, type Keymap } from '../ui/keymap.js';
import { CliError } from './errors.js';
import { REFRESH_THREAD_MIN_FEEDS } from '../core/feeds/refresh-limits.js';

export { CliError } from './errors.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /**
   * Columns available for human output on a terminal; Infinity when stdout is a pipe or a file, where
   * output is data (`cyberread list | grep` must find a long title whole) and nothing is cut or wrapped.
   */
  width: number;
  /**
   * Writes `chunk` as it is and resolves once the destination can take more: long output (list --all
   * --json) waits for a slow reader instead of piling up in memory.
   */
  write(chunk: string): Promise<void>;
}

export interface Context extends Output {
  paths: Paths;
  config: Config;
  lang: Edition;
  msg: CliMessages;
  json: boolean;
  timeZone: string;
  /** The key table with the settings' "keys" over it (the reader's keys, and `cyberread keys`). */
  keymap: Keymap;
  /** The environment the command runs in (CYBERREAD_SYNC_PASSWORD, proxies …). */
  env: NodeJS.ProcessEnv;
  /** Opens the cache on first use, reporting a recovered (moved aside) cache on stderr. */
  store(): SqliteStore;
  /** The last time this run moved a damaged cache aside: where to, and how many read/star marks it kept. */
  recovery(): { movedTo: string; restoredFlags: number; restoredQueue: number } | null;
  /**
   * The cache turned out to be damaged after it was opened: closes it, moves the file aside, builds a fresh
   * one (read/star flags rescued) and says so on stderr. Throws a CliError when the file cannot be moved.
   */
  recoverCache(): void;
  /**
   * Refreshes `feeds` into the cache with the settings' concurrency; when `all` (every subscribed feed was
   * asked), records the time so the reader's background refresh waits a full interval.
   */
  refresh(feeds: FeedConfig[], options?: ContextRefreshOptions): Promise<RefreshResult[]>;
  /**
   * What fetching an article's page needs (core/article/full.ts): the feed HTTP client with the settings'
   * concurrency and per-host limit (made on first use), the extractor, and in the demo the sample pages.
   */
  pages(): PageDeps;
  close(): void;
}

export interface ContextRefreshOptions extends RefreshOptions {
  /** Every subscribed feed was asked: record the time. Default true. */
  all?: boolean;
  /** Also fetch the pages of the new articles of feeds whose fullText is auto or always (refresh --full). */
  full?: boolean;
  /** Told once the pages are done (refresh --full). */
  onPages?: (stats: PageRunStats) => void;
  /**
   * Where the refresh runs: 'worker' on a thread of its own (the reader: keys keep being answered), 'here'
   * on this one, 'auto' (default) a thread of its own from REFRESH_THREAD_MIN_FEEDS feeds on. A thread is
   * only used from the built program (dist/), not when `now` is given, nor with CYBERREAD_REFRESH_THREAD=0.
   */
  thread?: 'worker' | 'here' | 'auto';
  /**
   * A damaged cache found during the refresh: 'recover' (default) moves it aside and runs the refresh again
   * on a fresh cache; 'throw' leaves the file alone and throws the CacheDamagedError (the reader, which
   * still has the file open, notes it to be moved aside at its next start).
   */
  onDamage?: 'recover' | 'throw';
}

export { REFRESH_THREAD_MIN_FEEDS } from '../core/feeds/refresh-limits.js';

export function parseLang(value: string | undefined, fallback: CliMessages): Edition | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'id' || v === 'en') return v;
  throw new CliError(fallback.badLang(value), 2);
}

export function createContext(options: {
  home: string | undefined;
  lang: string | undefined;
  json: boolean;
  output: Output;
  env?: NodeJS.ProcessEnv;
  defaultFeeds?: typeof DEFAULT_FEEDS;
  /**
   * The demo: the samples/ directory whose pages/ are read instead of the sample site's addresses (see
   * samplePageLocator), here and on the refresh thread.
   */
  samplePages?: string;
  /** The context of the reader (no command): says a recovered cache is filled by the reader's refresh. */
  reader?: boolean;
}): Context {
  const env = options.env ?? process.env;
  const paths = resolvePaths(options.home ?? (env.CYBERREAD_HOME || undefined), env);
  const localeLang = detectLocaleLang(env);
  const requested = parseLang(options.lang, cliMessages(localeLang));
  let config: Config;
  try {
    config = new Config(paths.configDir, options.defaultFeeds ?? DEFAULT_FEEDS);
  } catch (error) {
    throw new CliError(explain(problemOf(error), requested ?? localeLang));
  }
  const lang = requested ?? config.settings.lang ?? localeLang;
  const msg = cliMessages(lang);
  for (const w of config.warningsIn(lang)) options.output.err(w);
  // keys the table cannot take are reported with the other settings, once per run, and the defaults kept
  const keys = resolveKeys(config.settings.keys, config.path);
  for (const p of keys.problems) options.output.err(explain(p, lang));
  let store: SqliteStore | undefined;
  const timeZone = config.settings.timeZone ?? systemTimeZone();
  // the ignore rules and retention limits, for every list, count and write of this run (the refresh thread too)
  const policy = storePolicy(config.settings, timeZone);
  // The HTTP client loads on the first page fetched, as the refresh pipeline's does: not before the first frame.
  let fetcher: Promise<Fetcher> | undefined;
  let deps: PageDeps | undefined;
  const locate = options.samplePages === undefined ? undefined : samplePageLocator(options.samplePages);
  const makeFetcher = async (): Promise<Fetcher> => {
    const { createFetcher, userAgent } = await import('../core/feeds/http.js');
    return createFetcher({
      concurrency: config.settings.concurrency,
      perHost: config.settings.perHost,
      userAgent: userAgent(VERSION),
      limits: timeoutLimits(env),
      env,
    });
  };

  async function refreshOnce(ctx: Context, feeds: FeedConfig[], refreshOptions: ContextRefreshOptions): Promise<RefreshResult[]> {
    const { all = true, thread = 'auto', full = false, onPages, ...rest } = refreshOptions;
    const s = config.settings;
    const pipelineOptions = { concurrency: s.concurrency, perHost: s.perHost, version: VERSION };
    // CYBERREAD_REFRESH_THREAD=0 keeps every refresh on this thread (to compare, or to debug).
    const threadAllowed = rest.now === undefined && thread !== 'here' && env.CYBERREAD_REFRESH_THREAD !== '0';
    const file = threadAllowed ? refreshWorkerFile() : null;
    let results: RefreshResult[];
    // Articles stored from now on are this refresh's new ones, whose pages --full fetches.
    const since = new Date().toISOString();
    if (file !== null && (thread === 'worker' || feeds.length >= REFRESH_THREAD_MIN_FEEDS)) {
      // Opened here first: a damaged cache is moved aside and reported by this thread, as without a worker.
      const store = ctx.store();
      // A feed with no validators stored answers with a document (a new one, or a server that sends none):
      // this thread loads the parser while the refresh thread starts, not when that document arrives.
      const parseSoon = feeds.some((f) => {
        const state = store.getFeedState(f.url);
        return state === null || (!state.etag && !state.lastModified);
      });
      try {
        results = await refreshInWorker(
          file,
          {
            feeds,
            cacheFile: paths.cacheFile,
            ignoreRetryAfter: rest.ignoreRetryAfter,
            pipeline: pipelineOptions,
            policy,
            ...(full ? { pagesSince: since } : {}),
            ...(options.samplePages !== undefined ? { samplePages: options.samplePages } : {}),
          },
          { onResult: rest.onResult, parseSoon, ...(onPages ? { onPages } : {}) },
        );
      } catch (error) {
        if (isCacheDamaged(error)) throw error;
        throw new CliError(explain(problemOf(error), lang));
      }
    } else {
      const pipeline = await loadPipeline(pipelineOptions);
      try {
        results = await refreshFeeds(feeds, ctx.store(), pipeline, rest);
        if (full) {
          const stats = await pagesAfterRefresh(
            ctx.store(),
            feeds,
            since,
            { fetch: pipeline.fetch, extract: extractPage, ...(locate ? { locate } : {}) },
            s.concurrency,
          );
          onPages?.(stats);
        }
      } finally {
        await pipeline.close?.();
      }
    }
    if (all) config.set('lastRefreshAt', new Date().toISOString());
    return results;
  }

  // Set while a refresh runs: a recovery message then need not ask for one.
  let refreshing = false;
  let recovery: { movedTo: string; restoredFlags: number; restoredQueue: number } | null = null;
  const report = (opened: OpenResult): void => {
    if (!opened.recovered) return;
    recovery = opened.recovered;
    // the reader's background refresh is due at once (see below) and fills the fresh cache
    const then = refreshing ? 'refresh' : options.reader === true && config.settings.feeds.length > 0 ? 'reader' : 'none';
    options.output.err(msg.cacheRecovered(paths.cacheFile, opened.recovered.movedTo, opened.recovered.restoredFlags, then));
    if (opened.recovered.restoredQueue > 0) options.output.err(msg.cacheRecoveredQueue(opened.recovered.restoredQueue));
    // The fresh cache was never refreshed: the reader's background refresh is due at its next start (a
    // refresh running now records its own time when it ends).
    try {
      config.set('lastRefreshAt', undefined);
    } catch {
      // a settings file that cannot be written costs only that early refresh
    }
  };
  return {
    ...options.output,
    paths,
    config,
    lang,
    msg,
    json: options.json,
    timeZone,
    keymap: keys.keymap,
    env,
    store() {
      if (store) return store;
      try {
        mkdirSync(paths.dataDir, { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(
          code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? msg.cacheDirDenied(paths.dataDir)
            : msg.cacheDirFailed(paths.dataDir, (error as Error).message),
        );
      }
      try {
        const opened = openStore(paths.cacheFile);
        report(opened);
        store = opened.store;
        store.setPolicy(policy);
        return store;
      } catch (error) {
        if (error instanceof StoreError) throw new CliError(explain(error.problem, lang));
        throw error;
      }
    },
    recovery: () => recovery,
    recoverCache() {
      store?.close();
      store = undefined;
      try {
        const opened = recoverStore(paths.cacheFile);
        report(opened);
        store = opened.store;
        store.setPolicy(policy);
      } catch (error) {
        if (error instanceof StoreError) throw new CliError(explain(error.problem, lang));
        throw error;
      }
    },
    async refresh(feeds, refreshOptions = {}) {
      const { onDamage = 'recover', ...once } = refreshOptions;
      refreshing = true;
      try {
        return await refreshOnce(this, feeds, once);
      } catch (error) {
        if (!isCacheDamaged(error) || onDamage === 'throw') throw error;
        // Found damaged during the refresh: moved aside, and the feeds are fetched again into a fresh cache
        // (those written before the damage was found went with the old file).
        this.recoverCache();
        return await refreshOnce(this, feeds, once);
      } finally {
        refreshing = false;
      }
    },
    pages() {
      if (deps) return deps;
      deps = {
        fetch: async (req) => (await (fetcher ??= makeFetcher())).fetch(req),
        extract: extractPage,
        ...(locate ? { locate } : {}),
      };
      return deps;
    },
    close() {
      store?.close();
      store = undefined;
      void fetcher?.then((f) => f.close());
      fetcher = undefined;
    },
  };
}
