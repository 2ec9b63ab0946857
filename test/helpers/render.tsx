import type React from 'react';
import { render as inkRender } from 'ink-testing-library';

const KEYS: Record<string, string> = {
  Enter: '\r',
  Esc: '\u001b',
  Tab: '\t',
  Space: ' ',
  Backspace: '\u007f',
  Up: '\u001b[A',
  Down: '\u001b[B',
  PgUp: '\u001b[5~',
  PgDn: '\u001b[6~',
  Home: '\u001b[H',
  End: '\u001b[F',
  'Ctrl-C': '\u0003',
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*(?:\u0007|\u001b\\)/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

const mounted = new Set<() => void>();

/** Unmounts every reader renderUi drew and the test left mounted (unmounting twice is harmless). */
export function unmountAll(): void {
  for (const unmount of mounted) unmount();
  mounted.clear();
}

export interface Harness {
  /** The last frame without colour codes. */
  frame(): string;
  /** Presses a named key (Enter, Esc, Tab, Up, Down, PgUp, PgDn, Home, End, Backspace, Space, Ctrl-C) or a character. */
  press(key: string): Promise<string>;
  /** Types text one key at a time. */
  type(text: string): Promise<string>;
  /** Waits until the frame contains the text (or the predicate holds). */
  waitFor(what: string | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  unmount(): void;
  frames: string[];
}

/**
 * Renders with ink-testing-library and waits for Ink to listen on stdin: Ink 6 attaches its 'readable'
 * listener in an effect, so keys written before that are lost.
 */
export async function renderUi(tree: React.ReactElement): Promise<Harness> {
  const r = inkRender(tree);
  mounted.add(r.unmount);
  const frame = (): string => stripAnsi(r.lastFrame() ?? '');
  const waitFor = async (what: string | ((f: string) => boolean), timeoutMs = 3000): Promise<string> => {
    const ok = typeof what === 'string' ? (f: string) => f.includes(what) : what;
    const end = Date.now() + timeoutMs;
    while (!ok(frame())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${String(what)}; last frame:\n${frame()}`);
      await tick();
    }
    return frame();
  };
  await waitFor(() => r.stdin.listenerCount('readable') > 0 && frame() !== '');
  const press = async (key: string): Promise<string> => {
    const before = r.frames.length;
    r.stdin.write(KEYS[key] ?? key);
    // a key may legitimately leave the frame as it was; wait for a new frame or for things to settle
    const end = Date.now() + 300;
    while (r.frames.length === before && Date.now() < end) await tick();
    await tick();
    return frame();
  };
  return {
    frame,
    press,
    type: async (text: string) => {
      for (const ch of [...text]) await press(ch);
      return frame();
    },
    waitFor,
    unmount: () => r.unmount(),
    frames: r.frames,
  };
}
