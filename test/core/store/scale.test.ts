import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import type { Article } from '../../../src/core/types.js';
import { article, at, FETCH } from './make.js';

const N = 100_000;
const VOCAB = Array.from({ length: 40 }, (_, i) => `Tag${i}`);
let dir: string;
let store: SqliteStore;
let db: Database.Database;

function generated(i: number): Article {
  return article(`a${i}`, {
    published: at(i),
    // every 10th unknown, the rest alternating id / en
    lang: i % 10 === 0 ? null : i % 2 === 1 ? 'en' : 'id',
    tags: [VOCAB[i % 40] ?? '', VOCAB[(i * 7 + 3) % 40] ?? ''],
    title: `Kebocoran data ${i}`,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-scale-'));
  const path = join(dir, 'cache.db');
  store = openStore(path).store;
  // One saveFeed = one transaction for all 100k rows.
  store.saveFeed('https://example.test/feed.xml', FETCH, Array.from({ length: N }, (_, i) => generated(i)));
  db = new Database(path, { readonly: true });
}, 120_000);
afterAll(() => {
  db.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(q: Parameters<SqliteStore['querySql']>[0]): string[] {
  const { sql, params } = store.querySql(q);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

function expected(filter: (i: number, a: Article) => boolean, limit = 50): string[] {
  const out: string[] = [];
  for (let i = N - 1; i >= 0 && out.length < limit; i--) {
    const a = generated(i);
    if (filter(i, a)) out.push(a.id);
  }
  return out;
}

describe('100k articles', () => {
  it('holds them all', () => {
    expect(store.count({})).toBe(N);
  });

  it('pages newest-first from the sort index without sorting', () => {
    expect(plan({})).toEqual([
      'SCAN a USING INDEX articles_sort',
      'SEARCH f USING INDEX sqlite_autoindex_feeds_1 (url=?) LEFT-JOIN',
    ]);
    expect(store.query({}).map((a) => a.id)).toEqual(expected(() => true));
  });

  it('walks the tag index range for tag + lang, without a table scan or a sort', () => {
    expect(plan({ tags: ['tag5'], lang: 'en' })).toEqual([
      'SEARCH t0 USING PRIMARY KEY (tag_key=?)',
      'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH f USING INDEX sqlite_autoindex_feeds_1 (url=?) LEFT-JOIN',
    ]);
    const want = expected((_, a) => a.tags.includes('Tag5') && (a.lang === 'en' || a.lang === null));
    expect(want).toHaveLength(50);
    expect(store.query({ tags: ['tag5'], lang: 'en' }).map((a) => a.id)).toEqual(want);
  });

  it('starts two-tag queries from one tag and checks the other by index', () => {
    const p = plan({ tags: ['Tag5', 'Tag38'], lang: 'en', unread: true });
    expect(p[0]).toBe('SEARCH t0 USING PRIMARY KEY (tag_key=?)');
    expect(p).toContain('SEARCH tx USING COVERING INDEX article_tags_article (article_rid=? AND tag_key=?)');
    const want = expected(
      (_, a) => a.tags.includes('Tag5') && a.tags.includes('Tag38') && (a.lang === 'en' || a.lang === null),
    );
    expect(want).toHaveLength(50);
    expect(store.query({ tags: ['Tag5', 'Tag38'], lang: 'en', unread: true }).map((a) => a.id)).toEqual(want);
    expect(store.query({ tags: ['Tag5', 'Tag38'], lang: 'id' })).toEqual([]);
  });

  it('walks the sort index for a search, using the match set as a filter, and counts editions exactly', () => {
    const p = plan({ search: 'kebocoran' });
    expect(p[0]).toBe('SCAN a USING INDEX articles_sort');
    expect(p.join('\n')).not.toContain('TEMP B-TREE');
    // the last word is a prefix: 9999 and 99990..99999
    expect(store.query({ search: 'kebocoran 9999' }).map((a) => a.id)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `a${99999 - i}`),
      'a9999',
    ]);
    expect(store.count({ search: 'kebocoran 9999' })).toBe(11);
    // ids ending in 0 are unknown (both editions): 10,000; odd ids are en: 50,000
    expect(store.count({ lang: 'en' })).toBe(60_000);
    expect(store.count({ lang: 'id' })).toBe(50_000);
    expect(store.unreadCount({ lang: 'id' })).toBe(50_000);
  });

  it('uses an index for every other filter and never sorts a full scan', () => {
    for (const q of [{ lang: 'en' }, { unread: true }, { starred: true }, { feedUrl: 'https://example.test/feed.xml' }, { lang: 'id', unread: true }, { lang: 'en', maxRid: 90_000 }]) {
      const p = plan(q).join('\n');
      expect(p, JSON.stringify(q)).toMatch(/^(SCAN a USING INDEX|SEARCH a USING INDEX)/);
      expect(p, JSON.stringify(q)).not.toContain('TEMP B-TREE');
    }
  });

  it('finds the next unread article deep in the list by index walks, with its position', () => {
    // odd ids are English; the list of the English edition (with the unknown ones) newest first
    const next = store.unreadNeighbour({ lang: 'en' }, 'a99999', 1);
    expect(next).toEqual({ id: 'a99997', index: 1 });
    expect(store.unreadNeighbour({ lang: 'en', tags: ['tag5'] }, null, -1)?.index).toBe(store.count({ lang: 'en', tags: ['tag5'] }) - 1);
  });
});
