// Full-article benchmark (issue 9), written to BENCHMARKS.md between <!-- full:start --> and <!-- full:end -->:
// - peak RSS, wall and CPU time of `refresh --full` on FEEDS local feeds whose items carry one sentence and link
//   to local pages, against a plain `refresh` of the same feeds in the same run (RUNS of each, alternated);
// - opening a cached article in the reader (a pseudo-terminal, bench/pty_driver.py): from the key to the frame
//   showing it, a full article (page cached by refresh --full) against a feed article (the same articles, feed
//   text only), both in the same run; and what the reader computes for it in-process (page row + render).
// Usage: npm run build && node bench/full.mjs, or BENCH_ONLY=full npm run bench; `npm run bench` runs it last.
// BENCH_FULL_FEEDS=300 BENCH_FULL_ITEMS=50 BENCH_FULL_RUNS=3 BENCH_FULL_OPENS=40 by default; BENCH_WRITE=0 prints
// the section without writing BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');
const CLI = join(ROOT, 'bin', 'cyberread.js');
const FEEDS = Number(process.env.BENCH_FULL_FEEDS ?? 300);
const ITEMS = Number(process.env.BENCH_FULL_ITEMS ?? 50);
const RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3);
/** Articles opened one after the other (`n`) in each reader run. */
const OPENS = Number(process.env.BENCH_FULL_OPENS ?? 40);
const READER_RUNS = 3;
mkdirSync(WORK, { recursive: true });
const TMP = mkdtempSync(join(tmpdir(), 'cyberread-bench-full-'));
const log = (...a) => console.error('[bench:full]', ...a);
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0) : 'n/a');
const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
};

const WORDS = 'serangan siber data pengguna bocor peretas keamanan jaringan server pemerintah bank laporan peneliti menemukan celah kerentanan sistem aplikasi ponsel kata sandi akun perusahaan menyatakan sedang menyelidiki insiden'.split(' ');
const words = (seed, n) => Array.from({ length: n }, (_, i) => WORDS[(seed * 31 + i * 7) % WORDS.length]).join(' ');
const body = (f, i) => Array.from({ length: 8 }, (_, p) => `<p>${words(f * 1000 + i * 10 + p, 80)}.</p>`).join('\n');
const page = (f, i) => `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Artikel ${f}-${i}</title>
<meta property="og:site_name" content="Situs ${f}"><meta name="author" content="Rina Kartika ${f}">
<meta property="og:image" content="/img/${f}/${i}.jpg">
<meta property="article:published_time" content="2026-11-2${i % 9}T05:00:00Z"><script>var tracking = 1;</script></head><body>
<div class="cookie-banner">Situs ini memakai cookie. <button>Setuju</button></div>
<nav><ul>${Array.from({ length: 12 }, (_, k) => `<li><a href="/c/${k}">Kategori ${k}</a></li>`).join('')}</ul></nav>
<div class="ad">Iklan</div><main><article><h1>Artikel ${f}-${i}</h1><div class="byline">Oleh: Rina Kartika ${f}</div>
${body(f, i)}
<div class="tags"><a href="/tag/t${i % 20}" rel="tag">#t${i % 20}</a> <a href="/tag/databreach" rel="tag">#databreach</a></div>
<div class="related"><h3>Baca juga</h3><ul>${Array.from({ length: 3 }, (_, k) => `<li><a href="/page/${f}/${(i + k + 1) % ITEMS}.html">Artikel ${f}-${(i + k + 1) % ITEMS}</a></li>`).join('')}</ul></div>
<section class="comments"><h3>Komentar</h3><p>komentar pembaca</p></section></article></main>
<aside><h3>Terpopuler</h3><ol>${Array.from({ length: 5 }, (_, k) => `<li><a href="/x/${k}">Populer ${k}</a></li>`).join('')}</ol></aside>
<footer>Hak cipta 2026</footer></body></html>`;

let pageHits = 0;
const server = createServer((req, res) => {
  // /feed/N.xml: one sentence per item; /whole/N.xml: the same items carrying the page's body and author
  const feed = /^\/(feed|whole)\/(\d+)\.xml$/.exec(req.url ?? '');
  if (feed) {
    const f = Number(feed[2]);
    const whole = feed[1] === 'whole';
    const base = `http://127.0.0.1:${server.address().port}`;
    const items = Array.from({ length: ITEMS }, (_, i) => `<item><title>Artikel ${f}-${i}</title><link>${base}/page/${f}/${i}.html</link>
<guid>${base}/page/${f}/${i}.html</guid><pubDate>${new Date(Date.UTC(2026, 10, 1) + (f * ITEMS + i) * 60_000).toUTCString()}</pubDate>
<description>${words(f + i, 18)}.</description>${whole ? `<dc:creator>Rina Kartika ${f}</dc:creator><category>t${i % 20}</category><category>databreach</category><content:encoded><![CDATA[${body(f, i)}]]></content:encoded><media:content url="${base}/img/${f}/${i}.jpg" medium="image"/>` : ''}</item>`).join('\n');
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Feed ${f}</title><language>id</language>${items}</channel></rss>`);
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

function home(fullText, kind = 'feed') {
  const dir = mkdtempSync(join(TMP, 'home-'));
  const feeds = Array.from({ length: FEEDS }, (_, f) => ({ url: `${base}/${kind}/${f}.xml`, ...(fullText ? { fullText } : {}) }));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ lang: 'id', feeds }));
  return dir;
}

/** One CLI run under /usr/bin/time: wall ms, CPU ms (user + sys) and peak RSS; the server here keeps answering. */
function timed(args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', process.execPath, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const [kib, user, sys] = err.trim().split('\n').pop().split(' ').map(Number);
      resolve({ code, ms, cpuMs: (user + sys) * 1000, mib: kib / 1024, out });
    });
  });
}

const loadBefore = uptime();
log(`${FEEDS} feeds × ${ITEMS} items, ${RUNS} runs each; ${loadBefore}`);
const plain = [];
const full = [];
let plainHome = null;
let fullHome = null;
let summary = '';
for (let r = 0; r < RUNS; r++) {
  const ph = home();
  const a = await timed(['--home', ph, 'refresh']);
  if (a.code !== 0) log('plain refresh exited', a.code);
  plain.push(a);
  log(`plain refresh ${a.ms.toFixed(0)} ms, CPU ${a.cpuMs.toFixed(0)} ms, ${a.mib.toFixed(1)} MiB`);
  const fh = home();
  pageHits = 0;
  const b = await timed(['--home', fh, 'refresh', '--full']);
  if (b.code !== 0) log('refresh --full exited', b.code);
  full.push({ ...b, pages: pageHits });
  summary = b.out.trim().split('\n').pop();
  log(`refresh --full ${b.ms.toFixed(0)} ms, CPU ${b.cpuMs.toFixed(0)} ms, ${b.mib.toFixed(1)} MiB, ${pageHits} pages: ${summary}`);
  if (r === RUNS - 1) {
    plainHome = ph;
    fullHome = fh;
  } else {
    rmSync(ph, { recursive: true, force: true });
    rmSync(fh, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- opening a cached article in the reader
// The newest article is feed FEEDS-1's last item; `n` goes to the next older one.
const titleAt = (k) => `Artikel ${FEEDS - 1 - Math.floor(k / ITEMS)}-${ITEMS - 1 - (k % ITEMS)}`;
const DRIVER = join(ROOT, 'bench', 'pty_driver.py');
function readerRun(dir, markers) {
  const steps = Array.from({ length: OPENS }, (_, k) => ({ keys: k === 0 ? '\r' : 'n', markers: [titleAt(k), ...markers], keep: k === 1 }));
  const out = execFileSync('python3', [DRIVER, JSON.stringify({ mode: 'tui', cmd: [process.execPath, CLI, '--home', dir], marker: titleAt(0), steps, rows: 40, cols: 120 })], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop());
}
// The plain home keeps its feed text: no page is fetched by itself there (fullText never), so the same articles
// open as feed articles; the full home opens them with their cached pages.
const plainCfg = JSON.parse(readFileSync(join(plainHome, 'config.json'), 'utf8'));
plainCfg.feeds = plainCfg.feeds.map((f) => ({ ...f, fullText: 'never' }));
writeFileSync(join(plainHome, 'config.json'), JSON.stringify(plainCfg));
// A second baseline: the same articles from feeds that carry the whole body themselves (no page).
const wholeHome = home('never', 'whole');
const w = await timed(['--home', wholeHome, 'refresh']);
if (w.code !== 0) log('refresh of the whole-text feeds exited', w.code);
const openFeedPty = [];
const openWholePty = [];
const openFullPty = [];
let fullFrameOk = true;
for (let r = 0; r < READER_RUNS; r++) {
  const a = readerRun(plainHome, []);
  const c = readerRun(wholeHome, []);
  const b = readerRun(fullHome, ['artikel lengkap']);
  if (a.error || b.error || c.error) log('reader run failed', a.error ?? b.error ?? c.error);
  // the first open (Enter) also loads the reader's view code; the rest are `n`
  openFeedPty.push(...(a.step_ms ?? []).slice(1));
  openWholePty.push(...(c.step_ms ?? []).slice(1));
  openFullPty.push(...(b.step_ms ?? []).slice(1));
  const shown = (b.output ?? [])[0] ?? '';
  if (process.env.BENCH_DEBUG) writeFileSync(join(WORK, 'full-shown.txt'), shown);
  // the page's byline and illustration, and none of its chrome: the frame timed is the full article
  if (!/Rina Kartika \d+ · /.test(shown) || !shown.includes('[Ilustrasi]') || /Terpopuler|Komentar|Setuju/.test(shown)) fullFrameOk = false;
  log(`reader run ${r}: excerpt ${f1(median(a.step_ms ?? []))} ms, whole feed ${f1(median(c.step_ms ?? []))} ms, full ${f1(median(b.step_ms ?? []))} ms (medians of ${OPENS - 1} opens)`);
}
const missed = [...openFeedPty, ...openWholePty, ...openFullPty].filter((x) => x === null).length;

// What the reader computes before that frame, in this process: page row read + body rendered (page vs feed text).
const entry = join(WORK, 'full-open.ts');
writeFileSync(entry, [
  `export { openStore } from '${join(ROOT, 'src/core/store/open-store.ts')}';`,
  `export { renderHtml } from '${join(ROOT, 'src/core/render/html.ts')}';`,
  `export { withIllustration, illustrationOf } from '${join(ROOT, 'src/core/article/illustration.ts')}';`,
].join('\n'));
globalThis.require = createRequire(import.meta.url);
const { openStore, renderHtml, withIllustration, illustrationOf } = (await bundled(WORK, { 'full-open': entry }))['full-open'];
const { store } = openStore(join(fullHome, 'cache.db'));
const ids = store.query({ limit: 200 }).map((a) => a.id);
const openFull = [];
const openFeed = [];
const render = (html, image) => renderHtml(withIllustration(html, image), { width: 98, imageLabel: 'Image', footnotes: false });
for (let round = 0; round < 5; round++) {
  for (const id of ids) {
    let t = process.hrtime.bigint();
    const a = store.get(id);
    const p = store.getPage(id);
    render(p && p.status === 'ok' ? p.html : a.contentHtml || a.summary, illustrationOf(p?.image, a.image));
    openFull.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    const b = store.get(id);
    render(b.contentHtml || b.summary, illustrationOf(null, b.image));
    openFeed.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
store.close();
server.close();
const loadAfter = uptime();
rmSync(TMP, { recursive: true, force: true });

const P = { ms: median(plain.map((x) => x.ms)), cpu: median(plain.map((x) => x.cpuMs)), mib: median(plain.map((x) => x.mib)) };
const F = { ms: median(full.map((x) => x.ms)), cpu: median(full.map((x) => x.cpuMs)), mib: median(full.map((x) => x.mib)), maxMib: Math.max(...full.map((x) => x.mib)) };
const result = {
  feeds: FEEDS, items: ITEMS, runs: RUNS, pages: full.map((x) => x.pages), summary, loadBefore, loadAfter,
  plain: P, full: F,
  reader: {
    feedMs: median(openFeedPty), wholeMs: median(openWholePty), fullMs: median(openFullPty),
    feedP95: p95(openFeedPty), wholeP95: p95(openWholePty), fullP95: p95(openFullPty), opens: openFullPty.length, missed, fullFrameOk,
  },
  compute: { fullMs: median(openFull), feedMs: median(openFeed) },
};
console.log(JSON.stringify(result, null, 2));

const L = ['<!-- full:start -->', '## Full articles (refresh --full, opening a cached full article)', ''];
L.push(
  `Command: \`npm run build && node bench/full.mjs\` (or \`BENCH_ONLY=full npm run bench\`; ${FEEDS} feeds × ${ITEMS} items, ${RUNS} runs of each refresh, alternated). Machine: ${cpus().length} cores, Node ${process.version}; it is shared, so compare with the baseline measured in the same command. Load when it started: \`${loadBefore}\`; when it ended: \`${loadAfter}\`.`,
  '',
  `Feeds served from 127.0.0.1; each item carries one sentence and links to a local page (~6 KiB) laid out like a news site (cookie banner, navigation, ads, byline, 8 paragraphs, hashtags, "Baca juga", comments, "Terpopuler", footer). Every run starts from a new home. Peak RSS is \`/usr/bin/time -f %M\` of the whole process; CPU is user + sys.`,
  '',
  '| | wall (median) | CPU (median) | peak RSS (median) | runs (wall ms) |',
  '|---|---|---|---|---|',
  `| \`refresh\` (baseline) | ${f1(P.ms)} ms | ${f1(P.cpu)} ms | ${f1(P.mib)} MiB | ${plain.map((x) => Math.round(x.ms)).join(', ')} |`,
  `| \`refresh --full\` | ${f1(F.ms)} ms | ${f1(F.cpu)} ms | ${f1(F.mib)} MiB (max ${f1(F.maxMib)}) | ${full.map((x) => Math.round(x.ms)).join(', ')} |`,
  `| ratio | ${f1(F.ms / P.ms)}× | ${f1(F.cpu / P.cpu)}× | ${f1(F.mib / P.mib)}× | |`,
  '',
  `Pages requested per \`refresh --full\`: ${full.map((x) => x.pages).join(', ')} (each address once); its last line: "${summary}". Target: \`refresh --full\` under 250 MiB — ${F.maxMib < 250 ? '**met**' : '**not met**'} (max ${f1(F.maxMib)} MiB over the runs).`,
  '',
  `Opening a cached article in the reader (\`node bin/cyberread.js --home DIR\` in a 120×40 pseudo-terminal, bench/pty_driver.py): Enter on the newest article, then \`n\` ${OPENS - 1} times; each \`n\` is timed from the key to the output that holds the next article's title (and, for a full article, "artikel lengkap" in its header; the reader runs in Indonesian, the feeds' language), ${READER_RUNS} runs. Full: the home \`refresh --full\` filled (pages cached, nothing fetched). Baselines: the same articles as feed articles, in the plain \`refresh\` home with \`fullText: "never"\` (the one-sentence feed text is shown), and from feeds whose items carry the page's whole body, author, tags and picture themselves (the same text as the full article, without a page).`,
  '',
  '| | median | p95 | opens | full ÷ this (median) |',
  '|---|---|---|---|---|',
  `| feed article, one sentence (baseline) | ${f1(result.reader.feedMs)} ms | ${f1(result.reader.feedP95)} ms | ${openFeedPty.length} | ${f1(result.reader.fullMs / result.reader.feedMs)}× |`,
  `| feed article carrying the whole body (baseline) | ${f1(result.reader.wholeMs)} ms | ${f1(result.reader.wholeP95)} ms | ${openWholePty.length} | ${f1(result.reader.fullMs / result.reader.wholeMs)}× |`,
  `| full article (page cached) | ${f1(result.reader.fullMs)} ms | ${f1(result.reader.fullP95)} ms | ${openFullPty.length} | |`,
  '',
  `${missed === 0 ? 'Every open drew its article' : `${missed} opens timed out (5 s)`}; ${fullFrameOk ? 'the full frames showed the page\'s byline and illustration line and none of its chrome' : '**a full frame did not show the page as expected**'}. In-process, what the reader computes for that frame (article and page rows read, illustration added, body rendered at 98 columns; 200 articles × 5): full ${result.compute.fullMs.toFixed(3)} ms, feed ${result.compute.feedMs.toFixed(3)} ms (median), ${f1(result.compute.fullMs / result.compute.feedMs)}× (eight paragraphs against one sentence); the rest of an open is drawing the frame, the same for a page as for a feed body of that length.`,
  '<!-- full:end -->',
);
const section = L.join('\n');
if (process.env.BENCH_WRITE === '0') {
  console.log(section);
} else {
  const file = join(ROOT, 'BENCHMARKS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = old.indexOf('<!-- full:start -->');
  const b = old.indexOf('<!-- full:end -->');
  const next = a !== -1 && b > a ? old.slice(0, a) + section + old.slice(b + '<!-- full:end -->'.length) : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  log('wrote the full-article section of BENCHMARKS.md');
}
