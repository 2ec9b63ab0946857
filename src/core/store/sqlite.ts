import type { Database as Db, Statement } from 'better-sqlite3';
import { chmodSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { systemTimeZone } from '../i18n/dates.js';
import type { QueryNode } from '../query/ast.js';
import { compileCondition } from '../query/compile.js';
import { normaliseQuery } from '../query/normalise.js';
import { planList, type LangPart, type ListPlan, type PlanContext } from '../query/plan.js';
import { foldText } from '../query/parse.js';
import { tagKey } from '../tags.js';
import { sanitizeLine } from '../sanitize.js';
import type { Alternate, Article, ArticleQuery, Enclosure, FeedState, StoredArticle, TagCount } from '../types.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';
import { CacheDamagedError, mayBeDamage, quickCheckFails, toStoreError } from './errors.js';
import { PageTable, type PageCandidate } from './pages.js';
import type { PageRecord, StoredPage } from '../article/page.js';
import { readProblem, storeProblem } from '../i18n/problem.js';
import { applyDrop, applyRetention, goneIds } from './policy.js';
import { queueMarks, SYNC_GUID_PREFIX, syncedTwin, SyncTables } from './sync-tables.js';
import type { ArticleStore, FeedCount, FetchStateUpdate, MarkAllResult, RowsWrite, StorePolicy, UpsertResult, WriteOutcome } from './store.js';

/** See SqliteStore.insertFacts. */
interface InsertFacts {
  /** Some article is read or starred (else a new one has no edition to inherit a state from). */
  flagged: boolean;
  /** recovered_flags has rows. */
  rescued: boolean;
  /** The highest rid with a page row: a new rid above it has no page to merge. */
  pagesUpTo: number;
  /** Whether a synced twin (syncedTwin) can exist for this feed. */
  syncedTwins: boolean;
}

/** syncedTwin's `guid LIKE 'sync:%'` (LIKE folds ASCII case only, as /i without the u flag does here). */
const SYNC_GUID = new RegExp(`^${SYNC_GUID_PREFIX}`, 'i');

function contentValue(p: PreparedArticle): string | Buffer {
  const c = p.contentStored;
  return typeof c === 'string' ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

interface ArticleRow {
  rid: number;
  id: string;
  feed_url: string;
  guid: string | null;
  url: string | null;
  title: string;
  author: string | null;
  published: string | null;
  updated: string | null;
  sort_time: number;
  lang: string | null;
  summary: string;
  content_html: string | Uint8Array;
  image: string | null;
  enclosures: string;
  alternates: string;
  tags: string;
  pair_key: string | null;
  read: number;
  starred: number;
  /** 1 for a second copy of a story (migration 6). */
  dup: number;
  fetched_at: string;
  feed_title: string | null;
}

interface FeedRow {
  url: string;
  title: string | null;
  site_url: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetched: string | null;
  last_status: string | null;
  last_error: string | null;
  retry_after: string | null;
  user_title: string | null;
}

/** The columns of a listing: all but the body, which a list never shows and which is most of a row's bytes. */
/** The page cache while iterate() scans (negative: KiB, as PRAGMA cache_size takes it). */
const SCAN_CACHE_KIB = -2000;

const LIST_COLUMNS = `a.rid, a.id, a.feed_url, a.guid, a.url, a.title, a.author, a.published, a.updated, a.sort_time,
  a.lang, a.summary, a.image, a.enclosures, a.alternates, a.tags, a.pair_key, a.read, a.starred,
  a.fetched_at, coalesce(f.user_title, f.title) AS feed_title`;

const COLUMNS = `a.rid, a.id, a.feed_url, a.guid, a.url, a.title, a.author, a.published, a.updated, a.sort_time,
  a.lang, a.summary, a.content_html, a.image, a.enclosures, a.alternates, a.tags, a.pair_key, a.read, a.starred,
  a.fetched_at, coalesce(f.user_title, f.title) AS feed_title, a.dup`;

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A packed body (see packHtml) back as text. */
function unpackHtml(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : inflateRawSync(value).toString('utf8');
}

/**
 * Defines contentHtml so that a packed body is inflated on first read: lists fetch 50-100 rows whose bodies
 * are never shown, and inflating each would cost more than the query itself.
 */
function withBody(article: Omit<StoredArticle, 'contentHtml'> & { contentHtml?: string }, stored: string | Uint8Array): StoredArticle {
  if (typeof stored === 'string') {
    article.contentHtml = stored;
    return article as StoredArticle;
  }
  const settle = (value: string): string => {
    Object.defineProperty(article, 'contentHtml', { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(article, 'contentHtml', {
    enumerable: true,
    configurable: true,
    get: () => settle(unpackHtml(stored)),
    set: (value: string) => settle(value),
  });
  return article as StoredArticle;
}

/** An article as a listing reads it: everything but the body. */
export type ListedArticle = Omit<StoredArticle, 'contentHtml'>;

function toListed(r: Omit<ArticleRow, 'content_html'>): ListedArticle {
  return {
    id: r.id,
    feedUrl: r.feed_url,
    guid: r.guid,
    url: r.url,
    title: r.title,
    author: r.author,
    published: r.published,
    updated: r.updated,
    lang: r.lang,
    tags: parseJson<string[]>(r.tags, []),
    summary: r.summary,
    image: r.image,
    enclosures: parseJson<Enclosure[]>(r.enclosures, []),
    alternates: parseJson<Alternate[]>(r.alternates, []),
    pairKey: r.pair_key,
    read: r.read === 1,
    starred: r.starred === 1,
    fetchedAt: r.fetched_at,
    feedTitle: r.feed_title,
  };
}

function toStored(r: ArticleRow): StoredArticle {
  return withBody(toListed(r), r.content_html);
}

function toFeedState(r: FeedRow): FeedState {
  const status = r.last_status;
  return {
    url: r.url,
    title: r.title,
    siteUrl: r.site_url,
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetched: r.last_fetched,
    lastStatus: status === 'new' || status === 'unchanged' || status === 'error' ? status : null,
    lastError: r.last_error === null ? null : readProblem(r.last_error),
    retryAfter: r.retry_after,
  };
}

/** The settings' defaults: nothing hidden, dropped or removed. */
export const NO_POLICY: StorePolicy = { hide: [], drop: [], keep: {}, timeZone: 'UTC' };

// Queries typed in the reader make a new SQL text for each shape of query: the cache of prepared statements
// is emptied when it grows past this, rather than growing for as long as the reader runs.
const MAX_STATEMENTS = 400;

/**
 * Makes the cache file and its WAL and shared-memory files readable and writable by their owner only (SQLite
 * gives side files it creates later the main file's mode). Best effort: a file system without modes, or a
 * cache owned by someone else, keeps what it has.
 */
function ownerOnly(path: string): void {
  if (path === ':memory:' || path === '') return;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    } catch {
      // missing (no WAL yet) or not ours to change
    }
  }
}

export class SqliteStore implements ArticleStore {
  private readonly statements = new Map<string, Statement>();
  private readonly pages = new PageTable((sql) => this.stmt(sql));
  private policy: StorePolicy = { ...NO_POLICY, timeZone: systemTimeZone() };
  private readonly tagCounts = new Map<string, number>();
  private tagCountsVersion = -1;
  /** The sync tables on this connection (src/core/sync/ reads and writes them through this). */
  readonly sync: SyncTables;

  /** Use openStore(); this expects a connection whose pragmas and migrations are already applied. */
  constructor(
    private readonly db: Db,
    readonly path: string,
  ) {
    // The query language's case-insensitive "contains" for text beyond ASCII (SQLite's LIKE folds ASCII only).
    db.function('cyberread_fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldText(value) : null,
    );
    this.sync = new SyncTables(
      (sql) => this.stmt(sql),
      (fn) => this.write(fn),
      (fn) => this.guard(fn),
      (url, state, rows) => this.saveRows(url, state, rows),
      () => ownerOnly(path),
    );
  }

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** The ignore rules and retention limits of the settings; applies to every later list, count and write. */
  setPolicy(policy: StorePolicy): void {
    this.policy = policy;
  }

  getPolicy(): StorePolicy {
    return this.policy;
  }

  /**
   * `dups`: how second copies of a story are taken (see PlanContext); by default left out when the cache has
   * any. Counts take them all and subtract the copies (count()), which keeps a count on its covering index.
   */
  private planContext(dups: 'hide' | 'only' | 'all' = this.hasDups() ? 'hide' : 'all'): PlanContext {
    const p = this.policy;
    const hide = [...p.hide, ...p.drop.map((d) => d.node)];
    return { now: Date.now(), timeZone: p.timeZone, hide, rarestFirst: (keys) => this.rarestFirst(keys), dups };
  }

  /** Whether any article is a second copy of a story (one probe of the small articles_dups index). */
  private hasDups(): boolean {
    return this.stmt('SELECT 1 FROM articles WHERE dup = 1 LIMIT 1').get() !== undefined;
  }

  /**
   * Every public method runs through here so SQLite failures reach callers as one-sentence StoreErrors,
   * and damage, wherever it shows up, as a CacheDamagedError.
   */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw this.failure(err);
    }
  }

  private failure(err: unknown): unknown {
    if (mayBeDamage(err) && this.path !== ':memory:' && quickCheckFails(this.db)) return new CacheDamagedError(this.path, err);
    return toStoreError(err, this.path);
  }

  /** BEGIN IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead of failing. */
  private write<T>(fn: () => T): T {
    this.tagCounts.clear();
    return this.guard(() => this.db.transaction(fn).immediate());
  }

  getFeedState(url: string): FeedState | null {
    return this.guard(() => {
      const row = this.stmt('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
      return row === undefined ? null : toFeedState(row);
    });
  }

  listFeedStates(): FeedState[] {
    return this.guard(() => (this.stmt('SELECT * FROM feeds ORDER BY url').all() as FeedRow[]).map(toFeedState));
  }

  saveFetchState(url: string, state: FetchStateUpdate): number {
    return this.write(() => {
      this.upsertFeed(url, state);
      return applyRetention((sql) => this.stmt(sql), this.policy, url, Date.now()).size;
    });
  }

  private upsertFeed(url: string, s: FetchStateUpdate): void {
    const prev = this.stmt('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
    const keep = <T>(next: T | undefined, old: T | null | undefined): T | null =>
      next !== undefined ? next : (old ?? null);
    const line = (v: string | null | undefined) => (v === null || v === undefined ? v : sanitizeLine(v));
    this.stmt(
      `INSERT INTO feeds (url, title, site_url, etag, last_modified, last_fetched, last_status, last_error, retry_after, user_title)
       VALUES (@url, @title, @site_url, @etag, @last_modified, @last_fetched, @last_status, @last_error, @retry_after, @user_title)
       ON CONFLICT (url) DO UPDATE SET title = excluded.title, site_url = excluded.site_url, etag = excluded.etag,
         last_modified = excluded.last_modified, last_fetched = excluded.last_fetched,
         last_status = excluded.last_status, last_error = excluded.last_error, retry_after = excluded.retry_after,
         user_title = excluded.user_title`,
    ).run({
      url,
      title: keep(line(s.title), prev?.title),
      site_url: keep(line(s.siteUrl), prev?.site_url),
      etag: keep(s.etag, prev?.etag),
      last_modified: keep(s.lastModified, prev?.last_modified),
      last_fetched: s.lastFetched,
      last_status: s.lastStatus,
      // a problem is kept as JSON (key and values), so each reader tells it in their own language
      last_error: keep(s.lastError === undefined || s.lastError === null ? s.lastError : storeProblem(s.lastError), prev?.last_error),
      retry_after: keep(s.retryAfter, prev?.retry_after),
      user_title: keep(s.userTitle === undefined || s.userTitle === null ? s.userTitle : line(s.userTitle) || null, prev?.user_title),
    });
  }

  saveFeed(url: string, state: FetchStateUpdate, articles: Article[]): UpsertResult {
    return this.saveRows(url, state, articles.map((a) => prepareArticle(a, url)));
  }

  saveRows(url: string, state: FetchStateUpdate, rows: PreparedArticle[]): UpsertResult {
    return this.write(() => this.writeRows(url, state, rows));
  }

  /** saveRows inside a transaction that is already open. */
  private writeRows(url: string, state: FetchStateUpdate, rows: PreparedArticle[]): UpsertResult {
    // A row prepared for another feed would file the article (and its hash) under the wrong feed.
    if (rows.some((p) => p.feedUrl !== url)) throw new Error(`Articles prepared for another feed cannot be saved under ${url}.`);
    const fetchedAt = new Date().toISOString();
    const now = Date.parse(fetchedAt);
    const stmt = (sql: string): Statement => this.stmt(sql);
    const inserted: number[] = [];
    const changed: number[] = [];
    const done = goneIds(stmt, this.policy, rows.map((p) => p.id));
    let facts: InsertFacts | undefined;
    for (const p of rows) {
      // A feed listing one entry twice is one article; the first copy wins.
      if (done.has(p.id)) continue;
      done.add(p.id);
      facts ??= this.insertFacts(url);
      const old = (this.stmt('SELECT rid, content_hash, fetched_at FROM articles WHERE id = ?').get(p.id) ??
        (facts.syncedTwins ? this.syncedTwinRow(url, p.url) : undefined)) as
        | { rid: number; content_hash: string; fetched_at: string }
        | undefined;
      if (old === undefined) {
        inserted.push(this.insertArticle(p, fetchedAt, facts));
      } else if (old.content_hash !== p.hash) {
        this.updateArticle(old.rid, p, p.publishedMs ?? Date.parse(old.fetched_at));
        changed.push(old.rid);
      }
    }
    if (inserted.length > 0) {
      // A second copy of a story already stored is listed under the first (migrations 6 and 7): looked for
      // once for the feed's new rows, not once per insert. Each row's mark depends only on the rows before it
      // (lower rid), not on other marks, so finding them together gives what marking each after its insert
      // gave. New rids are above every rid there was, so `rid >= first` is exactly this write's new rows (the
      // least one found by a loop: spreading a feed's worth of rids into Math.min could overflow the stack).
      // A SELECT, then one single-row UPDATE per copy: an UPDATE that may change several rows opens a
      // statement journal, and with it a savepoint at which FTS5 flushes its pending terms (see migration 7).
      const dups = this.stmt(
        `SELECT rid FROM articles a WHERE rid >= ? AND story_key IS NOT NULL
           AND EXISTS (SELECT 1 FROM articles b WHERE b.story_key = a.story_key AND b.rid < a.rid)`,
      )
        .pluck()
        .all(inserted.reduce((a, b) => Math.min(a, b))) as number[];
      for (const rid of dups) this.stmt('UPDATE articles SET dup = 1 WHERE rid = ?').run(rid);
    }
    // In this transaction: nobody ever reads a dropped article, or one past the limits, as stored.
    const dropped = applyDrop(stmt, this.policy, inserted, now);
    const removed = applyRetention(stmt, this.policy, url, now);
    const stays = (rid: number): boolean => !dropped.has(rid) && !removed.has(rid);
    const result = {
      added: inserted.filter(stays).length,
      updated: changed.filter(stays).length,
      dropped: dropped.size,
      // articles this write brought in and the limits took straight out again were never there
      removed: [...removed].filter((rid) => !inserted.includes(rid)).length,
    };
    // The feed row is written last, in the same transaction (nothing above reads it): a writer that cannot know
    // before the rows are written (a refresh answered with a whole document, a sync page) says 'unchanged', and
    // the feed is 'new' when the write added or changed an article that stays.
    const brought = state.lastStatus === 'unchanged' && result.added + result.updated > 0;
    this.upsertFeed(url, brought ? { ...state, lastStatus: 'new' } : state);
    return result;
  }

  /**
   * Each commit writes every page it changed to the WAL again (16 KiB each, and the indexes of a fresh import
   * change pages all over the file), and the full-text index flushes its pending terms into a new segment at
   * every commit and savepoint, segments that merges then rewrite. Several feeds in one transaction, with no
   * savepoint each, share all of that: SQLite time of a fresh 300-feed import 177 → 110 µs per article with 8
   * feeds per transaction (bench/CHANGES.md). Should any write fail, the whole group is undone and each write
   * is made again in a transaction of its own, so only the one that fails fails.
   */
  saveRowsMany(writes: RowsWrite[]): WriteOutcome[] {
    const alone = (w: RowsWrite): WriteOutcome => {
      try {
        return { ok: true, result: this.saveRows(w.url, w.state, w.rows) };
      } catch (error) {
        return { ok: false, error };
      }
    };
    if (writes.length < 2) return writes.map(alone);
    this.tagCounts.clear();
    try {
      this.stmt('BEGIN IMMEDIATE').run();
    } catch (error) {
      // Locked past the busy timeout (or worse): trying each write again would wait as long again, each.
      const failed = this.failure(error);
      return writes.map(() => ({ ok: false, error: failed }));
    }
    try {
      const results = writes.map((w) => this.writeRows(w.url, w.state, w.rows));
      this.stmt('COMMIT').run();
      return results.map((result) => ({ ok: true, result }));
    } catch {
      try {
        if (this.db.inTransaction) this.stmt('ROLLBACK').run();
      } catch {
        // Each write, made again below, reports what is wrong.
      }
      return writes.map(alone);
    }
  }

  /** The row a server's copy of this article left behind when sync was turned off: updated in place, not doubled. */
  private syncedTwinRow(feedUrl: string, url: string | null): unknown {
    const rid = syncedTwin((sql) => this.stmt(sql), feedUrl, url);
    return rid === undefined ? undefined : this.stmt('SELECT rid, content_hash, fetched_at FROM articles WHERE rid = ?').get(rid);
  }

  private articleParams(p: PreparedArticle, sortTime: number) {
    return {
      id: p.id,
      feed_url: p.feedUrl,
      guid: p.guid,
      url: p.url,
      title: p.title,
      author: p.author,
      published: p.published,
      updated: p.updated,
      sort_time: sortTime,
      lang: p.lang,
      summary: p.summary,
      content_html: contentValue(p),
      image: p.image,
      enclosures: p.enclosures,
      alternates: p.alternates,
      tags: p.tagsJson,
      pair_key: p.pairKey,
      content_hash: p.hash,
    };
  }

  /**
   * What a write of new articles can skip, looked up once per feed (a few index probes) instead of once per
   * article: in a fresh import the per-article lookups these stand for (the pairing query above all) find
   * nothing. Valid for one writeRows: the write lock is held, so only this write changes the cache meanwhile,
   * and insertArticle keeps `flagged` true once it gives a new row a flag.
   */
  private insertFacts(feedUrl: string): InsertFacts {
    const one = (sql: string, ...args: unknown[]): boolean => this.stmt(sql).get(...args) !== undefined;
    return {
      flagged: this.anyFlagged(),
      rescued: one('SELECT 1 FROM recovered_flags LIMIT 1'),
      pagesUpTo: (this.stmt('SELECT max(article_rid) FROM article_pages').pluck().get() as number | null) ?? 0,
      // A synced twin is an article of this feed; a feed new to the cache has none (until it lists a guid
      // that looks like one itself: insertArticle).
      syncedTwins: one('SELECT 1 FROM articles WHERE feed_url = ? LIMIT 1', feedUrl),
    };
  }

  /**
   * Whether any article is read or starred. Starred has its own index; read is looked for per language in
   * articles_state (lang, read, starred), one probe per language (the next language is one probe too), so
   * this stays a handful of index seeks however large the cache.
   */
  private anyFlagged(): boolean {
    if (this.stmt('SELECT 1 FROM articles WHERE starred = 1 LIMIT 1').get() !== undefined) return true;
    if (this.stmt('SELECT 1 FROM articles WHERE lang IS NULL AND read > 0 LIMIT 1').get() !== undefined) return true;
    const readIn = this.stmt('SELECT 1 FROM articles WHERE lang = ? AND read > 0 LIMIT 1');
    const next = this.stmt('SELECT min(lang) FROM articles WHERE lang > ?').pluck();
    for (let lang = next.get('') as string | null; lang !== null; lang = next.get(lang) as string | null) {
      if (readIn.get(lang) !== undefined) return true;
    }
    return this.stmt("SELECT 1 FROM articles WHERE lang = '' AND read > 0 LIMIT 1").get() !== undefined;
  }

  private insertArticle(p: PreparedArticle, fetchedAt: string, facts: InsertFacts): number {
    const sortTime = p.publishedMs ?? Date.parse(fetchedAt);
    // Positional: binding 19 named parameters looks each name up on the object (and the object is garbage).
    const rid = Number(
      this.stmt(
        `INSERT INTO articles (id, feed_url, guid, url, title, author, published, updated, sort_time, lang, summary,
           content_html, image, enclosures, alternates, tags, pair_key, read, starred, fetched_at, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
      ).run(
        p.id, p.feedUrl, p.guid, p.url, p.title, p.author, p.published, p.updated, sortTime, p.lang, p.summary,
        contentValue(p), p.image, p.enclosures, p.alternates, p.tagsJson, p.pairKey, fetchedAt, p.hash,
      ).lastInsertRowid,
    );
    if (p.guid !== null && SYNC_GUID.test(p.guid)) facts.syncedTwins = true;
    // Marked dup (a second copy of a story) by writeRows, for all of a feed's new rows at once.
    this.writeDependents(rid, p, sortTime, rid > facts.pagesUpTo);

    // A new edition inherits the state of the story: read or starred in one language is so in the other.
    let read = 0;
    let starred = 0;
    const rescued = facts.rescued
      ? (this.stmt('SELECT read, starred FROM recovered_flags WHERE id = ?').get(p.id) as { read: number; starred: number } | undefined)
      : undefined;
    if (rescued !== undefined) {
      read = rescued.read;
      starred = rescued.starred;
      this.stmt('DELETE FROM recovered_flags WHERE id = ?').run(p.id);
    }
    // With no article read or starred, no edition has a state to pass on.
    const pairs = facts.flagged ? this.pairRids(rid) : [];
    if (pairs.length > 0) {
      const s = this.stmt(
        'SELECT max(read) AS read, max(starred) AS starred FROM articles WHERE rid IN (SELECT value FROM json_each(?))',
      ).get(JSON.stringify(pairs)) as { read: number | null; starred: number | null };
      read = Math.max(read, s.read ?? 0);
      starred = Math.max(starred, s.starred ?? 0);
    }
    if (read !== 0 || starred !== 0) {
      this.stmt('UPDATE articles SET read = ?, starred = ? WHERE rid = ?').run(read, starred, rid);
      facts.flagged = true;
    }
    return rid;
  }

  private updateArticle(rid: number, p: PreparedArticle, sortTime: number): void {
    this.stmt(
      `UPDATE articles SET id = @id, feed_url = @feed_url, guid = @guid, url = @url, title = @title, author = @author,
         published = @published, updated = @updated, sort_time = @sort_time, lang = @lang, summary = @summary,
         content_html = @content_html, image = @image, enclosures = @enclosures, alternates = @alternates,
         tags = @tags, pair_key = @pair_key, content_hash = @content_hash
       WHERE rid = @rid`,
    ).run({ ...this.articleParams(p, sortTime), rid });
    this.stmt('DELETE FROM article_tags WHERE article_rid = ?').run(rid);
    this.stmt('DELETE FROM article_links WHERE article_rid = ?').run(rid);
    this.stmt('DELETE FROM articles_fts WHERE rowid = ?').run(rid);
    this.writeDependents(rid, p, sortTime, false);
    // The page was read against the old feed text: look at it again (conditionally) when next wanted.
    this.pages.markStale(rid);
  }

  /** Tag, link and full-text rows of an article: the feed's, merged with its page's (store/pages.ts). */
  private writeDependents(rid: number, p: PreparedArticle, sortTime: number, noPage: boolean): void {
    this.pages.writeIndex(rid, noPage, {
      title: p.title,
      summary: p.summary,
      body: p.body,
      tags: p.tags,
      alternateHrefs: p.alternateHrefs,
      lang: p.lang,
      sortTime,
    });
  }

  /** The cached page of article `id` (see store/pages.ts), or null when none was fetched. */
  getPage(id: string): StoredPage | null {
    return this.guard(() => this.pages.get(id));
  }

  /** Stores a fetched page (or why it failed) and folds its text, tags and editions into the article's index. */
  savePage(id: string, record: PageRecord): boolean {
    return this.write(() => this.pages.save(id, record));
  }

  /** A conditional page request was answered 304. */
  markPageFresh(id: string, fetchedAt: string, validators: { etag: string | null; lastModified: string | null }): void {
    this.write(() => this.pages.markFresh(id, fetchedAt, validators));
  }

  /** Articles whose page `refresh --full` may fetch: see PageTable.candidates. */
  pageCandidates(feedUrls: string[], since: string): PageCandidate[] {
    return this.guard(() => this.pages.candidates(feedUrls, since));
  }

  /** The feed's text of an article (plain), or null. */
  feedText(id: string): string | null {
    return this.guard(() => this.pages.feedText(id));
  }

  /** Other editions of the same story: same pair key, or linked through an alternate href either way. */
  private pairRids(rid: number): number[] {
    const rows = this.stmt(
      `SELECT b.rid FROM articles a JOIN articles b ON b.pair_key = a.pair_key
         WHERE a.rid = @rid AND a.pair_key IS NOT NULL AND b.rid != @rid
       UNION
       SELECT b.rid FROM article_links l JOIN articles b ON b.url = l.href
         WHERE l.article_rid = @rid AND b.rid != @rid
       UNION
       SELECT l.article_rid FROM articles a JOIN article_links l ON l.href = a.url
         WHERE a.rid = @rid AND l.article_rid != @rid
       UNION
       SELECT b.rid FROM articles a JOIN articles b ON b.story_key = a.story_key
         WHERE a.rid = @rid AND a.story_key IS NOT NULL AND b.rid != @rid`,
    )
      .pluck()
      .all({ rid }) as number[];
    return rows;
  }

  removeFeed(url: string): number {
    return this.write(() => {
      // Tags and links go by ON DELETE CASCADE, full-text rows by the articles_fts_delete trigger.
      const removed = this.stmt('DELETE FROM articles WHERE feed_url = ? AND starred = 0').run(url).changes;
      this.stmt('DELETE FROM feeds WHERE url = ?').run(url);
      return removed;
    });
  }

  /** Per feed: its cached articles and how many are unread, every edition counted. */
  feedCounts(): Map<string, FeedCount> {
    return this.guard(() => {
      // what the ignore rules hide is in no count
      const hidden = this.hiddenRids();
      const rows = this.stmt(
        `SELECT a.feed_url AS url, a.lang AS lang, count(*) AS total, coalesce(sum(a.read = 0), 0) AS unread FROM articles a
         ${hidden === null ? '' : `WHERE a.rid NOT IN ${hidden.sql}`} GROUP BY a.feed_url, a.lang`,
      ).all(...(hidden?.params ?? [])) as { url: string; lang: string | null; total: number; unread: number }[];
      const out = new Map<string, FeedCount>();
      for (const r of rows) {
        let c = out.get(r.url);
        if (c === undefined) {
          c = { total: 0, unread: 0, langs: {} };
          out.set(r.url, c);
        }
        c.total += r.total;
        c.unread += r.unread;
        c.langs[r.lang ?? ''] = r.total;
      }
      return out;
    });
  }

  /**
   * Sets read on every article of the query (limit and offset do not apply) and on their other editions, in
   * one transaction. Returns the ids whose state changed, so the caller can undo exactly that (setRead), and
   * how many of them are articles of the query itself.
   */
  markAll(q: ArticleQuery, read: boolean): MarkAllResult {
    const n = normaliseQuery(q);
    const p = this.plan(n, 'count');
    const where = p.where.length > 0 ? `WHERE ${p.where.join(' AND ')}` : '';
    // The matching rows, then their editions and copies by the rules of pairRids, as sets.
    const sql = `WITH m (rid) AS (SELECT a.rid FROM ${p.from} ${where}),
      e (rid) AS (
        SELECT rid FROM m
        UNION SELECT b.rid FROM m JOIN articles a ON a.rid = m.rid JOIN articles b ON b.pair_key = a.pair_key
          WHERE a.pair_key IS NOT NULL
        UNION SELECT b.rid FROM m JOIN article_links l ON l.article_rid = m.rid JOIN articles b ON b.url = l.href
        UNION SELECT l.article_rid FROM m JOIN articles a ON a.rid = m.rid JOIN article_links l ON l.href = a.url
        UNION SELECT b.rid FROM m JOIN articles a ON a.rid = m.rid JOIN articles b ON b.story_key = a.story_key
          WHERE a.story_key IS NOT NULL
      )
      SELECT a.rid, a.id, a.rid IN (SELECT rid FROM m) AS own FROM e JOIN articles a ON a.rid = e.rid WHERE a.read != ?`;
    return this.write(() => {
      const rows = this.stmt(sql).all(...p.params, read ? 1 : 0) as { rid: number; id: string; own: number }[];
      const set = this.stmt('UPDATE articles SET read = ? WHERE rid = ?');
      for (const r of rows) set.run(read ? 1 : 0, r.rid);
      queueMarks((sql) => this.stmt(sql), rows.map((r) => r.rid), 'read', Date.now());
      return { ids: rows.map((r) => r.id), matched: rows.reduce((k, r) => k + r.own, 0) };
    });
  }

  /** Sets read on exactly these articles, not their other editions (the undo of markAll). Returns rows changed. */
  setRead(ids: string[], read: boolean): number {
    return this.write(() => {
      const set = this.stmt('UPDATE articles SET read = ? WHERE id = ? AND read != ? RETURNING rid').pluck();
      const rids: number[] = [];
      for (const id of ids) {
        const rid = set.get(read ? 1 : 0, id, read ? 1 : 0) as number | undefined;
        if (rid !== undefined) rids.push(rid);
      }
      queueMarks((sql) => this.stmt(sql), rids, 'read', Date.now());
      return rids.length;
    });
  }

  /**
   * The nearest unread article of the query after (dir 1) or before (dir -1) the article `fromId` in list
   * order, with its index in the list; from the top (or the bottom) when `fromId` is null or not listed.
   */
  unreadNeighbour(q: ArticleQuery, fromId: string | null, dir: 1 | -1): { id: string; index: number } | null {
    return this.guard(() => {
      const n = normaliseQuery(q);
      const p = this.plan(n, 'page');
      const tagged = p.from.startsWith('article_tags');
      const st = tagged ? 't0.sort_time' : 'a.sort_time';
      const rid = tagged ? 't0.article_rid' : 'a.rid';
      const from = fromId === null ? undefined : (this.stmt('SELECT sort_time AS st, rid FROM articles WHERE id = ?').get(fromId) as { st: number; rid: number } | undefined);
      const where = [...p.where, 'a.read = 0'];
      const params = [...p.params];
      if (from !== undefined) {
        where.push(dir === 1 ? `(${st} < ? OR (${st} = ? AND ${rid} > ?))` : `(${st} > ? OR (${st} = ? AND ${rid} < ?))`);
        params.push(from.st, from.st, from.rid);
      }
      const order = dir === 1 ? `${st} DESC, ${rid}` : `${st} ASC, ${rid} DESC`;
      const hit = this.stmt(`SELECT a.id, a.sort_time AS st, a.rid FROM ${p.from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT 1`).get(
        ...params,
      ) as { id: string; st: number; rid: number } | undefined;
      if (hit === undefined) return null;
      // Its index: the rows of the list before it.
      const c = this.plan(n, 'count');
      const before = [...c.where, `(${st} > ? OR (${st} = ? AND ${rid} < ?))`];
      const index = this.stmt(`SELECT count(*) FROM ${c.from} WHERE ${before.join(' AND ')}`)
        .pluck()
        .get(...c.params, hit.st, hit.st, hit.rid) as number;
      return { id: hit.id, index };
    });
  }

  /** The largest row id: articles stored after this call have larger ones (see ArticleQuery.minRid). */
  lastRowId(): number {
    return this.guard(() => (this.stmt('SELECT coalesce(max(rid), 0) FROM articles').pluck().get() as number));
  }

  /** Names a feed in every article list from now on; null gives it the feed document's own title back. */
  setFeedTitle(url: string, title: string | null): void {
    this.write(() => {
      this.stmt('UPDATE feeds SET user_title = ? WHERE url = ?').run(title === null ? null : sanitizeLine(title) || null, url);
    });
  }

  /** Files every cached article of a feed under this language (its edition), tags included. */
  setFeedLang(url: string, lang: string): number {
    const l = sanitizeLine(lang).toLowerCase();
    return this.write(() => {
      this.stmt('UPDATE article_tags SET lang = ? WHERE article_rid IN (SELECT rid FROM articles WHERE feed_url = ?)').run(l, url);
      return this.stmt('UPDATE articles SET lang = ? WHERE feed_url = ? AND lang IS NOT ?').run(l, url, l).changes;
    });
  }

  /** Sorts tag keys rarest first: the rarest one's range is the shortest walk; the others are point lookups. */
  private rarestFirst(keys: string[]): void {
    if (keys.length < 2) return;
    // Counting a common tag walks thousands of index entries, per query of the list: the counts are kept
    // until this connection writes or PRAGMA data_version says another one did (they only order the walk).
    const version = this.stmt('PRAGMA data_version').pluck().get() as number;
    if (version !== this.tagCountsVersion) {
      this.tagCounts.clear();
      this.tagCountsVersion = version;
    }
    const countOf = this.stmt('SELECT count(*) FROM (SELECT 1 FROM article_tags WHERE tag_key = ? LIMIT 100000)').pluck();
    for (const k of keys) if (!this.tagCounts.has(k)) this.tagCounts.set(k, countOf.get(k) as number);
    keys.sort((x, y) => (this.tagCounts.get(x) ?? 0) - (this.tagCounts.get(y) ?? 0));
  }

  /** FROM/WHERE/ORDER BY for a normalised query (src/core/query/plan.ts), with the settings' ignore rules. */
  private plan(n: ArticleQuery, mode: 'page' | 'count', langPart: LangPart = 'edition', dups?: 'hide' | 'only' | 'all'): ListPlan {
    return planList(n, mode, this.planContext(dups), langPart);
  }

  /** The SQL and parameters query() runs; exposed for EXPLAIN QUERY PLAN in tests and benchmarks. */
  querySql(q: ArticleQuery): { sql: string; params: unknown[] } {
    const n = normaliseQuery(q);
    const p = this.plan(n, 'page');
    const where = p.where.length > 0 ? `WHERE ${p.where.join(' AND ')}` : '';
    return {
      sql: `SELECT ${COLUMNS} FROM ${p.from} LEFT JOIN feeds f ON f.url = a.feed_url ${where}
        ORDER BY ${p.order} LIMIT ? OFFSET ?`,
      params: [...p.params, n.limit, n.offset],
    };
  }

  query(q: ArticleQuery): StoredArticle[] {
    return this.guard(() => {
      const { sql, params } = this.querySql(q);
      return (this.stmt(sql).all(...params) as ArticleRow[]).map(toStored);
    });
  }

  /**
   * Every article of a query from `offset` on, `limit` of them or all (null), newest first, one row at a
   * time: memory stays flat however many there are (query() caps a page at MAX_LIMIT). While the iteration
   * runs this connection can do nothing else; damage met halfway is thrown as a CacheDamagedError.
   */
  *iterate(q: ArticleQuery, page: { offset: number; limit: number | null }): Generator<ListedArticle> {
    const n = normaliseQuery(q);
    const p = this.guard(() => this.plan(n, 'page'));
    const where = p.where.length > 0 ? `WHERE ${p.where.join(' AND ')}` : '';
    const sql = `SELECT ${LIST_COLUMNS} FROM ${p.from} LEFT JOIN feeds f ON f.url = a.feed_url ${where}
      ORDER BY ${p.order} LIMIT ? OFFSET ?`;
    // A scan reads each page once: a page cache of the default 16 MB would only hold on to what was read,
    // so `list --all` of 100,000 articles would take 16 MB more than of 1,000 for nothing.
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${SCAN_CACHE_KIB}`);
    // Prepared apart from the statement cache: an iterating statement is busy until it is done.
    const rows = this.guard(() => this.db.prepare(sql).iterate(...p.params, page.limit ?? -1, Math.max(0, page.offset))) as Iterator<
      Omit<ArticleRow, 'content_html'>
    >;
    try {
      for (;;) {
        const next = this.guard(() => rows.next());
        if (next.done === true) return;
        yield toListed(next.value);
      }
    } finally {
      rows.return?.();
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  count(q: ArticleQuery): number {
    return this.guard(() => this.countBefore(normaliseQuery(q), null, []));
  }

  /**
   * The articles of a normalised query (those before a point of the list order, when `before` says one).
   * Second copies of a story are counted apart and taken off: 'a.dup = 0' on every row would leave the
   * covering indexes, while the copies are few and have an index of their own.
   */
  private countBefore(n: ArticleQuery, before: string | null, params: unknown[]): number {
    const all = this.countParts(n, before, params, 'all');
    return n.feedUrl === undefined && this.hasDups() ? all - this.countParts(n, before, params, 'only') : all;
  }

  private countParts(n: ArticleQuery, before: string | null, params: unknown[], dups: 'all' | 'only'): number {
    // "lang = L OR lang IS NULL" as one condition turns into row lookups; as two counts each is a range of
    // the covering (lang, read, starred) index.
    const known = this.plan(n, 'count', 'known', dups);
    if (known.lang === undefined || known.keys.length > 0) return this.countOf(this.plan(n, 'count', 'edition', dups), before, params);
    return this.countOf(known, before, params) + this.countOf(this.plan(n, 'count', 'unknown', dups), before, params);
  }

  position(q: ArticleQuery, id: string): number | null {
    return this.guard(() => {
      const at = this.stmt('SELECT sort_time, rid FROM articles WHERE id = ?').get(id) as { sort_time: number; rid: number } | undefined;
      if (at === undefined) return null;
      const n = normaliseQuery(q);
      // the articles listed before it: every variant orders by (sort_time DESC, rid)
      const before = '(a.sort_time > ? OR (a.sort_time = ? AND a.rid < ?))';
      const params = [at.sort_time, at.sort_time, at.rid];
      return this.countBefore(n, before, params);
    });
  }

  private countOf(p: ListPlan, extra: string | null = null, extraParams: unknown[] = []): number {
    const where = extra === null ? p.where : [extra, ...p.where];
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return this.stmt(`SELECT count(*) FROM ${p.from} ${clause}`).pluck().get(...extraParams, ...p.params) as number;
  }

  unreadCount(q: ArticleQuery): number {
    const n = normaliseQuery(q);
    if (n.keepIds === undefined) {
      const { keepIds: _none, ...rest } = q;
      return this.count({ ...rest, unread: true });
    }
    // The unread among what is listed: kept articles are listed whatever their marks (one unstarred in a
    // starred list still counts while it is unread), so unread is asked of them too, outside the keep.
    return this.guard(() => this.countBefore(n, 'a.read = 0', []));
  }

  get(id: string): StoredArticle | null {
    return this.guard(() => {
      const row = this.stmt(`SELECT ${COLUMNS} FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url WHERE a.id = ?`).get(
        id,
      ) as ArticleRow | undefined;
      return row === undefined ? null : toStored(row);
    });
  }

  private byRids(rids: number[]): ArticleRow[] {
    if (rids.length === 0) return [];
    const rows = this.stmt(
      `SELECT ${COLUMNS} FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url
       WHERE a.rid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(rids)) as ArticleRow[];
    const at = new Map(rids.map((r, i) => [r, i]));
    return rows.sort((x, y) => (at.get(x.rid) ?? 0) - (at.get(y.rid) ?? 0));
  }

  /**
   * The SQL of tags() with chosen tags (`keys` rarest first; exposed for EXPLAIN QUERY PLAN in tests). The
   * filtered set is walked from the rarest chosen tag's range, the others are point lookups on
   * (article_rid, tag_key), and each article's own tags are read through that same index.
   */
  coTagsSql(lang: string, keys: string[], hiddenSql: string | null = null): { sql: string; params: unknown[] } {
    const where = ['t0.tag_key = ?'];
    const params: unknown[] = [keys[0]];
    if (lang !== '') {
      where.push('(t0.lang = ? OR t0.lang IS NULL)');
      params.push(lang);
    }
    for (const k of keys.slice(1)) {
      where.push('EXISTS (SELECT 1 FROM article_tags tx WHERE tx.article_rid = t0.article_rid AND tx.tag_key = ?)');
      params.push(k);
    }
    // the parameters of hiddenSql follow these
    if (hiddenSql !== null) where.push(`t0.article_rid NOT IN ${hiddenSql}`);
    return {
      sql: `SELECT t.tag_key AS k, t.tag AS tag, count(*) AS c, min(t.article_rid) AS first
        FROM article_tags t0 CROSS JOIN article_tags t ON t.article_rid = t0.article_rid
        WHERE ${where.join(' AND ')} GROUP BY t.tag_key, t.tag`,
      params,
    };
  }

  tags(lang?: string, withTags?: string[], where?: QueryNode): TagCount[] {
    return this.guard(() => {
      const l = lang === undefined ? '' : sanitizeLine(lang).toLowerCase();
      const chosen = normaliseQuery({ tags: withTags ?? [] }).tags ?? [];
      type Row = { k: string; tag: string; c: number; first: number };
      let rows: Row[];
      if (where !== undefined) {
        // The articles of the list (query, tags, edition, ignore rules), then their tags.
        const p = this.plan(normaliseQuery({ ...(l === '' ? {} : { lang: l }), tags: chosen, where }), 'count');
        const clause = p.where.length > 0 ? `WHERE ${p.where.join(' AND ')}` : '';
        rows = this.stmt(
          `SELECT t.tag_key AS k, t.tag AS tag, count(*) AS c, min(t.article_rid) AS first
           FROM (SELECT a.rid AS rid FROM ${p.from} ${clause}) m CROSS JOIN article_tags t ON t.article_rid = m.rid
           GROUP BY t.tag_key, t.tag`,
        ).all(...p.params) as Row[];
      } else {
        const keys = chosen.map(tagKey);
        this.rarestFirst(keys);
        const hidden = this.hiddenRids(true);
        if (keys.length > 0) {
          const { sql, params } = this.coTagsSql(l, keys, hidden?.sql ?? null);
          rows = this.stmt(sql).all(...params, ...(hidden?.params ?? [])) as Row[];
        } else {
          const conds = [...(l === '' ? [] : ['(lang = ? OR lang IS NULL)']), ...(hidden === null ? [] : [`article_rid NOT IN ${hidden.sql}`])];
          rows = this.stmt(
            `SELECT tag_key AS k, tag, count(*) AS c, min(article_rid) AS first FROM article_tags
             ${conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : ''} GROUP BY tag_key, tag`,
          ).all(...(l === '' ? [] : [l]), ...(hidden?.params ?? [])) as Row[];
        }
      }
      // Display casing: the spelling most articles use; on a tie, the one seen first.
      const byKey = new Map<string, { tag: string; best: number; first: number; count: number }>();
      for (const r of rows) {
        const e = byKey.get(r.k);
        if (e === undefined) {
          byKey.set(r.k, { tag: r.tag, best: r.c, first: r.first, count: r.c });
          continue;
        }
        e.count += r.c;
        if (r.c > e.best || (r.c === e.best && r.first < e.first)) {
          e.tag = r.tag;
          e.best = r.c;
          e.first = r.first;
        }
      }
      return [...byKey.entries()]
        .sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0))
        .map(([, e]) => ({ tag: e.tag, count: e.count }));
    });
  }

  mark(ids: string[], flags: { read?: boolean; starred?: boolean }): number {
    if (flags.read === undefined && flags.starred === undefined) return 0;
    return this.write(() => {
      const rids = new Set<number>();
      const ridOf = this.stmt('SELECT rid FROM articles WHERE id = ?').pluck();
      for (const id of ids) {
        const rid = ridOf.get(id) as number | undefined;
        if (rid === undefined) continue;
        rids.add(rid);
        for (const r of this.pairRids(rid)) rids.add(r);
      }
      const read = flags.read === undefined ? null : flags.read ? 1 : 0;
      const starred = flags.starred === undefined ? null : flags.starred ? 1 : 0;
      // Only rows whose state actually changes are written, so the count is what the user changed.
      const update = this.stmt(
        `UPDATE articles SET read = coalesce(@read, read), starred = coalesce(@starred, starred)
         WHERE rid = @rid AND (read != coalesce(@read, read) OR starred != coalesce(@starred, starred))`,
      );
      const before = this.stmt('SELECT read, starred FROM articles WHERE rid = ?');
      const readChanged: number[] = [];
      const starChanged: number[] = [];
      let changed = 0;
      for (const rid of rids) {
        const old = before.get(rid) as { read: number; starred: number } | undefined;
        if (old === undefined || update.run({ rid, read, starred }).changes === 0) continue;
        changed += 1;
        if (read !== null && old.read !== read) readChanged.push(rid);
        if (starred !== null && old.starred !== starred) starChanged.push(rid);
      }
      // In this transaction: a mark is never stored without being queued for the server, nor queued unstored.
      // Only the flag that changed is queued: an unchanged one queued with a new time would overrule the server.
      const now = Date.now();
      queueMarks((sql) => this.stmt(sql), readChanged, 'read', now);
      queueMarks((sql) => this.stmt(sql), starChanged, 'starred', now);
      return changed;
    });
  }

  related(id: string, limit = 5): StoredArticle[] {
    return this.guard(() => {
      const me = this.stmt('SELECT rid, lang FROM articles WHERE id = ?').get(id) as
        | { rid: number; lang: string | null }
        | undefined;
      if (me === undefined) return [];
      const n = Math.min(100, Math.max(0, Math.floor(Number.isFinite(limit) ? limit : 5)));
      if (n === 0) return [];
      const keys = this.stmt('SELECT tag_key FROM article_tags WHERE article_rid = ?').pluck().all(me.rid) as string[];
      if (keys.length === 0) return [];
      const countOf = this.stmt('SELECT count(*) FROM article_tags WHERE tag_key = ?').pluck();
      // A tag on every article says little about kinship; a rare one says a lot.
      const weights = keys.map((k) => [k, 1 / Math.log(1 + (countOf.get(k) as number))]);
      const exclude = [me.rid, ...this.pairRids(me.rid)];
      const rids = this.stmt(
        `WITH w (k, w) AS (SELECT value ->> 0, value ->> 1 FROM json_each(@weights))
         SELECT t.article_rid AS rid, round(sum(w.w), 9) AS score, max(t.sort_time) AS st
         FROM w JOIN article_tags t ON t.tag_key = w.k
         WHERE (@lang IS NULL OR t.lang = @lang OR t.lang IS NULL)
           AND t.article_rid NOT IN (SELECT value FROM json_each(@exclude))
         GROUP BY t.article_rid
         ORDER BY score DESC, st DESC, rid
         LIMIT @n`,
      )
        .pluck()
        // a few more than asked, so that articles the ignore rules hide can be left out and n still shown
        .all({ weights: JSON.stringify(weights), lang: me.lang, exclude: JSON.stringify(exclude), n: this.policyHides() || this.hasDups() ? n * 3 : n }) as number[];
      return this.visibleOf(rids).slice(0, n).map(toStored);
    });
  }

  private policyHides(): boolean {
    return this.policy.hide.length > 0 || this.policy.drop.length > 0;
  }

  /** The articles of `rids` the ignore rules let through, in that order. */
  private visibleOf(rids: number[]): ArticleRow[] {
    // second copies of a story are never offered as another article to read
    const rows = this.byRids(rids).filter((r) => r.dup !== 1);
    if (!this.policyHides() || rows.length === 0) return rows;
    const ctx = this.planContext();
    const hidden = compileCondition({ kind: 'or', children: [...ctx.hide] }, ctx, { rowwise: true });
    const hid = new Set(
      this.stmt(`SELECT a.rid FROM articles a WHERE a.rid IN (SELECT value FROM json_each(?)) AND a.starred = 0 AND ${hidden.sql}`)
        .pluck()
        .all(JSON.stringify(rids), ...hidden.params) as number[],
    );
    return rows.filter((r) => !hid.has(r.rid));
  }

  /**
   * The rids the ignore rules hide (and, with `dups`, the second copies of stories), as a parenthesised
   * subquery (for NOT IN), or null when nothing is hidden.
   */
  private hiddenRids(dups = false): { sql: string; params: unknown[] } | null {
    const copies = dups && this.hasDups() ? 'SELECT rid FROM articles WHERE dup = 1' : null;
    if (!this.policyHides()) return copies === null ? null : { sql: `(${copies})`, params: [] };
    const ctx = this.planContext();
    const hidden = compileCondition({ kind: 'or', children: [...ctx.hide] }, ctx);
    const rules = `SELECT a.rid FROM articles a WHERE a.starred = 0 AND ${hidden.sql}`;
    return { sql: `(${copies === null ? rules : `${rules} UNION ALL ${copies}`})`, params: hidden.params };
  }

  /**
   * For `cyberread ignore`: per rule, the articles it hides now (hide rules and drop rules alike hide what is
   * cached), and for drop rules the articles it kept out of the cache with the time of the last one.
   */
  ignoreCounts(rules: QueryNode[], dropRules: string[]): { hidden: number[]; dropped: Map<string, { count: number; last: number }> } {
    return this.guard(() => {
      const ctx = this.planContext();
      const hidden = rules.map((node) => {
        const c = compileCondition(node, ctx);
        return this.stmt(`SELECT count(*) FROM articles a WHERE a.starred = 0 AND ${c.sql}`).pluck().get(...c.params) as number;
      });
      const dropped = new Map<string, { count: number; last: number }>();
      if (dropRules.length > 0) {
        const rows = this.stmt(
          'SELECT why, count(*) AS count, max(at) AS last FROM gone WHERE why IN (SELECT value FROM json_each(?)) GROUP BY why',
        ).all(JSON.stringify(dropRules)) as { why: string; count: number; last: number }[];
        for (const r of rows) dropped.set(r.why, { count: r.count, last: r.last });
      }
      return { hidden, dropped };
    });
  }

  /**
   * Compacts the cache: forgets what `gone` holds for rules no longer set and for articles gone over a year
   * (a feed lists its last few dozen entries, not a year's), merges the full-text index, VACUUMs and empties
   * the write-ahead log. Returns the bytes of the cache's files before and after.
   */
  vacuum(keepWhy: string[]): { before: number; after: number } {
    return this.guard(() => {
      const before = this.fileBytes();
      this.write(() => {
        this.stmt("DELETE FROM gone WHERE (why != 'keep' AND why NOT IN (SELECT value FROM json_each(?))) OR at < ?").run(
          JSON.stringify(keepWhy),
          Date.now() - 365 * 86_400_000,
        );
      });
      this.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')");
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      return { before, after: this.fileBytes() };
    });
  }

  /** Bytes of the cache file and its -wal/-shm companions. */
  fileBytes(): number {
    if (this.path === ':memory:') return 0;
    let total = 0;
    for (const f of [this.path, `${this.path}-wal`, `${this.path}-shm`]) {
      try {
        total += statSync(f).size;
      } catch {
        // a companion file that does not exist adds nothing
      }
    }
    return total;
  }

  alternate(id: string, lang?: string): StoredArticle | null {
    return this.guard(() => {
      const me = this.stmt(
        `SELECT ${COLUMNS} FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url WHERE a.id = ?`,
      ).get(id) as ArticleRow | undefined;
      if (me === undefined) return null;
      const want = lang === undefined ? undefined : sanitizeLine(lang).toLowerCase() || undefined;
      const hreflang = new Map(
        parseJson<Alternate[]>(me.alternates, []).map((alt) => [alt.href, alt.hreflang?.toLowerCase() ?? null]),
      );
      const candidates = this.byRids(this.pairRids(me.rid)).map((row) => {
        const effective = row.lang ?? (row.url === null ? null : (hreflang.get(row.url) ?? null));
        return { row, lang: effective };
      });
      const fit = candidates.filter((c) => {
        if (want !== undefined) return c.lang === want;
        return c.lang === null || c.lang !== me.lang;
      });
      // Prefer a known other language, then the newest edition.
      fit.sort(
        (x, y) =>
          Number(y.lang !== null) - Number(x.lang !== null) ||
          y.row.sort_time - x.row.sort_time ||
          x.row.rid - y.row.rid,
      );
      const best = fit[0];
      return best === undefined ? null : toStored(best.row);
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Keeps read/star flags rescued from a damaged cache until those articles are stored again. */
  addRecoveredFlags(flags: { id: string; read: number; starred: number }[]): void {
    this.write(() => {
      const put = this.stmt(
        `INSERT INTO recovered_flags (id, read, starred) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET read = max(read, excluded.read), starred = max(starred, excluded.starred)`,
      );
      for (const f of flags) put.run(f.id, f.read ? 1 : 0, f.starred ? 1 : 0);
    });
  }
}
