/**
 * One sync run, whatever the protocol: subscription changes made here go to the server; the server's new
 * articles come into the cache (page by page, each page in one transaction); the flags changed on either
 * side since the last sync are settled, the newer change winning; the server's subscription list becomes
 * the settings' one. Every step leaves the cache consistent: a run killed at any point loses nothing, and
 * the next run does what is left exactly once (flags are sent as values, never as toggles, and a queue
 * entry goes only once the server has its value).
 */
import { problem } from '../i18n/problem.js';
import type { ArticleStore } from '../store/store.js';
import type { FeedConfig } from '../types.js';
import { remoteRows } from './convert.js';
import { sameFeedUrl } from './feeds.js';
import { SyncError } from './http.js';
import type {
  BaseView,
  FlagChanges,
  QueuedFlag,
  RemoteArticle,
  RemoteFeed,
  SettledFlag,
  SyncCache,
  SyncFlag,
  SyncProtocol,
  SyncReport,
} from './types.js';

export interface SyncDeps {
  /** The sync tables (SqliteStore.sync). */
  cache: SyncCache;
  /** The article cache they sit beside. */
  store: Pick<ArticleStore, 'saveFetchState' | 'removeFeed'>;
  /** The settings' subscriptions: read, and replaced by the server's list (local-only feeds kept). */
  subscriptions: { list(): readonly FeedConfig[]; replace(feeds: FeedConfig[]): void };
}

export interface SyncRunOptions {
  /** Who the mapping belongs to (`type url user`): another account starts from scratch. */
  account: string;
  /** Called after each stored page with the articles stored so far. */
  onProgress?: (stored: number) => void;
  now?: () => number;
}

const FLAGS: SyncFlag[] = ['read', 'starred'];

/** The subscriptions as the server has them, matched to the settings' entries. */
interface FeedPlan {
  /** The settings' feeds after this sync. */
  feeds: FeedConfig[];
  /** Per remote feed id: the subscription its articles are stored under. */
  byRemote: Map<string, { cfg: FeedConfig; title: string | null }>;
  /** Feeds that were on the server at the last sync and are not now: unsubscribed elsewhere. */
  removed: string[];
}

/**
 * The server's subscriptions become the settings' list: titles, languages and tags set here stay, the server's
 * category is a tag of the feed (replacing the category it had at the last sync); feeds the server never had
 * stay (cyberread keeps fetching them itself); feeds it had and has no more go.
 */
export function planFeeds(server: RemoteFeed[], local: readonly FeedConfig[], before: RemoteFeed[]): FeedPlan {
  const byRemote = new Map<string, { cfg: FeedConfig; title: string | null }>();
  const feeds: FeedConfig[] = [];
  const removed: string[] = [];
  const matched = new Set<string>();
  const toCfg = (sf: RemoteFeed, own: FeedConfig | undefined): FeedConfig => {
    const old = before.find((b) => b.id === sf.id)?.category ?? null;
    const tags = (own?.tags ?? []).filter((t) => old === null || t.toLowerCase() !== old.toLowerCase());
    if (sf.category !== null && !tags.some((t) => t.toLowerCase() === sf.category?.toLowerCase())) tags.unshift(sf.category);
    const cfg: FeedConfig = { url: own?.url ?? sf.url };
    if (own?.title !== undefined) cfg.title = own.title;
    if (own?.lang !== undefined) cfg.lang = own.lang;
    if (tags.length > 0) cfg.tags = tags;
    return cfg;
  };
  for (const own of local) {
    const sf = server.find((s) => !matched.has(s.id) && sameFeedUrl(s.url, own.url));
    if (sf !== undefined) {
      matched.add(sf.id);
      const cfg = toCfg(sf, own);
      byRemote.set(sf.id, { cfg, title: sf.title });
      feeds.push(cfg);
    } else if (before.some((b) => sameFeedUrl(b.url, own.url))) {
      removed.push(own.url);
    } else {
      feeds.push(own);
    }
  }
  for (const sf of server) {
    if (matched.has(sf.id)) continue;
    const cfg = toCfg(sf, undefined);
    byRemote.set(sf.id, { cfg, title: sf.title });
    feeds.push(cfg);
  }
  return { feeds, byRemote, removed };
}

function key(field: SyncFlag, id: string): string {
  return `${field}:${id}`;
}

/** Runs one sync. Throws SyncError (nothing is lost: what was done so far is stored, the rest stays queued). */
export async function runSync(deps: SyncDeps, protocol: SyncProtocol, options: SyncRunOptions): Promise<SyncReport> {
  const { cache } = deps;
  const clock = options.now ?? Date.now;
  const started = clock();
  // the lock and the time of this attempt in one commit (the run's outcome is the other one)
  const state = cache.batch(() => {
    if (!cache.lockSync(process.pid)) return null;
    let state = cache.syncState();
    if (state.account !== null && state.account !== options.account) {
      // another server or user: its ids mean nothing here
      cache.resetSync();
      state = cache.syncState();
    }
    cache.setSyncState({ account: options.account, lastAttempt: started });
    return state;
  });
  if (state === null) throw new SyncError(problem('errSyncBusy'));
  let locked = true;
  try {
    const first = state.lastSync === null;
    const report: SyncReport = {
      pushed: 0, agreed: 0, overruled: 0, pulled: 0, added: 0, updated: 0, feeds: [], subscribed: [], unsubscribed: [], refused: [],
      queued: 0, requests: 0, ms: 0, first,
    };
    try {
      await protocol.connect();
      await pushSubscriptions(deps, protocol, report);

      const base: BaseView = {
        ...cache.baseView(),
        cursor: state.cursor,
        lastSync: state.lastSync,
        // the first sync takes every flag with the articles: nothing to compare yet
        lastFullCheck: first ? started : state.lastFullCheck,
      };
      let pulled!: () => void;
      const ready = new Promise<void>((r) => (pulled = r));
      const flagsP = protocol.flagChanges(base, ready);
      // awaited below; until then a failure must not count as unhandled
      flagsP.catch(() => undefined);

      // the subscription list is asked for beside the first page of articles, not before it
      const beforeFeeds = cache.syncFeeds();
      const feedsP = protocol.feeds(first ? undefined : { feeds: beforeFeeds, lastFullCheck: state.lastFullCheck });
      feedsP.catch(() => undefined);
      let serverFeeds: RemoteFeed[] = [];
      let current: FeedPlan | null = null;
      const removed = new Set<string>();
      let askedAgain = false;
      const planned = async (): Promise<FeedPlan> => {
        if (current === null) {
          serverFeeds = await feedsP;
          current = planFeeds(serverFeeds, deps.subscriptions.list(), beforeFeeds);
          for (const url of current.removed) removed.add(url);
        }
        return current;
      };
      const perFeed = new Map<string, { url: string; added: number; updated: number; removed: number; dropped: number }>();
      const fetchedAt = new Date(started).toISOString();
      let stored = 0;
      const storePage = async (page: RemoteArticle[]): Promise<void> => {
        let plan = await planned();
        if (!askedAgain && page.some((a) => !plan.byRemote.has(a.feedId))) {
          // subscribed on the server while this run was paging (asked once: tt-rss's archived articles belong
          // to no feed and would ask on every page)
          askedAgain = true;
          serverFeeds = await protocol.feeds();
          plan = current = planFeeds(serverFeeds, plan.feeds, beforeFeeds);
          for (const url of plan.removed) removed.add(url);
        }
        const groups = new Map<string, RemoteArticle[]>();
        for (const a of page) {
          // articles of no subscription (tt-rss keeps starred ones of removed feeds as "archived") are left out
          if (!plan.byRemote.has(a.feedId)) continue;
          const g = groups.get(a.feedId);
          if (g === undefined) groups.set(a.feedId, [a]);
          else g.push(a);
        }
        for (const [feedId, articles] of groups) {
          const feed = plan.byRemote.get(feedId) as { cfg: FeedConfig; title: string | null };
          const rows = remoteRows(protocol.type, articles, feed.cfg, feed.title);
          const f = perFeed.get(feedId) ?? { url: feed.cfg.url, added: 0, updated: 0, removed: 0, dropped: 0 };
          // A page that brings nothing new (the day's full check hands back up to 200 held articles, most of
          // them unchanged) leaves the feed 'unchanged', as a refresh answered "not modified" does and as this
          // run's report tells it; one that adds or changes an article makes it 'new' (storeRemote), and a
          // later page of this run that changes nothing does not take that back.
          const r = cache.storeRemote(
            feed.cfg.url,
            {
              userTitle: feed.cfg.title ?? null,
              title: feed.title,
              lastFetched: fetchedAt,
              lastStatus: f.added + f.updated > 0 ? 'new' : 'unchanged',
              lastError: null,
              retryAfter: null,
            },
            rows,
          );
          f.added += r.added;
          f.updated += r.updated;
          f.removed += r.removed;
          f.dropped += r.dropped;
          perFeed.set(feedId, f);
          stored += rows.length;
        }
        cache.lockSync(process.pid);
        options.onProgress?.(stored);
      };
      let cursor: string | null;
      try {
        cursor = await protocol.newArticles(state.cursor, storePage);
      } finally {
        pulled();
      }
      const plan = await planned();
      const changes = await flagsP;
      if (changes.missing.length > 0) await storePage(await protocol.articles(changes.missing));
      // changed on the server since they were brought: their text again (stored like a fetched feed's update)
      if (changes.stale.length > 0) await storePage(await protocol.articles(changes.stale));
      if (changes.reread.length > 0) await storePage(changes.reread);

      const changedHere = await settleQueue(cache, protocol, changes, state.lastSync, started, report);
      // the server's own changes, where no local change is waiting (applied with the run's outcome below)
      const waiting = new Set(cache.queuedFlags().map((q) => key(q.field, q.remoteId)));
      let theirs: SettledFlag[] = [];
      for (const field of FLAGS) {
        for (const [remoteId, value] of changes[field]) {
          if (!waiting.has(key(field, remoteId))) theirs.push({ remoteId, field, value, local: true });
        }
      }
      // marks still queued (made while this run went on, or on articles it took over from a direct fetch):
      // sent now, with nothing to weigh them against; the server's old value of those is not applied after
      if (cache.queuedFlags().length > 0) {
        const sent = new Set<string>();
        const none: FlagChanges = { read: new Map(), starred: new Map(), changedAt: new Map(), gone: [], missing: [], stale: [], reread: [], full: false };
        await settleQueue(cache, protocol, none, started, started, report, sent);
        theirs = theirs.filter((t) => !sent.has(key(t.field, t.remoteId)));
      }

      // subscriptions: the server's list becomes the settings' one
      if (JSON.stringify(plan.feeds) !== JSON.stringify(deps.subscriptions.list())) deps.subscriptions.replace(plan.feeds);

      // Everything else the run learnt, in one commit with the lock given back: with nothing new, that is all
      // a sync writes (it was a transaction per feed). A run killed before it leaves the cursor and the flags
      // as the last run did, and the next one does it again.
      cache.batch(() => {
        cache.forgetRemote(changes.gone);
        const theirsChanged = cache.settleFlags(theirs);
        report.pulled = theirsChanged.length;
        changedHere.push(...theirsChanged);
        for (const url of removed) deps.store.removeFeed(url);
        cache.setSyncFeeds(serverFeeds);
        for (const [feedId, feed] of plan.byRemote) {
          if (perFeed.has(feedId)) continue;
          const gone = deps.store.saveFetchState(feed.cfg.url, {
            userTitle: feed.cfg.title ?? null,
            title: feed.title,
            lastFetched: fetchedAt,
            lastStatus: 'unchanged',
            lastError: null,
            retryAfter: null,
          });
          perFeed.set(feedId, { url: feed.cfg.url, added: 0, updated: 0, removed: gone, dropped: 0 });
        }
        cache.setSyncState({
          cursor,
          lastSync: started,
          lastError: null,
          ...(changes.full || first ? { lastFullCheck: started } : {}),
        });
        cache.unlockSync(process.pid);
      });
      locked = false;
      // articles whose read or star state the server's side changed here, per feed (the reader redraws them)
      const changedBy = new Map<string, number>();
      for (const b of cache.baseView().baseOf(changedHere).values()) changedBy.set(b.feed, (changedBy.get(b.feed) ?? 0) + 1);
      for (const [feedId, f] of perFeed) {
        report.added += f.added;
        report.updated += f.updated;
        const changed = changedBy.get(feedId) ?? 0;
        report.feeds.push({
          url: f.url,
          added: f.added,
          updated: f.updated,
          ...(f.removed > 0 ? { removed: f.removed } : {}),
          ...(f.dropped > 0 ? { dropped: f.dropped } : {}),
          ...(changed > 0 ? { changed } : {}),
        });
      }
      report.queued = cache.queuedCount();
      report.requests = protocol.requests();
      report.ms = clock() - started;
      return report;
    } catch (error) {
      if (error instanceof SyncError) cache.setSyncState({ lastError: error.problem });
      throw error;
    }
  } finally {
    if (locked) cache.unlockSync(process.pid);
  }
}

/**
 * Only the queued subscription changes, told to the server now (`feeds add` / `feeds remove`): the rest waits
 * for the next sync. Throws SyncError when the server cannot be reached (the changes stay queued).
 */
export async function runSubscriptions(cache: SyncCache, protocol: SyncProtocol): Promise<Pick<SyncReport, 'subscribed' | 'unsubscribed' | 'refused'>> {
  const report = { subscribed: [], unsubscribed: [], refused: [] } as Pick<SyncReport, 'subscribed' | 'unsubscribed' | 'refused'>;
  if (cache.queuedSubscriptions().length === 0) return report;
  if (!cache.lockSync(process.pid)) throw new SyncError(problem('errSyncBusy'));
  try {
    await protocol.connect();
    await pushSubscriptions({ cache }, protocol, report);
    return report;
  } finally {
    cache.unlockSync(process.pid);
  }
}

/** Subscriptions added or removed here since the last sync, told to the server. */
async function pushSubscriptions(deps: Pick<SyncDeps, 'cache'>, protocol: SyncProtocol, report: Pick<SyncReport, 'subscribed' | 'unsubscribed' | 'refused'>): Promise<void> {
  const { cache } = deps;
  for (const q of cache.queuedSubscriptions()) {
    if (q.action === 'add') {
      try {
        await protocol.subscribe(q.url, q.category);
        report.subscribed.push(q.url);
      } catch (error) {
        // the server refused this feed (cannot download it, not a feed): it stays a feed cyberread fetches itself
        if (!(error instanceof SyncError) || error.offline) throw error;
        report.refused.push({ url: q.url, problem: error.problem });
      }
    } else {
      const id = q.remoteId ?? cache.syncFeeds().find((f) => sameFeedUrl(f.url, q.url))?.id ?? null;
      try {
        if (id !== null) {
          await sendStarsOf(cache, protocol, id);
          await protocol.unsubscribe(id);
        }
        report.unsubscribed.push(q.url);
      } catch (error) {
        // refused (not reached: that stays queued): said once, not asked again at every sync
        if (!(error instanceof SyncError) || error.offline) throw error;
        report.refused.push({ url: q.url, problem: error.problem });
      }
    }
    cache.settleSubscription(q.url);
  }
}

/**
 * Stars queued for articles of a feed about to be unsubscribed, sent first: the server keeps the starred
 * articles of a feed it unsubscribes (tt-rss archives them) and deletes the rest, so a star sent after the
 * unsubscription would be lost there, and then on every other machine (and here, at the next comparison).
 */
async function sendStarsOf(cache: SyncCache, protocol: SyncProtocol, feedId: string): Promise<void> {
  const stars = cache.queuedFlags().filter((q) => q.field === 'starred' && q.value);
  if (stars.length === 0) return;
  const base = cache.baseView().baseOf(stars.map((q) => q.remoteId));
  const mine = stars.filter((q) => base.get(q.remoteId)?.feed === feedId);
  if (mine.length === 0) return;
  await protocol.setFlag(mine.map((q) => q.remoteId), 'starred', true);
  cache.settleFlags(mine.map((q) => ({ remoteId: q.remoteId, field: 'starred', value: true, queued: { value: true, at: q.at }, local: false })));
}

/**
 * The queued local changes against what the server changed: the same value on both sides is settled without
 * a request; a server change newer than the local one wins (when the server does not say when it changed a
 * flag, the change is taken as made halfway between the last sync and now); the rest is sent, many ids per
 * request, each batch settled as soon as the server has it.
 */
async function settleQueue(
  cache: SyncCache,
  protocol: SyncProtocol,
  changes: FlagChanges,
  lastSync: number | null,
  now: number,
  report: SyncReport,
  /** Told the `field:id` of every change sent to the server. */
  sent?: Set<string>,
): Promise<string[]> {
  const queue = cache.queuedFlags();
  if (queue.length === 0) return [];
  const base = cache.baseView().baseOf([...new Set(queue.map((q) => q.remoteId))]);
  const serverTime = lastSync === null ? now : (lastSync + now) / 2;
  const settled: SettledFlag[] = [];
  const batches = new Map<string, QueuedFlag[]>();
  for (const q of queue) {
    const b = base.get(q.remoteId);
    const queued = { value: q.value, at: q.at };
    if (b === undefined) {
      // the server no longer has the article
      settled.push({ remoteId: q.remoteId, field: q.field, value: q.value, queued, local: false });
      continue;
    }
    const baseValue = b[q.field];
    const server = changes[q.field].get(q.remoteId) ?? baseValue;
    // settled here, whichever side wins: not applied again below as the server's own change
    changes[q.field].delete(q.remoteId);
    if (server === q.value) {
      settled.push({ remoteId: q.remoteId, field: q.field, value: q.value, queued, local: false });
      report.agreed += 1;
      continue;
    }
    if (server !== baseValue && (changes.changedAt.get(key(q.field, q.remoteId)) ?? serverTime) > q.at) {
      settled.push({ remoteId: q.remoteId, field: q.field, value: server, queued, local: true });
      report.overruled += 1;
      continue;
    }
    const k = `${q.field}:${q.value ? 1 : 0}`;
    const batch = batches.get(k);
    if (batch === undefined) batches.set(k, [q]);
    else batch.push(q);
  }
  const changed = cache.settleFlags(settled);
  for (const batch of batches.values()) {
    const { field, value } = batch[0] as QueuedFlag;
    await protocol.setFlag(batch.map((q) => q.remoteId), field, value);
    for (const q of batch) sent?.add(key(field, q.remoteId));
    cache.settleFlags(batch.map((q) => ({ remoteId: q.remoteId, field, value, queued: { value: q.value, at: q.at }, local: false })));
    report.pushed += batch.length;
  }
  return changed;
}
