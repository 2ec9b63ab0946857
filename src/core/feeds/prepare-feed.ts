/**
 * One fetched document → the rows to store: parse, normalise, prepare. A refresh splits this across its two
 * threads (see refresh-thread.ts): the thread that asked for the refresh parses and normalises
 * (normaliseDocument), the refresh thread prepares and writes; with no refresh thread one thread does all.
 */
import { parseFeed } from './parse.js';
import { normaliseWithText } from './normalise.js';
import { prepareRows, type NormalisedFeed, type PreparedFeed } from './prepare-rows.js';
import type { FeedConfig } from '../types.js';

export { prepareRows, type NormalisedFeed, type PreparedFeed };

export function normaliseDocument(bytes: Uint8Array | string, where: { url: string; contentType: string | null }, cfg: FeedConfig): NormalisedFeed {
  return normaliseWithText(parseFeed(bytes, where), cfg);
}

export function parseAndPrepare(bytes: Uint8Array | string, where: { url: string; contentType: string | null }, cfg: FeedConfig): PreparedFeed {
  return prepareRows(normaliseDocument(bytes, where, cfg), cfg.url);
}
