import Conf from 'conf';
import { mkdirSync, readFileSync } from 'node:fs';
import { refuseFeedUrl } from './opml.js';
import { bound, sanitizeLine } from './sanitize.js';
import { isValidTimeZone } from './i18n/dates.js';
import { explain, problem, ProblemError, type Problem } from './i18n/problem.js';
import type { UiLang } from './i18n/messages.js';
import { parseQuery } from './query/parse.js';
import type { QueryNode } from './query/ast.js';
import { writeSetting } from './settings-file.js';
import type { StorePolicy } from './store/store.js';
import { checkTheme, type ThemeSetting } from './theme.js';
import type { Edition, FeedConfig } from './types.js';
import { isFullTextMode } from './article/policy.js';
import { SYNC_TYPES, type SyncSettings, type SyncType } from './sync/types.js';

/** An ignore rule (killfile): `hide` keeps matches out of every list and count, `drop` never stores them. */
export interface IgnoreRule {
  query: string;
  mode: 'hide' | 'drop';
}

/** Retention: what a refresh keeps of each feed (starred articles always stay). */
export interface Retention {
  days?: number;
  perFeed?: number;
}

/** A saved query, listed at the top of the reader's feeds view and opened like a feed. */
export interface SavedView {
  name: string;
  query: string;
}

export const MAX_VIEW_NAME = 60;
const MAX_KEEP_DAYS = 36_500;
const MAX_KEEP_PER_FEED = 1_000_000;

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
  ignore: IgnoreRule[];
  keep: Retention;
  views: SavedView[];
  /** Colours: a theme's name or colours per role (theme.ts); the dark theme when absent. */
  theme?: ThemeSetting;
  /**
   * The user's keys: action name → keys, as written (a list of strings each). Which names and keys can be
   * used is the key table's to say (ui/keymap.ts resolveKeys, which reports the rest).
   */
  keys?: Record<string, string[]>;
  /** A server to sync with (Tiny Tiny RSS): where and as whom; never the password. */
  sync?: SyncSettings;
}

export const NOTIFY_KINDS = ['bell', 'osc9', 'command'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export const DEFAULT_SETTINGS: Omit<Settings, 'feeds'> = {
  refreshIntervalMinutes: 30,
  concurrency: 8,
  perHost: 2,
  ignore: [],
  keep: {},
  views: [],
};

/** The settings file cannot be read or written; `problem` tells why in the user's language. */
export class ConfigError extends ProblemError {
  override name = 'ConfigError';
}

const KNOWN_KEYS = new Set([
  'feeds', 'lang', 'timeZone', 'refreshIntervalMinutes', 'concurrency', 'perHost', 'lastRefreshAt', 'notify', 'notifyCommand', 'player',
  'ignore', 'keep', 'views', 'theme', 'keys', 'sync',
]);

/** A query of a setting (an ignore rule, a view), read as the reader reads what is typed. */
export function settingQuery(text: string): QueryNode | null {
  const r = parseQuery(text);
  return r.ok ? r.node : null;
}

/** What the settings ask of the cache: the ignore rules and retention limits, days in `timeZone`. */
export function storePolicy(s: Pick<Settings, 'ignore' | 'keep'>, timeZone: string): StorePolicy {
  const hide: QueryNode[] = [];
  const drop: StorePolicy['drop'] = [];
  for (const rule of s.ignore) {
    const node = settingQuery(rule.query);
    if (node === null) continue;
    if (rule.mode === 'drop') drop.push({ rule: rule.query, node });
    else hide.push(node);
  }
  return { hide, drop, keep: { ...s.keep }, timeZone };
}

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

/** A sync server's address: http(s) with a host, no credentials in it (they would land in config.json). */
export function isServerUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** What went wrong when the settings file (or its directory) was created, read or written. */
function describeFsError(error: unknown, path: string, action: 'mkdir' | 'read' | 'write'): Problem {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return problem('errSettingsDenied', action, path);
  if (code === 'ENOSPC') return problem('errSettingsDiskFull', action, path);
  if (code === 'ENOTDIR' || code === 'EEXIST') return problem('errSettingsNotDir', action, path);
  const message = error instanceof Error ? error.message : String(error);
  return problem('errSettingsFs', action, path, message);
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
    throw new NotAnObject(value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);
  }
  return value as Record<string, unknown>;
}

function positiveInt(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max;
}

/**
 * A typed view of conf's JSON file. Reading never throws for bad content: wrong types and unknown keys
 * fall back to defaults and are reported in `problems`; only an unreadable file or invalid JSON is an error,
 * since silently replacing it would lose the user's feed list.
 */
export class Config {
  readonly path: string;
  /** What could not be used, each in one sentence (English). */
  /** Settings that cannot be used, as problems: warningsIn() tells them in a language. */
  readonly problems: Problem[] = [];

  /** The same in English (for logs and tests). */
  get warnings(): string[] {
    return this.warningsIn('en');
  }
  readonly #conf: Conf<Record<string, unknown>>;
  #settings: Settings;
  readonly #isNew: boolean;

  constructor(configDir: string, defaultFeeds: FeedConfig[] = []) {
    try {
      mkdirSync(configDir, { recursive: true });
    } catch (error) {
      throw new ConfigError(describeFsError(error, configDir, 'mkdir'));
    }
    try {
      this.#conf = new Conf<Record<string, unknown>>({ projectName: 'cyberread', cwd: configDir, configName: 'config', deserialize });
    } catch (error) {
      const path = `${configDir}/config.json`;
      if (error instanceof SyntaxError) {
        // V8 quotes the file's text in its message, and that text may hold anything.
        throw new ConfigError(problem('errSettingsJson', path, quote(error.message)));
      }
      if (error instanceof NotAnObject) {
        throw new ConfigError(problem('errSettingsNotObject', path, error.message));
      }
      throw new ConfigError(describeFsError(error, path, 'read'));
    }
    this.path = this.#conf.path;
    const raw = this.#conf.store;
    this.#isNew = !Array.isArray(raw.feeds) && Object.keys(raw).length === 0;
    this.#settings = this.#validate(raw, defaultFeeds);
  }

  /** Every warning, one sentence each, in `lang` where it has words in the message tables. */
  warningsIn(lang: UiLang): string[] {
    return this.problems.map((p) => explain(p, lang));
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
      if (!KNOWN_KEYS.has(key)) this.problems.push(problem('errSettingUnknown', quote(key), this.path));
    }
    if (raw.feeds === undefined) {
      s.feeds = defaultFeeds.map((f) => ({ ...f }));
    } else if (Array.isArray(raw.feeds)) {
      raw.feeds.forEach((f, i) => {
        if (!isFeedConfig(f)) {
          this.problems.push(problem('errSettingFeedNoUrl', i + 1, this.path));
          return;
        }
        // The same rule as `feeds add` and OPML import: a hand-edited exec:, javascript: … never reaches a fetch.
        const refusal = refuseFeedUrl(f.url);
        if (refusal === null && f.fullText !== undefined && !isFullTextMode(f.fullText)) {
          // A bad mode costs the feed its setting, not its subscription.
          this.problems.push(problem('errSettingFeedFullText', i + 1, this.path));
          const { fullText: _dropped, ...rest } = f;
          s.feeds.push(rest);
          return;
        }
        if (refusal === null) s.feeds.push(f);
        else this.problems.push(problem('errSettingFeedRefused', i + 1, quote(f.url), this.path, refusal));
      });
    } else {
      this.problems.push(problem('errSettingNotList', 'feeds', this.path));
    }
    if (raw.lang !== undefined) {
      if (raw.lang === 'id' || raw.lang === 'en') s.lang = raw.lang;
      else this.problems.push(problem('errSettingLang', this.path));
    }
    if (raw.timeZone !== undefined) {
      if (typeof raw.timeZone === 'string' && isValidTimeZone(raw.timeZone)) s.timeZone = raw.timeZone;
      else this.problems.push(problem('errSettingTimeZone', this.path));
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
      else this.problems.push(problem('errSettingNumber', key, this.path, max));
    }
    for (const key of ['notifyCommand', 'player'] as const) {
      const v = raw[key];
      if (v === undefined) continue;
      if (isArgv(v)) s[key] = v;
      else this.problems.push(problem('errSettingArgv', key, this.path));
    }
    if (raw.notify !== undefined) {
      if (raw.notify === 'command' && s.notifyCommand === undefined) {
        this.problems.push(problem('errSettingNotifyCommand', this.path));
      } else if (typeof raw.notify === 'string' && (NOTIFY_KINDS as readonly string[]).includes(raw.notify)) s.notify = raw.notify as NotifyKind;
      else this.problems.push(problem('errSettingNotify', this.path));
    }
    if (typeof raw.lastRefreshAt === 'string' && !Number.isNaN(Date.parse(raw.lastRefreshAt))) s.lastRefreshAt = raw.lastRefreshAt;
    s.ignore = this.#queries(raw.ignore, 'ignore', (v, n) => {
      const mode = v.mode ?? 'hide';
      if (mode === 'hide' || mode === 'drop') return { query: v.query, mode };
      this.problems.push(problem('errSettingIgnoreMode', n, this.path, quote(String(mode))));
      return null;
    });
    const names = new Set<string>();
    s.views = this.#queries(raw.views, 'views', (v, n) => {
      const name = typeof v.name === 'string' ? sanitizeLine(v.name) : '';
      if (name === '' || name.length > MAX_VIEW_NAME) {
        this.problems.push(problem('errSettingViewName', n, this.path, MAX_VIEW_NAME));
        return null;
      }
      if (names.has(name.toLowerCase())) {
        this.problems.push(problem('errSettingViewTwice', n, this.path, quote(name)));
        return null;
      }
      names.add(name.toLowerCase());
      return { name, query: v.query };
    });
    s.keep = this.#retention(raw.keep);
    const keys = this.#keys(raw.keys);
    if (keys !== undefined) s.keys = keys;
    const theme = checkTheme(raw.theme);
    if (theme.setting !== undefined) s.theme = theme.setting;
    for (const p of theme.problems) {
      if (p.kind === 'shape') this.problems.push(problem('errSettingThemeShape', this.path));
      else if (p.kind === 'name') this.problems.push(problem('errSettingThemeName', this.path, quote(p.value)));
      else if (p.kind === 'role') this.problems.push(problem('errSettingThemeRole', this.path, quote(p.role)));
      else this.problems.push(problem('errSettingThemeColor', this.path, quote(p.role), quote(p.value)));
    }
    const sync = this.#sync(raw.sync);
    if (sync !== undefined) s.sync = sync;
    return s;
  }

  #sync(value: unknown): SyncSettings | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.problems.push(problem('errSettingSync', this.path));
      return undefined;
    }
    const v = value as Record<string, unknown>;
    // a password typed into the settings file is refused loudly, never used: the file is not a secret store
    if (v.password !== undefined) this.problems.push(problem('errSettingSyncPassword', this.path));
    const type = typeof v.type === 'string' && (SYNC_TYPES as readonly string[]).includes(v.type) ? (v.type as SyncType) : null;
    const url = typeof v.url === 'string' && isServerUrl(v.url) ? v.url : null;
    const user = typeof v.user === 'string' && v.user !== '' && !/[\u0000-\u001f\u007f]/.test(v.user) ? v.user : null;
    const command = v.passwordCommand === undefined ? undefined : isArgv(v.passwordCommand) ? v.passwordCommand : null;
    if (type === null || url === null || user === null || command === null) {
      this.problems.push(problem('errSettingSync', this.path));
      return undefined;
    }
    return { type, url, user, ...(command === undefined ? {} : { passwordCommand: command }) };
  }

  /** Sets up sync (or turns it off, with undefined): only the "sync" key of the file changes. */
  setSync(sync: SyncSettings | undefined): void {
    const { sync: _old, ...rest } = this.#settings;
    this.#settings = sync === undefined ? rest : { ...rest, sync };
    this.#write('sync', sync);
  }

  /**
   * A list of objects with a "query" (ignore rules, views): each entry checked alone, so one that cannot be
   * used is reported (which entry, why) and the others still apply.
   */
  #queries<T>(value: unknown, key: 'ignore' | 'views', make: (v: { query: string; mode?: unknown; name?: unknown }, n: number) => T | null): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problems.push(problem('errSettingNotList', key, this.path));
      return [];
    }
    const out: T[] = [];
    value.forEach((v: unknown, i) => {
      const n = i + 1;
      if (typeof v !== 'object' || v === null || typeof (v as { query?: unknown }).query !== 'string') {
        this.problems.push(problem(key === 'ignore' ? 'errSettingIgnoreShape' : 'errSettingViewShape', n, this.path));
        return;
      }
      const entry = v as { query: string; mode?: unknown; name?: unknown };
      const r = parseQuery(entry.query);
      if (!r.ok) {
        this.problems.push(problem('errSettingQuery', key, n, this.path, r.problem.code, r.problem.column, r.problem.token));
        return;
      }
      if (r.node === null) {
        // an empty ignore rule would hide everything; an empty view is every article, which the list already is
        this.problems.push(problem('errSettingEmptyQuery', key, n, this.path));
        return;
      }
      const made = make(entry, n);
      if (made !== null) out.push(made);
    });
    return out;
  }

  /** The shape of "keys" (an object of lists of strings), each action checked alone. */
  #keys(value: unknown): Record<string, string[]> | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(problem('errSettingKeysShape', this.path));
      return undefined;
    }
    const out: Record<string, string[]> = {};
    for (const [action, keys] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(keys) && keys.length <= 16 && keys.every((k) => typeof k === 'string' && k.length <= 32)) out[action] = keys as string[];
      else this.problems.push(problem('errSettingKeysList', this.path, quote(action)));
    }
    return out;
  }

  #retention(value: unknown): Retention {
    if (value === undefined) return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(problem('errSettingKeepShape', this.path));
      return {};
    }
    const v = value as Record<string, unknown>;
    const out: Retention = {};
    for (const [field, max] of [['days', MAX_KEEP_DAYS], ['perFeed', MAX_KEEP_PER_FEED]] as const) {
      if (v[field] === undefined) continue;
      if (positiveInt(v[field], max)) out[field] = v[field];
      else this.problems.push(problem('errSettingKeepNumber', field, this.path, max));
    }
    for (const field of Object.keys(v)) {
      if (field !== 'days' && field !== 'perFeed') this.problems.push(problem('errSettingKeepShape', this.path));
    }
    return out;
  }

  /** The top-level value of `key` as the file holds it now (what a hand edit wrote, usable or not). */
  #rawValue(key: string): unknown {
    try {
      return deserialize(readFileSync(this.path, 'utf8'))[key];
    } catch {
      return undefined;
    }
  }

  /**
   * Writes one setting (and the feed list, so a first run's defaults become the user's own). Only that key's
   * text in the file changes: the rest of a hand-written file (unknown keys, its layout) stays as it was.
   */
  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.#settings = { ...this.#settings, [key]: value };
    this.#write(key, value);
  }

  #write(key: string, value: unknown): void {
    try {
      if (key !== 'feeds' && !Array.isArray(this.#rawValue('feeds'))) writeSetting(this.path, 'feeds', this.#settings.feeds);
      writeSetting(this.path, key, value);
    } catch (error) {
      if (error instanceof SyntaxError) throw new ConfigError(problem('errSettingsChanged', this.path));
      throw new ConfigError(describeFsError(error, this.path, 'write'));
    }
  }

  /**
   * Adds a saved view, or replaces the query of the one with that name (any case). Entries of the file's
   * "views" that cyberread could not use are kept as they are. Returns false when it replaced one.
   */
  saveView(view: SavedView): boolean {
    const raw = this.#rawValue('views');
    const list = Array.isArray(raw) ? [...(raw as unknown[])] : [];
    const same = (v: unknown): boolean =>
      typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' && sanitizeLine((v as { name: string }).name).toLowerCase() === view.name.toLowerCase();
    const at = list.findIndex(same);
    if (at >= 0) list[at] = { ...(list[at] as object), name: view.name, query: view.query };
    else list.push({ name: view.name, query: view.query });
    const views = this.#settings.views.filter((v) => v.name.toLowerCase() !== view.name.toLowerCase());
    views.splice(at >= 0 ? Math.min(at, views.length) : views.length, 0, view);
    this.#settings = { ...this.#settings, views };
    this.#write('views', list);
    return at < 0;
  }

  /**
   * Adds an ignore rule, or changes the mode of the rule with the same query. Entries of the file's "ignore"
   * that cyberread could not use are kept as they are. Returns what happened.
   */
  saveIgnoreRule(rule: IgnoreRule): 'added' | 'changed' | 'same' {
    const query = rule.query.trim();
    const old = this.#settings.ignore.find((r) => r.query.trim() === query);
    if (old?.mode === rule.mode) return 'same';
    const raw = this.#rawValue('ignore');
    const list = Array.isArray(raw) ? [...(raw as unknown[])] : [];
    const at = list.findIndex((v) => typeof v === 'object' && v !== null && typeof (v as { query?: unknown }).query === 'string' && (v as { query: string }).query.trim() === query);
    if (at >= 0) list[at] = { ...(list[at] as object), query, mode: rule.mode };
    else list.push({ query, mode: rule.mode });
    const ignore = old === undefined ? [...this.#settings.ignore, { query, mode: rule.mode }] : this.#settings.ignore.map((r) => (r === old ? { query, mode: rule.mode } : r));
    this.#settings = { ...this.#settings, ignore };
    this.#write('ignore', list);
    return old === undefined ? 'added' : 'changed';
  }

  /** Removes the ignore rule with exactly this query; false when there is none. */
  removeIgnoreRule(query: string): boolean {
    const q = query.trim();
    if (!this.#settings.ignore.some((r) => r.query.trim() === q)) return false;
    const raw = this.#rawValue('ignore');
    const list = (Array.isArray(raw) ? (raw as unknown[]) : []).filter(
      (v) => !(typeof v === 'object' && v !== null && typeof (v as { query?: unknown }).query === 'string' && (v as { query: string }).query.trim() === q),
    );
    this.#settings = { ...this.#settings, ignore: this.#settings.ignore.filter((r) => r.query.trim() !== q) };
    this.#write('ignore', list);
    return true;
  }

  /** Removes the saved view with that name (any case); false when there is none. */
  removeView(name: string): boolean {
    const key = sanitizeLine(name).toLowerCase();
    if (!this.#settings.views.some((v) => v.name.toLowerCase() === key)) return false;
    const raw = this.#rawValue('views');
    const list = (Array.isArray(raw) ? (raw as unknown[]) : []).filter(
      (v) => !(typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' && sanitizeLine((v as { name: string }).name).toLowerCase() === key),
    );
    this.#settings = { ...this.#settings, views: this.#settings.views.filter((v) => v.name.toLowerCase() !== key) };
    this.#write('views', list);
    return true;
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
