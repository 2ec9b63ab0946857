// Sync benchmark (issue 14): the built CLI against a real Tiny Tiny RSS on 127.0.0.1 (the test suite's
// throw-away server, test/helpers/ttrss.ts, bundled here with esbuild) subscribed to FEEDS local feeds of
// ITEMS articles each: a first full sync into an empty cache, a sync with nothing changed, and a sync of
// MARKS queued marks. Baselines in the same run: `sync status` (the same process start and cache open, no
// request) and one bare API request (the server's own floor). Writes its section of BENCHMARKS.md.
// Usage: npm run build && node bench/sync.mjs   (BENCH_FEEDS=20 BENCH_ITEMS=500 BENCH_MARKS=1000 by default)
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'cyberread.js');
const FEEDS = Number(process.env.BENCH_FEEDS ?? 20);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 500);
const MARKS = Number(process.env.BENCH_MARKS ?? 1000);
const FIRST_RUNS = Number(process.env.BENCH_FIRST_RUNS ?? 3);
const EMPTY_RUNS = Number(process.env.BENCH_EMPTY_RUNS ?? 11);
const MARK_RUNS = Number(process.env.BENCH_MARK_RUNS ?? 3);
const START = '<!-- sync:start -->';
const END = '<!-- sync:end -->';
const TMP = mkdtempSync(join(tmpdir(), 'cyberread-bench-sync-'));
const log = (...a) => console.error('[bench:sync]', ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

// the test helper, bundled: the same server the tests use, started the same way
const helper = join(TMP, 'ttrss.mjs');
await build({ entryPoints: [join(ROOT, 'test', 'helpers', 'ttrss.ts')], bundle: true, platform: 'node', format: 'esm', outfile: helper, logLevel: 'error' });
const { startTtrss, TTRSS_USER, TTRSS_PASSWORD } = await import(pathToFileURL(helper).href);

const WORDS = 'serangan siber data pengguna bocor peretas keamanan jaringan server pemerintah bank laporan peneliti menemukan celah kerentanan'.split(' ');
const text = (seed, n) => Array.from({ length: n }, (_, i) => WORDS[(seed * 31 + i * 7) % WORDS.length]).join(' ');
const feedXml = (f) => {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const date = new Date(Date.UTC(2026, 10, 1) + (f * ITEMS + i) * 60_000).toUTCString();
    return `<item><title>Feed ${f} artikel ${i}</title><link>https://news.example.com/${f}/${i}</link><guid isPermaLink="false">f${f}-${i}</guid>`
      + `<pubDate>${date}</pubDate><category>topik${i % 7}</category><description><![CDATA[<p>${text(f * ITEMS + i, 60)} #ransomware</p>]]></description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${f}</title><link>https://news.example.com/${f}</link><language>id</language>${items}</channel></rss>`;
};
const docs = Array.from({ length: FEEDS }, (_, f) => feedXml(f));
const feeds = createServer((req, res) => {
  const m = /^\/(\d+)\.xml$/.exec(req.url ?? '');
  const doc = m ? docs[Number(m[1])] : undefined;
  if (doc === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(doc);
});
await new Promise((r) => feeds.listen(0, '127.0.0.1', r));
const feedBase = `http://127.0.0.1:${feeds.address().port}`;

/**
 * Runs the built CLI; `cpu` is the CPU time (user + system, ms) the process used, from the shell's `times`
 * (its children's totals): the client's own work, which the load of the machine does not inflate as it does
 * the wall times.
 */
function cli(home, args) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bash', process.execPath, CLI, '--home', home, ...args], {
      env: { PATH: process.env.PATH, HOME: home, LANG: 'en_US.UTF-8', CYBERREAD_SYNC_PASSWORD: TTRSS_PASSWORD },
      maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      const lines = stderr.trimEnd().split('\n');
      // `times`: the shell's own user and system time, then its children's ("0m0.123s 0m0.045s")
      const children = lines.pop() ?? '';
      lines.pop();
      const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      const cpu = secs.length === 2 ? (secs[0] + secs[1]) * 1000 : NaN;
      const said = lines.join('\n');
      if (error) return reject(new Error(`cyberread ${args.join(' ')}: ${said || error.message}`));
      resolve({ stdout, wall, cpu });
    });
  });
}
async function syncJson(home) {
  const r = await cli(home, ['sync', '--json']);
  return { ...JSON.parse(r.stdout), wall: r.wall, cpu: r.cpu };
}
async function newHome(url) {
  const home = mkdtempSync(join(TMP, 'home-'));
  writeFileSync(join(home, 'config.json'), '{"feeds": []}');
  await cli(home, ['sync', 'setup', 'ttrss', url, '--user', TTRSS_USER]);
  return home;
}

/**
 * CPU time (ms) the server's processes have used so far: php -S and its workers, and PostgreSQL's postmaster
 * with the backends it has reaped (one per request: PHP connects anew for each). From /proc, so it does not
 * depend on what else the machine is doing; clock ticks are 10 ms on Linux.
 */
function serverCpu(dir) {
  const stat = (pid) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
    } catch {
      return null;
    }
  };
  const php = Number(readFileSync(join(dir, 'php.pid'), 'utf8'));
  const pg = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let phpTicks = 0;
  let pgTicks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (s === null) continue;
    const pid = Number(name);
    if (pid === php || s.ppid === php) phpTicks += s.own + s.reaped;
    else if (pid === pg) pgTicks += s.own + s.reaped;
    else if (s.ppid === pg) pgTicks += s.own;
  }
  return { php: phpTicks * 10, pg: pgTicks * 10 };
}

/** Forgets the server session a cache keeps, so that the next sync logs in as every sync did before. */
function dropSession(home) {
  const db = new Database(join(home, 'cache.db'));
  try {
    db.prepare("DELETE FROM sync_state WHERE key = 'session'").run();
  } finally {
    db.close();
  }
}

const server = await startTtrss();
try {
  log(`subscribing the server to ${FEEDS} feeds x ${ITEMS} articles`);
  const t0 = Date.now();
  for (let f = 0; f < FEEDS; f++) await server.addFeed(`${feedBase}/${f}.xml`);
  const fetchTime = Date.now() - t0;
  const total = Number(server.sql("SELECT count(*) FROM ttrss_user_entries WHERE owner_uid = 1").trim());
  log(`the server holds ${total} articles (${ms(fetchTime)} to fetch them there)`);

  // the server's floor: one bare request after login, as a client on this machine sees it
  const floor = [];
  for (let i = 0; i < 21; i++) {
    const s = process.hrtime.bigint();
    await server.api('getApiLevel');
    floor.push(Number(process.hrtime.bigint() - s) / 1e6);
  }

  // what the server needs to build one page of a first sync (200 articles with their content), asked alone
  const pageTimes = [];
  for (let i = 0; i < 7; i++) {
    const s = process.hrtime.bigint();
    await server.api('getHeadlines', { feed_id: -4, since_id: 0, skip: 200 * i, limit: 200, view_mode: 'all_articles', show_content: true, include_attachments: true, sanitize: false });
    pageTimes.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const pages = Math.ceil(total / 200);

  const first = [];
  let home = '';
  for (let i = 0; i < FIRST_RUNS; i++) {
    if (home) rmSync(home, { recursive: true, force: true });
    home = await newHome(server.url);
    const r = await syncJson(home);
    if (r.added !== total) throw new Error(`a first sync brought ${r.added} articles of ${total}`);
    first.push(r);
    log(`first sync ${i + 1}: ${ms(r.wall)}, ${r.requests} requests`);
  }
  // the baseline of the first sync: the same feeds fetched directly (the same normalise → store path)
  const direct = [];
  for (let i = 0; i < FIRST_RUNS; i++) {
    const dir = mkdtempSync(join(TMP, 'direct-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ feeds: Array.from({ length: FEEDS }, (_, f) => ({ url: `${feedBase}/${f}.xml` })) }));
    direct.push((await cli(dir, ['refresh'])).wall);
    rmSync(dir, { recursive: true, force: true });
    log(`direct refresh ${i + 1}: ${ms(direct[i])}`);
  }
  const statusRuns = [];
  const statusCpu = [];
  const empty = [];
  const withLogin = [];
  const cpu = { kept: [], login: [] };
  for (let i = 0; i < EMPTY_RUNS; i++) {
    const st = await cli(home, ['sync', 'status', '--json']);
    statusRuns.push(st.wall);
    statusCpu.push(st.cpu);
    // in turns: the kept session (what every sync after the first does), and a login (what each did before)
    for (const login of [false, true]) {
      if (login) dropSession(home);
      const c0 = serverCpu(server.dir);
      const r = await syncJson(home);
      const c1 = serverCpu(server.dir);
      if (r.added !== 0 || r.pushed !== 0 || r.pulled !== 0) throw new Error(`an empty sync changed something: ${JSON.stringify(r)}`);
      (login ? withLogin : empty).push(r);
      cpu[login ? 'login' : 'kept'].push({ php: c1.php - c0.php, pg: c1.pg - c0.pg });
    }
  }
  log(`empty sync: ${ms(median(empty.map((r) => r.ms)))} in the run, ${ms(median(empty.map((r) => r.wall)))} with the process, client CPU ${ms(median(empty.map((r) => r.cpu)))} (sync status ${ms(median(statusCpu))}); with a login ${ms(median(withLogin.map((r) => r.ms)))}`);
  const cpuOf = (runs) => ({ php: median(runs.map((c) => c.php)), pg: median(runs.map((c) => c.pg)) });
  const cpuKept = cpuOf(cpu.kept);
  const cpuLogin = cpuOf(cpu.login);
  const floorCpu0 = serverCpu(server.dir);
  for (let i = 0; i < 20; i++) await server.api('getApiLevel');
  const floorCpu1 = serverCpu(server.dir);
  const floorCpu = (floorCpu1.php - floorCpu0.php + floorCpu1.pg - floorCpu0.pg) / 20;

  const list = JSON.parse((await cli(home, ['list', '--json', '--all'])).stdout);
  const ids = list.slice(0, MARKS).map((a) => a.id);
  const marks = [];
  for (let i = 0; i < MARK_RUNS; i++) {
    const flag = i % 2 === 0 ? '--read' : '--unread';
    const queuedAt = process.hrtime.bigint();
    await cli(home, ['mark', ...ids, flag]);
    const markWall = Number(process.hrtime.bigint() - queuedAt) / 1e6;
    const r = await syncJson(home);
    if (r.pushed !== MARKS) throw new Error(`a sync of ${MARKS} marks sent ${r.pushed}`);
    marks.push({ ...r, markWall });
    log(`${MARKS} marks: ${ms(r.wall)}, ${r.requests} requests`);
  }
  const unreadThere = Number(server.sql('SELECT count(*) FROM ttrss_user_entries WHERE owner_uid = 1 AND unread').trim());
  const unreadHere = JSON.parse((await cli(home, ['list', '--json', '--all', '--unread'])).stdout).length;
  if (unreadHere !== unreadThere) throw new Error(`the server has ${unreadThere} unread articles, the cache ${unreadHere}`);

  const row = (name, runs, extra = '') =>
    `| ${name} | ${ms(median(runs.map((r) => r.ms)))} | ${ms(median(runs.map((r) => r.wall)))} | ${median(runs.map((r) => r.requests))} | ${runs.length} | ${extra} |`;
  const section = `${START}
## Sync with Tiny Tiny RSS

\`node bench/sync.mjs\` (after \`npm run build\`): the built CLI against a real Tiny Tiny RSS (Debian's
${'`'}tt-rss${'`'} package under \`php -S\` with 4 workers, PostgreSQL 15 with fsync off, both on 127.0.0.1:
the test suite's server, test/helpers/ttrss.ts) subscribed to ${FEEDS} local feeds × ${ITEMS} articles
(${total.toLocaleString('en-US')} articles; the server took ${ms(fetchTime)} to fetch them). ${cpus().length} cores, load average
${loadavg().map((x) => x.toFixed(2)).join(', ')} at the end (other helpers' work shares the machine). "In the run" is
the sync's own time (\`sync --json\` \`ms\`: from its start, a login included when it needs one, to the last write); "with the process" adds Node's start,
loading the program and opening the cache. Medians.

| sync | in the run | with the process | requests | runs | |
|---|---|---|---|---|---|
${row('first full sync into an empty cache', first, `${(total / (median(first.map((r) => r.ms)) / 1000)).toFixed(0)} articles/s; baseline: \`refresh\` of the same feeds fetched directly into an empty cache ${ms(median(direct))} (sync ${(median(first.map((r) => r.wall)) / median(direct)).toFixed(2)}×)`)}
${row('nothing changed', empty, `baseline \`sync status\` (same start, no request): ${ms(median(statusRuns))}; client CPU ${ms(median(empty.map((r) => r.cpu)))} (\`sync status\`: ${ms(median(statusCpu))}); server CPU ${ms(cpuKept.php + cpuKept.pg)} (PostgreSQL ${ms(cpuKept.pg)})`)}
${row('nothing changed, logging in (no kept session: every sync before)', withLogin, `run in turns with the row above; server CPU ${ms(cpuLogin.php + cpuLogin.pg)} (PostgreSQL ${ms(cpuLogin.pg)})`)}
${row(`${MARKS} queued marks (read, then unread)`, marks, `\`mark\` of ${MARKS} ids (queued in its transaction): ${ms(median(marks.map((r) => r.markWall)))}`)}

One bare API request (\`getApiLevel\`, after login) takes ${ms(median(floor))} (median of ${floor.length}) on this machine, and
${ms(floorCpu)} of the server's CPU time, most of it PostgreSQL starting a backend for the connection PHP opens
for each request (server CPU: the php and PostgreSQL processes' time from /proc, medians per sync; it does not
depend on the load). The empty sync's ${median(empty.map((r) => r.requests))} requests need no login (the session the last sync kept,
used until the server ends it), and go side by side: the subscriptions with their unread counts (\`getFeeds\`,
which also show that no feed came or went, so the categories are not asked for), new articles since the cursor,
the starred list and the recently read list: ${(median(empty.map((r) => r.ms)) / median(floor)).toFixed(1)}× one bare request's time, PHP and
PostgreSQL answering four requests at once on ${cpus().length} cores. The first sync pages through the
articles 200 at a time, three pages at once, and stores each page in one transaction while the next ones
come. Its time is the server's: one page of 200 articles with their content, asked alone, takes the server
${ms(median(pageTimes))} (median of ${pageTimes.length}), and ${pages} pages take ${ms(pages * median(pageTimes))} one after another; cyberread's own share (normalising
and storing, the same path as a fetched feed) is what the direct refresh of the same feeds shows. Marks are sent as
values, up to 1,000 article ids per \`updateArticle\`, one request per flag and value; after the last run the
server had ${unreadThere.toLocaleString('en-US')} unread articles, as the cache did.
${END}`;

  const file = join(ROOT, 'BENCHMARKS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = old.indexOf(START);
  const b = old.indexOf(END);
  writeFileSync(file, a !== -1 && b > a ? old.slice(0, a) + section + old.slice(b + END.length) : `${old.trimEnd()}\n\n${section}\n`);
  log('wrote the sync section of BENCHMARKS.md');
} finally {
  await server.stop();
  feeds.close();
  rmSync(TMP, { recursive: true, force: true });
}
