import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasTmux, terminal } from '../helpers/tmux.js';

// The pty walks start the reader again right after killing it. With one socket per test file, tmux's
// kill-server returned before the old server was gone, the new client reached the dying server and was
// dropped ("server exited unexpectedly"): a CI run failed on it. Here every start must take.

const term = terminal('again');
const home = mkdtempSync(join(tmpdir(), 'cyberread-terminal-'));
afterAll(() => {
  term.kill();
  rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('the test terminal (skipped when tmux is not installed)', () => {
  it('starts again at once after kill() every time, and leaves no socket behind', async () => {
    const mine = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith(`cyberread-tmux-again-${process.pid}-`));
    for (let i = 0; i < 40; i++) {
      // the reader prints its version and the pane stays; what matters is that new-session answers
      term.start(home, 80, 24, {}, '--version; sleep 30');
      expect(mine()).toHaveLength(1);
      term.kill();
    }
    expect(mine()).toEqual([]);
    // and the last one really ran the reader
    term.start(home, 80, 24, {}, '--version; sleep 30');
    expect(await term.waitFor((s) => /\d+\.\d+\.\d+/.test(s))).toMatch(/\d+\.\d+\.\d+/);
    term.kill();
    expect(mine()).toEqual([]);
  }, 120_000);
});
