/**
 * Feed HTML → safe HTML, plain text, or the first illustration. Everything goes through one
 * depth-bounded parse so a hostile document cannot blow the stack of the recursive walkers below.
 */
import { Parser } from 'htmlparser2';
import { DomHandler, isTag, isText } from 'domhandler';
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { getAttributeValue } from 'domutils';
import render from 'dom-serializer';
import { sanitizeLine, sanitizeText, UNSAFE_IN_URL } from './sanitize.js';

/** Elements nested deeper than this are flattened into their ancestor (their text is kept). */
export const MAX_HTML_DEPTH = 128;

// Dropped with everything inside. Includes every element dom-serializer writes without escaping
// (xmp, noembed, noframes, plaintext, noscript): keeping one would let decoded "<" back out as markup.
const DROP = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen',
  'link', 'meta', 'base', 'basefont', 'title', 'head', 'template', 'slot', 'portal',
  'svg', 'math', 'xmp', 'noembed', 'noframes', 'plaintext', 'noscript',
]);
// Kept as their children only.
const UNWRAP = new Set(['html', 'body', 'font', 'center', 'blink', 'marquee']);

const URL_ATTRS = new Set([
  'href', 'src', 'cite', 'poster', 'background', 'longdesc', 'lowsrc', 'dynsrc', 'usemap', 'codebase',
  'data', 'xlink:href', 'action', 'formaction', 'manifest', 'icon', 'profile', 'ping',
]);
// A terminal cannot use responsive image candidates, and each candidate would need the URL checks.
const DROP_ATTRS = new Set(['srcset', 'imagesrcset', 'sizes', 'srcdoc', 'style', 'http-equiv', 'nonce']);
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp']);
const VALID_TAG = /^[a-z][a-z0-9-]*$/;
const VALID_ATTR = /^[a-z_][a-z0-9_.:-]*$/;

class BoundedHandler extends DomHandler {
  private skipped = 0;
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_HTML_DEPTH) {
      this.skipped += 1;
      return;
    }
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    // The parser closes in stack order, so skipped elements are always the innermost open ones.
    if (this.skipped > 0) {
      this.skipped -= 1;
      return;
    }
    super.onclosetag();
  }
}

/**
 * htmlparser2 keeps its open-element stack with unshift, so 100k nested tags cost seconds. Past the depth
 * limit an element is treated as void (opened and closed at once): the parser's stack stops growing and
 * the handler above, whose limit is lower, drops those elements and keeps their text.
 */
class BoundedParser extends Parser {
  private phase: 'none' | 'opening' | 'ending' = 'none';
  private deepVoid = false;

  private depth(): number {
    // `stack` is private in the typings only; the deep-nesting test fails loudly if it ever moves.
    return (this as unknown as { stack: string[] }).stack.length;
  }

  protected override isVoidElement(name: string): boolean {
    if (super.isVoidElement(name)) return true;
    // The parser asks twice per open tag (before pushing it, and when the tag ends): answer the same both times.
    if (this.phase === 'opening') {
      this.deepVoid = this.depth() > MAX_HTML_DEPTH + 1;
      this.phase = 'none';
      return this.deepVoid;
    }
    if (this.phase === 'ending') return this.deepVoid;
    return false;
  }

  override onopentagname(start: number, endIndex: number): void {
    this.phase = 'opening';
    super.onopentagname(start, endIndex);
    this.phase = 'none';
  }

  override onopentagend(endIndex: number): void {
    this.phase = 'ending';
    super.onopentagend(endIndex);
    this.phase = 'none';
    this.deepVoid = false;
  }

  override onselfclosingtag(endIndex: number): void {
    this.phase = 'ending';
    super.onselfclosingtag(endIndex);
    this.phase = 'none';
    this.deepVoid = false;
  }
}

/**
 * The one depth-bounded parse (entities decoded) for feed HTML: elements nested deeper than MAX_HTML_DEPTH are
 * dropped and their text kept in the deepest kept ancestor, so no walker of the result recurses deeper than that,
 * and the parser's own stack stays short. Nothing is sanitised here. Also used by the terminal renderer.
 */
export function parseHtml(html: string): Document {
  const handler = new BoundedHandler();
  const parser = new BoundedParser(handler, { decodeEntities: true });
  parser.end(html);
  return handler.root;
}

function isHttpBase(base: string | undefined): base is string {
  if (!base) return false;
  try {
    const u = new URL(base);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A URL attribute value made safe, or null to drop the attribute. Relative values are resolved
 * when an http(s) base is known and kept relative otherwise.
 */
function safeUrl(raw: string, base: string | undefined, allowDataImage: boolean): string | null {
  const value = raw.trim();
  if (!value || UNSAFE_IN_URL.test(value)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'data') return allowDataImage && /^data:image\/[a-z0-9.+-]+[;,]/i.test(value) ? value : null;
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) return null;
  if (scheme === undefined && base !== undefined) {
    try {
      const resolved = new URL(value, base).href;
      return UNSAFE_IN_URL.test(resolved) ? null : resolved;
    } catch {
      return null;
    }
  }
  return value;
}

function cleanAttributes(el: Element, base: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(el.attribs)) {
    if (!VALID_ATTR.test(name) || name.startsWith('on') || DROP_ATTRS.has(name)) continue;
    if (URL_ATTRS.has(name)) {
      const url = safeUrl(value, base, el.name === 'img' && name === 'src');
      if (url !== null) out[name] = url;
      continue;
    }
    out[name] = sanitizeText(value);
  }
  return out;
}

/** Rebuilds parent.children in place: dropped nodes removed, unwrapped ones replaced by their children. */
function cleanChildren(parent: ParentNode, base: string | undefined): void {
  const kept: ChildNode[] = [];
  for (const child of parent.children) {
    if (isText(child)) {
      child.data = sanitizeText(child.data);
      if (child.data) kept.push(child);
    } else if (isTag(child)) {
      if (DROP.has(child.name)) continue;
      cleanChildren(child, base);
      if (UNWRAP.has(child.name) || !VALID_TAG.test(child.name)) {
        kept.push(...child.children);
      } else {
        child.attribs = cleanAttributes(child, base);
        kept.push(child);
      }
    }
    // Comments, CDATA and processing instructions are dropped: nothing a reader shows lives there.
  }
  let prev: ChildNode | null = null;
  for (const node of kept) {
    node.parent = parent;
    node.prev = prev;
    if (prev) prev.next = node;
    prev = node;
  }
  if (prev) prev.next = null;
  parent.children = kept;
}

/**
 * Safe, well-formed HTML from feed HTML: dangerous elements and attributes removed, URLs checked and
 * resolved against baseUrl (when it is http(s)), every text node and attribute value sanitised.
 */
export function cleanHtml(html: string, baseUrl?: string): string {
  if (!html) return '';
  return renderClean(cleanDocument(html, baseUrl));
}

function cleanDocument(html: string, baseUrl: string | undefined): Document {
  const doc = parseHtml(html);
  cleanChildren(doc, isHttpBase(baseUrl) ? baseUrl : undefined);
  return doc;
}

function renderClean(doc: Document): string {
  return render(doc, { encodeEntities: 'utf8', decodeEntities: true });
}

/**
 * cleanHtml, htmlToPlainText and firstImage of the cleaned HTML from a single parse: article bodies are
 * the bulk of a refresh, and parsing each one three times was most of normalise's time.
 */
export function cleanHtmlParts(
  html: string,
  baseUrl?: string,
): { html: string; text: string; image: { src: string; alt: string } | null } {
  if (!html) return { html: '', text: '', image: null };
  const doc = cleanDocument(html, baseUrl);
  return { html: renderClean(doc), text: plainText(doc, true), image: imageOf(findImage(doc.children)) };
}

// Elements that end a line (1) or a paragraph (2) in plain text.
const BLOCK: Record<string, 1 | 2> = {
  p: 2, h1: 2, h2: 2, h3: 2, h4: 2, h5: 2, h6: 2, blockquote: 2, pre: 2, ul: 2, ol: 2, dl: 2,
  table: 2, figure: 2, hr: 2, section: 1, article: 1, header: 1, footer: 1, aside: 1, nav: 1, main: 1,
  div: 1, li: 1, tr: 1, dt: 1, dd: 1, figcaption: 1, address: 1, caption: 1, details: 1, summary: 1,
  thead: 1, tbody: 1, tfoot: 1,
};
const SKIP_TEXT = new Set([...DROP].filter((n) => n !== 'title'));

// Whitespace that /\s+/g → ' ' would change: any whitespace but a space, or two in a row.
const FOLDABLE = /[^\S ]|\s\s/;

class TextWriter {
  out = '';
  private pendingBreak = 0;
  private pendingSpace = false;

  constructor(private readonly cleaned: boolean) {}

  text(raw: string, pre: boolean): void {
    const data = this.cleaned ? raw : sanitizeText(raw);
    if (pre) {
      const lines = data.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) this.hardBreak();
        this.words(line.replace(/[^\S\n]+/g, ' '));
      });
      return;
    }
    // Most text nodes hold single spaces only; skipping the replace there saves a string per node.
    this.words(FOLDABLE.test(data) ? data.replace(/\s+/g, ' ') : data);
  }

  private words(s: string): void {
    if (!s) return;
    if (s === ' ') {
      this.pendingSpace = true;
      return;
    }
    if (s.startsWith(' ')) this.pendingSpace = true;
    const body = s.trim();
    if (this.out) {
      if (this.pendingBreak) this.out += '\n'.repeat(this.pendingBreak);
      else if (this.pendingSpace) this.out += ' ';
    }
    this.out += body;
    this.pendingBreak = 0;
    this.pendingSpace = s.endsWith(' ');
  }

  block(n: 1 | 2): void {
    this.pendingBreak = Math.max(this.pendingBreak, n);
    this.pendingSpace = false;
  }

  hardBreak(): void {
    this.pendingBreak = Math.min(this.pendingBreak + 1, 2);
    this.pendingSpace = false;
  }

  space(): void {
    this.pendingSpace = true;
  }

  prefix(s: string): void {
    if (this.out && this.pendingBreak) this.out += '\n'.repeat(this.pendingBreak);
    this.out += s;
    this.pendingBreak = 0;
    this.pendingSpace = false;
  }
}

function writeText(nodes: ChildNode[], w: TextWriter, pre: boolean): void {
  for (const node of nodes) {
    if (isText(node)) {
      w.text(node.data, pre);
    } else if (isTag(node)) {
      const name = node.name;
      if (SKIP_TEXT.has(name)) continue;
      if (name === 'br') {
        w.hardBreak();
        continue;
      }
      const parent = node.parent;
      // A list nested in a list item continues that item rather than opening a new paragraph.
      const nestedList = (name === 'ul' || name === 'ol') && parent !== null && isTag(parent) && parent.name === 'li';
      const block = nestedList ? 1 : BLOCK[name];
      if (block) w.block(block);
      if (name === 'li') {
        if (parent && isTag(parent) && parent.name === 'ol') {
          const index = parent.children.filter((c) => isTag(c) && c.name === 'li').indexOf(node);
          w.prefix(`${index + 1}. `);
        } else {
          w.prefix('• ');
        }
      }
      if (name === 'td' || name === 'th') w.space();
      writeText(node.children, w, pre || name === 'pre');
      if (block) w.block(block);
      if (name === 'td' || name === 'th') w.space();
    }
  }
}

/** Readable plain text: blocks become line or paragraph breaks, entities decoded, whitespace collapsed. */
export function htmlToPlainText(html: string): string {
  if (!html) return '';
  return plainText(parseHtml(html), false);
}

/** cleaned: the text nodes already went through cleanChildren, which sanitised each one. */
function plainText(doc: Document, cleaned: boolean): string {
  const w = new TextWriter(cleaned);
  writeText(doc.children, w, false);
  // The writer adds only spaces, line breaks, bullets and digits to the node texts.
  return cleaned ? w.out : sanitizeText(w.out);
}

/**
 * One line of text from something that may be HTML (titles, authors): tags removed, entities decoded.
 * Text that only looks like it mentions a tag ("a < b", "x<y") is left alone.
 */
export function htmlToLine(text: string): string {
  if (!text) return '';
  if (!/<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text)) return sanitizeLine(text);
  let out = '';
  const parser = new Parser(
    {
      ontext(data) {
        out += data;
      },
      // Tags end words: "<b>a</b><b>b</b>" should not read "ab" when a block separates them.
      onopentag(name) {
        if (BLOCK[name] || name === 'br') out += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.end(text);
  return sanitizeLine(out);
}

function findImage(nodes: ChildNode[]): Element | null {
  for (const node of nodes) {
    if (!isTag(node) || SKIP_TEXT.has(node.name)) continue;
    if (node.name === 'img') {
      const src = getAttributeValue(node, 'src')?.trim();
      const tiny = ['width', 'height'].some((a) => /^\s*[01](px)?\s*$/.test(node.attribs[a] ?? ''));
      if (src && !tiny) return node;
      continue;
    }
    const found = findImage(node.children);
    if (found) return found;
  }
  return null;
}

/** The first real image (tracking pixels of 0–1 px are skipped), src and alt sanitised; null when none. */
export function firstImage(html: string): { src: string; alt: string } | null {
  if (!html) return null;
  return imageOf(findImage(parseHtml(html).children));
}

function imageOf(img: Element | null): { src: string; alt: string } | null {
  if (!img) return null;
  const src = (img.attribs.src ?? '').trim();
  if (UNSAFE_IN_URL.test(src)) return null;
  return { src, alt: sanitizeLine(img.attribs.alt ?? '') };
}
