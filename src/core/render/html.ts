import { isTag, isText } from 'domhandler';
import type { ChildNode, Element } from 'domhandler';
import { parseHtml } from '../html.js';
import { sanitizeLine, sanitizeText } from '../sanitize.js';
import { displayWidth, truncate, wrap } from './text.js';

/**
 * Article HTML → terminal lines. Two passes: the DOM is reduced to a small block tree (paragraphs, lists,
 * quotes, code, images …), then the tree is laid out at a width. Keeping layout separate lets the reader
 * re-run only the cheap second step on resize if it ever needs to, and keeps each pass linear.
 *
 * Sanitising happens once, where feed text enters the block tree: every text node, <pre> text, alt/title and
 * href goes through sanitize.ts before it is measured and wrapped, so widths are those of the text shown (and a
 * sequence cut by markup goes piece by piece, as cleanHtml removes it when the article is stored). Layout only
 * cuts those strings and adds its own characters (spaces, "│ ", "• ", digits, "[n]", "…", "─"), and footnote
 * URLs are WHATWG serialisations (ASCII only), so no output line can hold a character sanitizeText would remove.
 * The hostile-text tests feed a payload through each of these entries.
 *
 * Depth: the DOM comes from html.ts's bounded parse (MAX_HTML_DEPTH), so both passes, which recurse once per
 * level of nesting, stay shallow however deep the markup is.
 */

export type LineStyle = 'text' | 'heading' | 'quote' | 'code' | 'list' | 'image' | 'rule' | 'blank' | 'footnote';
export interface RenderedLine {
  text: string;
  style: LineStyle;
}
export interface RenderedDoc {
  lines: RenderedLine[];
  /** Footnote targets; links[0] is [1]. */
  links: string[];
  /**
   * Hashtags of the paragraphs of nothing but hashtags that ended the article ("#databreach #PDP"), left out
   * of `lines`: the reader and `show` print the article's tags on a line of their own, and one is enough.
   */
  hashtags: string[];
}
export interface RenderOptions {
  /**
   * Columns of a line. Infinity: no wrapping at all (a paragraph is one line), for output that goes to a
   * pipe or a file. Lines are never wider, except a link wider than the line, which is never broken.
   */
  width: number;
  /** "Ilustrasi" | "Image" | "image" */
  imageLabel: string;
  baseUrl?: string;
  /** Default true: append a blank line and "[n] url" lines with style 'footnote'. */
  footnotes?: boolean;
}

type Block =
  | { kind: 'para'; text: string; style: 'text' | 'heading' }
  | { kind: 'image'; text: string; caption: string }
  | { kind: 'pre'; text: string }
  | { kind: 'rule' }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'indent'; blocks: Block[] }
  | { kind: 'table'; rows: string[] };

const MIN_WIDTH = 10;
// A rule where there is no width to fill (no wrapping).
const UNWRAPPED_RULE = 40;
// A nested block narrower than this loses its indentation rather than squeezing text into a sliver.
const MIN_INNER = 6;
const NBSP = '\u00a0';

const SKIP = new Set(['script', 'style', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'noembed']);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address', 'details', 'summary',
  'dl', 'dt', 'center', 'form', 'fieldset', 'legend', 'hgroup', 'body', 'html', 'caption', 'li', 'figcaption',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** HTML whitespace (not U+00A0, which HTML keeps and we use as glue). */
const HTML_SPACE = /[ \t\n\r\f]+/g;
const VISIBLE = /[^ \t\n\r\f\u00a0]/;

function collapse(s: string): string {
  return sanitizeText(s).replace(HTML_SPACE, ' ');
}

/** Text content, raw (not sanitised), of an element and everything in it. */
function textOf(node: ChildNode): string {
  let out = '';
  const stack: ChildNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as ChildNode;
    if (isText(n)) out += n.data;
    else if (isTag(n)) {
      if (SKIP.has(n.name)) continue;
      if (n.name === 'br') out += '\n';
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
    }
  }
  return out;
}

function hasImage(node: Element): boolean {
  const stack: ChildNode[] = [...node.children];
  while (stack.length > 0) {
    const n = stack.pop() as ChildNode;
    if (isTag(n)) {
      if (n.name === 'img') return true;
      stack.push(...n.children);
    }
  }
  return false;
}

class Links {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly base: string | undefined) {}

  /** The footnote number for href, or 0 when the link is not one a reader can follow. */
  number(rawHref: string): number {
    const href = sanitizeLine(rawHref);
    // An in-page anchor resolves to the article's own URL, which is no use as a footnote.
    if (!href || href.startsWith('#')) return 0;
    let url: URL;
    try {
      url = this.base ? new URL(href, this.base) : new URL(href);
    } catch {
      return 0;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return 0;
    // URL serialisation percent-encodes any control or bidi character left in the path or query.
    const key = url.href;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    this.list.push(key);
    this.index.set(key, this.list.length);
    return this.list.length;
  }
}

/** Collects blocks for one container (the document, a list item, a quote …). */
class Builder {
  readonly blocks: Block[] = [];
  private inline = '';
  style: 'text' | 'heading' = 'text';
  /** Set inside a link that has no text, so its images carry the footnote number. */
  imageLink = 0;

  text(s: string): void {
    this.inline += s;
  }

  /** Appends a footnote mark right after the link text, before any space that followed the text. */
  mark(s: string): void {
    if (this.inline.endsWith(' ')) this.inline = this.inline.slice(0, -1) + s + ' ';
    else this.inline += s;
  }

  flush(): void {
    if (VISIBLE.test(this.inline)) this.blocks.push({ kind: 'para', text: this.inline, style: this.style });
    this.inline = '';
  }

  push(block: Block): void {
    this.flush();
    this.blocks.push(block);
  }
}

class Walker {
  readonly links: Links;
  private readonly imageLabel: string;
  constructor(imageLabel: string, baseUrl: string | undefined) {
    this.imageLabel = sanitizeLine(imageLabel);
    this.links = new Links(baseUrl);
  }

  children(node: Element | { children: ChildNode[] }, b: Builder): void {
    for (const child of node.children) this.node(child, b);
  }

  container(node: Element, b?: Builder): Block[] {
    const sub = new Builder();
    if (b) sub.imageLink = b.imageLink;
    this.children(node, sub);
    sub.flush();
    return sub.blocks;
  }

  node(node: ChildNode, b: Builder): void {
    if (isText(node)) {
      b.text(collapse(node.data));
      return;
    }
    if (!isTag(node)) return;
    const name = node.name;
    if (SKIP.has(name)) return;
    if (HEADINGS.has(name)) {
      b.flush();
      const prev = b.style;
      b.style = 'heading';
      this.children(node, b);
      b.flush();
      b.style = prev;
      return;
    }
    switch (name) {
      case 'br':
        b.text('\n');
        return;
      case 'wbr':
        return;
      case 'img':
        // 1×1 images are tracking pixels (feedburner and friends), not illustrations.
        if (node.attribs['width'] === '1' && node.attribs['height'] === '1') return;
        b.push(this.image(node, b.imageLink));
        return;
      case 'hr':
        b.push({ kind: 'rule' });
        return;
      case 'pre':
        b.push({ kind: 'pre', text: sanitizeText(textOf(node)) });
        return;
      case 'ul':
      case 'ol':
      case 'menu':
        b.push(this.list(node));
        return;
      case 'blockquote':
        b.push({ kind: 'quote', blocks: this.container(node) });
        return;
      case 'dd':
        b.push({ kind: 'indent', blocks: this.container(node) });
        return;
      case 'table':
        b.push({ kind: 'table', rows: this.table(node) });
        return;
      case 'figcaption':
        this.caption(node, b);
        return;
      case 'a':
        this.anchor(node, b);
        return;
      default:
        if (BLOCKS.has(name)) {
          b.flush();
          this.children(node, b);
          b.flush();
        } else {
          this.children(node, b);
        }
    }
  }

  image(node: Element, link: number): Block {
    const alt = sanitizeLine(node.attribs['alt'] ?? node.attribs['title'] ?? '');
    const label = this.imageLabel;
    // "[Ilustrasi: Ilustrasi kebocoran data]" says it twice: an alt text that starts with the label stands alone
    const first = alt.split(/[\s:.,;-]/, 1)[0] ?? '';
    const says = first !== '' && first.toLocaleLowerCase() === label.toLocaleLowerCase();
    let text = alt ? (says ? `[${alt}]` : `[${label}: ${alt}]`) : `[${label}]`;
    if (link > 0) text += `${NBSP}[${link}]`;
    return { kind: 'image', text, caption: '' };
  }

  caption(node: Element, b: Builder): void {
    b.flush();
    const blocks = this.container(node, b);
    const text = blocks
      .map((x) => (x.kind === 'para' ? x.text : ''))
      .join(' ')
      .replace(/\s*\n\s*/g, ' ');
    const last = b.blocks[b.blocks.length - 1];
    if (last && last.kind === 'image' && !last.caption && blocks.every((x) => x.kind === 'para')) {
      last.caption = text;
      return;
    }
    for (const x of blocks) b.push(x);
  }

  anchor(node: Element, b: Builder): void {
    const href = node.attribs['href'];
    const hasText = VISIBLE.test(textOf(node));
    const image = !hasText && hasImage(node);
    // Numbering happens here, before the children, so footnotes follow the order links are read in.
    const n = href === undefined || (!hasText && !image) ? 0 : this.links.number(href);
    if (n === 0) {
      this.children(node, b);
      return;
    }
    if (image) {
      const prev = b.imageLink;
      b.imageLink = n;
      this.children(node, b);
      b.imageLink = prev;
      return;
    }
    this.children(node, b);
    b.mark(`${NBSP}[${n}]`);
  }

  list(node: Element): Block {
    const ordered = node.name === 'ol';
    const startAttr = Number.parseInt(node.attribs['start'] ?? '1', 10);
    const start = Number.isFinite(startAttr) ? startAttr : 1;
    const items: Block[][] = [];
    // Stray content between <li>s (text, nested lists written as siblings) joins the item before it.
    let loose = new Builder();
    for (const child of node.children) {
      if (isTag(child) && child.name === 'li') {
        loose.flush();
        if (loose.blocks.length > 0) items.push(loose.blocks);
        loose = new Builder();
        items.push(this.container(child));
      } else if (isTag(child) && (child.name === 'ul' || child.name === 'ol') && items.length > 0) {
        (items[items.length - 1] as Block[]).push(this.list(child));
      } else {
        this.node(child, loose);
      }
    }
    loose.flush();
    if (loose.blocks.length > 0) items.push(loose.blocks);
    return { kind: 'list', ordered, start, items };
  }

  table(node: Element): string[] {
    const rows: string[] = [];
    const visit = (el: Element): void => {
      for (const child of el.children) {
        if (!isTag(child)) continue;
        if (child.name === 'tr') {
          const cells: string[] = [];
          for (const cell of child.children) {
            if (!isTag(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
            cells.push(this.cellText(cell));
          }
          if (cells.some((c) => c !== '')) rows.push(cells.join(' │ '));
        } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
          visit(child);
        } else if (child.name === 'caption') {
          const text = this.cellText(child);
          if (text) rows.push(text);
        }
      }
    };
    visit(node);
    return rows;
  }

  cellText(cell: Element): string {
    const parts: string[] = [];
    const collect = (blocks: Block[]): void => {
      for (const x of blocks) {
        if (x.kind === 'para' || x.kind === 'image' || x.kind === 'pre') parts.push(x.text);
        else if (x.kind === 'list') x.items.forEach(collect);
        else if (x.kind === 'quote' || x.kind === 'indent') collect(x.blocks);
        else if (x.kind === 'table') parts.push(...x.rows);
      }
    };
    collect(this.container(cell));
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  }
}

function blank(): RenderedLine {
  return { text: '', style: 'blank' };
}

/** Final form of a wrapped line: glue spaces become spaces, nothing trails. (Its text was sanitised on the way in.) */
function finish(text: string, style: LineStyle): RenderedLine {
  const t = text.includes(NBSP) ? text.replaceAll(NBSP, ' ') : text;
  return { text: t.trimEnd(), style };
}

function wrapLines(text: string, width: number, style: LineStyle, out: RenderedLine[]): void {
  for (const line of wrap(text, width)) out.push(finish(line, style));
}

function layout(blocks: Block[], width: number, tight: boolean): RenderedLine[] {
  const out: RenderedLine[] = [];
  for (const block of blocks) {
    const lines = layoutBlock(block, width);
    if (lines.length === 0) continue;
    if (!tight && out.length > 0) out.push(blank());
    for (const l of lines) out.push(l);
  }
  return out;
}

function layoutBlock(block: Block, width: number): RenderedLine[] {
  const out: RenderedLine[] = [];
  switch (block.kind) {
    case 'para': {
      const segments = block.text.split('\n').map((s) => s.replace(/ {2,}/g, ' ').trim());
      while (segments.length > 0 && segments[0] === '') segments.shift();
      while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
      for (const seg of segments) {
        if (seg === '') out.push(blank());
        else wrapLines(seg, width, block.style, out);
      }
      return out;
    }
    case 'image':
      wrapLines(block.text, width, 'image', out);
      if (block.caption.trim()) wrapLines(block.caption.replace(/ {2,}/g, ' ').trim(), width, 'image', out);
      return out;
    case 'pre': {
      let text = block.text.replaceAll('\t', '    ');
      // HTML ignores one newline right after <pre>; trailing newlines are never visible either.
      text = text.replace(/^\n/, '').replace(/\n+$/, '');
      if (!VISIBLE.test(text)) return out;
      for (const line of text.split('\n')) out.push(finish(truncate(line.trimEnd(), width), 'code'));
      return out;
    }
    case 'rule':
      out.push({ text: '─'.repeat(Number.isFinite(width) ? width : UNWRAPPED_RULE), style: 'rule' });
      return out;
    case 'table':
      for (const row of block.rows) wrapLines(row, width, 'text', out);
      return out;
    case 'quote': {
      const toQuote = (st: LineStyle): LineStyle => (st === 'code' || st === 'image' || st === 'rule' ? st : 'quote');
      if (width - 2 < MIN_INNER) return layout(block.blocks, width, false).map((l) => ({ ...l, style: toQuote(l.style) }));
      return prefixed(layout(block.blocks, width - 2, false), '│ ', '│ ', toQuote);
    }
    case 'indent':
      if (width - 2 < MIN_INNER) return layout(block.blocks, width, true);
      return prefixed(layout(block.blocks, width - 2, true), '  ', '  ', (st) => st);
    case 'list':
      return layoutList(block, width);
  }
}

/**
 * Prefixes every line of an already laid-out child. Callers skip the prefix when the child would be narrower
 * than MIN_INNER, so deep nesting never pushes a line past the width.
 */
function prefixed(
  lines: RenderedLine[],
  first: string,
  rest: string,
  restyle: (s: LineStyle) => LineStyle,
): RenderedLine[] {
  const out: RenderedLine[] = [];
  lines.forEach((l, i) => {
    const p = i === 0 ? first : rest;
    const text = l.text === '' ? p.trimEnd() : p + l.text;
    out.push({ text: text.trimEnd(), style: restyle(l.style) });
  });
  return out;
}

function layoutList(block: Extract<Block, { kind: 'list' }>, width: number): RenderedLine[] {
  const out: RenderedLine[] = [];
  const last = block.start + block.items.length - 1;
  const numberWidth = Math.max(String(block.start).length, String(last).length);
  const markerWidth = block.ordered ? numberWidth + 2 : 2;
  const narrow = width - markerWidth < MIN_INNER;
  block.items.forEach((item, i) => {
    const marker = block.ordered ? `${String(block.start + i).padStart(numberWidth)}. ` : '• ';
    const toList = (s: LineStyle): LineStyle => (s === 'text' || s === 'heading' || s === 'blank' ? 'list' : s);
    if (narrow) {
      out.push({ text: marker.trimEnd(), style: 'list' });
      for (const l of layout(item, width, true)) out.push({ text: l.text, style: toList(l.style) });
      return;
    }
    const inner = layout(item, width - markerWidth, true);
    if (inner.length === 0) {
      out.push({ text: marker.trimEnd(), style: 'list' });
      return;
    }
    for (const l of prefixed(inner, marker, ' '.repeat(markerWidth), toList)) out.push(l);
  });
  return out;
}

export function renderHtml(html: string, options: RenderOptions): RenderedDoc {
  const width = options.width === Infinity ? Infinity : Math.max(MIN_WIDTH, Math.floor(Number.isFinite(options.width) ? options.width : MIN_WIDTH));
  const doc = parseHtml(html ?? '');
  const walker = new Walker(options.imageLabel, options.baseUrl);
  const root = new Builder();
  walker.children(doc, root);
  root.flush();
  const hashtags = dropHashtagParagraphs(root.blocks);
  const lines = layout(root.blocks, width, false);
  const links = walker.links.list;
  if (options.footnotes !== false && links.length > 0) {
    lines.push(blank());
    links.forEach((url, i) => {
      const label = `[${i + 1}]`;
      // A link is never broken: one too long to follow its number goes whole on a line of its own.
      if (displayWidth(label) + 1 + displayWidth(url) <= width) lines.push(finish(`${label} ${url}`, 'footnote'));
      else lines.push(finish(label, 'footnote'), finish(url, 'footnote'));
    });
  }
  return { lines, links, hashtags };
}

const HASHTAG_TOKEN = /^#[\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*$/u;

/** Removes the paragraphs of hashtags only at the end of `blocks`; returns their tags (no '#'), in order. */
function dropHashtagParagraphs(blocks: Block[]): string[] {
  const dropped: string[][] = [];
  for (;;) {
    const last = blocks[blocks.length - 1];
    if (last === undefined || last.kind !== 'para' || last.style !== 'text') break;
    const words = last.text.split(/[\s\u00a0]+/).filter((w) => w !== '');
    if (words.length === 0 || !words.every((w) => HASHTAG_TOKEN.test(w))) break;
    dropped.unshift(words.map((w) => w.slice(1)));
    blocks.pop();
  }
  return dropped.flat();
}

export function renderToText(html: string, options: RenderOptions): string {
  return renderHtml(html, options)
    .lines.map((l) => l.text)
    .join('\n');
}
