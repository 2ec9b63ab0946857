import { describe, expect, it } from 'vitest';
import type { QueryNode, QueryProblemCode } from '../../../src/core/query/ast.js';
import { conjuncts, mentionsLang } from '../../../src/core/query/ast.js';
import { parseQuery } from '../../../src/core/query/parse.js';
import { messages } from '../../../src/core/i18n/index.js';

function tree(text: string, prefixLast = false): QueryNode | null {
  const r = parseQuery(text, { prefixLast });
  if (!r.ok) throw new Error(`${text}: ${r.problem.code} at ${r.problem.column}`);
  return r.node;
}

const word = (text: string, o: Partial<{ phrase: boolean; prefix: boolean; title: boolean }> = {}): QueryNode => ({
  kind: 'text',
  text,
  phrase: false,
  prefix: false,
  title: false,
  ...o,
});

describe('parseQuery: terms', () => {
  it('reads words, phrases, prefixes and titles as full text', () => {
    expect(tree('ransomware')).toEqual(word('ransomware'));
    expect(tree('"kebocoran data"')).toEqual(word('kebocoran data', { phrase: true }));
    expect(tree('ransom*')).toEqual(word('ransom', { prefix: true }));
    expect(tree('title:"data breach"')).toEqual(word('data breach', { phrase: true, title: true }));
    expect(tree('title:bank')).toEqual(word('bank', { title: true }));
    // a hyphen or # inside a word is part of it
    expect(tree('e-commerce C#')).toEqual({ kind: 'and', children: [word('e-commerce'), word('C#')] });
  });

  it('reads tags, fields and states', () => {
    expect(tree('#DataBreach')).toEqual({ kind: 'tag', key: 'databreach' });
    expect(tree('#"Keamanan Siber"')).toEqual({ kind: 'tag', key: 'keamanan siber' });
    expect(tree('tag:Ransomware')).toEqual({ kind: 'tag', key: 'ransomware' });
    expect(tree('lang:ID')).toEqual({ kind: 'lang', lang: 'id' });
    expect(tree('feed:"Krebs on Security"')).toEqual({ kind: 'feed', text: 'krebs on security' });
    expect(tree('author:Ármin')).toEqual({ kind: 'author', text: 'ármin' });
    expect(tree('unread')).toEqual({ kind: 'flag', flag: 'unread' });
    expect(tree('read Starred is:unread')).toEqual({
      kind: 'and',
      children: [
        { kind: 'flag', flag: 'read' },
        { kind: 'flag', flag: 'starred' },
        { kind: 'flag', flag: 'unread' },
      ],
    });
    // quoted, a state word is text
    expect(tree('"read"')).toEqual(word('read', { phrase: true }));
  });

  it('reads ages and days', () => {
    expect(tree('age:<7d')).toEqual({ kind: 'age', newer: true, ms: 7 * 86_400_000 });
    expect(tree('age:>1m')).toEqual({ kind: 'age', newer: false, ms: 30 * 86_400_000 });
    expect(tree('age:12h')).toEqual({ kind: 'age', newer: true, ms: 12 * 3_600_000 });
    expect(tree('age:<2w age:>1y')).toEqual({
      kind: 'and',
      children: [
        { kind: 'age', newer: true, ms: 14 * 86_400_000 },
        { kind: 'age', newer: false, ms: 365 * 86_400_000 },
      ],
    });
    expect(tree('since:2024-11-01 until:2024-11-30')).toEqual({
      kind: 'and',
      children: [
        { kind: 'date', bound: 'since', day: '2024-11-01' },
        { kind: 'date', bound: 'until', day: '2024-11-30' },
      ],
    });
  });

  it('an empty or blank query is no filter', () => {
    expect(parseQuery('')).toEqual({ ok: true, node: null });
    expect(parseQuery('   \t ')).toEqual({ ok: true, node: null });
  });
});

describe('parseQuery: structure', () => {
  const a = word('a');
  const b = word('b');
  const c = word('c');

  it('ANDs by juxtaposition and with AND', () => {
    expect(tree('a b')).toEqual({ kind: 'and', children: [a, b] });
    expect(tree('a AND b')).toEqual({ kind: 'and', children: [a, b] });
  });

  it('binds OR tighter than juxtaposition, as web search does', () => {
    expect(tree('a OR b c')).toEqual({ kind: 'and', children: [{ kind: 'or', children: [a, b] }, c] });
    expect(tree('#databreach OR #ransomware lang:id')).toEqual({
      kind: 'and',
      children: [
        { kind: 'or', children: [{ kind: 'tag', key: 'databreach' }, { kind: 'tag', key: 'ransomware' }] },
        { kind: 'lang', lang: 'id' },
      ],
    });
    expect(tree('a (b c)')).toEqual({ kind: 'and', children: [a, { kind: 'and', children: [b, c] }] });
    expect(tree('(a b) OR c')).toEqual({ kind: 'or', children: [{ kind: 'and', children: [a, b] }, c] });
  });

  it('negates any term with - or NOT', () => {
    expect(tree('-#sponsored')).toEqual({ kind: 'not', child: { kind: 'tag', key: 'sponsored' } });
    expect(tree('a NOT b')).toEqual({ kind: 'and', children: [a, { kind: 'not', child: b }] });
    expect(tree('-(a OR b)')).toEqual({ kind: 'not', child: { kind: 'or', children: [a, b] } });
    expect(tree('--a')).toEqual({ kind: 'not', child: { kind: 'not', child: a } });
    expect(tree('-lang:en')).toEqual({ kind: 'not', child: { kind: 'lang', lang: 'en' } });
  });

  it('lower-case or/and are words', () => {
    expect(tree('a or b')).toEqual({ kind: 'and', children: [a, word('or'), b] });
  });

  it('marks the last plain word as a prefix for the search box only', () => {
    expect(tree('kebocoran dat', true)).toEqual({ kind: 'and', children: [word('kebocoran'), word('dat', { prefix: true })] });
    expect(tree('kebocoran dat')).toEqual({ kind: 'and', children: [word('kebocoran'), word('dat')] });
    expect(tree('dat "x y" #t', true)).toEqual({
      kind: 'and',
      children: [word('dat', { prefix: true }), word('x y', { phrase: true }), { kind: 'tag', key: 't' }],
    });
  });

  it('finds the top-level terms and any language term', () => {
    const t = tree('#a (b c) OR d lang:id');
    expect(conjuncts(t).map((n) => n.kind)).toEqual(['tag', 'or', 'lang']);
    expect(mentionsLang(t)).toBe(true);
    expect(mentionsLang(tree('-(x OR lang:en)'))).toBe(true);
    expect(mentionsLang(tree('#a b'))).toBe(false);
  });
});

describe('parseQuery: problems say where and why', () => {
  const cases: [string, QueryProblemCode, number, string][] = [
    ['#', 'emptyTag', 1, '#'],
    ['ransomware #', 'emptyTag', 12, '#'],
    ['tag:', 'emptyValue', 1, 'tag:'],
    ['age:<', 'badAge', 1, 'age:<'],
    ['x age:<7x', 'badAge', 3, 'age:<7x'],
    ['age:7', 'badAge', 1, 'age:7'],
    ['since:2024-13-01', 'badDate', 1, 'since:2024-13-01'],
    ['until:2024-02-30', 'badDate', 1, 'until:2024-02-30'],
    ['since:yesterday', 'badDate', 1, 'since:yesterday'],
    ['"kebocoran data', 'unclosedQuote', 1, '"kebocoran data'],
    ['a title:"x', 'unclosedQuote', 3, 'title:"x'],
    ['OR', 'loneOr', 1, 'OR'],
    ['a OR', 'loneOr', 3, 'OR'],
    ['OR a', 'loneOr', 1, 'OR'],
    ['a OR OR b', 'loneOr', 3, 'OR'],
    ['(a OR) b', 'loneOr', 4, 'OR'],
    ['a AND', 'loneOr', 3, 'AND'],
    ['AND a', 'loneOr', 1, 'AND'],
    ['-', 'danglingNot', 1, '-'],
    ['a - b', 'danglingNot', 3, '-'],
    ['a NOT', 'danglingNot', 3, 'NOT'],
    ['(a b', 'unclosedParen', 1, '('],
    ['a b)', 'strayParen', 4, ')'],
    ['a ()', 'emptyParens', 3, '()'],
    ['autor:budi', 'unknownField', 1, 'autor:'],
    ['lang:indonesia', 'badLang', 1, 'lang:indonesia'],
    ['is:new', 'badState', 1, 'is:new'],
    ['a ...', 'nothingToSearch', 3, '...'],
    ['*', 'nothingToSearch', 1, '*'],
    ['" "', 'nothingToSearch', 1, '" "'],
  ];
  it.each(cases)('%s → %s at column %i', (text, code, column, token) => {
    const r = parseQuery(text);
    expect(r).toEqual({ ok: false, problem: { code, column, token } });
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const r = parseQuery('x🔥🔥 #');
    expect(r.ok ? null : r.problem.column).toBe(5);
  });

  it('refuses queries past the limits', () => {
    expect(parseQuery(Array.from({ length: 65 }, (_, i) => `w${i}`).join(' '))).toMatchObject({ ok: false, problem: { code: 'tooLong' } });
    expect(parseQuery('('.repeat(20) + 'a' + ')'.repeat(20))).toMatchObject({ ok: false, problem: { code: 'tooLong' } });
    expect(parseQuery('-'.repeat(30) + 'a')).toMatchObject({ ok: false, problem: { code: 'tooLong' } });
    expect(parseQuery('a'.repeat(1001))).toMatchObject({ ok: false, problem: { code: 'tooLong', column: 1001 } });
    expect(parseQuery(Array.from({ length: 64 }, (_, i) => `w${i}`).join(' ')).ok).toBe(true);
  });

  it('drops terminal control sequences from what is quoted back', () => {
    const r = parseQuery('\u001b[31m#');
    expect(r).toEqual({ ok: false, problem: { code: 'emptyTag', column: 1, token: '#' } });
  });

  it('every problem is one sentence in both interface languages', () => {
    for (const [text] of cases) {
      const r = parseQuery(text);
      if (r.ok) throw new Error(text);
      for (const lang of ['en', 'id'] as const) {
        const sentence = messages(lang).queryProblem(r.problem.code, r.problem.column, r.problem.token);
        expect(sentence).toMatch(/^[A-Z"].*[.]$/s);
        expect(sentence).not.toContain('\n');
        expect(sentence).toContain(String(r.problem.column));
      }
    }
    const p = { code: 'badAge' as const, column: 3, token: 'age:<' };
    expect(messages('en').queryProblem(p.code, p.column, p.token)).toBe('"age:<" at column 3 is not an age: write age:<7d or age:>1m (h hours, d days, w weeks, m months, y years).');
    expect(messages('id').queryProblem(p.code, p.column, p.token)).toBe('"age:<" di kolom 3 bukan umur artikel: tulis age:<7d atau age:>1m (h jam, d hari, w minggu, m bulan, y tahun).');
  });
});
