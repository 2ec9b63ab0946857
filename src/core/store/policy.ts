/**
 * The user's ignore rules and retention limits applied to one feed's write, inside its transaction: drop
 * rules remove the articles this write just inserted that match them, retention removes the feed's articles
 * past the limits. Starred articles are never touched. What goes is remembered in `gone`, so a feed that
 * still lists it does not bring it back as new.
 */
import type { Statement } from 'better-sqlite3';
import { compileCondition } from '../query/compile.js';
import type { StorePolicy } from './store.js';

type Stmt = (sql: string) => Statement;

/** Ids a drop rule still in force, or the retention limits, removed before: not stored again. */
export function goneIds(stmt: Stmt, policy: StorePolicy, ids: string[]): Set<string> {
  if (ids.length === 0 || (policy.drop.length === 0 && !hasLimits(policy))) return new Set();
  const why = new Set<string>(policy.drop.map((d) => d.rule));
  if (hasLimits(policy)) why.add('keep');
  const rows = stmt('SELECT g.id AS id, g.why AS why FROM gone g WHERE g.id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids),
  ) as { id: string; why: string }[];
  return new Set(rows.filter((r) => why.has(r.why)).map((r) => r.id));
}

function hasLimits(policy: StorePolicy): boolean {
  return policy.keep.days !== undefined || policy.keep.perFeed !== undefined;
}

function remember(stmt: Stmt, rows: { id: string }[], why: string, at: number): void {
  const put = stmt('INSERT INTO gone (id, why, at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET why = excluded.why, at = excluded.at');
  for (const r of rows) put.run(r.id, why, at);
}

/** Removes the just-inserted `rids` a drop rule matches; returns the rids removed. */
export function applyDrop(stmt: Stmt, policy: StorePolicy, rids: number[], now: number): Set<number> {
  const removed = new Set<number>();
  if (rids.length === 0 || policy.drop.length === 0) return removed;
  const ctx = { now, timeZone: policy.timeZone };
  for (const { rule, node } of policy.drop) {
    const c = compileCondition(node, ctx, { rowwise: true });
    const hits = stmt(
      `SELECT a.rid AS rid, a.id AS id FROM articles a
       WHERE a.rid IN (SELECT value FROM json_each(?)) AND a.starred = 0 AND ${c.sql}`,
    ).all(JSON.stringify(rids.filter((r) => !removed.has(r))), ...c.params) as { rid: number; id: string }[];
    if (hits.length === 0) continue;
    // Tags and links go by ON DELETE CASCADE, full-text rows by the articles_fts_delete trigger.
    const del = stmt('DELETE FROM articles WHERE rid = ?');
    for (const h of hits) {
      del.run(h.rid);
      removed.add(h.rid);
    }
    remember(stmt, hits, rule, now);
  }
  return removed;
}

/** Removes the feed's articles past the retention limits (never starred ones); returns the rids removed. */
export function applyRetention(stmt: Stmt, policy: StorePolicy, feedUrl: string, now: number): Set<number> {
  const removed = new Set<number>();
  const { days, perFeed } = policy.keep;
  const gone: { rid: number; id: string }[] = [];
  if (days !== undefined) {
    gone.push(
      ...(stmt('DELETE FROM articles WHERE feed_url = ? AND starred = 0 AND sort_time < ? RETURNING rid, id').all(
        feedUrl,
        now - days * 86_400_000,
      ) as { rid: number; id: string }[]),
    );
  }
  if (perFeed !== undefined) {
    gone.push(
      ...(stmt(
        `DELETE FROM articles WHERE rid IN (
           SELECT rid FROM articles WHERE feed_url = ? AND starred = 0 ORDER BY sort_time DESC, rid LIMIT -1 OFFSET ?
         ) RETURNING rid, id`,
      ).all(feedUrl, perFeed) as { rid: number; id: string }[]),
    );
  }
  for (const g of gone) removed.add(g.rid);
  remember(stmt, gone, 'keep', now);
  return removed;
}
