// The reader with article pages from 127.0.0.1: the feed text at once with a loading line, every key working,
// the full text swapped in, `f`, Esc cancelling, and "Baca juga" from the page.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { threadExtractor } from '../../src/core/article/extract-thread.js';
import { loadPage, pageWanted } from '../../src/core/article/full.js';
import { createFetcher, type Fetcher } from '../../src/core/feeds/http.js';
import { htmlToPlainText } from '../../src/core/html.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import type { UiServices } from '../../src/ui/services.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { serve, type TestServer } from '../security/server.js';
import { article, cleanUpReaders, storeWith } from '../ui/fixtures.js';
import { pages, PATHS, RELATED_ID } from './fixtures.js';

// Pages are read on the built extraction worker, as the reader does (npm test builds before vitest runs).
const extractor = threadExtractor(new URL('../../dist/extract-worker.js', import.meta.url));
let server: TestServer;
let fetcher: Fetcher;
let h: Harness | undefined;
let store: SqliteStore | undefined;
/** Resolves the page request that is held back, if any. */
let release: (() => void) | null = null;
let aborted = 0;

beforeAll(async () => {
  server = await serve({
    [PATHS.idPage]: (req, res) => {
      const send = () => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages(server.base).id);
      if (!req.url?.includes('held')) {
        send();
        return;
      }
      release = send;
      req.on('close', () => {
        if (!res.writableEnded) aborted++;
      });
    },
  });
  fetcher = createFetcher({ concurrency: 4, perHost: 2, limits: { connectTimeoutMs: 5000, firstByteTimeoutMs: 10_000, bodyTimeoutMs: 10_000 } });
});
afterAll(async () => {
  await extractor.close();
  await fetcher.close();
  await server.close();
});
afterEach(() => {
  cleanUpReaders();
  release = null;
});

function services(s: SqliteStore): UiServices & { opened: string[] } {
  return testServices(s, {
    pages: {
      get: (id) => s.getPage(id),
      wanted: (a) => pageWanted({ url: a.feedUrl }, htmlToPlainText(a.contentHtml) || a.summary),
      load: (a, o) => loadPage(s, a, { fetch: (r) => fetcher.fetch(r), extract: extractor.extract }, o),
    },
  });
}

function excerptStore(path: string): SqliteStore {
  return storeWith([
    article({
      id: 'rekam',
      title: 'Data Rekam Medis Pasien RS Harapan Sehat Terbuka di Penyimpanan Cloud',
      url: `${server.base}${path}`,
      author: null,
      published: '2026-11-21T07:00:00.000Z',
      summary: 'Sekitar 180 ribu berkas pasien dapat diakses bebas dari internet.',
      contentHtml: '<p>Sekitar 180 ribu berkas pasien dapat diakses bebas dari internet.</p>',
      tags: ['databreach'],
    }),
    article({
      id: 'niaga',
      title: 'Data 2,3 Juta Pelanggan Marketplace NiagaKu Diduga Bocor',
      url: RELATED_ID,
      published: '2026-11-20T07:00:00.000Z',
      contentHtml: `<p>${'Isi lengkap artikel NiagaKu. '.repeat(200)}</p>`,
      tags: ['ecommerce'],
    }),
  ]);
}

describe('the reader with full articles', () => {
  it('shows the feed text and a loading line at once, keeps keys working, then swaps the full text in at the top', async () => {
    store = excerptStore(`${PATHS.idPage}?held`);
    h = await renderUi(<App services={services(store)} initialLang="id" rows={30} columns={100} />);
    await h.waitFor('Data Rekam Medis');
    const opened = await h.press('Enter');
    expect(opened).toContain('Sekitar 180 ribu berkas pasien dapat diakses bebas dari internet.');
    await h.waitFor('Memuat artikel lengkap…');
    // keys still work while the page loads: a star, the help, back to the article
    expect(await h.press('s')).toContain('Ditandai bintang');
    expect(await h.press('?')).toContain('artikel lengkap / teks feed');
    await h.press('Esc');
    expect(h.frame()).toContain('Memuat artikel lengkap…');
    await h.waitFor(() => release !== null, 5000);
    release?.();
    await h.waitFor('Direktur RS Harapan Sehat', 5000);
    const full = h.frame();
    // the header says which text is shown
    expect(full).toContain('Artikel · artikel lengkap');
    expect(h.frame()).not.toContain('Memuat artikel lengkap…');
    // the byline now has the page's author; the page starts at its top
    expect(h.frame()).toContain('Rina Kartikasari · Sabtu, 21 November 2026 - 14:00 WIB');
    expect(h.frame()).toContain('[IND] | ENG');
    expect(full).toContain('Tab baca juga');
    // the page's body has no picture of its own (the site prints it above the body): its og:image and the
    // figure's caption still give the illustration line, first under the rule
    const rows = full.split('\n').map((l) => l.trim());
    const rule = rows.findIndex((l, k) => k > 2 && /^─{20,}$/.test(l));
    expect(rows.slice(rule + 1, rule + 3)).toEqual(['[Ilustrasi]', 'Ilustrasi rekam medis elektronik. (Cyberthreat.id)']);
    for (const chrome of ['Terpopuler', 'Setuju', 'Komentar', 'Iklan', 'Beranda']) expect(h.frame()).not.toContain(chrome);
    // f: the feed text, said in the header; f again: the full article
    const feed = await h.press('f');
    expect(feed).toContain('teks feed');
    expect(feed).not.toContain('Direktur RS Harapan Sehat');
    expect(await h.press('f')).toContain('Direktur RS Harapan Sehat');
  });

  it('lists the page\'s "Baca juga" first: a cached one opens in place, another in the browser', async () => {
    store = excerptStore(PATHS.idPage);
    const svc = services(store);
    h = await renderUi(<App services={svc} initialLang="id" rows={30} columns={100} />);
    await h.waitFor('Data Rekam Medis');
    await h.press('Enter');
    await h.waitFor('Direktur RS Harapan Sehat', 5000);
    const bottom = await h.press('G');
    expect(bottom).toContain('Baca juga');
    const lines = bottom.split('\n');
    const at = lines.findIndex((l) => l.includes('Baca juga'));
    const entries = lines.slice(at + 1).filter((l) => l.includes('›'));
    expect(entries.some((l) => l.includes('Data 2,3 Juta Pelanggan Marketplace NiagaKu') && !l.includes('↗'))).toBe(true);
    expect(entries.some((l) => l.includes('↗'))).toBe(true);
    // Tab, then down to the first entry that is not cached: Enter opens it outside
    await h.press('Tab');
    const external = entries.findIndex((l) => l.includes('↗'));
    for (let k = 0; k < external; k++) await h.press('Down');
    await h.press('Enter');
    await h.waitFor(() => svc.opened.length === 1, 3000);
    expect(svc.opened[0]).toMatch(/^https:\/\/cyberthreat\.id\/read\//);
    // and the cached one opens in place
    await h.press('Tab');
    await h.press('Tab');
    const cached = entries.findIndex((l) => l.includes('NiagaKu'));
    for (let k = 0; k < cached; k++) await h.press('Down');
    expect(await h.press('Enter')).toContain('Isi lengkap artikel NiagaKu.');
  });

  it('Esc while the page loads cancels the request and stores nothing', async () => {
    store = excerptStore(`${PATHS.idPage}?held`);
    h = await renderUi(<App services={services(store)} initialLang="id" rows={30} columns={100} />);
    await h.waitFor('Data Rekam Medis');
    await h.press('Enter');
    await h.waitFor('Memuat artikel lengkap…');
    await h.waitFor(() => release !== null, 5000);
    const list = await h.press('Esc');
    expect(list).toContain('Data Rekam Medis');
    await h.waitFor(() => aborted === 1, 3000);
    expect(store.getPage('rekam')).toBeNull();
  });
});
