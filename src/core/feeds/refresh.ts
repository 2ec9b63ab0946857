import type { ArticleStore, RowsWrite, UpsertResult, WriteOutcome } from '../store/store.js';
import type { PreparedFeed } from './prepare-feed.js';
import type { FeedConfig, RefreshResult } from '../types.js';
import type { FetchRequest } from './http.js';
import { problem, problemOf, type Problem } from '../i18n/problem.js';
import { isCacheDamaged } from '../store/errors.js';

/** The outcome of one fetch, as src/core/feeds/http.ts reports it. */
export type FetchResult =
  | { kind: 'ok'; url: string; status: number; bytes: Uint8Array; contentType: string | null; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified'; url: string; etag: string | null; lastModified: string | null }
  | { kind: 'error'; url: string; problem: Problem; status?: number; retryAfter?: string };

/** The steps a refresh chains; plain functions so tests can run them on fixtures. */
export interface Pipeline {
  /** Feeds, and article pages (refresh --full), through the one HTTP client and its per-host limit. */
  fetch(req: FetchRequest): Promise<FetchResult>;
  /** parse + normalise + row preparation of one document (prepare-feed.ts), off this thread when a worker pool runs. */
  parseAndPrepare(bytes: Uint8Array, options: { url: string; contentType: string | null }, cfg: FeedConfig): Promise<PreparedFeed>;
  close?(): Promise<void>;
}

export interface RefreshOptions {
  /** Called after each feed, in completion order. */
  onResult?: (result: RefreshResult, done: number, total: number) => void;
  /** Ask again even when a server's Retry-After has not passed yet. */
  ignoreRetryAfter?: boolean;
  now?: () => Date;
  /**
   * Feeds in progress at once (fetched, parsed or being written); default 16. The fetcher bounds requests
   * itself; this bound keeps fetched bodies from piling up in memory faster than they are parsed.
   */
  inFlight?: number;
}


/**
 * Writes the feeds that finish close together in one transaction (ArticleStore.saveRowsMany): a fresh 300-feed
 * import spent about a third of its SQLite time committing one feed at a time. A write waits at most
 * GROUP_WAIT_MS for others, and none when every feed still in progress is waiting for it, so the first articles
 * are in the cache (and in the reader) a moment after their feed is prepared, and a kill loses at most the
 * group not yet committed, never anything cached before.
 */
const GROUP_WAIT_MS = 50;
const GROUP_MAX = 8;

class GroupWriter {
  private queue: { write: RowsWrite; done: (o: WriteOutcome) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Lanes still taking feeds (refreshFeeds): when all of them wait here, nothing else can join the group. */
  lanes = 0;

  constructor(private readonly store: ArticleStore) {}

  save(write: RowsWrite): Promise<UpsertResult> {
    if (this.store.saveRowsMany === undefined) return Promise.resolve(this.store.saveRows(write.url, write.state, write.rows));
    return new Promise<WriteOutcome>((done) => {
      this.queue.push({ write, done });
      if (!this.full()) this.timer ??= setTimeout(() => this.flush(), GROUP_WAIT_MS);
      else this.flush();
    }).then((o) => {
      if (o.ok) return o.result;
      throw o.error;
    });
  }

  /** A lane ran out of feeds: the others may all be waiting here now. */
  laneDone(): void {
    this.lanes -= 1;
    if (this.queue.length > 0 && this.full()) this.flush();
  }

  private full(): boolean {
    return this.queue.length >= GROUP_MAX || this.queue.length >= this.lanes;
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let outcomes: WriteOutcome[];
    try {
      outcomes = this.store.saveRowsMany?.(group.map((g) => g.write)) ?? [];
    } catch (error) {
      outcomes = group.map(() => ({ ok: false, error }));
    }
    group.forEach((g, i) => g.done(outcomes[i] ?? this.alone(g.write)));
  }

  private alone(w: RowsWrite): WriteOutcome {
    try {
      return { ok: true, result: this.store.saveRows(w.url, w.state, w.rows) };
    } catch (error) {
      return { ok: false, error };
    }
  }
}

async function refreshOne(feed: FeedConfig, store: ArticleStore, pipeline: Pipeline, options: RefreshOptions, writer: GroupWriter): Promise<RefreshResult> {
  const now = (options.now ?? (() => new Date()))();
  const fetchedAt = now.toISOString();
  const base = { url: feed.url, added: 0, updated: 0 };
  // The settings are where a feed's name lives: each fetch copies it to the cache, which lists articles with it.
  const userTitle = feed.title === undefined ? null : feed.title;
  let state: ReturnType<ArticleStore['getFeedState']>;
  try {
    state = store.getFeedState(feed.url);
  } catch (error) {
    // A damaged cache stops the refresh (its owner moves the file aside); one locked too long fails this feed.
    if (isCacheDamaged(error)) throw error;
    return { ...base, status: 'error', error: problemOf(error) };
  }

  if (!options.ignoreRetryAfter && state?.retryAfter && Date.parse(state.retryAfter) > now.getTime()) {
    return { ...base, status: 'error', error: problem('errSkippedWait', state.retryAfter) };
  }

  let outcome: FetchResult;
  try {
    outcome = await pipeline.fetch({ url: feed.url, etag: state?.etag, lastModified: state?.lastModified });
  } catch (error) {
    outcome = { kind: 'error', url: feed.url, problem: problemOf(error) };
  }

  try {
    if (outcome.kind === 'error') {
      const removed = store.saveFetchState(feed.url, {
        userTitle,
        lastFetched: fetchedAt,
        lastStatus: 'error',
        lastError: outcome.problem,
        retryAfter: outcome.retryAfter ?? null,
      });
      return { ...base, ...(removed > 0 ? { removed } : {}), status: 'error', error: outcome.problem };
    }
    if (outcome.kind === 'not-modified') {
      const removed = store.saveFetchState(feed.url, {
        userTitle,
        lastFetched: fetchedAt,
        lastStatus: 'unchanged',
        lastError: null,
        retryAfter: null,
        etag: outcome.etag ?? state?.etag ?? null,
        lastModified: outcome.lastModified ?? state?.lastModified ?? null,
      });
      return { ...base, ...(removed > 0 ? { removed } : {}), status: 'unchanged' };
    }
    const fetchState = {
      userTitle,
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      lastFetched: fetchedAt,
      // the store makes it 'new' if the document added or changed an article
      lastStatus: 'unchanged' as const,
      lastError: null,
      retryAfter: null,
    };
    let prepared: PreparedFeed;
    try {
      prepared = await pipeline.parseAndPrepare(outcome.bytes, { url: outcome.url, contentType: outcome.contentType }, feed);
    } catch (error) {
      const told = problemOf(error);
      // Validators are not stored: the next refresh must download the document again.
      store.saveFetchState(feed.url, { userTitle, lastFetched: fetchedAt, lastStatus: 'error', lastError: told, retryAfter: null });
      return { ...base, status: 'error', error: told };
    }
    const { title, siteUrl, rows } = prepared;
    const { added, updated, dropped, removed } = await writer.save({ url: feed.url, state: { ...fetchState, title, siteUrl }, rows });
    // what the ignore rules and retention limits took is said only when they took something
    const policy = { ...(dropped > 0 ? { dropped } : {}), ...(removed > 0 ? { removed } : {}) };
    return { ...base, added, updated, ...policy, status: added + updated > 0 ? 'new' : 'unchanged' };
  } catch (error) {
    if (isCacheDamaged(error)) throw error;
    // The store itself failed (disk full, read-only cache): report it for this feed, keep going.
    return { ...base, status: 'error', error: problemOf(error) };
  }
}

/**
 * Refreshes every feed through the pipeline. Requests run concurrently (the fetcher bounds how many);
 * each feed's articles are written in one transaction as soon as that feed is done. One result per feed,
 * in the order of `feeds`; a failing feed never stops the others. A damaged cache (CacheDamagedError) stops
 * the refresh: no feed is started after it is found, and it is thrown once the feeds under way are done.
 */
export async function refreshFeeds(feeds: FeedConfig[], store: ArticleStore, pipeline: Pipeline, options: RefreshOptions = {}): Promise<RefreshResult[]> {
  let done = 0;
  const total = feeds.length;
  const results: RefreshResult[] = new Array<RefreshResult>(total);
  let next = 0;
  let damage: unknown = null;
  const writer = new GroupWriter(store);
  const lane = async (): Promise<void> => {
    try {
      while (next < total && damage === null) {
        const index = next++;
        const feed = feeds[index] as FeedConfig;
        let result: RefreshResult;
        try {
          result = await refreshOne(feed, store, pipeline, options, writer);
        } catch (error) {
          damage ??= error;
          return;
        }
        results[index] = result;
        done += 1;
        options.onResult?.(result, done, total);
      }
    } finally {
      writer.laneDone();
    }
  };
  const lanes = Math.max(1, Math.min(total, options.inFlight ?? 16));
  writer.lanes = lanes;
  await Promise.all(Array.from({ length: lanes }, lane));
  if (damage !== null) throw damage;
  return results;
}
