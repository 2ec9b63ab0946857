/**
 * How the store reads a list: which index drives the walk, and the conditions on it. Every variant walks
 * one index in (sort_time DESC, rid) order and stops after offset+limit matches, so a page costs about the
 * same at 1k or 100k articles. The query language's top-level terms that an index can serve (tags, the
 * edition, an age or date range) are lifted out of the tree onto that walk; the rest is a condition.
 */
import { tagKey } from '../tags.js';
import type { ArticleQuery } from '../types.js';
import { conjuncts, type QueryNode } from './ast.js';
import { compileCondition, dayBound, type CompileContext, type SqlPart } from './compile.js';
import { ftsQuery } from './normalise.js';

export interface PlanContext extends CompileContext {
  /** Hide rules: matching articles are left out of every list and count, unless starred. */
  hide: readonly QueryNode[];
  /** Orders tag keys rarest first (the rarest one's range is the shortest walk). */
  rarestFirst(keys: string[]): void;
  /**
   * Second copies of a story (articles.dup, migration 6): 'hide' leaves them out, 'only' counts just them
   * (a count subtracts those), 'all' (or absent: the cache has none) takes them as they come. A feed's own
   * list (feedUrl) always shows its copies.
   */
  dups?: 'hide' | 'only' | 'all';
}

export interface ListPlan {
  from: string;
  where: string[];
  params: unknown[];
  order: string;
  /** Tag keys the walk is driven by (empty: the article sort index). */
  keys: string[];
  /** The edition filtered by, whichever field it came from. */
  lang: string | undefined;
}

/**
 * For counting, the edition can be asked as two ranges of the covering (lang, read, starred) index:
 * 'known' counts `lang = L`, 'unknown' counts `lang IS NULL`; 'edition' (default) both at once.
 */
export type LangPart = 'edition' | 'known' | 'unknown';

/** The hide rules as one condition: true for what may be shown. */
export function visibleCondition(ctx: PlanContext): SqlPart | null {
  if (ctx.hide.length === 0) return null;
  const hidden = compileCondition(ctx.hide.length === 1 ? (ctx.hide[0] as QueryNode) : { kind: 'or', children: [...ctx.hide] }, ctx);
  return { sql: `(a.starred = 1 OR NOT ${hidden.sql})`, params: hidden.params };
}

/** `n` must be normalised (normaliseQuery). */
export function planList(n: ArticleQuery, mode: 'page' | 'count', ctx: PlanContext, langPart: LangPart = 'edition'): ListPlan {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (p: SqlPart): void => {
    where.push(p.sql);
    params.push(...p.params);
  };

  // Lift the index-served terms of the query's top-level AND.
  const keys = (n.tags ?? []).map(tagKey);
  let lang = n.lang;
  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  const rest: QueryNode[] = [];
  for (const t of conjuncts(n.where)) {
    if (t.kind === 'tag') {
      if (!keys.includes(t.key)) keys.push(t.key);
    } else if (t.kind === 'lang' && (lang === undefined || lang === t.lang)) {
      lang = t.lang;
    } else if (t.kind === 'age') {
      if (t.newer) lower = Math.max(lower, ctx.now - t.ms);
      else upper = Math.min(upper, ctx.now - t.ms);
    } else if (t.kind === 'date') {
      if (t.bound === 'since') lower = Math.max(lower, dayBound(t, ctx.timeZone));
      else upper = Math.min(upper, dayBound(t, ctx.timeZone));
    } else rest.push(t);
  }

  let from: string;
  let order: string;
  if (keys.length > 0) {
    ctx.rarestFirst(keys);
    // CROSS JOIN pins article_tags as the outer loop so its (tag_key, sort_time DESC, rid) key gives the order.
    from = 'article_tags t0 CROSS JOIN articles a ON a.rid = t0.article_rid';
    order = 't0.sort_time DESC, t0.article_rid';
    add({ sql: 't0.tag_key = ?', params: [keys[0]] });
    if (Number.isFinite(lower)) add({ sql: 't0.sort_time >= ?', params: [lower] });
    if (Number.isFinite(upper)) add({ sql: 't0.sort_time < ?', params: [upper] });
    if (lang !== undefined) add(langCondition('t0', lang, langPart, false));
    for (const k of keys.slice(1)) {
      add({ sql: 'EXISTS (SELECT 1 FROM article_tags tx WHERE tx.article_rid = t0.article_rid AND tx.tag_key = ?)', params: [k] });
    }
  } else {
    from = 'articles a';
    order = 'a.sort_time DESC, a.rid';
    if (Number.isFinite(lower)) add({ sql: 'a.sort_time >= ?', params: [lower] });
    if (Number.isFinite(upper)) add({ sql: 'a.sort_time < ?', params: [upper] });
    // For a page, '+' keeps the planner on an ordered index: the lang index would need a sort. Articles
    // stored after a row id are the few a refresh brought: a rowid range, not a walk of the edition.
    if (lang !== undefined) add(langCondition('a', lang, langPart, mode === 'page' || n.minRid !== undefined));
  }
  if (n.maxRid !== undefined) {
    // '+' for a page: a rowid range must not replace the ordered index walk
    add({ sql: keys.length > 0 ? 't0.article_rid <= ?' : mode === 'page' ? '+a.rid <= ?' : 'a.rid <= ?', params: [n.maxRid] });
  }
  if (n.minRid !== undefined) add({ sql: keys.length > 0 ? 't0.article_rid > ?' : 'a.rid > ?', params: [n.minRid] });
  // What marking an article can change: the unread and starred filters and the query's own terms (is:starred …)
  const marked: SqlPart[] = [];
  if (n.unread) marked.push({ sql: 'a.read = 0', params: [] });
  if (n.starred) marked.push({ sql: 'a.starred = 1', params: [] });
  if (n.feedUrl !== undefined) add({ sql: 'a.feed_url = ?', params: [n.feedUrl] });
  else if (ctx.dups === 'hide') add({ sql: mode === 'page' && keys.length === 0 ? '+a.dup = 0' : 'a.dup = 0', params: [] });
  else if (ctx.dups === 'only') add({ sql: 'a.dup = 1', params: [] });
  const match = n.search === undefined ? null : ftsQuery(n.search);
  if (match !== null) {
    // For a page, '+' makes the match set a filter on an ordered index walk (stops after one page)
    // instead of the driver (fetch every matching row, then sort them all: 180 ms for a common word).
    add({ sql: `${mode === 'page' ? '+' : ''}a.rid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, params: [match] });
  }
  if (rest.length > 0) {
    marked.push(compileCondition(rest.length === 1 ? (rest[0] as QueryNode) : { kind: 'and', children: rest }, ctx, { orderedWalk: mode === 'page' }));
  }
  if (n.keepIds !== undefined && marked.length > 0) {
    // kept articles matched everything else when they were listed, and marks change nothing else
    add({
      sql: `((${marked.map((p) => p.sql).join(' AND ')}) OR a.id IN (${n.keepIds.map(() => '?').join(',')}))`,
      params: [...marked.flatMap((p) => p.params), ...n.keepIds],
    });
  } else for (const p of marked) add(p);
  const visible = visibleCondition(ctx);
  if (visible !== null) add(visible);
  return { from, where, params, order, keys, lang };
}

function langCondition(alias: string, lang: string, part: LangPart, unindexed: boolean): SqlPart {
  const col = `${unindexed ? '+' : ''}${alias}.lang`;
  if (part === 'known') return { sql: `${col} = ?`, params: [lang] };
  if (part === 'unknown') return { sql: `${col} IS NULL`, params: [] };
  return { sql: `(${col} = ? OR ${col} IS NULL)`, params: [lang] };
}
