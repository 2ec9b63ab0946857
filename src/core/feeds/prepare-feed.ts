/**
 * One fetched document → the rows to store: parse, normalise, prepare. A refresh splits this across its two
 * threads (see refresh-thread.ts): the thread that asked for the refresh parses and normalises
 * (normaliseDocument), the refresh thread prepares and writes; with no refresh thread one thread does all.
 */
import { parseFeed } from './parse.js';
import { normaliseWithText } from './normalise.js';
import { prepareArticle, type PreparedArticle } from '../store/prepare.js';
import type { Article, FeedConfig } from '../types.js';

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

export function normaliseDocument(bytes: Uint8Array | string, where: { url: string; contentType: string | null }, cfg: FeedConfig): NormalisedFeed {
  return normaliseWithText(parseFeed(bytes, where), cfg);
}

export function prepareRows(feed: NormalisedFeed, feedUrl: string): PreparedFeed {
  const { title, siteUrl, articles, bodyTexts } = feed;
  // The body text the cleaning pass made is the index's input: it is not read from the HTML a second time.
  return { title, siteUrl, rows: articles.map((a, i) => prepareArticle(a, feedUrl, bodyTexts[i])) };
}

export function parseAndPrepare(bytes: Uint8Array | string, where: { url: string; contentType: string | null }, cfg: FeedConfig): PreparedFeed {
  return prepareRows(normaliseDocument(bytes, where, cfg), cfg.url);
}
