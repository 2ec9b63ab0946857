import { sanitizeLine } from '../sanitize.js';
import { normaliseTags, tagKey } from '../tags.js';
import type { ArticleQuery } from '../types.js';
import { mentionsFlag } from './ast.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;
// A search prompt is typed by a person; more words than this only make the index work harder.
const MAX_SEARCH_WORDS = 32;

/** The case-insensitive identity of a tag: "#DataBreach " and "databreach" are the same tag. */
export { tagKey };

/**
 * Canonical form of a query, so the CLI, the UI and the store agree on what it means: sanitised tags
 * deduplicated case-insensitively (first spelling kept), lower-case lang, trimmed search, clamped paging.
 * Filters that select nothing (false, empty strings) are dropped.
 */
export function normaliseQuery(q: ArticleQuery): ArticleQuery {
  const out: ArticleQuery = {};
  if (q.tags && q.tags.length > 0) {
    const tags = normaliseTags(q.tags.map((t) => t.normalize('NFKC')));
    if (tags.length > 0) out.tags = tags;
  }
  const lang = q.lang === undefined ? '' : sanitizeLine(q.lang).toLowerCase();
  if (lang !== '') out.lang = lang;
  if (q.unread === true) out.unread = true;
  // kept articles bypass only what a mark can change: without such a filter there is nothing to keep them from
  if ((q.unread === true || q.starred === true || mentionsFlag(q.where)) && q.keepIds && q.keepIds.length > 0) {
    out.keepIds = [...new Set(q.keepIds)].slice(0, 1000);
  }
  if (q.starred === true) out.starred = true;
  const search = q.search === undefined ? '' : sanitizeLine(q.search);
  if (search !== '') out.search = search;
  const feedUrl = q.feedUrl === undefined ? '' : q.feedUrl.trim();
  if (feedUrl !== '') out.feedUrl = feedUrl;
  if (q.where !== undefined) out.where = q.where;
  if (q.maxRid !== undefined && Number.isSafeInteger(q.maxRid) && q.maxRid >= 0) out.maxRid = q.maxRid;
  if (q.minRid !== undefined && Number.isSafeInteger(q.minRid) && q.minRid >= 0) out.minRid = q.minRid;
  out.limit = clampInt(q.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  out.offset = clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER, 0);
  return out;
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/**
 * Turns what a person typed into an FTS5 MATCH expression that cannot be a syntax error: every word is
 * a quoted string (so AND, NEAR(, *, - are plain text), words are ANDed, and the last word matches as a
 * prefix so results appear while typing. Words without a letter or digit are dropped; null when none is
 * left.
 */
export function ftsQuery(userInput: string): string | null {
  const words = sanitizeLine(userInput)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      const quoted = `"${w.replace(/"/g, '""')}"`;
      return i === words.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' AND ');
}
