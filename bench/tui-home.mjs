// `node bench/tui-home.mjs DIR N`: a reader home as `npm run bench` builds for its TUI rows (bench/run.mjs
// tuiHome): N cached articles in feeds of 500 plus the BENCHNEWEST marker on top, no feeds in the settings
// and a lastRefreshAt a day ahead, so the reader starts no refresh. For A/B runs (bench/tui-ab.py).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.mjs';
import { fillStore } from './gen.mjs';

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
fillStore(store, 0, total);
store.close();
writeFileSync(join(dir, 'config.json'), JSON.stringify({ feeds: [], lang: 'en', lastRefreshAt: new Date(Date.now() + 86400_000).toISOString() }));
