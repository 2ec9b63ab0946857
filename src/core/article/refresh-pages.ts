/**
 * The page step of `refresh --full`, run after the feeds by whichever thread ran the refresh (the refresh
 * thread for a big refresh, so its capped young generation also bounds the extraction's garbage).
 */
import type { SqliteStore } from '../store/sqlite.js';
import type { FeedConfig } from '../types.js';
import { fetchPages, noPages, type PageDeps, type PageRunStats } from './full.js';

/**
 * Fetches the pages of the articles of `feeds` added since `since` (ISO; see PageTable.candidates) whose
 * feed wants them, plus stale ones, `concurrency` at a time.
 */
export async function pagesAfterRefresh(
  store: SqliteStore,
  feeds: FeedConfig[],
  since: string,
  deps: PageDeps,
  concurrency: number,
): Promise<PageRunStats> {
  const wanted = feeds.filter((f) => f.fullText !== 'never');
  if (wanted.length === 0) return noPages();
  const candidates = store.pageCandidates(wanted.map((f) => f.url), since);
  return fetchPages(store, candidates, wanted, deps, { concurrency });
}
