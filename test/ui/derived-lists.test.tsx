import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import type { TagCount } from '../../src/core/types.js';
import { App } from '../../src/ui/App.js';
import { BINDINGS, helpRows } from '../../src/ui/keymap.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, storeWith } from './fixtures.js';

let h: Harness | undefined;
let store: SqliteStore | undefined;
const bindings = [...BINDINGS];
afterEach(() => {
  cleanUpReaders();
  BINDINGS.splice(0, BINDINGS.length, ...bindings);
});

/** Wraps each object so that every property read is counted: a pass over the whole list reads each one. */
function counted<T extends object>(items: T[]): { items: T[]; reads: () => number; reset: () => void } {
  let n = 0;
  const wrapped = items.map(
    (x) =>
      new Proxy(x, {
        get(target, key, receiver) {
          n++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
  );
  return { items: wrapped, reads: () => n, reset: () => (n = 0) };
}

describe('lists derived from state are built when their inputs change, not on every key', () => {
  it('the hashtag view narrows and measures the tags once per tag list and query: a move reads only the rows drawn', async () => {
    store = storeWith([article({ id: 'a', title: 'Satu artikel', tags: ['malware'] })]);
    const n = 400;
    const tags = counted<TagCount>(Array.from({ length: n }, (_, i) => ({ tag: `tag${String(i).padStart(3, '0')}`, count: n - i })));
    vi.spyOn(store, 'tags').mockReturnValue(tags.items);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Satu artikel');
    await h.press('#');
    expect(h.frame()).toMatch(/^ › 400  #tag000/m);
    for (const key of ['Down', 'Down', 'PgDn', 'End', 'Up', 'Home']) {
      tags.reset();
      await h.press(key);
      // a filter of the list or a width over all counts would read every one of the 400 tags
      expect(tags.reads(), key).toBeLessThan(n);
    }
    await h.press('End');
    expect(h.frame()).toMatch(/^ ›   1  #tag399/m);
    // the counter sees a real rebuild: typing changes the query, so the list is narrowed again
    tags.reset();
    expect(await h.press('9')).toMatch(/^ › \s*\d+  #tag009/m);
    expect(tags.reads()).toBeGreaterThanOrEqual(n);
  });

  it('the help overlay reads the key table and measures its rows once per view and language, not on each scroll', async () => {
    store = storeWith([article({ id: 'a', title: 'Satu artikel' })]);
    const table = counted(bindings);
    BINDINGS.splice(0, BINDINGS.length, ...table.items);
    const services = testServices(store);
    const measured: string[] = [];
    const displayWidth = services.displayWidth;
    services.displayWidth = (s) => (measured.push(s), displayWidth(s));
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Satu artikel');
    const first = await h.press('?');
    expect(first).toContain('Tombol — Daftar artikel');
    expect(table.reads()).toBeGreaterThan(0);
    // the list's help is taller than the overlay, so j and k really scroll it
    const cells = new Set(helpRows('list', 'id').map((r) => r.keys));
    table.reset();
    measured.length = 0;
    const scrolled = await h.press('j');
    expect(scrolled).not.toEqual(first);
    await h.press('j');
    await h.press('Down');
    await h.press('k');
    expect(table.reads()).toBe(0);
    // the key column's width comes from measuring every row's keys on their own: not again on a scroll
    expect(measured.filter((s) => cells.has(s))).toEqual([]);
    expect(measured.length).toBeGreaterThan(0);
    // another view's help is built from the table again
    await h.press('Esc');
    await h.press('Enter');
    expect(await h.press('?')).toContain('Tombol — Artikel');
    expect(table.reads()).toBeGreaterThan(0);
  });
});
