import type { Theme } from '../core/theme.js';
import type { Keymap } from './keymap.js';
import type { ArticleStore } from '../core/store/store.js';
import type { ArticleQuery, Edition, FeedConfig, FullTextMode, RefreshResult, StoredArticle } from '../core/types.js';
import type { UiLang } from '../core/i18n/messages.js';
import type { PageResult } from '../core/article/full.js';
import type { StoredPage } from '../core/article/page.js';

/** One line of a rendered article body (src/core/render/html.ts). */
export interface BodyLine {
  text: string;
  style: 'text' | 'heading' | 'quote' | 'code' | 'list' | 'image' | 'rule' | 'blank' | 'footnote' | string;
}

export interface RefreshProgress {
  done: number;
  total: number;
  result?: RefreshResult;
}

/** The subscriptions (the settings' feeds) and what changes them: each change is written at once. */
export interface FeedAdmin {
  list(): readonly FeedConfig[];
  /** false when the URL is already subscribed. */
  add(feed: FeedConfig): boolean;
  /** An empty title gives the feed its own title back. false when the feed is not subscribed (any more). */
  rename(url: string, title: string): boolean;
  /** null: the language is detected per article. */
  setLang(url: string, lang: Edition | null): boolean;
  /** When the feed's article pages are fetched. false when the feed is not subscribed (any more). */
  setFullText(url: string, mode: FullTextMode): boolean;
  /** Unsubscribes; its cached articles go, starred ones stay. */
  remove(url: string): { removed: boolean; articles: number };
}

/** Everything the UI needs from the outside world; src/cli.tsx builds it, tests build a cheap real twin. */
/**
 * What a notification tells of a refresh: `added` articles of `edition` (every edition when undefined), the
 * newest titled `title`, told in the interface language `lang`. The edition is the one the list shows, which
 * is not the interface's when a feed of the other edition was opened from the feeds view.
 */
export interface NewArticlesNotice {
  added: number;
  lang: UiLang;
  edition: UiLang | undefined;
  title: string | null;
}

export interface UiServices {
  store: ArticleStore & { unreadCount(q: ArticleQuery): number };
  /** Article HTML → terminal lines of at most `width` cells plus the [n] link list (drawn by the reader,
   *  so renderHtml runs with footnotes: false). Images are labelled with messages(lang).imageLabel.
   *  `hashtags`: those of a closing line of hashtags, left out of `lines` (the reader has its tag line). */
  renderBody(html: string, width: number, lang: UiLang): { lines: BodyLine[]; links: string[]; hashtags?: string[] };
  /** "Sabtu, 16 November 2019 - 12:59 WIB" in the configured time zone. */
  formatPosted(iso: string, lang: UiLang): string;
  /** "5 menit lalu" / "5m"; `now` is read by the implementation. */
  relativeTime(iso: string | null, lang: UiLang, compact: boolean): string;
  /** Terminal cells of a string (CJK and emoji take two). */
  displayWidth(s: string): number;
  /** Cut to at most `width` cells, with "…" when cut. */
  truncate(s: string, width: number): string;
  /** Word-wrap to lines of at most `width` cells. */
  wrap(s: string, width: number): string[];
  /**
   * Refreshes every feed (or those of `urls`); calls onProgress once at the start (done 0) and once per
   * finished feed. Only a refresh of every feed counts as the last refresh.
   */
  refresh(onProgress: (p: RefreshProgress) => void, urls?: string[]): Promise<RefreshResult[]>;
  /** ISO time of the last completed refresh, or null. */
  lastRefreshAt(): string | null;
  refreshIntervalMinutes: number;
  /** The background refresh interval in ms, when it must differ from the setting (tests). */
  refreshIntervalMs?: number;
  /** How often the clock-driven text (relative times) is drawn again without a key; default 20 s. */
  clockTickMs?: number;
  /** Tells the user that new articles arrived (settings `notify`); absent when notifications are off. */
  notify?(notice: NewArticlesNotice): Promise<{ ok: true } | { ok: false; message: string }>;
  openUrl(url: string, lang: UiLang): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Article pages (core/article/full.ts). */
  pages: {
    /** The cached page of an article, or null. */
    get(id: string): StoredPage | null;
    /** Whether opening this article fetches its page by itself (the feed's fullText mode and its text). */
    wanted(article: StoredArticle): boolean;
    /** Whether the article has a page to fetch (an http(s) address; in the demo, a sample page); true when absent. */
    has?(article: StoredArticle): boolean;
    /** Fetches (or reads from the cache) an article's page; `retryFailed` for an explicit request (`f`). */
    load(article: StoredArticle, options: { signal: AbortSignal; retryFailed: boolean }): Promise<PageResult>;
  };
  /** Opens an enclosure: with the `player` of the settings, else as openUrl. */
  openMedia(url: string, lang: UiLang): Promise<{ ok: true } | { ok: false; message: string }>;
  /** True when enclosures open in a player of the settings (not the browser). */
  hasPlayer?: boolean;
  feeds: FeedAdmin;
  /** The colours of the roles (the settings' theme at the terminal's depth); the dark theme when absent. */
  theme?: Theme;
  /** The key table with the user's keys (settings "keys"); the defaults when absent. */
  keymap?: Keymap;
  /** The saved views of the settings, listed first in the feeds view. */
  views?(): readonly { name: string; query: string }[];
  /** Persists the chosen interface language. */
  saveLang(lang: UiLang): void;
  /** Where OSC 52 is written (process.stdout in the program). */
  writeTerminal?(data: string): void;
  /** Current time; tests pass a fixed one. */
  now?(): Date;
  /**
   * Calls `onDamage` (once) when the cache turns out to be damaged: the store then answers as an empty cache
   * (see core/store/tolerate.ts) and the file is moved to `movedTo` at the next start. Returns an unsubscribe.
   */
  watchCache?(onDamage: (d: { path: string; movedTo: string }) => void): () => void;
  /**
   * Set when this start found the cache damaged and built a fresh one (the damaged file is now `movedTo`):
   * the reader says so in its first status line. `refreshing`: a refresh is due at once to fill it.
   */
  cacheRebuilt?: { movedTo: string; restored: number; refreshing: boolean };
  /**
   * Sync is set up and its password may have to be typed in the reader: the password typed in the prompt the
   * refresh key opens while a sync waits for it (errSyncNeedPassword). Kept in memory for the next logins.
   */
  syncPassword?(password: string): void;
  /** Told the article id of every list row drawn again (tests check a move redraws only two rows). */
  onRowRender?(id: string): void;
}

export interface AppProps {
  services: UiServices;
  initialLang: UiLang;
  initialTags?: string[];
  /** Fixed terminal size (tests); otherwise read from stdout and followed on resize. */
  rows?: number;
  columns?: number;
}
