import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, recoverStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import { remoteRows } from '../../../src/core/sync/convert.js';
import type { RemoteArticle } from '../../../src/core/sync/types.js';
import { article, FETCH } from './make.js';
import { damageRootOf } from '../../helpers/store-damage.js';

const FEED = 'https://news.example.com/rss';
let dir: string;
let store: SqliteStore;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-sync-store-'));
  path = join(dir, 'cache.db');
  store = openStore(path).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function remote(id: number, over: Partial<RemoteArticle> = {}): RemoteArticle {
  return {
    id: String(id),
    feedId: '7',
    title: `Server article ${id}`,
    link: `https://news.example.com/a/${id}`,
    author: 'Desk',
    published: new Date(Date.UTC(2026, 0, 1, 0, id)).toISOString(),
    contentHtml: `<p>Body ${id} #ransomware</p>`,
    tags: ['bank'],
    lang: 'en',
    enclosures: [],
    read: false,
    starred: false,
    ...over,
  };
}

const STATE = { title: 'News', lastFetched: FETCH.lastFetched, lastStatus: 'new' as const, lastError: null, retryAfter: null };

/** Stores server articles under FEED and returns their cache ids by remote id. */
function pull(articles: RemoteArticle[]): Map<string, string> {
  const rows = remoteRows('ttrss', articles, { url: FEED }, 'News');
  store.sync.storeRemote(FEED, STATE, rows);
  return new Map(rows.map((r) => [r.remoteId, r.row.id]));
}

/** The queue as the file holds it, read through a second connection (what another process would see). */
function queueOnDisk(): { remote_id: string; field: string; value: number }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT remote_id, field, value FROM sync_queue ORDER BY remote_id, field').all() as never;
  } finally {
    db.close();
  }
}

describe('the sync queue', () => {
  it('queues nothing for articles fetched directly (no server to tell)', () => {
    store.saveFeed(FEED, FETCH, [article('own', { feedUrl: FEED })]);
    pull([remote(1)]);
    store.mark(['own'], { read: true });
    expect(queueOnDisk()).toEqual([]);
  });

  it('queues a mark of a server article in the same write, one row per article and flag, the latest value winning', () => {
    const ids = pull([remote(1), remote(2, { read: true })]);
    const a1 = ids.get('1') as string;
    expect(store.get(a1)?.read).toBe(false);
    expect(store.get(ids.get('2') as string)?.read).toBe(true);

    store.mark([a1], { read: true });
    expect(queueOnDisk()).toEqual([{ remote_id: '1', field: 'read', value: 1 }]);
    store.mark([a1], { starred: true });
    store.mark([a1], { read: false });
    expect(queueOnDisk()).toEqual([
      { remote_id: '1', field: 'read', value: 0 },
      { remote_id: '1', field: 'starred', value: 1 },
    ]);
    expect(store.sync.queuedCount()).toBe(2);
  });

  it('queues only the flag that changed when both are given', () => {
    const ids = pull([remote(1, { read: true })]);
    store.mark([ids.get('1') as string], { read: true, starred: true });
    expect(queueOnDisk()).toEqual([{ remote_id: '1', field: 'starred', value: 1 }]);
  });

  it('queues mark-all and its undo', () => {
    const ids = pull([remote(1), remote(2), remote(3, { read: true })]);
    const r = store.markAll({}, true);
    expect(r.matched).toBe(2);
    expect(queueOnDisk()).toEqual([
      { remote_id: '1', field: 'read', value: 1 },
      { remote_id: '2', field: 'read', value: 1 },
    ]);
    store.setRead([ids.get('2') as string], false);
    expect(queueOnDisk()).toEqual([
      { remote_id: '1', field: 'read', value: 1 },
      { remote_id: '2', field: 'read', value: 0 },
    ]);
  });

  it('settles a queue entry only when the server took that value, keeping a change made meanwhile', () => {
    const ids = pull([remote(1), remote(2)]);
    store.mark([ids.get('1') as string, ids.get('2') as string], { read: true });
    const sent = store.sync.queuedFlags();
    // while the request is under way, article 2 is marked unread again
    store.mark([ids.get('2') as string], { read: false });
    store.sync.settleFlags(sent.map((q) => ({ remoteId: q.remoteId, field: q.field, value: q.value, queued: { value: q.value, at: q.at }, local: false })));
    expect(queueOnDisk()).toEqual([{ remote_id: '2', field: 'read', value: 0 }]);
    expect(store.sync.baseView().baseOf(['1', '2']).get('1')).toEqual({ read: true, starred: false, feed: '7' });
  });

  it('a server change never overwrites a local change still waiting to be sent', () => {
    const ids = pull([remote(1), remote(2)]);
    store.mark([ids.get('1') as string], { starred: true });
    const changed = store.sync.settleFlags([
      { remoteId: '1', field: 'starred', value: false, local: true },
      { remoteId: '2', field: 'starred', value: true, local: true },
    ]);
    expect(changed).toEqual(['2']);
    expect(store.get(ids.get('1') as string)?.starred).toBe(true);
    expect(store.get(ids.get('2') as string)?.starred).toBe(true);
  });
});

describe('server articles in the cache', () => {
  it('go through the normaliser (hashtags, language, sanitising) and keep the server flags', () => {
    const ids = pull([remote(1, { starred: true, read: true, title: 'Evil \u001b]52;c;aGk=\u0007title', contentHtml: '<p>x #databreach</p><script>1</script>' })]);
    const a = store.get(ids.get('1') as string);
    expect(a?.title).toBe('Evil title');
    expect(a?.tags).toEqual(expect.arrayContaining(['bank', 'databreach']));
    expect(a?.lang).toBe('en');
    expect(a?.read).toBe(true);
    expect(a?.starred).toBe(true);
    expect(a?.contentHtml).not.toContain('script');
  });

  it('take over an article already fetched directly from the same feed: one article, its marks kept and queued', () => {
    store.saveFeed(FEED, FETCH, [article('own', { feedUrl: FEED, url: 'https://news.example.com/a/1' })]);
    store.mark(['own'], { read: true, starred: true });
    pull([remote(1), remote(2)]);
    const all = store.query({});
    expect(all).toHaveLength(2);
    const own = store.get('own');
    expect(own?.read).toBe(true);
    expect(own?.starred).toBe(true);
    expect(queueOnDisk()).toEqual([
      { remote_id: '1', field: 'read', value: 1 },
      { remote_id: '1', field: 'starred', value: 1 },
    ]);
  });

  it('pulling the same articles again stores nothing twice', () => {
    pull([remote(1), remote(2)]);
    const again = store.sync.storeRemote(FEED, STATE, remoteRows('ttrss', [remote(1), remote(2)], { url: FEED }, 'News'));
    expect(again.added).toBe(0);
    expect(store.query({})).toHaveLength(2);
  });

  it("a page that adds or changes nothing leaves the feed as the caller says; one that does marks it 'new'", () => {
    const quiet = { ...STATE, lastStatus: 'unchanged' as const };
    const rows = (articles: RemoteArticle[]) => remoteRows('ttrss', articles, { url: FEED }, 'News');
    expect(store.sync.storeRemote(FEED, quiet, rows([remote(1)]))).toMatchObject({ added: 1 });
    expect(store.getFeedState(FEED)?.lastStatus).toBe('new');
    store.saveFetchState(FEED, { lastFetched: FETCH.lastFetched, lastStatus: 'unchanged' });
    expect(store.sync.storeRemote(FEED, quiet, rows([remote(1)]))).toMatchObject({ added: 0, updated: 0 });
    expect(store.getFeedState(FEED)?.lastStatus).toBe('unchanged');
    expect(store.sync.storeRemote(FEED, quiet, rows([remote(1, { contentHtml: '<p>Corrected</p>' })]))).toMatchObject({ updated: 1 });
    expect(store.getFeedState(FEED)?.lastStatus).toBe('new');
  });

  it('after sync is turned off, a direct fetch updates the server copy in place instead of doubling it', () => {
    const ids = pull([remote(1)]);
    store.mark([ids.get('1') as string], { starred: true });
    store.sync.resetSync();
    const r = store.saveFeed(FEED, FETCH, [article('direct', { feedUrl: FEED, url: 'https://news.example.com/a/1' })]);
    expect(r.added).toBe(0);
    const all = store.query({});
    expect(all.map((a) => a.id)).toEqual(['direct']);
    expect(all[0]?.starred).toBe(true);
  });
});

describe('the sync lock and state', () => {
  it('refuses a second live owner and takes over from a dead one', () => {
    expect(store.sync.lockSync(process.pid)).toBe(true);
    // pid 1 is alive on every Unix
    expect(store.sync.lockSync(1)).toBe(false);
    store.sync.unlockSync(process.pid);
    // a process killed with -9 never unlocks: a pid that no longer runs holds nothing
    const dead = 2 ** 22 + 12345;
    expect(store.sync.lockSync(dead)).toBe(true);
    expect(store.sync.lockSync(process.pid)).toBe(true);
    store.sync.unlockSync(process.pid);
  });

  it('keeps the cursor and times, and forgets them all (not the articles) on reset', () => {
    pull([remote(1)]);
    store.sync.setSyncState({ account: 'ttrss http://x/ admin', cursor: '42', lastSync: 1000 });
    expect(store.sync.syncState()).toMatchObject({ account: 'ttrss http://x/ admin', cursor: '42', lastSync: 1000, lastError: null });
    store.sync.resetSync();
    expect(store.sync.syncState()).toMatchObject({ account: null, cursor: null, lastSync: null });
    expect(store.query({})).toHaveLength(1);
  });

  it('a subscription added and removed again before the server heard of it leaves nothing queued', () => {
    store.sync.queueSubscription({ url: 'https://a.example/rss', action: 'add', category: null, remoteId: null, at: 1 });
    store.sync.queueSubscription({ url: 'https://a.example/rss', action: 'remove', category: null, remoteId: null, at: 2 });
    expect(store.sync.queuedSubscriptions()).toEqual([]);
    store.sync.queueSubscription({ url: 'https://b.example/rss', action: 'remove', category: null, remoteId: '9', at: 3 });
    expect(store.sync.queuedSubscriptions()).toEqual([{ url: 'https://b.example/rss', action: 'remove', category: null, remoteId: '9', at: 3 }]);
  });
});

describe('a damaged cache rebuilt', () => {
  it('keeps the changes queued for the server; its first sync gives the articles those marks and sends them', () => {
    const ids = pull([remote(1), remote(2), remote(3, { starred: true })]);
    store.sync.setSyncState({ account: 'ttrss http://x/ admin', cursor: '3', lastSync: 1000, session: { account: 'ttrss http://x/ admin', value: '{"sid":"s1","apiLevel":15}' } });
    store.sync.setSyncFeeds([{ id: '7', url: FEED, title: 'News', category: null }]);
    store.mark([ids.get('1') as string], { read: true });
    store.mark([ids.get('3') as string], { starred: false });
    store.sync.queueSubscription({ url: 'https://b.example/rss', action: 'add', category: null, remoteId: null, at: 5 });
    store.close();
    damageRootOf(path, 'articles');

    const { store: fresh, recovered } = recoverStore(path);
    store = fresh;
    expect(recovered).toMatchObject({ restoredQueue: 3 });
    expect(existsSync(recovered?.movedTo as string)).toBe(true);
    expect(store.count({})).toBe(0);
    // the queue and whose it is; not the mapping, the cursor or the session: the next sync is a first one
    expect(store.sync.queuedCount()).toBe(3);
    expect(store.sync.queuedFlags().map((q) => [q.remoteId, q.field, q.value])).toEqual([
      ['1', 'read', true],
      ['3', 'starred', false],
    ]);
    expect(store.sync.queuedSubscriptions().map((q) => q.url)).toEqual(['https://b.example/rss']);
    expect(store.sync.syncState()).toMatchObject({ account: 'ttrss http://x/ admin', cursor: null, lastSync: null, session: null });
    expect(store.sync.syncFeeds()).toEqual([{ id: '7', url: FEED, title: 'News', category: null }]);

    // the server's articles come again with the server's flags; the marks made here show until sent
    const again = pull([remote(1), remote(2), remote(3, { starred: true })]);
    expect(store.get(again.get('1') as string)).toMatchObject({ read: true, starred: false });
    expect(store.get(again.get('2') as string)).toMatchObject({ read: false, starred: false });
    expect(store.get(again.get('3') as string)).toMatchObject({ read: false, starred: false });
    // the base is what the server has, so settling sends the marks (nothing to weigh them against)
    expect(store.sync.baseView().baseOf(['1', '3']).get('3')).toMatchObject({ starred: true });
  });

  it('a cache from before sync (no sync tables) is rebuilt as before', () => {
    store.saveFeed(FEED, FETCH, [article('own', { feedUrl: FEED })]);
    store.mark(['own'], { read: true });
    store.close();
    const db = new Database(path);
    db.exec('DROP TABLE sync_queue; DROP TABLE sync_subs; DROP TABLE sync_feeds; DROP TABLE sync_items; DROP TABLE sync_state;');
    db.close();
    const { store: fresh, recovered } = recoverStore(path);
    store = fresh;
    expect(recovered).toMatchObject({ restoredFlags: 1, restoredQueue: 0 });
    expect(store.sync.syncState().account).toBeNull();
  });
});
