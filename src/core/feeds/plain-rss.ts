/**
 * A fast path for the common, plain RSS 2.0 document: one forward scan of the text that builds the same
 * object feedsmith would (the fields parse.ts reads), without fast-xml-parser's tree. feedsmith's tree and
 * its `compress` pass were a quarter of the garbage a fresh import made per article, and GC a quarter of the
 * parsing thread's time (bench/CHANGES.md, issue #13).
 *
 * It reads only what it fully understands and answers null (feedsmith reads the document, as before) the
 * moment it meets anything else: an element it does not know in the channel or an item (iTunes, Media RSS,
 * Atom elements other than atom:link …), an attribute it does not expect, markup or a comment
 * inside a text field, a DOCTYPE, a namespace declared anywhere but on <rss> or bound to a URI feedsmith
 * would read differently, a default namespace, text outside elements, anything not well-formed. Text fields
 * are turned into strings exactly as feedsmith's parseString does (comments stripped, CDATA kept verbatim,
 * HTML entities decoded with the same `entities` function, trimmed, empty is absent), and singular fields
 * take the first occurrence, lists every one, as fast-xml-parser + feedsmith do.
 * test/core/plain-rss.test.ts checks that every document this accepts parses to the same feed both ways.
 */
import { decodeHTML } from 'entities';
import type { AtomFeed, DcNs, RssFeed } from 'feedsmith';

type Feed = RssFeed.Feed<string>;
type Item = RssFeed.Item<string>;

/** Thrown (a constant, no stack) to leave the scan; never escapes this module. */
const BAIL = Symbol('plainRssBail');

const BASE64_MODE = /\smode\s*=\s*["']base64["']/i;

/** Namespaces whose elements the scan reads or skips, with the URIs feedsmith maps to them. */
const KNOWN_URIS: Record<string, string> = Object.create(null) as Record<string, string>;
for (const [prefix, uris] of [
  ['dc', ['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/elements/1.1', 'http://dublincore.org/documents/dcmi-namespace/', 'http://dublincore.org/documents/dcmi-namespace', 'http://purl.org/dc/elements/1.0/', 'http://purl.org/dc/elements/1.0']],
  ['content', ['http://purl.org/rss/1.0/modules/content/', 'http://purl.org/rss/1.0/modules/content']],
  ['atom', ['http://www.w3.org/2005/atom', 'http://www.w3.org/2005/atom/', 'http://purl.org/atom/ns#']],
  ['wfw', ['http://wellformedweb.org/commentapi/', 'http://wellformedweb.org/commentapi']],
  ['slash', ['http://purl.org/rss/1.0/modules/slash/', 'http://purl.org/rss/1.0/modules/slash']],
  ['sy', ['http://purl.org/rss/1.0/modules/syndication/', 'http://purl.org/rss/1.0/modules/syndication']],
] as const) {
  for (const uri of uris) {
    KNOWN_URIS[uri] = prefix;
    KNOWN_URIS[uri.replace('http:', 'https:')] = prefix;
  }
}

/** Dublin Core elements feedsmith reads into lists, by the list's name in its DcNs object. */
const DC_LISTS: Record<string, keyof DcNs.ItemOrFeed<string>> = {
  'dc:title': 'titles',
  'dc:creator': 'creators',
  'dc:subject': 'subjects',
  'dc:description': 'descriptions',
  'dc:publisher': 'publishers',
  'dc:contributor': 'contributors',
  'dc:date': 'dates',
  'dc:type': 'types',
  'dc:format': 'formats',
  'dc:identifier': 'identifiers',
  'dc:source': 'sources',
  'dc:language': 'languages',
  'dc:relation': 'relations',
  'dc:coverage': 'coverage',
  'dc:rights': 'rights',
};

/** Channel elements whose text parse.ts never reads. */
const CHANNEL_IGNORED_TEXT = new Set([
  'description', 'copyright', 'generator', 'docs', 'ttl', 'lastBuildDate', 'pubDate', 'category', 'rating',
  'sy:updatePeriod', 'sy:updateFrequency', 'sy:updateBase',
]);
/** Channel elements with children that parse.ts never reads; skipped whole. */
const CHANNEL_IGNORED_TREE = new Set(['image', 'textInput', 'cloud', 'skipHours', 'skipDays']);
/** webMaster is a person feedsmith reads but parse.ts does not: its text may be anything a person may be. */
/** Item elements whose text parse.ts never reads. */
const ITEM_IGNORED_TEXT = new Set(['comments', 'source', 'wfw:commentRss', 'wfw:comment', 'slash:comments']);

/** Deepest nesting inside a skipped channel element (image, skipHours …); real ones are one level deep. */
const MAX_SKIP_DEPTH = 16;

/**
 * The feed as feedsmith's parseRssFeed would give it (the fields parse.ts reads), or null when the document
 * is not one this scan fully understands. `maxItems`: more items than this is left to the capped slow path.
 */
export function readPlainRss(xml: string, maxItems: number): Feed | null {
  try {
    // fast-xml-parser reads every line end as \n (XML §2.11), attribute values included.
    return new Scan(xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml).document(maxItems);
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x5f || c === 0x2d || c === 0x2e
  );
}

/** feedsmith's parseString on the raw text of an element: comments out, CDATA verbatim, entities decoded, trimmed. */
export function textValue(raw: string): string | undefined {
  if (raw === '') return undefined;
  const s = decodeWithCdata(raw.includes('<!--') ? stripComments(raw) : raw).trim();
  return s === '' ? undefined : s;
}

/** Attribute values are raw in feedsmith's tree and go through the same parseString. */
function attrValue(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : textValue(raw);
}

/** trousse's coerceNumber on a raw attribute value, as feedsmith's parseNumber. */
function numberValue(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '' || /^\p{White_Space}*$/u.test(raw)) return undefined;
  const n = +raw;
  return Number.isNaN(n) ? undefined : n;
}

/** trousse's coerceBoolean on a raw attribute value. */
function booleanValue(raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '' || /^\p{White_Space}*$/u.test(raw)) return undefined;
  if (/^\p{White_Space}*true\p{White_Space}*$/iu.test(raw)) return true;
  if (/^\p{White_Space}*false\p{White_Space}*$/iu.test(raw)) return false;
  return undefined;
}

function stripComments(text: string): string {
  let from = text.indexOf('<!--');
  let out = '';
  let last = 0;
  while (from !== -1) {
    out += text.slice(last, from);
    const end = text.indexOf('-->', from + 4);
    // An unclosed comment leaves the whole text as it was (feedsmith's rule).
    if (end === -1) return text;
    last = end + 3;
    from = text.indexOf('<!--', last);
  }
  return out + text.slice(last);
}

function hasEntity(text: string): boolean {
  const amp = text.indexOf('&');
  return amp !== -1 && text.indexOf(';', amp) !== -1;
}

function decoded(text: string): string {
  return hasEntity(text) ? decodeHTML(text) : text;
}

function decodeWithCdata(text: string): string {
  let from = text.indexOf('<![CDATA[');
  if (from === -1) return decoded(text);
  let out = '';
  let last = 0;
  while (from !== -1) {
    out += decoded(text.slice(last, from));
    const end = text.indexOf(']]>', from + 9);
    if (end === -1) return decoded(text);
    out += text.slice(from + 9, end);
    last = end + 3;
    from = text.indexOf('<![CDATA[', last);
  }
  return out + decoded(text.slice(last));
}

class Scan {
  i = 0;
  /** The last start tag read: its name, attribute names (lower-cased, as feedsmith keys them) and raw values. */
  name = '';
  attrNames: string[] = [];
  attrValues: string[] = [];
  attrCount = 0;
  selfClosing = false;

  constructor(readonly text: string) {}

  document(maxItems: number): Feed | null {
    const t = this.text;
    // The prologue: the XML declaration, processing instructions, comments, white space. No DOCTYPE.
    for (;;) {
      this.space();
      if (t.startsWith('<?', this.i)) {
        const end = t.indexOf('?>', this.i + 2);
        if (end === -1) throw BAIL;
        this.i = end + 2;
      } else if (t.startsWith('<!--', this.i)) {
        this.comment();
      } else break;
    }
    if (!t.startsWith('<rss', this.i)) throw BAIL;
    if (this.startTag() !== 'rss' || this.selfClosing) throw BAIL;
    for (let a = 0; a < this.attrCount; a++) {
      const name = this.attrNames[a] ?? '';
      if (name === 'version') continue;
      if (!name.startsWith('xmlns:')) throw BAIL;
      // feedsmith names elements by the namespace a prefix is bound to: a known prefix must be bound to its
      // own namespace, and no other prefix to one of those.
      const prefix = name.slice(6);
      const bound = KNOWN_URIS[(this.attrValues[a] ?? '').trim().toLowerCase()];
      if (prefix in KNOWN_PREFIXES ? bound !== prefix : bound !== undefined) throw BAIL;
    }
    // A declaration further in (or a look-alike in text, which feedsmith's prefix scan also reads) could
    // rename elements; Atom 0.3 base64 text and item bodies feedsmith cannot see are rewritten before it.
    if (t.indexOf('xmlns', this.i) !== -1) throw BAIL;
    if (t.includes('base64') && BASE64_MODE.test(t)) throw BAIL;

    this.between();
    if (this.startTag() !== 'channel' || this.selfClosing || this.attrCount !== 0) throw BAIL;
    const feed = this.channel(maxItems);
    this.between();
    this.endTag('rss');
    // After the root: only white space, comments and processing instructions.
    for (;;) {
      this.space();
      if (this.i >= t.length) break;
      if (t.startsWith('<!--', this.i)) this.comment();
      else if (t.startsWith('<?', this.i)) {
        const end = t.indexOf('?>', this.i + 2);
        if (end === -1) throw BAIL;
        this.i = end + 2;
      } else throw BAIL;
    }
    return feed;
  }

  channel(maxItems: number): Feed {
    let title: string | undefined;
    let link: string | undefined;
    let language: string | undefined;
    let seen = 0; // bits: 1 title, 2 link, 4 language
    let managingEditor: RssFeed.Person | undefined;
    let editorSeen = false;
    const items: Item[] = [];
    const links: Array<AtomFeed.Link<string>> = [];
    let dc: DcNs.ItemOrFeed<string> | undefined;
    for (;;) {
      const name = this.nextChild('channel');
      if (name === null) break;
      if (name === 'item') {
        if (items.length >= maxItems) throw BAIL;
        items.push(this.item());
      } else if (name === 'title' || name === 'link' || name === 'language') {
        this.noAttributes();
        const value = textValue(this.content(name));
        const bit = name === 'title' ? 1 : name === 'link' ? 2 : 4;
        if ((seen & bit) === 0) {
          seen |= bit;
          if (name === 'title') title = value;
          else if (name === 'link') link = value;
          else language = value;
        }
      } else if (name === 'managingEditor') {
        this.noAttributes();
        const raw = this.content(name);
        if (!editorSeen) {
          editorSeen = true;
          managingEditor = person(raw);
        }
      } else if (name === 'atom:link') {
        links.push(...this.atomLink());
      } else if (name in DC_LISTS) {
        this.noAttributes();
        dc = addDc(dc, name, this.content(name));
      } else if (CHANNEL_IGNORED_TEXT.has(name) || name === 'webMaster') {
        this.content(name);
      } else if (CHANNEL_IGNORED_TREE.has(name)) {
        this.skipTree(name);
      } else {
        throw BAIL;
      }
    }
    // feedsmith refuses a channel in which it found nothing; that is the slow path's to report.
    if (title === undefined && link === undefined && items.length === 0) throw BAIL;
    const feed: Feed = {};
    if (title !== undefined) feed.title = title;
    if (link !== undefined) feed.link = link;
    if (language !== undefined) feed.language = language;
    if (managingEditor !== undefined) feed.managingEditor = managingEditor;
    if (items.length > 0) feed.items = items;
    if (links.length > 0) feed.atom = { links };
    if (dc !== undefined) feed.dc = dc;
    return feed;
  }

  item(): Item {
    if (this.attrCount !== 0 || this.selfClosing) throw BAIL;
    const item: Item = {};
    let seen = 0; // bits: 1 title, 2 link, 4 description, 8 guid, 16 pubDate, 32 content:encoded
    let categories: RssFeed.Category[] | undefined;
    let enclosures: RssFeed.Enclosure[] | undefined;
    let dc: DcNs.ItemOrFeed<string> | undefined;
    let links: Array<AtomFeed.Link<string>> | undefined;
    let authors: RssFeed.Person[] | undefined;
    for (;;) {
      const name = this.nextChild('item');
      if (name === null) break;
      switch (name) {
        case 'title':
        case 'link':
        case 'description':
        case 'pubDate':
        case 'content:encoded': {
          this.noAttributes();
          const value = textValue(this.content(name));
          const bit = name === 'title' ? 1 : name === 'link' ? 2 : name === 'description' ? 4 : name === 'pubDate' ? 16 : 32;
          if ((seen & bit) !== 0) break;
          seen |= bit;
          if (value === undefined) break;
          if (name === 'title') item.title = value;
          else if (name === 'link') item.link = value;
          else if (name === 'description') item.description = value;
          else if (name === 'pubDate') item.pubDate = value;
          else item.content = { encoded: value };
          break;
        }
        case 'guid': {
          const permaLink = this.onlyAttributes('ispermalink')[0];
          const value = textValue(this.content(name));
          if ((seen & 8) !== 0) break;
          seen |= 8;
          const isPermaLink = booleanValue(permaLink);
          if (value === undefined && isPermaLink === undefined) break;
          const guid: RssFeed.Guid = {};
          if (value !== undefined) guid.value = value;
          if (isPermaLink !== undefined) guid.isPermaLink = isPermaLink;
          item.guid = guid;
          break;
        }
        case 'category': {
          this.onlyAttributes('domain');
          const value = textValue(this.content(name));
          // A category without a name (only a domain) is one parse.ts drops.
          if (value !== undefined) (categories ??= []).push({ name: value });
          break;
        }
        case 'enclosure': {
          const [url, length, type] = this.onlyAttributes('url', 'length', 'type');
          if (this.content(name) !== '') throw BAIL;
          const enclosure: RssFeed.Enclosure = {};
          const u = attrValue(url);
          const l = numberValue(length);
          const ty = attrValue(type);
          if (u !== undefined) enclosure.url = u;
          if (l !== undefined) enclosure.length = l;
          if (ty !== undefined) enclosure.type = ty;
          if (u !== undefined || l !== undefined || ty !== undefined) (enclosures ??= []).push(enclosure);
          break;
        }
        case 'author': {
          // Not one of feedsmith's raw-text elements: its CDATA would be entity-decoded too, so only plain
          // text is read here.
          this.noAttributes();
          const raw = this.content(name);
          if (raw.includes('<')) throw BAIL;
          const p = person(raw);
          if (p !== undefined) (authors ??= []).push(p);
          break;
        }
        case 'atom:link': {
          // The language editions of an article (rel="alternate" hreflang=…) and its enclosures.
          const link = this.atomLink();
          if (link.length > 0) (links ??= []).push(...link);
          break;
        }
        default:
          if (name in DC_LISTS) {
            this.noAttributes();
            dc = addDc(dc, name, this.content(name));
          } else if (ITEM_IGNORED_TEXT.has(name)) {
            this.content(name);
          } else {
            throw BAIL;
          }
      }
    }
    if (categories !== undefined) item.categories = categories;
    if (enclosures !== undefined) item.enclosures = enclosures;
    if (dc !== undefined) item.dc = dc;
    if (links !== undefined) item.atom = { links };
    if (authors !== undefined) item.authors = authors;
    // feedsmith drops an item it found nothing in, and keeps one with only fields parse.ts never reads
    // (comments, source): leave both to it rather than count what it counts.
    if (item.title === undefined && item.link === undefined && item.description === undefined && item.guid === undefined && item.pubDate === undefined && item.content === undefined && categories === undefined && enclosures === undefined && dc === undefined && links === undefined && authors === undefined) {
      throw BAIL;
    }
    return item;
  }

  /** <atom:link …/> in the channel, as feedsmith's Atom parseLink reads it. */
  atomLink(): Array<AtomFeed.Link<string>> {
    const [href, rel, type, hreflang, title, length] = this.onlyAttributes('href', 'rel', 'type', 'hreflang', 'title', 'length');
    if (this.content('atom:link') !== '') throw BAIL;
    const link: AtomFeed.Link<string> = {};
    const h = attrValue(href);
    if (h !== undefined) link.href = h;
    const r = attrValue(rel);
    if (r !== undefined) link.rel = r;
    const ty = attrValue(type);
    if (ty !== undefined) link.type = ty;
    const hl = attrValue(hreflang);
    if (hl !== undefined) link.hreflang = hl;
    const ti = attrValue(title);
    if (ti !== undefined) link.title = ti;
    const l = numberValue(length);
    if (l !== undefined) link.length = l;
    return Object.keys(link).length > 0 ? [link] : [];
  }

  noAttributes(): void {
    if (this.attrCount !== 0) throw BAIL;
  }

  /** The raw values of the named attributes of the last start tag; any other attribute bails. */
  onlyAttributes(...names: string[]): Array<string | undefined> {
    const out: Array<string | undefined> = names.map(() => undefined);
    for (let a = 0; a < this.attrCount; a++) {
      const at = names.indexOf(this.attrNames[a] ?? '');
      if (at === -1) throw BAIL;
      out[at] = this.attrValues[a];
    }
    return out;
  }

  space(): void {
    const t = this.text;
    while (this.i < t.length && isSpace(t.charCodeAt(this.i))) this.i++;
  }

  comment(): void {
    const end = this.text.indexOf('-->', this.i + 4);
    if (end === -1) throw BAIL;
    this.i = end + 3;
  }

  /** White space and comments between elements; any other text bails. Stops at the next tag. */
  /**
   * The next child element of `parent`: reads its start tag and gives its name, or reads the parent's end tag
   * and gives null. What lies between (white space, comments) is skipped; anything else bails.
   */
  nextChild(parent: string): string | null {
    this.between();
    if (this.text.startsWith('</', this.i)) {
      this.endTag(parent);
      return null;
    }
    return this.startTag();
  }

  between(): void {
    const t = this.text;
    for (;;) {
      this.space();
      if (t.charCodeAt(this.i) !== 0x3c) throw BAIL;
      if (t.startsWith('<!--', this.i)) this.comment();
      else return;
    }
  }

  /** A start tag at `i`: sets name (also returned), attributes and selfClosing, leaves `i` after its `>`. */
  startTag(): string {
    const t = this.text;
    let j = this.i + 1;
    const start = j;
    while (j < t.length && isNameChar(t.charCodeAt(j))) j++;
    if (j === start) throw BAIL;
    this.name = t.slice(start, j);
    this.attrCount = 0;
    this.selfClosing = false;
    for (;;) {
      const before = j;
      while (j < t.length && isSpace(t.charCodeAt(j))) j++;
      const c = t.charCodeAt(j);
      if (c === 0x3e) {
        this.i = j + 1;
        return this.name;
      }
      if (c === 0x2f) {
        if (t.charCodeAt(j + 1) !== 0x3e) throw BAIL;
        this.selfClosing = true;
        this.i = j + 2;
        return this.name;
      }
      if (j === before) throw BAIL;
      const nameStart = j;
      while (j < t.length && isNameChar(t.charCodeAt(j))) j++;
      if (j === nameStart) throw BAIL;
      const attr = t.slice(nameStart, j).toLowerCase();
      while (j < t.length && isSpace(t.charCodeAt(j))) j++;
      if (t.charCodeAt(j) !== 0x3d) throw BAIL;
      j++;
      while (j < t.length && isSpace(t.charCodeAt(j))) j++;
      const quote = t.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) throw BAIL;
      const end = t.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (end === -1) throw BAIL;
      const value = t.slice(j + 1, end);
      if (value.includes('<')) throw BAIL;
      for (let a = 0; a < this.attrCount; a++) if (this.attrNames[a] === attr) throw BAIL;
      this.attrNames[this.attrCount] = attr;
      this.attrValues[this.attrCount] = value;
      this.attrCount++;
      j = end + 1;
    }
  }

  /** `</name>` at `i`, exactly. */
  endTag(name: string): void {
    const t = this.text;
    if (t.charCodeAt(this.i) !== 0x3c || t.charCodeAt(this.i + 1) !== 0x2f || !t.startsWith(name, this.i + 2) || t.charCodeAt(this.i + 2 + name.length) !== 0x3e) {
      throw BAIL;
    }
    this.i += name.length + 3;
  }

  /**
   * The raw text of the element whose start tag was just read, up to its `</name>`: text and CDATA sections
   * only (what fast-xml-parser hands feedsmith for a text element); markup or a comment bails.
   */
  content(name: string): string {
    if (this.selfClosing) return '';
    const t = this.text;
    const start = this.i;
    let j = t.indexOf('<', start);
    for (;;) {
      if (j === -1) throw BAIL;
      if (t.charCodeAt(j + 1) === 0x2f) {
        this.i = j;
        this.endTag(name);
        return t.slice(start, j);
      }
      if (!t.startsWith('<![CDATA[', j)) throw BAIL;
      const end = t.indexOf(']]>', j + 9);
      if (end === -1) throw BAIL;
      j = t.indexOf('<', end + 3);
    }
  }

  /** A whole element the feed's reader never looks into (image, skipHours …), checked for well-formedness. */
  skipTree(name: string): void {
    if (this.selfClosing) return;
    const t = this.text;
    const open = [name];
    while (open.length > 0) {
      let j = t.indexOf('<', this.i);
      if (j === -1) throw BAIL;
      if (t.startsWith('<![CDATA[', j)) {
        const end = t.indexOf(']]>', j + 9);
        if (end === -1) throw BAIL;
        this.i = end + 3;
      } else if (t.startsWith('<!--', j)) {
        this.i = j;
        this.comment();
      } else if (t.charCodeAt(j + 1) === 0x2f) {
        this.i = j;
        this.endTag(open.pop() ?? '');
      } else {
        this.i = j;
        this.startTag();
        if (!this.selfClosing) {
          open.push(this.name);
          if (open.length > MAX_SKIP_DEPTH) throw BAIL;
        }
        j = this.i;
      }
    }
  }
}

const KNOWN_PREFIXES: Record<string, true> = { dc: true, content: true, atom: true, wfw: true, slash: true, sy: true };

function addDc(dc: DcNs.ItemOrFeed<string> | undefined, name: string, raw: string): DcNs.ItemOrFeed<string> | undefined {
  const value = textValue(raw);
  if (value === undefined) return dc;
  const key = DC_LISTS[name];
  if (key === undefined) return dc;
  const out = dc ?? {};
  const list = (out[key] ??= []) as string[];
  list.push(value);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// An RSS person ("me@example.org (Me)", "Me <me@example.org>", "Me"), read as feedsmith's parsePerson reads it
// (each part goes through its parseString again, so entities in them are decoded twice, as there).

const EMAIL = /^[^\s@()<>[\]]+@[^\s@()<>[\]]+\.[^\s@()<>[\]]+$/;
const WEB = /^(?:https?:\/\/|www\.)[^\s]+\.[^\s]+$/;
const SEPARATORS = /^[\s,\-|/:;]+|[\s,\-|/:;]+$/g;

function withoutMailto(value: string): string {
  const stripped = value.replace(/^mailto:/i, '');
  return stripped === value ? stripped : stripped.replace(/\?.*$/, '');
}

function keep(p: RssFeed.Person): RssFeed.Person | undefined {
  const out: RssFeed.Person = {};
  if (p.name !== undefined) out.name = p.name;
  if (p.email !== undefined) out.email = p.email;
  if (p.link !== undefined) out.link = p.link;
  return Object.keys(out).length > 0 ? out : undefined;
}

function person(raw: string): RssFeed.Person | undefined {
  const text = textValue(raw);
  if (text === undefined) return undefined;
  const plain = withoutMailto(text);
  if (WEB.test(plain)) return { link: plain };
  if (EMAIL.test(plain)) return { email: plain };
  if (!/[<[(]/.test(text)) return unbracketed(text);
  return bracketed(text);
}

function unbracketed(text: string): RssFeed.Person | undefined {
  if (!text.includes('@') && !text.includes('://') && !text.includes('www.')) return { name: text };
  const names: string[] = [];
  let email: string | undefined;
  let link: string | undefined;
  for (const word of text.split(/\s+/)) {
    const plain = withoutMailto(word);
    if (WEB.test(word) && link === undefined) link = word;
    else if (EMAIL.test(plain) && email === undefined) email = plain;
    else names.push(word);
  }
  if (email === undefined && link === undefined) return { name: text };
  return keep({ name: textValue(names.join(' ').replace(SEPARATORS, '')), email, link });
}

function bracketed(text: string): RssFeed.Person | undefined {
  const p: RssFeed.Person = {};
  const names: string[] = [];
  let unbracketedName = false;
  let i = 0;
  const isOpen = (c: string | undefined): boolean => c === '<' || c === '(' || c === '[';
  while (i < text.length) {
    let chunk: string | undefined;
    let inBrackets = false;
    const c = text[i];
    const open = c ?? '';
    const close = c === '<' ? '>' : c === '(' ? ')' : ']';
    if (isOpen(c)) {
      const start = i + 1;
      let depth = 1;
      let end = start;
      while (end < text.length && depth > 0) {
        if (text[end] === open) depth++;
        else if (text[end] === close) depth--;
        end++;
      }
      if (depth === 0) {
        inBrackets = true;
        chunk = textValue(text.slice(start, end - 1));
        i = end;
      } else {
        const from = i;
        i = start;
        while (i < text.length && !isOpen(text[i])) i++;
        chunk = textValue(text.slice(from, i));
      }
    } else {
      const from = i;
      while (i < text.length && !isOpen(text[i])) i++;
      chunk = textValue(text.slice(from, i));
    }
    if (chunk === undefined) continue;
    const plain = withoutMailto(chunk);
    if (WEB.test(chunk) && p.link === undefined) p.link = chunk;
    else if (EMAIL.test(plain) && p.email === undefined) p.email = plain;
    else if (inBrackets) names.push(unbracketedName ? `${open}${chunk}${close}` : chunk);
    else {
      unbracketedName = true;
      names.push(chunk);
    }
  }
  p.name = textValue(names.join(' '));
  return keep(p);
}
