/**
 * An article page → the article: body text and sanitised HTML, byline, posting time, language, site name,
 * illustration, hashtags, related links and other editions. A pure function of the page (nothing fetched,
 * nothing executed), bounded in input size, DOM size and time.
 *
 * Readability (Firefox's reader view) finds the body; it runs over a linkedom DOM that dom.ts builds with the
 * project's depth-bounded parser. Around it: metadata.ts (JSON-LD, meta, byline, Indonesian and English date
 * lines), links.ts (hashtags, "Baca juga", IND | ENG), boilerplate.ts (chrome Readability keeps, mostly named
 * in Indonesian), and the feed cleaner (html.ts) for the final HTML and text.
 */
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { charsetFromContentType, decode } from '../feeds/decode.js';
import { cleanHtmlParts, htmlToLine } from '../html.js';
import { detectLang, normaliseLang } from '../lang.js';
import { bound, sanitizeLine, sanitizeText } from '../sanitize.js';
import { normaliseTags } from '../tags.js';
import { removeBoilerplate } from './boilerplate.js';
import { buildDocument, MAX_ELEMENTS } from './dom.js';
import { readLinks } from './links.js';
import { MAX_AUTHOR, MAX_TITLE, readMetadata } from './metadata.js';
import { ExtractError } from './types.js';
import type { ExtractedArticle, ExtractOptions } from './types.js';
import { pageBase, pageUrl } from './url.js';

/** Largest page read, in bytes (or UTF-16 units for a string): the same cap the fetch applies on the wire. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** Time one extraction may take before it gives up with 'timeout'. */
export const DEFAULT_EXTRACT_TIMEOUT_MS = 3_000;
/** Longest body kept (as for a feed's stored HTML body). */
const MAX_BODY_CHARS = 1_000_000;

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml|application\/xml|text\/xml|application\/octet-stream|text\/plain)$/;

function mimeOf(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const mime = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return mime || null;
}

/**
 * Page bytes → text as the feed decoder reads feeds (BOM, then the HTTP charset), with HTML's own declaration,
 * `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes, in place of the XML prolog.
 */
export function decodePage(bytes: Uint8Array, contentType?: string): string {
  const http = charsetFromContentType(contentType);
  if (http && iconv.encodingExists(http)) return decode(bytes, contentType);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)/i.exec(head);
  let declared = m?.[1]?.toLowerCase() ?? null;
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (HTML reads it as UTF-8); the decoder's own sniffing
  // still finds real UTF-16 by its BOM or zero bytes.
  if (declared?.startsWith('utf-16')) declared = 'utf-8';
  return decode(bytes, declared && iconv.encodingExists(declared) ? `text/html; charset=${declared}` : contentType);
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (head.includes('\u0000') || head.startsWith('%PDF')) return false;
  return /<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|main|h1|section|!--)[\s>/]/i.test(head) || /<[a-z][^>]*>/i.test(text.slice(0, 65_536));
}

type Reader = Record<string, unknown>;

/**
 * Readability runs synchronously; to bound its time, the two methods it calls for every node it walks check
 * the deadline. They are Readability internals, so a release that renames them loses only this check (the DOM
 * bounds still hold) and the timeout test says so.
 */
function guardReader(reader: Reader, checkTime: () => void): void {
  for (const name of ['_getNextNode', '_getInnerText']) {
    const original = reader[name];
    if (typeof original !== 'function') continue;
    let calls = 0;
    reader[name] = function guarded(this: unknown, ...args: unknown[]): unknown {
      if ((++calls & 255) === 0) checkTime();
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

const line = (s: string | null | undefined, max: number): string | null => {
  if (!s) return null;
  const v = bound(htmlToLine(bound(s, max * 4, '')), max);
  return v || null;
};

/**
 * The article in a page. Throws ExtractError ('not-html', 'too-large', 'too-complex', 'timeout',
 * 'no-article') when there is none; the caller keeps the feed text and stores the reason.
 */
export function extractArticle(page: string | Uint8Array, options: ExtractOptions): ExtractedArticle {
  const budget = options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  const deadline = performance.now() + budget;
  const checkTime = (): void => {
    if (performance.now() > deadline) throw new ExtractError('timeout', `Reading the page took longer than ${budget} ms.`);
  };

  const size = typeof page === 'string' ? page.length : page.byteLength;
  if (size > MAX_PAGE_BYTES) throw new ExtractError('too-large', `The page is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB.`);
  const mime = mimeOf(options.contentType);
  if (mime !== null && !HTML_TYPES.test(mime)) {
    throw new ExtractError('not-html', `The page is ${sanitizeLine(mime).slice(0, 80)}, not HTML.`);
  }
  const html = typeof page === 'string' ? page : decodePage(page, options.contentType);
  if (!looksLikeHtml(html)) throw new ExtractError('not-html', 'The page is not HTML.');
  checkTime();

  const built = buildDocument(html, checkTime);
  const doc = built.document;
  const base = pageBase(options.url, built.baseHref);
  const self = pageUrl(options.url, undefined) ?? undefined;

  const meta = readMetadata(doc, built.jsonLd, base);
  const links = readLinks(doc, base, self, meta.lang);
  checkTime();
  removeBoilerplate(doc, [...meta.blocks, ...links.blocks], links.loose);
  checkTime();

  let result: ReturnType<Readability['parse']>;
  try {
    const reader = new Readability(doc as never, {
      maxElemsToParse: MAX_ELEMENTS,
      // JSON-LD was read above, and its scripts never entered the DOM.
      disableJSONLD: true,
      charThreshold: 250,
    });
    guardReader(reader as unknown as Reader, checkTime);
    result = reader.parse();
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw new ExtractError('too-complex', 'The page could not be read as an article.');
  }
  checkTime();
  const content = result?.content;
  if (!content) throw new ExtractError('no-article', 'The page has no article text.');

  const parts = cleanHtmlParts(bound(content, MAX_BODY_CHARS * 4, ''), base);
  const text = sanitizeText(parts.text).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!text) throw new ExtractError('no-article', 'The page has no article text.');
  checkTime();

  const lang = meta.lang ?? normaliseLang(result?.lang) ?? detectLang(text);
  let image = meta.image;
  if (!image && parts.image) {
    const url = pageUrl(parts.image.src, base);
    if (url) image = { url, caption: parts.image.alt || null };
  }

  return {
    title: meta.title ?? line(result?.title, MAX_TITLE),
    author: meta.author ?? line(result?.byline?.replace(/^\s*(?:oleh|by)\s*:?\s*/i, ''), MAX_AUTHOR),
    published: meta.published,
    lang,
    siteName: meta.siteName ?? line(result?.siteName, 200),
    image,
    text: bound(text, MAX_BODY_CHARS),
    html: parts.html,
    // A keyword holding markup is not a tag anyone wrote ("<script>…" in a meta keywords attribute).
    tags: normaliseTags([...links.tags, ...meta.tags.filter((t) => !/[<>]/.test(t))]),
    related: links.related,
    alternates: links.alternates,
  };
}
