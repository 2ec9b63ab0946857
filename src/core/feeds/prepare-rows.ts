/**
 * A normalised document → the rows to store. Apart from prepare-feed.ts so the refresh thread, which prepares
 * rows but (by default) parses nothing, starts without loading the parser, the decoders and their tables
 * (~1 MB of code compiled before its first request).
 */
import { prepareArticle, type PreparedArticle } from '../store/prepare.js';
import type { Article } from '../types.js';

export interface PreparedFeed {
  title: string | null;
  siteUrl: string | null;
  rows: PreparedArticle[];
}

/** A document parsed and normalised: the articles and, in the same order, each body's plain text. */
export interface NormalisedFeed {
  title: string | null;
  siteUrl: string | null;
  articles: Article[];
  bodyTexts: string[];
}

export function prepareRows(feed: NormalisedFeed, feedUrl: string): PreparedFeed {
  const { title, siteUrl, articles, bodyTexts } = feed;
  // The body text the cleaning pass made is the index's input: it is not read from the HTML a second time.
  return { title, siteUrl, rows: articles.map((a, i) => prepareArticle(a, feedUrl, bodyTexts[i])) };
}
