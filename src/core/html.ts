/**
 * Feed HTML → safe HTML, plain text, or the first illustration. Everything goes through one
 * depth-bounded parse so a hostile document cannot blow the stack of the recursive walkers below; the
 * cleaner writes its output from that parse's callbacks without building a tree.
 */
import { Parser, type Handler } from 'htmlparser2';
import { DomHandler, isTag, isText } from 'domhandler';
import type { ChildNode, Document } from 'domhandler';
import { escapeAttribute, escapeText } from 'entities';
import { BLOCK, cleanAttributeValues, DROP, imageOf, isHttpBase, isTrackingPixel, SKIP_TEXT, TextWriter, unwrapped } from './html-rules.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';

/** Elements nested deeper than this are flattened into their ancestor (their text is kept). */
export const MAX_HTML_DEPTH = 128;


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
    // The parser ends the innermost open element while it is one the tag ends, and the next one too if that is
    // one as well ("<thead><th><td>" ends both). Through the elements looked through, the chain goes on the
    // same way: "<thead><font><th><td>" ends th, font and thead, as "<thead><th><td>" does once font is
    // unwrapped. `last` is the outermost element the chain reaches.
    let last = -1;
    for (let i = 0; i < stack.length; i++) {
      const open = stack[i] as string;
      if (ends.has(open)) {
        last = i;
        continue;
      }
      if (DROP.has(open)) break;
      const through = unwrapped(open) || (listItem && (!SPECIAL.has(open) || open === 'address' || open === 'div' || open === 'p'));
      if (!through) break;
    }
    if (last <= 0) return;
    // The elements in between end first; the parser's own rule then ends stack[0], the last implied element.
    for (let k = 0; k < last; k++) self.cbs.onclosetag?.(stack.shift() as string, true);
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


/**
 * Safe, well-formed HTML from feed HTML: dangerous elements and attributes removed, URLs checked and
 * resolved against baseUrl (when it is http(s)), every text node and attribute value sanitised.
 */
export function cleanHtml(html: string, baseUrl?: string): string {
  if (!html) return '';
  return cleanPass(html, baseUrl, false).html;
}

/**
 * cleanHtml, htmlToPlainText of the cleaned HTML and its first real image from a single pass: article bodies are
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
    if (unwrapped(name)) {
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

  /** The first image of the cleaned HTML with a src that is not a tracking pixel (0–1 px). */
  private noteImage(attribs: Record<string, string>): void {
    if (!attribs.src?.trim() || isTrackingPixel(attribs)) return;
    this.imageSeen = true;
    this.image = imageOf(attribs);
  }
}

/** Readable plain text: blocks become line or paragraph breaks, entities decoded, whitespace collapsed. */
export function htmlToPlainText(html: string): string {
  if (!html) return '';
  const w = new TextWriter(false);
  writeText(parseHtml(html).children, w, false);
  return sanitizeText(w.out);
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

