import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, terminal } from '../helpers/tmux.js';

// What a person sees: the BUILT program in a real terminal emulator (tmux), read back with capture-pane.
// The frame tests render to a string and never see how Ink's output reaches the screen; these do.
const term = terminal('screen');

function screen(): string[] {
  return term.screen().split('\n');
}

/** How long a frame may take to reach the screen on a loaded machine: generous, since only a failure waits it out. */
const DEADLINE_MS = 30_000;

/**
 * The screen once `ready` holds and it has stopped changing (the same on two looks 150 ms apart): what the
 * test then checks is the frame the program settled on, however late it drew it. Throws with the last screen
 * when that does not happen within the deadline.
 */
async function settled(what: string, ready: (lines: string[]) => boolean, timeoutMs = DEADLINE_MS): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  let last: string | null = null;
  for (;;) {
    const now = screen();
    const text = now.join('\n');
    if (ready(now) && text === last) return now;
    last = ready(now) ? text : null;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${text}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function waitFor(text: string, timeoutMs = DEADLINE_MS): Promise<string[]> {
  return settled(text, (lines) => lines.some((l) => l.includes(text)), timeoutMs);
}

/** Sends keys one at a time, each its own write to the terminal. */
const press = term.keys;

let home: string | undefined;
afterEach(() => {
  if (hasTmux) term.kill();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('the reader on a real terminal screen (skipped when tmux is not installed)', () => {
  it('moves the selection without leaving stale or doubled rows, and reflows on resize', async () => {
    home = mkdtempSync(join(tmpdir(), 'cyberread-screen-'));
    // CI=true as on a CI machine: Ink would then draw only the last frame, unless cyberread hides it from Ink.
    term.start(home, 80, 24, { CI: 'true' }, '--demo --lang en');
    const first = await waitFor('Data of 2.3 Million');
    const rows = (lines: string[]) => lines.filter((l) => /^[ ›][ ●][ ★] /.test(l));
    const before = rows(first);
    expect(before.length).toBeGreaterThan(10);
    await press('j', 'j', 'j', 'j', 'j');
    // the fifth j has reached the screen when the sixth row is the selected one
    const after = rows(await settled('the sixth row selected', (lines) => rows(lines)[5]?.startsWith('›') === true));
    // exactly one selected row, the sixth; every other row unchanged apart from the pointer
    expect(after.filter((l) => l.startsWith('›'))).toHaveLength(1);
    expect(after[5]!.startsWith('›')).toBe(true);
    expect(after.map((l) => l.slice(1))).toEqual(before.map((l) => l.slice(1)));
    expect(new Set(after.map((l) => l.slice(3))).size).toBe(after.length);
    term.resize(100, 30);
    await press('Enter');
    // the article, drawn at the new width: its rule spans 100 columns
    const wide = await settled('the article at 100 columns', (lines) => /^ ─{98}$/.test(lines[1] ?? '') && (lines[2] ?? '').includes('IND | [ENG]'));
    expect(wide[0]).toContain('cyberread');
    expect(wide[1]).toMatch(/^ ─{98}$/);
    expect(wide[2]).toContain('IND | [ENG]');
    term.resize(60, 20);
    await press('Escape');
    // back in the list, drawn at 60 columns
    const narrow = await settled('the list at 60 columns', (lines) => /^ ─{58}$/.test(lines[1] ?? '') && rows(lines).length > 0);
    expect(narrow[1]).toMatch(/^ ─{58}$/);
    expect(rows(narrow).filter((l) => l.startsWith('›'))).toHaveLength(1);
    expect(narrow.every((l) => l.length <= 60)).toBe(true);
  });
});

describe.skipIf(!hasTmux)('keys sent in one chunk on a real terminal (skipped when tmux is not installed)', () => {
  it('Enter G in one send-keys opens the article at its bottom, as Enter and G sent apart do', async () => {
    home = mkdtempSync(join(tmpdir(), 'cyberread-screen-'));
    term.start(home, 100, 30, {}, '--demo --lang en');
    await waitFor('Data of 2.3 Million');
    // one tmux command writes both keys to the terminal at once
    term.keysAtOnce('Enter', 'G');
    // however long the reader takes to draw on a loaded machine: its bottom, settled
    const together = await waitFor('Read also');
    expect(together.join('\n')).not.toContain('Rina Kartikasari');
    await press('q');
    await settled('the list again', (lines) => !lines.some((l) => l.includes('Read also')) && lines.some((l) => l.includes('Data of 2.3 Million')));
    await press('Enter', 'G');
    const apart = await waitFor('Read also');
    expect(apart).toEqual(together);
  });
});
