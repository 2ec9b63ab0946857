/**
 * Every network fault at once in ONE `cyberread refresh` of the built program, next to good feeds. Timeouts
 * are lowered with CYBERREAD_TIMEOUT_MS so the whole refresh is bounded by about one timeout, not by the sum.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';
import { findInjection } from '../fixtures/hostile/payloads.js';
import { timeoutLimits } from '../../src/core/feeds/pipeline.js';
import { serve, type TestServer } from './server.js';

const good = (n: number): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Baik ${n}</title><link>http://127.0.0.1/</link>
<item><title>Berita baik ${n}</title><link>http://127.0.0.1/baik/${n}</link><guid>baik-${n}</guid><pubDate>Sat, 16 Nov 2019 12:59:00 +0700</pubDate></item></channel></rss>`;

let server: TestServer;
const timers = new Set<NodeJS.Timeout>();
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));

beforeAll(async () => {
  server = await serve({
    '/good1.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(good(1)),
    '/good2.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' }).end(gzipSync(good(2))),
    '/hang': () => undefined,
    '/trickle': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const t = setInterval(() => res.write('<'), 1000);
      timers.add(t);
      res.on('close', () => clearInterval(t));
    },
    '/reset': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': '5000' });
      res.write(good(3).slice(0, 100), () => res.socket?.resetAndDestroy());
    },
    '/loop': (_q, res) => res.writeHead(302, { Location: '/loop2' }).end(),
    '/loop2': (_q, res) => res.writeHead(302, { Location: '/loop' }).end(),
    '/to-file': (_q, res) => res.writeHead(301, { Location: 'file:///etc/passwd' }).end(),
    '/to-javascript': (_q, res) => res.writeHead(302, { Location: 'javascript:alert(1)' }).end(),
    '/bomb': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' }).end(BOMB),
    '/endless': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    '/short-length': (_q, res) => {
      const body = good(4);
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': String(body.length + 500) });
      // the server closes the connection after sending fewer bytes than it announced
      res.write(body, () => res.socket?.end());
    },
  });
});

afterAll(async () => {
  for (const t of timers) clearInterval(t);
  await server.close();
});

describe('network faults in one refresh', () => {
  it('the good feeds succeed, each bad one prints one clear line, and nothing waits past its timeout', async () => {
    const bad = ['/hang', '/trickle', '/reset', '/loop', '/to-file', '/to-javascript', '/bomb', '/endless', '/short-length'];
    const home = tempHome('cyberread-net-');
    const feeds = [...bad, '/good1.xml', '/good2.xml'].map((p) => ({ url: server.base + p, title: p.slice(1) }));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds, concurrency: 16, perHost: 16 }));
    const r = await runCli(['--home', home, 'refresh'], { env: { CYBERREAD_TIMEOUT_MS: '1500' } });
    expect(r.stderr).toBe('');
    expect(findInjection(r.stdout)).toBeNull();
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(feeds.length + 1);
    for (const p of bad) {
      const mine = lines.filter((l) => l.startsWith(`✗ ${p.slice(1)} `));
      expect(mine, p).toHaveLength(1);
    }
    expect(lines.filter((l) => l.startsWith('✓ good'))).toHaveLength(2);
    const byName = (n: string): string => lines.find((l) => l.startsWith(`✗ ${n} `)) ?? '';
    expect(byName('hang')).toContain('did not answer within 1.5');
    expect(byName('trickle')).toContain('did not send the whole feed within 1.5');
    expect(byName('loop')).toMatch(/redirect/i);
    expect(byName('to-file')).toMatch(/file/);
    expect(byName('bomb')).toContain('unpacks to more than 10 MiB');
    expect(byName('endless')).toContain('larger than 10 MiB');
    expect(byName('short-length')).toContain('closed the connection before the feed was complete');
    expect(byName('reset')).toMatch(/connection/);
    const list = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as { title: string }[];
    expect(list.map((a) => a.title).sort()).toEqual(['Berita baik 1', 'Berita baik 2']);
  }, 30_000);

  it('CYBERREAD_TIMEOUT_MS is read only when it is a sane number of milliseconds', () => {
    expect(timeoutLimits({ CYBERREAD_TIMEOUT_MS: '1500' })).toEqual({ connectTimeoutMs: 1500, firstByteTimeoutMs: 1500, bodyTimeoutMs: 1500 });
    for (const v of ['', 'abc', '-5', '50', '600001', '1e3']) expect(timeoutLimits({ CYBERREAD_TIMEOUT_MS: v })).toEqual({});
    expect(timeoutLimits({})).toEqual({});
  });
});
