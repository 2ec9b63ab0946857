/**
 * The query language: what a person types into `/`, `--query`, a saved view or an ignore rule, read into a
 * typed tree (ast.ts). Never throws for what was typed: a query that cannot be read comes back as a problem
 * with the column and the reason, which the message tables turn into one sentence.
 *
 *   words "quoted phrases" word*        full text (title, summary, body); * also matches longer words
 *   #tag  tag:"two words"               has the tag
 *   lang:id  feed:TEXT  author:TEXT     edition; feed title or URL contains; author contains
 *   title:TEXT  title:"a phrase"        in the title only
 *   unread read starred  is:unread …    state
 *   age:<7d  age:>1m  since:2024-11-01  until:2024-11-30
 *   a b   a AND b   a OR b   -a   NOT a   ( … )
 */
import { bound, sanitizeText } from '../sanitize.js';
import { tagKey } from '../tags.js';
import type { Flag, ParseResult, QueryNode, QueryProblem, QueryProblemCode } from './ast.js';

/** Longer queries are refused rather than handed to the index: each term is a lookup. */
export const MAX_QUERY_CHARS = 1000;
export const MAX_TERMS = 64;
export const MAX_DEPTH = 16;

export const FIELDS = ['lang', 'feed', 'author', 'title', 'tag', 'age', 'since', 'until', 'is'] as const;
type Field = (typeof FIELDS)[number];
const STATES: readonly Flag[] = ['unread', 'read', 'starred'];

const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  m: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

type Token =
  | { t: 'lp' | 'rp' | 'or' | 'and' | 'not'; col: number; raw: string }
  | { t: 'term'; col: number; raw: string; node: QueryNode; bareWord: boolean };

class Problem {
  constructor(readonly problem: QueryProblem) {}
}

function fail(code: QueryProblemCode, column: number, token: string): never {
  throw new Problem({ code, column, token: bound(token.replace(/\s+/g, ' '), 40) });
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);
const searchable = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);
/** The case-insensitive form "contains" compares (feed, author): NFKC, lower case, trimmed. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase('und').trim();
}

/** Reads a "quoted" run starting at chars[i] === '"'; returns its text and the index after the closing quote. */
function quoted(chars: string[], i: number, col: number, raw: string): { text: string; next: number } {
  const end = chars.indexOf('"', i + 1);
  if (end < 0) fail('unclosedQuote', col, raw + chars.slice(i).join(''));
  return { text: chars.slice(i + 1, end).join(''), next: end + 1 };
}

/** A word or phrase of full text (the title: filter too). */
function textNode(value: string, isQuoted: boolean, title: boolean, col: number, raw: string): QueryNode {
  let text = value.trim();
  let prefix = false;
  if (!isQuoted && text.endsWith('*')) {
    text = text.replace(/\*+$/, '');
    prefix = true;
  }
  if (!searchable(text)) fail('nothingToSearch', col, raw);
  return { kind: 'text', text, phrase: isQuoted || /\s/u.test(text), prefix, title };
}

function fieldNode(field: Field, value: string, isQuoted: boolean, col: number, raw: string): QueryNode {
  const v = value.trim();
  if (v === '') fail('emptyValue', col, raw);
  switch (field) {
    case 'lang': {
      const lang = v.toLowerCase();
      if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/.test(lang)) fail('badLang', col, raw);
      return { kind: 'lang', lang };
    }
    case 'feed':
    case 'author':
      return { kind: field, text: foldText(v) };
    case 'title':
      return textNode(v, isQuoted, true, col, raw);
    case 'tag': {
      const key = tagKey(v);
      if (key === '') fail('emptyTag', col, raw);
      return { kind: 'tag', key };
    }
    case 'is': {
      const state = v.toLowerCase();
      if (!(STATES as readonly string[]).includes(state)) fail('badState', col, raw);
      return { kind: 'flag', flag: state as Flag };
    }
    case 'age': {
      const m = /^([<>])?(\d{1,5})([hdwmy])$/i.exec(v);
      if (m === null) fail('badAge', col, raw);
      const ms = Number(m[2]) * (UNIT_MS[(m[3] ?? '').toLowerCase()] ?? 0);
      if (ms <= 0) fail('badAge', col, raw);
      return { kind: 'age', newer: m[1] !== '>', ms };
    }
    case 'since':
    case 'until': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const [y, mo, d] = m === null ? [NaN, NaN, NaN] : [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      if (m === null || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) fail('badDate', col, raw);
      return { kind: 'date', bound: field, day: v };
    }
  }
}

function tokenize(chars: string[], prefixLast: boolean): Token[] {
  const out: Token[] = [];
  let terms = 0;
  const term = (col: number, raw: string, node: QueryNode, bareWord = false): void => {
    if (++terms > MAX_TERMS) fail('tooLong', col, raw);
    out.push({ t: 'term', col, raw, node, bareWord });
  };
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const col = i + 1;
    if (c === '(' || c === ')') {
      out.push({ t: c === '(' ? 'lp' : 'rp', col, raw: c });
      i++;
      continue;
    }
    if (c === '-') {
      const next = chars[i + 1];
      if (next === undefined || isSpace(next) || next === ')') fail('danglingNot', col, '-');
      out.push({ t: 'not', col, raw: '-' });
      i++;
      continue;
    }
    if (c === '"') {
      const q = quoted(chars, i, col, '');
      term(col, chars.slice(i, q.next).join(''), textNode(q.text, true, false, col, chars.slice(i, q.next).join('')));
      i = q.next;
      continue;
    }
    if (c === '#') {
      let text: string;
      let next: number;
      if (chars[i + 1] === '"') {
        const q = quoted(chars, i + 1, col, '#');
        text = q.text;
        next = q.next;
      } else {
        next = i + 1;
        while (next < chars.length && !isSpace(chars[next]) && !'()"'.includes(chars[next] as string)) next++;
        text = chars.slice(i + 1, next).join('');
      }
      const raw = chars.slice(i, next).join('');
      const key = tagKey(text);
      if (key === '') fail('emptyTag', col, raw);
      term(col, raw, { kind: 'tag', key });
      i = next;
      continue;
    }
    let next = i;
    while (next < chars.length && !isSpace(chars[next]) && !'()"'.includes(chars[next] as string)) next++;
    const word = chars.slice(i, next).join('');
    if (word === 'OR' || word === 'AND' || word === 'NOT') {
      out.push({ t: word === 'OR' ? 'or' : word === 'AND' ? 'and' : 'not', col, raw: word });
      i = next;
      continue;
    }
    const field = /^([A-Za-z]+):([\s\S]*)$/.exec(word);
    if (field !== null) {
      const name = (field[1] ?? '').toLowerCase();
      if (!(FIELDS as readonly string[]).includes(name)) fail('unknownField', col, `${field[1]}:`);
      let value = field[2] ?? '';
      let isQuoted = false;
      if (value === '' && chars[next] === '"') {
        const q = quoted(chars, next, col, word);
        value = q.text;
        isQuoted = true;
        next = q.next;
      }
      const raw = chars.slice(i, next).join('');
      term(col, raw, fieldNode(name as Field, value, isQuoted, col, raw));
      i = next;
      continue;
    }
    if ((STATES as readonly string[]).includes(word.toLowerCase())) {
      term(col, word, { kind: 'flag', flag: word.toLowerCase() as Flag });
    } else {
      term(col, word, textNode(word, false, false, col, word), true);
    }
    i = next;
  }
  if (prefixLast) {
    // As in a search box: the word being typed also matches the longer words it starts.
    for (let k = out.length - 1; k >= 0; k--) {
      const tok = out[k] as Token;
      if (tok.t === 'term' && tok.bareWord && tok.node.kind === 'text') {
        tok.node = { ...tok.node, prefix: true };
        break;
      }
    }
  }
  return out;
}

/**
 * Juxtaposition (or AND) joins terms; OR binds tighter, as in web and mail search: `#databreach OR
 * #ransomware lang:id` is (databreach or ransomware) in Indonesian. Parentheses group otherwise.
 */
class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private static ends(tok: Token | undefined): boolean {
    return tok === undefined || tok.t === 'rp' || tok.t === 'or' || tok.t === 'and';
  }

  and(depth: number): QueryNode {
    const children: QueryNode[] = [];
    for (let tok = this.peek(); tok !== undefined && tok.t !== 'rp'; tok = this.peek()) {
      // an OR here has nothing on its left: orGroup takes every OR that follows a term
      if (tok.t === 'or') fail('loneOr', tok.col, tok.raw);
      if (tok.t === 'and') {
        this.at++;
        if (children.length === 0 || Parser.ends(this.peek())) fail('loneOr', tok.col, tok.raw);
        continue;
      }
      children.push(this.orGroup(depth));
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children };
  }

  private orGroup(depth: number): QueryNode {
    const children = [this.unary(depth)];
    for (let tok = this.peek(); tok?.t === 'or'; tok = this.peek()) {
      this.at++;
      if (Parser.ends(this.peek())) fail('loneOr', tok.col, tok.raw);
      children.push(this.unary(depth));
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'or', children };
  }

  private unary(depth: number): QueryNode {
    const tok = this.tokens[this.at++] as Token;
    if (depth > MAX_DEPTH) fail('tooLong', tok.col, tok.raw);
    switch (tok.t) {
      case 'term':
        return tok.node;
      case 'not': {
        if (Parser.ends(this.peek())) fail('danglingNot', tok.col, tok.raw);
        return { kind: 'not', child: this.unary(depth + 1) };
      }
      case 'lp': {
        const next = this.peek();
        if (next?.t === 'rp') fail('emptyParens', tok.col, '()');
        if (next === undefined) fail('unclosedParen', tok.col, '(');
        const inner = this.and(depth + 1);
        if (this.peek()?.t !== 'rp') fail('unclosedParen', tok.col, '(');
        this.at++;
        return inner;
      }
      case 'rp':
        return fail('strayParen', tok.col, ')');
      default:
        // OR and AND are taken by and() and orGroup() before a unary is read
        return fail('loneOr', tok.col, tok.raw);
    }
  }

  /** Whatever is left after a complete query can only be a ")" without its "(". */
  end(): void {
    const tok = this.peek();
    if (tok !== undefined) fail('strayParen', tok.col, tok.raw);
  }
}

export interface ParseOptions {
  /** The reader's search box: the last plain word also matches longer words (results appear while typing). */
  prefixLast?: boolean;
}

/** Reads a query. An empty (or blank) query is `node: null`: no filter. */
export function parseQuery(input: string, options: ParseOptions = {}): ParseResult {
  // Control sequences are dropped (they cannot be meant); columns count what is left, as the user sees it.
  const chars = [...sanitizeText(input)];
  try {
    if (chars.length > MAX_QUERY_CHARS) fail('tooLong', MAX_QUERY_CHARS + 1, chars.slice(MAX_QUERY_CHARS, MAX_QUERY_CHARS + 20).join(''));
    const tokens = tokenize(chars, options.prefixLast === true);
    if (tokens.length === 0) return { ok: true, node: null };
    const parser = new Parser(tokens);
    const node = parser.and(0);
    parser.end();
    return { ok: true, node };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.problem };
    throw error;
  }
}
