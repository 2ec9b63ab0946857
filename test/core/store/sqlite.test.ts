import { parseQuery } from '../../../src/core/query/parse.js';
import { problem } from '../../../src/core/i18n/problem.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/store/migrations.js';
import { openExistingStore, openStore } from '../../../src/core/store/open-store.js';
import { prepareArticle } from '../../../src/core/store/prepare.js';
import type { StoreError } from '../../../src/core/store/errors.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import { article, at, FETCH } from './make.js';

const FEED = 'https://example.test/feed.xml';
const FEED2 = 'https://other.test/rss';
let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-store-'));
  store = openStore(join(dir, 'cache.db')).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe('migrations', () => {
  it('creates the schema on an empty file and re-opens without change', () => {
    const path = join(dir, 'cache.db');
    store.saveFeed(FEED, FETCH, [article('a1')]);
    store.close();
    const again = openStore(path);
    expect(again.recovered).toBeUndefined();
    expect(again.store.get('a1')?.title).toBe('Title a1');
    again.store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['article_links', 'article_pages', 'article_tags', 'articles', 'articles_fts', 'feeds', 'gone', 'recovered_flags', 'sync_feeds', 'sync_items', 'sync_queue', 'sync_state', 'sync_subs']);
    db.close();
    store = openStore(path).store;
  });

  it('refuses a cache from a newer schema without touching it', () => {
    const path = join(dir, 'newer.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(path)).toThrow(`The cache at ${path} was written by a newer cyberread`);
  });

  it('works in memory', () => {
    const mem = openStore(':memory:').store;
    expect(mem.saveFeed(FEED, FETCH, [article('m1')])).toEqual({ added: 1, updated: 0, dropped: 0, removed: 0 });
    expect(ids(mem.query({}))).toEqual(['m1']);
    mem.close();
  });
});

describe('feed state', () => {
  it('keeps fields left undefined and replaces given ones', () => {
    expect(store.getFeedState(FEED)).toBeNull();
    store.saveFetchState(FEED, { lastFetched: at(1), lastStatus: 'new', etag: '"v1"', title: 'Cyber\u001b]0;x\u0007 News' });
    store.saveFetchState(FEED, { lastFetched: at(2), lastStatus: 'error', lastError: problem('errAnswerTimeout', 'x.example', 15000), retryAfter: at(30) });
    expect(store.getFeedState(FEED)).toEqual({
      url: FEED,
      title: 'Cyber News',
      siteUrl: null,
      etag: '"v1"',
      lastModified: null,
      lastFetched: at(2),
      lastStatus: 'error',
      // stored as its key and values: each reader tells it in their language
      lastError: { key: 'errAnswerTimeout', args: ['x.example', 15000] },
      retryAfter: at(30),
    });
    store.saveFetchState(FEED2, { lastFetched: at(3), lastStatus: 'unchanged' });
    expect(store.listFeedStates().map((f) => f.url)).toEqual([FEED, FEED2]);
  });

  it('reads the plain-text errors an older cyberread stored as they were written', () => {
    store.saveFetchState(FEED, { lastFetched: at(1), lastStatus: 'new' });
    const db = new Database(join(dir, 'cache.db'));
    db.prepare('UPDATE feeds SET last_status = ?, last_error = ? WHERE url = ?').run('error', 'Could not find x.example: no such host.', FEED);
    db.prepare('INSERT INTO feeds (url, last_status, last_error) VALUES (?, ?, ?)').run(FEED2, 'error', '{"key":"errNoSuchKey","args":[]}');
    db.close();
    expect(store.getFeedState(FEED)?.lastError).toBe('Could not find x.example: no such host.');
    // a key this version does not know is shown as the text it is, not lost
    expect(store.getFeedState(FEED2)?.lastError).toBe('{"key":"errNoSuchKey","args":[]}');
  });
});

describe('saveFeed', () => {
  it('counts added and updated exactly and updates in place keeping read, starred and fetchedAt', () => {
    expect(store.saveFeed(FEED, { ...FETCH, title: 'Feed One' }, [article('a1'), article('a2'), article('a3')])).toEqual({
      added: 3,
      updated: 0,
      dropped: 0,
      removed: 0,
    });
    const fetchedAt = store.get('a1')?.fetchedAt;
    expect(store.mark(['a1'], { read: true, starred: true })).toBe(1);
    const result = store.saveFeed(FEED, FETCH, [
      article('a1', { title: 'New title', tags: ['Ransomware'] }),
      article('a2'),
      article('a4'),
      article('a4', { title: 'duplicate entry in the same document' }),
    ]);
    expect(result).toEqual({ added: 1, updated: 1, dropped: 0, removed: 0 });
    const a1 = store.get('a1');
    expect(a1).toMatchObject({ title: 'New title', tags: ['Ransomware'], read: true, starred: true, fetchedAt, feedTitle: 'Feed One' });
    expect(store.get('a4')?.title).toBe('Title a4');
    expect(store.saveFeed(FEED, FETCH, [article('a1', { title: 'New title', tags: ['Ransomware'] })])).toEqual({ added: 0, updated: 0, dropped: 0, removed: 0 });
    expect(store.query({ tags: ['ransomware'] }).map((a) => a.id)).toEqual(['a1']);
  });

  it('stores every field and returns it from get', () => {
    const full = article('full', {
      guid: 'g-1',
      author: 'Arif Rahman',
      published: '2019-11-16T05:59:00.000Z',
      updated: '2019-11-17T00:00:00.000Z',
      lang: 'ID',
      tags: ['#TrendMicro', 'databreach', 'DataBreach'],
      summary: 'Ringkasan',
      contentHtml: '<p>Isi <b>berita</b></p>',
      image: 'https://example.test/i.jpg',
      enclosures: [{ url: 'https://example.test/a.mp3', type: 'audio/mpeg', length: 12 }],
      alternates: [{ href: 'https://example.test/en/full', hreflang: 'EN' }],
      pairKey: 'example.test#1',
    });
    store.saveFeed(FEED, FETCH, [full]);
    const got = store.get('full');
    expect(got).toEqual({
      ...full,
      lang: 'id',
      tags: ['TrendMicro', 'databreach'],
      alternates: [{ href: 'https://example.test/en/full', hreflang: 'en' }],
      read: false,
      starred: false,
      fetchedAt: got?.fetchedAt,
      feedTitle: null,
    });
    expect(Number.isNaN(Date.parse(got?.fetchedAt ?? ''))).toBe(false);
    expect(store.get('missing')).toBeNull();
  });

  it('orders articles without a date by their fetch time', () => {
    store.saveFeed(FEED, FETCH, [article('old', { published: '2000-01-01T00:00:00.000Z' }), article('undated', { published: null })]);
    expect(ids(store.query({}))).toEqual(['undated', 'old']);
  });
});

describe('query', () => {
  beforeEach(() => {
    store.saveFeed(FEED, FETCH, [
      article('id1', { published: at(1), lang: 'id', tags: ['DataBreach', 'TrendMicro'], title: 'Data pelanggan dibocorkan karyawan' }),
      article('en1', { published: at(2), lang: 'en', tags: ['databreach'], title: 'Customer data leaked by an employee' }),
      article('nul', { published: at(3), lang: null, tags: ['Ransomware', 'databreach'], title: 'Serangan ransomware' }),
      article('id2', {
        published: at(4),
        lang: 'id',
        tags: ['ransomware'],
        title: 'Peretas menyerang rumah sakit',
        contentHtml: '<p>Sistem <em>rumah&nbsp;sakit</em> lumpuh &amp; data pasien disandera.</p>',
      }),
    ]);
    store.saveFeed(FEED2, FETCH, [
      article('pt1', { feedUrl: FEED2, published: at(5), lang: 'pt', tags: ['phishing'], summary: 'Campanha de phishing' }),
      article('en2', { feedUrl: FEED2, published: at(6), lang: 'en', tags: ['Phishing', 'databreach'], summary: 'A phishing wave hits banks' }),
    ]);
  });

  it('lists newest first with paging', () => {
    expect(ids(store.query({}))).toEqual(['en2', 'pt1', 'id2', 'nul', 'en1', 'id1']);
    expect(ids(store.query({ limit: 2, offset: 1 }))).toEqual(['pt1', 'id2']);
    expect(ids(store.query({ limit: 2, offset: 10 }))).toEqual([]);
    expect(store.count({})).toBe(6);
  });

  it('iterates what query lists, page by page or all, and gives back the page cache it shrinks for the scan, even when stopped early', () => {
    const cacheSize = (): unknown => (store as unknown as { db: Database.Database }).db.pragma('cache_size', { simple: true });
    const before = cacheSize();
    expect(ids([...store.iterate({}, { offset: 0, limit: null })])).toEqual(ids(store.query({})));
    expect(ids([...store.iterate({ lang: 'en' }, { offset: 1, limit: 2 })])).toEqual(ids(store.query({ lang: 'en', offset: 1, limit: 2 })));
    expect(ids([...store.iterate({}, { offset: 10, limit: null })])).toEqual([]);
    // a reader that stops early (a closed pipe) leaves the connection as it found it
    for (const a of store.iterate({}, { offset: 0, limit: null })) if (a.id === 'pt1') break;
    expect(cacheSize()).toBe(before);
    expect(ids(store.query({ limit: 1 }))).toEqual(['en2']);
  });

  it('filters by edition: that lang plus unknown', () => {
    expect(ids(store.query({ lang: 'id' }))).toEqual(['id2', 'nul', 'id1']);
    expect(ids(store.query({ lang: 'EN' }))).toEqual(['en2', 'nul', 'en1']);
    expect(store.count({ lang: 'en' })).toBe(3);
  });

  it('requires all tags, case-insensitively', () => {
    expect(ids(store.query({ tags: ['DATABREACH'] }))).toEqual(['en2', 'nul', 'en1', 'id1']);
    expect(ids(store.query({ tags: ['#databreach', 'ransomware'] }))).toEqual(['nul']);
    expect(ids(store.query({ tags: ['databreach', 'trendmicro'] }))).toEqual(['id1']);
    expect(ids(store.query({ tags: ['databreach'], lang: 'id' }))).toEqual(['nul', 'id1']);
    expect(ids(store.query({ tags: ['nothing'] }))).toEqual([]);
    expect(store.count({ tags: ['databreach'], lang: 'en' })).toBe(3);
  });

  it('filters by unread, starred and feed', () => {
    store.mark(['id2', 'en1'], { read: true });
    store.mark(['pt1'], { starred: true });
    expect(ids(store.query({ unread: true }))).toEqual(['en2', 'pt1', 'nul', 'id1']);
    expect(ids(store.query({ starred: true }))).toEqual(['pt1']);
    expect(ids(store.query({ feedUrl: FEED2 }))).toEqual(['en2', 'pt1']);
    expect(ids(store.query({ feedUrl: FEED, unread: true, lang: 'en' }))).toEqual(['nul']);
    expect(ids(store.query({ tags: ['databreach'], unread: true, feedUrl: FEED }))).toEqual(['nul', 'id1']);
    expect(store.unreadCount({})).toBe(4);
    expect(store.unreadCount({ lang: 'id' })).toBe(2);
  });

  it('keeps the given ids in an unread query, so a list read through does not shift', () => {
    store.mark(['id2', 'en1', 'pt1'], { read: true });
    expect(ids(store.query({ unread: true, keepIds: ['id2', 'zzz'] }))).toEqual(['en2', 'id2', 'nul', 'id1']);
    expect(store.count({ unread: true, lang: 'id', keepIds: ['id2'] })).toBe(3);
    expect(ids(store.query({ unread: true, lang: 'id', keepIds: ['id2'], offset: 1, limit: 1 }))).toEqual(['nul']);
    // keepIds alone is no filter, and the unread count ignores them
    expect(store.count({ keepIds: ['id2'] })).toBe(6);
    expect(store.unreadCount({ lang: 'id', keepIds: ['id2'] })).toBe(2);
  });

  it('keeps the given ids in a starred list (or a query testing marks) once unstarred, and counts their unread', () => {
    store.mark(['pt1', 'id1', 'id2'], { starred: true });
    store.mark(['id2'], { read: true });
    store.mark(['pt1', 'id2'], { starred: false });
    expect(ids(store.query({ starred: true }))).toEqual(['id1']);
    expect(ids(store.query({ starred: true, keepIds: ['pt1', 'id2'] }))).toEqual(['pt1', 'id2', 'id1']);
    // what the list shows: pt1 (unstarred, unread) and id1 are unread, id2 is read
    expect(store.unreadCount({ starred: true, keepIds: ['pt1', 'id2'] })).toBe(2);
    expect(store.unreadCount({ starred: true })).toBe(1);
    const starred = parseQuery('is:starred');
    if (!starred.ok || starred.node === null) throw new Error('is:starred should parse');
    expect(ids(store.query({ where: starred.node, keepIds: ['pt1'] }))).toEqual(['pt1', 'id1']);
    expect(store.unreadCount({ where: starred.node, lang: 'id', keepIds: ['id2'] })).toBe(1);
    // in unread-only and starred-only at once, kept articles stay whatever both marks are now
    expect(ids(store.query({ unread: true, starred: true, keepIds: ['id2'] }))).toEqual(['id2', 'id1']);
    expect(store.unreadCount({ unread: true, starred: true, keepIds: ['id2'] })).toBe(1);
  });

  it('tells where an article is, or would be, in a query: the same offset query() lists it at', () => {
    store.mark(['id2', 'en1'], { read: true });
    const queries = [{}, { lang: 'id' }, { lang: 'en', unread: true }, { tags: ['databreach'] }, { tags: ['databreach'], lang: 'en', unread: true }, { unread: true }];
    for (const q of queries) {
      const listed = ids(store.query({ ...q, limit: 100 }));
      for (const id of ['id1', 'en1', 'nul', 'id2', 'pt1', 'en2']) {
        const k = store.position(q, id);
        // listed: its own offset; not listed: the offset of the article now in its place (the next one)
        if (listed.includes(id)) expect(k, `${id} in ${JSON.stringify(q)}`).toBe(listed.indexOf(id));
        else expect(ids(store.query({}))).toContain(id);
      }
    }
    // read articles are not in the unread list: each would sit where the next unread (older) one is
    expect(ids(store.query({ unread: true }))).toEqual(['en2', 'pt1', 'nul', 'id1']);
    expect(store.position({ unread: true }, 'id2')).toBe(2);
    expect(store.position({ unread: true }, 'en1')).toBe(3);
    expect(store.position({}, 'missing')).toBeNull();
  });

  it('searches title, summary and body text, with prefixes and Indonesian words', () => {
    expect(ids(store.query({ search: 'rumah sakit' }))).toEqual(['id2']);
    expect(ids(store.query({ search: 'pasien' }))).toEqual(['id2']);
    expect(ids(store.query({ search: 'disandera' }))).toEqual(['id2']);
    expect(ids(store.query({ search: 'rumah lumpuh' }))).toEqual(['id2']);
    expect(ids(store.query({ search: 'phish' }))).toEqual(['en2', 'pt1']);
    expect(ids(store.query({ search: 'DATA' }))).toEqual(['id2', 'en1', 'id1']);
    expect(ids(store.query({ search: 'data', lang: 'id', tags: ['databreach'] }))).toEqual(['id1']);
    expect(ids(store.query({ search: 'nbsp' }))).toEqual([]);
    expect(store.count({ search: 'phishing' })).toBe(2);
  });

  it('never throws on FTS syntax in user input', () => {
    for (const search of ['"', 'AND', '*', '-', 'NEAR(', 'data"', '"data', 'data AND', 'OR NOT', '(', '^', ':', 'title:data', '\u0000']) {
      expect(() => store.query({ search }), search).not.toThrow();
    }
    expect(ids(store.query({ search: 'data"' }))).toEqual(['id2', 'en1', 'id1']);
    expect(ids(store.query({ search: 'AND' }))).toEqual([]);
    // Nothing searchable is no filter, like an empty prompt.
    expect(ids(store.query({ search: '"*-' }))).toHaveLength(6);
  });
});

describe('tags', () => {
  it('counts per edition, most used first then alphabetical, in the most common casing', () => {
    store.saveFeed(FEED, FETCH, [
      article('a', { lang: 'id', tags: ['Phishing', 'Zeta'] }),
      article('b', { lang: 'id', tags: ['phishing', 'Alpha'] }),
      article('c', { lang: 'en', tags: ['phishing', 'beta'] }),
      article('d', { lang: null, tags: ['PHISHING', 'ALPHA'] }),
    ]);
    expect(store.tags()).toEqual([
      { tag: 'phishing', count: 4 },
      { tag: 'Alpha', count: 2 },
      { tag: 'beta', count: 1 },
      { tag: 'Zeta', count: 1 },
    ]);
    expect(store.tags('ID')).toEqual([
      { tag: 'Phishing', count: 3 },
      { tag: 'Alpha', count: 2 },
      { tag: 'Zeta', count: 1 },
    ]);
    expect(store.tags('en')).toEqual([
      { tag: 'phishing', count: 2 },
      { tag: 'ALPHA', count: 1 },
      { tag: 'beta', count: 1 },
    ]);
  });
});

describe('tags co-occurring with chosen tags', () => {
  beforeEach(() => {
    store.saveFeed(FEED, FETCH, [
      article('a', { lang: 'id', tags: ['ransomware', 'government', 'Jakarta'] }),
      article('b', { lang: 'id', tags: ['Ransomware', 'health'] }),
      article('c', { lang: 'en', tags: ['ransomware', 'government'] }),
      article('d', { lang: null, tags: ['ransomware', 'government', 'health'] }),
      article('e', { lang: 'id', tags: ['phishing', 'government'] }),
    ]);
  });

  it('counts only the articles having every chosen tag, in the edition, chosen ones included', () => {
    expect(store.tags('id', ['ransomware'])).toEqual([
      { tag: 'ransomware', count: 3 },
      { tag: 'government', count: 2 },
      { tag: 'health', count: 2 },
      { tag: 'Jakarta', count: 1 },
    ]);
    expect(store.tags('id', ['#Ransomware', 'GOVERNMENT'])).toEqual([
      { tag: 'government', count: 2 },
      { tag: 'ransomware', count: 2 },
      { tag: 'health', count: 1 },
      { tag: 'Jakarta', count: 1 },
    ]);
    expect(store.tags(undefined, ['government', 'ransomware'])).toEqual([
      { tag: 'government', count: 3 },
      { tag: 'ransomware', count: 3 },
      { tag: 'health', count: 1 },
      { tag: 'Jakarta', count: 1 },
    ]);
    expect(store.tags('en', ['phishing'])).toEqual([]);
    expect(store.tags('id', [])).toEqual(store.tags('id'));
  });

  it('walks the rarest chosen tag range and reads the rest by index, never scanning', () => {
    const db = new Database(join(dir, 'cache.db'), { readonly: true });
    const { sql, params } = store.coTagsSql('id', ['health', 'ransomware']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    db.close();
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual([]);
    expect(plan.some((d) => d.startsWith('SEARCH t0 USING PRIMARY KEY (tag_key=?)'))).toBe(true);
    expect(plan.some((d) => /^SEARCH t USING (COVERING )?INDEX article_tags_article \(article_rid=\?\)/.test(d))).toBe(true);
  });
});

describe('pairing', () => {
  beforeEach(() => {
    store.saveFeed(FEED, FETCH, [
      article('id-a', { lang: 'id', url: 'https://x.test/id/1', alternates: [{ href: 'https://x.test/en/1', hreflang: 'en' }] }),
      article('id-b', { lang: 'id', pairKey: 'x#2' }),
      article('id-c', { lang: 'id', url: 'https://x.test/id/3' }),
      article('lonely', { lang: 'id' }),
    ]);
    store.saveFeed(FEED2, FETCH, [
      article('en-a', { lang: 'en', url: 'https://x.test/en/1' }),
      article('en-b', { lang: 'en', pairKey: 'x#2' }),
      article('en-c', { lang: 'en', url: 'https://x.test/en/3', alternates: [{ href: 'https://x.test/id/3', hreflang: 'id' }] }),
    ]);
  });

  it('marks both editions and counts changed rows', () => {
    expect(store.mark(['id-a'], { read: true })).toBe(2);
    expect(store.get('en-a')?.read).toBe(true);
    expect(store.mark(['en-a'], { read: true })).toBe(0);
    expect(store.mark(['en-b', 'id-c'], { starred: true, read: true })).toBe(4);
    expect(ids(store.query({ starred: true }))).toEqual(['id-b', 'id-c', 'en-b', 'en-c']);
    expect(store.mark(['en-c'], { starred: false })).toBe(2);
    expect(store.get('id-c')).toMatchObject({ read: true, starred: false });
    expect(store.mark(['missing'], { read: true })).toBe(0);
    expect(store.mark(['lonely'], {})).toBe(0);
    expect(store.get('lonely')?.read).toBe(false);
  });

  it('finds the other edition both ways', () => {
    expect(store.alternate('id-a')?.id).toBe('en-a');
    expect(store.alternate('en-a')?.id).toBe('id-a');
    expect(store.alternate('id-b')?.id).toBe('en-b');
    expect(store.alternate('en-b', 'id')?.id).toBe('id-b');
    expect(store.alternate('en-c')?.id).toBe('id-c');
    expect(store.alternate('id-c')?.id).toBe('en-c');
    expect(store.alternate('id-c', 'pt')).toBeNull();
    expect(store.alternate('lonely')).toBeNull();
    expect(store.alternate('missing')).toBeNull();
  });

  it('gives a new edition the state of the story', () => {
    store.mark(['lonely'], { read: true, starred: true });
    store.saveFeed(FEED2, FETCH, [article('lonely-en', { lang: 'en', alternates: [{ href: 'https://example.test/lonely' }] })]);
    expect(store.get('lonely-en')).toMatchObject({ read: true, starred: true });
  });
});

describe('related', () => {
  it('scores shared tags, rarer weighing more, same language or unknown, excluding the pair', () => {
    store.saveFeed(FEED, FETCH, [
      article('me', { published: at(0), lang: 'id', pairKey: 'p1', tags: ['rare', 'common', 'mid'] }),
      article('twin', { published: at(1), lang: 'en', pairKey: 'p1', tags: ['rare', 'common', 'mid'] }),
      article('twin-id', { published: at(1), lang: 'id', pairKey: 'p1', tags: ['rare', 'common', 'mid'] }),
      article('r-rare', { published: at(2), lang: 'id', tags: ['rare'] }),
      article('r-common-mid', { published: at(3), lang: null, tags: ['Common', 'mid'] }),
      article('r-mid', { published: at(4), lang: 'id', tags: ['mid'] }),
      article('r-common-new', { published: at(6), lang: 'id', tags: ['common'] }),
      article('r-common-old', { published: at(5), lang: 'id', tags: ['common'] }),
      article('english', { published: at(7), lang: 'en', tags: ['rare', 'common', 'mid'] }),
      article('untagged', { published: at(8), lang: 'id' }),
      article('c1', { published: at(-1), lang: 'en', tags: ['common'] }),
      article('c2', { published: at(-2), lang: 'en', tags: ['common'] }),
    ]);
    // rare on 5 articles: 1/ln 6 = 0.558; mid on 6: 1/ln 7 = 0.514; common on 9: 1/ln 10 = 0.434.
    // english (other language), twin and twin-id (paired editions) and untagged never appear.
    expect(ids(store.related('me', 10))).toEqual(['r-common-mid', 'r-rare', 'r-mid', 'r-common-new', 'r-common-old']);
    expect(ids(store.related('me'))).toHaveLength(5);
    expect(ids(store.related('me', 2))).toEqual(['r-common-mid', 'r-rare']);
    expect(store.related('untagged')).toEqual([]);
    expect(store.related('missing')).toEqual([]);
  });
});

describe('removeFeed', () => {
  it('removes the feed and its unstarred articles with their tags and search rows', () => {
    store.saveFeed(FEED, FETCH, [
      article('keep', { tags: ['x'], title: 'zebra keep' }),
      article('drop', { tags: ['x'], title: 'zebra drop' }),
      article('drop2'),
    ]);
    store.saveFeed(FEED2, FETCH, [article('other', { tags: ['x'] })]);
    store.mark(['keep'], { starred: true });
    expect(store.removeFeed(FEED)).toBe(2);
    expect(store.getFeedState(FEED)).toBeNull();
    expect(ids(store.query({}))).toEqual(['keep', 'other']);
    expect(store.get('keep')).toMatchObject({ starred: true, feedTitle: null });
    expect(store.tags()).toEqual([{ tag: 'x', count: 2 }]);
    expect(ids(store.query({ search: 'zebra' }))).toEqual(['keep']);
    expect(store.removeFeed('https://never.test/')).toBe(0);
  });
});

describe('saveRowsMany: several feeds in one transaction', () => {
  const rowsOf = (feedUrl: string, prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => prepareArticle(article(`${prefix}${i}`, { feedUrl, published: at(i) }), feedUrl));

  it('stores every write and answers what saveRows would have, in order', () => {
    const other = openStore(':memory:').store;
    const writes = [
      { url: FEED, state: FETCH, rows: rowsOf(FEED, 'a', 3) },
      { url: FEED2, state: FETCH, rows: rowsOf(FEED2, 'b', 2) },
    ];
    const outcomes = store.saveRowsMany(writes);
    expect(outcomes).toEqual(writes.map((w) => ({ ok: true, result: other.saveRows(w.url, w.state, w.rows) })));
    other.close();
    expect(store.count({ feedUrl: FEED })).toBe(3);
    expect(store.count({ feedUrl: FEED2 })).toBe(2);
    expect(store.getFeedState(FEED2)?.lastStatus).toBe('new');
  });

  it('a write that fails fails alone: the others in its group are stored', () => {
    const outcomes = store.saveRowsMany([
      { url: FEED, state: FETCH, rows: rowsOf(FEED, 'a', 2) },
      // rows prepared for another feed are refused
      { url: FEED2, state: FETCH, rows: rowsOf(FEED, 'x', 1) },
      { url: 'https://third.test/rss', state: FETCH, rows: rowsOf('https://third.test/rss', 'c', 1) },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(store.count({})).toBe(3);
    expect(store.get('x0')).toBeNull();
    expect(store.getFeedState(FEED2)).toBeNull();
  });

  it('a cache locked past the busy timeout fails the group once, not once per write', () => {
    const path = join(dir, 'cache.db');
    const quick = openExistingStore(path, 100);
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    // a write made again on its own would wait out the busy timeout again, once per write
    let alone = 0;
    const counted = Object.create(quick) as SqliteStore;
    counted.saveRows = (...args) => {
      alone += 1;
      return quick.saveRows(...args);
    };
    const outcomes = counted.saveRowsMany([1, 2, 3, 4].map((n) => ({ url: `https://f${n}.test/rss`, state: FETCH, rows: [] })));
    holder.exec('ROLLBACK');
    holder.close();
    quick.close();
    expect(outcomes.every((o) => !o.ok && (o.error as StoreError).problem.key === 'errCacheLocked')).toBe(true);
    expect(alone).toBe(0);
  });
});

// insertArticle looks up, once per feed, what a fresh import can skip (pairs to inherit from, rescued flags,
// pages, synced twins): each case below is one where the skip must not happen.
describe('what a new article inherits, however the cache is laid out', () => {
  const LANGS = [null, '', 'en', 'id', 'zz'] as const;
  for (const lang of LANGS) {
    it(`the read mark of an edition in ${JSON.stringify(lang)} among articles in every language, none starred`, () => {
      store.saveFeed(FEED, FETCH, LANGS.map((l, i) => article(`old-${i}`, { lang: l, url: `https://x.test/${i}` })));
      const i = LANGS.indexOf(lang);
      expect(store.mark([`old-${i}`], { read: true })).toBe(1);
      // no other article is read or starred
      expect(store.count({ unread: true })).toBe(LANGS.length - 1);
      store.saveFeed(FEED2, FETCH, [
        article('new-paired', { lang: 'pt', alternates: [{ href: `https://x.test/${i}` }] }),
        article('new-alone', { lang: 'pt', url: 'https://x.test/alone' }),
      ]);
      expect(store.get('new-paired')).toMatchObject({ read: true, starred: false });
      expect(store.get('new-alone')).toMatchObject({ read: false, starred: false });
    });
  }

  it('a mark rescued for one article of a write passes to its edition later in the same write', () => {
    store.addRecoveredFlags([{ id: 'first', read: 1, starred: 1 }]);
    store.saveFeed(FEED, FETCH, [
      article('first', { lang: 'id', url: 'https://x.test/story' }),
      article('second', { lang: 'en', url: 'https://x.test/en/story', alternates: [{ href: 'https://x.test/story' }] }),
      article('third', { lang: 'en', url: 'https://x.test/other' }),
    ]);
    expect(store.get('first')).toMatchObject({ read: true, starred: true });
    expect(store.get('second')).toMatchObject({ read: true, starred: true });
    expect(store.get('third')).toMatchObject({ read: false, starred: false });
  });

  it('a mark passes between feeds written in one group, and copies of a story are listed once', () => {
    store.addRecoveredFlags([{ id: 'a1', read: 1, starred: 0 }]);
    const rows = (feedUrl: string, list: ReturnType<typeof article>[]) => list.map((a) => prepareArticle({ ...a, feedUrl }, feedUrl));
    const outcomes = store.saveRowsMany([
      { url: FEED, state: FETCH, rows: rows(FEED, [article('a1', { lang: 'id', url: 'https://x.test/a' }), article('a2', { lang: 'id', url: 'https://x.test/b' })]) },
      {
        url: FEED2,
        state: FETCH,
        rows: rows(FEED2, [
          article('b1', { lang: 'en', url: 'https://x.test/en/a', alternates: [{ href: 'https://x.test/a' }] }),
          // the same story as a2 (same edition, same link but for scheme and case): a copy
          article('b2', { lang: 'id', url: 'http://X.test/b' }),
          // and a copy of it within this one feed
          article('b3', { lang: 'id', url: 'https://x.test/b/' }),
        ]),
      },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(store.get('b1')).toMatchObject({ read: true, starred: false });
    expect(store.get('a2')?.read).toBe(false);
    expect(ids(store.query({}))).not.toContain('b2');
    expect(ids(store.query({}))).not.toContain('b3');
    expect(ids(store.query({ feedUrl: FEED2 }))).toEqual(expect.arrayContaining(['b2', 'b3']));
    expect(store.count({})).toBe(3);
  });
});
