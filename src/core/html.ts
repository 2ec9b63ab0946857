/**
 * Feed HTML → safe HTML, plain text, or the first illustration. Everything goes through one
 * depth-bounded parse so a hostile document cannot blow the stack of the recursive walkers below; the
 * cleaner writes its output from that parse's callbacks without building a tree.
 */
import { Parser, type Handler } from 'htmlparser2';
import { DomHandler, isTag, isText } from 'domhandler';
import type { ChildNode, Document, Element } from 'domhandler';
import { getAttributeValue } from 'domutils';
import { escapeAttribute, escapeText } from 'entities';
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

// htmlparser2's implied end tags (which open tag ends which open element), extended below. The targets that
// are dropped with their content (form controls, head, script) are left out: nothing of them reaches the output.
const PARA = new Set(['p']);
const IMPLIED_END = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl',
    'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table',
    'ul'].map((name): [string, ReadonlySet<string>] => [name, PARA]),
]);
const LIST_ITEMS = new Set(['li', 'dd', 'dt']);
// The HTML standard's "special" elements (plus the MathML and SVG integration points), which stop a browser's
// search for the list item a new <li>, <dd> or <dt> ends; address, div and p do not stop it.
const SPECIAL = new Set([
  'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button',
  'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'dl', 'dt', 'embed', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup',
  'hr', 'html', 'iframe', 'img', 'input', 'keygen', 'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta',
  'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'param', 'plaintext', 'pre', 'script', 'search',
  'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th',
  'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml',
  'foreignobject', 'desc',
]);

/** An element the cleaner writes its content of only: a parse of the cleaned HTML no longer sees it. */
function unwrapped(name: string): boolean {
  return UNWRAP.has(name) || !VALID_TAG.test(name);
}

/**
 * htmlparser2 keeps its open-element stack with unshift, so 100k nested tags cost seconds. Past the depth
 * limit an element is treated as void (opened and closed at once): the parser's stack stops growing and
 * the handler above, whose limit is lower, drops those elements and keeps their text.
 */
// Private in htmlparser2's typings only (innermost open element first); the deep-nesting and implied-end tests
// fail loudly if they ever move.
interface ParserInternals {
  stack: string[];
  cbs: Partial<Handler>;
  getSlice(start: number, end: number): string;
}

class BoundedParser extends Parser {
  private phase: 'none' | 'opening' | 'ending' = 'none';
  private deepVoid = false;

  private depth(): number {
    return (this as unknown as ParserInternals).stack.length;
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
    const self = this as unknown as ParserInternals;
    this.endImplied(self.getSlice(start, endIndex).toLowerCase(), self);
    this.phase = 'opening';
    super.onopentagname(start, endIndex);
    this.phase = 'none';
  }

  /**
   * htmlparser2 ends an element at an open tag that implies its end only when it is the innermost open one, so
   * "<li>a<b><li>" nested the second item in the first, and "<ol><li><A<ol><li>" (one element named "a<ol")
   * numbered what followed as bullets. Before the parser's own rule runs, this closes the open elements in
   * between when a browser would look through them: for a list item every element but the special ones (as
   * the HTML standard's "li" and "dd"/"dt" rules do), and for every implied end the elements the cleaner
   * unwraps, or the cleaned HTML would parse back to another tree than the one it was written from. It never
   * looks through an element dropped with its content, so that content stays dropped.
   */
  private endImplied(name: string, self: ParserInternals): void {
    const ends = IMPLIED_END.get(name);
    if (ends === undefined) return;
    const stack = self.stack;
    const listItem = LIST_ITEMS.has(name);
    let i = 0;
    for (; i < stack.length; i++) {
      const open = stack[i] as string;
      if (ends.has(open)) break;
      if (DROP.has(open)) return;
      const through = unwrapped(open) || (listItem && (!SPECIAL.has(open) || open === 'address' || open === 'div' || open === 'p'));
      if (!through) return;
    }
    if (i === 0 || i === stack.length) return;
    // The elements in between end first; the parser's own rule then ends stack[0], the implied element.
    for (let k = 0; k < i; k++) self.cbs.onclosetag?.(stack.shift() as string, true);
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

/** The attributes an element keeps, in their order: event handlers and unknown names dropped, URLs checked. */
function cleanAttributeValues(tag: string, attribs: Record<string, string>, base: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in attribs) {
    const value = attribs[name] as string;
    if (!VALID_ATTR.test(name) || name.startsWith('on') || DROP_ATTRS.has(name)) continue;
    if (URL_ATTRS.has(name)) {
      const url = safeUrl(value, base, tag === 'img' && name === 'src');
      if (url !== null) out[name] = url;
      continue;
    }
    out[name] = sanitizeText(value);
  }
  return out;
}

/**
 * Safe, well-formed HTML from feed HTML: dangerous elements and attributes removed, URLs checked and
 * resolved against baseUrl (when it is http(s)), every text node and attribute value sanitised.
 */
export function cleanHtml(html: string, baseUrl?: string): string {
  if (!html) return '';
  return cleanPass(html, baseUrl, false).html;
}

/**
 * cleanHtml, htmlToPlainText and firstImage of the cleaned HTML from a single pass: article bodies are
 * the bulk of a refresh.
 */
export function cleanHtmlParts(
  html: string,
  baseUrl?: string,
): { html: string; text: string; image: { src: string; alt: string } | null } {
  if (!html) return { html: '', text: '', image: null };
  const pass = cleanPass(html, baseUrl, true);
  return { html: pass.html, text: pass.text?.out ?? '', image: pass.image };
}

function cleanPass(html: string, baseUrl: string | undefined, withText: boolean): StreamingCleaner {
  const cleaner = new StreamingCleaner(isHttpBase(baseUrl) ? baseUrl : undefined, withText);
  new BoundedParser(cleaner, { decodeEntities: true }).end(html);
  return cleaner;
}

// Written without an end tag (dom-serializer's list, which the cleaner's output always followed).
const SINGLE_TAG = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

// Elements that end a line (1) or a paragraph (2) in plain text.
const BLOCK: Record<string, 1 | 2> = {
  p: 2, h1: 2, h2: 2, h3: 2, h4: 2, h5: 2, h6: 2, blockquote: 2, pre: 2, ul: 2, ol: 2, dl: 2,
  table: 2, figure: 2, hr: 2, section: 1, article: 1, header: 1, footer: 1, aside: 1, nav: 1, main: 1,
  div: 1, li: 1, tr: 1, dt: 1, dd: 1, figcaption: 1, address: 1, caption: 1, details: 1, summary: 1,
  thead: 1, tbody: 1, tfoot: 1,
};
const SKIP_TEXT = new Set([...DROP].filter((n) => n !== 'title'));

// Whitespace that /\s+/g → ' ' would change: any whitespace but a space, or (there being no other) two
// spaces in a row. Looked for as a character class and a substring: one regex with both took 8% of cleaning.
const OTHER_SPACE = /[^\S ]/;
const foldable = (s: string): boolean => s.includes('  ') || OTHER_SPACE.test(s);

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
    this.words(foldable(data) ? data.replace(/\s+/g, ' ') : data);
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

/**
 * The cleaner: one pass of html.ts's bounded parser whose callbacks write the safe HTML, the plain text and
 * the first image as the elements go by; no tree is built. It gives exactly what cleaning a parsed tree
 * gave (test/core/html-stream.property.test.ts compares it with that cleaner, test/helpers/dom-cleaner.ts):
 * text runs are the tree's text nodes (a run ends at every element, comment or instruction the tree would
 * have held, not at the elements it left out past MAX_HTML_DEPTH), dropped elements take everything inside
 * with them, and unwrapped ones leave their content to the nearest kept ancestor.
 */
interface Open {
  name: string;
  /** keep: written with its cleaned attributes; unwrap: its content only; drop: nothing inside. */
  mode: 'keep' | 'unwrap' | 'drop';
  /** The nearest kept element around this one (what the tree's parent was after unwrapping), or null. */
  parent: Open | null;
  /** Inside a kept <pre>. */
  pre: boolean;
  /** li children written so far (the number of the next one in an <ol>). */
  items: number;
  block: 0 | 1 | 2;
}

class StreamingCleaner implements Partial<Handler> {
  html = '';
  readonly text: TextWriter | null;
  image: { src: string; alt: string } | null = null;
  private imageSeen = false;
  private readonly stack: Open[] = [];
  /** The innermost kept element (null at the top level). */
  private kept: Open | null = null;
  private dropping = 0;
  private skipped = 0;
  private run = '';

  constructor(private readonly base: string | undefined, withText: boolean) {
    this.text = withText ? new TextWriter(true) : null;
  }

  /** Ends the current text run: what the tree held as one text node, sanitised as one. */
  private flush(): void {
    if (this.run === '') return;
    const data = this.run;
    this.run = '';
    if (this.dropping > 0) return;
    const clean = sanitizeText(data);
    if (!clean) return;
    this.html += escapeText(clean);
    this.text?.text(clean, this.kept?.pre ?? false);
  }

  ontext(data: string): void {
    this.run += data;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    // The depth rule of BoundedHandler: past MAX_HTML_DEPTH open elements the tree had no element, so the
    // text run goes on.
    if (this.stack.length + 1 > MAX_HTML_DEPTH) {
      this.skipped += 1;
      return;
    }
    this.flush();
    const parent = this.kept;
    if (this.dropping > 0 || DROP.has(name)) {
      this.dropping += 1;
      this.stack.push({ name, mode: 'drop', parent, pre: false, items: 0, block: 0 });
      return;
    }
    if (UNWRAP.has(name) || !VALID_TAG.test(name)) {
      this.stack.push({ name, mode: 'unwrap', parent, pre: parent?.pre ?? false, items: 0, block: 0 });
      return;
    }
    const clean = cleanAttributeValues(name, attribs, this.base);
    let tag = `<${name}`;
    for (const key in clean) {
      const value = clean[key] as string;
      tag += value === '' ? ` ${key}` : ` ${key}="${escapeAttribute(value)}"`;
    }
    this.html += `${tag}>`;
    if (name === 'img' && !this.imageSeen) this.noteImage(clean);
    const open: Open = { name, mode: 'keep', parent, pre: name === 'pre' || (parent?.pre ?? false), items: 0, block: 0 };
    this.stack.push(open);
    this.kept = open;
    const w = this.text;
    if (w === null) return;
    if (name === 'br') {
      w.hardBreak();
      return;
    }
    // A list nested in a list item continues that item rather than opening a new paragraph.
    const nestedList = (name === 'ul' || name === 'ol') && parent?.name === 'li';
    open.block = nestedList ? 1 : (BLOCK[name] ?? 0);
    if (open.block) w.block(open.block);
    if (name === 'li') {
      if (parent?.name === 'ol') w.prefix(`${++parent.items}. `);
      else w.prefix('• ');
    }
    if (name === 'td' || name === 'th') w.space();
  }

  onclosetag(): void {
    if (this.skipped > 0) {
      this.skipped -= 1;
      return;
    }
    this.flush();
    const open = this.stack.pop();
    if (open === undefined) return;
    if (open.mode === 'drop') {
      this.dropping -= 1;
      return;
    }
    if (open.mode === 'unwrap') return;
    this.kept = open.parent;
    if (!SINGLE_TAG.has(open.name)) this.html += `</${open.name}>`;
    const w = this.text;
    if (w === null || open.name === 'br') return;
    if (open.block) w.block(open.block);
    if (open.name === 'td' || open.name === 'th') w.space();
  }

  // Comments, CDATA (a comment in HTML) and processing instructions are left out, but each was a node of
  // its own in the tree, so it ends a text run.
  oncomment(): void {
    this.flush();
  }

  onprocessinginstruction(): void {
    this.flush();
  }

  onend(): void {
    this.flush();
  }

  /** The first image of the cleaned HTML that is not a tracking pixel, as firstImage finds it. */
  private noteImage(attribs: Record<string, string>): void {
    const src = attribs.src?.trim();
    const tiny = ['width', 'height'].some((a) => /^\s*[01](px)?\s*$/.test(attribs[a] ?? ''));
    if (!src || tiny) return;
    this.imageSeen = true;
    this.image = UNSAFE_IN_URL.test(src) ? null : { src, alt: sanitizeLine(attribs.alt ?? '') };
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
