/**
 * A query tree → an SQL condition over `articles a`, with bound parameters only: nothing a person typed is
 * ever part of the SQL text (the text depends only on the tree's shape). Full-text terms become FTS5 MATCH
 * expressions, themselves built from quoted strings only, so no input can be an FTS syntax error either.
 */
import { startOfDay } from '../i18n/dates.js';
import type { QueryNode } from './ast.js';

export interface CompileContext {
  /** Epoch ms that age: counts back from. */
  now: number;
  /** The zone whose calendar days since:/until: mean. */
  timeZone: string;
}

export interface SqlPart {
  sql: string;
  params: unknown[];
}

const DAY_MS = 86_400_000;

/** An FTS5 string: the text between double quotes, quotes doubled. Operators and * inside it are plain text. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One full-text term as FTS5 syntax. */
function ftsLeaf(node: Extract<QueryNode, { kind: 'text' }>): string {
  const s = ftsString(node.text) + (node.prefix ? '*' : '');
  return node.title ? `title : ${s}` : s;
}

/**
 * The whole subtree as one FTS5 expression when it is full text only (words, phrases, titles, their AND/OR,
 * and NOT after at least one positive term: FTS5's NOT is binary), else null.
 */
export function ftsExpression(node: QueryNode): string | null {
  switch (node.kind) {
    case 'text':
      return ftsLeaf(node);
    case 'or': {
      const parts = node.children.map(ftsExpression);
      return parts.every((p) => p !== null) ? parts.map((p) => `(${p})`).join(' OR ') : null;
    }
    case 'and': {
      const pos: string[] = [];
      const neg: string[] = [];
      for (const c of node.children) {
        const p = ftsExpression(c);
        if (p !== null) pos.push(p);
        else if (c.kind === 'not' && ftsExpression(c.child) !== null) neg.push(ftsExpression(c.child) as string);
        else return null;
      }
      if (pos.length === 0) return null;
      return neg.reduce((acc, n) => `(${acc}) NOT (${n})`, pos.map((p) => `(${p})`).join(' AND '));
    }
    default:
      return null;
  }
}

/** ASCII needles use SQLite's LIKE (case-insensitive for ASCII, in C); others the registered Unicode fold. */
function contains(column: string, needle: string): SqlPart {
  if (/^[\x20-\x7e]*$/.test(needle)) {
    return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] };
  }
  return { sql: `instr(cyberread_fold(${column}), ?) > 0`, params: [needle] };
}

export interface CompileOptions {
  /**
   * Mark top-level full-text terms with '+' so that a page walks an ordered index and stops after a page,
   * using the match set as a filter, instead of fetching every match and sorting them all.
   */
  orderedWalk?: boolean;
  /**
   * For a few given rows (a feed's new articles, a page being walked): full-text terms look each row up in
   * the index (FTS5 seeks its lists to that rowid) instead of building the whole match set first.
   */
  rowwise?: boolean;
}

/** A condition that is true for the articles the tree selects (never NULL, so NOT is exact). */
export function compileCondition(node: QueryNode, ctx: CompileContext, options: CompileOptions = {}): SqlPart {
  return new Compiler(ctx, options.rowwise === true).node(node, options.orderedWalk === true);
}

class Compiler {
  constructor(
    private readonly ctx: CompileContext,
    private readonly rowwise: boolean,
  ) {}

  private match(expr: string, top: boolean): SqlPart {
    if (this.rowwise) return { sql: 'EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.rid)', params: [expr] };
    return { sql: `${top ? '+' : ''}a.rid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, params: [expr] };
  }

  private join(parts: SqlPart[], op: 'AND' | 'OR'): SqlPart {
    if (parts.length === 1) return parts[0] as SqlPart;
    return { sql: `(${parts.map((p) => p.sql).join(` ${op} `)})`, params: parts.flatMap((p) => p.params) };
  }

  node(node: QueryNode, top: boolean): SqlPart {
    switch (node.kind) {
      case 'and': {
        // The full-text terms of one AND are one MATCH: the index intersects them faster than SQL can.
        const fts: string[] = [];
        const ftsNot: string[] = [];
        const rest: QueryNode[] = [];
        for (const c of node.children) {
          const e = ftsExpression(c);
          if (e !== null) fts.push(e);
          else if (c.kind === 'not' && ftsExpression(c.child) !== null) ftsNot.push(ftsExpression(c.child) as string);
          else rest.push(c);
        }
        const parts: SqlPart[] = [];
        if (fts.length > 0) {
          parts.push(this.match(ftsNot.reduce((acc, n) => `(${acc}) NOT (${n})`, fts.map((p) => `(${p})`).join(' AND ')), top));
        } else {
          for (const n of ftsNot) {
            const m = this.match(n, false);
            parts.push({ sql: `NOT (${m.sql})`, params: m.params });
          }
        }
        for (const c of rest) parts.push(this.node(c, top));
        return this.join(parts, 'AND');
      }
      case 'or': {
        const fts: string[] = [];
        const parts: SqlPart[] = [];
        for (const c of node.children) {
          const e = ftsExpression(c);
          if (e !== null) fts.push(e);
          else parts.push(this.node(c, false));
        }
        if (fts.length > 0) parts.unshift(this.match(fts.map((p) => `(${p})`).join(' OR '), false));
        return this.join(parts, 'OR');
      }
      case 'not': {
        const inner = this.node(node.child, false);
        return { sql: `NOT (${inner.sql})`, params: inner.params };
      }
      case 'text':
        return this.match(ftsLeaf(node), top);
      case 'tag':
        return { sql: 'EXISTS (SELECT 1 FROM article_tags qt WHERE qt.article_rid = a.rid AND qt.tag_key = ?)', params: [node.key] };
      case 'lang':
        return { sql: '(a.lang = ? OR a.lang IS NULL)', params: [node.lang] };
      case 'feed': {
        // the feed document's own title, and the name the user gave it in the settings
        const url = contains('qf.url', node.text);
        const title = contains("coalesce(qf.title, '')", node.text);
        const named = contains("coalesce(qf.user_title, '')", node.text);
        return {
          sql: `a.feed_url IN (SELECT qf.url FROM feeds qf WHERE ${url.sql} OR ${title.sql} OR ${named.sql})`,
          params: [...url.params, ...title.params, ...named.params],
        };
      }
      case 'author': {
        // Walks the author index (a few bytes per article) instead of the article rows.
        const c = contains('qa.author', node.text);
        return { sql: `a.rid IN (SELECT qa.rid FROM articles qa WHERE qa.author IS NOT NULL AND ${c.sql})`, params: c.params };
      }
      case 'flag':
        return { sql: node.flag === 'starred' ? 'a.starred = 1' : node.flag === 'read' ? 'a.read = 1' : 'a.read = 0', params: [] };
      case 'age':
        return { sql: node.newer ? 'a.sort_time >= ?' : 'a.sort_time < ?', params: [this.ctx.now - node.ms] };
      case 'date':
        return { sql: node.bound === 'since' ? 'a.sort_time >= ?' : 'a.sort_time < ?', params: [dayBound(node, this.ctx.timeZone)] };
    }
  }
}

/** since: the start of the day; until: the start of the next day (the bound is exclusive). */
export function dayBound(node: Extract<QueryNode, { kind: 'date' }>, timeZone: string): number {
  if (node.bound === 'since') return startOfDay(node.day, timeZone);
  const next = new Date(Date.parse(`${node.day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
}
