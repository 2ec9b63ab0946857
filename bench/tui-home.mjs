// `node bench/tui-home.mjs DIR N`: a reader home as `npm run bench` builds for its TUI rows (bench/run.mjs
// tuiHome): N cached articles in feeds of 500 plus the BENCHNEWEST marker on top, no feeds in the settings
// and a lastRefreshAt a day ahead, so the reader starts no refresh. For A/B runs (bench/tui-ab.py).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.mjs';
import { articlesFor } from './gen.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [dir, n] = process.argv.slice(2);
const total = Number(n);
if (!dir || !Number.isInteger(total) || total < 1) {
  console.error('usage: node bench/tui-home.mjs DIR N');
  process.exit(2);
}
const {
  store: { openStore },
} = await bundled(join(ROOT, 'bench', '.work'), { store: join(ROOT, 'src/core/store/open-store.ts') });
mkdirSync(dir, { recursive: true });
const store = openStore(join(dir, 'cache.db')).store;
const marker = { ...articlesFor(0, 0, 1)[0], id: 'benchmarker00000', guid: 'urn:bench:marker', title: 'BENCHNEWEST marker article', published: '2030-01-01T00:00:00.000Z', lang: null };
const per = 500;
const state = { lastFetched: new Date().toISOString(), lastStatus: 'new' };
for (let done = 0; done < total; ) {
  const f = Math.floor(done / per);
  const i = done % per;
  const take = Math.min(per - i, total - done);
  const arts = articlesFor(f, i, i + take);
  if (done === 0) arts.unshift(marker);
  store.saveFeed(`https://news${f}.example/feed.xml`, { ...state, title: `Bench source ${f}` }, arts);
  done += take;
}
store.close();
writeFileSync(join(dir, 'config.json'), JSON.stringify({ feeds: [], lang: 'en', lastRefreshAt: new Date(Date.now() + 86400_000).toISOString() }));
