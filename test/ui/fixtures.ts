import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleFeeds, samplesDir } from '../../src/core/defaults.js';
import { normalise } from '../../src/core/feeds/normalise.js';
import { parseFeed } from '../../src/core/feeds/parse.js';
import { openStore } from '../../src/core/store/open-store.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import type { Article } from '../../src/core/types.js';
import { article as baseArticle } from '../core/store/make.js';
import { unmountAll } from '../helpers/render.js';

const FETCH = { lastFetched: '2026-11-28T06:00:00.000Z', lastStatus: 'new' as const };
const dirs: string[] = [];
const stores: SqliteStore[] = [];

/** A real cache file in a fresh temp dir. */
export function tempStore(): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'cyberread-ui-'));
  dirs.push(dir);
  const store = openStore(join(dir, 'cache.db')).store;
  stores.push(store);
  return store;
}

/** Removes every temp dir made so far (call after the stores are closed). */
export function removeTempStores(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * What a reader test leaves behind, for afterEach: every reader renderUi drew is unmounted, then every cache
 * tempStore (sampleStore, storeWith) opened is closed (closing twice is harmless) and its temp dir removed.
 */
export function cleanUpReaders(): void {
  unmountAll();
  for (const store of stores.splice(0)) store.close();
  removeTempStores();
}

/** The bundled sample editions, through the real parser and normaliser, in a real SQLite cache. */
export function sampleStore(): SqliteStore {
  const store = tempStore();
  for (const feed of sampleFeeds(samplesDir(import.meta.url))) {
    const result = normalise(parseFeed(readFileSync(feed.url)), feed);
    store.saveFeed(feed.url, { ...FETCH, title: feed.title ?? result.title }, result.articles);
  }
  return store;
}

/** A complete article for hand-made cases (wide text, hostile text, generated lists). */
export function article(over: Partial<Article> & { id: string }): Article {
  return baseArticle(over.id, {
    feedUrl: 'https://cyberthreat.id/rss',
    url: `https://cyberthreat.id/read/${over.id}/x`,
    title: `Judul ${over.id}`,
    published: '2026-11-28T05:00:00.000Z',
    ...over,
  });
}

/** A cache holding these articles, saved in one transaction under the feed title "Cyberthreat.id". */
export function storeWith(articles: Article[]): SqliteStore {
  const store = tempStore();
  store.saveFeed('https://cyberthreat.id/rss', { ...FETCH, title: 'Cyberthreat.id' }, articles);
  return store;
}
