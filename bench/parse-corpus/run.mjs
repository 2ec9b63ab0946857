// Parser agreement with the public feed-parser test suites: runs cyberread's parseFeed (and feedsmith alone,
// and rss-parser when it is installed beside the corpus) over every test file of a local mirror and compares
// the fields cyberread keeps with the expectations each suite ships. See bench/parse-corpus/README.md.
//
//   node bench/parse-corpus/run.mjs [--corpus DIR] [--write] [--failures FILE] [--only PARSER] [--time N]
//                                   [--before DIR] [--group] [--snapshot]
//
// --write updates the section between <!-- parse-corpus:start/end --> in BENCHMARKS.md (bench/run.mjs keeps it).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundled } from '../bundle.mjs';
import { loadSuites } from './suites.mjs';
import { agrees, cyberreadView, feedsmithView, rssParserView, useTextViews } from './compare.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, 'bench', '.work');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const flag = (name) => args.includes(name);
const corpus = opt('--corpus', process.env.CYBERREAD_CORPUS ?? join(ROOT, 'bench', '.corpus'));
if (!existsSync(corpus)) {
  console.error(`No corpus at ${corpus}: see bench/parse-corpus/README.md for how to mirror the suites.`);
  process.exit(1);
}

mkdirSync(WORK, { recursive: true });
const m = (await bundled(WORK, { 'parse-corpus': join(ROOT, 'bench', 'parse-corpus', 'entry.ts') }))['parse-corpus'];
useTextViews(m);

// --before DIR: a checkout (or `git archive` export) of an older cyberread, parsed side by side in this run.
const beforeDir = opt('--before');
// --before-ref REF: the commit DIR was exported from, named in the written section.
const beforeRef = opt('--before-ref');
let before = null;
if (beforeDir) {
  await build({
    stdin: {
      contents: `export { parseFeed } from './src/core/feeds/parse.js'; export { parseDate } from './src/core/feeds/dates.js';`,
      resolveDir: beforeDir, loader: 'ts',
    },
    outfile: join(WORK, 'parse-corpus-before.mjs'), bundle: true, format: 'esm', platform: 'node', target: 'node20',
    nodePaths: [join(ROOT, 'node_modules')], logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  before = await import(pathToFileURL(join(WORK, 'parse-corpus-before.mjs')).href);
}

const cases = loadSuites(corpus);
const inputs = new Map();
for (const c of cases) if (c.path) inputs.set(c.path, c.bytes ?? readFileSync(c.path));

/** Each parser: parse(bytes, case) → view (throws when it cannot read the file), and its date reader. */
const parsers = [
  ...(before
    ? [{
        name: 'before',
        parse: (bytes, c) => cyberreadView(before.parseFeed(bytes, { url: c.url, contentType: c.contentType })),
        parseDate: (s) => {
          const iso = before.parseDate(s);
          return iso === null ? null : Date.parse(iso);
        },
      }]
    : []),
  {
    name: 'cyberread',
    parse: (bytes, c) => cyberreadView(m.parseFeed(bytes, { url: c.url, contentType: c.contentType })),
    parseDate: (s) => {
      const iso = m.parseDate(s);
      return iso === null ? null : Date.parse(iso);
    },
  },
  {
    name: 'feedsmith',
    // feedsmith takes text: decoded as UTF-8, the way a caller without a decoder of its own would pass it.
    parse: (bytes) => feedsmithView(m.feedsmithParseFeed(new TextDecoder().decode(bytes))),
    parseDate: (s) => {
      const t = Date.parse(s);
      return Number.isNaN(t) ? null : t;
    },
  },
];
const rssParserDir = [join(corpus, 'tools', 'node_modules', 'rss-parser'), join(ROOT, 'node_modules', 'rss-parser')].find(existsSync);
if (rssParserDir) {
  const RssParser = createRequire(join(rssParserDir, 'package.json'))(rssParserDir);
  const rp = new RssParser();
  parsers.push({
    name: 'rss-parser',
    async: true,
    parse: async (bytes) => rssParserView(await rp.parseString(new TextDecoder().decode(bytes))),
    parseDate: (s) => {
      const t = Date.parse(s);
      return Number.isNaN(t) ? null : t;
    },
  });
}
const only = opt('--only');
const active = only ? parsers.filter((p) => only.split(',').includes(p.name)) : parsers;

const FIELDS = ['feed.title', 'feed.link', 'feed.lang', 'items', 'title', 'link', 'guid', 'author', 'published', 'updated', 'date', 'summary', 'content', 'categories', 'enclosures', 'lang', 'image'];

/** Field tallies of one set of suites (the tuned ones, or the held-out ones). */
function tally() {
  return { perField: Object.fromEntries(FIELDS.map((f) => [f, { pass: 0, total: 0 }])), pass: 0, total: 0, read: 0, mustRead: 0 };
}

async function evaluate(p) {
  const sets = { tuned: tally(), heldOut: tally() };
  const perGroup = {};
  const perSuite = {};
  const failures = [];
  const readFiles = [];
  for (const c of cases) {
    const set = sets[c.heldOut ? 'heldOut' : 'tuned'];
    const su = (perSuite[c.suite] ??= { pass: 0, total: 0, files: 0, read: 0, mustRead: 0, mustReadOk: 0, heldOut: Boolean(c.heldOut) });
    let view = null;
    let error = null;
    if (c.path) {
      try {
        view = p.async ? await p.parse(inputs.get(c.path), c) : p.parse(inputs.get(c.path), c);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if (c.mustRead) {
        set.mustRead++;
        su.mustRead++;
        if (view) {
          set.read++;
          su.mustReadOk++;
        }
      }
      if (view) readFiles.push(`${c.suite}/${c.file}`);
      su.files++;
      if (view) su.read++;
    }
    const g = (perGroup[c.group] ??= { pass: 0, total: 0, files: 0, read: 0 });
    if (c.path) {
      g.files++;
      if (view) g.read++;
    }
    for (const check of c.checks) {
      const ok = check.scope === 'date' ? agrees(null, check, p.parseDate) : view !== null && agrees(view, check, p.parseDate);
      set.perField[check.field].total++;
      set.total++;
      g.total++;
      su.total++;
      if (ok) {
        set.perField[check.field].pass++;
        set.pass++;
        g.pass++;
        su.pass++;
      } else {
        failures.push({ suite: c.suite, file: c.file, check, got: view ? gotValue(view, check) : undefined, error: error ?? undefined });
      }
    }
    if (c.mustRead && c.path && !view) failures.push({ suite: c.suite, file: c.file, check: { scope: 'read' }, error: error ?? undefined });
  }
  return { name: p.name, sets, perGroup, perSuite, failures, readFiles };
}

function gotValue(view, check) {
  if (check.scope === 'count') return view.items.length;
  if (check.scope === 'feed') return view.feed[check.field.slice(5)];
  const it = view.items[check.index];
  if (!it) return '(no such item)';
  if (check.field === 'enclosures') return it.enclosures;
  const v = it[check.field];
  return typeof v === 'number' ? new Date(v).toISOString() : v;
}

const results = [];
for (const p of active) results.push(await evaluate(p));

// Time: cyberread's and feedsmith's parse over every file that cyberread reads, median of N passes.
const timeRuns = Number(opt('--time', '5'));
const timings = {};
{
  // Passes of the parsers take turns, so that load on a shared machine falls on all of them alike.
  const timed = active.filter((x) => !x.async);
  const files = cases.filter((c) => c.path).map((c) => [inputs.get(c.path), c]);
  const runs = Object.fromEntries(timed.map((p) => [p.name, []]));
  for (let r = 0; r < timeRuns + 1; r++) {
    for (const p of timed) {
      const t0 = process.hrtime.bigint();
      for (const [bytes, c] of files) {
        try {
          p.parse(bytes, c);
        } catch {
          // counted as not read above
        }
      }
      if (r > 0) runs[p.name].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  for (const [name, list] of Object.entries(runs)) {
    list.sort((a, b) => a - b);
    timings[name] = list[Math.floor(list.length / 2)];
  }
}

const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
const suiteFiles = {};
for (const c of cases) if (c.path) suiteFiles[c.suite] = (suiteFiles[c.suite] ?? 0) + 1;
const nChecks = cases.reduce((a, c) => a + c.checks.length, 0);
const nNa = cases.reduce((a, c) => a + c.na, 0);
const nUnsupported = cases.reduce((a, c) => a + c.unsupported, 0);

const L = [];
L.push(`Written by \`node bench/parse-corpus/run.mjs ${args.filter((a) => a !== '--snapshot').join(' ')}\` on ${new Date().toISOString()} (Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}).` +
  (before
    ? ` "before" is the parser of the checkout given with --before (${beforeRef ? `here ${beforeRef}: \`git archive ${beforeRef} src | tar -x -C DIR\`` : 'an older checkout'}), parsed and timed in the same run.`
    : ''));
L.push('');
L.push(`Corpus: ${Object.entries(suiteFiles).map(([s, n]) => `${s} ${n} files`).join(', ')}, plus feedparser's date-parser cases; ` +
  `${nChecks} checks on fields cyberread keeps (${nNa} expectations about fields it does not keep, and ${nUnsupported} it cannot read, are left out). ` +
  'How to get the mirror and how fields are compared: bench/parse-corpus/README.md.');
L.push('');
const cols = results.map((r) => r.name);
const SETS = [
  ['tuned', 'Suites the parser was tuned on (feedparser, gofeed, rss-parser, newsboat)'],
  ['heldOut', 'Held-out suites, never tuned on (feed-rs, SimplePie, W3C feed validator, feedjira)'],
];
for (const [key, title] of SETS) {
  if (results[0].sets[key].total === 0 && results[0].sets[key].mustRead === 0) continue;
  L.push(`**${title}**`);
  L.push('');
  L.push(`| field | ${cols.join(' | ')} | checks |`);
  L.push(`|---|${cols.map(() => '---|').join('')}---|`);
  for (const f of FIELDS) {
    const total = results[0].sets[key].perField[f].total;
    if (total === 0) continue;
    L.push(`| ${f} | ${results.map((r) => pct(r.sets[key].perField[f].pass, r.sets[key].perField[f].total)).join(' | ')} | ${total} |`);
  }
  L.push(`| **all fields** | ${results.map((r) => `**${pct(r.sets[key].pass, r.sets[key].total)}**`).join(' | ')} | ${results[0].sets[key].total} |`);
  L.push(`| files read | ${results.map((r) => `${r.sets[key].read} / ${r.sets[key].mustRead}`).join(' | ')} | |`);
  L.push('');
}
L.push(`| suite | files | checks | ${cols.map((c) => `${c} read | ${c} agree`).join(' | ')} |`);
L.push(`|---|---|---|${cols.map(() => '---|---|').join('')}`);
for (const su of Object.keys(results[0].perSuite)) {
  const x = results[0].perSuite[su];
  L.push(`| ${su}${x.heldOut ? ' (held out)' : ''} | ${x.files} | ${x.total} | ${results.map((r) => `${r.perSuite[su].mustReadOk} / ${r.perSuite[su].mustRead} | ${pct(r.perSuite[su].pass, r.perSuite[su].total)}`).join(' | ')} |`);
}
L.push('');
L.push(`| parse time, all files (median of ${timeRuns}) | ${results.map((r) => (timings[r.name] === undefined ? '–' : `${r.name} ${timings[r.name].toFixed(0)} ms`)).join(' | ')} |`);
if (flag('--group')) {
  L.push('');
  L.push(`| suite / group | files | ${cols.map((c) => `${c} read | ${c} agree`).join(' | ')} |`);
  L.push(`|---|---|${cols.map(() => '---|---|').join('')}`);
  for (const g of Object.keys(results[0].perGroup).sort()) {
    const x = results[0].perGroup[g];
    L.push(`| ${g} | ${x.files} | ${results.map((r) => `${r.perGroup[g].read} | ${pct(r.perGroup[g].pass, r.perGroup[g].total)}`).join(' | ')} |`);
  }
}
const table = L.join('\n');
console.log(table);

const failuresFile = opt('--failures');
if (failuresFile) {
  writeFileSync(failuresFile, JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.failures])), null, 1));
}
const ours = results.find((r) => r.name === 'cyberread');
if (ours) {
  writeFileSync(join(WORK, 'parse-corpus-read.json'), JSON.stringify(ours.readFiles, null, 1));
}
// --snapshot: the committed regression corpus (test/fixtures/corpus): the test feeds of the suites whose
// licence lets us ship them, and for each the checks cyberread passes today and whether it reads the file.
if (flag('--snapshot') && ours) {
  const SHIP = new Set(['feedparser', 'gofeed', 'newsboat', 'feedparser-dates', 'simplepie', 'feedvalidator', 'feed-rs']);
  // feed-rs's other fixtures are real sites' feeds, not written for the suite: measured, not shipped.
  const shipped = (c) => SHIP.has(c.suite) && (c.suite !== 'feed-rs' || /_spec_|relurl|relative|xml_base|missing_id|content_src|scattered|encoding/.test(c.file));
  const dest = join(ROOT, 'test', 'fixtures', 'corpus');
  const failed = new Set(ours.failures.map((f) => `${f.suite}/${f.file}\n${JSON.stringify(f.check)}`));
  const read = new Set(ours.readFiles);
  const entries = [];
  for (const c of cases) {
    if (!shipped(c)) continue;
    const checks = c.checks.filter((k) => !failed.has(`${c.suite}/${c.file}\n${JSON.stringify(k)}`));
    if (c.path) {
      const target = join(dest, c.suite, c.file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, inputs.get(c.path));
    }
    const entry = { suite: c.suite, file: c.file };
    if (c.path) entry.read = read.has(`${c.suite}/${c.file}`);
    if (c.url) entry.url = c.url;
    if (c.contentType) entry.contentType = c.contentType;
    if (checks.length > 0) entry.checks = checks;
    entries.push(entry);
  }
  writeFileSync(join(dest, 'expected.json'), JSON.stringify(entries, null, 0).replace(/\},\{"suite"/g, '},\n{"suite"') + '\n');
}
if (flag('--write')) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const md = readFileSync(file, 'utf8');
  const section = `<!-- parse-corpus:start -->\n## Parsing: agreement with the public parser test suites\n\n${table}\n<!-- parse-corpus:end -->`;
  const re = /<!-- parse-corpus:start -->[\s\S]*<!-- parse-corpus:end -->/;
  writeFileSync(file, re.test(md) ? md.replace(re, section) : `${md.trimEnd()}\n\n${section}\n`);
}
