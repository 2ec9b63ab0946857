/**
 * When cyberread fetches an article's page. Per feed, `fullText` in config.json (or `feeds add URL --full
 * MODE`): "always", "never", or "auto" (the default), which fetches only when the feed's text is an excerpt.
 * The README's "Full articles" section states these rules in words; keep the two in step.
 */
import type { FeedConfig, FullTextMode } from '../types.js';

export type { FullTextMode } from '../types.js';
export const FULL_TEXT_MODES: readonly FullTextMode[] = ['auto', 'always', 'never'];

export function isFullTextMode(value: unknown): value is FullTextMode {
  return typeof value === 'string' && (FULL_TEXT_MODES as readonly string[]).includes(value);
}

export function fullTextMode(feed: Pick<FeedConfig, 'fullText'> | undefined): FullTextMode {
  return feed?.fullText ?? 'auto';
}

/** Under this many words a feed's text is an excerpt, whatever it looks like. */
export const EXCERPT_WORDS = 150;
/** Up to this many words, text that ends cut off (…, [...], "Read more") is an excerpt too. */
export const CUT_EXCERPT_WORDS = 400;

// What publishers put at the end of a teaser: an ellipsis (possibly bracketed) or a link to the rest.
const CUT_MARK = /(?:…|\.\.\.|\[(?:…|\.\.\.|&hellip;)\]|&hellip;)\s*$/u;
const READ_MORE =
  /(?:^|\n)\s*(?:read (?:more|the (?:full|rest)[^\n]*)|continue reading[^\n]*|keep reading[^\n]*|the post [^\n]* appeared first on [^\n]*|baca (?:selengkapnya|lebih lanjut|artikel lengkap)[^\n]*|selengkapnya[^\n]*)\s*[»›→>]*\s*$/iu;

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]|,(?=\p{N}))*/gu);
  return m === null ? 0 : m.length;
}

/**
 * True when the feed's text (the body as plain text, the summary when there is no body) is only an
 * excerpt: fewer than EXCERPT_WORDS words, or fewer than CUT_EXCERPT_WORDS words ending in a cut mark or a
 * "read more" line.
 */
export function isExcerpt(feedText: string): boolean {
  const words = wordCount(feedText);
  if (words < EXCERPT_WORDS) return true;
  if (words >= CUT_EXCERPT_WORDS) return false;
  const tail = feedText.trimEnd().slice(-300);
  return CUT_MARK.test(tail) || READ_MORE.test(tail);
}

/** Whether a page should be fetched without being asked: "always", or "auto" with an excerpt. */
export function wantsPage(mode: FullTextMode, feedText: string): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return isExcerpt(feedText);
}

/**
 * Checked against the page once fetched: its text is the article only when it says more than the feed did
 * (at least 1.2 × the feed's words, and 20 more). Otherwise the feed already carried the whole article and
 * keeps being shown; the page's byline, hashtags, related links and editions are used all the same.
 */
export function pageAddsText(feedText: string, pageText: string): boolean {
  const feed = wordCount(feedText);
  const page = wordCount(pageText);
  return page >= feed * 1.2 && page >= feed + 20;
}
