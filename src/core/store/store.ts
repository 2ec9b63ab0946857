import type { Problem } from '../i18n/problem.js';
import type { QueryNode } from '../query/ast.js';
import type { Article, ArticleQuery, FeedState, StoredArticle, TagCount } from '../types.js';
import type { PreparedArticle } from './prepare.js';
import type { PageRecord, StoredPage } from '../article/page.js';

/**
 * What the user's settings ask of the cache (ignore rules, retention), given to the store once: every list
 * and count, and every feed write, then follows it.
 */
export interface StorePolicy {
  /** Left out of every list and count, unless starred. Drop rules are here too: they hide what was cached before them. */
  hide: QueryNode[];
  /** Never stored at refresh (unless starred); `rule` is the query as written, which `gone` records. */
  drop: { rule: string; node: QueryNode }[];
  /** Retention: a feed's write removes its articles older than `days` or past its newest `perFeed`, never starred ones. */
  keep: { days?: number; perFeed?: number };
  /** The zone of since:/until: days. */
  timeZone: string;
}

/** What a refresh records about one fetch of a feed. Fields left undefined are kept as they were. */
export interface FetchStateUpdate {
  title?: string | null;
  siteUrl?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  lastFetched: string;
  /** With rows written alongside (saveFeed, saveRows), 'unchanged' becomes 'new' when they add or change an article. */
  lastStatus: 'new' | 'unchanged' | 'error';
  lastError?: Problem | null;
  retryAfter?: string | null;
  /** The name the user gave the feed (its title in the settings), or null for none. */
  userTitle?: string | null;
}

/** A feed's articles in the cache: all of them, and the unread ones. */
export interface FeedCount {
  total: number;
  unread: number;
  /** Articles per language ('' for unknown). */
  langs: Record<string, number>;
}

export interface MarkAllResult {
  /** Every article whose read state changed: those of the query and their other editions. */
  ids: string[];
  /** How many of `ids` are articles of the query itself. */
  matched: number;
}

export interface UpsertResult {
  added: number;
  updated: number;
  /** New articles a drop rule kept out. */
  dropped: number;
  /** Articles of the feed the retention limits removed. */
  removed: number;
}

/** One feed's write: what saveRows takes. */
export interface RowsWrite {
  url: string;
  state: FetchStateUpdate;
  rows: PreparedArticle[];
}

export type WriteOutcome = { ok: true; result: UpsertResult } | { ok: false; error: unknown };

/** The article cache. One implementation (SQLite); tests use it on a temp file or :memory:. */
export interface ArticleStore {
  /** Fetch state of one feed, or null if it was never fetched. */
  getFeedState(url: string): FeedState | null;
  listFeedStates(): FeedState[];
  /**
   * Stores one refresh of one feed in a single transaction: fetch state plus articles. Articles are
   * matched by id and updated in place; read/starred/fetched_at of existing ones are kept.
   */
  saveFeed(url: string, state: FetchStateUpdate, articles: Article[]): UpsertResult;
  /** saveFeed for articles already turned into rows (prepareArticle, done by a refresh worker). */
  saveRows(url: string, state: FetchStateUpdate, rows: PreparedArticle[]): UpsertResult;
  /**
   * Several saveRows in one transaction, each still succeeding or failing alone; the outcomes in order. A
   * refresh groups the feeds that finish close together (refresh.ts). Optional: without it, one saveRows each.
   */
  saveRowsMany?(writes: RowsWrite[]): WriteOutcome[];
  /** Records a fetch that produced no articles (304 or error), applying the retention limits. Returns articles removed. */
  saveFetchState(url: string, state: FetchStateUpdate): number;
  /** Forgets a feed's state and its articles, but keeps starred articles. Returns articles removed. */
  removeFeed(url: string): number;

  /** Newest first (published, else fetched time). `limit` defaults to 50. */
  query(q: ArticleQuery): StoredArticle[];
  count(q: ArticleQuery): number;
  /**
   * Where article `id` is, or would be, in the result of `q` (its offset, 0 first): the number of matching
   * articles listed before it. null when the article is not in the cache.
   */
  position(q: ArticleQuery, id: string): number | null;
  get(id: string): StoredArticle | null;
  /**
   * Tags with their article counts, most used first, for one edition (or all). With `withTags`, only the
   * articles having all of those tags are counted: the tags that co-occur with them (themselves included);
   * with `where`, only the articles matching that query too.
   */
  tags(lang?: string, withTags?: string[], where?: QueryNode): TagCount[];
  /** Sets read and/or starred on the given ids (and on their paired editions). Returns rows changed. */
  mark(ids: string[], flags: { read?: boolean; starred?: boolean }): number;
  /** Per feed url: its articles in the cache and how many are unread (every edition). */
  feedCounts(): Map<string, FeedCount>;
  /** Sets read on every article of the query (no limit) and on their other editions. */
  markAll(q: ArticleQuery, read: boolean): MarkAllResult;
  /** Sets read on exactly these ids (no other editions): the undo of markAll. Returns rows changed. */
  setRead(ids: string[], read: boolean): number;
  /** The next (dir 1) or previous (-1) unread article of the query in list order from `fromId`, with its index. */
  unreadNeighbour(q: ArticleQuery, fromId: string | null, dir: 1 | -1): { id: string; index: number } | null;
  /** The name a user gave a feed, shown as its source instead of the feed's own title; null: none. */
  setFeedTitle(url: string, title: string | null): void;
  /** Moves a feed's cached articles to this language's edition. Returns articles changed. */
  setFeedLang(url: string, lang: string): number;
  /** The largest row id so far: articles stored later have larger ones (ArticleQuery.minRid counts from it). */
  lastRowId(): number;
  /** Up to `limit` related articles: shared tags (rarer weigh more), same language, newest first. */
  related(id: string, limit?: number): StoredArticle[];
  /** The same story in another language, if the cache has it. */
  alternate(id: string, lang?: string): StoredArticle | null;
  /** The article's fetched web page (or why it failed), or null when none was fetched. */
  getPage(id: string): StoredPage | null;
  /** Stores a page and folds its text, tags and editions into the article's index. False when the article is gone. */
  savePage(id: string, record: PageRecord): boolean;
  /** A conditional page request was answered 304: the cached page is current. */
  markPageFresh(id: string, fetchedAt: string, validators: { etag: string | null; lastModified: string | null }): void;
  /** The feed's text of an article (plain), or null. */
  feedText(id: string): string | null;
  close(): void;
}
