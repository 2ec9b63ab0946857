/**
 * Terminal injection end to end through the BUILT program: hostile RSS, Atom and JSON Feed documents are
 * served from 127.0.0.1, refreshed by `cyberread refresh`, and every byte every command writes is checked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome, type RunResult } from '../helpers/cli.js';
import { findInjection, hostileAtom, hostileJsonFeed, hostileRss, MARKERS } from '../fixtures/hostile/payloads.js';
import { serve, serveRaw, stringsIn, type TestServer } from './server.js';

let server: TestServer;
let raw: Awaited<ReturnType<typeof serveRaw>>;
let home: string;

const clean = (r: RunResult): void => {
  expect(findInjection(r.stdout)).toBeNull();
  expect(findInjection(r.stderr)).toBeNull();
};

const cleanJson = (r: RunResult): unknown => {
  clean(r);
  const value: unknown = JSON.parse(r.stdout);
  for (const s of stringsIn(value)) expect(findInjection(s), s).toBeNull();
  return value;
};

beforeAll(async () => {
  server = await serve({
    '/rss.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(hostileRss(server.base)),
    '/atom.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(hostileAtom(server.base)),
    '/feed.json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/feed+json' }).end(hostileJsonFeed(server.base)),
    // an error whose text the server chose: a redirect to an address full of control sequences
    '/redirect': (_q, res) => res.writeHead(302, { Location: '/x%1B]0;osc0-marker%07' }).end(),
  });
  // a status line and headers Node's own server would refuse to send
  raw = await serveRaw(`HTTP/1.1 500 \u001b]0;osc0-marker\u0007Oops\u001b[2J\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n\u001b[2Jx\r\n`);
  home = tempHome('cyberread-hostile-');
  const feeds = [
    { url: `${server.base}/rss.xml`, tags: ['uji'] },
    { url: `${server.base}/atom.xml` },
    { url: `${server.base}/feed.json` },
    { url: `${server.base}/redirect` },
    { url: raw.url },
  ];
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds }));
});

afterAll(async () => {
  await server.close();
  await raw.close();
});

describe('hostile feed text never reaches the terminal through the CLI', () => {
  it('refresh prints clean lines for the good and the failing feeds', async () => {
    const r = await runCli(['--home', home, 'refresh']);
    clean(r);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // one line per feed plus the summary
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('✗'))).toHaveLength(2);
    const again = await runCli(['--home', home, 'refresh', '--json']);
    cleanJson(again);
  });

  it('list, list --json, tags, tags --json, feeds, feeds --json and export are clean', async () => {
    for (const args of [['list'], ['tags'], ['feeds'], ['export'], ['list', '--unread']]) clean(await runCli(['--home', home, ...args]));
    for (const args of [['list', '--json'], ['tags', '--json'], ['feeds', '--json']]) cleanJson(await runCli(['--home', home, ...args]));
    const list = cleanJson(await runCli(['--home', home, 'list', '--json'])) as { title: string; url: string | null; author: string | null; tags: string[] }[];
    expect(list).toHaveLength(6);
    // the visible words around the payloads survive
    expect(list.map((a) => a.title)).toContain('Judul RSS klik gnp.exex nollebarkata akhir');
    expect(list.map((a) => a.title)).toContain('JSON title klik gnp.exex nollebarkata end');
    // links with control characters, javascript:, data: and file: are dropped, not repaired
    expect(list.map((a) => a.url)).toEqual([null, null, null, null, null, null]);
    expect(list.flatMap((a) => a.tags).sort()).toEqual(['atomgnp.exextag', 'bocor', 'jsontag', 'leak', 'nollebarkata', 'tagrss', 'uji', 'uji']);
  });

  it('show and show --json of every article are clean, enclosures included', async () => {
    const list = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as { id: string }[];
    for (const { id } of list) {
      clean(await runCli(['--home', home, 'show', id]));
      const shown = cleanJson(await runCli(['--home', home, 'show', id, '--json'])) as { enclosures: unknown[]; contentHtml: string };
      expect(shown.enclosures).toEqual([]);
    }
  });

  it('the cache file holds none of the payloads', () => {
    const bytes = readFileSync(join(home, 'cache.db')).toString('latin1');
    for (const marker of MARKERS) expect(bytes).not.toContain(marker);
    expect(bytes).not.toContain('\u001b]');
    expect(bytes).not.toContain('\u001b[');
  });
});
