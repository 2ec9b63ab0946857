/**
 * What the feed-HTML cleaner keeps and how its plain text is written: the elements dropped with their content
 * and those unwrapped, the attributes and URLs that pass, the elements that end lines, tracking pixels.
 * Shared by the streaming cleaner (html.ts) and the tree-based reference the tests compare it with
 * (test/helpers/dom-cleaner.ts); each walks the document its own way, so the comparison still checks the walk.
 */
import { sanitizeLine, sanitizeText, UNSAFE_IN_URL } from './sanitize.js';

// Dropped with everything inside. Includes every element dom-serializer writes without escaping
// (xmp, noembed, noframes, plaintext, noscript): keeping one would let decoded "<" back out as markup.
export const DROP: ReadonlySet<string> = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen',
  'link', 'meta', 'base', 'basefont', 'title', 'head', 'template', 'slot', 'portal',
  'svg', 'math', 'xmp', 'noembed', 'noframes', 'plaintext', 'noscript',
]);
// Kept as their children only.
export const UNWRAP: ReadonlySet<string> = new Set(['html', 'body', 'font', 'center', 'blink', 'marquee']);

const URL_ATTRS = new Set([
  'href', 'src', 'cite', 'poster', 'background', 'longdesc', 'lowsrc', 'dynsrc', 'usemap', 'codebase',
  'data', 'xlink:href', 'action', 'formaction', 'manifest', 'icon', 'profile', 'ping',
]);
// A terminal cannot use responsive image candidates, and each candidate would need the URL checks.
const DROP_ATTRS = new Set(['srcset', 'imagesrcset', 'sizes', 'srcdoc', 'style', 'http-equiv', 'nonce']);
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp']);
export const VALID_TAG = /^[a-z][a-z0-9-]*$/;
const VALID_ATTR = /^[a-z_][a-z0-9_.:-]*$/;

/** An element the cleaner writes its content of only: a parse of the cleaned HTML no longer sees it. */
export function unwrapped(name: string): boolean {
  return UNWRAP.has(name) || !VALID_TAG.test(name);
}

/** Whether base can resolve relative URLs (only http(s) pages can). */
export function isHttpBase(base: string | undefined): base is string {
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
export function cleanAttributeValues(tag: string, attribs: Record<string, string>, base: string | undefined): Record<string, string> {
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

// Elements that end a line (1) or a paragraph (2) in plain text.
export const BLOCK: Readonly<Record<string, 1 | 2>> = {
  p: 2, h1: 2, h2: 2, h3: 2, h4: 2, h5: 2, h6: 2, blockquote: 2, pre: 2, ul: 2, ol: 2, dl: 2,
  table: 2, figure: 2, hr: 2, section: 1, article: 1, header: 1, footer: 1, aside: 1, nav: 1, main: 1,
  div: 1, li: 1, tr: 1, dt: 1, dd: 1, figcaption: 1, address: 1, caption: 1, details: 1, summary: 1,
  thead: 1, tbody: 1, tfoot: 1,
};
// Elements whose text is left out of plain text: the dropped ones but title.
export const SKIP_TEXT: ReadonlySet<string> = new Set([...DROP].filter((n) => n !== 'title'));

// Whitespace that /\s+/g → ' ' would change: any whitespace but a space, or (there being no other) two
// spaces in a row. Looked for as a character class and a substring: one regex with both took 8% of cleaning.
const OTHER_SPACE = /[^\S ]/;
const foldable = (s: string): boolean => s.includes('  ') || OTHER_SPACE.test(s);

/**
 * Plain text from text runs and element boundaries: whitespace folded, block ends as line or paragraph
 * breaks, list prefixes. cleaned: the runs were sanitised already (else each is sanitised here).
 */
export class TextWriter {
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

/** An <img> of 0 or 1 px (width or height): a tracking pixel, never the article's illustration. */
export function isTrackingPixel(attribs: Record<string, string>): boolean {
  return ['width', 'height'].some((a) => /^\s*[01](px)?\s*$/.test(attribs[a] ?? ''));
}

/** The illustration an <img> gives (src trimmed, alt sanitised), or null when its src is not safe to keep. */
export function imageOf(attribs: Record<string, string>): { src: string; alt: string } | null {
  const src = (attribs.src ?? '').trim();
  if (UNSAFE_IN_URL.test(src)) return null;
  return { src, alt: sanitizeLine(attribs.alt ?? '') };
}
