import { problem } from '../i18n/problem.js';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.js';

/**
 * Numbered schema steps. A step is never edited once released: add a new one instead. Applied in order
 * inside one BEGIN IMMEDIATE transaction; PRAGMA user_version records the last applied number.
 *
 * Design notes (why, not what):
 * - articles.rid is an INTEGER PRIMARY KEY so the FTS rowid and article_tags refer to a row that VACUUM
 *   never renumbers, and joins are rowid lookups instead of text-key searches.
 * - sort_time is epoch milliseconds (published, else first fetch): small index keys, exact ordering.
 *   Every list is ordered by (sort_time DESC, rid ASC), which is what each index below yields as is.
 * - article_tags is its own ordering index: a WITHOUT ROWID table keyed (tag_key, sort_time DESC, rid),
 *   so "newest N with tag X" is one range scan; lang is copied in so the edition filter and tags() never
 *   touch articles. There is no (tag_key, lang, sort_time) index: the edition rule "lang = L OR lang IS
 *   NULL" would need two ranges merged, while filtering the one ordered range stops after ~N rows.
 * - article_links holds the alternate hrefs so a pair can be found from either side by index.
 * - articles_fts is contentless (content=''), contentless_delete=1: the text lives once, in articles.
 */
/** The link as the story key compares it: lower case, no fragment, no scheme, no "www.", no trailing "/". */
const LOWER = `lower(CASE WHEN instr(url, '#') > 0 THEN substr(url, 1, instr(url, '#') - 1) ELSE url END)`;
const NO_SCHEME = `(CASE WHEN ${LOWER} LIKE 'https://%' THEN substr(${LOWER}, 9) WHEN ${LOWER} LIKE 'http://%' THEN substr(${LOWER}, 8) ELSE ${LOWER} END)`;
const LINK = `rtrim(CASE WHEN ${NO_SCHEME} LIKE 'www.%' THEN substr(${NO_SCHEME}, 5) ELSE ${NO_SCHEME} END, '/')`;
/** articles.story_key (migration 6): which articles are one story. Written once; never change it. */
export const STORY_KEY = `CASE
    WHEN url IS NOT NULL AND url != '' THEN coalesce(lang, '') || '|' || ${LINK}
    WHEN guid LIKE 'http%://%' OR guid LIKE 'tag:%' OR guid LIKE 'urn:%' THEN coalesce(lang, '') || '|guid|' || guid
  END`;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    site_url TEXT,
    etag TEXT,
    last_modified TEXT,
    last_fetched TEXT,
    last_status TEXT,
    last_error TEXT,
    retry_after TEXT
  );
  CREATE TABLE articles (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    feed_url TEXT NOT NULL,
    guid TEXT,
    url TEXT,
    title TEXT NOT NULL,
    author TEXT,
    published TEXT,
    updated TEXT,
    sort_time INTEGER NOT NULL,
    lang TEXT,
    summary TEXT NOT NULL,
    content_html TEXT NOT NULL,
    image TEXT,
    enclosures TEXT NOT NULL,
    alternates TEXT NOT NULL,
    tags TEXT NOT NULL,
    pair_key TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    fetched_at TEXT NOT NULL,
    content_hash TEXT NOT NULL
  );
  CREATE INDEX articles_sort ON articles (sort_time DESC);
  CREATE INDEX articles_feed ON articles (feed_url, sort_time DESC);
  CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
  CREATE INDEX articles_pair ON articles (pair_key) WHERE pair_key IS NOT NULL;
  CREATE INDEX articles_unread ON articles (sort_time DESC) WHERE read = 0;
  CREATE INDEX articles_starred ON articles (sort_time DESC) WHERE starred = 1;
  -- covering index for the header counts (per edition, unread, starred) without reading article rows
  CREATE INDEX articles_state ON articles (lang, read, starred);

  CREATE TABLE article_tags (
    tag_key TEXT NOT NULL,
    sort_time INTEGER NOT NULL,
    article_rid INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    lang TEXT,
    PRIMARY KEY (tag_key, sort_time DESC, article_rid)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX article_tags_article ON article_tags (article_rid, tag_key);

  CREATE TABLE article_links (
    href TEXT NOT NULL,
    article_rid INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    PRIMARY KEY (href, article_rid)
  ) WITHOUT ROWID;
  CREATE INDEX article_links_article ON article_links (article_rid);

  CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.rid;
  END;

  -- read/starred rescued from a damaged cache, applied when those ids are stored again
  CREATE TABLE recovered_flags (
    id TEXT PRIMARY KEY,
    read INTEGER NOT NULL,
    starred INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // The name a user gave a feed (config.json's title), shown instead of the title the feed document gives
  // itself; each refresh copies it from the settings, and a rename in the reader writes it at once.
  `
  ALTER TABLE feeds ADD COLUMN user_title TEXT;
  `,
  // 3: the query language's author: walks this index (a few bytes per article) instead of the article rows;
  // `gone` remembers articles a drop rule or the retention limits removed, so a feed that still lists them
  // does not bring them back as new (why: 'keep', or the drop rule's query as written).
  `
  CREATE INDEX articles_author ON articles (author) WHERE author IS NOT NULL;
  CREATE TABLE gone (
    id TEXT PRIMARY KEY,
    why TEXT NOT NULL,
    at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 4: the article's web page, fetched and extracted (src/core/article/). One row per article at most; it
  // goes with the article. text and html are packed like content_html (a BLOB is deflated). feed_tags keeps
  // the feed's own tags once the page's are merged into articles.tags, so a page fetched again can be merged
  // afresh; stale = the feed changed the article since the page was fetched (the next fetch is conditional).
  `
  CREATE TABLE article_pages (
    article_rid INTEGER PRIMARY KEY REFERENCES articles (rid) ON DELETE CASCADE,
    status TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    url TEXT,
    etag TEXT,
    last_modified TEXT,
    error_code TEXT,
    error_status INTEGER,
    stale INTEGER NOT NULL DEFAULT 0,
    title TEXT,
    author TEXT,
    published TEXT,
    lang TEXT,
    site_name TEXT,
    image TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    related TEXT NOT NULL DEFAULT '[]',
    alternates TEXT NOT NULL DEFAULT '[]',
    feed_tags TEXT,
    text,
    html
  );
  `,
  // 5: sync with a server (src/core/sync/). sync_items maps a server's article id to the cached article and
  // keeps the server's flags as of the last sync (the base a change is measured from); it is keyed by the
  // remote id and holds the article's text id, not its rid, so it outlives an article the retention limits
  // remove (the server still counts it) and never points at a reused rid. sync_queue holds local flag
  // changes until the server has them: one row per article and flag, the latest change winning, written in
  // the transaction of the mark itself. sync_subs queues subscription changes the same way. sync_feeds is
  // the server's subscription list as last seen; sync_state holds the cursor, times and the lock.
  `
  CREATE TABLE sync_items (
    remote_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    remote_feed TEXT NOT NULL,
    base_read INTEGER NOT NULL,
    base_starred INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sync_items_article ON sync_items (article_id);
  CREATE INDEX sync_items_feed ON sync_items (remote_feed, base_read);
  CREATE TABLE sync_queue (
    remote_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (remote_id, field)
  ) WITHOUT ROWID;
  CREATE TABLE sync_subs (
    url TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    category TEXT,
    remote_id TEXT,
    at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE sync_feeds (
    remote_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    title TEXT,
    category TEXT
  ) WITHOUT ROWID;
  CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 6: one article per story within an edition. The same story reached through two feed URLs (http and
  // file://, a feed and its redirect, a feed subscribed twice) is stored once per feed, with ids that differ
  // (they include the feed URL). story_key names the story: the edition and the article's link without
  // scheme, "www.", fragment, trailing "/" or case; without a link, a guid that is a URI (tag:, urn:, http…).
  // The first copy stored (lowest rid) is the one listed; the others have dup = 1 and are left out of lists
  // and counts (but not out of their own feed's list). Triggers keep dup right whatever writes the rows
  // (a refresh thread, retention, removing a feed): a copy takes over when the listed one is deleted.
  `
  ALTER TABLE articles ADD COLUMN story_key TEXT GENERATED ALWAYS AS (${STORY_KEY}) VIRTUAL;
  ALTER TABLE articles ADD COLUMN dup INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX articles_story ON articles (story_key, rid) WHERE story_key IS NOT NULL;
  CREATE INDEX articles_dups ON articles (lang, read, starred) WHERE dup = 1;
  UPDATE articles SET dup = 1 WHERE story_key IS NOT NULL
    AND EXISTS (SELECT 1 FROM articles b WHERE b.story_key = articles.story_key AND b.rid < articles.rid);
  CREATE TRIGGER articles_story_insert AFTER INSERT ON articles WHEN new.story_key IS NOT NULL BEGIN
    UPDATE articles SET dup = 1 WHERE rid = new.rid
      AND EXISTS (SELECT 1 FROM articles b WHERE b.story_key = new.story_key AND b.rid < new.rid);
  END;
  CREATE TRIGGER articles_story_delete AFTER DELETE ON articles WHEN old.story_key IS NOT NULL AND old.dup = 0 BEGIN
    UPDATE articles SET dup = 0 WHERE rid = (SELECT min(rid) FROM articles WHERE story_key = old.story_key);
  END;
  CREATE TRIGGER articles_story_update AFTER UPDATE OF url, guid, lang ON articles BEGIN
    UPDATE articles SET dup = EXISTS (SELECT 1 FROM articles b WHERE b.story_key = articles.story_key AND b.rid < articles.rid)
      WHERE story_key IN (old.story_key, new.story_key);
    UPDATE articles SET dup = 0 WHERE rid = new.rid AND new.story_key IS NULL;
  END;
  `,
  // 7: a new copy of a story is marked by the one statement that inserts articles (SqliteStore.insertArticle)
  // instead of the insert trigger of step 6. A trigger makes every INSERT a statement that may change several
  // rows, so SQLite opened a statement journal for each one (every page the insert touched copied out first,
  // 16 KiB each), and opening it made the full-text index flush its pending terms: one index segment per
  // article, merged again and again. A fresh 300-feed import spent ~40% of its SQLite time on that. The
  // delete and update triggers stay: those statements are rare, and they run for writers other than the insert.
  `
  DROP TRIGGER articles_story_insert;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema to SCHEMA_VERSION. Safe to run from two processes at once. */
export function migrate(db: Database, path: string): void {
  const current = () => db.pragma('user_version', { simple: true }) as number;
  if (current() === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated while we waited for it.
    const from = current();
    if (from > SCHEMA_VERSION) {
      throw new StoreError(problem('errCacheNewer', path, from, SCHEMA_VERSION));
    }
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
