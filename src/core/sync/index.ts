/**
 * Entry points of sync: the protocol for a `sync` setting, the account a cache's sync state belongs to, and
 * the password (never from the settings file). A second protocol is one more case in createProtocol and one
 * more module beside ttrss.ts; the engine does not change.
 */
import { spawn } from 'node:child_process';
import { DEFAULT_LIMITS, type FetchLimits } from '../feeds/http.js';
import { timeoutLimits } from '../feeds/pipeline.js';
import { problem, type Problem } from '../i18n/problem.js';
import { sanitizeLine } from '../sanitize.js';
import { SyncError } from './http.js';
import { TtrssProtocol } from './ttrss.js';
import { runSubscriptions, runSync, type SyncDeps } from './engine.js';
import type { SessionKeeper, SyncCache, SyncProtocol, SyncReport, SyncSettings } from './types.js';

export { runSync, type SyncDeps, type SyncRunOptions } from './engine.js';
export { MIN_API_LEVEL } from './ttrss.js';
export { SyncError } from './http.js';
export type { SyncProtocol, SyncReport, SyncSettings } from './types.js';

export interface ProtocolOptions {
  /**
   * The password, or how to have it once a login is needed: with a kept session a run may need none, and a
   * passwordCommand (gpg, a keyring) or a question is then not run at all.
   */
  password: string | (() => Promise<string>);
  userAgent: string;
  env?: Record<string, string | undefined>;
  /** Where the server session is kept between runs (the cache's sync state); none: a login per run. */
  session?: SessionKeeper;
  /** Timeouts shorter than a sync's (a logout that should not keep `sync off` waiting long). */
  limits?: Partial<FetchLimits>;
}

export function createProtocol(settings: SyncSettings, options: ProtocolOptions): SyncProtocol {
  switch (settings.type) {
    case 'ttrss':
      return new TtrssProtocol(settings, options);
  }
}

/** Whose ids the cache's sync tables hold: another server or user starts them afresh. */
export function syncAccount(s: SyncSettings): string {
  return `${s.type} ${s.url} ${s.user}`;
}

/**
 * The server session of `settings`' account, kept in the cache's sync state: a session saved for another
 * server or user is never handed out (it would be sent to a server it does not belong to).
 */
export function keptSession(cache: Pick<SyncCache, 'syncState' | 'setSyncState'>, settings: SyncSettings): SessionKeeper {
  const account = syncAccount(settings);
  return {
    load: () => {
      const kept = cache.syncState().session;
      return kept !== null && kept.account === account ? kept.value : null;
    },
    save: (value) => cache.setSyncState({ session: value === null ? null : { account, value } }),
  };
}

const PASSWORD_COMMAND_MS = 60_000;

/**
 * Runs the passwordCommand (argv, no shell) for the first line of its output. With `terminal`, its stdin and
 * stderr are the terminal's, so a program that asks its own question (gpg's pinentry, a prompt) can, and its
 * own error shows; without (the reader holds the terminal), it gets neither.
 */
function runPasswordCommand(argv: string[], terminal = true): Promise<string> {
  const [cmd, ...args] = argv as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const fail = (why: 'missing' | 'timeout' | 'exit' | 'empty', code = 0): void =>
      reject(new SyncError(problem('errSyncPasswordCommand', sanitizeLine(cmd), why, code)));
    let out = '';
    let timedOut = false;
    const child = spawn(cmd, args, { shell: false, stdio: terminal ? ['inherit', 'pipe', 'inherit'] : ['ignore', 'pipe', 'ignore'], windowsHide: true });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, PASSWORD_COMMAND_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // only the first line is wanted: a program that goes on printing is not read into memory
      if (out.length < 64 * 1024) out += chunk;
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT' || error.code === 'EACCES') fail('missing');
      else fail('exit', 1);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return fail('timeout', PASSWORD_COMMAND_MS / 1000);
      if (code !== 0) return fail('exit', code ?? 1);
      const line = out.split(/\r?\n/)[0] ?? '';
      if (line === '') return fail('empty');
      resolve(line);
    });
  });
}

/**
 * The password: CYBERREAD_SYNC_PASSWORD, else the output of passwordCommand, else `ask` (a prompt on the
 * terminal, when there is one). Throws SyncError when none gives one.
 */
export async function syncPassword(
  settings: SyncSettings,
  env: Record<string, string | undefined>,
  ask?: () => Promise<string | null>,
): Promise<string> {
  const fromEnv = env.CYBERREAD_SYNC_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (settings.passwordCommand !== undefined) return runPasswordCommand(settings.passwordCommand);
  const typed = ask === undefined ? null : await ask();
  if (typed !== null) return typed;
  throw new SyncError(problem('errSyncNoPassword', settings.user, settings.url));
}

/**
 * The password as the reader has it. The reader holds the terminal, so nothing is asked on it while it runs:
 * a login that needs a password it does not have fails with errSyncNeedPassword, which the reader shows in its
 * status line (its refresh key opens a prompt in the status line, and `give` hands over what is typed), while
 * the cache reads on. Nothing runs before a login is needed: with a kept session, often none is.
 */
export interface ReaderPassword {
  /** What the protocol calls when it has to log in. Throws SyncError (errSyncNeedPassword, or the command's). */
  password(): Promise<string>;
  /** The password typed in the reader: used from the next login on, kept in memory only. */
  give(password: string): void;
  /**
   * A sync failed: when the server refused a password typed or given by the passwordCommand, it is forgotten and
   * the failure becomes errSyncNeedPassword (with that refusal as its reason), so the reader asks for another.
   * Returns the error to tell.
   */
  failed(error: SyncError): SyncError;
  /**
   * Before the reader takes the terminal, when a login is certain (no session kept): runs the passwordCommand
   * with the terminal, so that a program that asks its own question (gpg's pinentry) can.
   */
  beforeReader(): Promise<void>;
}

export function readerPassword(settings: SyncSettings, env: Record<string, string | undefined>): ReaderPassword {
  let have: string | null = null;
  /** Why the last password went wrong ('' for none yet); the command is not run again after it did. */
  let why: Problem | '' = '';
  let commandDone = false;
  const fromEnv = (): string | null => {
    const v = env.CYBERREAD_SYNC_PASSWORD;
    return v !== undefined && v !== '' ? v : null;
  };
  const waiting = (): SyncError => new SyncError(problem('errSyncNeedPassword', settings.user, settings.url, why));
  return {
    async password() {
      const set = fromEnv();
      if (set !== null) return set;
      if (have !== null) return have;
      if (settings.passwordCommand !== undefined && !commandDone) {
        commandDone = true;
        try {
          have = await runPasswordCommand(settings.passwordCommand, false);
          return have;
        } catch (error) {
          if (!(error instanceof SyncError)) throw error;
          why = error.problem;
        }
      }
      throw waiting();
    },
    give(password) {
      have = password;
    },
    async beforeReader() {
      if (fromEnv() !== null || settings.passwordCommand === undefined || commandDone || have !== null) return;
      commandDone = true;
      try {
        have = await runPasswordCommand(settings.passwordCommand, true);
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        why = error.problem;
      }
    },
    failed(error) {
      if (error.problem.key !== 'errSyncLogin' || fromEnv() !== null || have === null) return error;
      have = null;
      commandDone = true;
      why = error.problem;
      return waiting();
    },
  };
}

/** One sync run with its own connection, closed afterwards. Throws SyncError. */
export async function syncOnce(
  settings: SyncSettings,
  deps: SyncDeps,
  options: ProtocolOptions & { onProgress?: (stored: number) => void },
): Promise<SyncReport> {
  const protocol = createProtocol(settings, { ...options, session: keptSession(deps.cache, settings) });
  try {
    return await runSync(deps, protocol, { account: syncAccount(settings), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } finally {
    await protocol.close();
  }
}

/** Logs in and checks the server (what `sync setup` does before it saves anything). Throws SyncError. */
export async function checkServer(settings: SyncSettings, options: ProtocolOptions): Promise<{ apiLevel: number | null; feeds: number }> {
  const protocol = createProtocol(settings, options);
  try {
    const { apiLevel } = await protocol.connect();
    const feeds = await protocol.feeds();
    return { apiLevel, feeds: feeds.length };
  } finally {
    await protocol.close();
  }
}

/** How long `sync off` waits for the server to end a session: a best effort, not worth a sync's patience. */
const LOGOUT_MS = 5_000;

/**
 * Ends a kept server session (`value` as the cache kept it) on the server, as `sync off` does once it has
 * forgotten it here: no login, no password. False when `value` is not a session this code kept. Throws
 * SyncError when the server cannot be reached or refuses.
 */
export async function endSession(settings: SyncSettings, value: string, options: Omit<ProtocolOptions, 'password' | 'session' | 'limits'>): Promise<boolean> {
  const env = options.env ?? process.env;
  const own = { ...DEFAULT_LIMITS, ...timeoutLimits(env) };
  const limits = { connectTimeoutMs: Math.min(own.connectTimeoutMs, LOGOUT_MS), firstByteTimeoutMs: Math.min(own.firstByteTimeoutMs, LOGOUT_MS) };
  // never logs in: without a password the protocol cannot, and a session it cannot read is not sent
  const protocol = createProtocol(settings, {
    ...options,
    password: () => Promise.reject(new SyncError(problem('errSyncNoPassword', settings.user, settings.url))),
    session: { load: () => value, save: () => undefined },
    limits,
  });
  try {
    return await protocol.logout();
  } finally {
    await protocol.close();
  }
}

/** The queued subscription changes, sent now with a connection of their own. Throws SyncError. */
export async function sendSubscriptions(
  settings: SyncSettings,
  cache: SyncCache,
  options: ProtocolOptions,
): Promise<Pick<SyncReport, 'subscribed' | 'unsubscribed' | 'refused'>> {
  const protocol = createProtocol(settings, { ...options, session: keptSession(cache, settings) });
  try {
    return await runSubscriptions(cache, protocol);
  } finally {
    await protocol.close();
  }
}
