import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packHtml } from '../../../src/core/store/prepare.js';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import { article, FETCH } from './make.js';

const FEED = 'https://example.test/feed.xml';
const LONG = Array.from({ length: 40 }, (_, i) => `<p>Paragraf ${i}: serangan siber “menimpa” bank — 日本語 👩‍💻 &amp; lainnya.</p>`).join('');

let dir: string;
let file: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-pack-'));
  file = join(dir, 'cache.db');
  store = openStore(file).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function columnTypes(): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, typeof(content_html) AS t FROM articles ORDER BY id').all() as { id: string; t: string }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.t]));
  } finally {
    db.close();
  }
}

describe('packed article bodies', () => {
  it('packs long bodies, keeps short ones as text, and gives both back exactly', () => {
    store.saveFeed(FEED, FETCH, [article('long', { contentHtml: LONG }), article('short', { contentHtml: '<p>Pendek.</p>' })]);
    expect(columnTypes()).toEqual({ long: 'blob', short: 'text' });
    expect(store.get('long')?.contentHtml).toBe(LONG);
    expect(store.get('short')?.contentHtml).toBe('<p>Pendek.</p>');
    const listed = store.query({ limit: 10 });
    expect(listed.map((a) => a.contentHtml).sort()).toEqual([LONG, '<p>Pendek.</p>'].sort());
  });

  it('shows a packed body in JSON, spreads and key order like a plain field, and can be replaced', () => {
    store.saveFeed(FEED, FETCH, [article('long', { contentHtml: LONG })]);
    const a = store.get('long');
    expect(a).not.toBeNull();
    if (a === null) return;
    store.saveFeed(FEED, FETCH, [article('short', { contentHtml: '<p>Pendek.</p>' })]);
    expect(Object.keys(a)).toEqual(Object.keys(store.get('short') ?? {}));
    expect(JSON.parse(JSON.stringify(a)).contentHtml).toBe(LONG);
    expect({ ...a }.contentHtml).toBe(LONG);
    a.contentHtml = '<p>lain</p>';
    expect(a.contentHtml).toBe('<p>lain</p>');
  });

  it('reads bodies stored as text by earlier versions', () => {
    store.saveFeed(FEED, FETCH, [article('old', { contentHtml: LONG })]);
    store.close();
    const db = new Database(file);
    db.prepare('UPDATE articles SET content_html = ? WHERE id = ?').run(LONG, 'old');
    db.close();
    store = openStore(file).store;
    expect(columnTypes()).toEqual({ old: 'text' });
    expect(store.get('old')?.contentHtml).toBe(LONG);
  });

  it('packs only bodies long enough to gain', () => {
    expect(packHtml('<p>x</p>')).toBe('<p>x</p>');
    expect(packHtml(LONG)).toBeInstanceOf(Uint8Array);
  });
});
