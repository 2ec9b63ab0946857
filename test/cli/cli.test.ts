import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, runCli, tempHome } from '../helpers/cli.js';

const ESC = '\u001b';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Berita Uji</title><link>http://127.0.0.1/</link><language>id</language>${items}</channel></rss>`;
}

const FEED = rss(`
<item><title>Data Pelanggan Bocor di Marketplace</title><link>http://127.0.0.1/read/1001/data-bocor</link>
<guid>http://127.0.0.1/read/1001/data-bocor</guid><dc:creator>Arif Rahman</dc:creator>
<pubDate>Sat, 16 Nov 2019 12:59:00 +0700</pubDate><category>databreach</category><category>TrendMicro</category>
<description>Ringkasan kebocoran data pelanggan.</description>
<content:encoded><![CDATA[<p>Cyberthreat.id - Sebuah <a href="https://example.org/laporan">laporan</a> menyebutkan data bocor.</p><ul><li>Ganti kata sandi</li></ul>]]></content:encoded></item>
<item><title>Gelombang Phishing Kurir Palsu</title><link>http://127.0.0.1/read/1002/phishing</link>
<guid>http://127.0.0.1/read/1002/phishing</guid><dc:creator>Sari Dewi</dc:creator>
<pubDate>Sun, 17 Nov 2019 08:00:00 +0700</pubDate><category>phishing</category>
<description>Pesan SMS palsu mengatasnamakan kurir.</description></item>
<item><title>Judul ${ESC}]52;c;cm0gLXJmIH4=\u0007berbahaya ${ESC}[31mmerah</title><link>http://127.0.0.1/read/1003/x</link>
<guid>http://127.0.0.1/read/1003/x</guid><pubDate>Mon, 18 Nov 2019 08:00:00 +0700</pubDate><category>malware</category>
<description>Teks ${ESC}]8;;http://evil.example${ESC}\\tautan${ESC}]8;;${ESC}\\ palsu.</description></item>`);

let server: Server;
let base: string;
const seen: { path: string; ifNoneMatch?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    if (req.url === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { ETag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: '"v1"' }).end(FEED);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function homeWithFeed(): Promise<string> {
  const home = tempHome();
  const add = await runCli(['feeds', 'add', `${base}/feed.xml`, '--home', home, '--lang', 'id', '--title', 'Berita Uji', '--tag', 'uji']);
  expect(add.code).toBe(0);
  const refresh = await runCli(['--home', home, 'refresh']);
  expect(refresh.stderr).toBe('');
  return home;
}

describe('cyberread CLI', () => {
  it('prints its version and help', async () => {
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['feeds', 'refresh', 'list', 'show', 'tags', 'mark', 'import', 'export', '--demo']) expect(help.stdout).toContain(cmd);
    const listHelp = await runCli(['list', '--help']);
    expect(listHelp.stdout).toContain('--unread');
    const idHelp = await runCli(['help', 'refresh', '--lang', 'id']);
    expect(idHelp.stdout).toContain('Kode keluar');
  });

  it('rejects a bad command or option with one sentence and exit code 2', async () => {
    for (const args of [['frobnicate'], ['list', '--bogus'], ['list', '--limit', 'x'], ['list', '--lang', 'fr'], ['list', 'ransomware'], ['tags', 'x'], ['export', 'out.opml']]) {
      const r = await runCli(['--home', tempHome(), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses to open the reader without a terminal', async () => {
    const r = await runCli(['--home', tempHome()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('interactive terminal');
  });

  it('adds, lists and removes feeds; --home works before or after the command', async () => {
    const home = tempHome();
    expect((await runCli(['--home', home, 'feeds', 'add', 'https://example.org/rss', '--lang', 'en', '--tag', 'news'])).code).toBe(0);
    const again = await runCli(['feeds', 'add', 'https://example.org/rss', '--home', home]);
    expect(again.stdout).toContain('already');
    const json = JSON.parse((await runCli(['feeds', '--json', '--home', home])).stdout) as { url: string; lang?: string; tags?: string[] }[];
    expect(json.find((f) => f.url === 'https://example.org/rss')).toMatchObject({ lang: 'en', tags: ['news'] });
    const bad = await runCli(['--home', home, 'feeds', 'add', 'javascript:alert(1)']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a feed address');
    expect((await runCli(['--home', home, 'feeds', 'remove', 'https://example.org/rss'])).code).toBe(0);
    const missing = await runCli(['--home', home, 'feeds', 'remove', 'https://example.org/rss']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('is not one of your feeds');
  });

  it('refreshes over HTTP, then asks conditionally and gets 304', async () => {
    const home = tempHome();
    await runCli(['--home', home, 'feeds', 'add', `${base}/feed.xml`, '--lang', 'id']);
    const first = await runCli(['--home', home, 'refresh', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual([{ url: `${base}/feed.xml`, status: 'new', added: 3, updated: 0 }]);
    const before = seen.length;
    const second = await runCli(['--home', home, 'refresh', '--json']);
    expect(JSON.parse(second.stdout)).toEqual([{ url: `${base}/feed.xml`, status: 'unchanged', added: 0, updated: 0 }]);
    expect(seen.slice(before)).toEqual([{ path: '/feed.xml', ifNoneMatch: '"v1"' }]);
  });

  it('keeps going when one feed fails, and exits 1', async () => {
    const home = tempHome();
    await runCli(['--home', home, 'feeds', 'add', `${base}/missing.xml`]);
    await runCli(['--home', home, 'feeds', 'add', `${base}/feed.xml`]);
    const r = await runCli(['--home', home, 'refresh']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ .*missing\.xml.*404/);
    expect(r.stdout).toMatch(/✓ .*feed\.xml.*3 new/);
    const list = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(3);
  });

  it('lists articles newest first with the documented JSON fields and filters', async () => {
    const home = await homeWithFeed();
    const all = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as Record<string, unknown>[];
    expect(all.map((a) => (a.title as string).slice(0, 12))).toEqual(['Judul berbah', 'Gelombang Ph', 'Data Pelangg']);
    const first = all[2]!;
    expect(Object.keys(first).sort()).toEqual(['author', 'feed', 'id', 'lang', 'published', 'read', 'starred', 'summary', 'tags', 'title', 'url'].sort());
    expect(first).toMatchObject({
      title: 'Data Pelanggan Bocor di Marketplace',
      author: 'Arif Rahman',
      published: '2019-11-16T05:59:00.000Z',
      lang: 'id',
      url: 'http://127.0.0.1/read/1001/data-bocor',
      read: false,
      starred: false,
      feed: { url: `${base}/feed.xml`, title: 'Berita Uji' },
    });
    expect(first.tags).toEqual(expect.arrayContaining(['uji', 'databreach', 'TrendMicro']));
    const tagged = JSON.parse((await runCli(['--home', home, 'list', '--json', '--tag', 'DATABREACH'])).stdout) as { title: string }[];
    expect(tagged.map((a) => a.title)).toEqual(['Data Pelanggan Bocor di Marketplace']);
    const searched = JSON.parse((await runCli(['--home', home, 'list', '--json', '--search', 'kurir'])).stdout) as { title: string }[];
    expect(searched.map((a) => a.title)).toEqual(['Gelombang Phishing Kurir Palsu']);
    const english = JSON.parse((await runCli(['--home', home, 'list', '--json', '--lang', 'en'])).stdout) as unknown[];
    expect(english).toEqual([]);
    const limited = JSON.parse((await runCli(['--home', home, 'list', '--json', '--limit', '1'])).stdout) as unknown[];
    expect(limited).toHaveLength(1);
  });

  it('marks, stars and shows an article as text with footnotes', async () => {
    const home = await homeWithFeed();
    const all = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as { id: string; title: string }[];
    const target = all.find((a) => a.title.startsWith('Data Pelanggan'))!;
    expect((await runCli(['--home', home, 'mark', target.id, '--star'])).code).toBe(0);
    const starred = JSON.parse((await runCli(['--home', home, 'list', '--json', '--starred'])).stdout) as { id: string }[];
    expect(starred.map((a) => a.id)).toEqual([target.id]);
    const shown = await runCli(['--home', home, 'show', target.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Data Pelanggan Bocor di Marketplace');
    expect(shown.stdout).toContain('Arif Rahman · Saturday, 16 November 2019 - 12:59 WIB');
    expect(shown.stdout).toContain('laporan [1]');
    expect(shown.stdout).toContain('[1] https://example.org/laporan');
    const unread = JSON.parse((await runCli(['--home', home, 'list', '--json', '--unread'])).stdout) as { id: string }[];
    expect(unread.map((a) => a.id)).not.toContain(target.id);
    const json = JSON.parse((await runCli(['--home', home, 'show', target.id, '--json'])).stdout) as { contentHtml: string };
    expect(json.contentHtml).toContain('<ul><li>Ganti kata sandi</li></ul>');
    const missing = await runCli(['--home', home, 'show', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No article with id nope');
    const noFlag = await runCli(['--home', home, 'mark', target.id]);
    expect(noFlag.code).toBe(2);
  });

  it('counts tags, most used first', async () => {
    const home = await homeWithFeed();
    const tags = JSON.parse((await runCli(['--home', home, 'tags', '--json'])).stdout) as { tag: string; count: number }[];
    expect(tags[0]).toEqual({ tag: 'uji', count: 3 });
    expect(tags).toContainEqual({ tag: 'TrendMicro', count: 1 });
  });

  it('never prints control sequences from feed text', async () => {
    const home = await homeWithFeed();
    for (const args of [['list'], ['list', '--json'], ['tags'], ['feeds']]) {
      const r = await runCli(['--home', home, ...args]);
      expect(r.stdout).not.toMatch(CONTROL);
    }
    const all = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as { id: string; title: string; summary: string }[];
    const hostile = all.find((a) => a.title.startsWith('Judul'))!;
    expect(hostile.title).toBe('Judul berbahaya merah');
    expect(hostile.summary).toBe('Teks tautan palsu.');
    expect((await runCli(['--home', home, 'show', hostile.id])).stdout).not.toMatch(CONTROL);
  });

  it('imports and exports OPML with language and tags', async () => {
    const home = tempHome();
    const file = join(home, 'in.opml');
    writeFileSync(file, `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Security"><outline text="Berita" type="rss" xmlUrl="https://example.org/id.xml" language="id" category="keamanan"/></outline>
      <outline text="Bad" type="rss" xmlUrl="exec:rm -rf ~"/></body></opml>`);
    const imp = await runCli(['--home', home, 'import', file]);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('exec:');
    const exp = await runCli(['--home', home, 'export']);
    expect(exp.stdout).toContain('xmlUrl="https://example.org/id.xml"');
    expect(exp.stdout).toContain('language="id"');
    expect(exp.stdout).not.toContain('exec:');
    // a feed's full-article mode goes out and comes back in with the subscriptions
    expect((await runCli(['--home', home, 'feeds', 'add', 'https://example.org/id.xml', '--full', 'always'])).code).toBe(0);
    const withMode = await runCli(['--home', home, 'export']);
    expect(withMode.stdout).toContain('cyberread:fullText="always"');
    const other = tempHome();
    writeFileSync(join(other, 'in.opml'), withMode.stdout);
    expect((await runCli(['--home', other, 'import', join(other, 'in.opml')])).code).toBe(0);
    const feeds = JSON.parse((await runCli(['--home', other, 'feeds', '--json'])).stdout) as { url: string; fullText: string }[];
    expect(feeds.map((f) => [f.url, f.fullText])).toEqual([['https://example.org/id.xml', 'always']]);
    const notOpml = join(home, 'x.opml');
    writeFileSync(notOpml, '<html><body>hi</body></html>');
    const bad = await runCli(['--home', home, 'import', notOpml]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not OPML');
  });

  it('moves a corrupt cache aside and says where; the fresh cache counts as never refreshed', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [], lastRefreshAt: new Date().toISOString() }));
    writeFileSync(join(home, 'cache.db'), 'this is not a database at all'.repeat(100));
    const r = await runCli(['--home', home, 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(join(home, 'cache.db'));
    expect(r.stderr).toContain('.corrupt-');
    // so the reader's background refresh fills it at its next start instead of an interval later
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ feeds: [] });
  });

  it('explains an unusable home or settings file in one sentence', async () => {
    const home = tempHome();
    const file = join(home, 'a-file');
    writeFileSync(file, 'x');
    const r = await runCli(['--home', join(file, 'sub'), 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(file);
    const home2 = tempHome();
    mkdirSync(home2, { recursive: true });
    writeFileSync(join(home2, 'config.json'), '{"feeds": [');
    const r2 = await runCli(['--home', home2, 'feeds']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('not valid JSON');
    expect(readFileSync(join(home2, 'config.json'), 'utf8')).toBe('{"feeds": [');
  });

  it('gives a new user the default feeds, including both cyberthreat.id editions', async () => {
    const home = tempHome('cyberread-new-', { fresh: true });
    const feeds = JSON.parse((await runCli(['--home', home, 'feeds', '--json'])).stdout) as { url: string; lang?: string }[];
    expect(feeds.filter((f) => f.url.includes('cyberthreat.id')).map((f) => f.lang).sort()).toEqual(['en', 'id']);
    expect(feeds.length).toBeGreaterThanOrEqual(4);
  });

  it('treats --lang of feeds add and list as the feed language or edition, not the language to answer in', async () => {
    const home = tempHome();
    const r = await runCli(['--home', home, 'feeds', 'add', 'https://example.org/id.xml', '--lang', 'id']);
    expect(r.stdout).toContain('Added https://example.org/id.xml');
  });

  it('stops quietly when its output pipe is closed early', async () => {
    const r = await new Promise<{ stderr: string; out: string }>((resolve) => {
      const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" --demo list --limit 200 | head -n 1`], { env: { ...process.env, COLUMNS: '80' } });
      let stderr = '';
      let out = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve({ stderr, out }));
    });
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('uses CYBERREAD_HOME', async () => {
    const home = tempHome();
    await runCli(['feeds', 'add', 'https://example.org/a.xml'], { env: { CYBERREAD_HOME: home } });
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toContain('https://example.org/a.xml');
  });

  it('lists the other edition in show --json, and shows posting times in the configured zone and language', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [], timeZone: 'Asia/Makassar' }));
    const demo = await runCli(['--home', home, 'feeds', 'add', join(process.cwd(), 'samples', 'cyberthreat-id.xml'), '--lang', 'id']);
    expect(demo.code).toBe(0);
    await runCli(['--home', home, 'feeds', 'add', join(process.cwd(), 'samples', 'cyberthreat-en.xml'), '--lang', 'en']);
    expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
    const list = JSON.parse((await runCli(['--home', home, 'list', '--json', '--lang', 'id', '--limit', '100'])).stdout) as { id: string; url: string; published: string }[];
    let paired: { id: string; alternates: { url: string; lang: string | null; id: string | null }[] } | undefined;
    for (const a of list) {
      const shown = JSON.parse((await runCli(['--home', home, 'show', a.id, '--json'])).stdout) as typeof paired;
      if (shown!.alternates.some((x) => x.id)) {
        paired = shown;
        break;
      }
    }
    expect(paired).toBeDefined();
    const other = paired!.alternates.find((x) => x.id)!;
    expect(other.lang).toBe('en');
    expect(other.url).toMatch(/^https:\/\/en\.cyberthreat\.id\/read\//);
    const text = await runCli(['--home', home, 'show', paired!.id, '--lang', 'id']);
    expect(text.stdout).toMatch(/(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ 2026 - \d\d:\d\d WITA/);
    expect(text.stdout).toContain(`ENG: ${other.id}`);
  });

  it('speaks Indonesian when the locale is Indonesian and no language was chosen', async () => {
    const r = await runCli(['--home', tempHome(), 'list'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(r.stdout.trim()).toBe('Tidak ada artikel yang cocok.');
    const flag = await runCli(['--home', tempHome(), 'refresh', '--lang', 'en'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(flag.stdout.trim()).toBe('You have no feeds. Add one with "cyberread feeds add URL".');
    const saved = tempHome();
    writeFileSync(join(saved, 'config.json'), '{"feeds": [], "lang": "en"}');
    expect((await runCli(['--home', saved, 'list'], { env: { LANG: 'id_ID.UTF-8' } })).stdout.trim()).toBe('No articles match.');
  });

  it('runs any command on the bundled sample news with --demo', async () => {
    const r = await runCli(['--demo', 'list', '--json', '--limit', '200']);
    expect(r.code).toBe(0);
    const articles = JSON.parse(r.stdout) as { lang: string }[];
    expect(articles.filter((a) => a.lang === 'id').length).toBeGreaterThanOrEqual(15);
    expect(articles.filter((a) => a.lang === 'en').length).toBeGreaterThanOrEqual(15);
  });
});
