/**
 * The cache's side of sync (migration 4): the server's article ids and their flags as of the last sync, the
 * queue of local changes, the server's subscriptions, the state. SqliteStore builds one SyncTables on its
 * connection and runs every write here inside its own transactions; marks are queued by queueMarks, which
 * the store's mark paths call inside the transaction that changes the flag.
 */
import type { Database, Statement } from 'better-sqlite3';
import { isProblem } from '../i18n/problem.js';
import type {
  BaseView,
  KeptSession,
  QueuedFlag,
  QueuedSubscription,
  RemoteFeed,
  RemoteRow,
  SettledFlag,
  SyncCache,
  SyncFlag,
  SyncState,
} from '../sync/types.js';
import type { PreparedArticle } from './prepare.js';
import type { FetchStateUpdate, UpsertResult } from './store.js';

type Stmt = (sql: string) => Statement;

/** The guid of a server's article in the cache: never a feed's own guid, so the two are told apart. */
export const SYNC_GUID_PREFIX = 'sync:';

// A lock not renewed for this long belongs to a sync that died with its process on another machine's clock,
// or to a pid that was reused: taken over.
const LOCK_STALE_MS = 10 * 60_000;

const COLUMN: Record<SyncFlag, string> = { read: 'read', starred: 'starred' };
const BASE: Record<SyncFlag, string> = { read: 'base_read', starred: 'base_starred' };

/**
 * Queues the change of `field` on these articles (their rows already written) for the server, in the
 * caller's transaction. Only articles that came from the server are queued; an article whose flag is back
 * to what the server had keeps its entry with the new time (the newer-change rule needs to know it changed).
 */
export function queueMarks(stmt: Stmt, rids: Iterable<number>, field: SyncFlag, at: number): void {
  const list = [...rids];
  if (list.length === 0) return;
  if (stmt('SELECT 1 FROM sync_items LIMIT 1').get() === undefined) return;
  stmt(
    `INSERT INTO sync_queue (remote_id, field, value, at)
     SELECT s.remote_id, '${field}', a.${COLUMN[field]}, @at FROM articles a JOIN sync_items s ON s.article_id = a.id
     WHERE a.rid IN (SELECT value FROM json_each(@rids))
     ON CONFLICT (remote_id, field) DO UPDATE SET value = excluded.value, at = excluded.at`,
  ).run({ rids: JSON.stringify(list), at });
}

/**
 * An article a direct fetch brings that the cache already holds as a server's article of the same feed (same
 * link), after sync was turned off: the row to update in place instead of storing the story twice.
 */
export function syncedTwin(stmt: Stmt, feedUrl: string, url: string | null): number | undefined {
  if (url === null) return undefined;
  return stmt(
    `SELECT a.rid FROM articles a WHERE a.url = ? AND a.feed_url = ? AND a.guid LIKE '${SYNC_GUID_PREFIX}%'
       AND NOT EXISTS (SELECT 1 FROM sync_items s WHERE s.article_id = a.id) LIMIT 1`,
  )
    .pluck()
    .get(url, feedUrl) as number | undefined;
}

/**
 * What a damaged cache's sync tables still yield, for the fresh cache built in its place: the changes queued
 * for the server (they exist nowhere else), the account they belong to and the server's subscription list as
 * last seen. The mapping of the server's ids and the cursor are not kept: the fresh cache has none of the
 * articles they point at, and its first sync brings them all again.
 */
export interface SyncRescue {
  account: string | null;
  queue: Map<string, QueuedFlag>;
  subs: Map<string, QueuedSubscription>;
  feeds: Map<string, RemoteFeed>;
}

export function emptySyncRescue(): SyncRescue {
  return { account: null, queue: new Map(), subs: new Map(), feeds: new Map() };
}

/**
 * Reads what it can of the sync tables of a damaged cache (opened read-only) into `into`, keeping the newer
 * of two entries for the same change. Returns false when the damage stopped a table being read to its end.
 */
export function readSyncRescue(db: Database, into: SyncRescue): boolean {
  let complete = true;
  const each = (sql: string, use: (row: Record<string, unknown>) => void): void => {
    try {
      for (const row of db.prepare(sql).iterate() as IterableIterator<Record<string, unknown>>) use(row);
    } catch (error) {
      // a cache from before sync existed has no such table: nothing lost
      if (!/no such table/i.test((error as Error).message)) complete = false;
    }
  };
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null);
  each("SELECT value FROM sync_state WHERE key = 'account'", (r) => {
    into.account ??= str(r.value);
  });
  each('SELECT remote_id, field, value, at FROM sync_queue', (r) => {
    const remoteId = str(r.remote_id);
    const at = num(r.at);
    if (remoteId === null || at === null || (r.field !== 'read' && r.field !== 'starred')) return;
    const key = `${r.field}:${remoteId}`;
    if ((into.queue.get(key)?.at ?? -Infinity) >= at) return;
    into.queue.set(key, { remoteId, field: r.field, value: r.value === 1, at });
  });
  each('SELECT url, action, category, remote_id, at FROM sync_subs', (r) => {
    const url = str(r.url);
    const at = num(r.at);
    if (url === null || at === null || (r.action !== 'add' && r.action !== 'remove')) return;
    if ((into.subs.get(url)?.at ?? -Infinity) >= at) return;
    into.subs.set(url, { url, action: r.action, category: str(r.category), remoteId: str(r.remote_id), at });
  });
  each('SELECT remote_id, url, title, category FROM sync_feeds', (r) => {
    const id = str(r.remote_id);
    const url = str(r.url);
    if (id !== null && url !== null) into.feeds.set(id, { id, url, title: str(r.title), category: str(r.category) });
  });
  return complete;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class SyncTables implements SyncCache {
  constructor(
    private readonly stmt: Stmt,
    private readonly write: <T>(fn: () => T) => T,
    private readonly read: <T>(fn: () => T) => T,
    private readonly saveRows: (url: string, state: FetchStateUpdate, rows: PreparedArticle[]) => UpsertResult,
    /** Makes the cache's files readable by their owner only: called before a credential is written to them. */
    private readonly ownerOnly: () => void = () => undefined,
  ) {}

  private get(key: string): string | null {
    return (this.stmt('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  private put(key: string, value: string | null): void {
    if (value === null) this.stmt('DELETE FROM sync_state WHERE key = ?').run(key);
    else this.stmt('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  syncState(): SyncState {
    return this.read(() => {
      const num = (k: string): number | null => {
        const v = this.get(k);
        return v === null || !Number.isFinite(Number(v)) ? null : Number(v);
      };
      const json = (k: string): unknown => {
        const v = this.get(k);
        if (v === null) return null;
        try {
          return JSON.parse(v) as unknown;
        } catch {
          return null;
        }
      };
      const err = json('lastError');
      const lastError = isProblem(err) ? err : null;
      const kept = json('session') as Partial<KeptSession> | null;
      const session = typeof kept?.account === 'string' && typeof kept.value === 'string' ? { account: kept.account, value: kept.value } : null;
      return {
        account: this.get('account'),
        cursor: this.get('cursor'),
        lastSync: num('lastSync'),
        lastFullCheck: num('lastFullCheck'),
        lastError,
        lastAttempt: num('lastAttempt'),
        session,
      };
    });
  }

  setSyncState(patch: Partial<SyncState>): void {
    // the server session is a credential (whoever has it acts as the user on the server until it ends)
    if (patch.session != null) this.ownerOnly();
    this.write(() => {
      for (const [k, v] of Object.entries(patch) as [keyof SyncState, SyncState[keyof SyncState]][]) {
        if (v === undefined) continue;
        this.put(k, v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));
      }
    });
  }

  batch<T>(fn: () => T): T {
    return this.write(fn);
  }

  lockSync(owner: number): boolean {
    return this.write(() => {
      const now = Date.now();
      const held = this.get('lock');
      if (held !== null) {
        const [pid, at] = held.split(' ').map(Number) as [number, number];
        if (pid !== owner && isAlive(pid) && now - at < LOCK_STALE_MS) return false;
      }
      this.put('lock', `${owner} ${now}`);
      return true;
    });
  }

  unlockSync(owner: number): void {
    this.write(() => {
      const held = this.get('lock');
      if (held !== null && Number(held.split(' ')[0]) === owner) this.put('lock', null);
    });
  }

  resetSync(): void {
    this.write(() => {
      for (const t of ['sync_items', 'sync_queue', 'sync_subs', 'sync_feeds']) this.stmt(`DELETE FROM ${t}`).run();
      this.stmt("DELETE FROM sync_state WHERE key != 'lock'").run();
    });
  }

  /**
   * Puts what was rescued from a damaged cache into this (fresh) one; returns how many queued changes it holds.
   * The queued marks wait for their articles: the next sync, a first one, brings them again, gives them the
   * queued value here and sends it (see storeRemote).
   */
  restore(rescue: SyncRescue): number {
    const count = rescue.queue.size + rescue.subs.size;
    if (count === 0 && rescue.feeds.size === 0) return 0;
    this.write(() => {
      if (rescue.account !== null) this.put('account', rescue.account);
      const flag = this.stmt(
        `INSERT INTO sync_queue (remote_id, field, value, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (remote_id, field) DO UPDATE SET value = excluded.value, at = excluded.at WHERE excluded.at > sync_queue.at`,
      );
      for (const q of rescue.queue.values()) flag.run(q.remoteId, q.field, q.value ? 1 : 0, q.at);
      const sub = this.stmt(
        `INSERT INTO sync_subs (url, action, category, remote_id, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET action = excluded.action, category = excluded.category, remote_id = excluded.remote_id,
           at = excluded.at WHERE excluded.at > sync_subs.at`,
      );
      for (const q of rescue.subs.values()) sub.run(q.url, q.action, q.category, q.remoteId, q.at);
      const feed = this.stmt('INSERT OR IGNORE INTO sync_feeds (remote_id, url, title, category) VALUES (?, ?, ?, ?)');
      for (const f of rescue.feeds.values()) feed.run(f.id, f.url, f.title, f.category);
    });
    return count;
  }

  baseView(): Omit<BaseView, 'cursor' | 'lastSync' | 'lastFullCheck'> {
    const counts = (column: string): Map<string, number> =>
      this.read(() => {
        const rows = this.stmt(`SELECT remote_feed AS f, count(*) AS n FROM sync_items WHERE ${column} = ? GROUP BY remote_feed`).all(
          column === 'base_read' ? 0 : 1,
        ) as { f: string; n: number }[];
        return new Map(rows.map((r) => [r.f, r.n]));
      });
    return {
      unreadByFeed: () => counts('base_read'),
      starredByFeed: () => counts('base_starred'),
      unreadIds: (feedId) =>
        this.read(() => this.stmt('SELECT remote_id FROM sync_items WHERE remote_feed = ? AND base_read = 0').pluck().all(feedId) as string[]),
      starredIds: () => this.read(() => this.stmt('SELECT remote_id FROM sync_items WHERE base_starred = 1').pluck().all() as string[]),
      publishedOf: (ids) =>
        this.read(() => {
          const rows = this.stmt(
            `SELECT s.remote_id, a.published FROM sync_items s JOIN articles a ON a.id = s.article_id
             WHERE s.remote_id IN (SELECT value FROM json_each(?))`,
          ).all(JSON.stringify(ids)) as { remote_id: string; published: string | null }[];
          return new Map(rows.map((r) => [r.remote_id, r.published]));
        }),
      baseOf: (ids) =>
        this.read(() => {
          const rows = this.stmt(
            'SELECT remote_id, base_read, base_starred, remote_feed FROM sync_items WHERE remote_id IN (SELECT value FROM json_each(?))',
          ).all(JSON.stringify(ids)) as { remote_id: string; base_read: number; base_starred: number; remote_feed: string }[];
          return new Map(rows.map((r) => [r.remote_id, { read: r.base_read === 1, starred: r.base_starred === 1, feed: r.remote_feed }]));
        }),
    };
  }

  queuedFlags(): QueuedFlag[] {
    return this.read(() =>
      (this.stmt('SELECT remote_id, field, value, at FROM sync_queue ORDER BY at, remote_id').all() as { remote_id: string; field: string; value: number; at: number }[])
        .filter((r) => r.field === 'read' || r.field === 'starred')
        .map((r) => ({ remoteId: r.remote_id, field: r.field as SyncFlag, value: r.value === 1, at: r.at })),
    );
  }

  queuedCount(): number {
    return this.read(
      () => (this.stmt('SELECT (SELECT count(*) FROM sync_queue) + (SELECT count(*) FROM sync_subs)').pluck().get() as number),
    );
  }

  settleFlags(flags: SettledFlag[]): string[] {
    if (flags.length === 0) return [];
    return this.write(() => {
      const changed: string[] = [];
      for (const f of flags) {
        const v = f.value ? 1 : 0;
        this.stmt(`UPDATE sync_items SET ${BASE[f.field]} = ? WHERE remote_id = ?`).run(v, f.remoteId);
        if (f.queued !== undefined) {
          // a change made while this sync ran has a newer time and stays queued
          this.stmt('DELETE FROM sync_queue WHERE remote_id = ? AND field = ? AND value = ? AND at = ?').run(
            f.remoteId,
            f.field,
            f.queued.value ? 1 : 0,
            f.queued.at,
          );
        }
        if (!f.local) continue;
        // a server's change never overwrites a local change still waiting to be sent (made during this run)
        const waiting = f.queued === undefined && this.stmt('SELECT 1 FROM sync_queue WHERE remote_id = ? AND field = ?').get(f.remoteId, f.field) !== undefined;
        if (waiting) continue;
        const set = this.stmt(
          `UPDATE articles SET ${COLUMN[f.field]} = ? WHERE id = (SELECT article_id FROM sync_items WHERE remote_id = ?) AND ${COLUMN[f.field]} != ?`,
        ).run(v, f.remoteId, v);
        if (set.changes > 0) changed.push(f.remoteId);
      }
      return changed;
    });
  }

  forgetRemote(ids: string[]): void {
    if (ids.length === 0) return;
    this.write(() => {
      const json = JSON.stringify(ids);
      this.stmt('DELETE FROM sync_items WHERE remote_id IN (SELECT value FROM json_each(?))').run(json);
      this.stmt('DELETE FROM sync_queue WHERE remote_id IN (SELECT value FROM json_each(?))').run(json);
    });
  }

  storeRemote(feedUrl: string, state: FetchStateUpdate, rows: RemoteRow[]): UpsertResult {
    return this.write(() => {
      const mapped = this.stmt('SELECT article_id FROM sync_items WHERE remote_id = ?').pluck();
      const adoptable = this.stmt(
        `SELECT a.id, a.read, a.starred FROM articles a WHERE a.url = ? AND a.feed_url = ?
           AND NOT EXISTS (SELECT 1 FROM sync_items s WHERE s.article_id = a.id) LIMIT 1`,
      );
      const taken = new Set<string>();
      const plan = rows.map((r) => {
        const known = mapped.get(r.remoteId) as string | undefined;
        if (known !== undefined) return { r, id: known, fresh: false, local: null };
        const own = r.row.url === null ? undefined : (adoptable.get(r.row.url, feedUrl) as { id: string; read: number; starred: number } | undefined);
        if (own !== undefined && !taken.has(own.id)) {
          taken.add(own.id);
          return { r, id: own.id, fresh: true, local: { read: own.read === 1, starred: own.starred === 1 } };
        }
        return { r, id: r.row.id, fresh: true, local: null };
      });
      const result = this.saveRows(
        feedUrl,
        state,
        plan.map((p) => ({ ...p.r.row, id: p.id })),
      );
      const map = this.stmt(
        `INSERT INTO sync_items (remote_id, article_id, remote_feed, base_read, base_starred) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (remote_id) DO UPDATE SET article_id = excluded.article_id, remote_feed = excluded.remote_feed,
           base_read = excluded.base_read, base_starred = excluded.base_starred`,
      );
      const setFlags = this.stmt('UPDATE articles SET read = ?, starred = ? WHERE id = ?');
      // Marks queued for articles the cache does not hold yet: rescued from a damaged cache (restore) and
      // brought again by this sync. The article shows the mark made here; settling the queue sends it.
      const orphans = this.stmt('SELECT 1 FROM sync_queue q WHERE NOT EXISTS (SELECT 1 FROM sync_items s WHERE s.remote_id = q.remote_id) LIMIT 1').get() !== undefined;
      const queuedOf = this.stmt('SELECT field, value FROM sync_queue WHERE remote_id = ?');
      const queue = this.stmt(
        `INSERT INTO sync_queue (remote_id, field, value, at) VALUES (?, ?, 1, ?)
         ON CONFLICT (remote_id, field) DO UPDATE SET value = excluded.value, at = excluded.at`,
      );
      const now = Date.now();
      for (const p of plan) {
        if (!p.fresh) {
          // the article may have moved to another feed on the server
          this.stmt('UPDATE sync_items SET remote_feed = ? WHERE remote_id = ?').run(p.r.remoteFeed, p.r.remoteId);
          continue;
        }
        const { read, starred } = p.r;
        map.run(p.r.remoteId, p.id, p.r.remoteFeed, read ? 1 : 0, starred ? 1 : 0);
        if (p.local === null) {
          // the server's flags, not those a paired edition would lend it: the server is where they live
          let mine = { read, starred };
          if (orphans) {
            for (const q of queuedOf.all(p.r.remoteId) as { field: string; value: number }[]) {
              if (q.field === 'read' || q.field === 'starred') mine = { ...mine, [q.field]: q.value === 1 };
            }
          }
          setFlags.run(mine.read ? 1 : 0, mine.starred ? 1 : 0, p.id);
          continue;
        }
        // Taken over from a direct fetch: what was read or starred here stays so, and the server is told.
        setFlags.run(read || p.local.read ? 1 : 0, starred || p.local.starred ? 1 : 0, p.id);
        if (p.local.read && !read) queue.run(p.r.remoteId, 'read', now);
        if (p.local.starred && !starred) queue.run(p.r.remoteId, 'starred', now);
      }
      // known only once the rows are written: whether this page brought the feed anything new
      if (result.added + result.updated > 0 && state.lastStatus !== 'new') {
        this.stmt(`UPDATE feeds SET last_status = 'new' WHERE url = ?`).run(feedUrl);
      }
      return result;
    });
  }

  syncFeeds(): RemoteFeed[] {
    return this.read(() =>
      (this.stmt('SELECT remote_id, url, title, category FROM sync_feeds ORDER BY remote_id').all() as {
        remote_id: string;
        url: string;
        title: string | null;
        category: string | null;
      }[]).map((r) => ({ id: r.remote_id, url: r.url, title: r.title, category: r.category })),
    );
  }

  setSyncFeeds(feeds: RemoteFeed[]): void {
    this.write(() => {
      // the same list as before (most syncs): no page of the file written again
      const same = (a: RemoteFeed, b: RemoteFeed): boolean => a.id === b.id && a.url === b.url && a.title === b.title && a.category === b.category;
      const before = this.syncFeeds();
      const byId = [...feeds].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (before.length === byId.length && before.every((f, i) => same(f, byId[i] as RemoteFeed))) return;
      this.stmt('DELETE FROM sync_feeds').run();
      const put = this.stmt('INSERT OR REPLACE INTO sync_feeds (remote_id, url, title, category) VALUES (?, ?, ?, ?)');
      for (const f of feeds) put.run(f.id, f.url, f.title, f.category);
    });
  }

  queuedSubscriptions(): QueuedSubscription[] {
    return this.read(() =>
      (this.stmt('SELECT url, action, category, remote_id, at FROM sync_subs ORDER BY at, url').all() as {
        url: string;
        action: string;
        category: string | null;
        remote_id: string | null;
        at: number;
      }[]).map((r) => ({ url: r.url, action: r.action === 'remove' ? 'remove' : 'add', category: r.category, remoteId: r.remote_id, at: r.at })),
    );
  }

  queueSubscription(q: QueuedSubscription): void {
    this.write(() => {
      const old = this.stmt('SELECT action FROM sync_subs WHERE url = ?').pluck().get(q.url) as string | undefined;
      // added and removed again before the server heard of either: nothing to tell it
      if (old !== undefined && old !== q.action) {
        this.stmt('DELETE FROM sync_subs WHERE url = ?').run(q.url);
        if (q.action === 'remove' && q.remoteId === null) return;
        if (q.action === 'add') return;
      }
      this.stmt(
        `INSERT INTO sync_subs (url, action, category, remote_id, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET action = excluded.action, category = excluded.category, remote_id = excluded.remote_id, at = excluded.at`,
      ).run(q.url, q.action, q.category, q.remoteId, q.at);
    });
  }

  settleSubscription(url: string): void {
    this.write(() => {
      this.stmt('DELETE FROM sync_subs WHERE url = ?').run(url);
    });
  }
}
