// Developer tool (not part of `npm run bench`): times parse, normalise, row preparation and store save in one process
// on N synthetic feeds, to see where a fresh refresh spends its time. `node bench/stages.mjs [N]`.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedXml } from './gen.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');
mkdirSync(WORK, { recursive: true });
await build({
  entryPoints: { stages: join(ROOT, 'bench', 'stages-entry.ts') },
  outdir: WORK, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: ['better-sqlite3'],
  outExtension: { '.js': '.mjs' }, define: { __CYBERREAD_VERSION__: '"bench"' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const m = await import(join(WORK, 'stages.mjs'));
const n = Number(process.argv[2] ?? 60);
const feeds = Array.from({ length: n }, (_, f) => feedXml(f, 50).body);
const dir = mkdtempSync(join(tmpdir(), 'cyberread-stages-'));
const { store } = m.openStore(join(dir, 'cache.db'));
const t = { parse: 0, normalise: 0, prepare: 0, save: 0 };
let items = 0;
for (let f = 0; f < n; f++) {
  const url = `http://127.0.0.1/feed/${f}.xml`;
  let a = performance.now();
  const parsed = m.parseFeed(feeds[f], { url, contentType: 'application/rss+xml; charset=utf-8' });
  let b = performance.now();
  t.parse += b - a;
  const { articles, title, siteUrl, bodyTexts } = m.normaliseWithText(parsed, { url });
  a = performance.now();
  t.normalise += a - b;
  // Prepared here as a refresh worker does, so save below times SQLite only.
  const rows = articles.map((art, i) => m.prepareArticle(art, url, bodyTexts[i]));
  b = performance.now();
  t.prepare += b - a;
  a = b;
  store.saveRows(url, { title, siteUrl, lastFetched: new Date().toISOString(), lastStatus: 'new', etag: 'x' }, rows);
  b = performance.now();
  t.save += b - a;
  items += articles.length;
}
store.close();
if (process.env.DBSTAT) { const D = (await import("better-sqlite3")).default; const db = new D(join(dir, "cache.db")); db.pragma("wal_checkpoint(TRUNCATE)"); console.log(db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY 2 DESC").all().map((r) => `${r.name} ${(r.bytes / items).toFixed(0)} B/article`).join("\n")); }
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(10), `${v.toFixed(0)} ms`, `${((v / items) * 1000).toFixed(0)} µs/item`);
