/**
 * One fetched document → the rows to store: parse, normalise, prepare. What a refresh worker runs per feed
 * (and the refresh itself when there is no worker); only the rows cross back to the thread that writes.
 */
import { parseFeed } from './parse.js';
import { normaliseWithText } from './normalise.js';
import { prepareArticle, type PreparedArticle } from '../store/prepare.js';
import type { FeedConfig } from '../types.js';

export interface PreparedFeed {
  title: string | null;
  siteUrl: string | null;
  rows: PreparedArticle[];
}

export function parseAndPrepare(bytes: Uint8Array | string, where: { url: string; contentType: string | null }, cfg: FeedConfig): PreparedFeed {
  const { title, siteUrl, articles, bodyTexts } = normaliseWithText(parseFeed(bytes, where), cfg);
  // The body text the cleaning pass made is the index's input: it is not read from the HTML a second time.
  const rows = articles.map((a, i) => prepareArticle(a, cfg.url, bodyTexts[i]));
  return { title, siteUrl, rows };
}
