import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, serve, terminal, type Loopback } from '../helpers/tmux.js';

// A day's use of the BUILT reader in a real terminal (tmux), against feeds served on 127.0.0.1: the feeds view
// adds, renames, refreshes, shows the error of and removes a loopback feed; the reader refreshes on its own;
// mark-all on a tag filter and its undo; next unread across feeds; a link number and an enclosure opened
// through the opener. Several terminal sizes, both languages.

const term = terminal('daily');
const { waitFor, keys, type } = term;

const rss = (title: string, items: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link><language>id</language>${items}</channel></rss>`;

function item(o: { id: string; title: string; hour: number; tag?: string; body?: string; enclosure?: string }): string {
  return `<item><title>${o.title}</title><link>http://127.0.0.1/read/${o.id}</link><guid>${o.id}</guid>
<pubDate>Sat, 28 Nov 2026 ${String(o.hour).padStart(2, '0')}:00:00 +0700</pubDate>${o.tag ? `<category>${o.tag}</category>` : ''}
<description><![CDATA[${o.body ?? `<p>Isi ${o.title}.</p>`}]]></description>${o.enclosure ?? ''}</item>`;
}

let home: string | undefined;
let loop: Loopback | undefined;
afterEach(async () => {
  if (hasTmux) term.kill();
  await loop?.stop();
  loop = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
});

/** Starts the built reader in tmux at a size, on `home`, with extra environment. */
const start = (columns: number, rows: number, env: Record<string, string> = {}): void => term.start(home ?? '', columns, rows, env);

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
    term.resize(40, 12);
    await keys('u');
    const picker = await waitFor((s) => s.includes('[1] https://bssn') && s.includes('Links'));
    expect(picker.split('\n').every((l) => [...l].length <= 40)).toBe(true);
    await keys('Enter');
    await waitFor(() => readFileSync(opened, 'utf8').includes('bssn.go.id'));
    expect(readFileSync(opened, 'utf8').split('\n')).toContain('https://bssn.go.id/panduan');
  }, 90_000);
});
