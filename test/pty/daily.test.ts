import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

// A day's use of the BUILT reader in a real terminal (tmux), against feeds served on 127.0.0.1: the feeds view
// adds, renames, refreshes, shows the error of and removes a loopback feed; the reader refreshes on its own;
// mark-all on a tag filter and its undo; next unread across feeds; a link number and an enclosure opened
// through the opener. Several terminal sizes, both languages.

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `cyberread-daily-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', 'app');
}

async function waitFor(ok: string | ((s: string) => boolean), timeoutMs = 20_000): Promise<string> {
  const test = typeof ok === 'string' ? (s: string) => s.includes(ok) : ok;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${String(ok)}:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends keys one at a time (tmux key names, or literal text with `-l`). */
async function keys(...ks: string[]): Promise<void> {
  for (const k of ks) {
    tmux('send-keys', '-t', 'app', k);
    await new Promise((r) => setTimeout(r, 80));
  }
}

async function type(text: string): Promise<void> {
  tmux('send-keys', '-t', 'app', '-l', text);
  await new Promise((r) => setTimeout(r, 150));
}

const rss = (title: string, items: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link><language>id</language>${items}</channel></rss>`;

function item(o: { id: string; title: string; hour: number; tag?: string; body?: string; enclosure?: string }): string {
  return `<item><title>${o.title}</title><link>http://127.0.0.1/read/${o.id}</link><guid>${o.id}</guid>
<pubDate>Sat, 28 Nov 2026 ${String(o.hour).padStart(2, '0')}:00:00 +0700</pubDate>${o.tag ? `<category>${o.tag}</category>` : ''}
<description><![CDATA[${o.body ?? `<p>Isi ${o.title}.</p>`}]]></description>${o.enclosure ?? ''}</item>`;
}

interface Loopback {
  url: (path: string) => string;
  log: string[];
  /** The document served at a path (a function: it may change between requests). */
  routes: Map<string, () => string>;
  stop: () => Promise<void>;
}

async function serve(): Promise<Loopback> {
  const log: string[] = [];
  const routes = new Map<string, () => string>();
  const server: Server = createServer((req, res) => {
    log.push(req.url ?? '');
    const doc = routes.get(req.url ?? '');
    if (!doc) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(doc());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  let stopped = false;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    log,
    routes,
    stop: () =>
      new Promise<void>((r) => {
        if (stopped) return r();
        stopped = true;
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let home: string | undefined;
let loop: Loopback | undefined;
afterEach(async () => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  await loop?.stop();
  loop = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
});

/** Starts the built reader in tmux at a size, on `home`, with extra environment. */
function start(columns: number, rows: number, env: Record<string, string> = {}): void {
  const vars = { LANG: 'C.UTF-8', TZ: 'Asia/Jakarta', TERM: 'xterm-256color', HOME: home ?? '', ...env };
  const line = Object.entries(vars).map(([k, v]) => `${k}='${v}'`).join(' ');
  tmux('new-session', '-d', '-s', 'app', '-x', String(columns), '-y', String(rows), `env ${line} "${process.execPath}" "${BIN}" --home "${home}"`);
}

const config = (): { feeds: { url: string; title?: string }[] } => JSON.parse(readFileSync(join(home ?? '', 'config.json'), 'utf8'));

describe.skipIf(!hasTmux)('a day in the reader on a real terminal (skipped when tmux is not installed)', () => {
  it('the feeds view adds a loopback feed, renames it, refreshes it, shows its error when the server is gone, removes it', async () => {
    loop = await serve();
    loop.routes.set('/berita.xml', () => rss('Berita Lokal', item({ id: 'b1', title: 'Satu Berita Lokal', hour: 9 }) + item({ id: 'b2', title: 'Dua Berita Lokal', hour: 8 })));
    home = mkdtempSync(join(tmpdir(), 'cyberread-daily-'));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'en', feeds: [] }));
    start(120, 35);
    await waitFor('cyberread · Articles');
    await keys('F');
    await waitFor('No feeds — press a to add one');
    await keys('a');
    await waitFor('Add feed: █');
    await type(`${loop.url('/berita.xml')} --title Loopback --lang id`);
    await keys('Enter');
    // added, written to config.json at once, fetched (now, or right after the refresh the reader started
    // with, when that one is slow to end): its counts show
    const added = await waitFor((s) => /›● Loopback +id +2\/2/.test(s));
    expect(added).toMatch(/Added Loopback; (fetching it|it is fetched when the running refresh ends)/);
    expect(config().feeds).toEqual([{ url: loop.url('/berita.xml'), title: 'Loopback', lang: 'id' }]);
    expect(loop.log).toEqual(['/berita.xml']);

    await keys('t');
    await waitFor('Name: Loopback█');
    for (let i = 0; i < 'Loopback'.length; i++) await keys('BSpace');
    await type('Kabar Lokal');
    await keys('Enter');
    await waitFor((s) => /›● Kabar Lokal +id +2\/2/.test(s));
    expect(config().feeds[0]?.title).toBe('Kabar Lokal');

    await keys('r');
    await waitFor(() => loop!.log.length === 2);
    await loop.stop();
    await keys('r');
    const failed = await waitFor((s) => /Kabar Lokal .*✗ /.test(s));
    // the error, one line, under the list too
    expect(failed.split('\n').filter((l) => l.includes('✗')).length).toBe(2);

    await keys('d');
    await waitFor((s) => s.includes('Remove Kabar Lokal? 2 cached articles go, 0 starred stay') && s.includes('y/Enter: remove · other key: keep'));
    await keys('y');
    await waitFor('No feeds — press a to add one');
    expect(config().feeds).toEqual([]);
  }, 90_000);

  it('refreshes on its own while open (server log), the new article comes in without moving the selection', async () => {
    loop = await serve();
    let served = 0;
    // each request after the first brings one more article, newer than the others
    loop.routes.set('/live.xml', () => {
      served++;
      const items = [item({ id: 'l1', title: 'Berita Pertama', hour: 6 }), item({ id: 'l2', title: 'Berita Kedua', hour: 5 })];
      for (let k = 2; k <= served; k++) items.unshift(item({ id: `n${k}`, title: `Berita Baru ${k}`, hour: 6 + k }));
      return rss('Live', items.join(''));
    });
    home = mkdtempSync(join(tmpdir(), 'cyberread-daily-'));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'id', refreshIntervalMinutes: 1, feeds: [{ url: loop.url('/live.xml'), title: 'Live' }] }));
    // the 1-minute interval is shortened for the test; core/schedule.ts is checked on a real clock in its own test
    start(80, 24, { CYBERREAD_TEST_REFRESH_MS: '1500' });
    await waitFor('Berita Kedua');
    await keys('j');
    const before = await waitFor((s) => /^›●.*Berita Kedua/m.test(s));
    expect(before).not.toContain('Berita Baru');
    // no key from here: the reader asks the server again by itself, and the new article is listed above
    const after = await waitFor((s) => s.includes('Berita Baru 3'), 20_000);
    expect(loop.log.length).toBeGreaterThanOrEqual(3);
    expect(after).toMatch(/^›●.*Berita Kedua/m);
    expect(after.split('\n').filter((l) => l.startsWith('›'))).toHaveLength(1);
    expect(after).toMatch(/\d+ baru|diperbarui/);
  }, 60_000);

  it('mark-all on a tag filter marks only those, z undoes; N goes to the next unread across feeds (Indonesian, 80x24)', async () => {
    loop = await serve();
    loop.routes.set('/a.xml', () =>
      rss('Feed A', item({ id: 'a1', title: 'A satu ransomware', hour: 10, tag: 'ransomware' }) + item({ id: 'a2', title: 'A dua phishing', hour: 8, tag: 'phishing' })),
    );
    loop.routes.set('/b.xml', () =>
      rss('Feed B', item({ id: 'b1', title: 'B satu ransomware', hour: 9, tag: 'ransomware' }) + item({ id: 'b2', title: 'B dua phishing', hour: 7, tag: 'phishing' })),
    );
    home = mkdtempSync(join(tmpdir(), 'cyberread-daily-'));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'id', feeds: [{ url: loop.url('/a.xml'), title: 'Feed A' }, { url: loop.url('/b.xml'), title: 'Feed B' }] }));
    start(80, 24);
    await waitFor('4 belum dibaca');
    await keys('#');
    await type('ransom');
    await keys('Enter');
    await waitFor('#ransomware ×');
    await keys('A');
    await waitFor('Tandai 2 artikel di daftar ini sudah dibaca?');
    await keys('y');
    await waitFor((s) => s.includes('2 artikel ditandai sudah dibaca — z mengurungkan') && s.includes('0 belum dibaca'));
    await keys('z');
    await waitFor((s) => s.includes('Diurungkan: 2 artikel kembali belum dibaca') && s.includes('2 belum dibaca'));
    // again, and this time look at the whole list: only the two of the filter were marked
    await keys('A', 'y');
    await waitFor('z mengurungkan');
    await keys('c');
    const all = await waitFor((s) => s.includes('2 belum dibaca') && s.includes('A dua phishing'));
    expect(all).toMatch(/^ ●.*A dua phishing/m);
    expect(all).toMatch(/^ ●.*B dua phishing/m);
    expect(all).toMatch(/^[ ›] {2}.*A satu ransomware/m);
    expect(all).toMatch(/^[ ›] {2}.*B satu ransomware/m);
    // next unread, in list order across the two feeds: A dua (feed A), then in the reader B dua (feed B)
    await keys('g', 'N');
    await waitFor((s) => /^›●.*A dua phishing/m.test(s));
    await keys('Enter');
    await waitFor((s) => s.includes('· Artikel ') && s.includes('Isi A dua phishing.'));
    await keys('N');
    await waitFor((s) => s.includes('· Artikel ') && s.includes('Isi B dua phishing.') && s.includes('Feed B'));
    await keys('N');
    await waitFor('Tidak ada lagi artikel yang belum dibaca');
    await keys('P');
    await waitFor('Tidak ada artikel belum dibaca sebelum ini');
  }, 90_000);

  it('a digit opens link n through the opener; an enclosure is listed and opened with the player (40x12 and 120x35)', async () => {
    loop = await serve();
    const enclosure = '<enclosure url="https://cdn.example/ep12.mp3" type="audio/mpeg" length="24123456"/>';
    const body = '<p>Baca <a href="https://bssn.go.id/panduan">panduan</a> dan <a href="https://haveibeenpwned.com/">cek</a>.</p>';
    loop.routes.set('/pod.xml', () => rss('Podcast', item({ id: 'p1', title: 'Episode 12', hour: 9, body, enclosure })));
    home = mkdtempSync(join(tmpdir(), 'cyberread-daily-'));
    const opened = join(home, 'opened.txt');
    const played = join(home, 'played.txt');
    // the "browser" and the "player": programs that write down the argument they got
    for (const [file, out] of [[join(home, 'browser.sh'), opened], [join(home, 'player.sh'), played]] as const) {
      writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${out}'\n`);
      chmodSync(file, 0o755);
    }
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'en', player: [join(home, 'player.sh'), '--no-video'], feeds: [{ url: loop.url('/pod.xml'), lang: 'en' }] }));
    start(120, 35, { BROWSER: join(home, 'browser.sh') });
    await waitFor('Episode 12');
    await keys('Enter', 'G');
    const page = await waitFor('Attachments');
    expect(page).toContain('[3] audio/mpeg · 24.1 MB');
    expect(page).toContain('https://cdn.example/ep12.mp3');
    await keys('2');
    await waitFor('Link 2█ — Enter opens · Esc cancels');
    await keys('Enter');
    await waitFor('Opened in the browser');
    await waitFor(() => existsSync(opened) && readFileSync(opened, 'utf8').includes('haveibeenpwned'));
    expect(readFileSync(opened, 'utf8')).toBe('https://haveibeenpwned.com/\n');
    await keys('3', 'Enter');
    await waitFor('Opened in the player');
    await waitFor(() => existsSync(played));
    expect(readFileSync(played, 'utf8')).toBe('--no-video\nhttps://cdn.example/ep12.mp3\n');
    // the link picker at the smallest size
    tmux('resize-window', '-t', 'app', '-x', '40', '-y', '12');
    await keys('u');
    const picker = await waitFor((s) => s.includes('[1] https://bssn') && s.includes('Links'));
    expect(picker.split('\n').every((l) => [...l].length <= 40)).toBe(true);
    await keys('Enter');
    await waitFor(() => readFileSync(opened, 'utf8').includes('bssn.go.id'));
    expect(readFileSync(opened, 'utf8').split('\n')).toContain('https://bssn.go.id/panduan');
  }, 90_000);
});
