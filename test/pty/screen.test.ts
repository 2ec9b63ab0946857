import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

// What a person sees: the BUILT program in a real terminal emulator (tmux), read back with capture-pane.
// The frame tests render to a string and never see how Ink's output reaches the screen; these do.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `cyberread-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function screen(): string[] {
  return tmux('capture-pane', '-p', '-t', 'app').split('\n');
}

async function waitFor(text: string, timeoutMs = 10_000): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const lines = screen();
    if (lines.some((l) => l.includes(text))) return lines;
    if (Date.now() > end) throw new Error(`timed out waiting for ${text}:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends keys one at a time and waits until the screen has settled. */
async function press(...keys: string[]): Promise<string[]> {
  for (const k of keys) {
    tmux('send-keys', '-t', 'app', k);
    await new Promise((r) => setTimeout(r, 60));
  }
  let last = screen().join('\n');
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = screen().join('\n');
    if (now === last) break;
    last = now;
  }
  return last.split('\n');
}

let home: string | undefined;
afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  if (home) rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('the reader on a real terminal screen (skipped when tmux is not installed)', () => {
  it('moves the selection without leaving stale or doubled rows, and reflows on resize', async () => {
    home = mkdtempSync(join(tmpdir(), 'cyberread-screen-'));
    // CI=true as on a CI machine: Ink would then draw only the last frame, unless cyberread hides it from Ink.
    const env = `HOME=${home} LANG=C.UTF-8 TZ=Asia/Jakarta TERM=xterm-256color CI=true`;
    tmux('new-session', '-d', '-s', 'app', '-x', '80', '-y', '24', `env ${env} "${process.execPath}" "${BIN}" --demo --lang en`);
    const first = await waitFor('Data of 2.3 Million');
    const rows = (lines: string[]) => lines.filter((l) => /^[ ›][ ●][ ★] /.test(l));
    const before = rows(first);
    expect(before.length).toBeGreaterThan(10);
    const after = rows(await press('j', 'j', 'j', 'j', 'j'));
    // exactly one selected row, the sixth; every other row unchanged apart from the pointer
    expect(after.filter((l) => l.startsWith('›'))).toHaveLength(1);
    expect(after[5]!.startsWith('›')).toBe(true);
    expect(after.map((l) => l.slice(1))).toEqual(before.map((l) => l.slice(1)));
    expect(new Set(after.map((l) => l.slice(3))).size).toBe(after.length);
    tmux('resize-window', '-t', 'app', '-x', '100', '-y', '30');
    const wide = await press('Enter');
    expect(wide[0]).toContain('cyberread');
    expect(wide[1]).toMatch(/^ ─{98}$/);
    expect(wide[2]).toContain('IND | [ENG]');
    tmux('resize-window', '-t', 'app', '-x', '60', '-y', '20');
    const narrow = await press('Escape');
    expect(narrow[1]).toMatch(/^ ─{58}$/);
    expect(rows(narrow).filter((l) => l.startsWith('›'))).toHaveLength(1);
    expect(narrow.every((l) => l.length <= 60)).toBe(true);
  });
});

describe.skipIf(!hasTmux)('keys sent in one chunk on a real terminal (skipped when tmux is not installed)', () => {
  it('Enter G in one send-keys opens the article at its bottom, as Enter and G sent apart do', async () => {
    home = mkdtempSync(join(tmpdir(), 'cyberread-screen-'));
    const env = `HOME=${home} LANG=C.UTF-8 TZ=Asia/Jakarta TERM=xterm-256color`;
    tmux('new-session', '-d', '-s', 'app', '-x', '100', '-y', '30', `env ${env} "${process.execPath}" "${BIN}" --demo --lang en`);
    await waitFor('Data of 2.3 Million');
    // one tmux command writes both keys to the terminal at once
    tmux('send-keys', '-t', 'app', 'Enter', 'G');
    // on a loaded machine the reader can take longer than press()'s settle time to draw: wait for its bottom
    await waitFor('Read also');
    const together = await press();
    expect(together.join('\n')).toContain('Read also');
    expect(together.join('\n')).not.toContain('Rina Kartikasari');
    await press('q');
    const apart = await press('Enter', 'G');
    expect(apart).toEqual(together);
  });
});
