import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

// These drive the BUILT program (npm test builds first) in a real pseudo-terminal through python3's pty module.
const DRIVER = join(process.cwd(), 'test', 'pty', 'driver.py');
const LEAVE_ALT = '\u001b[?1049l';
const ENTER_ALT = '\u001b[?1049h';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

type Step = { wait: string; timeout?: number } | { send: string } | { signal: 'TERM' | 'HUP' } | { exit: number } | { sleep: number };
interface PtyResult {
  output: string;
  exitCode: number | null;
  signal: number | null;
  waits: Record<string, number>;
  error: string | null;
  cooked: boolean | null;
  killed?: boolean;
}

const homes: string[] = [];
afterAll(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

function fakeHome(config?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'cyberread-pty-'));
  homes.push(dir);
  if (config) writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

function runInPty(args: string[], steps: Step[], size = { rows: 24, cols: 80 }, extraEnv: Record<string, string> = {}): PtyResult {
  const home = fakeHome();
  const json = execFileSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], {
    encoding: 'utf8',
    timeout: 40_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      TZ: 'Asia/Jakarta',
      PTY_ROWS: String(size.rows),
      PTY_COLS: String(size.cols),
      ...extraEnv,
    },
  });
  return JSON.parse(json) as PtyResult;
}

/** The terminal was given back: the alternate screen left after it was entered, the cursor shown, mode cooked. */
function expectRestored(r: PtyResult): void {
  expect(r.error, r.output.slice(-2000)).toBeNull();
  expect(r.killed).toBeUndefined();
  const out = r.output;
  expect(out).toContain(ENTER_ALT);
  expect(out.lastIndexOf(LEAVE_ALT)).toBeGreaterThan(out.lastIndexOf(ENTER_ALT));
  expect(out.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(out.lastIndexOf(HIDE_CURSOR));
  // nothing is drawn after leaving: only cursor-show sequences and line ends may follow
  const tail = out.slice(out.lastIndexOf(LEAVE_ALT) + LEAVE_ALT.length);
  expect(tail.replaceAll(SHOW_CURSOR, '').replace(/[\r\n]/g, '')).toBe('');
  expect(out.endsWith(LEAVE_ALT) || out.endsWith(SHOW_CURSOR)).toBe(true);
  expect(r.cooked).toBe(true);
}

const FIRST = 'Data 2,3 Juta Pelanggan';

// Select Graphic Rendition: colours, bold, dim, inverse … (cursor and screen control use other final bytes)
const SGR = /\u001b\[[0-9;]*m/;

describe('the reader in a pseudo-terminal', () => {
  it('draws no colour or style sequences when NO_COLOR is set, and does without it', () => {
    const steps: Step[] = [{ wait: FIRST, timeout: 10 }, { send: 'q' }, { exit: 10 }];
    const plain = runInPty(['--demo', '--lang', 'id'], steps, undefined, { NO_COLOR: '1' });
    expectRestored(plain);
    expect(plain.output).toContain(FIRST);
    expect(plain.output).not.toMatch(SGR);
    const styled = runInPty(['--demo', '--lang', 'id'], steps);
    expect(styled.output).toMatch(SGR);
  });

  it("draws the settings' theme at the terminal's depth, and nothing of it with NO_COLOR", () => {
    const home = fakeHome({
      feeds: [{ url: join(process.cwd(), 'samples', 'cyberthreat-id.xml'), lang: 'id' }],
      lang: 'id',
      theme: { base: 'light', tag: '#00afaf', star: 'purplish' },
    });
    const steps: Step[] = [{ wait: FIRST, timeout: 15 }, { send: 'q' }, { exit: 10 }];
    // wide enough for the rows' tags
    const wide = { rows: 24, cols: 180 };
    const truecolor = runInPty(['--home', home], steps, wide, { COLORTERM: 'truecolor' });
    expectRestored(truecolor);
    expect(truecolor.output).toContain('\u001b[38;2;0;175;175m#databreach');
    // the bad colour was reported before the reader started, and the light theme's own used
    expect(truecolor.output).toContain('"theme.star"');
    const c256 = runInPty(['--home', home], steps, wide);
    expect(c256.output).toContain('\u001b[38;5;37m#databreach');
    const plain = runInPty(['--home', home], steps, wide, { NO_COLOR: '1', COLORTERM: 'truecolor' });
    expectRestored(plain);
    expect(plain.output).toContain(FIRST);
    expect(plain.output).not.toMatch(SGR);
  });

  it("takes the settings' keys: the help key and j rebound, in the help and the hints; a bad one reported before it starts", () => {
    const home = fakeHome({
      feeds: [{ url: join(process.cwd(), 'samples', 'cyberthreat-id.xml'), lang: 'id' }],
      lang: 'id',
      keys: { help: ['H'], down: ['x', 'Down'], nope: ['z'] },
    });
    const r = runInPty(['--home', home], [
      { wait: FIRST, timeout: 15 },
      { wait: 'x/k pindah' },
      // ? is free now: H opens the help, which lists x for moving down
      { send: 'H' },
      { wait: 'x ↓' },
      { send: 'q' },
      { send: 'q' },
      { exit: 10 },
    ]);
    expectRestored(r);
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('"keys.nope"');
    expect(r.output).not.toContain('j/k pindah');
  });

  it('shows the sample articles with no network and quits with q', () => {
    const r = runInPty(['--demo', '--lang', 'id'], [{ wait: FIRST, timeout: 10 }, { send: 'q' }, { exit: 10 }]);
    expectRestored(r);
    expect(r.exitCode).toBe(0);
    // the "within a second" is measured, not asserted (timing belongs in benchmarks)
    console.log(`cyberread --demo: first list frame after ${r.waits[FIRST]} ms`);
  });

  it('quits with Ctrl-C from another view', () => {
    const r = runInPty(['--demo', '--lang', 'en'], [
      { wait: 'NiagaKu', timeout: 10 },
      { send: '\r' },
      { wait: 'Rina Kartikasari' },
      { send: '\u0003' },
      { exit: 10 },
    ]);
    expectRestored(r);
    expect(r.exitCode).toBe(0);
  });

  it('gives the terminal back on SIGTERM', () => {
    const r = runInPty(['--demo'], [{ wait: 'NiagaKu', timeout: 10 }, { send: '#' }, { sleep: 0.2 }, { signal: 'TERM' }, { exit: 10 }]);
    expectRestored(r);
    expect(r.exitCode).toBe(143);
  });

  it('reports a feed that cannot be reached, one key away, and the rest still works', () => {
    const home = fakeHome({ feeds: [{ url: 'http://127.0.0.1:9/feed.xml', lang: 'en' }] });
    const r = runInPty(['--home', home, '--lang', 'en'], [
      { wait: '1 feed failed', timeout: 15 },
      { send: 'e' },
      { wait: 'http://127.0.0.1:9/feed.xml' },
      { wait: 'connection refused' },
      { send: '\u001b' },
      { sleep: 0.2 },
      { send: 'q' },
      { exit: 10 },
    ], { rows: 50, cols: 200 });
    expectRestored(r);
    expect(r.exitCode).toBe(0);
  });
});
