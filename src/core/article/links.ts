/**
 * What a page says through its links: the hashtag row, the "Baca juga" / "Read also" list and the other
 * editions (hreflang, the IND | ENG switch). Read from the whole page before the boilerplate is removed;
 * the elements that carried them are reported so that boilerplate.ts can take them out of the body.
 */
import { sanitizeLine } from '../sanitize.js';
import type { EditionLink, RelatedLink } from './types.js';
import { documentOrder, elementsOf, shortText } from './dom.js';
import type { PageDocument, PageElement, PageNode } from './dom.js';
import { pageUrl, samePage } from './url.js';

export const MAX_RELATED = 20;
export const MAX_ALTERNATES = 20;
const MAX_TITLE = 300;

const text = (el: PageElement): string => sanitizeLine(el.textContent ?? '');

// A heading or label that opens a list of related articles.
export const RELATED_LABEL =
  /^(?:baca\s+juga|read\s+also|also\s+read|terkait|related(?:\s+(?:articles?|posts?|stories|news|reading))?|artikel\s+terkait|berita\s+terkait|berita\s+lainnya|artikel\s+lainnya|lihat\s+juga|simak\s+juga|see\s+also|you\s+may\s+also\s+like|more\s+stories|recommended(?:\s+for\s+you)?)\s*:?$/i;
// An inline teaser inside the body: "BACA JUGA: <a>…</a>".
export const INLINE_TEASER = /^\s*(?:baca\s+juga|read\s+also|also\s+read|lihat\s+juga|simak\s+juga|baca\s+pula|read\s+more|related)\s*:/i;
// class/id of a container that holds related articles.
const RELATED_CONTAINER = /(?:^|[-_\s])(?:related\w*|terkait|baca-?juga|bacajuga|read-?also|readalso|see-?also)(?:$|[-_\s])/i;

const LABEL_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b', 'em', 'dt', 'header', 'figcaption', 'label']);
const TEASER_TAGS = new Set(['p', 'div', 'li', 'blockquote', 'h3', 'h4', 'h5', 'h6']);

function attr(el: PageElement, name: string): string {
  return el.getAttribute(name) ?? '';
}

function linksIn(el: PageElement): PageElement[] {
  return Array.from(el.querySelectorAll('a[href]'));
}

export interface PageLinks {
  tags: string[];
  related: RelatedLink[];
  alternates: EditionLink[];
  /** Elements whose only job was one of the above, to be removed from the body. */
  blocks: PageElement[];
  /** Loose nodes of the same kind (a "Baca juga:" label and its link between two <br>), also to be removed. */
  loose: PageNode[];
}

// The label alone, as the text before a teaser link in a body written with <br>: "… <br>Baca Juga: <a>…</a><br>".
const TEASER_LABEL = /^\s*(?:baca\s+juga|read\s+also|also\s+read|lihat\s+juga|simak\s+juga|baca\s+pula)\s*:?\s*$/i;
const TEXT_NODE = 3;

/** The label node before a link (skipping blank text), when it is a teaser label; otherwise null. */
function teaserLabelBefore(a: PageElement): PageNode[] | null {
  const passed: PageNode[] = [];
  for (let n = a.previousSibling; n; n = n.previousSibling) {
    const t = n.textContent ?? '';
    if (n.nodeType === TEXT_NODE && !t.trim()) {
      passed.push(n);
      continue;
    }
    return TEASER_LABEL.test(t) && t.length < 40 ? [...passed, n] : null;
  }
  return null;
}

/** The highest ancestor of el (el included) whose text is only hashtags and a short label. */
function hashtagRow(el: PageElement): PageElement {
  let row = el;
  for (let up = row.parentElement, i = 0; up && i < 4; up = up.parentElement, i++) {
    if (up.localName === 'body' || up.localName === 'article' || up.localName === 'main') break;
    const rest = text(up).replace(/(?:^|\s)#[^\s#]+/gu, ' ').replace(/\b(?:tags?|tagar|topi[ck]s?|hashtags?)\b\s*:?/giu, '');
    if (rest.replace(/[\s,|·•/]+/g, '').length > 0) break;
    row = up;
  }
  return row;
}

function addRelated(out: RelatedLink[], seen: Set<string>, a: PageElement, base: string | undefined, self: string | undefined): void {
  if (out.length >= MAX_RELATED) return;
  const url = pageUrl(attr(a, 'href'), base);
  if (!url || (self && samePage(url, self))) return;
  const title = text(a) || sanitizeLine(attr(a, 'title'));
  if (!title || title.startsWith('#') || RELATED_LABEL.test(title)) return;
  const key = url.replace(/#.*$/, '');
  if (seen.has(key)) return;
  seen.add(key);
  out.push({ title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title, url });
}

/** The container a related-list label belongs to: the nearest ancestor that also holds links after it. */
function relatedContainer(label: PageElement): PageElement | null {
  let node: PageElement = label;
  for (let i = 0; i < 3; i++) {
    const up = node.parentElement;
    if (!up || up.localName === 'body' || up.localName === 'main') return null;
    const links = linksIn(up).filter((a) => !label.contains(a));
    if (links.length > 0) {
      // A label whose container is mostly prose is a paragraph that happens to say "Related" — not a list.
      const linkText = links.reduce((n, a) => n + text(a).length, 0);
      return linkText >= 0.5 * (text(up).length - text(label).length) ? up : null;
    }
    node = up;
  }
  return null;
}

// Language switch links: "IND | ENG", "ID / EN", "Bahasa Indonesia", "English".
const SWITCH_TEXT: Record<string, string> = {
  ind: 'id', id: 'id', indonesia: 'id', 'bahasa indonesia': 'id', bahasa: 'id',
  eng: 'en', en: 'en', english: 'en', inggris: 'en',
};

function editionLang(value: string): string | null {
  const lang = value.trim().toLowerCase().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(lang)) return null;
  return lang;
}

export function readLinks(doc: PageDocument, base: string | undefined, self: string | undefined, pageLang: string | null): PageLinks {
  const blocks: PageElement[] = [];
  const hashtags: string[] = [];
  const relTags: string[] = [];
  const related: RelatedLink[] = [];
  const relatedSeen = new Set<string>();
  const alternates: EditionLink[] = [];
  const altSeen = new Set<string>();

  const addAlternate = (langRaw: string, href: string): void => {
    const lang = editionLang(langRaw);
    if (!lang || alternates.length >= MAX_ALTERNATES) return;
    const url = pageUrl(href, base);
    if (!url || (self && samePage(url, self))) return;
    const key = `${lang} ${url}`;
    if (altSeen.has(key) || alternates.some((a) => a.url === url)) return;
    altSeen.add(key);
    alternates.push({ lang, url });
  };

  for (const link of Array.from(doc.querySelectorAll('link[rel][hreflang][href]'))) {
    if (/(?:^|\s)alternate(?:\s|$)/i.test(attr(link, 'rel'))) addAlternate(attr(link, 'hreflang'), attr(link, 'href'));
  }

  const all = elementsOf(doc);
  const anchors = all.filter((e) => e.localName === 'a' && e.hasAttribute('href'));
  for (const a of anchors) {
    const label = text(a);
    const rel = attr(a, 'rel');
    if (label.startsWith('#') && label.length > 1) {
      hashtags.push(label);
      blocks.push(hashtagRow(a));
      continue;
    }
    // WordPress marks category links rel="category tag": those are sections, not hashtags.
    if (/(?:^|\s)tag(?:\s|$)/i.test(rel) && !/(?:^|\s)category(?:\s|$)/i.test(rel) && label) {
      relTags.push(label);
      continue;
    }
    const hreflang = attr(a, 'hreflang');
    if (hreflang) {
      addAlternate(hreflang, attr(a, 'href'));
      continue;
    }
    const switchLang = label.length <= 20 ? SWITCH_TEXT[label.toLowerCase()] : undefined;
    if (switchLang && switchLang !== pageLang) addAlternate(switchLang, attr(a, 'href'));
  }

  // Related lists: gathered from three kinds of evidence, then read in page order.
  const sources: PageElement[] = [];
  // Introduced by a label ("Baca juga", "Read also", "Related").
  for (const el of all) {
    if (!LABEL_TAGS.has(el.localName)) continue;
    if (el.children.length > 2) continue;
    const t = shortText(el, 40);
    if (t === null || !RELATED_LABEL.test(t)) continue;
    const box = relatedContainer(el);
    if (!box) continue;
    sources.push(box);
    blocks.push(box);
  }
  // Inline teasers in the body: "BACA JUGA: <a>…</a>".
  for (const el of all) {
    if (!TEASER_TAGS.has(el.localName)) continue;
    const t = shortText(el, 400);
    if (t === null || !INLINE_TEASER.test(t)) continue;
    const links = linksIn(el);
    if (links.length === 0 || links.length > 10) continue;
    sources.push(el);
    blocks.push(el);
  }
  // Teasers in bodies written as text and <br>: the label is a loose text node (or a <b>) before the link.
  const loose: PageNode[] = [];
  for (const a of anchors) {
    const label = teaserLabelBefore(a);
    if (!label) continue;
    sources.push(a);
    loose.push(...label, a);
  }
  // Containers named for it.
  for (const el of all) {
    const named = `${attr(el, 'class')} ${attr(el, 'id')}`;
    if (named === ' ' || !RELATED_CONTAINER.test(named)) continue;
    const links = linksIn(el);
    if (links.length === 0) continue;
    // Link lists only: a page whose body carries "related" in a class name must not turn into related links.
    const linkText = links.reduce((n, a) => n + text(a).length, 0);
    if (linkText < 0.5 * text(el).length) continue;
    sources.push(el);
  }
  const order = documentOrder(doc);
  sources.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  for (const el of sources) for (const a of el.localName === 'a' ? [el] : linksIn(el)) addRelated(related, relatedSeen, a, base, self);

  return { tags: [...hashtags, ...relTags], related, alternates, blocks, loose };
}
