import { spawn as nodeSpawn } from 'node:child_process';
import type { NotifyKind } from './config.js';
import { messages, type UiLang } from './i18n/index.js';
import { bound, sanitizeLine } from './sanitize.js';

/**
 * Telling the user that new articles arrived while the reader is open (settings `notify`, off by default):
 * a terminal bell, an OSC 9 desktop notification (iTerm2, kitty, WezTerm, Windows Terminal), or a program
 * run as argv (`notifyCommand`) with the message as its last argument — never through a shell. The message
 * comes from the message table; the one piece of feed text in it, a title, is one sanitised line, with
 * nothing a terminal or a program could read as a control, cut to a length a notification shows.
 */

export interface NotifyDeps {
  /** Writes to the terminal (the bell, OSC 9). */
  write(data: string): void;
  spawn?: typeof nodeSpawn;
}

export type NotifyResult = { ok: true } | { ok: false; message: string };

const MAX_TITLE = 120;

/**
 * "cyberread: 3 new articles — <title>", one clean line in the interface language `lang`. The articles
 * counted and the title are of `edition` (all editions when undefined); when that is not the interface's
 * own edition it is named ("3 new articles in ENG"), as the status line names it.
 */
export function notificationText(count: number, title: string | null, lang: UiLang, edition?: UiLang): string {
  const m = messages(lang);
  const said = edition === undefined || edition === lang ? m.notifyNew(count) : m.notifyNewIn(count, edition === 'id' ? m.langShortId : m.langShortEn);
  // sanitizeLine leaves no C0/C1 control, no ESC or BEL to end an OSC early, no bidi override
  const t = title === null ? '' : bound(sanitizeLine(title), MAX_TITLE);
  return t === '' ? said : `${said} — ${t}`;
}

/** The bytes written for the terminal kinds; null for `command`. */
export function notificationSequence(kind: NotifyKind, text: string): string | null {
  if (kind === 'bell') return '\u0007';
  if (kind === 'osc9') return `\u001b]9;${sanitizeLine(text)}\u0007`;
  return null;
}

export function notify(
  kind: NotifyKind,
  o: { text: string; command?: readonly string[]; lang: UiLang },
  deps: NotifyDeps,
): Promise<NotifyResult> {
  const seq = notificationSequence(kind, o.text);
  if (seq !== null) {
    deps.write(seq);
    return Promise.resolve({ ok: true });
  }
  const m = messages(o.lang);
  const [cmd, ...args] = o.command ?? [];
  if (cmd === undefined) return Promise.resolve({ ok: false, message: m.notifyNoCommand });
  const spawn = deps.spawn ?? nodeSpawn;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: NotifyResult): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    try {
      const child = spawn(cmd, [...args, sanitizeLine(o.text)], { shell: false, detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', (err: NodeJS.ErrnoException) => {
        done({ ok: false, message: m.notifyFailed(sanitizeLine(cmd), err.code === 'ENOENT' ? m.notifyNotFound : sanitizeLine(err.message)) });
      });
      child.once('spawn', () => {
        child.unref();
        done({ ok: true });
      });
    } catch (err) {
      done({ ok: false, message: m.notifyFailed(sanitizeLine(cmd), sanitizeLine(err instanceof Error ? err.message : String(err))) });
    }
  });
}
