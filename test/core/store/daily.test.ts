import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import type { ArticleQuery } from '../../../src/core/types.js';
import { article, at, FETCH } from './make.js';

// The store queries behind the reader's daily keys: per-feed counts, mark all (and its undo), next unread.

const FEED = 'https://example.test/feed.xml';
const FEED2 = 'https://other.test/rss';
let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-daily-'));
  store = openStore(join(dir, 'cache.db')).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const unreadIds = (q: ArticleQuery = {}): string[] => store.query({ ...q, unread: true, limit: 1000 }).map((a) => a.id);

/** Six articles over two feeds, newest first: f1 f2 (feed 2), a3 … a6, with tags and one pair of editions. */
function seed(): void {
  store.saveFeed(FEED, { ...FETCH, title: 'Feed One' }, [
    article('a3', { published: at(40), tags: ['ransomware'] }),
    article('a4', { published: at(30), tags: ['ransomware', 'bssn'], pairKey: 'x#4' }),
    article('a5', { published: at(20), tags: ['privacy'] }),
    article('a6', { published: at(10), tags: ['ransomware'] }),
  ]);
  store.saveFeed(FEED2, { ...FETCH, title: 'Feed Two' }, [
    article('f1', { feedUrl: FEED2, published: at(60), lang: 'en', tags: ['ransomware'] }),
    article('f2', { feedUrl: FEED2, published: at(50), lang: 'en', pairKey: 'x#4' }),
  ]);
}

describe('feedCounts', () => {
  it('counts every article and the unread ones per feed, in every edition', () => {
    seed();
    store.mark(['a5'], { read: true });
    expect(Object.fromEntries(store.feedCounts())).toEqual({
      [FEED]: { total: 4, unread: 3, langs: { id: 4 } },
      [FEED2]: { total: 2, unread: 2, langs: { en: 2 } },
    });
  });
});

describe('markAll and setRead', () => {
  it('marks only the articles of a tag filter (and their other editions), and setRead undoes exactly that', () => {
    seed();
    store.mark(['a6'], { read: true });
    const r = store.markAll({ tags: ['ransomware'], lang: 'id' }, true);
    // a3, a4 matched (a6 was read already); f2 is a4's English edition and goes with it
    expect(r.matched).toBe(2);
    expect(r.ids.sort()).toEqual(['a3', 'a4', 'f2']);
    expect(unreadIds()).toEqual(['f1', 'a5']);
    expect(store.setRead(r.ids, false)).toBe(3);
    expect(unreadIds()).toEqual(['f1', 'f2', 'a3', 'a4', 'a5']);
    // a6 was read before: the undo leaves it read
    expect(store.get('a6')?.read).toBe(true);
  });

  it('ignores limit and offset: every article of the filter is marked', () => {
    store.saveFeed(
      FEED,
      FETCH,
      Array.from({ length: 1200 }, (_, i) => article(`n${i}`, { published: at(i) })),
    );
    const r = store.markAll({ limit: 5, offset: 3 }, true);
    expect(r.matched).toBe(1200);
    expect(store.unreadCount({})).toBe(0);
    expect(store.markAll({}, true)).toEqual({ ids: [], matched: 0 });
  });

  it('marks by feed, search, starred and unread, and can mark unread', () => {
    seed();
    expect(store.markAll({ feedUrl: FEED2 }, true).matched).toBe(2);
    expect(unreadIds()).toEqual(['a3', 'a5', 'a6']);
    store.mark(['a3'], { starred: true });
    expect(store.markAll({ starred: true }, true).ids).toEqual(['a3']);
    expect(store.markAll({ search: 'a5' }, true).ids).toEqual(['a5']);
    expect(store.markAll({ feedUrl: FEED, unread: true }, true).ids).toEqual(['a6']);
    // marking unread too takes the other edition along: f2's is a4
    expect(store.markAll({ feedUrl: FEED2 }, false).matched).toBe(2);
    expect(unreadIds()).toEqual(['f1', 'f2', 'a4']);
  });
});

describe('unreadNeighbour', () => {
  it('walks the unread articles in list order across feeds, both ways, with their list index', () => {
    seed();
    store.mark(['f2', 'a5'], { read: true });
    // list order: f1 f2 a3 a4 a5 a6; unread: f1 a3 a4 a6 (a4 and f2 share a pair: marking f2 marked a4)
    expect(unreadIds()).toEqual(['f1', 'a3', 'a6']);
    expect(store.unreadNeighbour({}, null, 1)).toEqual({ id: 'f1', index: 0 });
    expect(store.unreadNeighbour({}, 'f1', 1)).toEqual({ id: 'a3', index: 2 });
    expect(store.unreadNeighbour({}, 'a3', 1)).toEqual({ id: 'a6', index: 5 });
    expect(store.unreadNeighbour({}, 'a6', 1)).toBeNull();
    expect(store.unreadNeighbour({}, 'a6', -1)).toEqual({ id: 'a3', index: 2 });
    expect(store.unreadNeighbour({}, 'a3', -1)).toEqual({ id: 'f1', index: 0 });
    expect(store.unreadNeighbour({}, 'f1', -1)).toBeNull();
    expect(store.unreadNeighbour({}, null, -1)).toEqual({ id: 'a6', index: 5 });
  });

  it('follows the filter: tags, edition, and the index within the filtered list', () => {
    seed();
    // ransomware in the Indonesian edition: a3 a4 a6
    expect(store.unreadNeighbour({ tags: ['ransomware'], lang: 'id' }, null, 1)).toEqual({ id: 'a3', index: 0 });
    store.mark(['a4'], { read: true });
    expect(store.unreadNeighbour({ tags: ['ransomware'], lang: 'id' }, 'a3', 1)).toEqual({ id: 'a6', index: 2 });
    expect(store.unreadNeighbour({ lang: 'en' }, null, 1)).toEqual({ id: 'f1', index: 0 });
    expect(store.unreadNeighbour({ search: 'a5' }, null, 1)).toEqual({ id: 'a5', index: 0 });
  });

  it('orders articles with the same time by their row, as the list does', () => {
    store.saveFeed(FEED, FETCH, [article('s1', { published: at(5) }), article('s2', { published: at(5) }), article('s3', { published: at(5) })]);
    const order = store.query({}).map((a) => a.id);
    expect(store.unreadNeighbour({}, order[0]!, 1)?.id).toBe(order[1]);
    expect(store.unreadNeighbour({}, order[2]!, -1)).toEqual({ id: order[1], index: 1 });
  });
});

describe('feed names and languages', () => {
  it('a name given by the user is listed instead of the feed title, from a refresh or at once', () => {
    store.saveFeed(FEED, { ...FETCH, title: 'Own Title', userTitle: 'My Name' }, [article('a1')]);
    expect(store.get('a1')?.feedTitle).toBe('My Name');
    expect(store.getFeedState(FEED)?.title).toBe('Own Title');
    store.setFeedTitle(FEED, 'Renamed\u001b[2J');
    expect(store.get('a1')?.feedTitle).toBe('Renamed');
    // a later fetch without a userTitle keeps it; with null it gives the feed's own title back
    store.saveFetchState(FEED, { ...FETCH, lastStatus: 'unchanged' });
    expect(store.get('a1')?.feedTitle).toBe('Renamed');
    store.saveFetchState(FEED, { ...FETCH, lastStatus: 'unchanged', userTitle: null });
    expect(store.get('a1')?.feedTitle).toBe('Own Title');
  });

  it('setFeedLang moves a feed to another edition, tag lists included', () => {
    seed();
    expect(store.setFeedLang(FEED2, 'ID')).toBe(2);
    expect(store.query({ lang: 'en' })).toEqual([]);
    expect(store.query({ lang: 'id', tags: ['ransomware'] }).map((a) => a.id)).toEqual(['f1', 'a3', 'a4', 'a6']);
    expect(store.tags('en')).toEqual([]);
  });
});
