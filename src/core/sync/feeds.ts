/**
 * What a sync means for the subscriptions: which feeds the server fetches (and which cyberread still fetches
 * itself), and a sync run's per-feed outcome in the shape of a refresh's, for `refresh` and the reader.
 */
import { normaliseFeedUrl } from '../subscriptions.js';
import type { FeedConfig, RefreshResult } from '../types.js';
import type { RemoteFeed, SyncCache, SyncReport } from './types.js';

export function sameFeedUrl(a: string, b: string): boolean {
  if (a === b) return true;
  const na = normaliseFeedUrl(a);
  return na !== null && na === normaliseFeedUrl(b);
}

/** The feeds of `feeds` the server does not have: cyberread keeps fetching them itself. */
export function localOnlyFeeds(feeds: readonly FeedConfig[], server: readonly RemoteFeed[]): FeedConfig[] {
  return feeds.filter((f) => !server.some((s) => sameFeedUrl(s.url, f.url)));
}

/** A sync run's feeds as refresh results: "new" when it brought or changed articles, else "unchanged". */
export function syncResults(report: SyncReport): RefreshResult[] {
  return report.feeds.map((f) => ({
    url: f.url,
    status: f.added + f.updated > 0 ? 'new' : 'unchanged',
    added: f.added,
    updated: f.updated,
    ...(f.removed ? { removed: f.removed } : {}),
    ...(f.dropped ? { dropped: f.dropped } : {}),
    ...(f.changed ? { changed: f.changed } : {}),
  }));
}

/**
 * A feed subscribed here while sync is set up: queued for the server (filed under the category named like
 * its first tag, when the server has one). Only http(s) feeds: the server cannot fetch a local file.
 * Returns whether it was queued.
 */
export function queueSubscribe(cache: SyncCache, feed: FeedConfig, at = Date.now()): boolean {
  if (!/^https?:/i.test(feed.url)) return false;
  if (cache.syncFeeds().some((s) => sameFeedUrl(s.url, feed.url))) return false;
  cache.queueSubscription({ url: feed.url, action: 'add', category: feed.tags?.[0] ?? null, remoteId: null, at });
  return true;
}

/** A feed unsubscribed here while sync is set up: queued for the server when the server has it (or was to). */
export function queueUnsubscribe(cache: SyncCache, url: string, at = Date.now()): boolean {
  const remote = cache.syncFeeds().find((s) => sameFeedUrl(s.url, url));
  const pending = cache.queuedSubscriptions().some((q) => q.url === url);
  if (remote === undefined && !pending) return false;
  cache.queueSubscription({ url, action: 'remove', category: null, remoteId: remote?.id ?? null, at });
  return remote !== undefined;
}
