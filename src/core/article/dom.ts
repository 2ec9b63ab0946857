/**
 * A page's HTML → a linkedom Document that Readability can work on, built under limits. The markup is parsed
 * once by the project's depth-bounded parser (html.ts parseHtml: nothing deeper than MAX_HTML_DEPTH, text of
 * deeper elements kept), and the tree is copied into linkedom through its DOM API, so linkedom's own parser
 * (unbounded, with a stack that costs O(depth) per tag) never sees page markup. Script, style and embedded
 * content never enter the DOM: nothing in it can run or ask for a sub-resource, and none of its text can
 * leak into the article. linkedom itself fetches nothing and runs nothing; it has no network code at all.
 */
import { parseHTML } from 'linkedom';
import { isTag, isText } from 'domhandler';
import type { ChildNode, Element as HElement } from 'domhandler';
import { parseHtml } from '../html.js';
import { sanitizeLine } from '../sanitize.js';
import { ExtractError } from './types.js';

/** Elements a page may hold, counted before parsing (a cheap scan) and again while building. */
export const MAX_ELEMENTS = 50_000;
/**
 * Elements nested deeper than this are unwrapped into their deepest kept ancestor (their text stays). Real
 * article pages stay well under it; Readability's work grows with depth (it walks ancestors and rewraps
 * single-child chains), and a hostile page nests thousands deep.
 */
export const MAX_DOM_DEPTH = 60;
/** Attribute values longer than this are dropped: no attribute Readability or we read needs more. */
export const MAX_ATTRIBUTE_LENGTH = 4_096;
/** Attributes per element kept. */
const MAX_ATTRIBUTES = 64;

// Never copied into the DOM, with everything inside. JSON-LD scripts are read on the way (see below).
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'param', 'svg', 'annotation', 'annotation-xml', 'canvas', 'audio', 'video', 'source', 'track', 'input', 'button', 'select',
  'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen', 'xmp', 'plaintext', 'noembed',
  'noframes', 'portal', 'slot', 'dialog',
]);
const VALID_TAG = /^[a-z][a-z0-9-]*$/;
// Attributes that hold a URL: only http(s) and relative values enter the DOM. Readability then finds lazy
// images' real address in data-src and the like when a data: placeholder is gone from src.
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'action', 'formaction', 'background', 'longdesc', 'data', 'srcset', 'xlink:href']);
const OTHER_SCHEME = /^\s*(?![a-z][a-z0-9+.-]*:\/\/)[a-z][a-z0-9+.-]*:/i;
const HTTP_SCHEME = /^\s*https?:/i;
const VALID_ATTR = /^[a-z_][a-z0-9_.:-]*$/;

/** The part of the DOM this code uses (the project compiles without the DOM lib, so it names its own). */
export interface PageNode {
  readonly nodeType: number;
  readonly parentNode: PageNode | null;
  readonly parentElement: PageElement | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<PageNode>;
  readonly nextSibling: PageNode | null;
  readonly previousSibling: PageNode | null;
  appendChild(node: PageNode): PageNode;
  remove(): void;
}
export interface PageElement extends PageNode {
  readonly localName: string;
  readonly children: ArrayLike<PageElement>;
  readonly nextElementSibling: PageElement | null;
  readonly previousElementSibling: PageElement | null;
  readonly className: string;
  readonly id: string;
  readonly innerHTML: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  closest(selector: string): PageElement | null;
  contains(node: PageNode): boolean;
}
export interface PageDocument {
  readonly documentElement: PageElement;
  readonly head: PageElement;
  readonly body: PageElement;
  createElement(name: string): PageElement;
  createTextNode(text: string): PageNode;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export interface BuiltPage {
  document: PageDocument;
  /** Text of each `<script type="application/ld+json">`, in page order. */
  jsonLd: string[];
  /** The `<base href>` value, unresolved, or null. */
  baseHref: string | null;
  /** Elements copied into the DOM. */
  elements: number;
}

/** Counts '<' followed by a letter: an upper bound of the elements the parser will make, read in one pass. */
function roughTagCount(html: string, stopAt: number): number {
  let count = 0;
  let i = html.indexOf('<');
  while (i !== -1) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a && ++count > stopAt) return count;
    i = html.indexOf('<', i + 1);
  }
  return count;
}

// Text length under each element as built (whitespace included): lets the metadata and boilerplate passes skip
// big containers before asking linkedom for their textContent, which walks and joins the whole subtree.
const TEXT_SIZE = new WeakMap<PageNode, number>();

/** Characters of text under el when the page was built (an upper bound later, as removals only shrink it). */
export function textSize(el: PageNode): number {
  return TEXT_SIZE.get(el) ?? (el.textContent ?? '').length;
}

/** el's text, whitespace folded, or null without building it when the element holds more than max characters. */
export function shortText(el: PageNode, max: number): string | null {
  if (textSize(el) > max * 4 + 200) return null;
  const t = sanitizeLine(el.textContent ?? '');
  return t.length > max ? null : t;
}

const tooComplex = (what: string): ExtractError => new ExtractError('too-complex', `The page has ${what}.`);

export function buildDocument(html: string, checkTime: () => void): BuiltPage {
  // The scan counts tags inside scripts and comments too, hence the margin over MAX_ELEMENTS.
  if (roughTagCount(html, MAX_ELEMENTS * 2) > MAX_ELEMENTS * 2) throw tooComplex(`more than ${MAX_ELEMENTS} elements`);
  const tree = parseHtml(html);
  checkTime();
  // parseHTML is typed `any` here (its typings name DOM lib types the project does not load).
  const document = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document as PageDocument;
  const jsonLd: string[] = [];
  let baseHref: string | null = null;
  let elements = 0;
  const html0 = document.documentElement;
  const head = document.head;
  const body = document.body;

  const copyAttributes = (from: HElement, to: PageElement): void => {
    let n = 0;
    for (const name in from.attribs) {
      const value = from.attribs[name] ?? '';
      if (value.length > MAX_ATTRIBUTE_LENGTH || !VALID_ATTR.test(name) || name.startsWith('on')) continue;
      if (URL_ATTRIBUTES.has(name) && OTHER_SCHEME.test(value) && !HTTP_SCHEME.test(value)) continue;
      to.setAttribute(name, value);
      if (++n >= MAX_ATTRIBUTES) break;
    }
  };

  // Iterative: the tree is at most MAX_HTML_DEPTH deep, but a loop costs nothing and needs no such argument.
  const stack: Array<{ nodes: ChildNode[]; i: number; into: PageNode; depth: number }> = [];
  const place = (name: string, parent: PageNode): PageNode => {
    // The page's own html/head/body merge into ours; head-only elements found in the body stay where they are.
    if (name === 'html') return html0;
    if (name === 'head') return head;
    if (name === 'body') return body;
    return parent;
  };
  stack.push({ nodes: tree.children, i: 0, into: body, depth: 2 });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.i++]!;
    if (isText(node)) {
      if (node.data) {
        frame.into.appendChild(document.createTextNode(node.data));
        let last: PageNode | null = null;
        for (const f of stack) {
          // Frames of the page's html/head/body share our element: count it once.
          if (f.into !== last) TEXT_SIZE.set(f.into, (TEXT_SIZE.get(f.into) ?? 0) + node.data.length);
          last = f.into;
        }
      }
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name;
    if (name === 'script') {
      if (/^\s*application\/ld\+json\s*$/i.test(node.attribs.type ?? '')) {
        const text = node.children.map((c) => (isText(c) ? c.data : '')).join('');
        if (text) jsonLd.push(text);
      }
      continue;
    }
    if (DROP.has(name)) continue;
    if (name === 'base') {
      baseHref ??= node.attribs.href ?? null;
      continue;
    }
    if (++elements > MAX_ELEMENTS) throw tooComplex(`more than ${MAX_ELEMENTS} elements`);
    if ((elements & 1023) === 0) checkTime();
    const target = place(name, frame.into);
    if (target !== frame.into || name === 'html') {
      // Merged into our own html/head/body: children go there, the element itself is not copied twice.
      if (name !== 'head') copyAttributes(node, target as PageElement);
      stack.push({ nodes: node.children, i: 0, into: name === 'html' ? frame.into : target, depth: frame.depth });
      continue;
    }
    if (!VALID_TAG.test(name) || name === 'math' || frame.depth >= MAX_DOM_DEPTH) {
      // An element with a name no DOM accepts, or one too deep: keep what it holds. A formula is kept as its
      // text ("a ≠ 0"): a terminal cannot draw MathML, and the cleaner would drop <math> with its content.
      stack.push({ nodes: node.children, i: 0, into: frame.into, depth: frame.depth });
      continue;
    }
    const el = document.createElement(name);
    TEXT_SIZE.set(el, 0);
    copyAttributes(node, el);
    frame.into.appendChild(el);
    if (node.children.length > 0) stack.push({ nodes: node.children, i: 0, into: el, depth: frame.depth + 1 });
  }
  return { document, jsonLd, baseHref, elements };
}

/**
 * Each element's position in document order. linkedom's compareDocumentPosition compares depths rather than
 * positions (0.18), so order is taken from one walk instead.
 */
export function documentOrder(doc: PageDocument): Map<PageElement, number> {
  const order = new Map<PageElement, number>();
  let i = 0;
  for (const el of elementsOf(doc)) order.set(el, i++);
  return order;
}

const ELEMENTS = new WeakMap<PageDocument, PageElement[]>();

/**
 * Every element of the page in document order, walked once. The metadata and link passes filter this list with
 * plain tests instead of running a dozen CSS selectors, each of which walks the whole document in linkedom.
 * Valid until the page is changed: boilerplate removal comes after every user of it.
 */
export function elementsOf(doc: PageDocument): PageElement[] {
  let all = ELEMENTS.get(doc);
  if (!all) {
    all = Array.from(doc.querySelectorAll('*'));
    ELEMENTS.set(doc, all);
  }
  return all;
}
