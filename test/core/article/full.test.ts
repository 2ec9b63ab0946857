import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchErrorCode, fetchPages, loadPage, type PageDeps } from '../../../src/core/article/full.js';
import { problem } from '../../../src/core/i18n/problem.js';
import { ExtractError, type ExtractedArticle } from '../../../src/core/article/types.js';
import { createFetcher, type Fetcher } from '../../../src/core/feeds/http.js';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import { serve, type TestServer } from '../../security/server.js';
import { article, FETCH } from '../store/make.js';

const FEED = 'https://example.test/feed.xml';
const LONG = 'Kalimat panjang tentang kebocoran data pelanggan. '.repeat(60).trim();

/**
 * A test double of the extractor (the real one has its own tests): the body is whatever the served page
 * says it is, so these tests are about fetching, judging and caching, not extraction.
 */
function fakeExtract(page: Uint8Array | string): ExtractedArticle {
  const html = typeof page === 'string' ? page : Buffer.from(page).toString('utf8');
  if (html.includes('NOT-AN-ARTICLE')) throw new ExtractError('no-article', 'no article');
  if (html.includes('TOO-DEEP')) throw new ExtractError('too-complex', 'too deep');
  const text = /<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
  return {
    title: 'T', author: 'Arif Rahman', published: '2019-11-16T05:59:00.000Z', lang: 'id', siteName: 'S', image: null,
    text, html: `<p>${text}</p>`, tags: ['TrendMicro'], related: [{ title: 'R', url: 'https://example.test/r' }],
    alternates: [{ lang: 'en', url: 'https://en.example.test/a' }],
  };
}

let server: TestServer;
let fetcher: Fetcher;
let dir: string;
let store: SqliteStore;
let etagHits = 0;
const page = (body: string) => `<html><body><nav>menu</nav><main>${body}</main></body></html>`;

beforeAll(async () => {
  server = await serve({
    '/long': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        etagHits++;
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v1"' }).end(page(LONG));
    },
    '/short': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page('Satu kalimat saja.')),
    '/gone': (_req, res) => res.writeHead(404).end('no'),
    '/huge': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(Buffer.alloc(6 * 1024 * 1024, 0x61));
    },
    '/noarticle': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('NOT-AN-ARTICLE'),
    '/deep': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('TOO-DEEP'),
    '/slow': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(LONG)), 2000);
    },
    '/busy': (_req, res) => res.writeHead(429, { 'Retry-After': '3600' }).end(),
    // the site is there but what it sends is not a whole page
    '/cut': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': '5000' });
      res.write(page('Awal artikel'));
      setTimeout(() => res.destroy(), 20);
    },
    '/packed': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'x-unknown' }).end('zzz'),
    '/loop': (_req, res) => res.writeHead(302, { Location: '/loop2' }).end(),
    '/loop2': (_req, res) => res.writeHead(302, { Location: '/loop' }).end(),
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-full-'));
  store = openStore(join(dir, 'cache.db')).store;
  fetcher = createFetcher({ concurrency: 4, perHost: 2 });
  server.seen.length = 0;
  etagHits = 0;
});
afterEach(async () => {
  store.close();
  await fetcher.close();
  rmSync(dir, { recursive: true, force: true });
});

const deps = (): PageDeps => ({ fetch: (r) => fetcher.fetch(r), extract: fakeExtract });
const feedArticle = (id: string, path: string, body = '<p>Satu kalimat.</p>') =>
  article(id, { url: `${server.base}${path}`, summary: 'Satu kalimat.', contentHtml: body });

describe('loadPage', () => {
  it('fetches, extracts and caches a page; asked again it sends no request', async () => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/long')]);
    const a = store.get('a1')!;
    const first = await loadPage(store, a, deps());
    expect(first.kind).toBe('page');
    expect(first.kind === 'page' && first.page).toMatchObject({ status: 'ok', author: 'Arif Rahman', etag: '"v1"', url: `${server.base}/long` });
    expect(server.seen).toEqual(['/long']);
    const again = await loadPage(store, a, deps(), { retryFailed: true });
    expect(again.kind === 'page' && again.page.text).toBe(LONG);
    expect(server.seen).toEqual(['/long']);
    expect(store.query({ search: 'pelanggan' }).map((x) => x.id)).toEqual(['a1']);
  });

  it('asks conditionally once the feed changed the article, and keeps the page on 304', async () => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/long')]);
    await loadPage(store, store.get('a1')!, deps());
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/long', '<p>Satu kalimat, diperbarui.</p>')]);
    expect(store.getPage('a1')?.stale).toBe(true);
    const r = await loadPage(store, store.get('a1')!, deps());
    expect(etagHits).toBe(1);
    expect(r.kind === 'page' && r.page).toMatchObject({ status: 'ok', stale: false, text: LONG });
  });

  it('stores a failure as a status and a reason; tries again only when asked', async () => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/gone')]);
    const r = await loadPage(store, store.get('a1')!, deps());
    expect(r.kind === 'page' && r.page).toMatchObject({ status: 'failed', error: { code: 'http', status: 404 } });
    expect(store.get('a1')?.contentHtml).toBe('<p>Satu kalimat.</p>');
    await loadPage(store, store.get('a1')!, deps());
    expect(server.seen).toEqual(['/gone']);
    await loadPage(store, store.get('a1')!, deps(), { retryFailed: true });
    expect(server.seen).toEqual(['/gone', '/gone']);
  });

  it.each([
    ['/huge', 'too-large'],
    ['/noarticle', 'no-article'],
    ['/deep', 'too-complex'],
  ])('%s fails with the reason %s', async (path, code) => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', path)]);
    const r = await loadPage(store, store.get('a1')!, deps());
    expect(r.kind === 'page' && r.page.error?.code).toBe(code);
  });

  it('a page that does not answer in time fails with the reason timeout, and an address nobody serves with network', async () => {
    const quick = createFetcher({ concurrency: 2, perHost: 2, limits: { connectTimeoutMs: 2000, firstByteTimeoutMs: 300, bodyTimeoutMs: 300 } });
    try {
      store.saveFeed(FEED, FETCH, [feedArticle('a1', '/slow'), article('a2', { url: 'http://127.0.0.1:9/nothing-listens-here' })]);
      const slow = await loadPage(store, store.get('a1')!, { fetch: (r) => quick.fetch(r), extract: fakeExtract });
      expect(slow.kind === 'page' && slow.page.error).toEqual({ code: 'timeout' });
      const closed = await loadPage(store, store.get('a2')!, { fetch: (r) => quick.fetch(r), extract: fakeExtract });
      expect(closed.kind === 'page' && closed.page.error).toEqual({ code: 'network' });
    } finally {
      await quick.close();
    }
  });

  // each reason says what happened to the page: the site was reached in each of these
  it.each([
    ['/cut', 'incomplete'],
    ['/packed', 'bad-answer'],
    ['/loop', 'redirect'],
  ])('%s fails with the reason %s, not "network" or "refused"', async (path, code) => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', path)]);
    const r = await loadPage(store, store.get('a1')!, deps());
    expect(r.kind === 'page' && r.page.error).toEqual({ code });
  });

  it('a fetch stopped because cyberread is closing stores nothing (the page is asked for again next time)', async () => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/long')]);
    for (const told of [problem('errClosing'), problem('errCancelledClosing', 'u'), problem('errCancelled', 'u')]) {
      const r = await loadPage(store, store.get('a1')!, { fetch: async (req) => ({ kind: 'error', url: req.url, problem: told }), extract: fakeExtract });
      expect(r.kind).toBe('cancelled');
      expect(store.getPage('a1')).toBeNull();
    }
  });

  it('a page that says no more than the feed is "skipped": feed text shown, the page byline and tags kept', async () => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/short', '<p>Satu kalimat saja.</p>')]);
    const r = await loadPage(store, store.get('a1')!, deps());
    expect(r.kind === 'page' && r.page).toMatchObject({ status: 'skipped', text: '', author: 'Arif Rahman', tags: ['TrendMicro'] });
    expect(store.get('a1')?.tags).toContain('TrendMicro');
  });

  it('cancelling stores nothing', async () => {
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/slow')]);
    const ac = new AbortController();
    const pending = loadPage(store, store.get('a1')!, deps(), { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await pending).kind).toBe('cancelled');
    expect(store.getPage('a1')).toBeNull();
  });

  it('refuses a link that is not http(s), and says so for an article without a link', async () => {
    store.saveFeed(FEED, FETCH, [article('a1', { url: null })]);
    expect(await loadPage(store, store.get('a1')!, deps())).toEqual({ kind: 'none', error: { code: 'no-link' } });
    const r = await loadPage(store, { id: 'a1', url: 'file:///etc/passwd' }, deps());
    expect(r.kind === 'page' && r.page.error?.code).toBe('refused');
    expect(server.seen).toEqual([]);
  });

  it('reads a page from where `locate` says (the demo), under the article address', async () => {
    store.saveFeed(FEED, FETCH, [article('a1', { url: 'https://cyberthreat.id/read/1/x', summary: 'x' })]);
    const r = await loadPage(store, store.get('a1')!, { ...deps(), locate: () => `${server.base}/long` });
    expect(r.kind === 'page' && r.page).toMatchObject({ status: 'ok', url: 'https://cyberthreat.id/read/1/x' });
  });
});

describe('fetchPages (refresh --full)', () => {
  it('fetches each address once, follows each feed mode, and leaves a host alone after Retry-After', async () => {
    const FULL = 'https://example.test/full.xml';
    const NEVER = 'https://example.test/never.xml';
    const long = `<p>${LONG}</p>`;
    store.saveFeed(FEED, FETCH, [feedArticle('a1', '/long'), feedArticle('a2', '/long'), feedArticle('a3', '/short'), feedArticle('a4', '/busy')]);
    store.saveFeed(FULL, FETCH, [article('f1', { feedUrl: FULL, url: `${server.base}/gone`, contentHtml: long })]);
    store.saveFeed(NEVER, FETCH, [article('n1', { feedUrl: NEVER, url: `${server.base}/deep` })]);
    // an auto feed whose text is already whole
    store.saveFeed('https://example.test/auto-full.xml', FETCH, [
      article('w1', { feedUrl: 'https://example.test/auto-full.xml', url: `${server.base}/noarticle`, contentHtml: long }),
    ]);
    const since = new Date(Date.now() - 60_000).toISOString();
    const feeds = [{ url: FEED }, { url: FULL, fullText: 'always' as const }, { url: NEVER, fullText: 'never' as const }, { url: 'https://example.test/auto-full.xml' }];
    const candidates = feeds.flatMap((f) => store.pageCandidates([f.url], since));
    const stats = await fetchPages(store, candidates, feeds, deps(), { concurrency: 4 });
    expect(server.seen.filter((p) => p === '/long')).toHaveLength(1);
    expect(server.seen).not.toContain('/deep');
    expect(server.seen).not.toContain('/noarticle');
    expect(server.seen).toContain('/gone');
    expect(store.getPage('a2')?.status).toBe('ok');
    expect(store.getPage('a1')?.status).toBe('ok');
    // the second article with that address has the first one's page, read back from the cache
    const { fetchedAt: _f1, ...first } = store.getPage('a1')!;
    const { fetchedAt: _f2, ...copy } = store.getPage('a2')!;
    expect(copy).toEqual(first);
    expect(copy.text).toContain(LONG.slice(0, 40));
    expect(store.getPage('f1')?.status).toBe('failed');
    expect(store.getPage('n1')).toBeNull();
    expect(stats.fetched).toBeGreaterThanOrEqual(4);
  });
});

describe('fetchErrorCode', () => {
  // http.ts says why a fetch failed as a message key and its values; a page's reason is chosen by the key
  it.each([
    [problem('errStatus', 404, 'Not Found'), 404, { code: 'http', status: 404 }],
    [problem('errWaitAsked', 503, '12:00 UTC'), 503, { code: 'http', status: 503 }],
    [problem('errTooLarge', 5 * 1024 * 1024), undefined, { code: 'too-large' }],
    [problem('errUnpacksTooLarge', 5 * 1024 * 1024), undefined, { code: 'too-large' }],
    [problem('errAnswerTimeout', 'example.test', 15000), undefined, { code: 'timeout' }],
    [problem('errBodyTimeout', 'example.test', 15000), undefined, { code: 'timeout' }],
    [problem('errConnectTimeout', 'example.test', 15000), undefined, { code: 'timeout' }],
    [problem('errScheme', 'javascript:'), undefined, { code: 'refused' }],
    [problem('errRedirectScheme', 'example.test', 'ftp:'), undefined, { code: 'redirect' }],
    [problem('errRedirectLoop', 'a', 'b'), undefined, { code: 'redirect' }],
    [problem('errTooManyRedirects', 10, 'a'), undefined, { code: 'redirect' }],
    [problem('errNoSuchHost', 'example.test'), undefined, { code: 'no-host' }],
    [problem('errTls', 'example.test', 'CERT_HAS_EXPIRED'), undefined, { code: 'tls' }],
    [problem('errProxyRefused', 'proxy.test'), undefined, { code: 'proxy' }],
    [problem('errHeadersTooLarge', 'example.test'), undefined, { code: 'bad-answer' }],
    [problem('errNotHttp', 'example.test'), undefined, { code: 'bad-answer' }],
    [problem('errClosedNoAnswer', 'example.test'), undefined, { code: 'bad-answer' }],
    [problem('errClosedEarly', 'example.test'), undefined, { code: 'incomplete' }],
    [problem('errLengthMismatch', 'example.test'), undefined, { code: 'incomplete' }],
    [problem('errRefused', 'example.test'), undefined, { code: 'network' }],
    [problem('errUnreachable', 'example.test'), undefined, { code: 'network' }],
  ])('%j is %j', (told, status, expected) => {
    expect(fetchErrorCode({ kind: 'error', url: 'https://example.test/a', problem: told, ...(status === undefined ? {} : { status }) })).toEqual(expected);
  });
});
