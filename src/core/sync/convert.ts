/**
 * A server's articles through the same steps as a fetched feed's: into ParsedItems, then the normaliser
 * (sanitising, hashtags, language, pairing keys) and the row preparation of the store. Only the identity
 * differs: an article from the server is known by the server's id, kept in its guid as `sync:TYPE:ID`.
 */
import { normaliseWithText } from '../feeds/normalise.js';
import { prepareArticle } from '../store/prepare.js';
import { SYNC_GUID_PREFIX } from '../store/sync-tables.js';
import type { FeedConfig, ParsedFeed, ParsedItem } from '../types.js';
import type { RemoteArticle, RemoteRow, SyncType } from './types.js';

export function syncGuid(type: SyncType, remoteId: string): string {
  return `${SYNC_GUID_PREFIX}${type}:${remoteId}`;
}

/** One feed's articles from the server as rows to store (`cfg`: the subscription as the settings have it). */
export function remoteRows(type: SyncType, articles: RemoteArticle[], cfg: FeedConfig, feedTitle: string | null): RemoteRow[] {
  const byGuid = new Map(articles.map((a) => [syncGuid(type, a.id), a]));
  const items: ParsedItem[] = articles.map((a) => {
    const item: ParsedItem = {
      guid: syncGuid(type, a.id),
      title: a.title,
      published: a.published,
      updated: null,
      contentHtml: a.contentHtml,
      categories: a.tags,
      alternates: [],
      enclosures: a.enclosures,
    };
    if (a.link !== null) item.link = a.link;
    if (a.author !== null) item.author = a.author;
    if (a.lang !== null) item.lang = a.lang;
    return item;
  });
  const feed: ParsedFeed = { format: 'rss', items, warnings: [], ...(feedTitle === null ? {} : { title: feedTitle }) };
  const normalised = normaliseWithText(feed, cfg);
  const rows: RemoteRow[] = [];
  normalised.articles.forEach((article, i) => {
    const remote = article.guid === null ? undefined : byGuid.get(article.guid);
    if (remote === undefined) return;
    rows.push({
      row: prepareArticle(article, cfg.url, normalised.bodyTexts[i]),
      remoteId: remote.id,
      remoteFeed: remote.feedId,
      read: remote.read,
      starred: remote.starred,
    });
  });
  return rows;
}
