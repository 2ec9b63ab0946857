// show --full, show --json, list --tag/--search and refresh --full through the built CLI, against feeds and
// pages served from 127.0.0.1.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';
import { serve, type TestServer } from '../security/server.js';
import { feeds, pages, PATHS, RELATED_ID } from './fixtures.js';

/**
 * For a test that runs the built program several times: the time it may take is the machine's load, not
 * what the test checks, so the deadline is far above a quiet run's (a hang still fails).
 */
const SPAWNS_TIMEOUT_MS = 120_000;

let server: TestServer;
let home: string;
const conditional: string[] = [];
let idDescription: string | undefined;

const cli = (...args: string[]) => runCli(['--home', home, ...args], { env: { CYBERREAD_TIMEOUT_MS: '5000' } });
const json = async (...args: string[]) => {
  const r = await cli(...args, '--json');
  return { ...r, value: JSON.parse(r.stdout) as Record<string, unknown> & { full?: Record<string, unknown> } };
};
const pageHits = () => server.seen.filter((p) => p === PATHS.idPage).length;
let idOf: { rekam: string; patient: string; related: string; missing: string };

beforeAll(async () => {
  server = await serve({
    '/id.xml': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feeds(server.base, { ...(idDescription ? { idDescription } : {}) }).id),
    '/en.xml': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feeds(server.base).en),
    [PATHS.idPage]: (req, res) => {
      if (req.headers['if-none-match'] === '"p1"') {
        conditional.push(req.url ?? '');
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: '"p1"' }).end(pages(server.base).id);
    },
    [PATHS.enPage]: (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages(server.base).en),
  });
  home = tempHome('cyberread-full-');
  writeFileSync(
    join(home, 'config.json'),
    JSON.stringify({ feeds: [{ url: `${server.base}/id.xml`, lang: 'id' }, { url: `${server.base}/en.xml`, lang: 'en' }], timeZone: 'Asia/Jakarta' }),
  );
  expect((await cli('refresh')).code).toBe(0);
  const list = JSON.parse((await cli('list', '--json')).stdout) as { id: string; url: string }[];
  const find = (url: string) => list.find((a) => a.url === url)?.id ?? '';
  idOf = {
    rekam: find(`${server.base}${PATHS.idPage}`),
    patient: find(`${server.base}${PATHS.enPage}`),
    related: find(RELATED_ID),
    missing: find(`${server.base}${PATHS.missing}`),
  };
  expect(Object.values(idOf).every(Boolean)).toBe(true);
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

const CHROME = [
  'Terpopuler', 'Situs ini memakai cookie', 'Setuju', 'Berlangganan', 'Komentar', 'rudi_h', 'Ngeri juga', 'Hak cipta',
  'Bagikan:', 'Iklan', 'dataLayer', 'gtag', 'Beranda', 'Pedoman Media Siber', 'Masuk', 'BACA JUGA:', 'Facebook', 'WhatsApp',
];

describe('show --full', () => {
  it('prints the whole body of the page and nothing around it, with the page byline, hashtags and Read also', async () => {
    expect(pageHits()).toBe(0);
    const r = await cli('show', idOf.rekam, '--full', '--lang', 'id');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const sentence of [
      'Sekitar 180 ribu berkas milik pasien RS Harapan Sehat',
      'Direktur RS Harapan Sehat, dr. Wulan Prameswari, membenarkan',
      'Mengenkripsi cadangan data sebelum diunggah.',
      'diimbau mewaspadai telepon atau pesan yang mengaku dari rumah sakit',
    ]) expect(r.stdout.replace(/\s+/g, ' ')).toContain(sentence);
    for (const chrome of CHROME) expect(r.stdout).not.toContain(chrome);
    expect(r.stdout).toContain('Rina Kartikasari · Sabtu, 21 November 2026 - 14:00 WIB');
    expect(r.stdout).toContain('artikel lengkap');
    // the picture the site prints above the body (left out with the header) is the first line of the body
    const body = r.stdout.split(/^─+$/m)[1]?.trimStart() ?? '';
    expect(body.split('\n').slice(0, 2)).toEqual(['[gambar]', 'Ilustrasi rekam medis elektronik. (Cyberthreat.id)']);
    expect(r.stdout).toMatch(/#rekammedis/);
    expect(r.stdout).toContain('Baca juga');
    expect(r.stdout).toContain(`› ${idOf.related}  Data 2,3 Juta Pelanggan`);
    expect(pageHits()).toBe(1);
  });

  it('a second show --full sends no request', async () => {
    const before = server.seen.length;
    const r = await cli('show', idOf.rekam, '--full');
    expect(r.code).toBe(0);
    expect(server.seen.length).toBe(before);
  });

  it('--json --full gives the page: status, time, address, byline, tags, text, related (resolved) and editions', async () => {
    const { value, code } = await json('show', idOf.rekam, '--full');
    expect(code).toBe(0);
    const full = value.full as Record<string, unknown>;
    expect(full).toMatchObject({
      status: 'ok',
      url: `${server.base}${PATHS.idPage}`,
      author: 'Rina Kartikasari',
      published: '2026-11-21T07:00:00.000Z',
    });
    expect(full.error).toBeUndefined();
    expect(Date.parse(full.fetchedAt as string)).not.toBeNaN();
    expect(full.tags).toEqual(expect.arrayContaining(['rekammedis', 'cloud', 'databreach']));
    expect(full.text).toContain('Sekitar 180 ribu berkas');
    for (const chrome of CHROME) expect(full.text).not.toContain(chrome);
    expect(full.related).toEqual(expect.arrayContaining([{ title: expect.any(String), url: RELATED_ID, id: idOf.related }]));
    expect(full.alternates).toEqual(expect.arrayContaining([{ lang: 'en', url: `${server.base}${PATHS.enPage}` }]));
    // page tags are the article's tags too
    expect(value.tags).toEqual(expect.arrayContaining(['databreach', 'healthcare', 'rekammedis']));
  });

  it('show --json without --full includes the cached page', async () => {
    const { value } = await json('show', idOf.rekam);
    expect(value.full?.status).toBe('ok');
    const other = await json('show', idOf.related);
    expect(other.value.full).toBeUndefined();
  });

  it('--tag and --search find the article by page-only tags and words', async () => {
    const byTag = JSON.parse((await cli('list', '--tag', 'rekammedis', '--json')).stdout) as { id: string }[];
    expect(byTag.map((a) => a.id)).toEqual([idOf.rekam]);
    const bySearch = JSON.parse((await cli('list', '--search', 'Prameswari', '--json')).stdout) as { id: string }[];
    expect(bySearch.map((a) => a.id)).toEqual([idOf.rekam]);
    expect((await cli('tags', '--json')).stdout).toContain('rekammedis');
  });

  it('the other edition is found through the page, and its page byline fills what its feed lacks', async () => {
    const { value } = await json('show', idOf.rekam);
    expect((value.alternates as { id: string | null }[]).map((a) => a.id)).toContain(idOf.patient);
    const en = await cli('show', idOf.patient, '--full', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Rina Kartikasari · Saturday, 21 November 2026 - 14:00 WIB');
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('About 180,000 files belonging to patients');
    expect(en.stdout).not.toContain('Most Popular');
  });

  it('asks again conditionally once the feed changed the article', async () => {
    idDescription = 'Sekitar 180 ribu berkas pasien dapat diakses bebas dari internet (diperbarui).';
    expect((await cli('refresh')).code).toBe(0);
    const hits = pageHits();
    const r = await cli('show', idOf.rekam, '--full');
    expect(r.code).toBe(0);
    expect(pageHits()).toBe(hits + 1);
    expect(conditional).toEqual([PATHS.idPage]);
    expect(r.stdout).toContain('Sekitar 180 ribu berkas milik pasien');
  });

  it('a page that cannot be had: the feed text, one sentence on stderr, exit 1; the reason is kept', async () => {
    const r = await cli('show', idOf.missing, '--full');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Satu kalimat tentang halaman yang sudah tidak ada.');
    expect(r.stderr.trim().split('\n')).toEqual(['cyberread: Could not load the full article (the site answered 404); the feed text is shown instead.']);
    const { value } = await json('show', idOf.missing);
    expect(value.full).toMatchObject({ status: 'failed', error: 'the site answered 404', errorCode: 'http' });
    const id = await cli('show', idOf.missing, '--full', '--lang', 'id');
    expect(id.stderr).toContain('Artikel lengkap tidak dapat dimuat (situs menjawab 404)');
  });
});

describe('refresh --full and the fullText setting', () => {
  it('fetches the pages of new excerpt-only articles once, politely, and follows never / always', async () => {
    const h = tempHome('cyberread-full-refresh-');
    try {
      const run = (...args: string[]) => runCli(['--home', h, ...args], { env: { CYBERREAD_TIMEOUT_MS: '5000' } });
      expect((await run('feeds', 'add', `${server.base}/id.xml`, '--lang', 'id', '--full', 'never')).code).toBe(0);
      expect((await run('feeds', 'add', `${server.base}/en.xml`, '--lang', 'en')).code).toBe(0);
      const before = server.seen.length;
      const r = await run('refresh', '--full');
      expect(r.code).toBe(0);
      const asked = server.seen.slice(before);
      expect(asked.filter((p) => p === PATHS.enPage)).toHaveLength(1);
      expect(asked).not.toContain(PATHS.idPage);
      expect(asked).not.toContain(PATHS.missing);
      expect(r.stdout).toContain('Full articles: 1 page fetched, 1 read in full.');
      // nothing new: nothing fetched again
      const again = server.seen.length;
      expect((await run('refresh', '--full')).stdout).toContain('Full articles: 0 pages fetched');
      expect(server.seen.slice(again).filter((p) => !p.endsWith('.xml'))).toEqual([]);
      // the mode of a subscribed feed changes with feeds add --full
      const set = await run('feeds', 'add', `${server.base}/id.xml`, '--full', 'always');
      expect(set.stdout).toContain(`Full articles for ${server.base}/id.xml: always.`);
      const listed = JSON.parse((await run('feeds', '--json')).stdout) as { fullText: string }[];
      expect(listed.map((f) => f.fullText)).toEqual(['always', 'auto']);
      expect((await run('feeds', 'add', `${server.base}/id.xml`, '--full', 'sometimes')).code).toBe(2);
    } finally {
      rmSync(h, { recursive: true, force: true });
    }
    // eight runs of the built program: ~1 s each on a quiet machine, many times that on a loaded one
  }, SPAWNS_TIMEOUT_MS);

  it('--json keeps the array of feeds; with --full each feed says how many of its pages were fetched, read in full, failed', async () => {
    const h = tempHome('cyberread-full-json-');
    try {
      const run = (...args: string[]) => runCli(['--home', h, ...args], { env: { CYBERREAD_TIMEOUT_MS: '5000' } });
      expect((await run('feeds', 'add', `${server.base}/id.xml`, '--lang', 'id', '--full', 'never')).code).toBe(0);
      expect((await run('feeds', 'add', `${server.base}/en.xml`, '--lang', 'en')).code).toBe(0);
      const full = await run('refresh', '--full', '--json');
      expect(full.code).toBe(0);
      const entries = JSON.parse(full.stdout) as { url: string; status: string; pages: Record<string, number> }[];
      expect(Array.isArray(entries)).toBe(true);
      expect(entries.map((e) => e.url)).toEqual([`${server.base}/id.xml`, `${server.base}/en.xml`]);
      expect(entries[0]?.pages).toEqual({ fetched: 0, ok: 0, failed: 0, skipped: 0 });
      expect(entries[1]?.pages).toEqual({ fetched: 1, ok: 1, failed: 0, skipped: 0 });
      // without --full: the same array, without page counts
      const plain = JSON.parse((await run('refresh', '--json')).stdout) as Record<string, unknown>[];
      expect(plain.map((e) => e.url)).toEqual(entries.map((e) => e.url));
      expect(plain.every((e) => !('pages' in e))).toBe(true);
    } finally {
      rmSync(h, { recursive: true, force: true });
    }
  }, SPAWNS_TIMEOUT_MS);
});
