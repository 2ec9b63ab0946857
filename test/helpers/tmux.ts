import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './cli.js';

/**
 * The built reader in a real terminal (tmux on a socket of its own) and feeds served on 127.0.0.1, for the
 * pty walks: what a person sees, key by key.
 */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export interface Terminal {
  /**
   * Starts the built reader on `home` at a size. `tail` is shell text after its own arguments: more arguments,
   * or `; sleep 30` to keep the pane showing what a command printed after it ends.
   */
  start(home: string, columns: number, rows: number, env?: Record<string, string>, tail?: string): void;
  screen(): string;
  waitFor(ok: string | ((s: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Sends keys one at a time (tmux key names). */
  keys(...ks: string[]): Promise<void>;
  /** Sends keys in one tmux command: one write to the terminal, as a paste or a fast typist makes. */
  keysAtOnce(...ks: string[]): void;
  /** Types text as it is (tmux send-keys -l). */
  type(text: string): Promise<void>;
  resize(columns: number, rows: number): void;
  kill(): void;
}

/** Counts the servers this process starts, so that no two of them share a socket. */
let servers = 0;

export function terminal(name: string): Terminal {
  // Every start gets a tmux server on a socket of its own, never the socket of the server before it:
  // `kill-server` returns before that server has exited, and a new client that reaches the dying server on
  // the same socket is dropped with "server exited unexpectedly" (45 times in 200 kill/start pairs here).
  let socket: string | null = null;
  const tmux = (...args: string[]): string => {
    if (!socket) throw new Error(`the ${name} terminal is not started`);
    return execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
  };
  const screen = (): string => tmux('capture-pane', '-p', '-t', 'app');
  return {
    start(home, columns, rows, env = {}, tail = '') {
      if (socket) throw new Error(`the ${name} terminal is already started: kill() it first`);
      socket = join(tmpdir(), `cyberread-tmux-${name}-${process.pid}-${++servers}`);
      const vars = { LANG: 'C.UTF-8', TZ: 'Asia/Jakarta', TERM: 'xterm-256color', HOME: home, ...env };
      const line = Object.entries(vars).map(([k, v]) => `${k}='${v}'`).join(' ');
      const command = `env ${line} "${process.execPath}" "${BIN}" --home "${home}"${tail ? ` ${tail}` : ''}`;
      tmux('new-session', '-d', '-s', 'app', '-x', String(columns), '-y', String(rows), command);
    },
    screen,
    async waitFor(ok, timeoutMs = 20_000) {
      const test = typeof ok === 'string' ? (s: string) => s.includes(ok) : ok;
      const end = Date.now() + timeoutMs;
      for (;;) {
        const s = screen();
        if (test(s)) return s;
        if (Date.now() > end) throw new Error(`timed out waiting for ${String(ok)}:\n${s}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async keys(...ks) {
      for (const k of ks) {
        tmux('send-keys', '-t', 'app', k);
        await new Promise((r) => setTimeout(r, 80));
      }
    },
    keysAtOnce(...ks) {
      tmux('send-keys', '-t', 'app', ...ks);
    },
    async type(text) {
      tmux('send-keys', '-t', 'app', '-l', text);
      await new Promise((r) => setTimeout(r, 150));
    },
    resize(columns, rows) {
      tmux('resize-window', '-t', 'app', '-x', String(columns), '-y', String(rows));
    },
    kill() {
      if (!socket) return;
      spawnSync('tmux', ['-S', socket, 'kill-server']);
      // tmux leaves its socket file behind; it is ours alone, so it goes now
      rmSync(socket, { force: true });
      socket = null;
    },
  };
}

export interface Loopback {
  url: (path: string) => string;
  /** The paths asked for, in order. */
  log: string[];
  /** The document served at a path; any other path answers 404. */
  routes: Map<string, () => string>;
  stop: () => Promise<void>;
}

export async function serve(): Promise<Loopback> {
  const log: string[] = [];
  const routes = new Map<string, () => string>();
  const server: Server = createServer((req, res) => {
    log.push(req.url ?? '');
    const doc = routes.get(req.url ?? '');
    if (!doc) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(doc());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  let stopped = false;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    log,
    routes,
    stop: () =>
      new Promise<void>((r) => {
        if (stopped) return r();
        stopped = true;
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
