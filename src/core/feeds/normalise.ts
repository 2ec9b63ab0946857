/** ParsedFeed → Article[]: stable ids, absolute URLs, plain-text fields, clean HTML, tags, language, pairing. */
import { createHash } from 'node:crypto';
import type { Alternate, Article, Enclosure, FeedConfig, ParsedFeed, ParsedItem } from '../types.js';
import { bound, sanitizeLine } from '../sanitize.js';
// Feed links pass the rule page links do: absolute http(s), never repaired, refused when unsafe or overlong.
import { MAX_URL_LENGTH, pageUrl as absoluteHttpUrl } from '../article/url.js';
import { cleanHtml, cleanHtmlParts, htmlToLine, htmlToPlainText } from '../html.js';
import { detectLang, normaliseLang } from '../lang.js';
import { hashtagsIn, MAX_TAG_LENGTH, MAX_TAGS, normaliseTags } from '../tags.js';
import { pairKeyFor } from '../pairing.js';

export interface NormaliseResult {
  title: string | null;
  siteUrl: string | null;
  articles: Article[];
}

/** Upper bounds (UTF-16 units, or counts) of each stored field. */
export const LIMITS = {
  title: 1000,
  author: 200,
  summary: 2000,
  contentHtml: 1_000_000,
  tag: MAX_TAG_LENGTH,
  tags: MAX_TAGS,
  url: MAX_URL_LENGTH,
  mimeType: 200,
  enclosures: 20,
  alternates: 20,
} as const;

// Raw HTML beyond this is not even parsed: the cleaned result is cut to LIMITS.contentHtml anyway.
const RAW_HTML_MAX = LIMITS.contentHtml * 4;
const UNTITLED = '(untitled)';
const TITLE_WORDS = 12;
const TITLE_FROM_SUMMARY_MAX = 120;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The first max UTF-16 units, without leaving half a surrogate pair at the end. */
function present(value: string | undefined | null): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Stable article id: sha256 of the feed url and the item's guid, else link, else title + date; first 16 hex
 * chars. A blank guid or link counts as absent, or every item of a feed with empty guids would collide.
 */
export function articleId(feedUrl: string, item: Pick<ParsedItem, 'guid' | 'link' | 'title' | 'published'>): string {
  const identity = present(item.guid)
    ? item.guid
    : present(item.link)
      ? item.link
      : `${item.title ?? ''}\n${item.published ?? ''}`;
  return createHash('sha256').update(`${feedUrl}\n${identity}`).digest('hex').slice(0, 16);
}

function httpBase(candidate: string | undefined | null): string | undefined {
  if (!candidate) return undefined;
  try {
    const u = new URL(candidate);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The parser's ISO date in one canonical UTC form (the store sorts these as strings), or null. */
function isoOrNull(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/** First words of the summary, for items that have no title. */
function titleFromSummary(summary: string): string | null {
  const line = sanitizeLine(summary);
  if (!line) return null;
  const words = line.split(' ');
  const head = words.slice(0, TITLE_WORDS).join(' ');
  const text = words.length > TITLE_WORDS ? `${head}…` : head;
  return bound(text, TITLE_FROM_SUMMARY_MAX);
}

/**
 * Where to cut serialised HTML at or before target: before a tag when one is near, else inside text
 * (one huge paragraph should not be cut down to nothing) but never inside an entity or a surrogate pair.
 */
function cutPoint(html: string, target: number): number {
  const tag = html.lastIndexOf('<', target);
  if (tag >= 0 && tag >= target - 4096) return tag;
  let cut = target;
  const amp = html.lastIndexOf('&', cut);
  if (amp >= 0 && amp > cut - 12 && !html.slice(amp, cut).includes(';')) cut = amp;
  const code = html.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

/**
 * Cleans and bounds article HTML. When the cleaned HTML is too long it is cut (see cutPoint) and cleaned
 * again, so open elements are closed and the result stays well-formed.
 */
function boundedCleanHtml(
  raw: string,
  base: string | undefined,
): { html: string; text: string; cut: boolean; image: { src: string; alt: string } | null } {
  const parts = cleanHtmlParts(bound(raw, RAW_HTML_MAX, ''), base);
  const html = boundHtml(parts.html, base);
  return { ...parts, html, cut: html !== parts.html };
}

function boundHtml(clean: string, base: string | undefined): string {
  let html = clean;
  let target = LIMITS.contentHtml;
  while (html.length > LIMITS.contentHtml) {
    const input = html.slice(0, cutPoint(html, target));
    const next = cleanHtml(input, base);
    // Closing tags added by the re-clean can push it over again; aim lower by that much next time.
    target = Math.min(target, input.length) - Math.max(1, next.length - LIMITS.contentHtml);
    html = next;
    if (target <= 0) return '';
  }
  return html;
}

function cleanEnclosures(list: Enclosure[] | undefined, base: string | undefined): Enclosure[] {
  const out: Enclosure[] = [];
  const seen = new Set<string>();
  for (const e of list ?? []) {
    const url = absoluteHttpUrl(e?.url, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const enclosure: Enclosure = { url };
    const type = typeof e.type === 'string' ? sanitizeLine(e.type).toLowerCase() : '';
    if (type && type.length <= LIMITS.mimeType && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;.*)?$/.test(type)) {
      enclosure.type = type;
    }
    if (typeof e.length === 'number' && Number.isSafeInteger(e.length) && e.length >= 0) enclosure.length = e.length;
    out.push(enclosure);
    if (out.length >= LIMITS.enclosures) break;
  }
  return out;
}

function cleanAlternates(list: Alternate[] | undefined, base: string | undefined): Alternate[] {
  const out: Alternate[] = [];
  const seen = new Set<string>();
  for (const a of list ?? []) {
    const href = absoluteHttpUrl(a?.href, base);
    if (!href || seen.has(href)) continue;
    seen.add(href);
    const alternate: Alternate = { href };
    const lang = normaliseLang(a.hreflang);
    if (lang) alternate.hreflang = lang;
    out.push(alternate);
    if (out.length >= LIMITS.alternates) break;
  }
  return out;
}

function normaliseItem(
  id: string,
  item: ParsedItem,
  feed: ParsedFeed,
  cfg: FeedConfig,
  base: string | undefined,
): { article: Article; bodyText: string } {
  const url = absoluteHttpUrl(item.link, base);
  const htmlBase = url ?? base;

  const body = boundedCleanHtml(item.contentHtml ?? item.summary ?? '', htmlBase);
  const contentHtml = body.html;
  const bodyText = body.text;
  // Without content the body was made from the summary: its text is already at hand.
  const summarySource = present(item.summary) && item.contentHtml !== undefined ? htmlToPlainText(bound(item.summary, RAW_HTML_MAX, '')) : bodyText;
  const summary = bound(summarySource.trim(), LIMITS.summary);

  const rawTitle = typeof item.title === 'string' ? htmlToLine(bound(item.title, LIMITS.title * 4, '')) : '';
  const title = bound(rawTitle || titleFromSummary(summary) || UNTITLED, LIMITS.title);

  const rawAuthor = typeof item.author === 'string' ? htmlToLine(bound(item.author, LIMITS.author * 4, '')) : '';
  const author = rawAuthor ? bound(rawAuthor, LIMITS.author) : null;

  const guidLine = typeof item.guid === 'string' ? sanitizeLine(bound(item.guid, LIMITS.url * 2, '')) : '';
  const guid = guidLine ? bound(guidLine, LIMITS.url) : null;

  const lang =
    normaliseLang(cfg.lang) ??
    normaliseLang(item.lang) ??
    normaliseLang(feed.lang) ??
    detectLang(`${title}\n${summary.slice(0, 1500)}\n${bodyText.slice(0, 1500)}`);

  // Each part on its own: a hashtag never spans two of them, and joining them copied every body once more.
  const hashtags = [title, summary, bodyText].flatMap(hashtagsIn);
  const tags = normaliseTags([...(cfg.tags ?? []), ...(item.categories ?? []), ...hashtags]);

  const enclosures = cleanEnclosures(item.enclosures, htmlBase);
  const image =
    absoluteHttpUrl(item.image, htmlBase) ??
    enclosures.find((e) => e.type?.startsWith('image/'))?.url ??
    absoluteHttpUrl(body.image?.src, htmlBase);

  const article: Article = {
    id,
    feedUrl: cfg.url,
    guid,
    url,
    title,
    author,
    published: isoOrNull(item.published),
    updated: isoOrNull(item.updated),
    lang,
    tags,
    summary,
    contentHtml,
    image,
    enclosures,
    alternates: cleanAlternates(item.alternates, htmlBase),
    pairKey: pairKeyFor(url, guid),
  };
  // The index gets the text of the HTML as stored: a body cut to LIMITS.contentHtml is read again (over 1 MB).
  return { article, bodyText: body.cut ? htmlToPlainText(contentHtml) : bodyText };
}

/** Turns a parsed feed into articles ready to store. Never throws on hostile content; never invents a date. */
// No field is derived from the fetch time, so that an article without a date stays without one.
export function normalise(feed: ParsedFeed, cfg: FeedConfig): NormaliseResult {
  const { bodyTexts: _texts, ...result } = normaliseWithText(feed, cfg);
  return result;
}

/**
 * normalise, plus each article's body as plain text (in article order): the full-text index's input, which
 * the cleaning pass produces anyway, so a refresh does not derive it from the HTML a second time.
 */
export function normaliseWithText(feed: ParsedFeed, cfg: FeedConfig): NormaliseResult & { bodyTexts: string[] } {
  const siteUrl = absoluteHttpUrl(feed.siteUrl, httpBase(cfg.url));
  const base = httpBase(cfg.url) ?? siteUrl ?? undefined;
  const feedTitle = typeof feed.title === 'string' ? htmlToLine(bound(feed.title, LIMITS.title * 4, '')) : '';

  const articles: Article[] = [];
  const bodyTexts: string[] = [];
  const seen = new Set<string>();
  for (const item of feed.items ?? []) {
    const id = articleId(cfg.url, item);
    // The same guid twice in one document: the first one is the one the publisher put on top.
    if (seen.has(id)) continue;
    seen.add(id);
    const { article, bodyText } = normaliseItem(id, item, feed, cfg, base);
    articles.push(article);
    bodyTexts.push(bodyText);
  }
  return { title: feedTitle ? bound(feedTitle, LIMITS.title) : null, siteUrl, articles, bodyTexts };
}
