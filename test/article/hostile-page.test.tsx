// A hostile article page end to end: through the built CLI (show --full, show --json --full) and the reader.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadExtractor } from '../../src/core/article/extract-thread.js';
import { loadPage } from '../../src/core/article/full.js';
import { createFetcher } from '../../src/core/feeds/http.js';
import { App } from '../../src/ui/App.js';
import { ALL, findInjection, MARKERS } from '../fixtures/hostile/payloads.js';
import { runCli, tempHome } from '../helpers/cli.js';
import { renderUi } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { serve, stringsIn, type TestServer } from '../security/server.js';
import { article, removeTempStores, storeWith } from '../ui/fixtures.js';

const SGR = /\u001b\[[0-9;]*m/g;
const SCRIPT_MARKERS = ['script-marker', 'handler-marker', 'style-marker', 'iframe-marker'];

function hostilePage(): string {
  const deep = '<div>'.repeat(5000) + `deep text ${ALL}` + '</div>'.repeat(5000);
  const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>Paragraf ${i} yang panjang tentang kebocoran data ${ALL} dan pelanggan yang terdampak oleh insiden ini.</p>`).join('\n');
  return `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Judul ${ALL}</title>
<meta name="author" content="Penulis ${ALL}">
<meta property="article:tag" content="tag${ALL}">
<link rel="alternate" hreflang="en" href="javascript:alert('alt')">
<script>var x = 'script-marker';</script><style>body { content: 'style-marker' }</style>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"H ${ALL.replace(/["\\]/g, '')}","author":{"name":"A \\u001b]52;c;aGk=\\u0007"}}</script>
</head><body>
<article><h1>Judul ${ALL}</h1>
<div class="byline">Oleh ${ALL}</div>
${paragraphs}
<p onclick="handler-marker()"><a href="javascript:alert('js-marker')">tautan js</a> <a href="data:text/html,PHNjcmlwdD4=">data</a> <a href="https://ok.example/${'\u200b'}zw">zw</a></p>
<iframe src="https://evil.example/iframe-marker"></iframe>
<img src="https://evil.example/x.png" alt="${'a'.repeat(1_000_000)}">
${deep}
<div class="related"><h3>Baca juga</h3><ul><li><a href="javascript:void('rel')">jahat ${ALL}</a></li><li><a href="https://ok.example/r">Baik ${ALL}</a></li></ul></div>
<div class="tags"><a href="/tag/x" rel="tag">#tag${ALL}</a></div>
</article></body></html>`;
}

let server: TestServer;
let home: string;
let id = '';
const PAGE = hostilePage();

beforeAll(async () => {
  server = await serve({
    '/feed.xml': (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Artikel</title><link>${server.base}/page</link><guid>${server.base}/page</guid><description>Satu kalimat.</description></item>
</channel></rss>`),
    '/page': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE),
  });
  home = tempHome('cyberread-hostile-page-');
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [{ url: `${server.base}/feed.xml`, lang: 'id' }] }));
  expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
  id = (JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as { id: string }[])[0]?.id ?? '';
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
  removeTempStores();
});

function assertClean(text: string): void {
  expect(findInjection(text)).toBeNull();
  for (const m of [...MARKERS, ...SCRIPT_MARKERS, 'js-marker']) expect(text).not.toContain(m);
}

describe('a hostile page', () => {
  it('show --full finishes quickly and prints no control sequence and no script text', async () => {
    const started = Date.now();
    const r = await runCli(['--home', home, 'show', id, '--full']);
    expect(Date.now() - started).toBeLessThan(30_000);
    assertClean(r.stdout);
    assertClean(r.stderr);
    expect([0, 1]).toContain(r.code);
    if (r.code === 0) expect(r.stdout).toContain('Paragraf 3 yang panjang');
  });

  it('show --json --full: no string holds a control sequence, a script or a non-http(s) link', async () => {
    const r = await runCli(['--home', home, 'show', id, '--json', '--full']);
    const value = JSON.parse(r.stdout) as { full: { related: { url: string }[]; alternates: { url: string }[]; image: { url: string } | null } };
    for (const s of stringsIn(value)) assertClean(s);
    for (const link of [...value.full.related, ...value.full.alternates, ...(value.full.image ? [value.full.image] : [])]) {
      expect(link.url).toMatch(/^https?:\/\//);
      expect(link.url).not.toContain('\u200b');
    }
  });

  it('the reader draws it with nothing but colour codes', async () => {
    const store = storeWith([article({ id: 'h1', title: 'Artikel', url: `${server.base}/page`, summary: 'Satu kalimat.', contentHtml: '<p>Satu kalimat.</p>' })]);
    const fetcher = createFetcher({});
    // read on the built extraction worker, as the reader does (npm test builds before vitest runs)
    const extractor = threadExtractor(new URL('../../dist/extract-worker.js', import.meta.url));
    try {
      const services = testServices(store, {
        pages: {
          get: (x) => store.getPage(x),
          wanted: () => true,
          load: (a, o) => loadPage(store, a, { fetch: (q) => fetcher.fetch(q), extract: extractor.extract }, o),
        },
      });
      const h = await renderUi(<App services={services} initialLang="id" rows={30} columns={100} />);
      await h.waitFor('Artikel');
      await h.press('Enter');
      await h.waitFor(() => store.getPage('h1') !== null, 20_000);
      await h.press('G');
      await h.press('g');
      for (const f of h.frames) assertClean(f.replace(SGR, ''));
      h.unmount();
    } finally {
      await extractor.close();
      await fetcher.close();
      store.close();
    }
  }, 40_000);
});
