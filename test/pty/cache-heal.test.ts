import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFeeds } from '../../src/core/defaults.js';
import { BIN, runCli, tempHome } from '../helpers/cli.js';

// The BUILT reader (npm test builds first) in a pseudo-terminal through python3's pty module, started on a
// cache that turned out damaged (issue #12): the same recovery as the command line, said in the status line,
// and the articles fetched again at once.
const DRIVER = join(process.cwd(), 'test', 'pty', 'driver.py');

type Step = { wait: string; timeout?: number } | { send: string } | { exit: number };
interface PtyResult {
  output: string;
  exitCode: number | null;
  error: string | null;
}

const homes: string[] = [];
afterAll(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

function runInPty(home: string, steps: Step[]): PtyResult {
  const json = execFileSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, '--home', home, '--lang', 'en'], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8', TZ: 'Asia/Jakarta', PTY_ROWS: '24', PTY_COLS: '200', NO_COLOR: '1' },
  });
  return JSON.parse(json) as PtyResult;
}

describe('the reader started on a damaged cache', () => {
  it('moves it aside, says so in the status line, fetches the articles again at once, and says it after quitting', async () => {
    const home = tempHome('cyberread-pty-heal-');
    homes.push(home);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: sampleFeeds(join(process.cwd(), 'samples')) }));
    expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
    // refreshed a moment ago: without the recovery, the reader would wait a whole interval to refresh
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).lastRefreshAt).toBeTypeOf('string');
    const cache = join(home, 'cache.db');
    writeFileSync(cache, Buffer.alloc(readFileSync(cache).length, 0x5a));

    const r = runInPty(home, [
      { wait: 'a fresh one was built; fetching the articles again', timeout: 20 },
      { wait: 'Data of 2.3 Million NiagaKu', timeout: 30 },
      // the notice lasts until a key, like any other; then the refresh's own status shows (new per edition)
      { send: 'j' },
      { wait: '18 new · 18 new in IND', timeout: 30 },
      { send: 'q' },
      { exit: 10 },
    ]);
    expect(r.error, r.output.slice(-2000)).toBeNull();
    expect(r.exitCode).toBe(0);
    const moved = readdirSync(home).filter((f) => /^cache\.db\.corrupt-\d{8}T\d{6}$/.test(f));
    expect(moved).toHaveLength(1);
    // told once more on the terminal the reader gives back, where it stays readable
    expect(r.output.replace(/\r?\n/g, '')).toContain(
      `The article cache ${cache} was damaged: it was moved to ${join(home, moved[0] as string)} and a fresh cache was built (0 read/starred marks kept); the reader fetches the articles again.`,
    );
    expect(r.output).not.toMatch(/unexpected|Please report/);
    const listed = await runCli(['--home', home, 'list', '--all', '--json']);
    expect(JSON.parse(listed.stdout)).toHaveLength(36);
  }, 120_000);
});
