import { explain } from '../../../src/core/i18n/problem.js';
import { VERSION } from '../../../src/core/version.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCEPT,
  DEFAULT_LIMITS,
  createFetcher,
  parseRetryAfter,
  userAgent,
  type Fetcher,
  type FetcherOptions,
} from '../../../src/core/feeds/http.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  base: string;
  host: string;
  seen: Array<{ path: string; headers: IncomingHttpHeaders }>;
  active: number;
  maxActive: number;
  server: http.Server;
}

const servers: Array<http.Server | net.Server> = [];
const fetchers: Fetcher[] = [];

function listen<S extends http.Server | net.Server>(server: S): Promise<S> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: http.Server | net.Server): number {
  return (server.address() as AddressInfo).port;
}

async function startServer(routes: Record<string, Handler>, counter?: { active: number; max: number }): Promise<TestServer> {
  const state: TestServer = { base: '', host: '', seen: [], active: 0, maxActive: 0, server: undefined as never };
  const server = http.createServer((req, res) => {
    state.seen.push({ path: req.url ?? '', headers: req.headers });
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    if (counter) {
      counter.active++;
      counter.max = Math.max(counter.max, counter.active);
    }
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      state.active--;
      if (counter) counter.active--;
    };
    res.on('finish', finish);
    res.on('close', finish);
    const route = routes[(req.url ?? '').split('?')[0] ?? ''];
    if (route) route(req, res);
    else {
      res.writeHead(404).end('not here');
    }
  });
  await listen(server);
  state.server = server;
  state.host = `127.0.0.1:${port(server)}`;
  state.base = `http://${state.host}`;
  return state;
}

function fetcher(options: FetcherOptions = {}): Fetcher {
  // never let a developer's own proxy settings leak into the tests
  const f = createFetcher({ env: {}, ...options });
  fetchers.push(f);
  return f;
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = port(s);
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((r) => {
          if (s instanceof http.Server) s.closeAllConnections();
          s.close(() => r());
        }),
    ),
  );
});

const FEED = Buffer.concat([
  Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>'),
  Buffer.from([0x93, 0x4b, 0x61, 0x62, 0x61, 0x72, 0x94, 0x20, 0x96, 0xe9]), // “Kabar” – é in windows-1252
  Buffer.from('</title></channel></rss>'),
]);

function serve(body: Buffer, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-length': String(body.length), ...headers });
    res.end(body);
  };
}

describe('fetching over http', () => {
  it('returns the exact bytes, Content-Type and validators of a 200', async () => {
    const srv = await startServer({
      '/feed': serve(FEED, {
        'content-type': 'application/rss+xml; charset=windows-1252',
        etag: '"v1"',
        'last-modified': 'Sat, 16 Nov 2019 05:59:00 GMT',
      }),
    });
    const out = await fetcher().fetch({ url: `${srv.base}/feed` });
    expect(out).toEqual({
      kind: 'ok',
      url: `${srv.base}/feed`,
      status: 200,
      bytes: new Uint8Array(FEED),
      contentType: 'application/rss+xml; charset=windows-1252',
      etag: '"v1"',
      lastModified: 'Sat, 16 Nov 2019 05:59:00 GMT',
    });
  });

  it('sends the validators and turns a 304 into not-modified', async () => {
    const srv = await startServer({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
        else serve(FEED)(req, res);
      },
    });
    const out = await fetcher().fetch({
      url: `${srv.base}/feed`,
      etag: '"v1"',
      lastModified: 'Sat, 16 Nov 2019 05:59:00 GMT',
    });
    expect(out).toEqual({
      kind: 'not-modified',
      url: `${srv.base}/feed`,
      etag: '"v1"',
      lastModified: 'Sat, 16 Nov 2019 05:59:00 GMT',
    });
    expect(srv.seen).toHaveLength(1);
    expect(srv.seen[0]?.headers['if-none-match']).toBe('"v1"');
    expect(srv.seen[0]?.headers['if-modified-since']).toBe('Sat, 16 Nov 2019 05:59:00 GMT');
  });

  it('reuses the connection for the next request to the same host', async () => {
    const ports: number[] = [];
    const srv = await startServer({
      '/feed': (req, res) => {
        ports.push(req.socket.remotePort ?? -1);
        serve(FEED)(req, res);
      },
    });
    const f = fetcher();
    for (let i = 0; i < 3; i++) expect((await f.fetch({ url: `${srv.base}/feed` })).kind).toBe('ok');
    expect(ports).toHaveLength(3);
    expect(new Set(ports).size).toBe(1);
  });

  it('sends an honest User-Agent, the feed Accept header and Accept-Encoding', async () => {
    const srv = await startServer({ '/feed': serve(FEED) });
    await fetcher().fetch({ url: `${srv.base}/feed` });
    await fetcher({ userAgent: userAgent('1.2.3') }).fetch({ url: `${srv.base}/feed` });
    expect(srv.seen.map((s) => s.headers['user-agent'])).toEqual([
      `cyberread/${VERSION} (terminal feed reader; Node.js ${process.version})`,
      `cyberread/1.2.3 (terminal feed reader; Node.js ${process.version})`,
    ]);
    expect(srv.seen[0]?.headers.accept).toBe(ACCEPT);
    expect(srv.seen[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(srv.seen[0]?.headers['if-none-match']).toBeUndefined();
  });

  it.each([
    ['gzip', zlib.gzipSync(FEED)],
    ['deflate', zlib.deflateSync(FEED)],
    ['deflate', zlib.deflateRawSync(FEED)],
    ['br', zlib.brotliCompressSync(FEED)],
    ['deflate, gzip', zlib.gzipSync(zlib.deflateSync(FEED))],
  ])('decodes Content-Encoding %s', async (encoding, body) => {
    const srv = await startServer({ '/feed': serve(body, { 'content-encoding': encoding }) });
    const out = await fetcher().fetch({ url: `${srv.base}/feed` });
    expect(out.kind).toBe('ok');
    expect(out.kind === 'ok' && Buffer.from(out.bytes).equals(FEED)).toBe(true);
  });

  it('reports a damaged gzip body', async () => {
    const gz = zlib.gzipSync(FEED);
    const srv = await startServer({ '/feed': serve(gz.subarray(0, gz.length - 12), { 'content-encoding': 'gzip' }) });
    expect(await fetcher().fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `${srv.host} sent a damaged gzip body; try again later.`,
    });
  });

  it('refuses an encoding it cannot decode', async () => {
    const srv = await startServer({ '/feed': serve(FEED, { 'content-encoding': 'zstd' }) });
    expect(await fetcher().fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `${srv.host} sent the feed in an encoding cyberread cannot read (zstd).`,
    });
  });
});

describe('redirects', () => {
  it('follows a chain of three (relative and absolute) and reports the final URL', async () => {
    let base = '';
    const srv = await startServer({
      '/r1': (_q, res) => res.writeHead(301, { location: '/r2' }).end(),
      '/r2': (_q, res) => res.writeHead(302, { location: `${base}/r3` }).end(),
      '/r3': (_q, res) => res.writeHead(308, { location: 'feed?x=1#frag' }).end(),
      '/feed': serve(FEED),
    });
    base = srv.base;
    const out = await fetcher().fetch({ url: `${srv.base}/r1` });
    expect(out.kind).toBe('ok');
    expect(out.url).toBe(`${srv.base}/feed?x=1`);
    expect(srv.seen.map((s) => s.path)).toEqual(['/r1', '/r2', '/r3', '/feed?x=1']);
  });

  it('detects a loop', async () => {
    const srv = await startServer({
      '/a': (_q, res) => res.writeHead(302, { location: '/b' }).end(),
      '/b': (_q, res) => res.writeHead(307, { location: '/a' }).end(),
    });
    expect(await fetcher().fetch({ url: `${srv.base}/a` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/b`,
      message: `Redirect loop: ${srv.base}/b leads back to ${srv.base}/a. Check the feed's address.`,
    });
  });

  it('stops after maxRedirects', async () => {
    const routes: Record<string, Handler> = {};
    for (let i = 0; i < 10; i++) routes[`/hop${i}`] = (_q, res) => res.writeHead(303, { location: `/hop${i + 1}` }).end();
    const srv = await startServer(routes);
    const out = await fetcher().fetch({ url: `${srv.base}/hop0` });
    expect(out).toMatchObject({
      kind: 'error',
      url: `${srv.base}/hop5`,
      message: `Too many redirects (more than 5) starting at ${srv.base}/hop0.`,
    });
    expect(srv.seen).toHaveLength(6);
  });

  it.each([
    ['file:///etc/passwd', 'file:'],
    ['ftp://example.com/feed.xml', 'ftp:'],
    ['data:text/xml,<rss/>', 'data:'],
  ])('refuses a redirect to %s', async (location, scheme) => {
    const srv = await startServer({ '/feed': (_q, res) => res.writeHead(302, { location }).end() });
    expect(await fetcher().fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `${srv.host} redirected to a ${scheme} address; cyberread only follows redirects to http and https.`,
    });
  });
});

describe('error statuses', () => {
  it.each([
    [404, 'Server answered 404 Not Found.'],
    [410, 'Server answered 410 Gone.'],
    [500, 'Server answered 500 Internal Server Error.'],
    [429, 'Server answered 429 Too Many Requests.'],
  ])('%i', async (status, message) => {
    const srv = await startServer({ '/feed': (_q, res) => res.writeHead(status).end('<html>nope</html>') });
    expect(await fetcher().fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      status,
      message,
    });
  });

  it('429 with Retry-After in seconds', async () => {
    const srv = await startServer({ '/feed': (_q, res) => res.writeHead(429, { 'retry-after': '120' }).end() });
    const before = Date.now();
    const out = await fetcher().fetch({ url: `${srv.base}/feed` });
    const after = Date.now();
    expect(out.kind).toBe('error');
    if (out.kind !== 'error') return;
    expect(out.status).toBe(429);
    const at = Date.parse(out.retryAfter ?? '');
    expect(at).toBeGreaterThanOrEqual(before + 120_000);
    expect(at).toBeLessThanOrEqual(after + 120_000);
    expect(out.retryAfter).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const up = new Date(Math.ceil(at / 60_000) * 60_000).toISOString();
    const when = up.slice(0, 10) === new Date(after).toISOString().slice(0, 10) ? up.slice(11, 16) : `${up.slice(0, 10)} ${up.slice(11, 16)}`;
    expect(out.message).toBe(`Server asked to wait (429); cyberread will not ask again before ${when} UTC.`);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
    const srv = await startServer({ '/feed': (_q, res) => res.writeHead(429, { 'retry-after': at.toUTCString() }).end() });
    const out = await fetcher().fetch({ url: `${srv.base}/feed` });
    expect(out).toMatchObject({ kind: 'error', status: 429, retryAfter: at.toISOString() });
  });

  it('503 with Retry-After', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 7_200_000);
    const srv = await startServer({ '/feed': (_q, res) => res.writeHead(503, { 'retry-after': at.toUTCString() }).end() });
    const out = await fetcher().fetch({ url: `${srv.base}/feed` });
    expect(out).toMatchObject({ kind: 'error', status: 503, retryAfter: at.toISOString() });
    expect(out.kind === 'error' && out.message.startsWith('Server asked to wait (503); cyberread will not ask again before ')).toBe(true);
  });

  it('parseRetryAfter caps, and ignores garbage and past dates', () => {
    const now = Date.UTC(2024, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('30', now)?.toISOString()).toBe('2024-01-01T12:00:30.000Z');
    expect(parseRetryAfter('99999999', now)?.toISOString()).toBe('2024-01-02T12:00:00.000Z');
    expect(parseRetryAfter('Mon, 01 Jan 2024 13:00:00 GMT', now)?.toISOString()).toBe('2024-01-01T13:00:00.000Z');
    expect(parseRetryAfter('Mon, 01 Jan 2023 13:00:00 GMT', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('limits and broken servers', () => {
  const small = { firstByteTimeoutMs: 300, bodyTimeoutMs: 300 };

  it('gives up on a server that does not answer within the first-byte timeout', async () => {
    const srv = await startServer({ '/feed': () => undefined });
    expect(await fetcher({ limits: small }).fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `${srv.host} did not answer within 0.3 s.`,
    });
  });

  it('gives up on a trickle that does not finish within the body timeout', async () => {
    const srv = await startServer({
      '/feed': (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<');
        const t = setInterval(() => res.write(' '), 40);
        res.on('close', () => clearInterval(t));
      },
    });
    expect(await fetcher({ limits: small }).fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `${srv.host} did not send the whole feed within 0.3 s; try again later.`,
    });
  });

  it('refuses a body over the cap announced by Content-Length without reading it', async () => {
    const srv = await startServer({ '/feed': serve(Buffer.alloc(2048, 0x41)) });
    expect(await fetcher({ limits: { maxBytes: 1024 } }).fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: 'The feed is larger than 1 KiB; cyberread stopped reading it.',
    });
  });

  it('stops reading a chunked body that goes over the cap', async () => {
    let written = 0;
    const srv = await startServer({
      '/feed': (_q, res) => {
        res.writeHead(200);
        // a body that never ends: only the cap can stop it
        const pump = (): void => {
          while (!res.destroyed && res.write(Buffer.alloc(16 * 1024, 0x41))) written += 16 * 1024;
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      },
    });
    expect(await fetcher({ limits: { maxBytes: 1024 * 1024 } }).fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: 'The feed is larger than 1 MiB; cyberread stopped reading it.',
    });
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('ends a gzip bomb with an error, not an out-of-memory', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const srv = await startServer({ '/feed': serve(bomb, { 'content-encoding': 'gzip' }) });
    expect(await fetcher({ limits: { maxBytes: 1024 * 1024 } }).fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: 'The feed unpacks to more than 1 MiB; cyberread stopped reading it.',
    });
  });

  it('reports a connection reset mid-body', async () => {
    const srv = await startServer({
      '/feed': (_q, res) => {
        res.writeHead(200, { 'content-length': '10000' });
        res.write(Buffer.alloc(100, 0x41), () => setTimeout(() => res.socket?.resetAndDestroy(), 20));
      },
    });
    expect(await fetcher().fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `${srv.host} closed the connection before the feed was complete. Try again later.`,
    });
  });

  async function rawServer(response: (socket: net.Socket) => void): Promise<string> {
    const s = net.createServer((socket) => socket.once('data', () => response(socket)));
    await listen(s);
    return `127.0.0.1:${port(s)}`;
  }

  it('reports a body shorter than its Content-Length', async () => {
    const host = await rawServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n<rss>'));
    expect(await fetcher().fetch({ url: `http://${host}/feed` })).toMatchObject({
      kind: 'error',
      url: `http://${host}/feed`,
      message: `${host} closed the connection before the feed was complete. Try again later.`,
    });
  });

  it('reports a body longer than its Content-Length', async () => {
    const host = await rawServer((s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n<rss><channel/></rss>'));
    expect(await fetcher().fetch({ url: `http://${host}/feed` })).toMatchObject({
      kind: 'error',
      url: `http://${host}/feed`,
      message: `${host} sent more bytes than its Content-Length announced; the feed may be cut off. Try again later.`,
    });
  });

  it('reports a response that is not HTTP', async () => {
    const host = await rawServer((s) => s.end('SSH-2.0-OpenSSH_9.6\r\n'));
    expect(await fetcher().fetch({ url: `http://${host}/feed` })).toMatchObject({
      kind: 'error',
      url: `http://${host}/feed`,
      message: `${host} sent a response that is not valid HTTP; cyberread gave up.`,
    });
  });

  it('reports a refused connection', async () => {
    const p = await closedPort();
    expect(await fetcher().fetch({ url: `http://127.0.0.1:${p}/feed` })).toMatchObject({
      kind: 'error',
      url: `http://127.0.0.1:${p}/feed`,
      message: `Could not connect to 127.0.0.1:${p}: connection refused. Check the address or try again later.`,
    });
  });

  it('reports https to a plain http port readably', async () => {
    const srv = await startServer({ '/feed': serve(FEED) });
    expect(await fetcher().fetch({ url: `https://${srv.host}/feed` })).toMatchObject({
      kind: 'error',
      url: `https://${srv.host}/feed`,
      message: `Could not connect securely to ${srv.host}: it does not speak TLS on this port (is the address really https?). Check the address or tell the site owner.`,
    });
  });

  it('reports an untrusted certificate readably', async () => {
    const dir = new URL('../../fixtures/tls/', import.meta.url);
    const server = https.createServer(
      { key: readFileSync(new URL('self-signed.key', dir)), cert: readFileSync(new URL('self-signed.crt', dir)) },
      (_q, res) => res.end('<rss/>'),
    );
    await listen(server);
    const host = `127.0.0.1:${port(server)}`;
    expect(await fetcher().fetch({ url: `https://${host}/feed` })).toMatchObject({
      kind: 'error',
      url: `https://${host}/feed`,
      message: `Could not connect securely to ${host}: its certificate is self-signed and not trusted. Check the address or tell the site owner.`,
    });
  });

  it('stops when the caller aborts', async () => {
    const srv = await startServer({ '/feed': () => undefined });
    const ac = new AbortController();
    const pending = fetcher().fetch({ url: `${srv.base}/feed`, signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    expect(await pending).toEqual({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `Fetching ${srv.base}/feed was cancelled.`,
      problem: { key: 'errCancelled', args: [`${srv.base}/feed`] },
    });
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      connectTimeoutMs: 10_000,
      firstByteTimeoutMs: 15_000,
      bodyTimeoutMs: 30_000,
      maxBytes: 10 * 1024 * 1024,
      maxRedirects: 5,
    });
  });
});

describe('concurrency', () => {
  const slow: Handler = (_q, res) => {
    setTimeout(() => serve(FEED)(_q, res), 40);
  };

  it('never has more than perHost requests open to one host', async () => {
    const srv = await startServer({ '/slow': slow });
    const f = fetcher({ perHost: 2, concurrency: 8 });
    const outs = await Promise.all(Array.from({ length: 8 }, (_, i) => f.fetch({ url: `${srv.base}/slow?i=${i}` })));
    expect(outs.map((o) => o.kind)).toEqual(Array(8).fill('ok'));
    expect(srv.seen).toHaveLength(8);
    expect(srv.maxActive).toBe(2);
  });

  it('never has more than `concurrency` requests open overall', async () => {
    const counter = { active: 0, max: 0 };
    const a = await startServer({ '/slow': slow }, counter);
    const b = await startServer({ '/slow': slow }, counter);
    const f = fetcher({ perHost: 2, concurrency: 3 });
    const urls = Array.from({ length: 6 }, (_, i) => [`${a.base}/slow?i=${i}`, `${b.base}/slow?i=${i}`]).flat();
    const outs = await Promise.all(urls.map((url) => f.fetch({ url })));
    expect(outs.map((o) => o.kind)).toEqual(Array(12).fill('ok'));
    expect(counter.max).toBe(3);
    expect(a.maxActive).toBeLessThanOrEqual(2);
    expect(b.maxActive).toBeLessThanOrEqual(2);
  });
});

describe('proxy', () => {
  async function startProxy(): Promise<{ url: string; hits: string[] }> {
    const hits: string[] = [];
    const proxy = http.createServer((req, res) => {
      // plain forwarding (absolute-form request line)
      hits.push(`${req.method} ${req.url}`);
      const target = new URL(req.url ?? '');
      const up = http.request(target, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      up.end();
    });
    proxy.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
      hits.push(`CONNECT ${req.url}`);
      const [h, p] = (req.url ?? '').split(':');
      const up = net.connect(Number(p), h ?? '', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        up.write(head);
        up.pipe(client);
        client.pipe(up);
      });
      up.on('error', () => client.destroy());
      client.on('error', () => up.destroy());
    });
    await listen(proxy);
    return { url: `http://127.0.0.1:${port(proxy)}`, hits };
  }

  it('goes through HTTP_PROXY', async () => {
    const srv = await startServer({ '/feed': serve(FEED) });
    const proxy = await startProxy();
    const out = await fetcher({ env: { HTTP_PROXY: proxy.url } }).fetch({ url: `${srv.base}/feed` });
    expect(out.kind).toBe('ok');
    expect(proxy.hits.length).toBe(1);
    expect(proxy.hits[0]).toMatch(new RegExp(`^(CONNECT ${srv.host}|GET ${srv.base}/feed)$`));
    expect(srv.seen).toHaveLength(1);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const srv = await startServer({ '/feed': serve(FEED) });
    const proxy = await startProxy();
    const out = await fetcher({ env: { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } }).fetch({
      url: `${srv.base}/feed`,
    });
    expect(out.kind).toBe('ok');
    expect(proxy.hits).toEqual([]);
    expect(srv.seen).toHaveLength(1);
  });

  it('names the proxy when the proxy is down', async () => {
    const srv = await startServer({ '/feed': serve(FEED) });
    const p = await closedPort();
    expect(await fetcher({ env: { http_proxy: `http://127.0.0.1:${p}` } }).fetch({ url: `${srv.base}/feed` })).toMatchObject({
      kind: 'error',
      url: `${srv.base}/feed`,
      message: `Could not connect to the proxy 127.0.0.1:${p}: connection refused. Check HTTP_PROXY / HTTPS_PROXY.`,
    });
    expect(srv.seen).toEqual([]);
  });

  it('reports an unusable proxy setting instead of throwing', async () => {
    const f = fetcher({ env: { HTTP_PROXY: 'ftp://proxy.invalid:21' } });
    expect(await f.fetch({ url: 'http://127.0.0.1:1/feed' })).toMatchObject({
      kind: 'error',
      url: 'http://127.0.0.1:1/feed',
      message: 'The proxy setting HTTP_PROXY is not a usable address (ftp://proxy.invalid:21); fix or unset it.',
    });
  });

  it('does not read the proxy from process.env when given another env', async () => {
    const srv = await startServer({ '/feed': serve(FEED) });
    const proxy = await startProxy();
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = proxy.url;
    try {
      const out = await fetcher({ env: {} }).fetch({ url: `${srv.base}/feed` });
      expect(out.kind).toBe('ok');
      expect(proxy.hits).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
  });
});

describe('local feeds and schemes', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cyberread-http-'));
    writeFileSync(join(dir, 'feed.xml'), FEED);
    writeFileSync(join(dir, 'big.xml'), Buffer.alloc(4096, 0x41));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const okLocal = (path: string) => ({
    kind: 'ok',
    url: pathToFileURL(path).href,
    status: 200,
    bytes: new Uint8Array(FEED),
    contentType: null,
    etag: null,
    lastModified: null,
  });

  it('reads an absolute path', async () => {
    expect(await fetcher().fetch({ url: join(dir, 'feed.xml') })).toEqual(okLocal(join(dir, 'feed.xml')));
  });

  it('reads a relative path', async () => {
    const rel = relative(process.cwd(), join(dir, 'feed.xml'));
    expect(rel.startsWith('/')).toBe(false);
    expect(await fetcher().fetch({ url: rel })).toEqual(okLocal(join(dir, 'feed.xml')));
  });

  it('reads a file:// URL', async () => {
    expect(await fetcher().fetch({ url: pathToFileURL(join(dir, 'feed.xml')).href })).toEqual(okLocal(join(dir, 'feed.xml')));
  });

  it('reports a missing file', async () => {
    const path = join(dir, 'nope.xml');
    expect(await fetcher().fetch({ url: path })).toMatchObject({
      kind: 'error',
      url: pathToFileURL(path).href,
      message: `No such file: ${path}. Check the path.`,
    });
  });

  it('hints at https:// for something that looks like a web address', async () => {
    const out = await fetcher().fetch({ url: 'example.invalid/feed.xml' });
    expect(out.kind === 'error' && out.message).toBe('No such file: ' + join(process.cwd(), 'example.invalid/feed.xml') + '. For a web address, start it with https://.');
  });

  it('gives no web hint for a bare file name', async () => {
    const out = await fetcher().fetch({ url: 'missing-feed.xml' });
    expect(out.kind === 'error' && out.message).toBe('No such file: ' + join(process.cwd(), 'missing-feed.xml') + '. Check the path.');
  });

  it('refuses a directory and a file over the cap', async () => {
    expect(await fetcher().fetch({ url: dir })).toMatchObject({ kind: 'error', message: `${dir} is a directory, not a feed file.` });
    expect(await fetcher({ limits: { maxBytes: 1024 } }).fetch({ url: join(dir, 'big.xml') })).toMatchObject({
      kind: 'error',
      message: 'The feed is larger than 1 KiB; cyberread stopped reading it.',
    });
  });

  it.each([
    ['ftp://example.com/feed.xml', 'ftp:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:application/rss+xml,<rss/>', 'data:'],
    ['exec:rm -rf /', 'exec:'],
  ])('refuses %s', async (url, scheme) => {
    expect(await fetcher().fetch({ url })).toMatchObject({
      kind: 'error',
      url,
      message: `cyberread does not fetch ${scheme} addresses; use http(s)://, file:// or a local path.`,
    });
  });

  it('refuses an empty address', async () => {
    expect(await fetcher().fetch({ url: '  ' })).toEqual({
      kind: 'error',
      url: '',
      message: 'The feed address is empty.',
      problem: { key: 'errEmptyAddress', args: [] },
    });
  });
});

describe('failures in the reader\'s language', () => {
  it('are problems the Indonesian table tells in Indonesian: no English reaches an Indonesian reader', async () => {
    const srv = await startServer({ '/feed': (_q, res) => res.writeHead(404).end() });
    const missing = await fetcher().fetch({ url: `${srv.base}/feed` });
    const refused = await fetcher().fetch({ url: `http://127.0.0.1:${await closedPort()}/feed` });
    const noFile = await fetcher().fetch({ url: '/nonexistent/dir/feed.xml' });
    const said = [missing, refused, noFile].map((o) => (o.kind === 'error' ? explain(o.problem, 'id') : ''));
    expect(said).toEqual([
      'Server menjawab 404 Not Found.',
      expect.stringMatching(/^Tidak bisa terhubung ke 127\.0\.0\.1:\d+: koneksi ditolak\. Periksa alamatnya atau coba lagi nanti\.$/),
      'File tidak ada: /nonexistent/dir/feed.xml. Periksa path-nya.',
    ]);
    // the English sentence is the same problem told in English
    for (const o of [missing, refused, noFile]) if (o.kind === 'error') expect(explain(o.problem, 'en')).toBe(o.message);
  });
});
