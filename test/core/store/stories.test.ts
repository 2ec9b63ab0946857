import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/core/store/migrations.js';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import type { Article } from '../../../src/core/types.js';
import { article, at, FETCH } from './make.js';
import { prepareArticle } from '../../../src/core/store/prepare.js';

/** One article per story within an edition, whichever feed URLs brought it (issue 10). */

const HTTP = 'https://cyberthreat.id/rss';
const FILE = 'file:///home/rina/feeds/cyberthreat.xml';
let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-stories-'));
  store = openStore(join(dir, 'cache.db')).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (list: { id: string }[]): string[] => list.map((a) => a.id);

/** The same three stories as a feed lists them, under the ids that feed gives them. */
function edition(feedUrl: string, prefix: string, over: (i: number) => Partial<Article> = () => ({})): Article[] {
  return [1, 2, 3].map((i) =>
    article(`${prefix}${i}`, {
      feedUrl,
      url: `https://cyberthreat.id/read/${i}/berita`,
      published: at(i),
      lang: 'id',
      tags: ['databreach', `t${i}`],
      ...over(i),
    }),
  );
}

describe('the same story from two feed URLs', () => {
  beforeEach(() => {
    store.saveFeed(HTTP, FETCH, edition(HTTP, 'h'));
    store.saveFeed(FILE, FETCH, edition(FILE, 'f'));
  });

  it('is listed and counted once, the first copy stored', () => {
    expect(ids(store.query({ lang: 'id' }))).toEqual(['h3', 'h2', 'h1']);
    expect(store.count({ lang: 'id' })).toBe(3);
    expect(store.count({})).toBe(3);
    expect(store.unreadCount({ lang: 'id' })).toBe(3);
    expect(ids(store.query({ tags: ['databreach'] }))).toEqual(['h3', 'h2', 'h1']);
    expect(store.count({ tags: ['databreach'], lang: 'id' })).toBe(3);
    expect(store.tags('id').find((t) => t.tag === 'databreach')?.count).toBe(3);
    expect(store.position({ lang: 'id' }, 'h1')).toBe(2);
  });

  it('is still in its own feed\'s list', () => {
    expect(ids(store.query({ feedUrl: FILE }))).toEqual(['f3', 'f2', 'f1']);
    expect(store.count({ feedUrl: FILE })).toBe(3);
  });

  it('is never offered as "Read also" of itself or twice', () => {
    const related = ids(store.related('h3', 10));
    expect(related).toEqual(['h2', 'h1']);
  });

  it('shares its read and star marks with its copy', () => {
    store.mark(['h2'], { read: true, starred: true });
    expect(store.get('f2')).toMatchObject({ read: true, starred: true });
    expect(store.unreadCount({ lang: 'id' })).toBe(2);
    const all = store.markAll({ lang: 'id' }, true);
    expect(all.matched).toBe(2);
    expect(store.get('f1')?.read).toBe(true);
  });

  it('is listed from the other feed once the first is removed, with its marks', () => {
    store.mark(['h1'], { read: true });
    store.removeFeed(HTTP);
    expect(ids(store.query({ lang: 'id' }))).toEqual(['f3', 'f2', 'f1']);
    expect(store.get('f1')?.read).toBe(true);
    expect(store.count({ lang: 'id' })).toBe(3);
    expect(store.unreadCount({ lang: 'id' })).toBe(2);
  });

  it('adds nothing new to the list when the second feed brings it again', () => {
    const again = store.saveFeed(FILE, { ...FETCH, lastFetched: at(100) }, edition(FILE, 'f', (i) => ({ title: `Changed ${i}` })));
    expect(again.updated).toBe(3);
    expect(ids(store.query({ lang: 'id' }))).toEqual(['h3', 'h2', 'h1']);
  });
});

describe('what makes two articles one story', () => {
  const one = (a: Partial<Article>, b: Partial<Article>): boolean => {
    store.saveFeed(HTTP, FETCH, [article('a', { feedUrl: HTTP, published: at(1), ...a })]);
    store.saveFeed(FILE, FETCH, [article('b', { feedUrl: FILE, published: at(2), ...b })]);
    const n = store.count({});
    store.removeFeed(HTTP);
    store.removeFeed(FILE);
    return n === 1;
  };

  it('the link, whatever its scheme, "www.", case, fragment or trailing slash', () => {
    expect(one({ url: 'http://www.Example.com/read/1/' }, { url: 'https://example.com/read/1#top' })).toBe(true);
    expect(one({ url: 'https://example.com/read/1' }, { url: 'https://example.com/read/2' })).toBe(false);
    expect(one({ url: 'https://example.com/read/1?p=2' }, { url: 'https://example.com/read/1?p=3' })).toBe(false);
  });

  it('within an edition: the English and Indonesian editions stay two', () => {
    expect(one({ url: 'https://example.com/x', lang: 'id' }, { url: 'https://example.com/x', lang: 'en' })).toBe(false);
  });

  it('without a link, a guid that is a URI; never a bare number two feeds may both use', () => {
    expect(one({ url: null, guid: 'tag:example.com,2026:42' }, { url: null, guid: 'tag:example.com,2026:42' })).toBe(true);
    expect(one({ url: null, guid: '42' }, { url: null, guid: '42' })).toBe(false);
  });
});

describe('a cache from before stories were kept once', () => {
  it('marks its existing copies when it is opened', () => {
    store.close();
    const path = join(dir, 'old.db');
    const db = new Database(path);
    for (const step of MIGRATIONS.slice(0, 5)) db.exec(step);
    db.pragma('user_version = 5');
    const insert = db.prepare(
      `INSERT INTO articles (id, feed_url, url, title, sort_time, lang, summary, content_html, enclosures, alternates, tags, fetched_at, content_hash)
       VALUES (?, ?, ?, ?, ?, 'id', '', '', '[]', '[]', '[]', '2024-01-01', 'h')`,
    );
    insert.run('old-a', HTTP, 'https://cyberthreat.id/read/9/x', 'Satu', 1);
    insert.run('old-b', FILE, 'http://cyberthreat.id/read/9/x/', 'Satu', 1);
    insert.run('old-c', FILE, 'https://cyberthreat.id/read/10/y', 'Dua', 2);
    db.close();
    store = openStore(path).store;
    expect(ids(store.query({}))).toEqual(['old-c', 'old-a']);
    expect(store.count({})).toBe(2);
  });
});

describe('a cache from before copies were marked by the insert itself (migration 7)', () => {
  it('drops the insert trigger and still lists a story once, whether its copies came in one write or several', () => {
    store.close();
    const path = join(dir, 'six.db');
    const db = new Database(path);
    for (const step of MIGRATIONS.slice(0, 6)) db.exec(step);
    db.pragma('user_version = 6');
    db.close();
    store = openStore(path).store;
    const check = new Database(path, { readonly: true });
    const triggers = check.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    check.close();
    expect(triggers).toEqual(['articles_fts_delete', 'articles_story_delete', 'articles_story_update']);
    store.saveFeed(HTTP, FETCH, edition(HTTP, 'h'));
    const [a, b] = [edition(FILE, 'f'), edition('https://mirror.test/rss', 'm')];
    const outcomes = store.saveRowsMany([
      { url: FILE, state: FETCH, rows: a.map((x) => prepareArticle(x, FILE)) },
      { url: 'https://mirror.test/rss', state: FETCH, rows: b.map((x) => prepareArticle(x, 'https://mirror.test/rss')) },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(ids(store.query({ lang: 'id' }))).toEqual(['h3', 'h2', 'h1']);
    expect(store.count({})).toBe(3);
    // each feed still lists its own copies
    expect(ids(store.query({ feedUrl: FILE }))).toEqual(['f3', 'f2', 'f1']);
  });
});
