/**
 * An Article turned into what its row holds: sanitised, serialised, with tag keys, a content hash and the
 * text for the full-text index. Kept apart from the SQLite code so a refresh worker can do this work
 * without loading the database driver.
 */
import { hash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { htmlToPlainText } from '../html.js';
import { normaliseTags, tagKey } from '../tags.js';
import { sanitizeLine, sanitizeText } from '../sanitize.js';
import type { Alternate, Article, Enclosure } from '../types.js';

/** The article as it goes into the row: sanitised, serialised, with its tag keys and searchable text. */
export interface PreparedArticle extends Pick<Article, 'id' | 'feedUrl' | 'guid' | 'url' | 'title' | 'author' | 'published' | 'updated'> {
  publishedMs: number | null;
  lang: string | null;
  summary: string;
  /** What the content_html column holds: the HTML deflated (a BLOB) when that is smaller, else the text. */
  contentStored: Uint8Array | string;
  image: string | null;
  enclosures: string;
  alternates: string;
  alternateHrefs: string[];
  tags: { key: string; tag: string }[];
  tagsJson: string;
  pairKey: string | null;
  hash: string;
  /** The body as plain text, for the full-text index. */
  body: string;
}

function orNull(s: string | null | undefined, clean: (s: string) => string): string | null {
  if (s === null || s === undefined) return null;
  const c = clean(s);
  return c === '' ? null : c;
}

function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/**
 * The row for article `a` of feed `feedUrl`. `bodyText` is the body's plain text when the caller has it (the
 * normaliser makes it while cleaning the HTML: normaliseWithText); else it is read from the HTML here, which
 * gives the same text.
 */
export function prepareArticle(a: Article, feedUrl: string, bodyText?: string): PreparedArticle {
  // The normaliser already sanitises; doing it again here keeps the cache clean whoever calls it.
  const tags = normaliseTags(a.tags).map((tag) => ({ key: tagKey(tag), tag }));
  const alternates: Alternate[] = a.alternates
    .map((alt) => {
      const out: Alternate = { href: sanitizeLine(alt.href) };
      if (alt.hreflang) out.hreflang = sanitizeLine(alt.hreflang).toLowerCase();
      return out;
    })
    .filter((alt) => alt.href !== '');
  const enclosures: Enclosure[] = a.enclosures.map((e) => {
    const out: Enclosure = { url: sanitizeLine(e.url) };
    if (e.type !== undefined) out.type = sanitizeLine(e.type);
    if (e.length !== undefined) out.length = e.length;
    return out;
  });
  const p = {
    id: a.id,
    feedUrl,
    guid: orNull(a.guid, sanitizeLine),
    url: orNull(a.url, sanitizeLine),
    title: sanitizeLine(a.title),
    author: orNull(a.author, sanitizeLine),
    published: orNull(a.published, sanitizeLine),
    updated: orNull(a.updated, sanitizeLine),
    lang: orNull(a.lang, (s) => sanitizeLine(s).toLowerCase()),
    summary: sanitizeText(a.summary),
    image: orNull(a.image, sanitizeLine),
    enclosures: JSON.stringify(enclosures),
    alternates: JSON.stringify(alternates),
    tagsJson: JSON.stringify(tags.map((t) => t.tag)),
    pairKey: orNull(a.pairKey, sanitizeLine),
  };
  const contentHtml = sanitizeText(a.contentHtml);
  // Rows stored by earlier versions hold this same hash: it decides whether a re-fetched article changed.
  const digest = hash(
    'sha256',
    JSON.stringify([
      p.feedUrl, p.guid, p.url, p.title, p.author, p.published, p.updated, p.lang, p.summary,
      contentHtml, p.image, p.enclosures, p.alternates, p.tagsJson, p.pairKey,
    ]),
    'base64url',
  ).slice(0, 22);
  return {
    ...p,
    publishedMs: parseTime(p.published),
    contentStored: packHtml(contentHtml),
    alternateHrefs: [...new Set(alternates.map((alt) => alt.href))],
    tags,
    hash: digest,
    body: bodyText === undefined ? htmlToPlainText(contentHtml) : sanitizeText(bodyText),
  };
}

// Level 4, between speed and size: on the benchmark bodies level 3 took 46 µs and 1,039 B a body, level 4
// 52 µs and 1,013 B, the default 6 64 µs and 1,006 B. Level 3 left the whole cache at the 3 KB per article
// line (3,031–3,081 B between runs, by page fill); level 4 is ~45 B below it. Readers inflate any level.
const PACK_OPTIONS = { level: 4 } as const;

// Below this, deflate's framing eats most of the gain and the row is small anyway.
const PACK_MIN = 512;

/**
 * Article bodies are most of the cache (about 3 KB of HTML each, 4.2 KB per row in all); deflated they take
 * a third of that. SQLite keeps the type of each value, so a BLOB is a packed body and TEXT a plain one
 * (short bodies, and rows written before packing existed).
 */
export function packHtml(html: string): Uint8Array | string {
  if (html.length < PACK_MIN) return html;
  const packed = deflateRawSync(html, PACK_OPTIONS);
  return packed.byteLength < Buffer.byteLength(html) ? packed : html;
}
