/**
 * Property test of the query language end to end: whatever a person types (or a settings file holds), the
 * parser answers with a tree or a problem, never an exception, and every tree runs on a real cache (as a
 * list page, a count, a tag count, a hide rule and a drop rule) without an SQL or FTS5 error. Inputs are
 * built from the language's own pieces (operators, fields, quotes, parentheses, numbers, units) mixed
 * with arbitrary text, control characters and SQL/FTS5 syntax. The seed is fixed so a failure reproduces.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/core/i18n/index.js';
import { parseQuery } from '../../../src/core/query/parse.js';
import { openStore } from '../../../src/core/store/open-store.js';
import { NO_POLICY, type SqliteStore } from '../../../src/core/store/sqlite.js';
import { article, FETCH } from '../store/make.js';

const SEED = 0x0e11;

const PIECES = [
  '#', '-', '"', '(', ')', ':', '*', ' ', ' ', ' ', 'OR', 'AND', 'NOT', 'or', '|', '<', '>', '=', '\\', "'", ';', '%', '_',
  'lang:', 'feed:', 'author:', 'title:', 'tag:', 'age:', 'since:', 'until:', 'is:', 'foo:', 'unread', 'read', 'starred',
  'id', 'en', 'pt-br', '7d', '1m', '12h', '2w', '1y', '99999d', '0d', '2024-11-01', '2024-02-30', 'NEAR(', '^', '{', '}',
  'ransomware', 'data', 'bank', 'Ármin', 'ё', '日本', '🔥', '\u0000', '\u001b[31m', '\u202e', '\t', '\n', '""', '"a b"',
  "'; DROP TABLE articles; --", 'a*b', '-"x"', '--', '((', '))',
];

const queryText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((xs) => xs.join('')),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 16 }).map((xs) => xs.join(' ')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

let dir: string;
let store: SqliteStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-qprop-'));
  store = openStore(join(dir, 'cache.db')).store;
  store.saveFeed('https://p.test/feed.xml', { ...FETCH, title: 'Prop' }, [
    article('p1', { feedUrl: 'https://p.test/feed.xml', tags: ['ransomware', 'bank'], title: 'Ransomware data bank', author: 'Ármin' }),
    article('p2', { feedUrl: 'https://p.test/feed.xml', lang: 'en', tags: ['data'], title: 'Data 日本 🔥', summary: 'a b c' }),
  ]);
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('query language property', () => {
  it('parses anything into a tree or a problem, and every tree runs on the cache', () => {
    let trees = 0;
    let problems = 0;
    fc.assert(
      fc.property(queryText, fc.boolean(), (text, prefixLast) => {
        const r = parseQuery(text, { prefixLast });
        if (!r.ok) {
          problems++;
          expect(r.problem.column).toBeGreaterThanOrEqual(1);
          for (const lang of ['en', 'id'] as const) expect(messages(lang).queryProblem(r.problem.code, r.problem.column, r.problem.token)).not.toMatch(/[\u0000-\u001f]/);
          return;
        }
        if (r.node === null) return;
        trees++;
        const where = r.node;
        store.setPolicy({ ...NO_POLICY, timeZone: 'Asia/Jakarta' });
        store.query({ where, limit: 5 });
        store.query({ where, lang: 'id', tags: ['bank'], unread: true, search: 'data', limit: 5, offset: 1 });
        store.count({ where });
        store.count({ where, lang: 'en' });
        store.tags('id', ['ransomware'], where);
        // as an ignore rule: hide (every list, tag count and "Read also") and drop (a feed's write)
        store.setPolicy({ ...NO_POLICY, timeZone: 'Asia/Jakarta', hide: [where], drop: [{ rule: text, node: where }] });
        store.query({ limit: 5 });
        store.count({ lang: 'id' });
        store.tags();
        store.tags('en', ['data']);
        store.related('p1');
        store.saveFeed('https://q.test/feed.xml', FETCH, [article(`q${trees}`, { feedUrl: 'https://q.test/feed.xml', title: 'Ransomware data bank' })]);
      }),
      { seed: SEED, numRuns: 600 },
    );
    // the generators reach both outcomes often
    expect(trees).toBeGreaterThan(100);
    expect(problems).toBeGreaterThan(100);
  });
});
