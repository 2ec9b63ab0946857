// A page fetch that fails is told as the page's failure, saying what happened: a site that was reached but
// cut the page off is not "could not be reached", a redirect loop is not "not an http(s) address". The same
// reason in the command line (`show --full`) and in the reader, in both languages.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPage, pageWanted } from '../../src/core/article/full.js';
import { createFetcher, type Fetcher } from '../../src/core/feeds/http.js';
import { htmlToPlainText } from '../../src/core/html.js';
import { cliMessages } from '../../src/core/i18n/cli.js';
import { en } from '../../src/core/i18n/en.js';
import { id } from '../../src/core/i18n/id.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { runCli, tempHome } from '../helpers/cli.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { serve, type TestServer } from '../security/server.js';
import { article, cleanUpReaders, storeWith } from '../ui/fixtures.js';

let server: TestServer;
let home: string;
let fetcher: Fetcher;

const item = (path: string, title: string) =>
  `<item><title>${title}</title><link>BASE${path}</link><guid>${path}</guid><description>Satu kalimat saja.</description><pubDate>Fri, 27 Nov 2026 10:00:00 +0700</pubDate></item>`;

beforeAll(async () => {
  server = await serve({
    '/feed.xml': (_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${server.base}/</link>${[item('/cut', 'Halaman terpotong'), item('/loop', 'Halaman berputar')].join('').replaceAll('BASE', server.base)}</channel></rss>`),
    '/cut': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': '5000' });
      res.write('<html><body><main>Awal artikel');
      setTimeout(() => res.destroy(), 20);
    },
    '/loop': (_req, res) => res.writeHead(302, { Location: '/loop2' }).end(),
    '/loop2': (_req, res) => res.writeHead(302, { Location: '/loop' }).end(),
  });
  home = tempHome('cyberread-page-reasons-');
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [{ url: `${server.base}/feed.xml`, lang: 'id', fullText: 'never' }] }));
  expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
  fetcher = createFetcher({ concurrency: 2, perHost: 2 });
}, 30_000);
afterAll(async () => {
  await fetcher.close();
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

describe('show --full on a page that fails', () => {
  it.each([
    ['en', '/cut', en.pageErrIncomplete],
    ['id', '/cut', id.pageErrIncomplete],
    ['en', '/loop', en.pageErrRedirect],
    ['id', '/loop', id.pageErrRedirect],
  ] as const)('(%s) %s: the reason says what happened to the page', async (lang, path, reason) => {
    const list = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as { id: string; url: string }[];
    const target = list.find((a) => a.url === `${server.base}${path}`)?.id ?? '';
    const r = await runCli(['--home', home, '--lang', lang, 'show', target, '--full'], { env: { CYBERREAD_TIMEOUT_MS: '5000' } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`cyberread: ${cliMessages(lang).fullFailed(reason)}`);
  }, 20_000);
});

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(cleanUpReaders);

describe('the reader on a page that fails', () => {
  it.each([
    ['en', en],
    ['id', id],
  ] as const)('(%s) f says the page came cut off, not that the site could not be reached', async (lang, m) => {
    store = storeWith([article({ id: 'cut', lang, title: 'Halaman terpotong', url: `${server.base}/cut`, contentHtml: '<p>Satu kalimat saja.</p>' })]);
    const s = store;
    const services = testServices(s, {
      pages: {
        get: (i) => s.getPage(i),
        wanted: (a) => pageWanted({ url: a.feedUrl, fullText: 'never' }, htmlToPlainText(a.contentHtml) || a.summary),
        load: (a, o) => loadPage(s, a, { fetch: (r) => fetcher.fetch(r), extract: () => Promise.reject(new Error('not reached')) }, o),
      },
    });
    h = await renderUi(<App services={services} initialLang={lang} rows={30} columns={120} />);
    await h.waitFor('Halaman terpotong');
    await h.press('Enter');
    await h.press('f');
    await h.waitFor(m.fullNotAvailable(m.pageErrIncomplete), 5000);
    expect(h.frame()).not.toContain(m.pageErrNetwork);
  });
});
