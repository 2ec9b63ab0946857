import { afterEach, describe, expect, it } from 'vitest';
import { problem } from '../../src/core/i18n/problem.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import type { RefreshResult } from '../../src/core/types.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { cleanUpReaders, sampleStore } from './fixtures.js';

/** The failed-feeds view (e) with more failures than fit at 80x24: every one can be reached, named as listed. */

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(cleanUpReaders);

const url = (k: number): string => `https://rusak${k}.example/feed.xml`;

describe('the failed-feeds view', () => {
  it.each(['id', 'en'] as const)('(%s) scrolls to every failed feed and names each as it is listed', async (lang) => {
    store = sampleStore();
    const failed: RefreshResult[] = Array.from({ length: 10 }, (_x, i) => ({
      url: url(i + 1), status: 'error', added: 0, updated: 0, error: problem('errNoSuchHost', `rusak${i + 1}.example`),
    }));
    const services = testServices(store, {
      lastRefreshAt: null,
      refresh: () => Promise.resolve(failed),
      feeds: failed.map((f, i) => ({ url: f.url, title: `Rusak Nomor ${i + 1}` })),
    });
    h = await renderUi(<App services={services} initialLang={lang} rows={24} columns={80} />);
    await h.waitFor(lang === 'id' ? '10 feed gagal' : '10 feeds failed');
    const top = await h.press('e');
    expect(top).toContain(`Rusak Nomor 1 · ${url(1)}`);
    expect(top).not.toContain('Rusak Nomor 10');
    expect(top.split('\n').at(-1)).toMatch(lang === 'id' ? /^ j\/k gulir · r muat ulang · Esc kembali/ : /^ j\/k scroll · r refresh · Esc back/);
    const bottom = await h.press('G');
    expect(bottom).toContain(`Rusak Nomor 10 · ${url(10)}`);
    expect(bottom).not.toContain(`Rusak Nomor 1 · `);
    // the last line of the page is the last body line: no empty rows after scrolling to the end
    const body = bottom.split('\n').slice(2, -3);
    expect(body.at(-1)?.trim()).not.toBe('');
    expect(await h.press('g')).toContain(`Rusak Nomor 1 · ${url(1)}`);
    const down = await h.press('j');
    expect(down).not.toContain(lang === 'id' ? 'Feed berikut gagal' : 'These feeds could not be read');
    // back, and open again: from the top
    await h.press('Esc');
    expect(await h.press('e')).toContain(lang === 'id' ? 'Feed berikut gagal' : 'These feeds could not be read');
  });
});
