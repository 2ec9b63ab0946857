// `list --all --json` on a big cache (issue 12): every article comes out, and the peak memory of printing
// BIG articles stays within 1.5× that of printing SMALL, because list writes rows as it reads them.
// Measured on the built CLI with its stdout in a pipe read by this script (which counts the articles), peak
// RSS from /usr/bin/time; SMALL and BIG alternate, RUNS each, medians. Rewrites only its own section of
// BENCHMARKS.md (bench/run.mjs keeps it).
// Usage: npm run build && node bench/list-all.mjs   (BENCH_LIST_SIZES=1000,100000 BENCH_LIST_RUNS=3)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.mjs';
import { articlesFor } from './gen.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'cyberread.js');
const WORK = join(ROOT, 'bench', '.work');
const [SMALL, BIG] = (process.env.BENCH_LIST_SIZES ?? '1000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 3);
const START = '<!-- list-all:start -->';
const END = '<!-- list-all:end -->';
const TMP = mkdtempSync(join(tmpdir(), 'cyberread-bench-list-'));
const log = (...a) => console.error('[bench:list]', ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = loadavg().map((x) => x.toFixed(2)).join(', ');

// The store as the program has it, bundled the way bench/run.mjs does, to fill a cache without feeds.
mkdirSync(WORK, { recursive: true });
globalThis.require = createRequire(import.meta.url);
const { openStore } = (await bundled(WORK, { 'list-store': join(ROOT, 'src/core/store/open-store.ts') }))['list-store'];

/** A home whose cache holds `total` articles: feeds of 500 items (bench/gen.mjs), no refresh due. */
function home(total) {
  const dir = mkdtempSync(join(TMP, `home-${total}-`));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ feeds: [], lang: 'en' }));
  const { store } = openStore(join(dir, 'cache.db'));
  const per = 500;
  const t = performance.now();
  for (let n = 0; n < total; ) {
    const f = Math.floor(n / per);
    const take = Math.min(per, total - n);
    const articles = articlesFor(f, 0, take);
    store.saveFeed(`https://news${f}.example/feed.xml`, { lastFetched: new Date().toISOString(), lastStatus: 'new', title: `Bench source ${f}` }, articles);
    n += take;
  }
  store.close();
  log(`filled ${total} articles in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return dir;
}

/** One run of the CLI with its stdout in a pipe read line by line here: articles seen, bytes, ms, peak RSS. */
function run(dir, args) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, CLI, '--home', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let articles = 0;
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (c) => (bytes += c.length));
    // `list --json` writes each element's opening brace alone on a line, indented by two spaces; the text
    // form writes one line per article.
    const json = args.includes('--json');
    createInterface({ input: child.stdout }).on('line', (l) => {
      if (json ? l === '  {' : l !== '') articles += 1;
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      const kib = Number(/(\d+)\s*$/.exec(stderr.trim())?.[1]);
      if (code !== 0 || !Number.isFinite(kib)) reject(new Error(`list failed (${code}): ${stderr.slice(0, 500)}`));
      else resolve({ articles, mib: bytes / 1048576, ms, rssMib: kib / 1024 });
    });
  });
}

const homes = { [SMALL]: home(SMALL), [BIG]: home(BIG) };
const cases = [
  { key: 'small', size: SMALL, args: ['list', '--all', '--json'] },
  { key: 'big', size: BIG, args: ['list', '--all', '--json'] },
  { key: 'bigPage', size: BIG, args: ['list', '--limit', String(SMALL), '--json'] },
  { key: 'bigText', size: BIG, args: ['list', '--all'] },
];
const samples = Object.fromEntries(cases.map((c) => [c.key, []]));
for (let r = 0; r < RUNS; r++) {
  for (const c of cases) {
    const s = await run(homes[c.size], c.args);
    samples[c.key].push(s);
    log(`${c.size} ${c.args.join(' ')}: ${s.articles} articles, ${s.mib.toFixed(1)} MiB out, ${s.ms.toFixed(0)} ms, ${s.rssMib.toFixed(1)} MiB peak`);
  }
}
rmSync(TMP, { recursive: true, force: true });

const med = (key, field) => median(samples[key].map((s) => s[field]));
const n = (x) => x.toLocaleString('en-US');
const ratio = med('big', 'rssMib') / med('small', 'rssMib');
const complete = cases.every((c) => samples[c.key].every((s) => s.articles === (c.key === 'bigPage' ? SMALL : c.size)));
const rows = cases.map((c) => {
  const lines = n(samples[c.key][0].articles);
  return `| ${n(c.size)} | \`${c.args.join(' ')}\` | ${lines} | ${med(c.key, 'mib').toFixed(1)} MiB | ${med(c.key, 'ms').toFixed(0)} ms | ${med(c.key, 'rssMib').toFixed(1)} MiB |`;
});
const section = [
  START,
  '## `list --all` on a big cache',
  '',
  `Written by \`npm run build && node bench/list-all.mjs\` on ${new Date().toISOString()}; load average when it started: ${load} (2 cores, shared). ` +
    `Two caches filled through the store with bench/gen.mjs articles (${n(SMALL)} and ${n(BIG)}); the built CLI with stdout in a pipe that this script reads and counts; ` +
    `peak RSS from \`/usr/bin/time -f %M\`; the cases alternate, ${RUNS} runs each, medians.`,
  '',
  '| cache | command | articles printed | output | time | peak RSS |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  `Every article printed in every run: ${complete ? 'yes' : '**no**'}. Peak RSS of printing ${n(BIG)} against ${n(SMALL)}: ${ratio.toFixed(2)}× ` +
    `(target ≤ 1.5×: **${ratio <= 1.5 && complete ? 'met' : 'missed'}**).`,
  END,
].join('\n');
const file = join(ROOT, 'BENCHMARKS.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
const at = previous.indexOf(START);
const to = previous.indexOf(END);
const next = at >= 0 && to > at ? previous.slice(0, at) + section + previous.slice(to + END.length) : `${previous.trimEnd()}\n\n${section}\n`;
writeFileSync(file, next);
log(`wrote the list-all section of BENCHMARKS.md (${ratio.toFixed(2)}×, complete: ${complete})`);
