import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/query/parse.js';
import type { QueryNode } from '../../../src/core/query/ast.js';
import { openStore } from '../../../src/core/store/open-store.js';
import { NO_POLICY, type SqliteStore } from '../../../src/core/store/sqlite.js';
import type { StorePolicy } from '../../../src/core/store/store.js';
import { article, FETCH } from './make.js';

const DAY = 86_400_000;
const FEED = 'https://example.test/feed.xml';
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
const q = (text: string): QueryNode => {
  const r = parseQuery(text);
  if (!r.ok || r.node === null) throw new Error(text);
  return r.node;
};
const policy = (p: Partial<StorePolicy>): StorePolicy => ({ ...NO_POLICY, timeZone: 'Asia/Jakarta', ...p });

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-policy-'));
  store = openStore(join(dir, 'cache.db')).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (): string[] => store.query({ limit: 100 }).map((a) => a.id).sort();

const FOUR = [
  article('news', { tags: ['ransomware'], title: 'Serangan ransomware', published: ago(1 * DAY), pairKey: 'story#1' }),
  article('ads', { tags: ['sponsored', 'ransomware'], title: 'Backup murah', published: ago(2 * DAY) }),
  article('press', { tags: ['bank'], title: 'Press release: bank baru', published: ago(3 * DAY) }),
  article('old', { tags: ['bank'], title: 'Berita lama', published: ago(40 * DAY) }),
];

describe('hide rules', () => {
  it('keep matches out of every list and count, starred ones excepted, and come back when removed', () => {
    store.saveFeed(FEED, FETCH, FOUR);
    store.mark(['press'], { starred: true });
    store.setPolicy(policy({ hide: [q('#sponsored'), q('"press release"')] }));
    expect(ids()).toEqual(['news', 'old', 'press']);
    expect(store.count({})).toBe(3);
    expect(store.count({ lang: 'id' })).toBe(3);
    expect(store.unreadCount({})).toBe(3);
    expect(store.count({ tags: ['ransomware'] })).toBe(1);
    expect(store.query({ tags: ['ransomware'] }).map((a) => a.id)).toEqual(['news']);
    expect(Object.fromEntries(store.tags().map((t) => [t.tag, t.count]))).toEqual({ ransomware: 1, bank: 2 });
    expect(Object.fromEntries(store.tags('id', ['ransomware']).map((t) => [t.tag, t.count]))).toEqual({ ransomware: 1 });
    expect(store.related('news').map((a) => a.id)).toEqual([]);
    expect(store.feedCounts().get(FEED)).toEqual({ total: 3, unread: 3, langs: { id: 3 } });
    expect(store.position({}, 'old')).toBe(2);
    // the article itself is still there: show ID finds it, and the rules are reversible
    expect(store.get('ads')?.title).toBe('Backup murah');
    store.setPolicy(policy({}));
    expect(ids()).toEqual(['ads', 'news', 'old', 'press']);
  });

  it('count what each rule hides for `cyberread ignore`', () => {
    store.saveFeed(FEED, FETCH, FOUR);
    store.mark(['ads'], { starred: true });
    const c = store.ignoreCounts([q('#ransomware'), q('#bank')], []);
    expect(c.hidden).toEqual([1, 2]);
  });
});

describe('drop rules', () => {
  it('never store new matches, remember them, and count them once', () => {
    store.setPolicy(policy({ drop: [{ rule: '#sponsored', node: q('#sponsored') }] }));
    const first = store.saveFeed(FEED, FETCH, FOUR);
    expect(first).toEqual({ added: 3, updated: 0, dropped: 1, removed: 0 });
    expect(store.get('ads')).toBeNull();
    expect(ids()).toEqual(['news', 'old', 'press']);
    // the feed still lists it: it is not stored again, nor counted again
    expect(store.saveFeed(FEED, FETCH, [...FOUR, article('new', { published: ago(0) })])).toEqual({ added: 1, updated: 0, dropped: 0, removed: 0 });
    expect(store.get('ads')).toBeNull();
    const c = store.ignoreCounts([], ['#sponsored']);
    expect(c.dropped.get('#sponsored')?.count).toBe(1);
    // without the rule, the feed brings it in again
    store.setPolicy(policy({}));
    expect(store.saveFeed(FEED, FETCH, FOUR).added).toBe(1);
    expect(store.get('ads')?.title).toBe('Backup murah');
  });

  it('hide what was cached before the rule, and never touch a starred article (or a new edition of a starred story)', () => {
    store.saveFeed(FEED, FETCH, FOUR);
    store.mark(['news'], { starred: true });
    store.setPolicy(policy({ drop: [{ rule: '#ransomware', node: q('#ransomware') }] }));
    expect(ids()).toEqual(['news', 'old', 'press']);
    // the English edition of the starred story arrives: it is starred too, so it stays
    const en = article('news-en', { feedUrl: 'https://example.test/en.xml', lang: 'en', tags: ['ransomware'], pairKey: 'story#1', published: ago(DAY) });
    const other = article('other-en', { feedUrl: 'https://example.test/en.xml', lang: 'en', tags: ['ransomware'], published: ago(DAY) });
    expect(store.saveFeed('https://example.test/en.xml', FETCH, [en, other])).toMatchObject({ added: 1, dropped: 1 });
    expect(store.get('news-en')?.starred).toBe(true);
    expect(store.get('other-en')).toBeNull();
  });

  it('match phrases and other terms row by row in the feed write', () => {
    store.setPolicy(policy({ drop: [{ rule: 'title:"press release" OR (#bank age:>30d)', node: q('title:"press release" OR (#bank age:>30d)') }] }));
    expect(store.saveFeed(FEED, FETCH, FOUR)).toMatchObject({ added: 2, dropped: 2 });
    expect(ids()).toEqual(['ads', 'news']);
  });
});

describe('retention (keep)', () => {
  it('removes articles older than days in the feed write, except starred ones, and not again when re-listed', () => {
    store.saveFeed(FEED, FETCH, FOUR);
    store.mark(['old'], { starred: true });
    store.saveFeed(FEED, FETCH, [article('older', { published: ago(50 * DAY) })]);
    store.setPolicy(policy({ keep: { days: 30 } }));
    // a 304 is the feed's write too
    expect(store.saveFetchState(FEED, { lastFetched: ago(0), lastStatus: 'unchanged' })).toBe(1);
    expect(ids()).toEqual(['ads', 'news', 'old', 'press']);
    // listed again by the feed: not brought back, not counted as new or removed
    expect(store.saveFeed(FEED, FETCH, [...FOUR, article('older', { published: ago(50 * DAY) })])).toEqual({ added: 0, updated: 0, dropped: 0, removed: 0 });
    expect(store.get('older')).toBeNull();
  });

  it('keeps the newest perFeed articles of each feed (starred ones on top of them)', () => {
    store.saveFeed(FEED, FETCH, FOUR);
    store.saveFeed('https://other.test/f', FETCH, [article('o1', { feedUrl: 'https://other.test/f', published: ago(90 * DAY) })]);
    store.mark(['old'], { starred: true });
    store.setPolicy(policy({ keep: { perFeed: 2 } }));
    const r = store.saveFeed(FEED, FETCH, [...FOUR, article('fresh', { published: ago(0) })]);
    expect(r).toEqual({ added: 1, updated: 0, dropped: 0, removed: 2 });
    expect(ids()).toEqual(['fresh', 'news', 'o1', 'old']);
  });

  it('vacuum compacts the file and forgets what rules no longer set removed', () => {
    store.setPolicy(policy({ drop: [{ rule: '#bank', node: q('#bank') }] }));
    store.saveFeed(FEED, FETCH, FOUR);
    expect(store.ignoreCounts([], ['#bank']).dropped.get('#bank')?.count).toBe(2);
    const big = Array.from({ length: 200 }, (_, i) => article(`x${i}`, { feedUrl: 'https://x.test/f', contentHtml: `<p>${'isi '.repeat(400)}${i}</p>` }));
    store.saveFeed('https://x.test/f', FETCH, big);
    store.removeFeed('https://x.test/f');
    const { before, after } = store.vacuum([]);
    expect(after).toBeLessThan(before);
    expect(store.ignoreCounts([], ['#bank']).dropped.size).toBe(0);
    expect(ids()).toEqual(['ads', 'news']);
  });
});
