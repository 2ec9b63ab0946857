/**
 * The typed tree of a query (parse.ts makes it, compile.ts turns it into SQL). Plain data: it crosses to the
 * refresh thread inside ignore rules and is part of the UI's list key, so it holds no functions and no time
 * that depends on when it was parsed (an age is a span; a date is a calendar day, placed in a time zone only
 * when compiled).
 */

export type Flag = 'unread' | 'read' | 'starred';

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /** Full text: a word (prefix: also longer words starting with it) or a "quoted phrase"; title: in titles only. */
  | { kind: 'text'; text: string; phrase: boolean; prefix: boolean; title: boolean }
  /** Has this tag; `key` is tagKey() of what was typed. */
  | { kind: 'tag'; key: string }
  /** In this edition: the language, or unknown (as everywhere in cyberread, unknown appears in both). */
  | { kind: 'lang'; lang: string }
  /** Feed title or URL contains (case-insensitive). */
  | { kind: 'feed'; text: string }
  /** Author contains (case-insensitive). */
  | { kind: 'author'; text: string }
  | { kind: 'flag'; flag: Flag }
  /** age:<7d (newer: posted within the span) or age:>1m (older than the span), the span in ms. */
  | { kind: 'age'; newer: boolean; ms: number }
  /** since:2024-11-01 (from the start of that day) or until:2024-11-30 (to the end of that day). */
  | { kind: 'date'; bound: 'since' | 'until'; day: string };

/** Why a query could not be read, and where: what the message tables turn into one sentence. */
export type QueryProblemCode =
  | 'unclosedQuote'
  | 'emptyTag'
  | 'emptyValue'
  | 'unknownField'
  | 'badAge'
  | 'badDate'
  | 'badLang'
  | 'badState'
  | 'loneOr'
  | 'danglingNot'
  | 'unclosedParen'
  | 'strayParen'
  | 'emptyParens'
  | 'nothingToSearch'
  | 'tooLong';

export interface QueryProblem {
  code: QueryProblemCode;
  /** 1-based, counted in characters (code points) of the text as typed. */
  column: number;
  /** The piece of the query the problem is about, as typed (sanitised, short). */
  token: string;
}

export type ParseResult = { ok: true; node: QueryNode | null } | { ok: false; problem: QueryProblem };

/** The top-level AND of a tree, flattened: the terms every match must satisfy. */
export function conjuncts(node: QueryNode | null | undefined): QueryNode[] {
  if (node === null || node === undefined) return [];
  if (node.kind === 'and') return node.children.flatMap((c) => conjuncts(c));
  return [node];
}

/** Whether any term of the tree (negated or not) is of the given kind. */
function mentions(node: QueryNode | null | undefined, kind: QueryNode['kind']): boolean {
  if (node === null || node === undefined) return false;
  if (node.kind === kind) return true;
  if (node.kind === 'and' || node.kind === 'or') return node.children.some((c) => mentions(c, kind));
  if (node.kind === 'not') return mentions(node.child, kind);
  return false;
}

/** Whether any term of the tree (negated or not) filters by language. */
export function mentionsLang(node: QueryNode | null | undefined): boolean {
  return mentions(node, 'lang');
}

/** Whether any term of the tree tests a read or star mark (is:unread, is:starred …): marking can change its result. */
export function mentionsFlag(node: QueryNode | null | undefined): boolean {
  return mentions(node, 'flag');
}
