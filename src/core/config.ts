import Conf from 'conf';
import { mkdirSync } from 'node:fs';
import { refuseFeedUrl } from './opml.js';
import { bound, sanitizeLine } from './sanitize.js';
import { isValidTimeZone } from './i18n/dates.js';
import type { Edition, FeedConfig } from './types.js';

/** Everything cyberread remembers between runs that is not the article cache. */
export interface Settings {
  feeds: FeedConfig[];
  /** UI language chosen with L (also selects the edition listed). */
  lang?: Edition;
  /** IANA zone for posting times; default: the system zone. */
  timeZone?: string;
  refreshIntervalMinutes: number;
  concurrency: number;
  perHost: number;
  lastRefreshAt?: string;
  /** How the reader tells that new articles arrived: off when absent. */
  notify?: NotifyKind;
  /** argv of the program `notify: "command"` runs; the message is added as its last argument. */
  notifyCommand?: string[];
  /** argv of the program that opens enclosures (podcasts, videos); the URL is added as its last argument. */
  player?: string[];
}

export const NOTIFY_KINDS = ['bell', 'osc9', 'command'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export const DEFAULT_SETTINGS: Omit<Settings, 'feeds'> = {
  refreshIntervalMinutes: 30,
  concurrency: 8,
  perHost: 2,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const KNOWN_KEYS = new Set([
  'feeds', 'lang', 'timeZone', 'refreshIntervalMinutes', 'concurrency', 'perHost', 'lastRefreshAt', 'notify', 'notifyCommand', 'player',
]);

/** A program as argv: a non-empty list of one-line strings, the first naming the program. Never a shell line. */
function isArgv(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 64 &&
    value.every((a) => typeof a === 'string' && a.length <= 4096 && !/[\u0000-\u001f\u007f]/.test(a)) &&
    (value[0] as string).trim() !== ''
  );
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function describeFsError(error: unknown, path: string, action: string): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `Cannot ${action} ${path}: permission denied. Check the directory's permissions or use --home DIR.`;
  }
  if (code === 'ENOSPC') return `Cannot ${action} ${path}: the disk is full. Free some space and try again.`;
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return `Cannot ${action} ${path}: a file stands where a directory is needed. Move it away or use --home DIR.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Cannot ${action} ${path}: ${message}.`;
}

function isFeedConfig(value: unknown): value is FeedConfig {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.url === 'string' &&
    v.url.length > 0 &&
    (v.title === undefined || typeof v.title === 'string') &&
    (v.lang === undefined || typeof v.lang === 'string') &&
    (v.tags === undefined || (Array.isArray(v.tags) && v.tags.every((t) => typeof t === 'string')))
  );
}

/** Text from the settings file quoted back to the user: one line, no escapes, not a page long. */
function quote(text: string): string {
  return bound(sanitizeLine(text), 80);
}

class NotAnObject extends Error {}

/**
 * JSON.parse, accepting the byte-order mark some Windows editors write, and insisting on an object: conf
 * would silently turn `null`, `[…]` or `"x"` into an empty or index-keyed store and then overwrite the file.
 */
function deserialize(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NotAnObject(value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);
  }
  return value as Record<string, unknown>;
}

function positiveInt(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max;
}

/**
 * A typed view of conf's JSON file. Reading never throws for bad content: wrong types and unknown keys
 * fall back to defaults and are reported in `warnings`; only an unreadable file or invalid JSON is an error,
 * since silently replacing it would lose the user's feed list.
 */
export class Config {
  readonly path: string;
  readonly warnings: string[] = [];
  readonly #conf: Conf<Record<string, unknown>>;
  #settings: Settings;
  readonly #isNew: boolean;

  constructor(configDir: string, defaultFeeds: FeedConfig[] = []) {
    try {
      mkdirSync(configDir, { recursive: true });
    } catch (error) {
      throw new ConfigError(describeFsError(error, configDir, 'create the settings directory'));
    }
    try {
      this.#conf = new Conf<Record<string, unknown>>({ projectName: 'cyberread', cwd: configDir, configName: 'config', deserialize });
    } catch (error) {
      const path = `${configDir}/config.json`;
      if (error instanceof SyntaxError) {
        // V8 quotes the file's text in its message, and that text may hold anything.
        throw new ConfigError(`The settings file ${path} is not valid JSON (${quote(error.message)}). Fix it or move it away to start with fresh settings.`);
      }
      if (error instanceof NotAnObject) {
        throw new ConfigError(`The settings file ${path} holds ${error.message} instead of an object such as {"feeds": []}. Fix it or move it away to start with fresh settings.`);
      }
      throw new ConfigError(describeFsError(error, path, 'read the settings file'));
    }
    this.path = this.#conf.path;
    const raw = this.#conf.store;
    this.#isNew = !Array.isArray(raw.feeds) && Object.keys(raw).length === 0;
    this.#settings = this.#validate(raw, defaultFeeds);
  }

  /** True when no settings file existed: the first run. */
  get isNew(): boolean {
    return this.#isNew;
  }

  get settings(): Readonly<Settings> {
    return this.#settings;
  }

  #validate(raw: Record<string, unknown>, defaultFeeds: FeedConfig[]): Settings {
    const s: Settings = { feeds: [], ...DEFAULT_SETTINGS };
    for (const key of Object.keys(raw)) {
      if (!KNOWN_KEYS.has(key)) this.warnings.push(`Ignoring unknown setting "${quote(key)}" in ${this.path}.`);
    }
    if (raw.feeds === undefined) {
      s.feeds = defaultFeeds.map((f) => ({ ...f }));
    } else if (Array.isArray(raw.feeds)) {
      raw.feeds.forEach((f, i) => {
        if (!isFeedConfig(f)) {
          this.warnings.push(`Ignoring feed #${i + 1} in ${this.path}: it needs a "url" string.`);
          return;
        }
        // The same rule as `feeds add` and OPML import: a hand-edited exec:, javascript: … never reaches a fetch.
        const refusal = refuseFeedUrl(f.url);
        if (refusal === null) s.feeds.push(f);
        else this.warnings.push(`Ignoring feed #${i + 1} (${quote(f.url)}) in ${this.path}: ${refusal}.`);
      });
    } else {
      this.warnings.push(`Ignoring "feeds" in ${this.path}: it must be a list.`);
    }
    if (raw.lang !== undefined) {
      if (raw.lang === 'id' || raw.lang === 'en') s.lang = raw.lang;
      else this.warnings.push(`Ignoring "lang" in ${this.path}: it must be "id" or "en".`);
    }
    if (raw.timeZone !== undefined) {
      if (typeof raw.timeZone === 'string' && isValidTimeZone(raw.timeZone)) s.timeZone = raw.timeZone;
      else this.warnings.push(`Ignoring "timeZone" in ${this.path}: it must be an IANA zone such as "Asia/Jakarta".`);
    }
    const ints: [keyof Settings & ('refreshIntervalMinutes' | 'concurrency' | 'perHost'), number][] = [
      ['refreshIntervalMinutes', 24 * 60 * 30],
      ['concurrency', 64],
      ['perHost', 16],
    ];
    for (const [key, max] of ints) {
      const v = raw[key];
      if (v === undefined) continue;
      if (positiveInt(v, max)) s[key] = v;
      else this.warnings.push(`Ignoring "${key}" in ${this.path}: it must be a whole number from 1 to ${max}.`);
    }
    for (const key of ['notifyCommand', 'player'] as const) {
      const v = raw[key];
      if (v === undefined) continue;
      if (isArgv(v)) s[key] = v;
      else this.warnings.push(`Ignoring "${key}" in ${this.path}: it must be a list of words such as ["notify-send", "cyberread"], the program first.`);
    }
    if (raw.notify !== undefined) {
      if (raw.notify === 'command' && s.notifyCommand === undefined) {
        this.warnings.push(`Ignoring "notify" in ${this.path}: "command" needs "notifyCommand", such as ["notify-send", "cyberread"].`);
      } else if (typeof raw.notify === 'string' && (NOTIFY_KINDS as readonly string[]).includes(raw.notify)) s.notify = raw.notify as NotifyKind;
      else this.warnings.push(`Ignoring "notify" in ${this.path}: it must be "bell", "osc9" or "command".`);
    }
    if (typeof raw.lastRefreshAt === 'string' && !Number.isNaN(Date.parse(raw.lastRefreshAt))) s.lastRefreshAt = raw.lastRefreshAt;
    return s;
  }

  /** Writes one setting (and the feed list, so a first run's defaults become the user's own). */
  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.#settings = { ...this.#settings, [key]: value };
    try {
      if (!Array.isArray(this.#conf.get('feeds'))) this.#conf.set('feeds', this.#settings.feeds);
      if (value === undefined) this.#conf.delete(key);
      else this.#conf.set(key, value);
    } catch (error) {
      throw new ConfigError(describeFsError(error, this.path, 'write the settings file'));
    }
  }

  addFeed(feed: FeedConfig): boolean {
    if (this.#settings.feeds.some((f) => f.url === feed.url)) return false;
    this.set('feeds', [...this.#settings.feeds, feed]);
    return true;
  }

  /** Changes one subscription's title, language or tags (undefined in `patch` takes that field away). */
  updateFeed(url: string, patch: Partial<Omit<FeedConfig, 'url'>>): boolean {
    const at = this.#settings.feeds.findIndex((f) => f.url === url);
    if (at < 0) return false;
    const next: FeedConfig = { ...(this.#settings.feeds[at] as FeedConfig) };
    for (const [k, v] of Object.entries(patch) as [keyof Omit<FeedConfig, 'url'>, unknown][]) {
      if (v === undefined) delete next[k];
      else (next as unknown as Record<string, unknown>)[k] = v;
    }
    const feeds = [...this.#settings.feeds];
    feeds[at] = next;
    this.set('feeds', feeds);
    return true;
  }

  removeFeed(url: string): boolean {
    const feeds = this.#settings.feeds.filter((f) => f.url !== url);
    if (feeds.length === this.#settings.feeds.length) return false;
    this.set('feeds', feeds);
    return true;
  }
}
