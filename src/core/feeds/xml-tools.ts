/**
 * Cheap text-level passes over a feed document that run around feedsmith: a nesting-depth check, an item
 * cap applied before the XML parser builds a tree, a repair step for the lenient fallback, and a link scan
 * for what feedsmith does not keep (xml:base on single elements, xhtml:link).
 */
import { Parser } from 'htmlparser2';
import { decodeHTMLAttribute } from 'entities';
import { UNSAFE_IN_PARSED_URL } from '../sanitize.js';

export class DepthError extends Error {}

const BASE64_MODE = /\smode\s*=\s*["']base64["']/i;

/** Elements HTML writers leave unclosed inside feed bodies; they never hold content, so they never nest. */
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'area', 'base', 'col', 'embed', 'param', 'source', 'track', 'wbr']);

function skipPast(text: string, from: number, end: string): number {
  const i = text.indexOf(end, from);
  return i === -1 ? text.length : i + end.length;
}

/**
 * Throws DepthError when elements nest deeper than maxDepth. Iterative and linear; unclosed elements are
 * recovered the way HTML parsers do (a close tag pops back to its matching open tag) so that sloppy
 * markup in thousands of items does not add up to a false alarm. Returns whether every element was closed,
 * in order (a truncated or mismatched document returns false).
 */
export interface XmlShape {
  /** Every element was closed, in order (a truncated or mismatched document is not). */
  balanced: boolean;
  /** The document has something rewriteForFeedsmith turns into what feedsmith reads. */
  rewrite: boolean;
}

export function checkXmlDepth(text: string, maxDepth: number): XmlShape {
  const stack: string[] = [];
  let balanced = true;
  // Atom 0.3 base64 text is rare: one search over the document instead of a look at every tag.
  let rewrite = text.includes('base64') && BASE64_MODE.test(text);
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) {
      i = skipPast(text, i + 4, '-->');
    } else if (text.startsWith('<![CDATA[', i)) {
      i = skipPast(text, i + 9, ']]>');
    } else if (next === 0x21 /* ! */) {
      const close = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      if (bracket !== -1 && (close === -1 || bracket < close)) {
        const m = /\]\s*>/g;
        m.lastIndex = bracket;
        const hit = m.exec(text);
        i = hit ? hit.index + hit[0].length : text.length;
      } else {
        i = close === -1 ? text.length : close + 1;
      }
    } else if (next === 0x3f /* ? */) {
      i = skipPast(text, i + 2, '?>');
    } else if (next === 0x2f /* / */) {
      const close = text.indexOf('>', i);
      const name = text.slice(i + 2, close === -1 ? text.length : close).trim().toLowerCase();
      const at = stack.lastIndexOf(name);
      if (at !== stack.length - 1) balanced = false;
      if (at !== -1) stack.length = at;
      i = close === -1 ? text.length : close + 1;
    } else if (isNameStart(next)) {
      let j = i + 1;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 1, j).toLowerCase();
      const k = tagEnd(text, j);
      const selfClosing = text.charCodeAt(k - 1) === 0x2f;
      if (!selfClosing && !VOID.has(name)) {
        if (!rewrite && (name === 'body' || name === 'fullitem' || name.endsWith(':body')) && stack.length > 0) {
          rewrite = localName(stack[stack.length - 1] ?? '') === 'item';
        }
        stack.push(name);
        if (stack.length > maxDepth) throw new DepthError(`nesting deeper than ${maxDepth}`);
      }
      i = k + 1;
    } else {
      i += 1;
    }
    i = text.indexOf('<', i);
  }
  return { balanced: balanced && stack.length === 0, rewrite };
}

/** Nesting depth of a JSON text, counted outside strings, without building anything. */
export function checkJsonDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw new DepthError(`nesting deeper than ${maxDepth}`);
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

/**
 * The index of the `>` that ends a start tag whose name ends at `from`, stepping over quoted attribute values
 * that may contain `>`; text.length when there is none.
 */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  let k = from;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      break;
    }
  }
  return k;
}

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c > 0x7f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

/**
 * Cuts items after the first `max` out of the text before any tree is built: a million items would cost
 * gigabytes as a tree. The cut runs from the start of item max+1 to the end of the last item, so the
 * closing channel/feed tags stay in place.
 */
export function capXmlItems(text: string, tag: 'item' | 'entry', max: number): { text: string; total: number } {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}[\\s>/]`, 'gi');
  let total = 0;
  let cutStart = -1;
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    total++;
    if (total === max + 1) cutStart = m.index;
  }
  if (cutStart === -1) return { text, total };
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${tag}\\s*>`, 'gi');
  close.lastIndex = cutStart;
  let cutEnd = -1;
  for (let m = close.exec(text); m !== null; m = close.exec(text)) cutEnd = m.index + m[0].length;
  if (cutEnd === -1) return { text: text.slice(0, cutStart), total };
  return { text: text.slice(0, cutStart) + text.slice(cutEnd), total };
}

const EMBEDDED_FEED = /<(?:feed\s[^>]*xmlns\s*=\s*["']http:\/\/(?:www\.w3\.org\/2005\/Atom|purl\.org\/atom\/ns#)["']|rss\s[^>]*version\s*=|rdf:RDF[\s>])/;

/**
 * A whole feed element inside an HTML document (a feed pasted into an XHTML page, or a page template around
 * one): the feed, from its start tag to its last end tag. Null when there is none.
 */
export function embeddedFeed(text: string): string | null {
  const m = EMBEDDED_FEED.exec(text);
  if (!m) return null;
  const name = m[0].startsWith('<feed') ? 'feed' : m[0].startsWith('<rss') ? 'rss' : 'rdf:RDF';
  const end = text.lastIndexOf(`</${name}>`);
  if (end < m.index) return null;
  return text.slice(m.index, end + name.length + 3);
}

// ---------------------------------------------------------------------------------------------------------
// Lenient repair: htmlparser2 (never expands DTD entities, never fetches anything) reads what it can, and we
// write it back out as well-formed XML that feedsmith accepts.

interface RNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<RNode | string | { cdata: string }>;
}

export interface Repaired {
  /** Well-formed XML, or null when the document has no feed elements at all. */
  xml: string | null;
  /** Local name of the first top-level element, lower-cased ("html" means a web page). */
  rootName: string | null;
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RSS1_NS = 'http://purl.org/rss/1.0/';

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i === -1 ? name : name.slice(i + 1)).toLowerCase();
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

const STRAY_LT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(?![A-Za-z_:/!?\u0080-\uffff])/g;

export function repairXml(text: string, maxDepth: number): Repaired {
  const root: RNode = { name: '#root', attrs: {}, children: [] };
  const stack: RNode[] = [root];
  let inCdata = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(attribs)) {
          // Names that are not XML names would make the output ill-formed again.
          if (/^[A-Za-z_][\w.:-]*$/.test(k)) attrs[k] = decodeHTMLAttribute(v);
        }
        const node: RNode = { name, attrs, children: [] };
        stack[stack.length - 1]?.children.push(node);
        stack.push(node);
        if (stack.length > maxDepth + 1) throw new DepthError(`nesting deeper than ${maxDepth}`);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(data) {
        const top = stack[stack.length - 1];
        if (!top) return;
        // Attribute rules on text too: a legacy entity without ";" is read only when no letter, digit or "="
        // follows, so the "&copy=2" of a URL query written unescaped stays as it was.
        top.children.push(inCdata ? { cdata: data } : decodeHTMLAttribute(data));
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  // A "<" that starts no tag ("a <3 b", "x < y") is a character a human reads as one; the parser would
  // make an element of "<3 b" and swallow the text after it. CDATA and comments are left as they are.
  parser.write(text.replace(STRAY_LT, (m) => (m.length === 1 ? '&lt;' : m)));
  parser.end();

  const tops = root.children.filter((c): c is RNode => typeof c === 'object' && 'name' in c);
  const first = tops[0];
  const rootName = first ? localName(first.name) : null;
  const feedRoot = tops.find((n) => ['rss', 'feed', 'rdf'].includes(localName(n.name)));
  let top: RNode;
  if (feedRoot) {
    top = feedRoot;
    const ln = localName(top.name);
    if (ln === 'rdf') {
      if (top.name.includes(':')) {
        const prefix = top.name.slice(0, top.name.indexOf(':'));
        top.attrs[`xmlns:${prefix}`] ??= RDF_NS;
      } else {
        top.name = 'rdf:RDF';
        top.attrs['xmlns:rdf'] ??= RDF_NS;
      }
      top.attrs.xmlns ??= RSS1_NS;
    } else if (ln === 'feed') {
      top.attrs.xmlns ??= ATOM_NS;
    } else if (!Object.keys(top.attrs).some((k) => k.toLowerCase() === 'version')) {
      top.attrs.version = '2.0';
    }
  } else if (tops.some((n) => localName(n.name) === 'channel')) {
    for (const n of tops) fromCdf(n);
    top = { name: 'rss', attrs: { version: '2.0' }, children: tops };
  } else if (tops.some((n) => localName(n.name) === 'item')) {
    top = { name: 'rss', attrs: { version: '2.0' }, children: [{ name: 'channel', attrs: {}, children: tops }] };
  } else if (tops.some((n) => localName(n.name) === 'entry')) {
    top = { name: 'feed', attrs: { xmlns: ATOM_NS }, children: tops };
  } else {
    return { xml: null, rootName };
  }

  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(top, out);
  return { xml: out.join(''), rootName };
}

/**
 * Microsoft's Channel Definition Format (a <CHANNEL> root, the 1997 ancestor of RSS that some old sites
 * still serve) in RSS words: the HREF of a channel or item is its link, LASTMOD its date, ABSTRACT its
 * description.
 */
function fromCdf(node: RNode): void {
  const ln = localName(node.name);
  if (ln !== 'channel' && ln !== 'item') return;
  const attr = (name: string): string | undefined => {
    const key = Object.keys(node.attrs).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : node.attrs[key];
  };
  const href = attr('href');
  const lastmod = attr('lastmod');
  const has = (name: string): boolean => node.children.some((c) => typeof c === 'object' && 'name' in c && localName(c.name) === name);
  for (const c of node.children) {
    if (typeof c !== 'object' || !('name' in c)) continue;
    if (localName(c.name) === 'abstract' && !has('description')) c.name = 'description';
    else fromCdf(c);
  }
  if (href !== undefined && !has('link')) node.children.unshift({ name: 'link', attrs: {}, children: [href] });
  if (lastmod !== undefined && !has('pubdate')) node.children.push({ name: 'pubDate', attrs: {}, children: [lastmod] });
}

/**
 * fast-xml-parser inside feedsmith refuses more than 100 nested elements; below this depth the repaired
 * document keeps only the text of deeper elements, so a feed with deep (legal) markup stays readable.
 */
const FLATTEN_DEPTH = 90;

// Recursion depth is bounded by maxDepth, enforced while building the tree.
function write(node: RNode, out: string[], depth = 1): void {
  if (depth > FLATTEN_DEPTH) {
    writeText(node, out);
    return;
  }
  out.push('<', node.name);
  for (const [k, v] of Object.entries(node.attrs)) out.push(' ', k, '="', escapeAttr(v), '"');
  out.push('>');
  for (const c of node.children) {
    if (typeof c === 'string') out.push(escapeText(c));
    else if ('cdata' in c) out.push('<![CDATA[', c.cdata.replace(/]]>/g, ']]]]><![CDATA[>'), ']]>');
    else write(c, out, depth + 1);
  }
  out.push('</', node.name, '>');
}

function writeText(node: RNode, out: string[]): void {
  for (const c of node.children) {
    if (typeof c === 'string') out.push(escapeText(c));
    else if ('cdata' in c) out.push(escapeText(c.cdata));
    else writeText(c, out);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Link scan: xml:base resolved element by element, and the links of every item in document order.

export interface ScannedLink {
  href: string;
  rel?: string;
  type?: string;
  hreflang?: string;
  length?: number;
  /** 'text' for an RSS <link>URL</link>, else the element's prefix ('' for none). */
  kind: 'text' | 'attr';
}

export interface ScannedItem {
  base: string | undefined;
  links: ScannedLink[];
  /**
   * The language of the item's body: the xml:lang in scope on its content (content, content:encoded, an
   * xhtml body, fullitem), else on its summary or description, else on the item; undefined when none is.
   */
  lang?: string | undefined;
  /** Its dc:author (not a Dublin Core element, but written by feeds and read by other parsers). */
  author?: string;
}

export interface LinkScan {
  feedBase: string | undefined;
  /** The xml:lang in scope on the channel or feed element (set there or on the root). */
  feedLang?: string | undefined;
  /** The channel's dc:author. */
  feedAuthor?: string;
  feedLinks: ScannedLink[];
  items: ScannedItem[];
}

/** Direct children of an item that hold its body, and those that hold its summary. */
const BODY_ELEMENTS = new Set(['content', 'encoded', 'body', 'fullitem']);
const SUMMARY_ELEMENTS = new Set(['summary', 'description']);

/** An xml:lang value as a language tag: "en_US" (seen in feeds) is "en-US"; blank is no language. */
export function langTag(value: string | undefined): string | undefined {
  const t = value?.trim().replace(/_/g, '-');
  return t ? t : undefined;
}

const IANA_REL = 'http://www.iana.org/assignments/relation/';

/**
 * An Atom link relation as a short name: RFC 4287 §4.2.7.2 makes "http://www.iana.org/assignments/relation/X"
 * the same relation as "X".
 */
export function linkRel(rel: string): string {
  const r = rel.trim().toLowerCase();
  return r.startsWith(IANA_REL) ? r.slice(IANA_REL.length) : r;
}

export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const h = href.trim();
  if (h === '') return undefined;
  // The URL parser would percent-encode an ESC or a bidi override into a harmless-looking address; leave
  // such a link as it was so normalise refuses it instead of keeping a link a feed tried to smuggle in.
  if (UNSAFE_IN_PARSED_URL.test(h)) return h;
  try {
    return new URL(h, base).href;
  } catch {
    return h;
  }
}

export function scanLinks(text: string, docUrl: string | undefined): LinkScan {
  const bases: Array<string | undefined> = [];
  // xml:lang in scope per open element; '' is an explicit "no language" (xml:lang="") that stops inheritance.
  const langs: string[] = [];
  const names: string[] = [];
  const result: LinkScan = { feedBase: docUrl, feedLinks: [], items: [] };
  let itemDepth = -1;
  let current: ScannedItem | null = null;
  let bodyLang: string | null = null;
  let summaryLang: string | null = null;
  let itemLang = '';
  let linkText: { depth: number; base: string | undefined; text: string } | null = null;
  let authorText: { depth: number; text: string } | null = null;
  let inCdata = false;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(attribs)) attrs[k.toLowerCase()] = decodeHTMLAttribute(v);
        const parent = bases.length > 0 ? bases[bases.length - 1] : docUrl;
        const ownBase = attrs['xml:base'];
        const base = ownBase !== undefined ? resolveUrl(ownBase, parent) : parent;
        const ownLang = attrs['xml:lang'];
        const lang = ownLang !== undefined ? (langTag(ownLang) ?? '') : (langs[langs.length - 1] ?? '');
        bases.push(base);
        langs.push(lang);
        names.push(name);
        const depth = bases.length;
        const ln = localName(name);
        if (current === null && (ln === 'item' || ln === 'entry')) {
          current = { base, links: [] };
          itemDepth = depth;
          itemLang = lang;
          bodyLang = null;
          summaryLang = null;
          return;
        }
        if (current !== null && depth === itemDepth + 1) {
          if (bodyLang === null && BODY_ELEMENTS.has(ln)) bodyLang = lang;
          else if (summaryLang === null && SUMMARY_ELEMENTS.has(ln)) summaryLang = lang;
        }
        if (name.toLowerCase() === 'dc:author' && authorText === null) {
          const parentName = localName(names[names.length - 2] ?? '');
          if (current !== null ? depth === itemDepth + 1 : parentName === 'channel') authorText = { depth, text: '' };
        }
        if (ln === 'channel' || ln === 'feed') {
          result.feedBase = base;
          result.feedLang = lang || undefined;
        }
        if (ln !== 'link') return;
        const isDirectChild = current !== null ? depth === itemDepth + 1 : ln === 'link' && ['channel', 'feed'].includes(localName(names[names.length - 2] ?? ''));
        if (!isDirectChild) return;
        const target = current !== null ? current.links : result.feedLinks;
        if (attrs.href !== undefined) {
          const href = resolveUrl(attrs.href, base);
          if (href !== undefined) {
            const link: ScannedLink = { href, kind: 'attr' };
            if (attrs.rel) link.rel = linkRel(attrs.rel);
            if (attrs.type) link.type = attrs.type.trim().toLowerCase();
            if (attrs.hreflang) link.hreflang = attrs.hreflang.trim();
            const length = Number(attrs.length);
            if (attrs.length !== undefined && Number.isFinite(length)) link.length = length;
            target.push(link);
          }
        } else if (!name.includes(':')) {
          linkText = { depth, base, text: '' };
        }
      },
      ontext(data) {
        if (linkText) linkText.text += inCdata ? data : decodeHTMLAttribute(data);
        if (authorText) authorText.text += inCdata ? data : decodeHTMLAttribute(data);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onclosetag() {
        const depth = bases.length;
        if (linkText && linkText.depth === depth) {
          const href = resolveUrl(linkText.text, linkText.base);
          if (href !== undefined) (current !== null ? current.links : result.feedLinks).push({ href, kind: 'text' });
          linkText = null;
        }
        if (authorText && authorText.depth === depth) {
          const author = authorText.text.trim();
          if (author !== '') {
            if (current !== null) current.author ??= author;
            else result.feedAuthor ??= author;
          }
          authorText = null;
        }
        if (current !== null && depth === itemDepth) {
          const lang = bodyLang ?? summaryLang ?? itemLang;
          if (lang) current.lang = lang;
          result.items.push(current);
          current = null;
          itemDepth = -1;
        }
        bases.pop();
        langs.pop();
        names.pop();
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Rewrites before feedsmith: item bodies it does not read (<body>, <xhtml:body>, <fullitem>) become
// content:encoded, and Atom 0.3 mode="base64" text is decoded. Runs only on documents checkXmlDepth found
// such an element in, and skips comments, CDATA and processing instructions, so markup inside an escaped or
// CDATA body is never touched.


interface Rewrite {
  start: number;
  innerStart: number;
  innerEnd: number;
  end: number;
  kind: 'body' | 'fullitem' | 'base64';
  startTag: string;
}

function cdataToText(s: string): string {
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, inner: string) => escapeText(inner));
}

function decodeBase64(s: string): string {
  return Buffer.from(cdataToTextRaw(s).replace(/\s+/g, ''), 'base64').toString('utf8');
}

function cdataToTextRaw(s: string): string {
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
}

/** The xml:lang attribute of a start tag, to carry over to the element that replaces it (the body's language). */
function keptLang(startTag: string): string {
  const m = /\sxml:lang\s*=\s*("[^"]*"|'[^']*')/i.exec(startTag);
  return m ? ` xml:lang=${m[1]}` : '';
}

/** The text with item bodies feedsmith cannot see turned into content:encoded, and base64 text decoded. */
export function rewriteForFeedsmith(text: string): string {
  const found: Rewrite[] = [];
  const stack: string[] = [];
  let open: (Omit<Rewrite, 'innerEnd' | 'end'> & { level: number; name: string }) | null = null;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    if (text.startsWith('<!--', i)) {
      i = skipPast(text, i + 4, '-->');
    } else if (text.startsWith('<![CDATA[', i)) {
      i = skipPast(text, i + 9, ']]>');
    } else if (text.charCodeAt(i + 1) === 0x21 || text.charCodeAt(i + 1) === 0x3f) {
      const close = text.indexOf('>', i);
      i = close === -1 ? text.length : close + 1;
    } else if (text.charCodeAt(i + 1) === 0x2f) {
      const close = text.indexOf('>', i);
      const name = text.slice(i + 2, close === -1 ? text.length : close).trim();
      const at = stack.lastIndexOf(name);
      if (at !== -1) {
        if (open !== null && at <= open.level - 1) {
          if (at === open.level - 1 && close !== -1) {
            const { level: _l, name: _n, ...rest } = open;
            found.push({ ...rest, innerEnd: i, end: close + 1 });
          }
          open = null;
        }
        stack.length = at;
      }
      i = close === -1 ? text.length : close + 1;
    } else if (isNameStart(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 1, j);
      const k = tagEnd(text, j);
      if (k >= text.length) break;
      const selfClosing = text.charCodeAt(k - 1) === 0x2f;
      if (!selfClosing && !VOID.has(name.toLowerCase())) {
        stack.push(name);
        if (open === null) {
          const ln = localName(name);
          const parent = localName(stack[stack.length - 2] ?? '');
          const startTag = text.slice(i, k + 1);
          let kind: Rewrite['kind'] | null = null;
          if (parent === 'item' && (ln === 'body' || ln === 'fullitem')) kind = ln;
          else if (BASE64_MODE.test(startTag)) kind = 'base64';
          if (kind !== null) open = { start: i, innerStart: k + 1, kind, startTag, level: stack.length, name };
        }
      }
      i = k + 1;
    } else {
      i += 1;
    }
    i = text.indexOf('<', i);
  }
  if (found.length === 0) return text;
  const out: string[] = [];
  let at = 0;
  for (const r of found) {
    out.push(text.slice(at, r.start));
    const inner = text.slice(r.innerStart, r.innerEnd);
    if (r.kind === 'fullitem') {
      out.push(`<content:encoded${keptLang(r.startTag)}>`, inner, '</content:encoded>');
    } else if (r.kind === 'body') {
      out.push(`<content:encoded${keptLang(r.startTag)}><![CDATA[`, cdataToText(inner).replace(/]]>/g, ']]]]><![CDATA[>'), ']]></content:encoded>');
    } else {
      out.push(r.startTag.replace(BASE64_MODE, ''), escapeText(decodeBase64(inner)), text.slice(r.innerEnd, r.end));
    }
    at = r.end;
  }
  out.push(text.slice(at));
  return out.join('');
}
