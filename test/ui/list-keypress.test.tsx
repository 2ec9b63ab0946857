import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, storeWith } from './fixtures.js';

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(cleanUpReaders);

const id = (i: number): string => `a${String(i).padStart(3, '0')}`;

/** 60 articles, newest first a000, a001, …; at 80×24 the list shows 18 rows and queries 36 at a time. */
function sixty(): SqliteStore {
  const base = Date.parse('2026-11-28T07:00:00Z');
  return storeWith(
    Array.from({ length: 60 }, (_, i) =>
      article({ id: id(i), title: `Berita nomor ${i} ● ★ 東京`, published: new Date(base - i * 60_000).toISOString(), tags: ['malware'] }),
    ),
  );
}

describe('moving in the list', () => {
  it('j redraws only the row losing the bar and the row getting it, and runs no store query inside the loaded rows', async () => {
    store = sixty();
    const services = testServices(store);
    const drawn: string[] = [];
    services.onRowRender = (rowId) => drawn.push(rowId);
    const calls: string[] = [];
    for (const m of ['query', 'count', 'unreadCount', 'get', 'tags', 'related', 'alternate'] as const) {
      const real = store[m].bind(store) as (...a: unknown[]) => unknown;
      vi.spyOn(store, m).mockImplementation((...a: unknown[]) => {
        calls.push(m);
        return real(...a) as never;
      });
    }
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Berita nomor 0 ');
    expect(drawn).toEqual(Array.from({ length: 18 }, (_, i) => id(i)));

    drawn.length = 0;
    calls.length = 0;
    const frame = await h.press('j');
    expect(frame).toMatch(/^›●  1 jam  Cyberthreat.id  Berita nomor 1 /m);
    expect(frame).toContain('Berita nomor 1 ');
    expect(drawn.sort()).toEqual([id(0), id(1)]);
    expect(calls).toEqual([]);

    drawn.length = 0;
    for (let i = 0; i < 16; i++) await h.press('j');
    // selection on row 17 of 18: each press redrew two rows, still no query
    expect(drawn).toHaveLength(32);
    expect(calls).toEqual([]);
    expect(h.frame()).toMatch(/^›.*Berita nomor 17 /m);

    // the 19th row scrolls the window: rows are queried again only when the window leaves the loaded chunk
    drawn.length = 0;
    const scrolled = await h.press('j');
    expect(scrolled).toMatch(/^›.*Berita nomor 18 /m);
    expect(scrolled).not.toContain('Berita nomor 0 ');
    expect(calls).toEqual([]);
    expect(drawn).toContain(id(18));
  });

  it('a read mark redraws the marked row with its new marker and keeps the others', async () => {
    store = sixty();
    const services = testServices(store);
    const drawn: string[] = [];
    services.onRowRender = (rowId) => drawn.push(rowId);
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Berita nomor 0 ');
    await h.press('j');
    drawn.length = 0;
    const marked = await h.press('m');
    expect(marked).toMatch(/^›   1 jam .*Berita nomor 1 /m);
    expect(marked).toMatch(/^ ●  1 jam .*Berita nomor 0 /m);
    expect(drawn).toEqual([id(1)]);
    // moving away and back draws the row from its marked state, not a remembered unread one
    await h.press('j');
    const back = await h.press('k');
    expect(back).toMatch(/^›   1 jam .*Berita nomor 1 /m);
  });

  it('scrolling an opened (so marked read) article reuses its laid-out page instead of building it per key', async () => {
    store = storeWith([
      article({ id: 'long', title: 'Artikel panjang', contentHtml: Array.from({ length: 40 }, (_, i) => `<p>Paragraf ${i} tentang keamanan siber.</p>`).join('') }),
    ]);
    const services = testServices(store);
    let wraps = 0;
    const wrap = services.wrap;
    services.wrap = (text, width) => ((wraps += 1), wrap(text, width));
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Artikel panjang');
    await h.press('Enter');
    await h.waitFor('Paragraf 0 ');
    wraps = 0;
    await h.press('j');
    await h.press('j');
    const after = await h.press('j');
    expect(after).toContain('Paragraf 2 ');
    expect(wraps).toBe(0);
  });
});

