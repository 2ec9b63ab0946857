// Full-article benchmark (issue 9): peak memory of `refresh --full` on FEEDS local feeds whose items carry one
// sentence and link to local pages, against a plain `refresh` of the same feeds in the same run; and the time
// from opening a cached article to its body lines (page vs feed text) as the reader computes them.
// Usage: npm run build && node bench/full.mjs   (BENCH_FEEDS=300 BENCH_ITEMS=50 by default)
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'cyberread.js');
const FEEDS = Number(process.env.BENCH_FEEDS ?? 300);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);
const TMP = mkdtempSync(join(tmpdir(), 'cyberread-bench-full-'));
const log = (...a) => console.error('[bench:full]', ...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const WORDS = 'serangan siber data pengguna bocor peretas keamanan jaringan server pemerintah bank laporan peneliti menemukan celah kerentanan sistem aplikasi ponsel kata sandi akun perusahaan menyatakan sedang menyelidiki insiden'.split(' ');
const words = (seed, n) => Array.from({ length: n }, (_, i) => WORDS[(seed * 31 + i * 7) % WORDS.length]).join(' ');
const page = (f, i) => `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Artikel ${f}-${i}</title>
<meta property="og:site_name" content="Situs ${f}"><meta name="author" content="Penulis ${f}">
<meta property="article:published_time" content="2026-11-2${i % 9}T05:00:00Z"><script>var tracking = 1;</script></head><body>
<div class="cookie-banner">Situs ini memakai cookie. <button>Setuju</button></div>
<nav><ul>${Array.from({ length: 12 }, (_, k) => `<li><a href="/c/${k}">Kategori ${k}</a></li>`).join('')}</ul></nav>
<div class="ad">Iklan</div><main><article><h1>Artikel ${f}-${i}</h1><div class="byline">Penulis ${f}</div>
${Array.from({ length: 8 }, (_, p) => `<p>${words(f * 1000 + i * 10 + p, 80)}.</p>`).join('\n')}
<div class="tags"><a href="/tag/t${i % 20}" rel="tag">#t${i % 20}</a> <a href="/tag/databreach" rel="tag">#databreach</a></div>
<div class="related"><h3>Baca juga</h3><ul>${Array.from({ length: 3 }, (_, k) => `<li><a href="/page/${f}/${(i + k + 1) % ITEMS}.html">Artikel ${f}-${(i + k + 1) % ITEMS}</a></li>`).join('')}</ul></div>
<section class="comments"><h3>Komentar</h3><p>komentar pembaca</p></section></article></main>
<aside><h3>Terpopuler</h3><ol>${Array.from({ length: 5 }, (_, k) => `<li><a href="/x/${k}">Populer ${k}</a></li>`).join('')}</ol></aside>
<footer>Hak cipta 2026</footer></body></html>`;

let pageHits = 0;
const server = createServer((req, res) => {
  const feed = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  if (feed) {
    const f = Number(feed[1]);
    const base = `http://127.0.0.1:${server.address().port}`;
    const items = Array.from({ length: ITEMS }, (_, i) => `<item><title>Artikel ${f}-${i}</title><link>${base}/page/${f}/${i}.html</link>
<guid>${base}/page/${f}/${i}.html</guid><pubDate>${new Date(Date.UTC(2026, 10, 1) + (f * ITEMS + i) * 60_000).toUTCString()}</pubDate>
<description>${words(f + i, 18)}.</description></item>`).join('\n');
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><language>id</language>${items}</channel></rss>`);
    return;
  }
  const p = /^\/page\/(\d+)\/(\d+)\.html$/.exec(req.url ?? '');
  if (p) {
    pageHits++;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: `"${p[1]}-${p[2]}"` }).end(page(Number(p[1]), Number(p[2])));
    return;
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

function home() {
  const dir = mkdtempSync(join(TMP, 'home-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ feeds: Array.from({ length: FEEDS }, (_, f) => ({ url: `${base}/feed/${f}.xml` })) }));
  return dir;
}

async function timed(args) {
  // /usr/bin/time -f %M gives the peak RSS in KiB; run through a child so the server here keeps answering
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const kib = Number(err.trim().split('\n').pop());
      resolve({ code, ms, mib: kib / 1024, out });
    });
  });
}

log(`${FEEDS} feeds × ${ITEMS} items`);
const plainHome = home();
const plain = await timed(['--home', plainHome, 'refresh']);
log('plain refresh', plain.ms.toFixed(0), 'ms', plain.mib.toFixed(1), 'MiB');
const fullHome = home();
pageHits = 0;
const full = await timed(['--home', fullHome, 'refresh', '--full']);
log('refresh --full', full.ms.toFixed(0), 'ms', full.mib.toFixed(1), 'MiB', pageHits, 'pages');
const summary = full.out.trim().split('\n').pop();

// Opening a cached article: what the reader computes before its frame (page row read + body rendered), page
// vs feed text, in this process on the cache refresh --full filled.
const { build } = await import('esbuild');
const entry = join(TMP, 'open.ts');
writeFileSync(entry, `export { openStore } from '${join(ROOT, 'src/core/store/open-store.ts')}';\nexport { renderHtml } from '${join(ROOT, 'src/core/render/html.ts')}';\n`);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(TMP, 'open.mjs'), external: ['better-sqlite3'], logLevel: 'error' });
const { createRequire } = await import('node:module');
globalThis.require = createRequire(import.meta.url);
const { openStore, renderHtml } = await import(join(TMP, 'open.mjs'));
const { store } = openStore(join(fullHome, 'cache.db'));
const ids = store.query({ limit: 200 }).map((a) => a.id);
const openFull = [];
const openFeed = [];
for (let round = 0; round < 3; round++) {
  for (const id of ids) {
    let t = process.hrtime.bigint();
    const a = store.get(id);
    const p = store.getPage(id);
    renderHtml(p && p.status === 'ok' ? p.html : a.contentHtml, { width: 98, imageLabel: 'Image', footnotes: false });
    openFull.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    const b = store.get(id);
    renderHtml(b.contentHtml || b.summary, { width: 98, imageLabel: 'Image', footnotes: false });
    openFeed.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
store.close();
server.close();
rmSync(TMP, { recursive: true, force: true });
const result = {
  feeds: FEEDS, items: ITEMS, pages: pageHits, summary,
  plain: { ms: Math.round(plain.ms), mib: Number(plain.mib.toFixed(1)) },
  full: { ms: Math.round(full.ms), mib: Number(full.mib.toFixed(1)) },
  open: { fullMs: Number(median(openFull).toFixed(3)), feedMs: Number(median(openFeed).toFixed(3)) },
};
console.log(JSON.stringify(result, null, 2));
