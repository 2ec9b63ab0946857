import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/query/parse.js';
import type { QueryNode } from '../../../src/core/query/ast.js';
import { openStore } from '../../../src/core/store/open-store.js';
import { NO_POLICY, type SqliteStore } from '../../../src/core/store/sqlite.js';
import type { ArticleQuery } from '../../../src/core/types.js';
import { article, FETCH } from '../store/make.js';

const DAY = 86_400_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
const A = 'https://alpha.test/feed.xml';
const B = 'https://beta.test/rss';

let dir: string;
let store: SqliteStore;

function node(text: string): QueryNode {
  const r = parseQuery(text);
  if (!r.ok || r.node === null) throw new Error(`bad test query ${text}`);
  return r.node;
}

/** The ids a query lists, checked against count() and the page-by-page walk. */
function ids(text: string, extra: ArticleQuery = {}): string[] {
  const q = { ...extra, where: node(text) };
  const got = store.query({ ...q, limit: 100 }).map((a) => a.id);
  expect(store.count(q), `count of ${text}`).toBe(got.length);
  const paged = [...store.query({ ...q, limit: 2 }), ...store.query({ ...q, limit: 2, offset: 2 }), ...store.query({ ...q, limit: 100, offset: 4 })];
  expect(paged.map((a) => a.id), `pages of ${text}`).toEqual(got);
  return got.sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-query-'));
  store = openStore(join(dir, 'cache.db')).store;
  store.setPolicy({ ...NO_POLICY, timeZone: 'Asia/Jakarta' });
  store.saveFeed(A, { ...FETCH, title: 'Alpha News' }, [
    article('a1', {
      feedUrl: A,
      lang: 'id',
      tags: ['DataBreach', 'Bank'],
      title: 'Kebocoran data nasabah bank',
      author: 'Arif Rahman',
      summary: 'Data pengguna bocor dari server bank.',
      published: ago(1 * DAY),
    }),
    article('a2', {
      feedUrl: A,
      lang: 'en',
      tags: ['Ransomware'],
      title: 'Ransomware hits hospital',
      author: 'Jane Doe',
      contentHtml: '<p>The hospital said patient data was not taken.</p>',
      published: ago(3 * DAY),
    }),
    article('a3', {
      feedUrl: A,
      lang: 'en',
      tags: ['DataBreach'],
      title: 'Data breach at a retailer',
      author: 'Ármin Vámbéry',
      contentHtml: '<p>The company issued a press release on Friday.</p>',
      published: ago(10 * DAY),
    }),
    article('a4', {
      feedUrl: A,
      lang: null,
      tags: ['Ransomware', 'Sponsored'],
      title: 'Sponsored: the backup that beats ransomware',
      published: ago(40 * DAY),
    }),
  ]);
  store.saveFeed(B, { ...FETCH, title: 'Beta', userTitle: 'Beta Keamanan (contoh)' }, [
    article('b1', { feedUrl: B, lang: 'id', tags: ['Ransomware'], title: 'Serangan ransomware ganggu layanan', published: ago(2 * 3_600_000) }),
    article('b2', { feedUrl: B, lang: 'en', tags: ['Phishing'], title: 'Phishing wave', published: null }),
    // 00:30 WIB on 2 November 2024 (still 1 November in UTC)
    article('b3', { feedUrl: B, lang: 'id', tags: ['Phishing'], title: 'Arsip lama', published: '2024-11-01T17:30:00.000Z' }),
  ]);
  store.mark(['a2'], { read: true });
  store.mark(['a3'], { starred: true });
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the query language on a real cache', () => {
  it('words and phrases use the full-text index', () => {
    expect(ids('bank')).toEqual(['a1']);
    expect(ids('data')).toEqual(['a1', 'a2', 'a3']);
    expect(ids('"press release"')).toEqual(['a3']);
    expect(ids('"release press"')).toEqual([]);
    expect(ids('ransom*')).toEqual(['a2', 'a4', 'b1']);
    expect(ids('title:data')).toEqual(['a1', 'a3']);
    expect(ids('title:hospital')).toEqual(['a2']);
    expect(ids('hospital -title:hospital')).toEqual([]);
  });

  it('tags, languages, feeds, authors and states', () => {
    expect(ids('#databreach')).toEqual(['a1', 'a3']);
    expect(ids('#ransomware -#sponsored')).toEqual(['a2', 'b1']);
    expect(ids('#ransomware #sponsored')).toEqual(['a4']);
    // the edition: its language, or unknown
    expect(ids('lang:en')).toEqual(['a2', 'a3', 'a4', 'b2']);
    expect(ids('-lang:en')).toEqual(['a1', 'b1', 'b3']);
    expect(ids('feed:alpha')).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids('feed:beta.test')).toEqual(['b1', 'b2', 'b3']);
    expect(ids('feed:contoh')).toEqual(['b1', 'b2', 'b3']);
    expect(ids('author:arif')).toEqual(['a1']);
    expect(ids('author:ármin')).toEqual(['a3']);
    expect(ids('author:ÁRMIN')).toEqual(['a3']);
    expect(ids('-author:doe')).toEqual(['a1', 'a3', 'a4', 'b1', 'b2', 'b3']);
    expect(ids('read')).toEqual(['a2']);
    expect(ids('unread #ransomware')).toEqual(['a4', 'b1']);
    expect(ids('starred')).toEqual(['a3']);
  });

  it('ages and days, days in the configured zone', () => {
    expect(ids('age:<2d')).toEqual(['a1', 'b1', 'b2']);
    expect(ids('age:>7d')).toEqual(['a3', 'a4', 'b3']);
    expect(ids('#ransomware age:<7d')).toEqual(['a2', 'b1']);
    expect(ids('since:2024-11-02 until:2024-11-02')).toEqual(['b3']);
    expect(ids('until:2024-11-01')).toEqual([]);
    expect(ids('since:2024-11-03 until:2024-12-01')).toEqual([]);
  });

  it('OR, parentheses and negation', () => {
    expect(ids('#databreach OR #phishing lang:id')).toEqual(['a1', 'b3']);
    expect(ids('(#databreach OR #phishing) lang:id')).toEqual(['a1', 'b3']);
    expect(ids('#databreach OR (#phishing lang:id)')).toEqual(['a1', 'a3', 'b3']);
    expect(ids('bank OR hospital')).toEqual(['a1', 'a2']);
    expect(ids('bank OR #phishing')).toEqual(['a1', 'b2', 'b3']);
    expect(ids('-(bank OR #phishing) -#ransomware')).toEqual(['a3']);
    expect(ids('data -bank')).toEqual(['a2', 'a3']);
    expect(ids('-bank -hospital #databreach')).toEqual(['a3']);
    expect(ids('NOT starred NOT read')).toEqual(['a1', 'a4', 'b1', 'b2', 'b3']);
  });

  it('combines with the other fields of a list query', () => {
    expect(ids('#ransomware', { lang: 'id' })).toEqual(['a4', 'b1']);
    expect(ids('data', { tags: ['databreach'], lang: 'en' })).toEqual(['a3']);
    expect(ids('-#sponsored', { feedUrl: A, unread: true })).toEqual(['a1', 'a3']);
    expect(ids('#ransomware', { search: 'layanan' })).toEqual(['b1']);
  });

  it('counts the tags of the articles the query selects', () => {
    const tags = (text: string, lang?: string, withTags?: string[]): Record<string, number> =>
      Object.fromEntries(store.tags(lang, withTags, node(text)).map((t) => [t.tag, t.count]));
    expect(tags('data')).toEqual({ DataBreach: 2, Bank: 1, Ransomware: 1 });
    expect(tags('#ransomware', 'id')).toEqual({ Ransomware: 2, Sponsored: 1 });
    expect(tags('-#sponsored', undefined, ['ransomware'])).toEqual({ Ransomware: 2 });
  });

  it('never builds SQL from the text: the SQL is the same for any words of one shape', () => {
    const one = store.querySql({ where: node('#x lang:id "a b" author:q feed:r') });
    const two = store.querySql({ where: node("#';DROP lang:en \"x');--\" author:%_ feed:\\") });
    expect(two.sql).toBe(one.sql);
    expect(two.params.some((p) => typeof p === 'string' && p.includes('"x\');--"'))).toBe(true);
    expect(two.params).toContain("%\\%\\_%");
    expect(ids("author:%_ OR #';DROP")).toEqual([]);
  });

  it('walks a tag range for tags, a language and an age, and never sorts', () => {
    const { sql, params } = store.querySql({ where: node('#ransomware #databreach lang:id age:<7d') });
    const plan = (store as unknown as { db: { prepare(s: string): { all(...p: unknown[]): { detail: string }[] } } }).db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH t0 USING PRIMARY KEY \(tag_key=\? AND sort_time>\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
