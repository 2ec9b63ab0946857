/**
 * Cache faults through the built program: kill -9 at random moments of a 40-feed refresh (50 times), two
 * refreshes and a list at once, a garbage or truncated cache file, a read-only home.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempHome } from '../helpers/cli.js';

const SAMPLE = readFileSync(join(process.cwd(), 'samples', 'cyberthreat-id.xml'), 'utf8');
const FEEDS = 40;

/** Writes the 40 feed files; `round` adds one new item to each so every refresh has something to write. */
function writeFeeds(dir: string, round: number): string[] {
  const extra = `<item><title>Ronde ${round}</title><link>https://cyberthreat.id/read/r${round}</link><guid>r-${round}</guid><pubDate>Sat, 16 Nov 2019 12:59:00 +0700</pubDate><description>Baru.</description></item>`;
  const doc = SAMPLE.replace('<item>', `${extra}<item>`);
  return Array.from({ length: FEEDS }, (_, i) => {
    const file = join(dir, `feed-${i}.xml`);
    // 40 feeds with stories of their own: the same links in two feeds would be one story, listed once.
    writeFileSync(file, doc.replaceAll('cyberthreat.id/read/', `cyberthreat.id/read/f${i}/`));
    return file;
  });
}

function env(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: home, LANG: 'en_US.UTF-8', COLUMNS: '100', TZ: 'Asia/Jakarta' };
}

/** Starts `cyberread refresh`, kills it with SIGKILL after delayMs (unless it ended before); resolves when gone. */
function refreshAndKill(home: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--home', home, 'refresh'], { env: env(home), stdio: 'ignore' });
    const t = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('close', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

interface Listed {
  id: string;
  read: boolean;
  starred: boolean;
}

async function listAll(home: string): Promise<{ code: number; stderr: string; articles: Listed[] }> {
  const r = await runCli(['--home', home, 'list', '--json', '--all']);
  return { code: r.code, stderr: r.stderr, articles: r.code === 0 ? (JSON.parse(r.stdout) as Listed[]) : [] };
}

describe('kill -9 during refresh', () => {
  // Each kill is a test of its own, with a budget for one refresh and one list: under a heavy load the 50
  // rounds once outgrew a single budget for all of them, though every round did what it should.
  const ROUNDS = 50;
  const s = { home: '', feedDir: '', readIds: [] as string[], starIds: [] as string[], delays: [] as number[] };

  beforeAll(async () => {
    s.home = tempHome('cyberread-kill-');
    s.feedDir = join(s.home, 'feeds');
    mkdirSync(s.feedDir);
    const files = writeFeeds(s.feedDir, 0);
    writeFileSync(join(s.home, 'config.json'), JSON.stringify({ feeds: files.map((url) => ({ url })) }));
    const started = Date.now();
    const first = await runCli(['--home', s.home, 'refresh']);
    // kill moments are drawn over the time a whole refresh takes on this machine now
    const window = Math.max(50, Date.now() - started);
    expect(first.code).toBe(0);
    const before = await listAll(s.home);
    expect(before.articles.length).toBe(FEEDS * 19);
    s.readIds = before.articles.filter((_, i) => i % 3 === 0).map((a) => a.id);
    s.starIds = before.articles.filter((_, i) => i % 5 === 0).map((a) => a.id);
    expect((await runCli(['--home', s.home, 'mark', '--read', ...s.readIds])).code).toBe(0);
    expect((await runCli(['--home', s.home, 'mark', '--star', ...s.starIds])).code).toBe(0);
    s.delays = fc.sample(fc.integer({ min: 0, max: window }), { numRuns: ROUNDS, seed: 20191116 });
  }, 120_000);

  for (let round = 0; round < ROUNDS; round++) {
    it(`kill ${round + 1} of ${ROUNDS} at a random moment: the cache always opens and read/starred flags stay`, async () => {
      const delay = s.delays[round];
      expect(delay, 'the setup drew the kill moments').toBeTypeOf('number');
      writeFeeds(s.feedDir, round + 1);
      await refreshAndKill(s.home, delay as number);
      const after = await listAll(s.home);
      expect(after.code, `killed after ${delay} ms`).toBe(0);
      expect(after.stderr).toBe('');
      const byId = new Map(after.articles.map((a) => [a.id, a]));
      for (const id of s.readIds) expect(byId.get(id)?.read, id).toBe(true);
      for (const id of s.starIds) expect(byId.get(id)?.starred, id).toBe(true);
    }, 60_000);
  }
});

describe('concurrent use', () => {
  it('two refreshes and a list at once: no "database is locked" reaches the user', async () => {
    const home = tempHome('cyberread-concurrent-');
    const feedDir = join(home, 'feeds');
    mkdirSync(feedDir);
    const files = writeFeeds(feedDir, 0);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: files.map((url) => ({ url })) }));
    for (let round = 1; round <= 3; round++) {
      writeFeeds(feedDir, round);
      const results = await Promise.all([
        runCli(['--home', home, 'refresh']),
        runCli(['--home', home, 'refresh']),
        runCli(['--home', home, 'list', '--limit', '5']),
        runCli(['--home', home, 'tags']),
      ]);
      for (const r of results) {
        expect(r.stderr).not.toMatch(/locked|busy/i);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
    }
    const all = await listAll(home);
    // 18 sample items plus the items of rounds 1 to 3
    expect(all.articles.length).toBe(FEEDS * 21);
  }, 60_000);
});

describe('a damaged cache file', () => {
  it('garbage: moved aside with both paths named, a fresh cache built', async () => {
    const home = tempHome('cyberread-garbage-');
    const cache = join(home, 'cache.db');
    writeFileSync(cache, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 256)));
    const r = await runCli(['--home', home, 'list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const moved = /(\S+\.corrupt-\S+?)[\s.,)]/.exec(r.stderr)?.[1];
    expect(r.stderr).toContain(cache);
    expect(moved).toBeDefined();
    expect(readFileSync(moved!).length).toBe(64 * 1024);
    expect((await runCli(['--home', home, 'list'])).stderr).toBe('');
  });

  it('truncated: read and starred flags that can be read back are recovered', async () => {
    const home = tempHome('cyberread-trunc-');
    const feedDir = join(home, 'feeds');
    mkdirSync(feedDir);
    const files = writeFeeds(feedDir, 0).slice(0, 1);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: files.map((url) => ({ url })) }));
    expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
    const ids = (await listAll(home)).articles.map((a) => a.id);
    await runCli(['--home', home, 'mark', '--read', ...ids.slice(0, 3)]);
    await runCli(['--home', home, 'mark', '--star', ids[0]!]);
    const cache = join(home, 'cache.db');
    const size = readFileSync(cache).length;
    truncateSync(cache, Math.floor(size * 0.6));
    const r = await runCli(['--home', home, 'refresh']);
    expect(r.stderr).toContain(cache);
    expect(r.stderr).toContain('.corrupt-');
    const after = await listAll(home);
    expect(after.articles.length).toBe(ids.length);
    const byId = new Map(after.articles.map((a) => [a.id, a]));
    // what SQLite could still read of the flags table comes back; it must never invent flags
    const recovered = ids.slice(0, 3).filter((id) => byId.get(id)?.read);
    expect(after.articles.filter((a) => a.read).map((a) => a.id).sort()).toEqual(recovered.sort());
    expect(after.articles.filter((a) => a.starred).every((a) => a.id === ids[0])).toBe(true);
  });
});

describe('a home that cannot be written', () => {
  // As root (CI containers) permission bits are ignored, so the fault tested is a real full disk: a 16 MiB
  // tmpfs mounted as the home. Without root the home is made read-only instead.
  it('full disk (root) or read-only home: a clear error per feed, nothing committed is lost', async () => {
    const home = tempHome('cyberread-full-');
    const feedDir = tempHome('cyberread-full-feeds-');
    let mounted = false;
    if (process.getuid?.() === 0) {
      mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', home]).status === 0;
      writeFileSync(join(home, 'config.json'), '{"feeds": []}');
    }
    try {
      const files = writeFeeds(feedDir, 0).slice(0, 4);
      writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: files.map((url) => ({ url })) }));
      const first = await runCli(['--home', home, 'refresh']);
      expect(first.stdout + first.stderr).toContain('4 feeds refreshed');
      expect(first.code).toBe(0);
      const ids = (await listAll(home)).articles.map((a) => a.id).slice(0, 10);
      expect((await runCli(['--home', home, 'mark', '--read', ...ids])).code).toBe(0);
      const config = readFileSync(join(home, 'config.json'), 'utf8');
      if (mounted) {
        // fill the disk to the last byte
        try {
          for (let i = 0; ; i++) writeFileSync(join(home, `filler-${i}`), Buffer.alloc(64 * 1024));
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        }
        for (let i = 0; i < 64; i++) {
          try {
            writeFileSync(join(home, `small-${i}`), Buffer.alloc(1024));
          } catch {
            break;
          }
        }
      } else {
        chmodSync(home, 0o500);
      }
      writeFeeds(feedDir, 1);
      const r = await runCli(['--home', home, 'refresh']);
      expect(r.code).toBe(1);
      const out = r.stdout + r.stderr;
      expect(out, out).toMatch(mounted ? /disk is full|no space/i : /permission denied|read-only|readonly/i);
      expect(out).not.toMatch(/unexpected error|at .*\.js:\d+/);
      // once there is room again, everything committed before is still there
      if (mounted) {
        for (const f of readdirSync(home)) if (/^(filler|small)-/.test(f)) rmSync(join(home, f));
      } else {
        chmodSync(home, 0o700);
      }
      expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe(config);
      const after = await listAll(home);
      expect(after.code).toBe(0);
      const byId = new Map(after.articles.map((a) => [a.id, a]));
      for (const id of ids) expect(byId.get(id)?.read).toBe(true);
    } finally {
      if (mounted) spawnSync('umount', [home]);
      else chmodSync(home, 0o700);
    }
  }, 30_000);
});
