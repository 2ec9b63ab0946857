import { describe, expect, it } from 'vitest';
import { en } from '../../../src/core/i18n/en.js';
import { id } from '../../../src/core/i18n/id.js';
import { cliMessages } from '../../../src/core/i18n/cli.js';
import { BANNED_ID, GLOSSARY } from '../../../src/core/i18n/glossary.js';
import { detectLocaleLang, messages } from '../../../src/core/i18n/index.js';

function sample(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'function') {
    // every message function takes numbers and strings; call it with both shapes and keep the longer text
    const fn = v as (...a: unknown[]) => string;
    return fn(...Array.from({ length: fn.length }, () => 'x'));
  }
  throw new Error(`not a message: ${String(v)}`);
}

describe('message tables', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message in either language (interface and command line)', () => {
    const flat = (t: object): [string, unknown][] =>
      Object.entries(t).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flat(v).map(([k2, v2]) => [`${k}.${k2}`, v2] as [string, unknown]) : [[k, v]]));
    expect(flat(cliMessages('id')).map(([k]) => k).sort()).toEqual(flat(cliMessages('en')).map(([k]) => k).sort());
    for (const table of [en, id, Object.fromEntries(flat(cliMessages('en'))), Object.fromEntries(flat(cliMessages('id')))]) {
      for (const [key, value] of Object.entries(table)) {
        expect(sample(value).trim(), key).not.toBe('');
        if (typeof value === 'function') expect(sample(value), key).not.toContain('undefined');
      }
    }
  });

  it('pluralise in English and write numbers the local way', () => {
    expect(en.refreshProgress(3, 12)).toBe('3/12 feeds');
    expect(id.refreshProgress(3, 12)).toBe('3/12 feed');
    expect(en.feedsFailed(1, 'e')).toBe('1 feed failed — press e');
    expect(en.feedsFailed(2, 'e')).toBe('2 feeds failed — press e');
    expect(id.feedsFailed(2, 'e')).toBe('2 feed gagal — tekan e');
    expect(cliMessages('en').refreshSummary(1, 1, 0)).toBe('1 feed refreshed, 1 new article.');
    expect(cliMessages('en').refreshSummary(12, 1234, 2)).toBe('12 feeds refreshed, 1,234 new articles, 2 failed.');
    expect(cliMessages('id').refreshSummary(12, 1234, 0)).toBe('12 feed dimuat ulang, 1.234 artikel baru.');
    expect(id.unreadCount(100000)).toBe('100.000 belum dibaca');
    expect(en.unreadCount(100000)).toBe('100,000 unread');
  });

  it('uses the newsroom words in Indonesian', () => {
    expect(id.postedLabel).toBe('Diposting');
    expect(id.readAlso).toBe('Baca juga');
    expect(id.shareLine('y', 'o')).toBe('Bagikan: y salin tautan · o buka di browser');
    expect(id.actToggleStar).toBe('tandai / hapus bintang');
    expect(cliMessages('id').cacheRecovered('a', 'b', 0, 'none')).toContain('(0 tanda sudah dibaca/berbintang dipulihkan)');
    // the list and the article are told apart by their titles
    expect([id.viewList, id.viewReader]).toEqual(['Daftar artikel', 'Artikel']);
    expect(id.viewHashtags).toBe('Tagar');
    expect(id.viewSearch).toBe('Cari');
    expect(id.viewHelp).toBe('Bantuan');
    expect(id.hintRefresh).toBe('muat ulang');
    expect(id.tooSmall(30, 8)).toBe('Terminal terlalu kecil (30×8); minimal 40×10');
    expect(messages('id')).toBe(id);
    expect(messages('en')).toBe(en);
  });
});

describe('the glossary', () => {
  /** Every Indonesian message, functions called with sample values, the CLI's nested help included. */
  const indonesian = (): [string, string][] => {
    const flat = (t: object, at = ''): [string, string][] =>
      Object.entries(t).flatMap(([k, v]): [string, string][] =>
        typeof v === 'object' && v !== null ? flat(v, `${at}${k}.`) : [[`${at}${k}`, sample(v)]],
      );
    return [...flat(id), ...flat(cliMessages('id'), 'cli.')];
  };

  it('keeps the coinages readers do not use out of every Indonesian message, reader and command line', () => {
    expect(BANNED_ID).toEqual(expect.arrayContaining(['umpan', 'tembolok', 'peramban', 'galat']));
    for (const [key, text] of indonesian()) {
      for (const word of BANNED_ID) {
        expect(new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'iu').test(text), `"${word}" in ${key}: ${text}`).toBe(false);
      }
    }
  });

  it('has none of the stiff or odd phrases a new user found (issue #10)', () => {
    const stiff = ['tanda baca', 'beri / cabut bintang', 'tampilkan tombol di tampilan ini', 'pada pemuatan terakhir'];
    for (const [key, text] of indonesian()) {
      for (const phrase of stiff) expect(text.toLowerCase(), `"${phrase}" in ${key}`).not.toContain(phrase);
    }
    expect(id.actHelp).toBe('daftar tombol di layar ini');
    expect(id.viewReader).not.toBe('Baca');
  });

  it('names one Indonesian term per English one, and uses the terms', () => {
    const ens = GLOSSARY.map((t) => t.en);
    expect(new Set(ens).size).toBe(ens.length);
    const all = indonesian().map(([, t]) => t.toLowerCase()).join('\n');
    for (const term of ['feed', 'cache', 'browser', 'kesalahan', 'tautan', 'tagar', 'artikel']) expect(all).toContain(term);
  });
});

describe('detectLocaleLang', () => {
  it.each([
    [{ LANG: 'id_ID.UTF-8' }, 'id'],
    [{ LANG: 'in_ID' }, 'id'],
    [{ LANG: 'id' }, 'id'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{}, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'ida' }, 'en'],
    [{ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'id_ID', LANG: 'id_ID' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: 'id_ID.UTF-8', LANG: 'en_US' }, 'id'],
    [{ LC_MESSAGES: 'en_US', LANG: 'id_ID' }, 'en'],
    [{ LC_ALL: 'id_ID@euro' }, 'id'],
  ] as const)('%j → %s', (env, want) => {
    expect(detectLocaleLang(env)).toBe(want);
  });
});
