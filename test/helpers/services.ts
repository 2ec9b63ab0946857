import { formatPosted, relativeTime } from '../../src/core/i18n/dates.js';
import { messages } from '../../src/core/i18n/index.js';
import { renderHtml } from '../../src/core/render/html.js';
import { displayWidth, truncate, wrap } from '../../src/core/render/text.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '../../src/core/config.js';
import { removeSubscription, renameSubscription, setSubscriptionFullText, setSubscriptionLang } from '../../src/core/subscriptions.js';
import type { FeedConfig, RefreshResult } from '../../src/core/types.js';
import type { RefreshProgress, UiServices } from '../../src/ui/services.js';

export interface TestServices extends UiServices {
  opened: string[];
  /** URLs given to openMedia (enclosures). */
  played: string[];
  /** The settings the feeds view changes: a real config.json in a temp dir. */
  config: Config;
  written: string[];
  savedLang: string[];
  /** Resolves the pending refresh, if one was started. */
  refreshCalls: number;
  /** The feeds each refresh was asked for (null: all). */
  refreshed: (string[] | null)[];
}

/** Real render/text/date code, a fixed clock and Jakarta time, and recorders for the outside effects. */
export function testServices(
  store: UiServices['store'],
  o: {
    lastRefreshAt?: string | null;
    refresh?: (onProgress: (p: RefreshProgress) => void, urls?: string[]) => Promise<RefreshResult[]>;
    /** The fixed clock; defaults to an afternoon after the newest sample article. */
    now?: string;
    /** Article pages; default: none is wanted and loading one gives nothing. */
    pages?: UiServices['pages'];
    /** The subscriptions; by default the feeds the cache holds, with their titles. */
    feeds?: FeedConfig[];
  } = {},
): TestServices {
  const configDir = mkdtempSync(join(tmpdir(), 'cyberread-ui-config-'));
  process.once('exit', () => rmSync(configDir, { recursive: true, force: true }));
  const config = new Config(configDir, []);
  config.set('feeds', o.feeds ?? store.listFeedStates().map((f) => (f.title ? { url: f.url, title: f.title } : { url: f.url })));
  const subs = { config, store };
  const now = new Date(o.now ?? '2026-11-28T08:00:00Z');
  const tz = 'Asia/Jakarta';
  const s: TestServices = {
    store,
    renderBody: (html, width, lang) => renderHtml(html, { width, imageLabel: messages(lang).imageLabel, footnotes: false }),
    formatPosted: (iso, lang) => formatPosted(iso, lang, tz),
    relativeTime: (iso, lang, compact) => relativeTime(iso, now, lang, tz, { compact }),
    displayWidth,
    truncate: (x, w) => truncate(x, w),
    wrap,
    refresh: (onProgress, urls) => {
      s.refreshCalls++;
      s.refreshed.push(urls ?? null);
      return o.refresh ? o.refresh(onProgress, urls) : Promise.resolve([]);
    },
    lastRefreshAt: () => (o.lastRefreshAt === undefined ? new Date(now.getTime() - 5 * 60_000).toISOString() : o.lastRefreshAt),
    refreshIntervalMinutes: 30,
    pages: o.pages ?? {
      get: (id) => store.getPage(id),
      wanted: () => false,
      load: () => Promise.resolve({ kind: 'none', error: { code: 'no-link' } }),
    },
    openUrl: (url) => {
      s.opened.push(url);
      return Promise.resolve({ ok: true });
    },
    openMedia: (url) => {
      s.played.push(url);
      return Promise.resolve({ ok: true });
    },
    feeds: {
      list: () => config.settings.feeds,
      add: (feed) => config.addFeed(feed),
      rename: (url, title) => renameSubscription(subs, url, title),
      setLang: (url, lang) => setSubscriptionLang(subs, url, lang),
      setFullText: (url, mode) => setSubscriptionFullText(subs, url, mode),
      remove: (url) => removeSubscription(subs, url),
    },
    config,
    views: () => config.settings.views,
    played: [],
    saveLang: (lang) => {
      s.savedLang.push(lang);
    },
    writeTerminal: (data) => {
      s.written.push(data);
    },
    now: () => now,
    opened: [],
    written: [],
    savedLang: [],
    refreshCalls: 0,
    refreshed: [],
  };
  return s;
}
