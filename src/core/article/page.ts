/**
 * The article's web page as cyberread keeps it: what was fetched and extracted, or why not. Plain data shared
 * by the page fetcher (full.ts), the store (store/pages.ts), the CLI and the reader.
 */
import type { ExtractedArticle, RelatedLink } from './types.js';

/**
 * ok: the page's text is the article (longer than the feed's); failed: no page (error_code says why; the
 * feed text is shown); skipped: the page was read but its text is no longer than the feed's, so the feed
 * already carried the whole article (the page's byline, tags, related links and editions are still used).
 */
export type PageStatus = 'ok' | 'failed' | 'skipped';

/**
 * Why a page failed, as stored: the reason shown is looked up in the message tables (both languages) by this
 * code, so it can be said in the reader's language whatever language it was fetched in.
 */
export type PageErrorCode =
  | 'http'
  | 'too-large'
  | 'timeout'
  | 'network'
  | 'refused'
  | 'not-html'
  | 'no-article'
  | 'too-complex'
  | 'extract-timeout'
  | 'no-link'
  | 'no-page'
  | 'no-host'
  | 'tls'
  | 'proxy'
  | 'incomplete'
  | 'bad-answer'
  | 'redirect';

export const PAGE_ERROR_CODES: readonly PageErrorCode[] = [
  'http', 'too-large', 'timeout', 'network', 'refused', 'not-html', 'no-article', 'too-complex', 'extract-timeout', 'no-link', 'no-page',
  'no-host', 'tls', 'proxy', 'incomplete', 'bad-answer', 'redirect',
];

/**
 * What a page locator (PageDeps.locate) says of an address that has no page at all: the demo's sample
 * articles whose feed carries the whole text ship no page, and nothing is fetched for them.
 */
export const NO_PAGE: unique symbol = Symbol('no page');

export interface PageError {
  code: PageErrorCode;
  /** The HTTP status, for code 'http'. */
  status?: number;
}

/** One page, as saved: how its fetch went, and what extraction gave (text and html are '' unless status is ok). */
export interface PageRecord extends ExtractedArticle {
  status: PageStatus;
  /** ISO time of the fetch that produced this record. */
  fetchedAt: string;
  /** The page's final URL (after redirects), or null when none was fetched. */
  url: string | null;
  etag: string | null;
  lastModified: string | null;
  error: PageError | null;
}

/** A "Baca juga" entry of the page, with the cached article it names when there is one. */
export interface ResolvedRelated extends RelatedLink {
  /** Id of the cached article at that address (or the same story in the same language), else null. */
  id: string | null;
}

/** A page as read back from the cache. */
export interface StoredPage extends Omit<PageRecord, 'related'> {
  related: ResolvedRelated[];
  /** The feed changed the article after this page was fetched: fetch again (conditionally) when next asked. */
  stale: boolean;
}
