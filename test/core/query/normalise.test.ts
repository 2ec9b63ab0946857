import { describe, expect, it } from 'vitest';
import { ftsQuery, normaliseQuery, tagKey } from '../../../src/core/query/normalise.js';

describe('tagKey', () => {
  it('folds case, width, surrounding space and leading #', () => {
    expect(tagKey('  #DataBreach ')).toBe('databreach');
    expect(tagKey('##ＡＩ')).toBe('ai');
    expect(tagKey('# Ransomware')).toBe('ransomware');
    expect(tagKey('Keamanan Siber')).toBe('keamanan siber');
  });
});

describe('normaliseQuery', () => {
  it('fills defaults and drops empty filters', () => {
    expect(normaliseQuery({})).toEqual({ limit: 50, offset: 0 });
    expect(normaliseQuery({ tags: [' ', '#'], lang: ' ', search: '   ', feedUrl: '', unread: false, starred: false })).toEqual({
      limit: 50,
      offset: 0,
    });
  });

  it('sanitises and dedupes tags by key, keeping the first spelling', () => {
    expect(normaliseQuery({ tags: ['#DataBreach', 'databreach', ' TrendMicro\u001b[31m ', 'DATABREACH'] }).tags).toEqual([
      'DataBreach',
      'TrendMicro',
    ]);
  });

  it('lower-cases lang, trims search and feed, keeps true flags', () => {
    expect(normaliseQuery({ lang: 'EN', search: '  kebocoran data ', feedUrl: ' https://x.test/f ', unread: true, starred: true })).toEqual({
      lang: 'en',
      search: 'kebocoran data',
      feedUrl: 'https://x.test/f',
      unread: true,
      starred: true,
      limit: 50,
      offset: 0,
    });
  });

  it('clamps limit to 1..1000 and offset to >= 0', () => {
    expect(normaliseQuery({ limit: 0, offset: -5 })).toMatchObject({ limit: 1, offset: 0 });
    expect(normaliseQuery({ limit: 5000, offset: 7.9 })).toMatchObject({ limit: 1000, offset: 7 });
    expect(normaliseQuery({ limit: Number.NaN, offset: Number.POSITIVE_INFINITY })).toMatchObject({ limit: 50, offset: 0 });
  });
});

describe('ftsQuery', () => {
  it('quotes every word, ANDs them and prefix-matches the last', () => {
    expect(ftsQuery('kebocoran data')).toBe('"kebocoran" AND "data"*');
    expect(ftsQuery('  peretas  ')).toBe('"peretas"*');
  });

  it('makes operators and quotes plain text', () => {
    expect(ftsQuery('say "hi" AND NEAR( x* -y')).toBe('"say" AND """hi""" AND "AND" AND "NEAR(" AND "x*" AND "-y"*');
  });

  it('returns null when nothing is searchable', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery(' " * - ( ')).toBeNull();
    expect(ftsQuery('\u001b[2J')).toBeNull();
  });
});
