// `npm run bench`: refresh, cache, query and TUI-start measurements against newsboat and `node -e 0`
// measured in the same run; writes BENCHMARKS.md. BENCH_QUICK=1 for a short run.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { bundled } from './bundle.mjs';
import { feedXml, fillStore, MARKER } from './gen.mjs';
import { articleSection, ARTICLES_END, ARTICLES_START } from './articles.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');
const require = createRequire(import.meta.url);
const QUICK = process.env.BENCH_QUICK === '1';
const M = 50;
const ONLY_FEEDS = process.env.BENCH_FEEDS ? process.env.BENCH_FEEDS.split(',').map(Number) : null;
const CFG0 = QUICK
  ? { feeds: [30, 100], freshRuns: 2, warmRuns: 2, nbRuns: 1, store: [2_000, 10_000, 20_000], tuiSizes: [1_000, 20_000], tuiRuns: 1, presses: 30, reps: 50 }
  : { feeds: [100, 300], freshRuns: 3, warmRuns: 5, nbRuns: 3, store: [10_000, 50_000, 100_000], tuiSizes: [1_000, 100_000], tuiRuns: 3, presses: 100, reps: 300 };
const CFG = ONLY_FEEDS ? { ...CFG0, feeds: ONLY_FEEDS } : CFG0;
const BIG = CFG.feeds[CFG.feeds.length - 1];

mkdirSync(WORK, { recursive: true });
const LOAD = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(', ');
const TMP = mkdtempSync(join(tmpdir(), 'cyberread-bench-'));
const log = (...a) => console.error('[bench]', ...a);

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0) : 'n/a');

// ---------------------------------------------------------------- full articles
// bench/full.mjs writes its own section (refresh --full against refresh, opening a cached full article); it runs
// last in a whole run (smaller with BENCH_QUICK), or alone with BENCH_ONLY=full.
const runFull = () =>
  execFileSync(process.execPath, [join(ROOT, 'bench', 'full.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, ...(QUICK ? { BENCH_FULL_FEEDS: process.env.BENCH_FULL_FEEDS ?? '100', BENCH_FULL_RUNS: process.env.BENCH_FULL_RUNS ?? '1' } : {}) },
  });
if (process.env.BENCH_ONLY === 'full') {
  runFull();
  process.exit(0);
}

// ---------------------------------------------------------------- article extraction
// In-process, over the article corpora (bench/article-corpus.mjs). BENCH_ONLY=articles measures only this and
// rewrites only its section of BENCHMARKS.md.
if (process.env.BENCH_ONLY === 'articles') {
  const section = await articleSection({ quick: QUICK, log });
  const file = join(ROOT, 'BENCHMARKS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = old.indexOf(ARTICLES_START);
  const b = old.indexOf(ARTICLES_END);
  const next = a !== -1 && b > a ? old.slice(0, a) + section.markdown + old.slice(b + ARTICLES_END.length) : `${old.trimEnd()}\n\n${section.markdown}\n`;
  writeFileSync(file, next);
  log('wrote the article section of BENCHMARKS.md');
  process.exit(0);
}

// ---------------------------------------------------------------- server
log(`generating ${BIG} feeds x ${M} items`);
const FEEDS = [];
for (let f = 0; f < BIG; f++) FEEDS.push(feedXml(f, M));
const counts = new Map();
/** Wall-clock time (ms) of the first 200 answer since the last reset: when the first feed answered. */
let firstAnswerAt = null;
function resetCounts() {
  counts.clear();
  firstAnswerAt = null;
}
const server = createServer((req, res) => {
  const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  const feed = m ? FEEDS[Number(m[1])] : undefined;
  if (!feed) {
    res.writeHead(404).end();
    return;
  }
  const c = counts.get(m[1]) ?? { requests: 0, conditional: 0, notModified: 0 };
  counts.set(m[1], c);
  c.requests++;
  const inm = req.headers['if-none-match'];
  if (inm !== undefined || req.headers['if-modified-since'] !== undefined) c.conditional++;
  if (inm !== undefined && inm.split(/\s*,\s*/).includes(feed.etag)) {
    c.notModified++;
    res.writeHead(304, { ETag: feed.etag }).end();
    return;
  }
  firstAnswerAt ??= Date.now();
  res.writeHead(200, {
    'Content-Type': 'application/rss+xml; charset=utf-8',
    'Content-Length': feed.body.length,
    ETag: feed.etag,
  });
  res.end(feed.body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const PORT = server.address().port;
const urlOf = (f) => `http://127.0.0.1:${PORT}/feed/${f}.xml`;

function requestStats(n) {
  let requests = 0, conditional = 0, notModified = 0, exactlyOne = 0;
  for (let f = 0; f < n; f++) {
    const c = counts.get(String(f)) ?? { requests: 0, conditional: 0, notModified: 0 };
    requests += c.requests;
    conditional += c.conditional;
    notModified += c.notModified;
    if (c.requests === 1) exactlyOne++;
  }
  return { perFeed: requests / n, conditional, notModified, exactlyOne, feeds: n };
}

// ---------------------------------------------------------------- process timing
function run(cmd, args, { env, cwd } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const lines = err.trim().split('\n');
      const [rssKib, user, sys] = (lines.pop() ?? '').split(' ').map(Number);
      resolve({ ms, code, rssMib: rssKib / 1024, cpuMs: (user + sys) * 1000, stderr: lines.join('\n'), stdout: out });
    });
  });
}

const CLI = join(ROOT, 'bin', 'cyberread.js');
function ourHome(n) {
  const home = mkdtempSync(join(TMP, `ours-${n}-`));
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: Array.from({ length: n }, (_, f) => ({ url: urlOf(f) })) }));
  return home;
}
const ours = (home) => run(process.execPath, [CLI, '--home', home, 'refresh']);
// The speed option README offers: two parse workers beside the refresh thread (the default parses on it).
const oursWorkers = (home) => run(process.execPath, [CLI, '--home', home, 'refresh'], { env: { ...process.env, CYBERREAD_WORKERS: '2' } });

function nbHome(n) {
  const dir = mkdtempSync(join(TMP, `newsboat-${n}-`));
  writeFileSync(join(dir, 'urls'), Array.from({ length: n }, (_, f) => urlOf(f)).join('\n') + '\n');
  writeFileSync(join(dir, 'config'), 'reload-threads 8\n');
  return dir;
}
const newsboat = (dir) =>
  run('/usr/bin/newsboat', ['-x', 'reload', '-u', join(dir, 'urls'), '-c', join(dir, 'cache.db'), '-C', join(dir, 'config')], {
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), XDG_DATA_HOME: join(dir, '.local') },
    cwd: dir,
  });

async function refreshSeries(kind, n) {
  const setup = kind === 'newsboat' ? nbHome : ourHome;
  const exec = kind === 'ours' ? ours : kind === 'workers' ? oursWorkers : newsboat;
  const runs = kind === 'newsboat' ? CFG.nbRuns : CFG.freshRuns;
  const fresh = [];
  const warm = [];
  let freshReq, warmReq, home;
  for (let r = 0; r < runs; r++) {
    home = setup(n);
    resetCounts();
    const res = await exec(home);
    if (res.code !== 0) log(`${kind} fresh ${n} exit ${res.code}: ${res.stderr.slice(0, 300)}`);
    fresh.push(res);
    freshReq = requestStats(n);
  }
  const warmRuns = kind === 'newsboat' ? CFG.nbRuns : kind === 'workers' ? 1 : CFG.warmRuns;
  for (let r = 0; r < warmRuns; r++) {
    resetCounts();
    const res = await exec(home);
    if (res.code !== 0) log(`${kind} warm ${n} exit ${res.code}: ${res.stderr.slice(0, 300)}`);
    warm.push(res);
    if (r === 0) warmReq = requestStats(n);
  }
  const out = {
    freshMs: median(fresh.map((r) => r.ms)),
    warmMs: median(warm.map((r) => r.ms)),
    freshRuns: fresh.map((r) => Math.round(r.ms)),
    warmRuns: warm.map((r) => Math.round(r.ms)),
    freshCpuMs: median(fresh.map((r) => r.cpuMs)),
    warmCpuMs: median(warm.map((r) => r.cpuMs)),
    freshPeakMib: Math.max(...fresh.map((r) => r.rssMib)),
    warmPeakMib: Math.max(...warm.map((r) => r.rssMib)),
    freshReq,
    warmReq,
    home,
  };
  log(kind, n, `fresh ${f1(out.freshMs)} ms`, `warm ${f1(out.warmMs)} ms`, `peak ${f1(out.freshPeakMib)} MiB`);
  return out;
}

function cacheBytesPerArticle(file, table) {
  const Database = require('better-sqlite3');
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const n = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  db.close();
  let bytes = statSync(file).size;
  for (const side of ['-wal', '-shm']) if (existsSync(file + side)) bytes += statSync(file + side).size;
  return { bytes, articles: n, perArticle: bytes / n };
}

// ---------------------------------------------------------------- refresh
const ONLY = process.env.BENCH_ONLY;
const refresh = {};
for (const n of ONLY === 'tui' || ONLY === 'queries' ? [] : CFG.feeds) {
  refresh[n] = { ours: await refreshSeries('ours', n) };
  if (ONLY !== 'ours') refresh[n].newsboat = await refreshSeries('newsboat', n);
  if (n === BIG && ONLY !== 'ours') refresh[n].workers = await refreshSeries('workers', n);
}
// ---------------------------------------------------------------- first articles in the reader of a fresh home
const DRIVER = join(ROOT, 'bench', 'pty_driver.py');
function pty(cfg) {
  const out = execFileSync('python3', [DRIVER, JSON.stringify(cfg)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop());
}
// While the feed server in this process answers.
function ptyAsync(cfg) {
  return new Promise((resolve, reject) => {
    execFile('python3', [DRIVER, JSON.stringify(cfg)], { encoding: 'utf8', maxBuffer: 1 << 24 }, (error, out) => {
      if (error) reject(error);
      else resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}
// The reader on a new home with BIG feeds starts its background refresh after the first frame; measured: from
// the server's first answer to the first frame that lists an article (every item's row shows its feed's title).
const early = { runs: [] };
if (ONLY !== 'tui' && ONLY !== 'ours' && ONLY !== 'queries') {
  for (let r = 0; r < CFG.freshRuns; r++) {
    const home = ourHome(BIG);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'en', feeds: Array.from({ length: BIG }, (_, f) => ({ url: urlOf(f) })) }));
    resetCounts();
    const res = await ptyAsync({ mode: 'tui', cmd: [process.execPath, CLI, '--home', home], marker: 'Bench feed', presses: 0, settle: false });
    if (res.error || firstAnswerAt === null) {
      log(`first articles: ${res.error ?? 'no feed answered'}`);
      continue;
    }
    early.runs.push({ afterAnswerMs: res.marker_epoch_ms - firstAnswerAt, fromStartMs: res.first_frame_ms });
  }
  early.afterAnswerMs = median(early.runs.map((x) => x.afterAnswerMs));
  early.fromStartMs = median(early.runs.map((x) => x.fromStartMs));
  log('first articles in the reader', JSON.stringify(early));
}
const cache = ONLY === 'tui' || ONLY === 'ours' || ONLY === 'queries' ? null : cacheBytesPerArticle(join(refresh[BIG].ours.home, 'cache.db'), 'articles');
const nbCache = ONLY === 'tui' || ONLY === 'ours' || ONLY === 'queries' ? null : cacheBytesPerArticle(join(refresh[BIG].newsboat.home, 'cache.db'), 'rss_item');
if (cache) log('cache', f1(cache.perArticle), 'B/article; newsboat', f1(nbCache.perArticle));
server.close();
if (process.env.BENCH_ONLY === 'refresh' || ONLY === 'ours') {
  // for iterating on refresh speed: nothing else runs and BENCHMARKS.md is left alone
  rmSync(TMP, { recursive: true, force: true });
  process.exit(0);
}

// ---------------------------------------------------------------- store queries
log('bundling the store');
const {
  store: { openStore },
  query: { parseQuery },
} = await bundled(WORK, { store: join(ROOT, 'src/core/store/open-store.ts'), query: join(ROOT, 'src/core/query/parse.ts') });
const where = (text) => {
  const r = parseQuery(text);
  if (!r.ok) throw new Error(`bench query ${text}: ${r.problem.code}`);
  return r.node;
};
// Bench articles are dated from 2024-01-01 on, 137 s apart: an age that reaches back to their fourth day
// selects the newer part of every store size, so the age bound is a real range, not an empty one.
const AGE_DAYS = Math.ceil((Date.now() - Date.UTC(2024, 0, 4)) / 86_400_000);
const Q_TAGS = `#Ransomware #Malware lang:id age:<${AGE_DAYS}d`;
const Q_PHRASE = `${Q_TAGS} "forensik digital"`;
const Q_MIXED = `(#Phishing OR #APT) -#Banking lang:en title:security`;

function time(fn, reps) {
  for (let i = 0; i < 5; i++) fn();
  const xs = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
function tuiHome(file, dir) {
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ feeds: [], lang: 'en', lastRefreshAt: new Date(Date.now() + 86400_000).toISOString() }));
  if (file !== join(dir, 'cache.db')) copyFileSync(file, join(dir, 'cache.db'));
  return dir;
}

const storeDir = mkdtempSync(join(TMP, 'store-'));
const storeFile = join(storeDir, 'cache.db');
const { store } = openStore(storeFile);
const queries = {};
let filled = 0;
const homes = {};
for (const size of CFG.store) {
  const t = performance.now();
  fillStore(store, filled, size);
  log(`filled ${size} articles (${f1((performance.now() - t) / (size - filled) * 1000)} µs/article)`);
  const saveUs = ((performance.now() - t) / (size - filled)) * 1000;
  filled = size;
  const q = { saveUsPerArticle: saveUs };
  q.newest50 = time(() => store.query({ limit: 50 }), CFG.reps);
  q.newest50TagLang = time(() => store.query({ tags: ['Ransomware'], lang: 'id', limit: 50 }), CFG.reps);
  q.newest100Tag = time(() => store.query({ tags: ['Malware'], limit: 100 }), CFG.reps);
  q.ftsCommon = time(() => store.query({ search: 'vulnerability', limit: 50 }), Math.max(20, CFG.reps / 10));
  q.ftsTwoWords = time(() => store.query({ search: 'forensik digital', lang: 'id', limit: 50 }), Math.max(20, CFG.reps / 10));
  // the query language (src/core/query): parsed and compiled on every call, as the reader and the CLI do
  q.langTags = time(() => store.query({ where: where(Q_TAGS), limit: 50 }), CFG.reps);
  q.langTagsCount = time(() => store.count({ where: where(Q_TAGS) }), CFG.reps);
  q.langPhrase = time(() => store.query({ where: where(Q_PHRASE), limit: 50 }), Math.max(20, CFG.reps / 10));
  q.langPhraseOnly = time(() => store.query({ where: where('"data pengguna"'), limit: 50 }), Math.max(20, CFG.reps / 10));
  q.langMixed = time(() => store.query({ where: where(Q_MIXED), limit: 50 }), Math.max(20, CFG.reps / 10));
  queries[size] = q;
  log(size, JSON.stringify(q, (k, v) => (typeof v === 'number' ? Number(v.toFixed(3)) : v)));
}
store.close();
const bigDir = mkdtempSync(join(TMP, 'tui-big-'));
{
  const Database = require('better-sqlite3');
  const db = new Database(storeFile);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
homes[CFG.tuiSizes[1]] = tuiHome(storeFile, bigDir);
{
  const smallDir = mkdtempSync(join(TMP, 'tui-small-'));
  const s = openStore(join(smallDir, 'cache.db')).store;
  fillStore(s, 0, CFG.tuiSizes[0]);
  s.close();
  homes[CFG.tuiSizes[0]] = tuiHome(join(smallDir, 'cache.db'), smallDir);
}

/**
 * The query language's own section (issue #11's targets at the middle store size), with the store's plain
 * tag + language query of the same run as the baseline. `BENCH_ONLY=queries node bench/run.mjs` measures the
 * queries alone and rewrites only this section; a full run writes it from its own numbers.
 */
const QL_START = '<!-- query-language:start -->';
const QL_END = '<!-- query-language:end -->';
function queryLanguageSection(endLoad) {
  const mid = CFG.store[1];
  const q = queries[mid];
  const ratio = (key) => `${f1(q[key] / q.newest50TagLang)}×`;
  const L = [QL_START, '## Query language (median ms)', ''];
  L.push(
    `\`BENCH_ONLY=queries node bench/run.mjs\` (or \`npm run bench\`) on ${new Date().toISOString()}; load average ${LOAD} at the start, ${endLoad} at the end. ` +
      `One store filled through \`saveFeed\` to ${CFG.store.join(', ')} articles (bench/gen.mjs items: 2–4 tags each, Indonesian and English feeds alternating, posted 137 s apart from 2024-01-01); ` +
      `every query is parsed and compiled to SQL on each call, as the reader and the CLI do, and reads its rows as the UI gets them; median of ${CFG.reps} calls after 5 warm-ups (phrases: ${Math.max(20, CFG.reps / 10)}). ` +
      `Baseline in the same run: the store's own tag + language query without the query language (\`newest 50, tag + lang\`).`,
    '',
  );
  L.push(`| query | ${CFG.store.map((x) => `${x} articles`).join(' | ')} | × baseline at ${mid} |`, `|---|${CFG.store.map(() => '---').join('|')}|---|`);
  const row = (label, key) => L.push(`| ${label} | ${CFG.store.map((x) => f1(queries[x][key])).join(' | ')} | ${key === 'newest50TagLang' ? '1×' : ratio(key)} |`);
  row('baseline: `tags: [Ransomware], lang: id`, newest 50 (no query language)', 'newest50TagLang');
  row(`\`${Q_TAGS.replace(/age:<\d+d/, 'age:<…')}\`, newest 50`, 'langTags');
  row('the same, count', 'langTagsCount');
  row(`\`${Q_PHRASE.replace(/age:<\d+d/, 'age:<…')}\`, newest 50`, 'langPhrase');
  row('`"data pengguna"`, newest 50', 'langPhraseOnly');
  row(`\`${Q_MIXED}\`, newest 50`, 'langMixed');
  const yes = (ok) => (ok ? '**met**' : '**missed**');
  L.push('', '| target | measured | |', '|---|---|---|');
  L.push(`| two tags, a language and an age ≤ 2 ms at ${mid} | ${f1(q.langTags)} ms | ${yes(q.langTags <= 2)} |`);
  L.push(`| the same with a phrase ≤ 50 ms at ${mid} | ${f1(q.langPhrase)} ms | ${yes(q.langPhrase <= 50)} |`);
  L.push(QL_END);
  return L.join('\n');
}

if (ONLY === 'queries') {
  const section = queryLanguageSection((await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(', '));
  const file = join(ROOT, 'BENCHMARKS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = old.indexOf(QL_START);
  const b = old.indexOf(QL_END);
  writeFileSync(file, a !== -1 && b > a ? old.slice(0, a) + section + old.slice(b + QL_END.length) : `${old.trimEnd()}\n\n${section}\n`);
  log('wrote the query-language section of BENCHMARKS.md');
  rmSync(TMP, { recursive: true, force: true });
  process.exit(0);
}

// ---------------------------------------------------------------- TUI in a pseudo-terminal
const nodeBase = [];
for (let i = 0; i < 7; i++) nodeBase.push(pty({ mode: 'exit', cmd: [process.execPath, '-e', '0'] }).ms);
const tui = { nodeMs: median(nodeBase) };
for (const size of CFG.tuiSizes) {
  const first = [], rss = [], j = [];
  for (let r = 0; r < CFG.tuiRuns; r++) {
    const res = pty({ mode: 'tui', cmd: [process.execPath, CLI, '--home', homes[size]], marker: MARKER, presses: CFG.presses });
    if (res.error) {
      log(`TUI ${size}: ${res.error}`);
      continue;
    }
    first.push(res.first_frame_ms);
    rss.push(res.rss_kib / 1024);
    j.push(...res.j_ms);
  }
  tui[size] = { firstMs: median(first), firstRuns: first.map(Math.round), rssMib: Math.max(...rss), jMedian: median(j), jP95: pct(j, 95), jMissed: j.filter((x) => x === null).length, presses: j.length };
  log('TUI', size, JSON.stringify(tui[size]));
}

// ---------------------------------------------------------------- article extraction
const articles = ONLY ? null : await articleSection({ quick: QUICK, log });

// ---------------------------------------------------------------- report
if (ONLY) {
  rmSync(TMP, { recursive: true, force: true });
  process.exit(0);
}
const results = { date: new Date().toISOString(), quick: QUICK, early, refresh: Object.fromEntries(Object.entries(refresh).map(([n, r]) => [n, { ours: { ...r.ours, home: undefined }, newsboat: { ...r.newsboat, home: undefined }, workers: r.workers && { ...r.workers, home: undefined } }])), cache, nbCache, queries, tui };
writeFileSync(join(WORK, 'last.json'), JSON.stringify(results, null, 2));
if (process.env.BENCH_SAVE_BASELINE === '1') writeFileSync(join(ROOT, 'bench', 'baseline.json'), JSON.stringify(results, null, 2) + '\n');
const baseline = existsSync(join(ROOT, 'bench', 'baseline.json')) ? JSON.parse(readFileSync(join(ROOT, 'bench', 'baseline.json'), 'utf8')) : null;

const big = refresh[BIG];
const midStore = CFG.store[1];
const bigTui = CFG.tuiSizes[1];
const smallTui = CFG.tuiSizes[0];
const freshRatio = big.ours.freshMs / big.newsboat.freshMs;
const warmRatio = big.ours.warmMs / big.newsboat.warmMs;
const w = big.ours.warmReq;
const yes = (ok) => (ok ? '**met**' : '**missed**');
const targets = [
  [`fresh ${BIG}×${M} ≤ 0.6× newsboat`, `${f1(freshRatio)}×`, freshRatio <= 0.6],
  [`warm ${BIG}×${M} ≤ 0.12× newsboat`, `${f1(warmRatio)}×`, warmRatio <= 0.12],
  ['warm: exactly one request per feed, all conditional, all 304', `${w.exactlyOne}/${w.feeds} one request, ${w.conditional} conditional, ${w.notModified} × 304`, w.exactlyOne === w.feeds && w.conditional === w.feeds && w.notModified === w.feeds],
  [`peak memory of the ${BIG}-feed refresh ≤ 200 MiB`, `${f1(big.ours.freshPeakMib)} MiB`, big.ours.freshPeakMib <= 200],
  [`first articles in the reader of a fresh home ≤ 1 s after the first feed answers (${BIG} feeds)`, `${f1(early.afterAnswerMs)} ms`, early.afterAnswerMs <= 1000],
  ['cache ≤ 3 KB per article incl. FTS', `${f1(cache.perArticle / 1024)} KiB`, cache.perArticle <= 3072],
  [`newest 100 with a tag ≤ 1 ms at ${midStore}`, `${f1(queries[midStore].newest100Tag)} ms`, queries[midStore].newest100Tag <= 1],
  [`full-text search ≤ 50 ms at ${midStore}`, `${f1(Math.max(queries[midStore].ftsCommon, queries[midStore].ftsTwoWords))} ms`, Math.max(queries[midStore].ftsCommon, queries[midStore].ftsTwoWords) <= 50],
  [`query: two tags, a language and an age ≤ 2 ms at ${midStore}`, `${f1(queries[midStore].langTags)} ms`, queries[midStore].langTags <= 2],
  [`query: the same with a phrase ≤ 50 ms at ${midStore}`, `${f1(queries[midStore].langPhrase)} ms`, queries[midStore].langPhrase <= 50],
  ['TUI first frame ≤ 6× `node -e 0`', `${f1(tui[smallTui].firstMs / tui.nodeMs)}× / ${f1(tui[bigTui].firstMs / tui.nodeMs)}×`, Math.max(tui[smallTui].firstMs, tui[bigTui].firstMs) <= 6 * tui.nodeMs],
  [`first frame the same at ${bigTui} as at ${smallTui} (within 15%)`, `${f1(tui[bigTui].firstMs / tui[smallTui].firstMs)}×`, tui[bigTui].firstMs <= 1.15 * tui[smallTui].firstMs],
  ['`j` median < 8 ms, p95 < 16 ms', `${f1(tui[bigTui].jMedian)} / ${f1(tui[bigTui].jP95)} ms (${bigTui})`, Math.max(tui[smallTui].jMedian, tui[bigTui].jMedian) < 8 && Math.max(tui[smallTui].jP95, tui[bigTui].jP95) < 16],
  ['< 130 MiB at the first frame', `${f1(Math.max(tui[smallTui].rssMib, tui[bigTui].rssMib))} MiB`, Math.max(tui[smallTui].rssMib, tui[bigTui].rssMib) < 130],
  ...articles.targets,
];

const node = process.version;
const cpu = cpus()[0]?.model ?? 'unknown';
let nbVersion = '';
try {
  nbVersion = execFileSync('/usr/bin/newsboat', ['-v'], { encoding: 'utf8', env: { ...process.env, HOME: TMP } }).split('\n')[0];
} catch {
  nbVersion = 'newsboat (version unknown)';
}
const L = [];
L.push('# Benchmarks', '');
L.push(`Written by \`${QUICK ? 'BENCH_QUICK=1 ' : ''}npm run bench\` (bench/run.mjs) on ${results.date}. Do not edit by hand: run it again.`, '');
L.push(`Machine: ${cpus().length} × ${cpu}, ${f1(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${node}, ${nbVersion}.`);
L.push(`Load average when the run started: ${LOAD}.`);
L.push('The machine is shared and noisy: every number is a median of several runs, and every comparison is a ratio against a baseline measured in the same run.', '');
L.push('## Method', '');
L.push(`- Feeds: ${BIG} synthetic RSS 2.0 feeds × ${M} items (bench/gen.mjs): HTML bodies of 2–4 KB with paragraphs, headings, links, lists, quotes and an image; Indonesian and English text (alternating feeds); 2–4 categories per item; deterministic, so ETags are stable across runs. Served by node:http on 127.0.0.1 (uncompressed, ETag, 304 on a matching If-None-Match), which counts requests per feed.`);
L.push(`- cyberread: the built CLI, \`node bin/cyberread.js --home DIR refresh\`, feeds written to DIR/config.json. Fresh = new home (${CFG.freshRuns} runs); warm = the same home again, all 304 (${CFG.warmRuns} runs). Peak RSS from \`/usr/bin/time -f %M\`.`);
L.push(`- newsboat: \`newsboat -x reload -u urls -c cache.db -C config\` with \`reload-threads 8\` in config and HOME set to a temp dir; fresh and warm, ${CFG.nbRuns} runs each.`);
L.push('- Cache size: cache.db plus -wal/-shm after `wal_checkpoint(TRUNCATE)`, divided by the article count.');
L.push(`- Queries: src/core/store/open-store.ts bundled with esbuild into bench/.work, one store filled to ${CFG.store.join(', ')} articles through \`saveFeed\`, each query timed ${CFG.reps} times after 5 warm-ups (full-text: ${Math.max(20, CFG.reps / 10)} times), median, results converted to StoredArticle as the UI gets them. Query-language rows: the text is parsed and compiled on every call (as the reader and \`list --query\` do); \`age:<…\` is the age reaching back to the bench articles' fourth day (${AGE_DAYS} days when this ran), a real range of each store.`);
L.push('- cyberread runs a refresh of 8 feeds or more on two threads: a thread of its own (dist/refresh-worker.js, young generation capped at 12 MiB) fetches, prepares rows and writes SQLite, and the thread that started it parses and normalises each document; `CYBERREAD_WORKERS=2` (two more threads that parse) is measured too; see bench/CHANGES.md.');
L.push(`- First articles: the reader (\`node bin/cyberread.js --home DIR\`, 120×40 pseudo-terminal) on a new home with ${BIG} feeds and no refresh yet, so it refreshes in the background from its first frame; measured from the feed server's first answer to the first output that lists an article (${CFG.freshRuns} runs).`);
L.push(`- TUI: \`node bin/cyberread.js --home DIR\` in a pseudo-terminal (bench/pty_driver.py, python3 pty, 120×40) with ${CFG.tuiSizes.join(' and ')} cached articles, no feeds and a recent lastRefreshAt (no background refresh). First frame = spawn until a known title appears in the output; RSS = VmHWM at that moment; \`j\` = write of the key until the next output, ${CFG.presses} presses per run, ${CFG.tuiRuns} runs. Baseline: \`node -e 0\` spawn-to-exit in the same pseudo-terminal.`, '');
L.push('## Targets', '', '| target | measured | |', '|---|---|---|');
for (const [t, m, ok] of targets) L.push(`| ${t} | ${m} | ${yes(ok)} |`);
L.push('', '## Refresh', '', '| feeds × items | cyberread fresh | newsboat fresh | ratio | cyberread warm | newsboat warm | ratio | peak RSS fresh (ours / newsboat) |', '|---|---|---|---|---|---|---|---|');
for (const n of CFG.feeds) {
  const r = refresh[n];
  L.push(`| ${n} × ${M} | ${f1(r.ours.freshMs)} ms | ${f1(r.newsboat.freshMs)} ms | ${f1(r.ours.freshMs / r.newsboat.freshMs)}× | ${f1(r.ours.warmMs)} ms | ${f1(r.newsboat.warmMs)} ms | ${f1(r.ours.warmMs / r.newsboat.warmMs)}× | ${f1(r.ours.freshPeakMib)} / ${f1(r.newsboat.freshPeakMib)} MiB |`);
}
L.push('', 'CPU time (user + sys, median) — steadier than wall time on a shared machine:', '', '| feeds × items | cyberread fresh | newsboat fresh | ratio | cyberread warm | newsboat warm | ratio |', '|---|---|---|---|---|---|---|');
for (const n of CFG.feeds) {
  const r = refresh[n];
  L.push(`| ${n} × ${M} | ${f1(r.ours.freshCpuMs)} ms | ${f1(r.newsboat.freshCpuMs)} ms | ${f1(r.ours.freshCpuMs / r.newsboat.freshCpuMs)}× | ${f1(r.ours.warmCpuMs)} ms | ${f1(r.newsboat.warmCpuMs)} ms | ${f1(r.ours.warmCpuMs / r.newsboat.warmCpuMs)}× |`);
}
L.push('', 'Runs (ms):', '');
for (const n of CFG.feeds) {
  const r = refresh[n];
  L.push(`- ${n} feeds: cyberread fresh ${r.ours.freshRuns.join(', ')}; warm ${r.ours.warmRuns.join(', ')}; newsboat fresh ${r.newsboat.freshRuns.join(', ')}; warm ${r.newsboat.warmRuns.join(', ')}`);
}
if (big.workers) {
  const x = big.workers;
  L.push('', `With \`CYBERREAD_WORKERS=2\` (two parse workers beside the refresh thread; by default the thread that started the refresh parses), ${BIG} feeds: fresh ${f1(x.freshMs)} ms (${f1(x.freshMs / big.newsboat.freshMs)}× newsboat, ${f1(x.freshMs / big.ours.freshMs)}× the default), CPU ${f1(x.freshCpuMs)} ms, peak RSS ${f1(x.freshPeakMib)} MiB; warm ${f1(x.warmMs)} ms.`);
}
if (early.runs.length > 0) {
  L.push('', `First articles in the reader of a fresh home (${BIG} feeds): ${f1(early.afterAnswerMs)} ms after the first feed answered (median; runs ${early.runs.map((x) => Math.round(x.afterAnswerMs)).join(', ')} ms), ${f1(early.fromStartMs)} ms after the reader started.`);
}
L.push('', `Requests (${BIG} feeds):`, '', '| | requests per feed | conditional | 304 |', '|---|---|---|---|');
for (const [name, r] of [['cyberread', big.ours], ['newsboat', big.newsboat]]) {
  L.push(`| ${name} fresh | ${f1(r.freshReq.perFeed)} | ${r.freshReq.conditional} | ${r.freshReq.notModified} |`);
  L.push(`| ${name} warm | ${f1(r.warmReq.perFeed)} | ${r.warmReq.conditional} | ${r.warmReq.notModified} |`);
}
L.push('', `Cache: cyberread ${f1(cache.perArticle)} bytes per article (${cache.articles} articles, ${f1(cache.bytes / 2 ** 20)} MiB incl. the full-text index); newsboat ${f1(nbCache.perArticle)} bytes per article.`);
L.push('', '## List queries (median ms)', '', `| query | ${CFG.store.map((s) => `${s} articles`).join(' | ')} |`, `|---|${CFG.store.map(() => '---').join('|')}|`);
const qrow = (label, key) => L.push(`| ${label} | ${CFG.store.map((s) => f1(queries[s][key])).join(' | ')} |`);
qrow('newest 50', 'newest50');
qrow('newest 50, tag + lang', 'newest50TagLang');
qrow('newest 100, tag', 'newest100Tag');
qrow('full text "vulnerability", newest 50', 'ftsCommon');
qrow('full text "forensik digital" + lang id, newest 50', 'ftsTwoWords');
qrow(`query \`${Q_TAGS.replace(/age:<\d+d/, 'age:<…')}\`, newest 50`, 'langTags');
qrow('the same, count', 'langTagsCount');
qrow(`query \`${Q_PHRASE.replace(/age:<\d+d/, 'age:<…')}\`, newest 50`, 'langPhrase');
qrow('query `"data pengguna"`, newest 50', 'langPhraseOnly');
qrow(`query \`${Q_MIXED}\`, newest 50`, 'langMixed');
qrow('store save, µs per article (filling)', 'saveUsPerArticle');
L.push('', '## TUI start (pseudo-terminal)', '', '| | first frame | × node -e 0 | RSS at first frame | `j` median | `j` p95 |', '|---|---|---|---|---|---|');
L.push(`| \`node -e 0\` | ${f1(tui.nodeMs)} ms | 1× | | | |`);
for (const s of CFG.tuiSizes) {
  const t = tui[s];
  L.push(`| ${s} cached articles | ${f1(t.firstMs)} ms | ${f1(t.firstMs / tui.nodeMs)}× | ${f1(t.rssMib)} MiB | ${f1(t.jMedian)} ms | ${f1(t.jP95)} ms |`);
}
if (baseline) {
  const b = baseline;
  const bb = b.refresh[BIG];
  const bq = b.queries[midStore];
  const rows = [
    [`fresh ${BIG}×${M} (ratio to newsboat)`, bb && `${f1(bb.ours.freshMs)} ms (${f1(bb.ours.freshMs / bb.newsboat.freshMs)}×)`, `${f1(big.ours.freshMs)} ms (${f1(freshRatio)}×)`],
    [`warm ${BIG}×${M} (ratio to newsboat)`, bb && `${f1(bb.ours.warmMs)} ms (${f1(bb.ours.warmMs / bb.newsboat.warmMs)}×)`, `${f1(big.ours.warmMs)} ms (${f1(warmRatio)}×)`],
    ['peak RSS fresh', bb && `${f1(bb.ours.freshPeakMib)} MiB`, `${f1(big.ours.freshPeakMib)} MiB`],
    ['cache bytes per article', `${f1(b.cache.perArticle)}`, `${f1(cache.perArticle)}`],
    [`store save µs/article`, bq && f1(bq.saveUsPerArticle), f1(queries[midStore].saveUsPerArticle)],
    ['TUI first frame (× node -e 0), small / big', `${f1(b.tui[smallTui]?.firstMs / b.tui.nodeMs)}× / ${f1(b.tui[bigTui]?.firstMs / b.tui.nodeMs)}×`, `${f1(tui[smallTui].firstMs / tui.nodeMs)}× / ${f1(tui[bigTui].firstMs / tui.nodeMs)}×`],
    ['TUI RSS at first frame (big)', `${f1(b.tui[bigTui]?.rssMib)} MiB`, `${f1(tui[bigTui].rssMib)} MiB`],
    ['`j` median / p95 (big)', `${f1(b.tui[bigTui]?.jMedian)} / ${f1(b.tui[bigTui]?.jP95)} ms`, `${f1(tui[bigTui].jMedian)} / ${f1(tui[bigTui].jP95)} ms`],
  ];
  L.push('', '## Before / after', '', `Before = bench/baseline.json (run of ${b.date}, before the speed work of the perf branch); after = this run.`, '', '| | before | after |', '|---|---|---|');
  for (const [k, x, y] of rows) L.push(`| ${k} | ${x ?? 'n/a'} | ${y} |`);
  const notes = join(ROOT, 'bench', 'CHANGES.md');
  if (existsSync(notes)) L.push('', readFileSync(notes, 'utf8').trim());
}
L.push('', queryLanguageSection((await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(', ')));
L.push('', articles.markdown);
L.push('');
// The parser-agreement section is written by bench/parse-corpus/run.mjs --write: keep it across runs.
const previous = existsSync(join(ROOT, 'BENCHMARKS.md')) ? readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8') : '';
const parseSection = /<!-- parse-corpus:start -->[\s\S]*<!-- parse-corpus:end -->/.exec(previous)?.[0];
if (parseSection) L.push('', parseSection, '');
// So is the `list --all` section, written by bench/list-all.mjs.
const listSection = /<!-- list-all:start -->[\s\S]*<!-- list-all:end -->/.exec(previous)?.[0];
if (listSection) L.push('', listSection, '');
// So is bench/full.mjs's, rewritten by the run below.
const fullSection = /<!-- full:start -->[\s\S]*<!-- full:end -->/.exec(previous)?.[0];
if (fullSection) L.push('', fullSection, '');
// And bench/sync.mjs's (it needs a Tiny Tiny RSS: run on its own).
const syncSection = /<!-- sync:start -->[\s\S]*<!-- sync:end -->/.exec(previous)?.[0];
if (syncSection) L.push('', syncSection, '');
writeFileSync(join(ROOT, 'BENCHMARKS.md'), L.join('\n'));
rmSync(TMP, { recursive: true, force: true });
log('wrote BENCHMARKS.md');
if (!ONLY) runFull();
