/**
 * `cyberread sync …` as a person uses it, against a real Tiny Tiny RSS on 127.0.0.1 (test/helpers/ttrss.ts),
 * subscribed to feeds served by this test. Each test has a server user and a --home of its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { markDamaged } from '../../src/core/store/open-store.js';
import { BIN, runCli, tempHome, type RunResult } from '../helpers/cli.js';
import { rssFeed } from '../helpers/sync-feeds.js';
import { ttrssSkip, type Headline, type TtrssUser } from '../helpers/ttrss.js';
import { ttrssSuite } from '../helpers/ttrss-suite.js';

const { skip, why } = ttrssSkip();

interface Listed {
  id: string;
  title: string;
  url: string;
  tags: string[];
  read: boolean;
  starred: boolean;
  feed: { url: string; title: string | null };
}

// Each test runs the built CLI many times against PHP on a shared 2-core machine: a generous time budget.
describe.skipIf(skip)(`cyberread sync against a real Tiny Tiny RSS${why}`, { timeout: 90_000 }, () => {
  const docs = new Map<string, string>();
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'big1', 'big2']) docs.set(name, rssFeed(name, name.startsWith('big') ? 450 : 4));
  const ts = ttrssSuite(docs);
  const feedUrl = (name: string): string => ts.feedUrl(name);

  function cli(home: string, user: TtrssUser | null, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
    return runCli(['--home', home, ...args], { env: { ...(user === null ? {} : { CYBERREAD_SYNC_PASSWORD: user.password }), ...env } });
  }
  async function list(home: string): Promise<Listed[]> {
    const r = await cli(home, null, ['list', '--json', '--limit', '1000']);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as Listed[];
  }
  /** A home set up for `user` and synced once. */
  async function syncedHome(user: TtrssUser): Promise<string> {
    const home = tempHome();
    expect((await cli(home, user, ['sync', 'setup', 'ttrss', ts.server.url, '--user', user.name])).code).toBe(0);
    const r = await cli(home, user, ['sync']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return home;
  }
  const byTitle = (headlines: Headline[], title: string): Headline => {
    const h = headlines.find((x) => x.title === title);
    if (h === undefined) throw new Error(`no headline ${title}`);
    return h;
  };
  const mappedRemote = (home: string, articleId: string): string => {
    const db = new Database(join(home, 'cache.db'), { readonly: true });
    try {
      return db.prepare('SELECT remote_id FROM sync_items WHERE article_id = ?').pluck().get(articleId) as string;
    } finally {
      db.close();
    }
  };

  /** Whether the server still holds a session (its row in ttrss_sessions: logging out deletes it). */
  const sessionWorks = async (sid: string): Promise<boolean> => {
    if (!/^[\w,-]+$/.test(sid)) throw new Error(`not a session id: ${sid}`);
    return Number(ts.server.sql(`SELECT count(*) FROM ttrss_sessions WHERE id = '${sid}'`).trim()) === 1;
  };

  /** The server session kept in the cache (the sync state's "session" row), or null. */
  const keptSession = (home: string): string | null => {
    const db = new Database(join(home, 'cache.db'), { readonly: true });
    try {
      return (db.prepare("SELECT value FROM sync_state WHERE key = 'session'").pluck().get() as string | undefined) ?? null;
    } finally {
      db.close();
    }
  };

  it('setup checks the login and keeps the password out of config.json; a first sync brings feeds, categories and state', async () => {
    const user = ts.server.addUser('first');
    const cat = await user.addCategory('Keamanan');
    await user.addFeed(feedUrl('a'), cat);
    await user.addFeed(feedUrl('b'));
    const h = await user.headlines();
    await user.api('updateArticle', { article_ids: String(byTitle(h, 'a article 3').id), field: 0, mode: 1 });
    await user.api('updateArticle', { article_ids: String(byTitle(h, 'b article 0').id), field: 2, mode: 0 });

    const home = tempHome();
    const wrong = await cli(home, null, ['sync', 'setup', 'ttrss', ts.server.url, '--user', user.name], { CYBERREAD_SYNC_PASSWORD: 'not-it' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(`cyberread: ${ts.server.url} refused the login of "first": check the user name and the password.\n`);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ feeds: [] });

    const ok = await cli(home, user, ['sync', 'setup', 'ttrss', ts.server.url, '--user', user.name]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Sync is set up with ${ts.server.url} as "first"`);
    const config = readFileSync(join(home, 'config.json'), 'utf8');
    expect(config).not.toContain(user.password);
    expect(JSON.parse(config).sync).toEqual({ type: 'ttrss', url: ts.server.url, user: 'first' });

    const status = await cli(home, null, ['sync', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ url: ts.server.url, user: 'first', lastSync: null, queued: 0 });

    const sync = await cli(home, user, ['sync', '--json']);
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ added: 8, first: true, pushed: 0, queued: 0 });
    // the server session is kept in the cache for the next run, never in the settings
    const kept = JSON.parse(JSON.parse(keptSession(home) as string).value as string) as { sid: string };
    expect(kept.sid.length).toBeGreaterThan(8);
    expect(readFileSync(join(home, 'config.json'), 'utf8')).not.toContain(kept.sid);
    // …and the cache holding it is readable by its owner only
    for (const file of ['cache.db', 'cache.db-wal', 'cache.db-shm']) {
      if (existsSync(join(home, file))) expect(statSync(join(home, file)).mode & 0o077).toBe(0);
    }

    const articles = await list(home);
    expect(articles.map((a) => a.title).sort()).toEqual([0, 1, 2, 3].flatMap((i) => [`a article ${i}`, `b article ${i}`]).sort());
    const a3 = articles.find((a) => a.title === 'a article 3') as Listed;
    expect(a3).toMatchObject({ starred: true, read: false, url: 'https://news.example.com/a/3', feed: { url: feedUrl('a'), title: 'Feed a' } });
    // the article's own tags, its hashtags from the body; the server's category is the feed's tag
    expect(a3.tags).toEqual(expect.arrayContaining(['topic3', 'ransomware']));
    expect(articles.find((a) => a.title === 'b article 0')).toMatchObject({ read: true, starred: false });
    const subs = JSON.parse((await cli(home, null, ['feeds', '--json'])).stdout) as { url: string; tags?: string[] }[];
    expect(subs.map((f) => [f.url, f.tags ?? []])).toEqual([
      [feedUrl('a'), ['Keamanan']],
      [feedUrl('b'), []],
    ]);
    // the category works as a tag of its feed's articles in queries
    const tagged = await cli(home, null, ['list', '--json', '--query', '#Keamanan']);
    expect((JSON.parse(tagged.stdout) as Listed[]).every((a) => a.feed.url === feedUrl('a'))).toBe(true);

    const again = JSON.parse((await cli(home, null, ['sync', 'status', '--json'])).stdout) as { lastSync: string | null; feeds: number };
    expect(again.lastSync).not.toBeNull();
    expect(again.feeds).toBe(2);
  });

  it('the password can come from a passwordCommand (argv, no shell) or is asked for; never from config.json', async () => {
    const user = ts.server.addUser('command');
    await user.addFeed(feedUrl('c'));
    const home = tempHome();
    // a shell would expand $HOME and split at ";": the program gets the words as they are
    const set = await cli(home, null, ['sync', 'setup', 'ttrss', ts.server.url, '--user', user.name, '--', 'printf', '%s\\n', user.password]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).sync).toEqual({
      type: 'ttrss', url: ts.server.url, user: 'command', passwordCommand: ['printf', '%s\\n', user.password],
    });
    const sync = await cli(home, null, ['sync']);
    expect(sync.stderr).toBe('');
    expect(sync.stdout).toMatch(/^Synced with .*: 4 new articles/);

    const bad = tempHome();
    const missing = await cli(bad, null, ['sync', 'setup', 'ttrss', ts.server.url, '--user', user.name, '--', 'no-such-password-program']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('cyberread: The passwordCommand no-such-password-program gave no password: there is no such program.\n');
    // no terminal to ask on, no variable, no command
    const none = await cli(bad, null, ['sync', 'setup', 'ttrss', ts.server.url, '--user', user.name]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No password for "command"');
    // a password typed into the settings file is refused, never used
    const withPassword = tempHome();
    const raw = JSON.stringify({ feeds: [], sync: { type: 'ttrss', url: ts.server.url, user: user.name, password: user.password } });
    (await import('node:fs')).writeFileSync(join(withPassword, 'config.json'), raw);
    const refused = await cli(withPassword, null, ['sync']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cyberread never reads a password from the settings file');
  });

  it('a mark made here reaches the server with the next sync, and a star set on the server comes back', async () => {
    const user = ts.server.addUser('marks');
    await user.addFeed(feedUrl('d'));
    const home = await syncedHome(user);
    const articles = await list(home);
    const d1 = articles.find((a) => a.title === 'd article 1') as Listed;
    const d2 = articles.find((a) => a.title === 'd article 2') as Listed;
    expect((await cli(home, null, ['mark', d1.id, '--read'])).code).toBe(0);
    expect((await cli(home, null, ['mark', d1.id, '--star'])).code).toBe(0);
    expect(JSON.parse((await cli(home, null, ['sync', 'status', '--json'])).stdout).queued).toBe(2);

    // no password this time (no variable, command or terminal): the session the first sync kept is enough
    const r = await cli(home, null, ['sync', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ pushed: 2, queued: 0 });
    let h = await user.headlines();
    expect(byTitle(h, 'd article 1')).toMatchObject({ unread: false, marked: true });
    expect(byTitle(h, 'd article 0')).toMatchObject({ unread: true, marked: false });

    // the phone app stars d2 and reads it
    await user.api('updateArticle', { article_ids: mappedRemote(home, d2.id), field: 0, mode: 1 });
    await user.api('updateArticle', { article_ids: mappedRemote(home, d2.id), field: 2, mode: 0 });
    const pulled = await cli(home, user, ['sync', '--json']);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ pulled: 2, pushed: 0 });
    expect((await list(home)).find((a) => a.id === d2.id)).toMatchObject({ read: true, starred: true });

    // mark --all goes the same way, many ids per request
    expect((await cli(home, null, ['mark', '--all', '--read'])).code).toBe(0);
    const all = JSON.parse((await cli(home, user, ['sync', '--json'])).stdout) as { pushed: number; requests: number };
    expect(all.pushed).toBe(2);
    h = await user.headlines();
    expect(h.every((x) => !x.unread)).toBe(true);
  });

  it('with the server down, reading and marking still work, marks stay queued and reach the server once it is back', async () => {
    const user = ts.server.addUser('offline');
    await user.addFeed(feedUrl('e'));
    const home = await syncedHome(user);
    const e0 = (await list(home)).find((a) => a.title === 'e article 0') as Listed;
    await ts.server.stopWeb();
    try {
      expect((await cli(home, null, ['mark', e0.id, '--star'])).code).toBe(0);
      expect((await list(home)).find((a) => a.id === e0.id)?.starred).toBe(true);
      const down = await cli(home, user, ['sync']);
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(/^cyberread: .*127\.0\.0\.1.* — 1 change stays queued for the next sync\.\n$/);
      const status = await cli(home, null, ['sync', 'status']);
      expect(status.stdout).toContain('1 change waits to be sent with the next sync.');
      expect(status.stdout).toContain('The last attempt');
      // refresh syncs while sync is set up: the same sentence, the same exit code
      const refresh = await cli(home, user, ['refresh']);
      expect(refresh.code).toBe(1);
      expect(refresh.stderr).toContain('1 change stays queued');
    } finally {
      await ts.server.startWeb();
    }
    const back = await cli(home, user, ['sync', '--json']);
    expect(JSON.parse(back.stdout)).toMatchObject({ pushed: 1, queued: 0 });
    expect(byTitle(await user.headlines(), 'e article 0').marked).toBe(true);
    expect((await cli(home, null, ['sync', 'status'])).stdout).not.toContain('The last attempt');
  });

  it('feeds add and feeds remove subscribe and unsubscribe on the server; what it refuses or cannot hear now waits or stays local', async () => {
    const user = ts.server.addUser('subs');
    await user.addFeed(feedUrl('a'));
    const home = await syncedHome(user);
    const serverFeeds = async (): Promise<string[]> =>
      ((await user.api('getFeeds', { cat_id: -3 })) as unknown as { feed_url: string }[]).map((f) => f.feed_url).sort();

    const add = await cli(home, user, ['feeds', 'add', feedUrl('g')]);
    expect(add.stderr).toBe('');
    expect(add.stdout).toBe(`Added ${feedUrl('g')} and subscribed to it on ${ts.server.url}. Run "cyberread refresh" to bring its articles here.\n`);
    expect(await serverFeeds()).toEqual([feedUrl('a'), feedUrl('g')].sort());
    const refresh = await cli(home, user, ['refresh']);
    expect(refresh.code).toBe(0);
    expect(refresh.stdout).toMatch(/✓ http:\/\/127\.0\.0\.1:\d+\/g\.xml +4 new, 0 updated/);
    expect((await list(home)).filter((a) => a.feed.url === feedUrl('g'))).toHaveLength(4);

    // the server cannot download it: cyberread says so and keeps fetching it itself
    const missing = `${ts.feeds.base}/missing.xml`;
    const refused = await cli(home, user, ['feeds', 'add', missing]);
    expect(refused.code).toBe(0);
    expect(refused.stdout).toContain(`Added ${missing}.`);
    expect(refused.stdout).toContain(`The server could not subscribe to ${missing}`);
    expect(refused.stdout).toContain('cyberread keeps fetching it itself.');
    const both = await cli(home, user, ['refresh', '--json']);
    const results = JSON.parse(both.stdout) as { url: string; status: string }[];
    expect(results.find((r) => r.url === missing)?.status).toBe('error');
    expect(results.find((r) => r.url === feedUrl('g'))?.status).toBe('unchanged');

    const removed = await cli(home, user, ['feeds', 'remove', feedUrl('g')]);
    expect(removed.stdout).toBe(`Removed ${feedUrl('g')}, unsubscribed from it on ${ts.server.url}, and removed 4 cached articles (starred ones are kept).\n`);
    expect(await serverFeeds()).toEqual([feedUrl('a')]);

    // the server is down: queued, and sent by the next sync
    await ts.server.stopWeb();
    let later: RunResult;
    try {
      later = await cli(home, user, ['feeds', 'add', feedUrl('c')]);
    } finally {
      await ts.server.startWeb();
    }
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(`${ts.server.url} will hear of it with the next sync`);
    const sync = await cli(home, user, ['sync']);
    expect(sync.stdout).toContain(`Subscribed to ${feedUrl('c')} on the server.`);
    expect(sync.stdout).toMatch(/4 new articles/);
    expect(await serverFeeds()).toEqual([feedUrl('a'), feedUrl('c')].sort());
  });

  it('two machines of one user: what each marks, stars, subscribes and unsubscribes (offline too) reaches the other', async () => {
    const user = ts.server.addUser('twomachines');
    await user.addFeed(feedUrl('a'));
    const here = await syncedHome(user);
    const there = await syncedHome(user);
    const article = async (home: string, title: string): Promise<Listed> => (await list(home)).find((a) => a.title === title) as Listed;
    const feedsOf = async (home: string): Promise<string[]> =>
      (JSON.parse((await cli(home, null, ['feeds', '--json'])).stdout) as { url: string }[]).map((f) => f.url).sort();

    // read here, starred there, read again there: both end with the same state, each change sent once
    await cli(here, null, ['mark', (await article(here, 'a article 0')).id, '--read']);
    await cli(there, null, ['mark', (await article(there, 'a article 0')).id, '--star']);
    await cli(there, null, ['mark', (await article(there, 'a article 1')).id, '--read']);
    expect(JSON.parse((await cli(here, user, ['sync', '--json'])).stdout)).toMatchObject({ pushed: 1, pulled: 0 });
    expect(JSON.parse((await cli(there, user, ['sync', '--json'])).stdout)).toMatchObject({ pushed: 2, pulled: 1 });
    expect(JSON.parse((await cli(here, user, ['sync', '--json'])).stdout)).toMatchObject({ pushed: 0, pulled: 2 });
    for (const home of [here, there]) {
      expect(await article(home, 'a article 0')).toMatchObject({ read: true, starred: true });
      expect(await article(home, 'a article 1')).toMatchObject({ read: true, starred: false });
    }

    // subscribed here while the server is down, unstarred there: the next syncs bring both over
    await ts.server.stopWeb();
    try {
      expect((await cli(here, user, ['feeds', 'add', feedUrl('d')])).code).toBe(0);
      expect((await cli(here, user, ['sync'])).code).toBe(1);
    } finally {
      await ts.server.startWeb();
    }
    await cli(there, null, ['mark', (await article(there, 'a article 0')).id, '--unstar']);
    expect(JSON.parse((await cli(there, user, ['sync', '--json'])).stdout)).toMatchObject({ pushed: 1 });
    const back = JSON.parse((await cli(here, user, ['sync', '--json'])).stdout) as { subscribed: string[]; pulled: number; added: number };
    expect(back).toMatchObject({ subscribed: [feedUrl('d')], pulled: 1 });
    expect((await list(here)).filter((a) => a.feed.url === feedUrl('d'))).toHaveLength(4);
    expect(JSON.parse((await cli(there, user, ['sync', '--json'])).stdout)).toMatchObject({ added: 4 });
    expect(await feedsOf(there)).toEqual([feedUrl('a'), feedUrl('d')].sort());
    expect((await article(here, 'a article 0')).starred).toBe(false);

    // unsubscribed there while the server is down: it leaves here too once both have synced; a star kept
    await cli(there, null, ['mark', (await article(there, 'd article 2')).id, '--star']);
    await ts.server.stopWeb();
    try {
      expect((await cli(there, user, ['feeds', 'remove', feedUrl('d')])).code).toBe(0);
    } finally {
      await ts.server.startWeb();
    }
    expect(JSON.parse((await cli(there, user, ['sync', '--json'])).stdout)).toMatchObject({ unsubscribed: [feedUrl('d')] });
    await cli(here, user, ['sync']);
    expect(await feedsOf(here)).toEqual([feedUrl('a')]);
    expect(await feedsOf(there)).toEqual([feedUrl('a')]);
    // the star made there before unsubscribing reached the server first (it keeps starred articles of a feed
    // it unsubscribes, and drops the rest), so both machines keep that one article, starred
    for (const home of [here, there]) {
      expect((await list(home)).filter((a) => a.feed.url === feedUrl('d')).map((a) => [a.title, a.starred])).toEqual([['d article 2', true]]);
    }
    expect((await user.headlines(-1)).map((h) => h.title)).toEqual(['d article 2']);
    // and nothing is left queued on either side, with the server agreeing on every flag
    for (const home of [here, there]) expect(JSON.parse((await cli(home, null, ['sync', 'status', '--json'])).stdout).queued).toBe(0);
    const onServer = await user.headlines();
    for (const a of await list(here)) {
      const h = onServer.find((x) => x.title === a.title);
      if (h !== undefined) expect({ title: a.title, read: !h.unread, starred: h.marked }).toEqual({ title: a.title, read: a.read, starred: a.starred });
    }
  });

  it('a feed unsubscribed on the server (in its web UI) leaves the settings with the next sync; its starred articles stay', async () => {
    const user = ts.server.addUser('elsewhere');
    const gone = await user.addFeed(feedUrl('b'));
    await user.addFeed(feedUrl('c'));
    const home = await syncedHome(user);
    const b1 = (await list(home)).find((a) => a.title === 'b article 1') as Listed;
    await cli(home, null, ['mark', b1.id, '--star']);
    await user.api('unsubscribeFeed', { feed_id: gone });
    const r = await cli(home, user, ['sync']);
    expect(r.code).toBe(0);
    const subs = JSON.parse((await cli(home, null, ['feeds', '--json'])).stdout) as { url: string }[];
    expect(subs.map((f) => f.url)).toEqual([feedUrl('c')]);
    const left = await list(home);
    expect(left.filter((a) => a.feed.url === feedUrl('b')).map((a) => a.title)).toEqual(['b article 1']);
  });

  it('sync off goes back to fetching the feeds directly, keeping the cache without doubling it', async () => {
    const user = ts.server.addUser('goingoff');
    await user.addFeed(feedUrl('f'));
    const home = await syncedHome(user);
    const before = await list(home);
    const f1 = before.find((a) => a.title === 'f article 1') as Listed;
    await cli(home, null, ['mark', f1.id, '--star']);
    expect(keptSession(home)).toContain('"sid');
    const sid = (JSON.parse(keptSession(home) as string) as { value: string }).value;
    expect(await sessionWorks(JSON.parse(sid).sid)).toBe(true);
    const off = await cli(home, null, ['sync', 'off']);
    // the server session was a credential: gone with the rest of the sync state, and ended on the server
    expect(keptSession(home)).toBeNull();
    expect(await sessionWorks(JSON.parse(sid).sid)).toBe(false);
    expect(off.stderr).toBe('');
    expect(off.stdout).toBe(`Sync with ${ts.server.url} is off: cyberread fetches the feeds itself again, and the cache stays. 1 change made here never reached the server.\n`);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).sync).toBeUndefined();
    const refresh = await cli(home, null, ['refresh']);
    expect(refresh.code).toBe(0);
    const after = await list(home);
    expect(after).toHaveLength(before.length);
    expect(after.find((a) => a.title === 'f article 1')?.starred).toBe(true);
    expect((await cli(home, null, ['sync', 'status'])).stdout).toContain('Sync is not set up');
  });

  it('sync off with the server down still turns sync off, and says in one sentence that the server session could not be ended', async () => {
    const user = ts.server.addUser('offwhiledown');
    await user.addFeed(feedUrl('f'));
    const home = await syncedHome(user);
    const home2 = await syncedHome(user);
    const sid = (home_: string): string => JSON.parse((JSON.parse(keptSession(home_) as string) as { value: string }).value).sid as string;
    const [sid1, sid2] = [sid(home), sid(home2)];
    await ts.server.stopWeb();
    let off: RunResult;
    let offId: RunResult;
    try {
      off = await cli(home, null, ['sync', 'off']);
      offId = await cli(home2, null, ['--lang', 'id', 'sync', 'off', '--json']);
    } finally {
      await ts.server.startWeb();
    }
    expect(off.code).toBe(0);
    expect(off.stdout).toBe(`Sync with ${ts.server.url} is off: cyberread fetches the feeds itself again, and the cache stays.\n`);
    expect(off.stderr).toMatch(
      new RegExp(`^Could not log out of ${ts.server.url.replace(/[.]/g, '\\.')} \\(.*127\\.0\\.0\\.1.*\\); the session is forgotten here, and the server ends it by itself a day after its last use\\.\n$`),
    );
    expect(keptSession(home)).toBeNull();
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).sync).toBeUndefined();
    expect(offId.code).toBe(0);
    expect(JSON.parse(offId.stdout)).toMatchObject({ sync: null, was: ts.server.url, loggedOut: false, logoutErrorCode: expect.stringMatching(/^err/) });
    expect(JSON.parse(offId.stdout).logoutError).toMatch(/127\.0\.0\.1/);
    // nothing more can end those sessions from here: they stay on the server until they expire
    expect(await sessionWorks(sid1)).toBe(true);
    expect(await sessionWorks(sid2)).toBe(true);
    // and in Indonesian, the sentence of the message table
    const home3 = await syncedHome(user);
    await ts.server.stopWeb();
    let offText: RunResult;
    try {
      offText = await cli(home3, null, ['--lang', 'id', 'sync', 'off']);
    } finally {
      await ts.server.startWeb();
    }
    expect(offText.code).toBe(0);
    expect(offText.stderr).toMatch(/^Tidak bisa logout dari .*; sesinya sudah dilupakan di sini, dan server mengakhirinya sendiri sehari setelah terakhir dipakai\.\n$/);
  });

  it('a damaged cache is rebuilt keeping the marks still queued for the server; the next sync brings the articles back and sends them', async () => {
    const user = ts.server.addUser('healed');
    await user.addFeed(feedUrl('e'));
    const home = await syncedHome(user);
    const articles = await list(home);
    const e1 = articles.find((a) => a.title === 'e article 1') as Listed;
    const e2 = articles.find((a) => a.title === 'e article 2') as Listed;
    expect((await cli(home, null, ['mark', e1.id, '--read'])).code).toBe(0);
    expect((await cli(home, null, ['mark', e2.id, '--star'])).code).toBe(0);
    // the reader found the cache damaged: the next command moves it aside and builds a fresh one
    markDamaged(join(home, 'cache.db'));
    const status = await cli(home, null, ['sync', 'status', '--json']);
    expect(status.stderr).toContain('The article cache');
    expect(status.stderr).toContain('2 changes waiting for the sync server were kept: the next sync sends them.');
    expect(JSON.parse(status.stdout)).toMatchObject({ queued: 2, lastSync: null });

    const r = await cli(home, user, ['sync', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ first: true, added: 4, pushed: 2, queued: 0 });
    const h = await user.headlines();
    expect(byTitle(h, 'e article 1')).toMatchObject({ unread: false, marked: false });
    expect(byTitle(h, 'e article 2')).toMatchObject({ unread: true, marked: true });
    const back = await list(home);
    expect(back).toHaveLength(4);
    expect(back.find((a) => a.title === 'e article 1')).toMatchObject({ read: true, starred: false });
    expect(back.find((a) => a.title === 'e article 2')).toMatchObject({ read: false, starred: true });
  });

  it('kill -9 during a first sync loses nothing; the next sync finishes it once, and server and cache agree', async () => {
    const user = ts.server.addUser('killed');
    await user.addFeed(feedUrl('big1'));
    await user.addFeed(feedUrl('big2'));
    const home = tempHome();
    expect((await cli(home, user, ['sync', 'setup', 'ttrss', ts.server.url, '--user', user.name])).code).toBe(0);
    const child = spawn(process.execPath, [BIN, '--home', home, 'sync'], {
      env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'en_US.UTF-8', CYBERREAD_SYNC_PASSWORD: user.password },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    // killed once some pages are stored and before the last one
    const stored = (): number => {
      try {
        const db = new Database(join(home, 'cache.db'), { readonly: true, fileMustExist: true });
        try {
          return db.prepare('SELECT count(*) FROM sync_items').pluck().get() as number;
        } finally {
          db.close();
        }
      } catch {
        return 0;
      }
    };
    const until = Date.now() + 30_000;
    while (stored() === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const partial = stored();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(900);

    // marks made between the two runs are sent by the next one, exactly as made
    const some = (await list(home)).slice(0, 3);
    for (const a of some) await cli(home, null, ['mark', a.id, '--star']);
    const r = await cli(home, user, ['sync', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ pushed: 3, queued: 0 });

    const server900 = await user.headlines();
    const cached = await list(home);
    expect(cached).toHaveLength(900);
    expect(server900).toHaveLength(900);
    expect(new Set(cached.map((a) => a.title)).size).toBe(900);
    const starredHere = cached.filter((a) => a.starred).map((a) => a.title).sort();
    const starredThere = server900.filter((h) => h.marked).map((h) => h.title).sort();
    expect(starredHere).toEqual(some.map((a) => a.title).sort());
    expect(starredThere).toEqual(starredHere);
    // a sync with nothing new changes nothing on either side
    const empty = JSON.parse((await cli(home, user, ['sync', '--json'])).stdout) as { added: number; pushed: number; pulled: number; requests: number };
    expect(empty).toMatchObject({ added: 0, pushed: 0, pulled: 0 });
    // no login (the session the first sync kept), the subscriptions with their unread counts (which also show
    // that no feed came or went), new articles, starred, recently read
    expect(empty.requests).toBe(4);
  }, 90_000);
});
