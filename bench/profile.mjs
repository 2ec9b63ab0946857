// Developer tool (not part of `npm run bench`): where a fresh refresh's JavaScript time goes, per article.
// Runs N synthetic feeds (bench/gen.mjs) through the same steps as a refresh (decode + parse, normalise and
// HTML cleaning, row preparation, SQLite) in one process under V8's sampling CPU profiler (what
// `node --cpu-prof` records), and attributes every sample to the innermost stage function on its stack.
// `node bench/profile.mjs [N=100] [rounds=2]`; the first round warms the JIT and is not counted.
// BENCH_PROFILE_OUT=file.cpuprofile also writes the last round's profile for Chrome DevTools.
import { Session } from 'node:inspector/promises';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.mjs';
import { feedXml } from './gen.mjs';

const ROOT = process.env.BENCH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');
mkdirSync(WORK, { recursive: true });
const m = (await bundled(WORK, { stages: join(ROOT, 'bench', 'stages-entry.ts') }, { keepNames: true })).stages;
const n = Number(process.argv[2] ?? 100);
const rounds = Math.max(2, Number(process.argv[3] ?? 2));
const feeds = Array.from({ length: n }, (_, f) => Buffer.from(feedXml(f, 50).body));

// esbuild renames clashing functions (parseFeed → parseFeed5): a trailing number is ignored.
// Innermost match wins, so a stage nested in another (the HTML cleaner inside normalise) is counted apart.
const STAGES = [
  ['parse (decode + feedsmith + fill-ins)', ['parseFeed']],
  ['HTML cleaning (body html + text)', ['cleanHtmlParts', 'cleanHtml', 'cleanFeedHtml', 'boundedCleanHtml']],
  ['HTML → text (summary, title, author)', ['htmlToPlainText', 'htmlToLine']],
  ['article id (sha256)', ['articleId']],
  ['language', ['detectLang']],
  ['hashtags', ['hashtagsIn', 'normaliseTags']],
  ['normalise, the rest', ['normaliseWithText', 'normalise']],
  ['deflate', ['packHtml']],
  ['row hash', ['rowHash', 'hash']],
  ['prepare, the rest', ['prepareArticle', 'prepareRows']],
  ['SQLite + FTS', ['saveRows', 'saveFeed']],
];
const stageOf = new Map(STAGES.flatMap(([stage, fns]) => fns.map((f) => [f, stage])));

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 250 });
const totals = new Map();
let profile;
let items = 0;
let wallMs = 0;
for (let r = 0; r < rounds; r++) {
  const dir = mkdtempSync(join(tmpdir(), 'cyberread-profile-'));
  const { store } = m.openStore(join(dir, 'cache.db'));
  const counted = r > 0;
  if (counted) await session.post('Profiler.start');
  const t0 = performance.now();
  for (let f = 0; f < n; f++) {
    const url = `http://127.0.0.1/feed/${f}.xml`;
    const { title, siteUrl, rows } = m.parseAndPrepare(feeds[f], { url, contentType: 'application/rss+xml; charset=utf-8' }, { url });
    store.saveRows(url, { title, siteUrl, lastFetched: new Date().toISOString(), lastStatus: 'new', etag: 'x' }, rows);
    if (counted) items += rows.length;
  }
  if (counted) {
    wallMs += performance.now() - t0;
    const stopped = await session.post('Profiler.stop');
    profile = stopped.profile;
    add(profile);
  }
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

function add(p) {
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const memo = new Map();
  const stageFor = (id) => {
    if (memo.has(id)) return memo.get(id);
    const node = byId.get(id);
    const name = node.callFrame.functionName;
    let s;
    if (name === '(garbage collector)') s = 'garbage collection';
    else if (name === '(idle)' || name === '(program)' || name === '(root)') s = 'other';
    else s = stageOf.get(name) ?? stageOf.get(name.replace(/\d+$/, '')) ?? (parent.has(id) ? stageFor(parent.get(id)) : 'other');
    memo.set(id, s);
    return s;
  };
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0;
    const s = stageFor(p.samples[i]);
    totals.set(s, (totals.get(s) ?? 0) + dt);
  }
}
if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));
const order = [...STAGES.map(([s]) => s), 'garbage collection', 'other'];
let sum = 0;
console.log(`| stage | µs per article |`);
console.log(`|---|---|`);
for (const s of order) {
  const us = (totals.get(s) ?? 0) / items;
  sum += us;
  if (us > 0) console.log(`| ${s} | ${us.toFixed(0)} |`);
}
console.log(`| **all** (${items} articles, wall ${((wallMs * 1000) / items).toFixed(0)} µs each) | ${sum.toFixed(0)} |`);
