/**
 * The feed-HTML cleaner as it was before the streaming pass (src/core/html.ts before the ingest-speed work):
 * parse into a DOM (html.ts's bounded parse), remove and unwrap in the tree, serialise it with dom-serializer,
 * and walk it again for the plain text and the first image. Kept as the reference the streaming cleaner is
 * compared with (test/core/html-stream.property.test.ts); nothing in src uses it. It shares the cleaner's rules
 * (src/core/html-rules.ts: what is dropped, unwrapped, kept, how text is written) but walks its own tree.
 */
import { isTag, isText } from 'domhandler';
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { getAttributeValue } from 'domutils';
import render from 'dom-serializer';
import { parseHtml } from '../../src/core/html.js';
import {
  BLOCK, cleanAttributeValues, DROP, imageOf, isHttpBase, isTrackingPixel, SKIP_TEXT, TextWriter, unwrapped,
} from '../../src/core/html-rules.js';
import { sanitizeText } from '../../src/core/sanitize.js';

function cleanChildren(parent: ParentNode, base: string | undefined): void {
  const kept: ChildNode[] = [];
  for (const child of parent.children) {
    if (isText(child)) {
      child.data = sanitizeText(child.data);
      if (child.data) kept.push(child);
    } else if (isTag(child)) {
      if (DROP.has(child.name)) continue;
      cleanChildren(child, base);
      if (unwrapped(child.name)) {
        kept.push(...child.children);
      } else {
        child.attribs = cleanAttributeValues(child.name, child.attribs, base);
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
  return { html: renderClean(doc), text: plainText(doc), image: imageOrNull(findImage(doc.children)) };
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
  // cleanChildren sanitised every text node.
  const w = new TextWriter(true);
  writeText(doc.children, w, false);
  return w.out;
}

function findImage(nodes: ChildNode[]): Element | null {
  for (const node of nodes) {
    if (!isTag(node) || SKIP_TEXT.has(node.name)) continue;
    if (node.name === 'img') {
      if (getAttributeValue(node, 'src')?.trim() && !isTrackingPixel(node.attribs)) return node;
      continue;
    }
    const found = findImage(node.children);
    if (found) return found;
  }
  return null;
}

function imageOrNull(img: Element | null): { src: string; alt: string } | null {
  return img ? imageOf(img.attribs) : null;
}
