// Developer tool (not part of `npm run bench`): times parse, normalise, row preparation and store save in one process
// on N synthetic feeds, to see where a fresh refresh spends its time. `node bench/stages.mjs [N] [rounds]`: the
// first round warms up the JIT and is not counted. The HTML cleaner and deflate (parts of normalise and prepare)
// are timed again on their own over the same bodies. Save writes GROUP feeds per transaction (default 8, as a
// refresh does; GROUP=1: one per feed).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.mjs';
import { feedXml } from './gen.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');
mkdirSync(WORK, { recursive: true });
const m = (await bundled(WORK, { stages: join(ROOT, 'bench', 'stages-entry.ts') })).stages;
const n = Number(process.argv[2] ?? 60);
const rounds = Math.max(2, Number(process.argv[3] ?? 2));
const feeds = Array.from({ length: n }, (_, f) => Buffer.from(feedXml(f, 50).body));
const t = { parse: 0, normalise: 0, 'of which HTML cleaning': 0, prepare: 0, 'of which deflate': 0, save: 0 };
let items = 0;
let dir;
const GROUP = Number(process.env.GROUP ?? 8);
let pending = [];
for (let round = 0; round < rounds; round++) {
const counted = round > 0;
dir = mkdtempSync(join(tmpdir(), 'cyberread-stages-'));
const { store } = m.openStore(join(dir, 'cache.db'));
for (let f = 0; f < n; f++) {
  const url = `http://127.0.0.1/feed/${f}.xml`;
  let a = performance.now();
  const parsed = m.parseFeed(feeds[f], { url, contentType: 'application/rss+xml; charset=utf-8' });
  let b = performance.now();
  if (counted) t.parse += b - a;
  const { articles, title, siteUrl, bodyTexts } = m.normaliseWithText(parsed, { url });
  a = performance.now();
  if (counted) t.normalise += a - b;
  for (const it of parsed.items) m.cleanHtmlParts(it.contentHtml ?? it.summary ?? '', it.link);
  b = performance.now();
  if (counted) t['of which HTML cleaning'] += b - a;
  for (const art of articles) m.packHtml(art.contentHtml);
  a = performance.now();
  if (counted) t['of which deflate'] += a - b;
  // Prepared here as a refresh worker does, so save below times SQLite only.
  const rows = articles.map((art, i) => m.prepareArticle(art, url, bodyTexts[i]));
  b = performance.now();
  if (counted) t.prepare += b - a;
  // Written as a refresh writes them: GROUP feeds per transaction (refresh.ts groups up to 8); GROUP=1 is
  // one transaction per feed, as before the group writer.
  pending.push({ url, state: { title, siteUrl, lastFetched: new Date().toISOString(), lastStatus: 'new', etag: 'x' }, rows });
  if (pending.length >= GROUP || f === n - 1) {
    a = performance.now();
    for (const o of store.saveRowsMany ? store.saveRowsMany(pending) : pending.map((w) => ({ ok: true, result: store.saveRows(w.url, w.state, w.rows) }))) if (!o.ok) throw o.error;
    b = performance.now();
    if (counted) t.save += b - a;
    pending = [];
  }
  if (counted) items += articles.length;
}
store.close();
}
if (process.env.DBSTAT) { const D = (await import("better-sqlite3")).default; const db = new D(join(dir, "cache.db")); db.pragma("wal_checkpoint(TRUNCATE)"); console.log(db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY 2 DESC").all().map((r) => `${r.name} ${(r.bytes / items).toFixed(0)} B/article`).join("\n")); }
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(24), `${v.toFixed(0)} ms`, `${((v / items) * 1000).toFixed(0)} µs/item`);
const all = t.parse + t.normalise + t.prepare + t.save;
console.log('all'.padEnd(24), `${all.toFixed(0)} ms`, `${((all / items) * 1000).toFixed(0)} µs/item`);
