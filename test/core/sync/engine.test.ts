/**
 * The sync engine in this process against a real Tiny Tiny RSS on 127.0.0.1, with the clock of the runs and of
 * the marks set by the test: which side wins when both changed the same flag since the last sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import { runSync } from '../../../src/core/sync/engine.js';
import { keptSession, readerPassword, syncAccount } from '../../../src/core/sync/index.js';
import { SyncError } from '../../../src/core/sync/http.js';
import { TtrssProtocol } from '../../../src/core/sync/ttrss.js';
import type { SyncSettings } from '../../../src/core/sync/types.js';
import type { FeedConfig } from '../../../src/core/types.js';
import { rssFeed } from '../../helpers/sync-feeds.js';
import { resetWal, walCommits } from '../../helpers/wal.js';
import { ttrssSkip, type TtrssUser } from '../../helpers/ttrss.js';
import { ttrssSuite } from '../../helpers/ttrss-suite.js';

const { skip, why } = ttrssSkip();

describe.skipIf(skip)(`the sync engine against a real Tiny Tiny RSS${why}`, { timeout: 90_000 }, () => {
  // a Map, so that a test can give a feed another article (served from the next request on)
  const docs = new Map(Object.entries({ w: 3, empty: 0, b1: 2, b2: 2, b3: 2, b4: 2, b5: 2, b6: 2, n: 3 }).map(([name, count]) => [name, rssFeed(name, count)]));
  const ts = ttrssSuite(docs);
  let dir: string;
  let store: SqliteStore;
  afterEach(() => {
    vi.restoreAllMocks();
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function setUp(name: string): Promise<{ user: TtrssUser; sync: (at: number) => ReturnType<typeof runSync>; idOf: (title: string) => string; remoteOf: (title: string) => string }> {
    const user = ts.server.addUser(name);
    await user.addFeed(`${ts.feeds.base}/w.xml`);
    dir = mkdtempSync(join(tmpdir(), 'cyberread-engine-'));
    store = openStore(join(dir, 'cache.db')).store;
    let subs: FeedConfig[] = [];
    const settings: SyncSettings = { type: 'ttrss', url: ts.server.url, user: name };
    const sync = async (at: number): ReturnType<typeof runSync> => {
      const protocol = new TtrssProtocol(settings, { password: user.password, userAgent: 'cyberread-test' });
      try {
        return await runSync(
          { cache: store.sync, store, subscriptions: { list: () => subs, replace: (f) => (subs = f) } },
          protocol,
          { account: syncAccount(settings), now: () => at },
        );
      } finally {
        await protocol.close();
      }
    };
    const idOf = (title: string): string => store.query({ limit: 100 }).find((a) => a.title === title)?.id as string;
    const remoteOf = (title: string): string => {
      const db = new Database(join(dir, 'cache.db'), { readonly: true });
      try {
        return db.prepare('SELECT remote_id FROM sync_items WHERE article_id = ?').pluck().get(idOf(title)) as string;
      } finally {
        db.close();
      }
    };
    return { user, sync, idOf, remoteOf };
  }

  /** Runs `fn` with Date.now() returning `at` (the time a mark is queued with). */
  function at<T>(ms: number, fn: () => T): T {
    const spy = vi.spyOn(Date, 'now').mockReturnValue(ms);
    try {
      return fn();
    } finally {
      spy.mockRestore();
    }
  }

  it('a server change newer than the local one wins; a local change newer than the server one is sent', async () => {
    const { user, sync, idOf, remoteOf } = await setUp('conflicts');
    const t0 = 1_000_000;
    const first = await sync(t0);
    expect(first).toMatchObject({ first: true, added: 3 });

    // w article 0: read and unread again here early, read on the server later → the server's "read" wins
    // w article 1: read on the server early, read and unread again here just before the sync → "unread" is sent
    const a0 = idOf('w article 0');
    const a1 = idOf('w article 1');
    at(t0 + 1_000, () => store.mark([a0], { read: true }));
    at(t0 + 2_000, () => store.mark([a0], { read: false }));
    await user.api('updateArticle', { article_ids: `${remoteOf('w article 0')},${remoteOf('w article 1')}`, field: 2, mode: 0 });
    at(t0 + 90_000, () => store.mark([a1], { read: true }));
    at(t0 + 95_000, () => store.mark([a1], { read: false }));

    // halfway between the two syncs (t0 + 50 s) is when the server's changes are taken to have happened
    const second = await sync(t0 + 100_000);
    expect(second).toMatchObject({ overruled: 1, pushed: 1, queued: 0 });
    expect(store.get(a0)?.read).toBe(true);
    expect(store.get(a1)?.read).toBe(false);
    const h = await user.headlines();
    expect(h.find((x) => x.title === 'w article 0')?.unread).toBe(false);
    expect(h.find((x) => x.title === 'w article 1')?.unread).toBe(true);

    // both sides agree now: the next sync changes nothing, on either side
    const third = await sync(t0 + 200_000);
    expect(third).toMatchObject({ pushed: 0, pulled: 0, overruled: 0, added: 0, agreed: 0 });
    expect(store.get(a0)?.read).toBe(true);
    expect(store.get(a1)?.read).toBe(false);
  });

  it('the same change made on both sides is settled without a request', async () => {
    const { user, sync, idOf, remoteOf } = await setUp('agreeing');
    await sync(2_000_000);
    const a2 = idOf('w article 2');
    at(2_001_000, () => store.mark([a2], { starred: true }));
    await user.api('updateArticle', { article_ids: remoteOf('w article 2'), field: 0, mode: 1 });
    const r = await sync(2_100_000);
    expect(r).toMatchObject({ agreed: 1, pushed: 0, pulled: 0 });
    expect(store.sync.queuedCount()).toBe(0);
  });

  it('a run that dies after the server took a batch, before the cache noted it, is finished by the next run without sending it again', async () => {
    const { user, sync, idOf } = await setUp('dying');
    await sync(3_000_000);
    const ids = ['w article 0', 'w article 1'].map(idOf);
    at(3_001_000, () => store.mark(ids, { starred: true }));
    const settings: SyncSettings = { type: 'ttrss', url: ts.server.url, user: 'dying' };
    const protocol = new TtrssProtocol(settings, { password: user.password, userAgent: 'cyberread-test' });
    const setFlag = protocol.setFlag.bind(protocol);
    // the process "dies" right after the server answered: nothing after that is written
    protocol.setFlag = async (...args) => {
      await setFlag(...args);
      throw new Error('killed');
    };
    const subs: FeedConfig[] = [];
    await expect(
      runSync({ cache: store.sync, store, subscriptions: { list: () => subs, replace: () => undefined } }, protocol, { account: syncAccount(settings), now: () => 3_050_000 }),
    ).rejects.toThrow('killed');
    await protocol.close();
    expect(store.sync.queuedCount()).toBe(2);
    const r = await sync(3_100_000);
    expect(r).toMatchObject({ agreed: 2, pushed: 0, queued: 0 });
    expect((await user.headlines()).filter((h) => h.marked).map((h) => h.title).sort()).toEqual(['w article 0', 'w article 1']);
    // and the lock the dead run held is not in the way (same process here: its pid is alive, and it is ours)
    expect(store.sync.lockSync(process.pid)).toBe(true);
    store.sync.unlockSync(process.pid);
  });
  it('a subscription without articles does not make every sync ask for the whole subscription list', async () => {
    const { user, sync } = await setUp('quiet');
    await user.addFeed(`${ts.feeds.base}/empty.xml`);
    const first = await sync(Date.now());
    expect(first.feeds.map((f) => f.url).sort()).toEqual([`${ts.feeds.base}/empty.xml`, `${ts.feeds.base}/w.xml`]);
    // login, the subscriptions with their unread counts, new articles, starred, recently read: no second
    // round for the subscription list and categories (getCounters leaves a feed with no article out)
    const quiet = await sync(Date.now());
    expect(quiet).toMatchObject({ added: 0, pulled: 0, pushed: 0 });
    expect(quiet.feeds).toHaveLength(2);
    expect(quiet.requests).toBe(5);
  });

  it('a sync with nothing new writes the cache in one transaction, however many feeds (and one to take the sync lock)', async () => {
    const { user, sync } = await setUp('batched');
    for (const n of ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']) await user.addFeed(`${ts.feeds.base}/${n}.xml`);
    const first = await sync(Date.now());
    expect(first.feeds).toHaveLength(7);
    await sync(Date.now());
    const path = join(dir, 'cache.db');
    resetWal(path);
    const quiet = await sync(Date.now());
    expect(quiet).toMatchObject({ added: 0, updated: 0, pulled: 0, pushed: 0 });
    expect(quiet.feeds).toHaveLength(7);
    // taking the lock (with the time of the attempt), then the run's outcome with the lock given back
    expect(walCommits(path)).toBe(2);
    // and what it wrote is all there: every feed's fetch time, the state, no lock left behind
    const at = new Date(store.sync.syncState().lastSync ?? 0).toISOString();
    for (const f of quiet.feeds) expect(store.getFeedState(f.url)?.lastFetched).toBe(at);
    expect(store.sync.lockSync(process.pid + 1)).toBe(true);
    store.sync.unlockSync(process.pid + 1);
  });

  it('once a day, articles the server changed since they were brought (a new date, a new text) are brought again', async () => {
    const { sync, idOf } = await setUp('rewritten');
    await sync(Date.now());
    const day = 24 * 60 * 60_000;
    const quiet = await sync(Date.now());
    expect(quiet.updated).toBe(0);
    const perRun = quiet.requests;

    // the feed rewrote "w article 1" and dated it anew; tt-rss stored both
    ts.server.sql(`UPDATE ttrss_entries SET content = '<p>Corrected: the bank denies it. #update</p>', updated = NOW() WHERE title = 'w article 1'`);
    // not before the day's full check: a sync with nothing new asks nothing more
    const before = await sync(Date.now());
    expect(before).toMatchObject({ updated: 0, requests: perRun });
    expect(store.get(idOf('w article 1'))?.contentHtml).not.toContain('Corrected');

    store.sync.setSyncState({ lastFullCheck: Date.now() - day - 60_000 });
    const full = await sync(Date.now());
    expect(full).toMatchObject({ updated: 1, added: 0 });
    const a1 = store.get(idOf('w article 1'));
    expect(a1?.contentHtml).toContain('Corrected: the bank denies it.');
    expect(a1?.tags).toContain('update');
    // the others are as they were, and were not counted as changed
    expect(store.get(idOf('w article 0'))?.contentHtml).toContain('Body of w article 0');
    // and the next day's check finds nothing more to bring
    store.sync.setSyncState({ lastFullCheck: Date.now() - day - 60_000 });
    expect(await sync(Date.now())).toMatchObject({ updated: 0 });

    // a correction that keeps the feed's date: tt-rss stores the new text under the same id and date
    const dateBefore = store.get(idOf('w article 2'))?.published;
    ts.server.sql(`UPDATE ttrss_entries SET content = '<p>Update: no data was taken. #correction</p>' WHERE title = 'w article 2'`);
    expect(await sync(Date.now())).toMatchObject({ updated: 0, requests: perRun });
    store.sync.setSyncState({ lastFullCheck: Date.now() - day - 60_000 });
    const corrected = await sync(Date.now());
    expect(corrected).toMatchObject({ updated: 1, added: 0 });
    // no request more than the day's check with a re-dated article: the texts come with the dated list
    expect(corrected.requests).toBe(full.requests);
    const a2 = store.get(idOf('w article 2'));
    expect(a2?.contentHtml).toContain('Update: no data was taken.');
    expect(a2?.tags).toContain('correction');
    expect(a2?.published).toBe(dateBefore);
  });

  it("the day's full check marks a feed 'new' only when it brought that feed a new or changed article", async () => {
    const { user, sync, idOf } = await setUp('checked');
    const nId = await user.addFeed(ts.feedUrl('n'));
    const [w, n] = [ts.feedUrl('w'), ts.feedUrl('n')];
    const status = (url: string): string | null | undefined => store.getFeedState(url)?.lastStatus;
    const dayAgo = (): void => store.sync.setSyncState({ lastFullCheck: Date.now() - 24 * 60 * 60_000 - 60_000 });
    await sync(Date.now());
    expect([status(w), status(n)]).toEqual(['new', 'new']);
    const quiet = await sync(Date.now());
    expect([status(w), status(n)]).toEqual(['unchanged', 'unchanged']);

    // the check brings back every article the cache holds, text and all, and finds nothing changed
    dayAgo();
    const same = await sync(Date.now());
    expect(same).toMatchObject({ added: 0, updated: 0 });
    expect(same.requests).toBeGreaterThan(quiet.requests);
    expect([status(w), status(n)]).toEqual(['unchanged', 'unchanged']);
    expect(same.feeds).toHaveLength(2);
    expect(same.feeds.every((f) => f.added + f.updated === 0)).toBe(true);

    // a new article of n in the same run as the check: the check's page after it, changing nothing, does
    // not take its 'new' back
    docs.set('n', rssFeed('n', 4));
    await user.api('updateFeed', { feed_id: nId });
    dayAgo();
    expect(await sync(Date.now())).toMatchObject({ added: 1, updated: 0 });
    expect([status(w), status(n)]).toEqual(['unchanged', 'new']);

    // a text changed on the server: stored, and only its feed is 'new'
    ts.server.sql(`UPDATE ttrss_entries SET content = '<p>Corrected: nothing was taken. #correction</p>' WHERE title = 'n article 1'`);
    expect(await sync(Date.now())).toMatchObject({ updated: 0 });
    expect([status(w), status(n)]).toEqual(['unchanged', 'unchanged']);
    dayAgo();
    expect(await sync(Date.now())).toMatchObject({ added: 0, updated: 1 });
    expect(store.get(idOf('n article 1'))?.contentHtml).toContain('Corrected: nothing was taken.');
    expect([status(w), status(n)]).toEqual(['unchanged', 'new']);
  });

  it('a run that waited for the password (the reader) is the last error until a later run succeeds, which clears it', async () => {
    const { user } = await setUp('waiting');
    const settings: SyncSettings = { type: 'ttrss', url: ts.server.url, user: 'waiting' };
    // the reader's password: nothing to log in with until one is typed
    const reader = readerPassword(settings, {});
    let subs: FeedConfig[] = [];
    const run = async (at: number): Promise<Awaited<ReturnType<typeof runSync>>> => {
      const protocol = new TtrssProtocol(settings, { password: () => reader.password(), userAgent: 'cyberread-test', session: keptSession(store.sync, settings) });
      try {
        return await runSync({ cache: store.sync, store, subscriptions: { list: () => subs, replace: (f) => (subs = f) } }, protocol, {
          account: syncAccount(settings),
          now: () => at,
        });
      } finally {
        await protocol.close();
      }
    };
    await expect(run(5_000_000)).rejects.toMatchObject({ problem: { key: 'errSyncNeedPassword' } });
    expect(store.sync.syncState()).toMatchObject({ lastError: { key: 'errSyncNeedPassword' }, lastAttempt: 5_000_000, lastSync: null });
    reader.give(user.password);
    expect(await run(5_100_000)).toMatchObject({ first: true, added: 3 });
    expect(store.sync.syncState()).toMatchObject({ lastError: null, lastAttempt: 5_100_000, lastSync: 5_100_000 });
    // and again after a first sync: the session ends, the password is refused, then a good one is typed
    ts.server.sql('DELETE FROM ttrss_sessions');
    reader.give('not-the-password');
    const refused = await run(5_200_000).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncError);
    // told as waiting for another password, as the reader tells it
    expect(reader.failed(refused as SyncError).problem.key).toBe('errSyncNeedPassword');
    expect(store.sync.syncState()).toMatchObject({ lastError: { key: 'errSyncLogin' }, lastAttempt: 5_200_000, lastSync: 5_100_000 });
    await expect(run(5_300_000)).rejects.toMatchObject({ problem: { key: 'errSyncNeedPassword' } });
    expect(store.sync.syncState()).toMatchObject({ lastError: { key: 'errSyncNeedPassword' }, lastAttempt: 5_300_000 });
    reader.give(user.password);
    await run(5_400_000);
    expect(store.sync.syncState()).toMatchObject({ lastError: null, lastAttempt: 5_400_000, lastSync: 5_400_000 });
  });

  it('keeps the server session between runs: no login (nor password) while it lasts, one login when the server ended it', async () => {
    const { user } = await setUp('kept');
    const settings: SyncSettings = { type: 'ttrss', url: ts.server.url, user: 'kept' };
    let asked = 0;
    let subs: FeedConfig[] = [];
    const run = async (): Promise<{ report: Awaited<ReturnType<typeof runSync>>; logins: number }> => {
      const protocol = new TtrssProtocol(settings, {
        password: async () => {
          asked += 1;
          return user.password;
        },
        userAgent: 'cyberread-test',
        session: keptSession(store.sync, settings),
      });
      try {
        const report = await runSync({ cache: store.sync, store, subscriptions: { list: () => subs, replace: (f) => (subs = f) } }, protocol, {
          account: syncAccount(settings),
        });
        return { report, logins: protocol.loginCount() };
      } finally {
        await protocol.close();
      }
    };
    const sid = (): string | undefined => (JSON.parse(store.sync.syncState().session?.value ?? '{}') as { sid?: string }).sid;

    const first = await run();
    expect(first).toMatchObject({ logins: 1, report: { first: true, added: 3 } });
    expect(asked).toBe(1);
    const kept = sid();
    expect(kept).toMatch(/^[\w,-]+$/);
    expect(store.sync.syncState().session?.account).toBe(syncAccount(settings));

    // nothing changed: the kept session, no login, no password asked for
    const quiet = await run();
    expect(quiet).toMatchObject({ logins: 0, report: { added: 0, pulled: 0, pushed: 0 } });
    expect(quiet.report.requests).toBeLessThanOrEqual(4);
    expect(asked).toBe(1);
    expect(sid()).toBe(kept);

    // the web UI stars an article: it arrives through the kept session
    const remote = (title: string): string => {
      const db = new Database(join(dir, 'cache.db'), { readonly: true });
      try {
        const id = store.query({ limit: 100 }).find((a) => a.title === title)?.id;
        return db.prepare('SELECT remote_id FROM sync_items WHERE article_id = ?').pluck().get(id) as string;
      } finally {
        db.close();
      }
    };
    await user.api('updateArticle', { article_ids: remote('w article 1'), field: 0, mode: 1 });
    const starred = await run();
    expect(starred).toMatchObject({ logins: 0, report: { pulled: 1 } });
    expect(store.query({ limit: 100 }).find((a) => a.title === 'w article 1')?.starred).toBe(true);

    // the server ends every session (expired, or purged): the run logs in once, however many of its
    // requests were refused at the same time, and keeps the new session; a local mark still gets there
    ts.server.sql('DELETE FROM ttrss_sessions');
    const w2 = store.query({ limit: 100 }).find((a) => a.title === 'w article 2')?.id as string;
    store.mark([w2], { read: true });
    const again = await run();
    expect(again).toMatchObject({ logins: 1, report: { pushed: 1, queued: 0 } });
    expect(asked).toBe(2);
    expect(sid()).not.toBe(kept);
    expect((await user.headlines()).find((h) => h.title === 'w article 2')?.unread).toBe(false);

    // a kept session the server refuses to recognise (not one of its ids) is no different
    store.sync.setSyncState({ session: { account: syncAccount(settings), value: JSON.stringify({ sid: 'not-a-session', apiLevel: 15 }) } });
    expect(await run()).toMatchObject({ logins: 1, report: { pulled: 0, pushed: 0 } });
    // and one that is not what this code saves is not even sent
    store.sync.setSyncState({ session: { account: syncAccount(settings), value: '{"sid":"a b;c"}' } });
    expect(await run()).toMatchObject({ logins: 1 });
    expect(asked).toBe(4);

    // another server or user never gets this session: it is not handed out, and their first sync forgets it
    expect(keptSession(store.sync, { ...settings, user: 'someone-else' }).load()).toBeNull();
    expect(keptSession(store.sync, settings).load()).not.toBeNull();
    store.sync.resetSync();
    expect(store.sync.syncState().session).toBeNull();
  });
});
