/**
 * The feed-HTML cleaner as it was before the streaming pass (src/core/html.ts before the ingest-speed work):
 * parse into a DOM (html.ts's bounded parse), remove and unwrap in the tree, serialise it with dom-serializer,
 * and walk it again for the plain text and the first image. Kept unchanged as the reference the streaming
 * cleaner is compared with (test/core/html-stream.property.test.ts); nothing in src uses it.
 */
import { isTag, isText } from 'domhandler';
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { getAttributeValue } from 'domutils';
import render from 'dom-serializer';
import { parseHtml } from '../../src/core/html.js';
import { sanitizeLine, sanitizeText, UNSAFE_IN_URL } from '../../src/core/sanitize.js';

const DROP = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen',
  'link', 'meta', 'base', 'basefont', 'title', 'head', 'template', 'slot', 'portal',
  'svg', 'math', 'xmp', 'noembed', 'noframes', 'plaintext', 'noscript',
]);
const UNWRAP = new Set(['html', 'body', 'font', 'center', 'blink', 'marquee']);
const URL_ATTRS = new Set([
  'href', 'src', 'cite', 'poster', 'background', 'longdesc', 'lowsrc', 'dynsrc', 'usemap', 'codebase',
  'data', 'xlink:href', 'action', 'formaction', 'manifest', 'icon', 'profile', 'ping',
]);
const DROP_ATTRS = new Set(['srcset', 'imagesrcset', 'sizes', 'srcdoc', 'style', 'http-equiv', 'nonce']);
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp']);
const VALID_TAG = /^[a-z][a-z0-9-]*$/;
const VALID_ATTR = /^[a-z_][a-z0-9_.:-]*$/;

function isHttpBase(base: string | undefined): base is string {
  if (!base) return false;
  try {
    const u = new URL(base);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

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

function cleanDocument(html: string, baseUrl: string | undefined): Document {
  const doc = parseHtml(html);
  cleanChildren(doc, isHttpBase(baseUrl) ? baseUrl : undefined);
  return doc;
}

function renderClean(doc: Document): string {
  return render(doc, { encodeEntities: 'utf8', decodeEntities: true });
}

export function domCleanHtml(html: string, baseUrl?: string): string {
  if (!html) return '';
  return renderClean(cleanDocument(html, baseUrl));
}

export function domCleanHtmlParts(
  html: string,
  baseUrl?: string,
): { html: string; text: string; image: { src: string; alt: string } | null } {
  if (!html) return { html: '', text: '', image: null };
  const doc = cleanDocument(html, baseUrl);
  return { html: renderClean(doc), text: plainText(doc), image: imageOf(findImage(doc.children)) };
}

const BLOCK: Record<string, 1 | 2> = {
  p: 2, h1: 2, h2: 2, h3: 2, h4: 2, h5: 2, h6: 2, blockquote: 2, pre: 2, ul: 2, ol: 2, dl: 2,
  table: 2, figure: 2, hr: 2, section: 1, article: 1, header: 1, footer: 1, aside: 1, nav: 1, main: 1,
  div: 1, li: 1, tr: 1, dt: 1, dd: 1, figcaption: 1, address: 1, caption: 1, details: 1, summary: 1,
  thead: 1, tbody: 1, tfoot: 1,
};
const SKIP_TEXT = new Set([...DROP].filter((n) => n !== 'title'));
const FOLDABLE = /[^\S ]|\s\s/;

class TextWriter {
  out = '';
  private pendingBreak = 0;
  private pendingSpace = false;

  text(data: string, pre: boolean): void {
    if (pre) {
      const lines = data.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) this.hardBreak();
        this.words(line.replace(/[^\S\n]+/g, ' '));
      });
      return;
    }
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

function plainText(doc: Document): string {
  const w = new TextWriter();
  writeText(doc.children, w, false);
  return w.out;
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

function imageOf(img: Element | null): { src: string; alt: string } | null {
  if (!img) return null;
  const src = (img.attribs.src ?? '').trim();
  if (UNSAFE_IN_URL.test(src)) return null;
  return { src, alt: sanitizeLine(img.attribs.alt ?? '') };
}
