/**
 * Fetching an article's page: through the feed HTTP client (same timeouts, redirects, proxies, size caps,
 * Retry-After and per-host limit), with a conditional request when the page was fetched before, then
 * extraction, then the cache. Used by `show --full`, the reader and `refresh --full`. Failures are data: a
 * page that cannot be had is stored as a status with a reason, and the feed text is never touched.
 */
import type { FetchRequest } from '../feeds/http.js';
import type { FetchResult } from '../feeds/refresh.js';
import type { ProblemKey } from '../i18n/problem.js';
import type { ArticleStore } from '../store/store.js';
import type { FeedConfig } from '../types.js';
import { NO_PAGE, type PageError, type PageErrorCode, type PageRecord, type StoredPage } from './page.js';
import { fullTextMode, pageAddsText, wantsPage } from './policy.js';
import { ExtractError, type ExtractedArticle, type ExtractFailure, type ExtractOptions } from './types.js';

/** Pages larger than this, on the wire or unpacked, are not read. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export type PageCache = Pick<ArticleStore, 'getPage' | 'savePage' | 'markPageFresh' | 'feedText'>;

export interface PageDeps {
  fetch(req: FetchRequest): Promise<FetchResult>;
  /** `signal`: the caller left the article; an extractor on another thread may stop (the result is not used). */
  extract(page: Uint8Array, options: ExtractOptions, signal?: AbortSignal): ExtractedArticle | Promise<ExtractedArticle>;
  /**
   * Where to read a page from instead of its address (the demo reads the sample pages shipped in samples/);
   * null: fetch the address itself (only http(s) addresses are fetched); NO_PAGE: the address has no page
   * (a sample article whose feed carries the whole text), so nothing is fetched or stored.
   */
  locate?(url: string): string | null | typeof NO_PAGE;
  now?(): Date;
}

export type PageResult =
  /** The page as cached now (ok, skipped or failed). */
  | { kind: 'page'; page: StoredPage }
  /** Nothing to fetch (no link, or no page behind it): nothing stored. */
  | { kind: 'none'; error: PageError }
  /** Aborted by the caller: nothing stored. */
  | { kind: 'cancelled' };

export interface LoadOptions {
  signal?: AbortSignal;
  /** Try again a page whose last fetch failed (an explicit request). Default false. */
  retryFailed?: boolean;
  /** Set by the caller that already holds the feed text (skips reading it from the cache). */
  feedText?: string;
}

/**
 * The page reason of each fetch problem (http.ts says why a fetch failed as a message key and its values):
 * the feed's sentences speak of "the feed", so a page gets a reason of its own, chosen by the key, that says
 * the same thing of the page. A key not listed (connection refused, network unreachable, an unknown error) is
 * 'network'. File problems come only from the demo's sample pages.
 */
const FETCH_CODES: Partial<Record<ProblemKey, PageErrorCode>> = {
  errTooLarge: 'too-large',
  errUnpacksTooLarge: 'too-large',
  errConnectTimeout: 'timeout',
  errAnswerTimeout: 'timeout',
  errBodyTimeout: 'timeout',
  errNoSuchHost: 'no-host',
  errTls: 'tls',
  errProxyRefused: 'proxy',
  errProxyNotFound: 'proxy',
  errProxyTls: 'proxy',
  errBadProxy: 'proxy',
  errLengthMismatch: 'incomplete',
  errLengthExceeded: 'incomplete',
  errClosedEarly: 'incomplete',
  errDamagedEncoding: 'incomplete',
  errNotHttp: 'bad-answer',
  errHeadersTooLarge: 'bad-answer',
  errClosedNoAnswer: 'bad-answer',
  errTooManyEncodings: 'bad-answer',
  errUnknownEncoding: 'bad-answer',
  errRedirectScheme: 'redirect',
  errRedirectBad: 'redirect',
  errRedirectNowhere: 'redirect',
  errRedirectLoop: 'redirect',
  errTooManyRedirects: 'redirect',
  errEmptyAddress: 'refused',
  errBadAddress: 'refused',
  errScheme: 'refused',
  errBadFileAddress: 'refused',
  errIsDirectory: 'refused',
  errNotAFile: 'refused',
  errNoSuchFile: 'refused',
  errNoSuchFileHost: 'refused',
};

/**
 * Problems that say the fetch was stopped, not that the page failed (cyberread closing, the request
 * cancelled): nothing is stored, so the page is asked for again next time.
 */
const STOPPED: ReadonlySet<ProblemKey> = new Set<ProblemKey>(['errClosing', 'errCancelled', 'errCancelledClosing']);

/** The reason code of a fetch that failed; the one-line reason itself comes from the message tables. */
export function fetchErrorCode(outcome: Extract<FetchResult, { kind: 'error' }>): PageError {
  // an HTTP status (an error status, or 429/503 with Retry-After) says it best
  if (outcome.status !== undefined) return { code: 'http', status: outcome.status };
  return { code: FETCH_CODES[outcome.problem.key] ?? 'network' };
}

const EXTRACT_CODES: Record<ExtractFailure, PageErrorCode> = {
  'not-html': 'not-html',
  'too-large': 'too-large',
  'too-complex': 'too-complex',
  timeout: 'extract-timeout',
  'no-article': 'no-article',
};

function emptyRecord(fetchedAt: string, url: string | null, error: PageError | null): PageRecord {
  return {
    status: 'failed', fetchedAt, url, etag: null, lastModified: null, error,
    title: null, author: null, published: null, lang: null, siteName: null, image: null,
    tags: [], related: [], alternates: [], text: '', html: '',
  };
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * Whether `loadPage` would have a page to fetch for this address: an http(s) one, or one the locator maps to
 * a page (the demo's samples); false for no address, another scheme, or one the locator says has none.
 */
export function hasPage(url: string | null, locate?: PageDeps['locate']): boolean {
  if (url === null || url.trim() === '') return false;
  const located = locate?.(url) ?? null;
  if (located === NO_PAGE) return false;
  return located !== null || isHttp(url);
}

/**
 * The page of `article`: from the cache when it holds a current one, else fetched (conditionally when a
 * stale copy has validators), extracted, judged against the feed text and stored.
 */
export async function loadPage(
  cache: PageCache,
  article: { id: string; url: string | null },
  deps: PageDeps,
  options: LoadOptions = {},
): Promise<PageResult> {
  const cached = cache.getPage(article.id);
  if (cached !== null && !cached.stale && (cached.status !== 'failed' || !options.retryFailed)) return { kind: 'page', page: cached };
  if (article.url === null || article.url === '') return { kind: 'none', error: { code: 'no-link' } };
  const now = (deps.now ?? (() => new Date()))();
  const fetchedAt = now.toISOString();
  const located = deps.locate?.(article.url) ?? null;
  if (located === NO_PAGE) return { kind: 'none', error: { code: 'no-page' } };
  if (located === null && !isHttp(article.url)) {
    cache.savePage(article.id, emptyRecord(fetchedAt, null, { code: 'refused' }));
    return stored(cache, article.id);
  }
  // A stale copy that was good is asked for conditionally; a failed one is asked for afresh.
  const conditional = cached !== null && cached.status !== 'failed';
  const outcome = await deps.fetch({
    url: located ?? article.url,
    etag: conditional ? cached.etag : null,
    lastModified: conditional ? cached.lastModified : null,
    accept: PAGE_ACCEPT,
    maxBytes: MAX_PAGE_BYTES,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (options.signal?.aborted) return { kind: 'cancelled' };
  if (outcome.kind === 'not-modified') {
    cache.markPageFresh(article.id, fetchedAt, { etag: outcome.etag, lastModified: outcome.lastModified });
    return stored(cache, article.id);
  }
  if (outcome.kind === 'error') {
    if (STOPPED.has(outcome.problem.key)) return { kind: 'cancelled' };
    // A good page already cached is kept when fetching it again fails.
    if (cached !== null && cached.status !== 'failed') {
      cache.markPageFresh(article.id, cached.fetchedAt, { etag: null, lastModified: null });
      return stored(cache, article.id);
    }
    cache.savePage(article.id, emptyRecord(fetchedAt, located === null ? outcome.url : article.url, fetchErrorCode(outcome)));
    return stored(cache, article.id);
  }
  const url = located === null ? outcome.url : article.url;
  const record = await extractRecord(outcome.bytes, { url, ...(outcome.contentType ? { contentType: outcome.contentType } : {}) }, deps, options.signal);
  if (options.signal?.aborted) return { kind: 'cancelled' };
  record.fetchedAt = fetchedAt;
  record.etag = outcome.etag;
  record.lastModified = outcome.lastModified;
  if (record.status === 'ok') {
    const feedText = options.feedText ?? cache.feedText(article.id) ?? '';
    if (!pageAddsText(feedText, record.text)) {
      record.status = 'skipped';
      record.text = '';
      record.html = '';
    }
  }
  cache.savePage(article.id, record);
  return stored(cache, article.id);
}

function stored(cache: PageCache, id: string): PageResult {
  const page = cache.getPage(id);
  // The article went away while its page was fetched (its feed was removed): nothing to show.
  return page === null ? { kind: 'cancelled' } : { kind: 'page', page };
}

async function extractRecord(bytes: Uint8Array, options: ExtractOptions, deps: PageDeps, signal: AbortSignal | undefined): Promise<PageRecord> {
  const base = emptyRecord('', options.url, null);
  let x: ExtractedArticle;
  try {
    x = await deps.extract(bytes, options, signal);
  } catch (error) {
    base.error = { code: error instanceof ExtractError ? EXTRACT_CODES[error.reason] : 'no-article' };
    return base;
  }
  const record: PageRecord = {
    ...base,
    status: x.text.trim() === '' ? 'failed' : 'ok',
    error: x.text.trim() === '' ? { code: 'no-article' } : null,
    title: x.title,
    author: x.author,
    published: x.published,
    lang: x.lang,
    siteName: x.siteName,
    image: x.image,
    tags: x.tags,
    related: x.related,
    alternates: x.alternates,
    text: x.text,
    html: x.html,
  };
  return record;
}

/** Whether the reader (or a refresh) should fetch the page of an article of `feed` without being asked. */
export function pageWanted(feed: FeedConfig | undefined, feedText: string): boolean {
  return wantsPage(fullTextMode(feed), feedText);
}

export interface PageCounts {
  /** Pages asked for (a second article with the same address reuses the first one's and is not counted). */
  fetched: number;
  ok: number;
  failed: number;
  skipped: number;
}

export interface PageRunStats extends PageCounts {
  /** The same counts per feed URL, for the feeds that had pages to fetch. */
  byFeed: Record<string, PageCounts>;
}

export const noPages = (): PageRunStats => ({ fetched: 0, ok: 0, failed: 0, skipped: 0, byFeed: {} });

/**
 * `refresh --full`: the pages of `candidates` whose feed wants them, `concurrency` at a time (the fetcher
 * also keeps its per-host limit), hosts taken in turn so one slow site does not hold every lane, a page
 * address fetched at most once, and a host that answered Retry-After left alone for the rest of the run.
 */
export async function fetchPages(
  cache: PageCache,
  candidates: { id: string; url: string; feedUrl: string; stale: boolean }[],
  feeds: FeedConfig[],
  deps: PageDeps,
  options: { concurrency: number; signal?: AbortSignal; onPage?: (id: string, result: PageResult) => void },
): Promise<PageRunStats> {
  const byFeed = new Map(feeds.map((f) => [f.url, f]));
  const byHost = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const feed = byFeed.get(c.feedUrl);
    if (feed === undefined || fullTextMode(feed) === 'never') continue;
    let host: string;
    try {
      host = new URL(c.url).host;
    } catch {
      continue;
    }
    let list = byHost.get(host);
    if (list === undefined) byHost.set(host, (list = []));
    list.push(c);
  }
  // Round-robin over hosts.
  const queue: typeof candidates = [];
  const lists = [...byHost.values()];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) queue.push(l[i] as (typeof candidates)[number]);

  const stats = noPages();
  // Each address fetched once: a later article with the same address copies the page the first one stored.
  // Only the first article's id is kept per address, not its page: a run over thousands of pages would
  // otherwise hold every page's text and HTML until it ends.
  const done = new Map<string, Promise<string | null>>();
  const waitHosts = new Set<string>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < queue.length && !options.signal?.aborted) {
      const c = queue[next++] as (typeof queue)[number];
      const host = new URL(c.url).host;
      if (waitHosts.has(host)) continue;
      const feed = byFeed.get(c.feedUrl);
      const feedText = cache.feedText(c.id);
      if (feedText === null) continue;
      if (!c.stale && !pageWanted(feed, feedText)) continue;
      const same = done.get(c.url);
      if (same !== undefined) {
        // The same address for a second article (a feed listing a story twice, two feeds of one site).
        const first = await same;
        const page = first === null ? null : cache.getPage(first);
        if (page !== null) {
          const { related, stale: _stale, ...rest } = page;
          cache.savePage(c.id, { ...rest, related: related.map(({ title, url }) => ({ title, url })) });
        }
        continue;
      }
      let settle: (id: string | null) => void = () => undefined;
      done.set(c.url, new Promise((r) => (settle = r)));
      const result = await loadPage(cache, c, {
        ...deps,
        fetch: async (req) => {
          const outcome = await deps.fetch(req);
          if (outcome.kind === 'error' && outcome.retryAfter !== undefined) waitHosts.add(host);
          return outcome;
        },
      }, { feedText, retryFailed: true, ...(options.signal ? { signal: options.signal } : {}) });
      if (result.kind === 'none') {
        // no page behind the link (a sample article in the demo): nothing was asked for
        settle(null);
        options.onPage?.(c.id, result);
        continue;
      }
      const feedStats = (stats.byFeed[c.feedUrl] ??= { fetched: 0, ok: 0, failed: 0, skipped: 0 });
      stats.fetched++;
      feedStats.fetched++;
      if (result.kind === 'page') {
        stats[result.page.status]++;
        feedStats[result.page.status]++;
        settle(c.id);
      } else settle(null);
      options.onPage?.(c.id, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, lane));
  return stats;
}
