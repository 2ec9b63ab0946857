import {
  DetectError,
  MalformedError,
  ParseError,
  parseFeed as feedsmithParse,
  parseJsonFeed,
  type AnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
  type MediaNs,
} from 'feedsmith';
import type { Alternate, Enclosure, FeedFormat, ParsedFeed, ParsedItem } from '../types.js';
import { parseDate } from './dates.js';
import { decode } from './decode.js';
import {
  DepthError,
  capXmlItems,
  embeddedFeed,
  checkJsonDepth,
  checkXmlDepth,
  repairXml,
  resolveUrl,
  langTag,
  linkRel,
  rewriteForFeedsmith,
  scanLinks,
  type LinkScan,
  type ScannedLink,
} from './xml-tools.js';
import { problem, ProblemError, type Problem } from '../i18n/problem.js';
import { readPlainRss } from './plain-rss.js';

/** Documents larger than this (bytes before decoding, characters after) are refused. The fetcher caps bodies at 10 MiB. */
export const MAX_DOCUMENT_SIZE = 64 * 1024 * 1024;
/** Deepest element (or JSON array/object) nesting we read. Real feeds stay under 30. */
export const MAX_DEPTH = 200;
/** Items kept per document; the rest are dropped before the XML parser builds a tree. */
export const MAX_ITEMS = 5000;
/** Longest text field kept in a ParsedItem or feed title (characters); normalise bounds fields further. */
export const MAX_FIELD_CHARS = 1_000_000;
/** Most categories, enclosures and alternates kept per item. */
export const MAX_LIST = 100;

export const LENIENT_WARNING = 'parsed with the lenient fallback';

/** Why a document is not a feed cyberread can read; `problem` says it in the user's language. */
export class FeedParseError extends ProblemError {
  constructor(told: Problem, options?: { cause?: unknown }) {
    super(told, options);
    this.name = 'FeedParseError';
  }
}

export interface ParseOptions {
  url?: string;
  contentType?: string | null;
}

const NOT_A_FEED = problem('errNotAFeed');
const TOO_DEEP = problem('errTooDeep', MAX_DEPTH);

/**
 * Reads RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 and JSON Feed 1.0/1.1. Never fetches anything (no external
 * entities or DTDs) and never throws anything but FeedParseError.
 */
export function parseFeed(input: Uint8Array | string, options: ParseOptions = {}): ParsedFeed {
  return parseChecked(input, options, { allowPlain: true, via: 'feedsmith' });
}

/**
 * parseFeed with the plain-RSS scan allowed or not, and which path read the document: for the test that
 * holds the scan to feedsmith's answer, and for benchmarks.
 */
export function parseFeedVia(
  input: Uint8Array | string,
  options: ParseOptions,
  allowPlain: boolean,
): { feed: ParsedFeed; via: 'plain' | 'feedsmith' } {
  const path: ParsePath = { allowPlain, via: 'feedsmith' };
  const feed = parseChecked(input, options, path);
  return { feed, via: path.via };
}

/** Whether the plain-RSS scan may read the document, and (set by the parse) which path did. */
interface ParsePath {
  allowPlain: boolean;
  via: 'plain' | 'feedsmith';
}

function parseChecked(input: Uint8Array | string, options: ParseOptions, path: ParsePath): ParsedFeed {
  try {
    return parseUnchecked(input, options, path);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    if (error instanceof DepthError) throw new FeedParseError(TOO_DEEP, { cause: error });
    if (error instanceof RangeError) {
      throw new FeedParseError(problem('errTooComplex'), { cause: error });
    }
    throw new FeedParseError(problem('errParserFailed'), { cause: error });
  }
}

function parseUnchecked(input: Uint8Array | string, options: ParseOptions, path: ParsePath): ParsedFeed {
  if (typeof input !== 'string' && input.byteLength > MAX_DOCUMENT_SIZE) throw tooLarge();
  let text = typeof input === 'string' ? input : decode(input, options.contentType);
  if (text.length > MAX_DOCUMENT_SIZE) throw tooLarge();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new FeedParseError(problem('errEmptyDocument'));
  if (looksBinary(text)) throw new FeedParseError(problem('errBinary'));

  const start = text.search(/\S/);
  const firstChar = text[start];
  if (firstChar === '{' || firstChar === '[') return parseJson(text, options);

  const lt = text.indexOf('<');
  if (lt === -1) throw new FeedParseError(problem('errPlainText'));
  const xml = text.slice(lt);
  // A plain RSS 2.0 document (most of them) is read in one scan without feedsmith's tree; the scan accepts
  // only well-formed documents well under MAX_DEPTH and MAX_ITEMS, so the depth check and the item cap
  // below could not change anything for it.
  const plain = path.allowPlain ? readPlainRss(xml, PLAIN_MAX_ITEMS) : null;
  if (plain !== null) {
    path.via = 'plain';
    return mapXml({ format: 'rss', feed: plain }, xml, options, []);
  }
  const shape = checkXmlDepth(text, MAX_DEPTH);
  return parseXml(shape.rewrite ? rewriteForFeedsmith(xml) : xml, options, shape.balanced);
}

/**
 * Most items the plain-RSS scan takes. capXmlItems counts `<item` in the text (CDATA bodies included), so
 * the scan leaves documents anywhere near MAX_ITEMS to the capped path.
 */
const PLAIN_MAX_ITEMS = MAX_ITEMS - 1000;

function tooLarge(): FeedParseError {
  return new FeedParseError(problem('errDocumentTooLarge', MAX_DOCUMENT_SIZE));
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  if (head.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x1b)) bad++;
  }
  return bad > 16 && bad * 10 > head.length;
}

/** The format of a document whose root is a feed element, for a feed in which feedsmith found nothing. */
function emptyFeedFormat(rootName: string | null): FeedFormat | null {
  if (rootName === 'rss' || rootName === 'channel') return 'rss';
  if (rootName === 'feed') return 'atom';
  if (rootName === 'rdf') return 'rdf';
  return null;
}

function isFeedsmithRejection(error: unknown): boolean {
  return error instanceof DetectError || error instanceof MalformedError || error instanceof ParseError;
}

// ---------------------------------------------------------------------------------------------------------
// XML

function parseXml(original: string, options: ParseOptions, balanced: boolean): ParsedFeed {
  const warnings: string[] = [];
  // Items first: an RSS document is then looked through once, not twice.
  const tag = !/<(?:[A-Za-z_][\w.-]*:)?item[\s>/]/i.test(original) && /<(?:[A-Za-z_][\w.-]*:)?entry[\s>/]/i.test(original) ? 'entry' : 'item';
  const capped = capXmlItems(original, tag, MAX_ITEMS);
  if (capped.total > MAX_ITEMS) warnings.push(`kept the first ${MAX_ITEMS} of ${capped.total} items`);
  let text = capped.text;

  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmithParse<string>(text, { maxItems: MAX_ITEMS });
  } catch (error) {
    if (!isFeedsmithRejection(error)) throw error;
    // Includes fast-xml-parser's own 100-level limit outside text elements: the repair reads up to MAX_DEPTH.
    const repaired = repairXml(text, MAX_DEPTH);
    if (repaired.xml === null) {
      if (repaired.rootName === 'html' || /^\s*<!doctype\s+html/i.test(text)) {
        // A feed inside a web page (an XHTML page around an Atom feed): the feed is what a person wants.
        const inner = embeddedFeed(text);
        if (inner !== null) {
          const feed = parseXml(inner, options, true);
          feed.warnings.unshift(LENIENT_WARNING);
          return feed;
        }
        throw new FeedParseError(problem('errHtml'));
      }
      throw new FeedParseError(NOT_A_FEED);
    }
    try {
      parsed = feedsmithParse<string>(repaired.xml, { maxItems: MAX_ITEMS });
    } catch (again) {
      if (!isFeedsmithRejection(again)) throw again;
      // feedsmith refuses a feed in which it found nothing it knows (no items, no title): that is an empty
      // feed, not a broken one, when the document is a whole feed element. A cut-off one stays an error.
      const format = balanced ? emptyFeedFormat(repaired.rootName) : null;
      if (format === null) throw new FeedParseError(problem('errDamagedXml'), { cause: again });
      return { format, items: [], warnings };
    }
    text = repaired.xml;
    warnings.push(LENIENT_WARNING);
  }
  return mapXml(parsed, text, options, warnings);
}

/** A parsed XML feed as a ParsedFeed; `text` is the document it was read from, `warnings` what reading it said. */
function mapXml(parsed: AnyFeed<string>, text: string, options: ParseOptions, warnings: string[]): ParsedFeed {
  // feedsmith keeps xml:base and xml:lang only on the feed and on items, and drops xhtml:link and
  // dc:author; scan for them when present.
  const scan = /xml:base|xhtml|dc:author/i.test(text) || needsLangScan(text) ? scanLinks(text, options.url) : null;
  const clip = new Clipper();
  let feed: ParsedFeed;
  switch (parsed.format) {
    case 'rss':
      feed = mapRss(parsed.feed, options, scan, clip);
      break;
    case 'atom':
      feed = mapAtom(parsed.feed, options, scan, clip);
      break;
    case 'rdf':
      feed = mapRdf(parsed.feed, options, scan, clip);
      break;
    case 'json':
      feed = mapJson(parsed.feed, options, clip);
      break;
  }
  if (options.url === undefined) absolutise(feed, selfLink(parsed));
  feed.warnings.unshift(...warnings);
  clip.report(feed.warnings);
  return feed;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The document's own address as it states it (atom:link rel="self"), when absolute. */
function selfLink(parsed: AnyFeed<string>): string | undefined {
  const links = parsed.format === 'atom' ? parsed.feed.links : parsed.format === 'json' ? undefined : parsed.feed.atom?.links;
  const self = links?.find((l) => l.rel !== undefined && linkRel(l.rel) === 'self')?.href?.trim();
  return self !== undefined && HAS_SCHEME.test(self) ? self : undefined;
}

/**
 * A document read without its own URL (a file, a test) and without an absolute xml:base can still say where
 * it lives: relative item links are read against the feed's site link, else against the address the
 * document gives itself (rel="self"), and an item's relative image and enclosures against the item's link,
 * as SimplePie does.
 */
function absolutise(feed: ParsedFeed, self: string | undefined): void {
  if (feed.siteUrl !== undefined && self !== undefined && !HAS_SCHEME.test(feed.siteUrl)) feed.siteUrl = resolveUrl(feed.siteUrl, self) ?? feed.siteUrl;
  const site = feed.siteUrl !== undefined && HAS_SCHEME.test(feed.siteUrl) ? feed.siteUrl : self;
  for (const item of feed.items) {
    if (item.link !== undefined && site && !HAS_SCHEME.test(item.link)) item.link = resolveUrl(item.link, site) ?? item.link;
    const base = item.link !== undefined && HAS_SCHEME.test(item.link) ? item.link : site;
    if (base === undefined) continue;
    if (item.image !== undefined && !HAS_SCHEME.test(item.image)) item.image = resolveUrl(item.image, base) ?? item.image;
    for (const e of item.enclosures) if (!HAS_SCHEME.test(e.url)) e.url = resolveUrl(e.url, base) ?? e.url;
  }
}

/**
 * xml:lang anywhere but on the feed element (or its root) needs the scan: on an item's content it is the
 * language of the body, and a feed-level one is inherited by everything below it. One xml:lang before the
 * first item is feedsmith's feed.xml.lang, which items inherit anyway, and costs no second pass.
 */
function needsLangScan(text: string): boolean {
  const first = text.indexOf('xml:lang');
  if (first === -1) return false;
  if (text.indexOf('xml:lang', first + 8) !== -1) return true;
  const item = text.search(/<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>]/);
  return item !== -1 && first > item;
}

// ---------------------------------------------------------------------------------------------------------
// JSON Feed

function parseJson(text: string, options: ParseOptions): ParsedFeed {
  checkJsonDepth(text, MAX_DEPTH);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FeedParseError(problem('errBadJson'));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new FeedParseError(NOT_A_FEED);
  const warnings: string[] = [];
  const record = json as Record<string, unknown>;
  const items = record.items;
  // Some writers put "1.0" or "1.1" where the spec wants the version URL; feedsmith then refuses an
  // otherwise perfect feed. An object with an items list or a title is read as the JSON Feed it claims to be.
  if (typeof record.version === 'string' && !record.version.includes('jsonfeed.org/version/') && (Array.isArray(items) || typeof record.title === 'string')) {
    record.version = 'https://jsonfeed.org/version/1.1';
  }
  if (Array.isArray(items) && items.length > MAX_ITEMS) {
    warnings.push(`kept the first ${MAX_ITEMS} of ${items.length} items`);
    record.items = items.slice(0, MAX_ITEMS);
  }
  let feed: JsonFeed.Feed<string>;
  try {
    feed = parseJsonFeed<string>(record, { maxItems: MAX_ITEMS });
  } catch (error) {
    if (!isFeedsmithRejection(error)) throw error;
    throw new FeedParseError(problem('errJsonNotFeed'), { cause: error });
  }
  const clip = new Clipper();
  const parsed = mapJson(feed, options, clip);
  parsed.warnings.unshift(...warnings);
  clip.report(parsed.warnings);
  return parsed;
}

function mapJson(feed: JsonFeed.Feed<string>, options: ParseOptions, clip: Clipper): ParsedFeed {
  const base = options.url;
  const feedAuthor = feed.authors?.find((a) => a.name)?.name;
  const items: ParsedItem[] = (feed.items ?? []).slice(0, MAX_ITEMS).map((it) => {
    const contentHtml = it.content_html ?? (it.content_text !== undefined ? textToHtml(it.content_text) : undefined);
    const item: ParsedItem = {
      guid: clip.opt(stringish(it.id)),
      link: clip.opt(resolveUrl(it.url ?? it.external_url, base)),
      title: clip.opt(it.title),
      author: clip.opt(it.authors?.find((a) => a.name)?.name ?? feedAuthor),
      published: parseDate(it.date_published),
      updated: parseDate(it.date_modified),
      summary: clip.opt(it.summary),
      contentHtml: clip.opt(contentHtml),
      categories: uniq((it.tags ?? []).map((t) => clip.text(String(t).trim())).filter((t) => t !== '')),
      lang: it.language?.trim() || undefined,
      alternates: [],
      enclosures: (it.attachments ?? []).flatMap((a) => enclosure(a.url, a.mime_type, a.size_in_bytes, base, clip)).slice(0, MAX_LIST),
      image: clip.opt(resolveUrl(it.image ?? it.banner_image, base)),
    };
    return compact(item);
  });
  return compact({
    format: 'json',
    title: clip.opt(feed.title),
    siteUrl: clip.opt(resolveUrl(feed.home_page_url, base)),
    lang: feed.language?.trim() || undefined,
    items,
    warnings: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// RSS 0.9x / 2.0

/**
 * An RSS/RDF item's base URL and links: from the link scan when it covered this item (it sees xml:base on
 * single elements and xhtml:link, which feedsmith drops), else from feedsmith's fields.
 */
function itemLinks(
  it: { link?: string; xml?: { base?: string }; atom?: { links?: Parameters<typeof atomLinks>[0] } },
  scanned: { base: string | undefined; links: ScannedLink[] } | undefined,
  feedBase: string | undefined,
): { base: string | undefined; links: ScannedLink[] } {
  if (scanned) return { base: scanned.base, links: scanned.links };
  const base = resolveUrl(it.xml?.base, feedBase) ?? feedBase;
  const links: ScannedLink[] = [
    ...(it.link !== undefined ? [{ href: resolveUrl(it.link, base) ?? '', kind: 'text' as const }] : []),
    ...atomLinks(it.atom?.links, base),
  ].filter((l) => l.href !== '');
  return { base, links };
}

type RssItem = RssFeed.Item<string>;

function mapRss(feed: RssFeed.Feed<string>, options: ParseOptions, scan: LinkScan | null, clip: Clipper): ParsedFeed {
  const feedBase = scan?.feedBase ?? resolveUrl(feed.xml?.base, options.url) ?? options.url;
  const feedAuthor = firstNonEmpty(
    personText(feed.dc?.creators?.[0]),
    feed.itunes?.author,
    personName(feed.managingEditor),
    atomPerson(feed.atom?.authors?.[0]),
    personText(scan?.feedAuthor),
  );
  const lang = langTag(firstNonEmpty(feed.language, feed.dc?.languages?.[0], scan?.feedLang, feed.xml?.lang));
  const rawItems = (feed.items ?? []).slice(0, MAX_ITEMS);
  const scanned = scan && scan.items.length === rawItems.length ? scan.items : null;
  const items = rawItems.map((it: RssItem, i) => {
    const { base, links } = itemLinks(it, scanned?.[i], feedBase);
    const textLink = links.find((l) => l.kind === 'text');
    const guid = it.guid?.value;
    const guidLink = it.guid?.isPermaLink !== false && guid !== undefined && /^https?:\/\//i.test(guid) ? guid : undefined;
    const link = textLink?.href ?? chooseLink(links.filter((l) => l.kind === 'attr'), it.xml?.lang ?? lang)?.href ?? guidLink;
    const native = (it.enclosures ?? []).flatMap((e) => enclosure(e.url, e.type, e.length, base, clip));
    const enclosures = [...native, ...mediaEnclosures(it.media, native, base, clip)];
    const item: ParsedItem = {
      // Writers that mix vocabularies identify items with atom:id or dc:identifier when there is no guid.
      guid: clip.opt(firstNonEmpty(guid, it.atom?.id, it.dc?.identifiers?.[0])),
      link: clip.opt(link),
      title: clip.opt(
        firstNonEmpty(it.title, it.dc?.titles?.[0], textConstruct(it.atom?.title), it.itunes?.title, mediaText(it.media, 'title')),
      ),
      author: clip.opt(
        firstNonEmpty(
          personName(it.authors?.[0]),
          personText(it.dc?.creators?.[0]),
          personText(scanned?.[i]?.author),
          it.itunes?.author,
          atomPerson(it.atom?.authors?.[0]),
          feedAuthor,
        ),
      ),
      published: firstDate(it.pubDate, it.dc?.dates?.[0], it.atom?.published, it.dcterms?.issued?.[0], it.dcterms?.created?.[0], it.atom?.updated, it.dcterms?.modified?.[0]),
      updated: firstDate(it.atom?.updated, it.dcterms?.modified?.[0]),
      summary: clip.opt(
        firstNonEmpty(
          it.description,
          it.dc?.descriptions?.[0],
          textConstruct(it.atom?.summary),
          it.itunes?.summary,
          it.itunes?.subtitle,
          mediaText(it.media, 'description'),
        ),
      ),
      // Writers that mix vocabularies put the body in atom:content inside an RSS item.
      contentHtml: clip.opt(firstNonEmpty(it.content?.encoded, textConstruct(it.atom?.content))),
      categories: uniq([
        ...(it.categories ?? []).map((c) => c.name),
        ...(it.dc?.subjects ?? []),
        ...(it.atom?.categories ?? []).map((c) => c.term ?? c.label),
        ...(it.media?.categories ?? []).map((c) => c.name ?? c.label),
        ...(it.itunes?.keywords ?? []),
      ].map((c) => clip.text(String(c ?? '').trim())).filter((c) => c !== '')),
      lang: langTag(firstNonEmpty(scanned ? scanned[i]?.lang : it.xml?.lang, it.dc?.languages?.[0])),
      alternates: alternatesFrom(links, clip),
      enclosures: enclosures.slice(0, MAX_LIST),
      image: clip.opt(mediaImage(it.media, base) ?? resolveUrl(it.itunes?.image, base) ?? imageEnclosure(enclosures)),
    };
    return compact(item);
  });
  const siteLinks = scan ? scan.feedLinks : [];
  return compact({
    format: 'rss' as FeedFormat,
    title: clip.opt(firstNonEmpty(feed.title, feed.dc?.titles?.[0], textConstruct(feed.atom?.title))),
    siteUrl: clip.opt(
      siteLinks.find((l) => l.kind === 'text')?.href ??
        resolveUrl(feed.link, feedBase) ??
        chooseLink(atomLinks(feed.atom?.links, feedBase), lang)?.href,
    ),
    lang,
    items,
    warnings: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// RSS 1.0 / RDF

function mapRdf(feed: RdfFeed.Feed<string>, options: ParseOptions, scan: LinkScan | null, clip: Clipper): ParsedFeed {
  const feedBase = scan?.feedBase ?? options.url;
  const feedAuthor = personText(feed.dc?.creators?.[0]);
  const lang = langTag(firstNonEmpty(feed.dc?.languages?.[0], scan?.feedLang));
  const rawItems = (feed.items ?? []).slice(0, MAX_ITEMS);
  const scanned = scan && scan.items.length === rawItems.length ? scan.items : null;
  const items = rawItems.map((it, i) => {
    const { base, links } = itemLinks(it, scanned?.[i], feedBase);
    const atom = it.atom;
    const enclosures = links.filter((l) => l.rel === 'enclosure').flatMap((l) => enclosure(l.href, l.type, l.length, undefined, clip));
    enclosures.push(...mediaEnclosures(it.media, enclosures, base, clip));
    const item: ParsedItem = {
      // RSS 0.90 and 1.0 items borrow from Atom and Dublin Core as RSS 2.0 ones do.
      guid: clip.opt(firstNonEmpty(it.rdf?.about, atom?.id, it.dc?.identifiers?.[0], it.link)),
      link: clip.opt(
        links.find((l) => l.kind === 'text')?.href ??
          chooseLink(links.filter((l) => l.kind === 'attr'), lang)?.href ??
          resolveUrl(it.rdf?.about, base),
      ),
      title: clip.opt(firstNonEmpty(it.title, it.dc?.titles?.[0], textConstruct(atom?.title))),
      author: clip.opt(firstNonEmpty(personText(it.dc?.creators?.[0]), atomPerson(atom?.authors?.[0]), feedAuthor)),
      published: firstDate(it.dc?.dates?.[0], atom?.published, it.dcterms?.issued?.[0], it.dcterms?.created?.[0], atom?.updated, it.dcterms?.modified?.[0]),
      updated: firstDate(atom?.updated, it.dcterms?.modified?.[0]),
      summary: clip.opt(firstNonEmpty(it.description, it.dc?.descriptions?.[0], textConstruct(atom?.summary))),
      contentHtml: clip.opt(firstNonEmpty(it.content?.encoded, textConstruct(atom?.content))),
      categories: uniq(
        [...(it.dc?.subjects ?? []), ...(atom?.categories ?? []).map((c) => c.term ?? c.label), ...(it.media?.categories ?? []).map((c) => c.name ?? c.label)]
          .map((c) => clip.text(String(c ?? '').trim()))
          .filter((c) => c !== ''),
      ),
      lang: langTag(firstNonEmpty(scanned?.[i]?.lang, it.xml?.lang, it.dc?.languages?.[0])),
      alternates: alternatesFrom(links, clip),
      enclosures: enclosures.slice(0, MAX_LIST),
      image: clip.opt(mediaImage(it.media, base) ?? imageEnclosure(enclosures)),
    };
    return compact(item);
  });
  return compact({
    format: 'rdf' as FeedFormat,
    title: clip.opt(firstNonEmpty(feed.title, feed.dc?.titles?.[0], textConstruct(feed.atom?.title))),
    siteUrl: clip.opt(resolveUrl(feed.link, feedBase) ?? chooseLink(atomLinks(feed.atom?.links, feedBase), lang)?.href),
    lang,
    items,
    warnings: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Atom 0.3 / 1.0

function mapAtom(feed: AtomFeed.Feed<string>, options: ParseOptions, scan: LinkScan | null, clip: Clipper): ParsedFeed {
  const feedBase = scan?.feedBase ?? resolveUrl(feed.xml?.base, options.url) ?? options.url;
  const feedAuthor = firstNonEmpty(atomPerson(feed.authors?.[0]), personText(feed.dc?.creators?.[0]));
  const lang = langTag(firstNonEmpty(scan?.feedLang, feed.xml?.lang, feed.dc?.languages?.[0]));
  const rawEntries = (feed.entries ?? []).slice(0, MAX_ITEMS);
  const scanned = scan && scan.items.length === rawEntries.length ? scan.items : null;
  const items = rawEntries.map((e, i) => {
    const s = scanned?.[i];
    const base = s ? s.base : resolveUrl(e.xml?.base, feedBase) ?? feedBase;
    const links: ScannedLink[] = s ? s.links.filter((l) => l.kind === 'attr') : atomLinks(e.links, base);
    const itemLang = s ? s.lang : langTag(e.xml?.lang);
    const enclosures = links
      .filter((l) => l.rel === 'enclosure')
      .flatMap((l) => enclosure(l.href, l.type, l.length, undefined, clip));
    enclosures.push(...mediaEnclosures(e.media, enclosures, base, clip));
    const content = e.content;
    const contentHtml = textConstruct(content);
    const item: ParsedItem = {
      guid: clip.opt(firstNonEmpty(e.id, e.dc?.identifiers?.[0])),
      // Out-of-line content (<content src="…"/>) is where the entry's text is when it has no alternate link.
      link: clip.opt(chooseLink(links, itemLang ?? lang)?.href ?? resolveUrl(content?.src, base)),
      title: clip.opt(textConstruct(e.title) ?? firstNonEmpty(e.dc?.titles?.[0]) ?? mediaText(e.media, 'title')),
      // RFC 4287 §4.2.1: an entry without an author has the authors of its atom:source, then of the feed.
      author: clip.opt(
        firstNonEmpty(atomPerson(e.authors?.[0]), personText(e.dc?.creators?.[0]), e.itunes?.author, atomPerson(e.source?.authors?.[0]), feedAuthor),
      ),
      published: firstDate(e.published, e.dc?.dates?.[0], e.dcterms?.issued?.[0], e.dcterms?.created?.[0], e.updated, e.dcterms?.modified?.[0]),
      updated: firstDate(e.updated, e.dcterms?.modified?.[0]),
      summary: clip.opt(
        textConstruct(e.summary) ?? firstNonEmpty(e.dc?.descriptions?.[0], e.itunes?.summary, e.itunes?.subtitle) ?? mediaText(e.media, 'description'),
      ),
      contentHtml: clip.opt(contentHtml),
      categories: uniq(
        [
          ...(e.categories ?? []).map((c) => c.term ?? c.label),
          ...(e.dc?.subjects ?? []),
          ...(e.media?.categories ?? []).map((c) => c.name ?? c.label),
          ...(e.itunes?.keywords ?? []),
        ]
          .map((c) => clip.text(String(c ?? '').trim()))
          .filter((c) => c !== ''),
      ),
      lang: itemLang,
      alternates: alternatesFrom(links, clip),
      enclosures: enclosures.slice(0, MAX_LIST),
      image: clip.opt(mediaImage(e.media, base) ?? resolveUrl(e.itunes?.image, base) ?? imageEnclosure(enclosures)),
    };
    return compact(item);
  });
  const feedLinks = scan ? scan.feedLinks.filter((l) => l.kind === 'attr') : atomLinks(feed.links, feedBase);
  return compact({
    format: 'atom' as FeedFormat,
    title: clip.opt(textConstruct(feed.title) ?? firstNonEmpty(feed.dc?.titles?.[0])),
    siteUrl: clip.opt(chooseLink(feedLinks, lang)?.href),
    lang,
    items,
    warnings: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Shared helpers

function atomLinks(links: Array<AtomFeed.Link<string>> | undefined, base: string | undefined): ScannedLink[] {
  const out: ScannedLink[] = [];
  for (const l of links ?? []) {
    const href = resolveUrl(l.href, base);
    if (href === undefined) continue;
    const link: ScannedLink = { href, kind: 'attr' };
    if (l.rel) link.rel = linkRel(l.rel);
    if (l.type) link.type = l.type.trim().toLowerCase();
    if (l.hreflang) link.hreflang = l.hreflang.trim();
    if (typeof l.length === 'number') link.length = l.length;
    out.push(link);
  }
  return out;
}

/** rel=alternate (or no rel) links; text/html first, then untyped, then one in the item's language. */
function chooseLink(links: ScannedLink[], lang: string | undefined): ScannedLink | undefined {
  let best: ScannedLink | undefined;
  let bestScore = -1;
  for (const l of links) {
    if (l.rel !== undefined && l.rel !== 'alternate') continue;
    let score = 0;
    if (l.type === 'text/html' || l.type === 'application/xhtml+xml') score += 4;
    else if (l.type === undefined) score += 2;
    if (l.hreflang === undefined || (lang !== undefined && sameLang(l.hreflang, lang))) score += 1;
    if (score > bestScore) {
      best = l;
      bestScore = score;
    }
  }
  return best;
}

function sameLang(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split('-')[0] === y.split('-')[0];
}

function alternatesFrom(links: ScannedLink[], clip: Clipper): Alternate[] {
  const out: Alternate[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    if (l.kind !== 'attr' || l.rel !== 'alternate' || !l.hreflang) continue;
    const key = `${l.hreflang}\u0000${l.href}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ href: clip.text(l.href), hreflang: l.hreflang });
    if (out.length >= MAX_LIST) break;
  }
  return out;
}

function enclosure(
  url: string | undefined,
  type: string | undefined,
  length: number | undefined,
  base: string | undefined,
  clip: Clipper,
): Enclosure[] {
  const href = resolveUrl(url, base);
  if (href === undefined) return [];
  const e: Enclosure = { url: clip.text(href) };
  if (type?.trim()) e.type = type.trim().toLowerCase();
  if (typeof length === 'number' && Number.isFinite(length) && length >= 0) e.length = length;
  return [e];
}

/**
 * Audio and video in media:content (alone or in a media:group) are the attachments of feeds that write no
 * enclosure (podcast and video hosts), as SimplePie and feed-rs read them; the ones an enclosure already
 * names are not repeated. Images stay out: they are the item's illustration (`image`), and a news feed's
 * thumbnail listed as an attachment of every article would be noise.
 */
function mediaEnclosures(media: MediaNs.ItemOrFeed | undefined, have: Enclosure[], base: string | undefined, clip: Clipper): Enclosure[] {
  if (!media) return [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  if (contents.length === 0) return [];
  const seen = new Set(have.map((e) => e.url));
  const out: Enclosure[] = [];
  for (const c of contents) {
    if (!c.url || isImageContent(c)) continue;
    const [e] = enclosure(c.url, c.type ?? mediumType(c.medium, c.url), c.fileSize, base, clip);
    if (!e || seen.has(e.url)) continue;
    seen.add(e.url);
    out.push(e);
  }
  return out;
}

/** A media type for media:content that names only its medium ("audio") and a file name with a known extension. */
function mediumType(medium: string | undefined, url: string | undefined): string | undefined {
  const m = medium?.trim().toLowerCase();
  if (m !== 'audio' && m !== 'video') return undefined;
  const ext = /\.([a-z0-9]{2,4})(?:[?#]|$)/i.exec(url ?? '')?.[1]?.toLowerCase();
  const sub = ext === 'jpg' ? 'jpeg' : ext === 'mp3' ? 'mpeg' : ext;
  return sub ? `${m}/${sub}` : undefined;
}

function imageEnclosure(enclosures: Enclosure[]): string | undefined {
  return enclosures.find((e) => e.type?.startsWith('image/'))?.url;
}

function isImageContent(c: MediaNs.Content): boolean {
  if (c.medium) return c.medium.toLowerCase() === 'image';
  if (c.type) return c.type.toLowerCase().startsWith('image/');
  return /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i.test(c.url ?? '');
}

function mediaImage(media: MediaNs.ItemOrFeed | undefined, base: string | undefined): string | undefined {
  if (!media) return undefined;
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  const image = contents.find((c) => c.url && isImageContent(c))?.url;
  const thumb =
    media.thumbnails?.[0]?.url ??
    contents.flatMap((c) => c.thumbnails ?? []).find((t) => t.url)?.url ??
    (media.groups ?? []).flatMap((g) => g.thumbnails ?? []).find((t) => t.url)?.url;
  return resolveUrl(image ?? thumb, base);
}

/** The first of several candidate dates that reads as a date. */
function firstDate(...values: Array<string | undefined>): string | null {
  for (const v of values) {
    if (v === undefined) continue;
    const d = parseDate(v);
    if (d !== null) return d;
  }
  return null;
}

function personName(p: RssFeed.Person | undefined): string | undefined {
  if (!p) return undefined;
  return firstNonEmpty(p.name, p.email);
}

function atomPerson(p: AtomFeed.Person | undefined): string | undefined {
  if (!p) return undefined;
  return firstNonEmpty(p.name, p.email);
}

const NAME_THEN_EMAIL = /^(.+?)\s*[(<]\s*[^\s()<>@]+@[^\s()<>]+\s*[)>]$/;
const EMAIL_THEN_NAME = /^[^\s()<>@]+@[^\s()<>]+\s*\((.+)\)$/;

/**
 * The name in a person written as one string ("Name (me@example.com)", "me@example.com (Name)",
 * "Name <me@example.com>"), as dc:creator often is; any other text as it is.
 */
function personText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (!t.includes('@')) return t;
  const m = NAME_THEN_EMAIL.exec(t) ?? EMAIL_THEN_NAME.exec(t);
  return m?.[1]?.trim() || t;
}

function isPlainTextType(type: string | undefined): boolean {
  return type === undefined || type === 'text' || type === 'text/plain';
}

/**
 * An Atom text construct as HTML: type="text" (and Atom 0.3's text/plain, and no type at all) is plain text
 * that may hold "<" or "&" as characters, so it is escaped; html and xhtml are markup already.
 */
function textConstruct(t: { value?: string; type?: string } | undefined): string | undefined {
  if (t?.value === undefined) return undefined;
  if (isBase64Type(t.type)) return fromBase64(t.value, t.type);
  return isPlainTextType(t.type) || isOtherXmlType(t.type) ? textToHtml(t.value) : t.value;
}

/**
 * XML that is not XHTML (application/atom+xml, image/svg+xml …) is no HTML body: shown as its source text.
 * feedsmith hands it over as the text inside the element.
 */
function isOtherXmlType(type: string | undefined): boolean {
  if (type === undefined || !type.includes('/')) return false;
  const t = type.trim().toLowerCase();
  return (t.endsWith('/xml') || t.endsWith('+xml')) && t !== 'application/xhtml+xml' && t !== 'text/xml';
}

/**
 * RFC 4287 §4.1.3.3: Atom content of a media type that is neither text nor XML is base64. Writers use it
 * (application/octet-stream) for titles and summaries too; what they encode is HTML.
 */
function isBase64Type(type: string | undefined): type is string {
  if (type === undefined || !type.includes('/')) return false;
  const t = type.trim().toLowerCase();
  return !t.startsWith('text/') && !t.endsWith('/xml') && !t.endsWith('+xml') && t !== 'application/xhtml+xml';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BINARY_TYPE = /^(?:image|audio|video|font|model)\/|^application\/octet-stream$/;

/**
 * Base64 text as UTF-8. Writers also put plain text under a media type that is neither text nor XML
 * ({"a":1} as application/json, a word as application/x-custom): what is not base64, or decodes to
 * something that is not UTF-8 text under a type that is not binary, is that text. Binary that is not text
 * (an inline image) is undefined.
 */
function fromBase64(value: string, type: string): string | undefined {
  const packed = value.replace(/\s+/g, '');
  if (packed.length % 4 === 0 && BASE64.test(packed)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(packed, 'base64'));
    } catch {
      // not text: binary, or a word that happens to be made of base64 letters
    }
  }
  return BINARY_TYPE.test(type.trim().toLowerCase()) ? undefined : textToHtml(value);
}

function mediaText(media: MediaNs.ItemOrFeed | undefined, key: 'title' | 'description'): string | undefined {
  if (!media) return undefined;
  const own = media[key];
  const text = own ?? media.groups?.find((g) => g[key]?.value)?.[key];
  if (text?.value === undefined) return undefined;
  return text.type === 'html' ? text.value : textToHtml(text.value);
}

function textToHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function stringish(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function firstNonEmpty(...values: Array<string | undefined | null>): string | undefined {
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function uniq(values: string[]): string[] {
  return [...new Set(values)].slice(0, MAX_LIST);
}

/** Drops undefined optional fields so results compare cleanly and serialise small. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) {
    if (o[k] === undefined) delete o[k];
  }
  return o;
}

/** Shortens overlong fields and remembers how many it shortened, for one warning per document. */
class Clipper {
  count = 0;

  text(s: string): string {
    if (s.length <= MAX_FIELD_CHARS) return s;
    this.count++;
    let end = MAX_FIELD_CHARS;
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    return s.slice(0, end);
  }

  opt(s: string | undefined | null): string | undefined {
    if (typeof s !== 'string') return undefined;
    return s === '' ? undefined : this.text(s);
  }

  report(warnings: string[]): void {
    if (this.count > 0) warnings.push(`shortened ${this.count} text field(s) longer than ${MAX_FIELD_CHARS} characters`);
  }
}
