/**
 * OPML import and export of the subscription list.
 *
 * Parsing uses htmlparser2's streaming parser rather than feedsmith's OPML parser: feedsmith builds the
 * whole document tree and walks nested outlines recursively (a 100k-deep file would exhaust the stack),
 * caps only top-level outlines, and does not keep our `lang` alias. A SAX pass with an explicit folder
 * stack is linear in the input, never recurses, and ignores DTDs, so entity-expansion tricks do nothing.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser } from 'htmlparser2';
import { bound, sanitizeLine, UNSAFE_IN_URL } from './sanitize.js';
import type { FeedConfig } from './types.js';
import { isFullTextMode } from './article/policy.js';
import { problem, ProblemError, type Problem } from './i18n/problem.js';

export interface OpmlImport {
  feeds: FeedConfig[];
  /** Each refused outline with why, told in the user's language when printed. */
  rejected: { url: string; reason: Problem }[];
}

/** Thrown when the text is not an OPML document at all; its problem is one sentence for the user. */
export class OpmlError extends ProblemError {
  override name = 'OpmlError';
}

/** Most feeds one import takes; the rest are reported in one rejected entry. */
export const MAX_OPML_FEEDS = 10_000;
/** Individually listed rejections; more are summed up in a final entry. */
export const MAX_OPML_REJECTED = 1_000;
/** Largest document accepted, in UTF-16 units (about 32 MB of ASCII). */
export const MAX_OPML_CHARS = 32 * 1024 * 1024;
/** Deepest element nesting accepted; htmlparser2's element stack costs O(depth) per tag beyond this. */
export const MAX_OPML_DEPTH = 1_000;
const MAX_URL = 2048;
const MAX_TITLE = 300;
const MAX_TAG = 100;
const MAX_TAGS = 32;

const LANG_RE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;

/**
 * cyberread's own outline attributes live in this XML namespace (`cyberread:fullText="always"`), which other
 * readers ignore as an unknown namespaced attribute. An experimental URN: no address to own or to fetch.
 */
export const OPML_NS = 'urn:x-cyberread:opml';
const OPML_PREFIX = 'cyberread';

class NotOpml {
  constructor(readonly detail: Problem) {}
}
class TooDeep {}

function notOpml(detail: Problem): OpmlError {
  return new OpmlError(problem('errNotOpml', detail));
}

/** Why a url is refused, or null when it is an http(s) URL, a local file: URL or a plain local path. */
export function refuseFeedUrl(url: string): Problem | null {
  if (url === '') return problem('errUrlEmpty');
  if (UNSAFE_IN_URL.test(url)) return problem('errUrlControl');
  if (url.length > MAX_URL) return problem('errUrlTooLong', MAX_URL);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  // A one-letter "scheme" is a Windows drive letter (C:\feeds\x.xml): a plain local path.
  if (scheme === undefined || scheme.length === 1) return null;
  if (scheme === 'http' || scheme === 'https') {
    // WHATWG URL parsing would turn "https:///x" into host "x"; insist on a written host instead.
    if (!/^https?:\/\/[^/?#\\@]/i.test(url)) return problem('errUrlNoHost');
    try {
      new URL(url);
    } catch {
      return problem('errUrlInvalid');
    }
    return null;
  }
  if (scheme === 'file') {
    // Same reach as a plain local path, but a remote host would mean a network share.
    return /^file:(?:\/\/(?:localhost)?)?\/(?!\/)/i.test(url) ? null : problem('errUrlRemoteFile');
  }
  return problem('errUrlScheme', `${scheme}:`);
}

function splitCategories(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(',')) {
    // OPML 2.0 categories are slash-delimited paths ("/Tech/Security"): the leaf is the tag.
    const segments = part.split('/').map((s) => s.trim()).filter((s) => s !== '');
    const leaf = segments[segments.length - 1];
    if (leaf !== undefined) out.push(leaf);
  }
  return out;
}

function cleanTag(raw: string): string {
  return bound(sanitizeLine(raw).replace(/^#+/, ''), MAX_TAG);
}

function addTags(target: string[], tags: Iterable<string>): void {
  const seen = new Set(target.map((t) => t.toLowerCase()));
  for (const raw of tags) {
    if (target.length >= MAX_TAGS) return;
    const tag = cleanTag(raw);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    target.push(tag);
  }
}

function describeNonOpml(text: string, rawRoot: string | null): Problem {
  // The root name is the file's own text: a binary file or a hostile one can put escapes in it.
  const root = rawRoot === null ? null : bound(sanitizeLine(rawRoot), 40);
  if (root !== null) {
    if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return problem('errOpmlIsFeed', root);
    return problem('errOpmlRoot', root);
  }
  const start = text.trimStart();
  if (start === '') return problem('errOpmlEmpty');
  if (start.startsWith('{') || start.startsWith('[')) return problem('errOpmlJson');
  return problem('errOpmlNoXml');
}

/**
 * Reads an OPML subscription list. Every outline with an xmlUrl, at any depth, becomes a feed; the names
 * of enclosing folder outlines become tags. Throws OpmlError when the text is not OPML.
 */
export function parseOpml(text: string): OpmlImport {
  if (text.length > MAX_OPML_CHARS) {
    throw new OpmlError(problem('errOpmlTooLarge', Math.round(text.length / 1048576), MAX_OPML_CHARS / 1048576));
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const feeds: FeedConfig[] = [];
  const byUrl = new Map<string, FeedConfig>();
  const rejected: OpmlImport['rejected'] = [];
  let extraRejected = 0;
  let overLimit = 0;
  let firstOverLimit = '';
  // One entry per open <outline>: the folder name it contributes, or null (a feed, or unnamed).
  const stack: (string | null)[] = [];
  // Folder names currently open, outermost first; kept separately so building tags is O(folders).
  const folders: string[] = [];
  let root: string | null = null;
  let depth = 0;
  // Attribute names (lower case, as the parser gives them) of our fullText: under each prefix the document
  // binds to OPML_NS, or `cyberread:` when it binds none.
  let fullTextAttrs = [`${OPML_PREFIX}:fulltext`];

  const reject = (url: string, reason: Problem): void => {
    if (rejected.length < MAX_OPML_REJECTED) rejected.push({ url: bound(sanitizeLine(url), MAX_URL), reason });
    else extraRejected++;
  };

  const onOutline = (attrs: Record<string, string>): string | null => {
    const rawUrl = attrs.xmlurl;
    const label = attrs.title ?? attrs.text ?? '';
    if (rawUrl === undefined) {
      const name = cleanTag(label);
      return name === '' ? null : name;
    }
    const url = rawUrl.trim();
    const refusal = refuseFeedUrl(url);
    if (refusal !== null) {
      reject(url, refusal);
      return null;
    }
    const tags: string[] = [];
    addTags(tags, folders);
    if (attrs.category !== undefined) addTags(tags, splitCategories(attrs.category));

    const existing = byUrl.get(url);
    if (existing) {
      if (tags.length > 0) addTags((existing.tags ??= []), tags);
      return null;
    }
    if (feeds.length >= MAX_OPML_FEEDS) {
      if (overLimit === 0) firstOverLimit = url;
      overLimit++;
      return null;
    }
    const feed: FeedConfig = { url };
    const title = bound(sanitizeLine(label), MAX_TITLE);
    // An exporter that knows no title writes the URL as text; that is not a title.
    if (title !== '' && title !== url) feed.title = title;
    const lang = sanitizeLine(attrs.language ?? attrs.lang ?? '').toLowerCase().replace(/_/g, '-');
    if (LANG_RE.test(lang)) feed.lang = lang;
    if (tags.length > 0) feed.tags = tags;
    const site = siteLink(attrs.htmlurl);
    if (site !== null) feed.htmlUrl = site;
    for (const name of fullTextAttrs) {
      const mode = attrs[name]?.trim().toLowerCase();
      // an unknown mode is left out (the default, auto), as an unknown language is
      if (isFullTextMode(mode)) {
        feed.fullText = mode;
        break;
      }
    }
    feeds.push(feed);
    byUrl.set(url, feed);
    return null;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++depth > MAX_OPML_DEPTH) throw new TooDeep();
        if (root === null) {
          root = name;
          if (name !== 'opml') throw new NotOpml(describeNonOpml(source, name));
          const ours = Object.entries(attrs).filter(([k, v]) => k.startsWith('xmlns:') && v.trim() === OPML_NS);
          if (ours.length > 0) fullTextAttrs = ours.map(([k]) => `${k.slice('xmlns:'.length)}:fulltext`);
          return;
        }
        if (name !== 'outline') return;
        const folder = onOutline(attrs);
        stack.push(folder);
        if (folder !== null) folders.push(folder);
      },
      onclosetag(name) {
        depth--;
        if (name !== 'outline') return;
        const folder = stack.pop();
        if (folder != null) folders.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  try {
    parser.write(source);
    parser.end();
  } catch (err) {
    if (err instanceof NotOpml) throw notOpml(err.detail);
    if (err instanceof TooDeep) {
      throw new OpmlError(problem('errOpmlTooDeep', MAX_OPML_DEPTH));
    }
    throw err;
  }
  if (root === null) throw notOpml(describeNonOpml(source, null));

  if (extraRejected > 0) {
    rejected.push({ url: '', reason: problem('errOpmlMoreRefused', extraRejected) });
  }
  if (overLimit > 0) {
    rejected.push({
      url: firstOverLimit,
      reason: problem('errOpmlTooMany', overLimit - 1, MAX_OPML_FEEDS),
    });
  }
  return { feeds, rejected };
}

const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeAttr(value: string): string {
  return value
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function escapeText(value: string): string {
  return value.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Writes the subscription list as OPML 2.0, keeping language and tags as `language` and `category`, the
 * site link as `htmlUrl`, and a feed's fullText mode as `cyberread:fullText` (namespace OPML_NS, declared
 * only when a feed has one). A local path is written as its file:// URL.
 */
export function toOpml(feeds: FeedConfig[], options: { title?: string; dateCreated?: Date } = {}): string {
  const title = sanitizeLine(options.title ?? 'cyberread subscriptions');
  const date = options.dateCreated ?? new Date();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    feeds.some((f) => f.fullText !== undefined) ? `<opml version="2.0" xmlns:${OPML_PREFIX}="${OPML_NS}">` : '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeText(title)}</title>`,
    `    <dateCreated>${date.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  for (const feed of feeds) {
    const feedTitle = feed.title === undefined ? '' : sanitizeLine(feed.title);
    // OPML 2.0 requires text; without a title the URL is the most useful thing to show.
    const attrs: [string, string][] = [
      ['type', 'rss'],
      ['text', feedTitle === '' ? exportUrl(feed.url) : feedTitle],
    ];
    if (feedTitle !== '') attrs.push(['title', feedTitle]);
    attrs.push(['xmlUrl', exportUrl(feed.url)]);
    const site = siteLink(feed.htmlUrl);
    if (site !== null) attrs.push(['htmlUrl', site]);
    if (feed.lang) attrs.push(['language', feed.lang]);
    const tags = (feed.tags ?? []).map(cleanTag).filter((t) => t !== '');
    if (tags.length > 0) attrs.push(['category', tags.join(',')]);
    if (feed.fullText !== undefined) attrs.push([`${OPML_PREFIX}:fullText`, feed.fullText]);
    lines.push(`    <outline ${attrs.map(([k, v]) => `${k}="${escapeAttr(v)}"`).join(' ')}/>`);
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

/**
 * A feed's site link as OPML carries it (`htmlUrl`): an http(s) URL, whole, or null. Whatever else an
 * exporter or a feed put there (a path, `javascript:`, hidden characters) is left out, not repaired.
 */
export function siteLink(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > MAX_URL || UNSAFE_IN_URL.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '' ? url.href : null;
}

/**
 * A feed address as another reader can use it: a local path becomes its file:// URL (newsboat, for one,
 * takes no bare path); URLs are kept as they are.
 */
export function exportUrl(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) return url;
  return pathToFileURL(isAbsolute(url) ? url : resolve(url)).href;
}

/**
 * What makes two subscription addresses the same feed: a local file named by its path or by its file://
 * URL is one file. Other addresses are compared as they are.
 */
export function feedKey(url: string): string {
  if (!/^file:/i.test(url)) return url;
  try {
    const u = new URL(url);
    return u.host === '' || u.host === 'localhost' ? fileURLToPath(u) : url;
  } catch {
    return url;
  }
}
