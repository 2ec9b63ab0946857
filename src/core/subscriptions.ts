import { isAbsolute, resolve } from 'node:path';
import type { Config } from './config.js';
import { refuseFeedUrl } from './opml.js';
import type { ArticleStore } from './store/store.js';
import { sanitizeLine } from './sanitize.js';
import { isFullTextMode } from './article/policy.js';
import type { Edition, FeedConfig, FullTextMode } from './types.js';

/**
 * What a new subscription may be, wherever it is typed: `cyberread feeds add` and the reader's feeds view
 * share these rules (and OPML import and the settings file share refuseFeedUrl). Errors are data: each
 * caller words them from its own message table.
 */

export type FeedSpecError =
  | { kind: 'needUrl' }
  | { kind: 'badUrl'; value: string }
  | { kind: 'badLang'; value: string }
  /** A tag with a space in it ("test feed"): a tag names one topic, as a hashtag does. */
  | { kind: 'badTag'; value: string }
  /** A tag with nothing left once '#' and spaces are gone. */
  | { kind: 'emptyTag' }
  | { kind: 'badOption'; value: string }
  | { kind: 'badFull'; value: string }
  | { kind: 'needValue'; option: string };

export type FeedSpecResult = { ok: true; feed: FeedConfig } | { ok: false; error: FeedSpecError };

/** http(s) and file URLs as their WHATWG serialisation, local paths made absolute; null when refused. */
export function normaliseFeedUrl(input: string, cwd: string = process.cwd()): string | null {
  const value = input.trim();
  // Judged before URL parsing, which would percent-encode an ESC, drop a tab, or read "https:///x" as host x.
  if (refuseFeedUrl(value) !== null) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    if (!['http:', 'https:', 'file:'].includes(url.protocol) || (!url.host && url.protocol !== 'file:')) return null;
    return url.href;
  }
  if (!value || /[\u0000-\u001f\u007f]/.test(value)) return null;
  return isAbsolute(value) ? value : resolve(cwd, value);
}

/** The edition a feed's language option names ("id", "EN"), or null. */
export function parseEdition(value: string): Edition | null {
  const v = value.trim().toLowerCase();
  return v === 'id' || v === 'en' ? v : null;
}

/** A tag as a subscription option gives it: one line, no leading '#'; '' when nothing is left. */
export function cleanTag(tag: string): string {
  return sanitizeLine(tag).replace(/^#+/, '');
}

/** A subscription from its parts (the options of `feeds add`), checked and cleaned. */
export function feedConfigFrom(o: { url: string; title?: string; lang?: string; tags?: string[]; full?: string }, cwd?: string): FeedSpecResult {
  if (o.url.trim() === '') return { ok: false, error: { kind: 'needUrl' } };
  const url = normaliseFeedUrl(o.url, cwd);
  if (url === null) return { ok: false, error: { kind: 'badUrl', value: sanitizeLine(o.url) } };
  const feed: FeedConfig = { url };
  const title = o.title === undefined ? '' : sanitizeLine(o.title);
  if (title) feed.title = title;
  if (o.lang !== undefined) {
    const lang = parseEdition(o.lang);
    if (lang === null) return { ok: false, error: { kind: 'badLang', value: sanitizeLine(o.lang) } };
    feed.lang = lang;
  }
  const tags = (o.tags ?? []).map((t) => cleanTag(t).trim());
  for (const tag of tags) {
    if (tag === '') return { ok: false, error: { kind: 'emptyTag' } };
    if (/\s/.test(tag)) return { ok: false, error: { kind: 'badTag', value: tag } };
  }
  if (tags.length) feed.tags = tags;
  if (o.full !== undefined) {
    const mode = o.full.trim().toLowerCase();
    if (!isFullTextMode(mode)) return { ok: false, error: { kind: 'badFull', value: sanitizeLine(o.full) } };
    feed.fullText = mode;
  }
  return { ok: true, feed };
}

/** Words of a typed line: split at spaces, "double" or 'single' quotes keep spaces inside one word. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const ch of text) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else word = (word ?? '') + ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

const SPEC_OPTIONS = new Set(['lang', 'title', 'tag', 'full']);

/**
 * A subscription typed on one line as `feeds add` takes it: `URL [--lang id|en] [--title T] [--tag T]…`
 * (the reader's add prompt). Options may come before or after the URL, as `--opt value` or `--opt=value`.
 */
export function parseFeedSpec(text: string, cwd?: string): FeedSpecResult {
  const words = splitWords(sanitizeLine(text));
  const parts: { url: string; title?: string; lang?: string; tags: string[]; full?: string } = { url: '', tags: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!w.startsWith('--')) {
      if (parts.url !== '') return { ok: false, error: { kind: 'badOption', value: w } };
      parts.url = w;
      continue;
    }
    const eq = w.indexOf('=');
    const name = (eq >= 0 ? w.slice(2, eq) : w.slice(2)).toLowerCase();
    if (!SPEC_OPTIONS.has(name)) return { ok: false, error: { kind: 'badOption', value: eq >= 0 ? w.slice(0, eq) : w } };
    let value: string | undefined;
    if (eq >= 0) value = w.slice(eq + 1);
    else if (i + 1 < words.length) value = words[++i];
    if (value === undefined) return { ok: false, error: { kind: 'needValue', option: `--${name}` } };
    if (name === 'tag') parts.tags.push(value);
    else if (name === 'lang') parts.lang = value;
    else if (name === 'full') parts.full = value;
    else parts.title = value;
  }
  return feedConfigFrom(parts, cwd);
}

/** What changing a subscription touches: the settings (the list of feeds) and the cache (its articles). */
export interface SubscriptionDeps {
  config: Pick<Config, 'settings' | 'addFeed' | 'updateFeed' | 'removeFeed'>;
  store: Pick<ArticleStore, 'setFeedTitle' | 'setFeedLang' | 'removeFeed'>;
}

/**
 * Renames a feed: its title in the settings (written at once), and the name its articles are listed under.
 * An empty title takes the name away: the feed's own title comes back.
 */
export function renameSubscription(d: SubscriptionDeps, url: string, title: string): boolean {
  const clean = sanitizeLine(title);
  if (!d.config.updateFeed(url, { title: clean === '' ? undefined : clean })) return false;
  d.store.setFeedTitle(url, clean === '' ? null : clean);
  return true;
}

/**
 * Sets a feed's language (its edition): in the settings, and for its cached articles, which move to that
 * edition at once. null: detected again per article, which applies to the articles fetched from now on.
 */
export function setSubscriptionLang(d: SubscriptionDeps, url: string, lang: Edition | null): boolean {
  if (!d.config.updateFeed(url, { lang: lang ?? undefined })) return false;
  if (lang !== null) d.store.setFeedLang(url, lang);
  return true;
}

/**
 * When the feed's article pages are fetched (see article/policy.ts); "auto", the default, leaves the setting
 * out of config.json. false when the feed is not subscribed (any more).
 */
export function setSubscriptionFullText(d: Pick<SubscriptionDeps, 'config'>, url: string, mode: FullTextMode): boolean {
  return d.config.updateFeed(url, { fullText: mode === 'auto' ? undefined : mode });
}

/** Unsubscribes: the feed leaves the settings, its cached articles the cache, except starred ones. */
export function removeSubscription(d: SubscriptionDeps, url: string): { removed: boolean; articles: number } {
  if (!d.config.removeFeed(url)) return { removed: false, articles: 0 };
  return { removed: true, articles: d.store.removeFeed(url) };
}
