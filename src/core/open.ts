import { spawn as nodeSpawn } from 'node:child_process';
import { messages, type UiLang } from './i18n/index.js';
import { UNSAFE_IN_URL } from './sanitize.js';

export type OpenResult = { ok: true } | { ok: false; message: string };

export interface OpenDeps {
  platform?: NodeJS.Platform;
  spawn?: typeof nodeSpawn;
  env?: Record<string, string | undefined>;
  lang?: UiLang;
  /** A program as argv to open the URL with instead of the browser (the `player` setting, for enclosures). */
  program?: readonly string[];
}

/** http(s) only, no whitespace or control characters (UNSAFE_IN_URL) anywhere: the URL reaches another program as argv. */
export function checkOpenableUrl(url: string, lang: UiLang = 'en'): OpenResult {
  const m = messages(lang);
  if (UNSAFE_IN_URL.test(url) || /\s/.test(url)) return { ok: false, message: m.openBadChars };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: m.openOnlyHttp };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, message: m.openOnlyHttp };
  return { ok: true };
}

/** The opener command for a platform, as argv (never a shell string). */
export function openerArgv(url: string, platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  const browser = env.BROWSER?.split(':')[0]?.trim();
  if (browser) return [browser, url];
  if (platform === 'darwin') return ['open', url];
  if (platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler', url];
  return ['xdg-open', url];
}

/**
 * Opens an http(s) URL in the user's browser (or the given program, the URL its last argument). The opener runs detached, without a shell, with stdio
 * ignored, so nothing in the URL can be interpreted by a shell and the browser cannot draw into the TUI.
 */
export function openExternal(url: string, deps: OpenDeps = {}): Promise<OpenResult> {
  const lang = deps.lang ?? 'en';
  const checked = checkOpenableUrl(url, lang);
  if (!checked.ok) return Promise.resolve(checked);
  const argv = deps.program && deps.program.length > 0 ? [...deps.program, url] : openerArgv(url, deps.platform ?? process.platform, deps.env ?? process.env);
  const [cmd, ...args] = argv as [string, ...string[]];
  const spawn = deps.spawn ?? nodeSpawn;
  const m = messages(lang);
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: OpenResult): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    try {
      const child = spawn(cmd, args, { shell: false, detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', (err: NodeJS.ErrnoException) => {
        done({ ok: false, message: err.code === 'ENOENT' ? m.openNoOpener(cmd) : m.openFailedToStart(cmd, err.message) });
      });
      child.once('spawn', () => {
        child.unref();
        done({ ok: true });
      });
    } catch (err) {
      done({ ok: false, message: m.openFailedToStart(cmd, err instanceof Error ? err.message : String(err)) });
    }
  });
}
