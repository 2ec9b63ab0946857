/**
 * Title, author, posting time, language, site name, illustration and keyword tags of a page, from (in this
 * order of trust) schema.org JSON-LD, OpenGraph / article:* / Dublin Core meta, microdata, `<time datetime>`,
 * the byline element and the date line printed under the title. Every value is sanitised; URLs are absolute
 * http(s) or dropped.
 */
import { parseDate } from '../feeds/dates.js';
import { htmlToLine } from '../html.js';
import { normaliseLang } from '../lang.js';
import { bound, sanitizeLine } from '../sanitize.js';
import type { ArticleImage, ExtractedArticle } from './types.js';
import { documentOrder, elementsOf, shortText } from './dom.js';
import type { PageDocument, PageElement } from './dom.js';
import { inChrome } from './boilerplate.js';
import { parseDateLine, UPDATED_LINE } from './dates.js';
import { pageUrl } from './url.js';

const MAX_JSON_LD = 512 * 1024;
const MAX_JSON_DEPTH = 12;
const MAX_JSON_NODES = 2_000;
export const MAX_AUTHOR = 200;
export const MAX_TITLE = 1_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const ARTICLE_TYPES = /^(?:\w+:)?(?:(?:News|Blog|Tech|Scholarly|Satirical|Reportage|Analysis|Opinion|Review|Background)?Article|(?:\w+)NewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|WebPage|ItemPage)$/;

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Every object in the JSON-LD blocks, breadth-first, bounded in depth and count. */
function jsonObjects(blocks: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  let queue: Array<{ v: Json; d: number }> = [];
  for (const block of blocks) {
    if (block.length > MAX_JSON_LD) continue;
    try {
      // Some sites put raw newlines inside strings or end with a stray ';'.
      queue.push({ v: JSON.parse(block.trim().replace(/;\s*$/, '').replace(/[\n\r\t]+/g, ' ')) as Json, d: 0 });
    } catch {
      // A broken block is ignored: the meta tags usually say the same.
    }
  }
  let seen = 0;
  while (queue.length > 0 && seen < MAX_JSON_NODES) {
    const next: typeof queue = [];
    for (const { v, d } of queue) {
      if (++seen > MAX_JSON_NODES || d > MAX_JSON_DEPTH) break;
      if (Array.isArray(v)) {
        for (const x of v) next.push({ v: x, d: d + 1 });
      } else if (isObject(v)) {
        out.push(v);
        const graph = v['@graph'];
        if (graph !== undefined) next.push({ v: graph, d: d + 1 });
        const main = v.mainEntity ?? v.mainEntityOfPage;
        if (isObject(main)) next.push({ v: main, d: d + 1 });
      }
    }
    queue = next;
  }
  return out;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Names from a schema.org author: "A", {name}, [{name}, "B"]. */
function names(v: Json | undefined, out: string[] = [], depth = 0): string[] {
  if (v === undefined || v === null || depth > 3) return out;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v.slice(0, 10)) names(x, out, depth + 1);
  else if (isObject(v)) {
    const n = str(v.name);
    if (n) out.push(n);
  }
  return out;
}

function imageOf(v: Json | undefined, depth = 0): { url: string; caption: string | null } | null {
  if (v === undefined || v === null || depth > 3) return null;
  if (typeof v === 'string') return { url: v, caption: null };
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 10)) {
      const found = imageOf(x, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (isObject(v)) {
    const url = str(v.url) ?? str(v.contentUrl) ?? str(v['@id']);
    if (url) return { url, caption: str(v.caption) ?? str(v.description) };
  }
  return null;
}

function keywords(v: Json | undefined): string[] {
  if (typeof v === 'string') return v.split(/[,;]/);
  if (Array.isArray(v)) return v.slice(0, 100).flatMap((x) => (typeof x === 'string' ? [x] : isObject(x) ? [str(x.name) ?? ''] : []));
  return [];
}

export interface PageMeta extends Pick<ExtractedArticle, 'title' | 'author' | 'published' | 'lang' | 'siteName' | 'image'> {
  /** Keyword tags from meta and JSON-LD (after the page's own hashtags in trust). */
  tags: string[];
  /** Elements that only carried the byline or the date line, to be removed from the body. */
  blocks: PageElement[];
}

/** meta name/property/itemprop (lower-cased) → every content value, in page order. */
function metaMap(doc: PageDocument): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = m.getAttribute('content') ?? '';
    for (const keyAttr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const raw = m.getAttribute(keyAttr);
      if (!raw) continue;
      for (const key of raw.toLowerCase().split(/\s+/)) {
        if (!key) continue;
        const list = map.get(key) ?? [];
        if (list.length < 100) list.push(content);
        map.set(key, list);
      }
    }
  }
  return map;
}

const line = (s: string | null | undefined, max: number): string | null => {
  if (!s) return null;
  const v = bound(htmlToLine(bound(s, max * 4, '')), max);
  return v || null;
};

// "Oleh: Arif Rahman", "By Jane Doe", "Penulis : X", "Reporter: X | Editor: Y". The label is a whole word:
// "Byron Acohido" and "Authorine Lee" are names, not "By ron" and "Author ine".
const BYLINE_PREFIX =
  /^\s*(?:(?:ditulis|diposting|dikirim|dipublikasikan|dilaporkan|diterbitkan)\s+oleh|oleh|by|penulis|reporter|wartawan|kontributor|writer|author|written\s+by|posted\s+by|published\s+by|reported\s+by)(?=[\s:])\s*:?\s*/i;

function cleanAuthor(raw: string | null): string | null {
  if (!raw) return null;
  let s = sanitizeLine(raw).replace(BYLINE_PREFIX, '');
  // A byline that runs on into the date or the editor: keep the name.
  s = s.split(/\s+[|•·]\s+|\s+-\s+(?=\S*\d)|\s*(?:editor|penyunting|diposting|posted|published|dipublikasikan)\s*:/i)[0] ?? '';
  s = s.replace(/[,;:|\-–—]+$/, '').trim();
  if (!s || s.length > MAX_AUTHOR || /^https?:\/\//i.test(s) || /\d{4}/.test(s)) return null;
  return s;
}

const BYLINE_CLASS = /author|byline|penulis|(?:^|\s)reporter(?:\s|$)/i;
const DATE_CLASS = /date|time|tanggal|waktu|posted|publish|meta|byline/i;
const PUBLISHED_MARK = /(?:^|\s)(?:published|dt-published)(?:\s|$)/;
const DATE_FALLBACK_TAGS = new Set(['p', 'span', 'div', 'small', 'em', 'li']);

/** The byline element: rel/itemprop author, or a class naming the author (author, byline, penulis, reporter). */
function isByline(el: PageElement): boolean {
  return /(?:^|\s)author(?:\s|$)/i.test(`${el.getAttribute('rel') ?? ''} ${el.getAttribute('itemprop') ?? ''}`) || BYLINE_CLASS.test(el.className);
}

/** An element that may print the posting time. */
function isDateLike(el: PageElement): boolean {
  return el.localName === 'time' || /datePublished/.test(el.getAttribute('itemprop') ?? '') || DATE_CLASS.test(el.className);
}

/** A machine-readable posting time: <time datetime>, microdata, or the microformat in a title attribute. */
function machineTime(el: PageElement): string | null {
  if (el.localName === 'time') return el.getAttribute('datetime');
  if (/(?:^|\s)datePublished(?:\s|$)/.test(el.getAttribute('itemprop') ?? '')) return el.getAttribute('content') ?? el.getAttribute('datetime');
  if (PUBLISHED_MARK.test(el.className)) return el.getAttribute('title');
  return null;
}

export function readMetadata(doc: PageDocument, jsonLdBlocks: string[], base: string | undefined): PageMeta {
  const meta = metaMap(doc);
  const first = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = meta.get(k)?.find((x) => x.trim() !== '');
      if (v) return v;
    }
    return null;
  };
  const objects = jsonObjects(jsonLdBlocks);
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && !/Page$/.test(t)))
    ?? objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  const publisher = article && isObject(article.publisher) ? article.publisher : undefined;
  const blocks: PageElement[] = [];

  // Language first: it decides how date lines are read.
  const lang =
    normaliseLang(doc.documentElement.getAttribute('lang')) ??
    normaliseLang(doc.documentElement.getAttribute('xml:lang')) ??
    normaliseLang(first('content-language', 'og:locale', 'dc.language', 'language')) ??
    normaliseLang(article ? str(article.inLanguage) : null);

  const siteName = line(first('og:site_name', 'application-name', 'twitter:site:name') ?? (publisher ? str(publisher.name) : null), 200);

  let title = line(article ? (str(article.headline) ?? str(article.name)) : null, MAX_TITLE)
    ?? line(first('og:title', 'twitter:title', 'dc.title', 'title'), MAX_TITLE);
  if (!title) {
    const h1s = Array.from(doc.querySelectorAll('h1'));
    if (h1s.length === 1) title = line(h1s[0]!.textContent, MAX_TITLE);
  }
  if (!title) title = line(doc.querySelector('title')?.textContent, MAX_TITLE);
  if (title && siteName) {
    // "Judul | Situs", "Title - Site": the site name is shown elsewhere.
    const suffix = new RegExp(`\\s+[|\\-–—:·•]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
    const cut = title.replace(suffix, '');
    if (cut) title = cut;
  }

  // Author: schema.org, then meta, then the byline element on the page.
  let author: string | null = null;
  if (article) author = cleanAuthor(names(article.author).join(', ') || null);
  author ??= cleanAuthor(first('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl'));
  const all = elementsOf(doc);
  for (const el of all.filter(isByline).slice(0, 50)) {
    // The byline itself must be short: WordPress puts "author-NAME" on the whole <article>.
    if (shortText(el, 200) === null) continue;
    const named = el.querySelector('[itemprop~="name"], .fn');
    const t = shortText(named ?? el, 120);
    if (!t) continue;
    const who = cleanAuthor(t);
    if (!who) continue;
    author ??= who;
    blocks.push(el);
    break;
  }

  // Posting time: schema.org, meta, <time datetime>, then the line printed on the page.
  let published: string | null = null;
  let zoneless = false;
  const readIso = (raw: string | null): string | null => {
    if (!raw) return null;
    const v = raw.trim();
    const iso = parseDate(v);
    if (iso && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(v)) zoneless = true;
    return iso;
  };
  published = readIso(article ? str(article.datePublished) ?? str(article.dateCreated) : null);
  published ??= readIso(first('article:published_time', 'og:published_time', 'published_time', 'datepublished',
    'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date',
    'parsely-pub-date', 'article.published'));
  if (!published) {
    // <time datetime>, microdata, and the microformat Blogger and many themes print: <abbr class="published" title>.
    let seen = 0;
    for (const el of all) {
      const value = machineTime(el);
      if (value === null) continue;
      if (++seen > 50) break;
      if (/(?:^|\s)(?:dateModified|updated)(?:\s|$)/i.test(`${el.getAttribute('itemprop') ?? ''} ${el.className}`)) continue;
      // Comments, related lists and sidebars carry times of their own (a post footer is where many themes put
      // the post's own time, so footers are not skipped here).
      if (inOtherContent(el)) continue;
      published = readIso(value);
      if (published) break;
    }
  }
  // The printed line: read it when nothing better was found, or when the machine-readable time had no zone
  // (the printed line usually names WIB/WITA/WIT and is then the better source); remove it from the body.
  // Best candidate: outside the chrome (a "today's date" in the top bar is not the posting time), with a time
  // of day, after the title.
  const h1 = doc.querySelector('h1');
  let order: Map<PageElement, number> | null = null;
  let best: { el: PageElement; iso: string; score: number } | null = null;
  const consider = (el: PageElement, maxLength: number): void => {
    if (el.localName === 'body' || el.localName === 'html') return;
    const t = shortText(el, maxLength);
    if (!t || UPDATED_LINE.test(t)) return;
    const iso = parseDateLine(t, { lang });
    if (!iso) return;
    const chrome = inChrome(el);
    let score = (chrome ? -4 : 0) + (/\d[:.]\d\d/.test(t) ? 2 : 0);
    if (h1) {
      order ??= documentOrder(doc);
      if ((order.get(el) ?? 0) > (order.get(h1) ?? 0)) score += 1;
    }
    if (!best || score > best.score) best = { el, iso, score };
  };
  for (const el of all.filter(isDateLike).slice(0, 200)) consider(el, 160);
  if (!best && !published) {
    // Pages without markup for it: a short text block that is a date line.
    for (const el of all.filter((e) => DATE_FALLBACK_TAGS.has(e.localName)).slice(0, 400)) {
      if (el.children.length <= 3) consider(el, 100);
    }
  }
  const line0 = best as { el: PageElement; iso: string; score: number } | null;
  if (line0 && line0.score >= 0) {
    if (!published || zoneless) published = line0.iso;
    blocks.push(line0.el);
  } else if (line0 && !published) {
    published = line0.iso;
  }

  const rawImage = (article ? imageOf(article.image) : null) ?? (() => {
    const url = first('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src', 'thumbnailurl');
    if (url) return { url, caption: null };
    // No declared illustration: the first figure outside the chrome.
    const img = Array.from(doc.querySelectorAll('figure img, [class*="photo"] img, [class*="media"] img')).slice(0, 20).find((i) => !inChrome(i));
    const src = img?.getAttribute('src') ?? img?.getAttribute('data-src');
    return src ? { url: src, caption: null } : null;
  })();
  let image: ArticleImage | null = null;
  const imageUrl = rawImage ? pageUrl(rawImage.url, base) : null;
  if (rawImage && imageUrl) {
    let caption = line(rawImage.caption, 1_000);
    if (!caption) caption = figureCaption(doc, imageUrl, base) ?? line(first('og:image:alt', 'twitter:image:alt'), 1_000);
    image = { url: imageUrl, caption };
  }

  const tags = [
    ...(meta.get('article:tag') ?? []),
    ...(article ? keywords(article.keywords) : []),
    ...(meta.get('news_keywords') ?? []).flatMap((k) => k.split(',')),
    ...(meta.get('keywords') ?? []).flatMap((k) => k.split(',')),
  ];

  return { title, author, published, lang, siteName, image, tags, blocks };
}

const OTHER_CONTENT = /(?:^|[-_\s])(?:comments?|komentar|replies|related\w*|terkait|sidebar|popular\w*|populer|terpopuler|recommend\w*|rekomendasi|trending)(?:$|[-_\s])/i;

/** Inside comments, related lists, sidebars or navigation: content about other things than this article. */
function inOtherContent(el: PageElement): boolean {
  for (let up: PageElement | null = el; up && up.localName !== 'body'; up = up.parentElement) {
    if (up.localName === 'aside' || up.localName === 'nav') return true;
    const cls = `${up.getAttribute('class') ?? ''} ${up.getAttribute('id') ?? ''}`;
    if (cls.trim() && OTHER_CONTENT.test(cls)) return true;
  }
  return false;
}

/** The figcaption of the figure that shows url, when the page has one. */
function figureCaption(doc: PageDocument, url: string, base: string | undefined): string | null {
  const file = url.replace(/[?#].*$/, '').split('/').pop() ?? '';
  for (const img of Array.from(doc.querySelectorAll('img')).slice(0, 100)) {
    const src = pageUrl(img.getAttribute('src') ?? img.getAttribute('data-src'), base);
    if (!src) continue;
    if (src !== url && (!file || !src.replace(/[?#].*$/, '').endsWith(`/${file}`))) continue;
    const cap =
      img.closest('figure')?.querySelector('figcaption') ??
      img.parentElement?.querySelector('[class*="caption"], [class*="keterangan"], .credit, .wp-caption-text');
    if (cap) return line(cap.textContent, 1_000);
  }
  return null;
}
