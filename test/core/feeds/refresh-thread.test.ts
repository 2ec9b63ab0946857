import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerExtract, answerParse, discardRefreshThread, prestartRefreshThread, refreshInWorker } from '../../../src/core/feeds/refresh-thread.js';
import type { PageRunStats } from '../../../src/core/article/full.js';
import { parseAndPrepare } from '../../../src/core/feeds/prepare-feed.js';
import { openStore } from '../../../src/core/store/open-store.js';
import type { RefreshResult } from '../../../src/core/types.js';

// The built worker: npm test builds before vitest runs.
const WORKER = new URL('../../../dist/refresh-worker.js', import.meta.url);
const SAMPLE = readFileSync(new URL('../../../samples/cyberthreat-id.xml', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../../samples', import.meta.url));
const PIPELINE = { concurrency: 8, perHost: 2, version: 'test', workers: 0 };

let server: Server;
let base = '';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-thread-'));
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"s"' }).end(SAMPLE);
    else if (req.url === '/page') res.writeHead(200, { 'Content-Type': 'text/html', ETag: '"p"' }).end('<!doctype html><html><body><p>Not a feed</p></body></html>');
    else res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('refreshInWorker', () => {
  it('refreshes on the worker, relays each feed’s result as it finishes, and the writes are in the cache', async () => {
    const cacheFile = join(dir, 'cache.db');
    const { store } = openStore(cacheFile);
    const seen: [string, number, number][] = [];
    const feeds = [{ url: `${base}/feed.xml`, lang: 'id' }, { url: `${base}/broken` }];
    const results = await refreshInWorker(WORKER, { feeds, cacheFile, pipeline: PIPELINE }, {
      onResult: (r: RefreshResult, done, total) => seen.push([r.url, done, total]),
    });
    expect(results.map((r) => [r.url, r.status])).toEqual([
      [`${base}/feed.xml`, 'new'],
      [`${base}/broken`, 'error'],
    ]);
    // crossed the thread as a problem, not as an English sentence
    expect(results[1]?.error).toEqual({ key: 'errStatus', args: [500, 'Internal Server Error'] });
    expect(seen.map(([, done, total]) => [done, total])).toEqual([[1, 2], [2, 2]]);
    expect(new Set(seen.map(([url]) => url))).toEqual(new Set(feeds.map((f) => f.url)));
    // Written by the worker's own connection, read through this one.
    expect(store.count({ feedUrl: `${base}/feed.xml` })).toBe(results[0]?.added);
    expect(results[0]?.added).toBeGreaterThan(10);
    expect(store.getFeedState(`${base}/feed.xml`)?.etag).toBe('"s"');
    store.close();
  });

  it('a thread started before its job (prestartRefreshThread) takes the job as its first message, and parseSoon changes nothing stored', async () => {
    const refresh = async (name: string, prestart: boolean) => {
      const cacheFile = join(dir, name);
      const { store } = openStore(cacheFile);
      if (prestart) await prestartRefreshThread(WORKER);
      const results = await refreshInWorker(WORKER, { feeds: [{ url: `${base}/feed.xml`, lang: 'id' }], cacheFile, pipeline: PIPELINE }, { parseSoon: prestart });
      const rows = store.query({ limit: 100 }).map((a) => [a.id, a.title, a.tags]);
      store.close();
      return { results, rows };
    };
    const later = await refresh('prestart-no.db', false);
    const early = await refresh('prestart-yes.db', true);
    expect(early.results.map((r) => [r.status, r.added])).toEqual(later.results.map((r) => [r.status, r.added]));
    expect(early.rows).toEqual(later.rows);
    expect(early.rows.length).toBeGreaterThan(10);
  });

  it('a prestarted thread no refresh took is stopped, and one that stopped on its own is not handed a job', async () => {
    await prestartRefreshThread(WORKER);
    discardRefreshThread();
    // a refresh after that starts a thread of its own
    const cacheFile = join(dir, 'after-discard.db');
    openStore(cacheFile).store.close();
    const results = await refreshInWorker(WORKER, { feeds: [{ url: `${base}/feed.xml` }], cacheFile, pipeline: PIPELINE });
    expect(results[0]?.status).toBe('new');
  });

  it('reports a document the calling thread could not parse as that feed’s error, and keeps no validators for it', async () => {
    const cacheFile = join(dir, 'parse-error.db');
    const { store } = openStore(cacheFile);
    const feeds = [{ url: `${base}/page` }, { url: `${base}/feed.xml` }];
    const results = await refreshInWorker(WORKER, { feeds, cacheFile, pipeline: PIPELINE });
    expect(results.map((r) => r.status)).toEqual(['error', 'new']);
    expect(results[0]?.error).toEqual({ key: 'errHtml', args: [] });
    expect(store.getFeedState(`${base}/page`)).toMatchObject({ lastStatus: 'error', etag: null });
    expect(store.count({ feedUrl: `${base}/feed.xml` })).toBe(results[1]?.added);
    store.close();
  });

  it('refresh --full on the worker: pages are fetched and stored there, extracted here, and the demo’s pages come from samples/', async () => {
    const cacheFile = join(dir, 'full.db');
    const { store } = openStore(cacheFile);
    const since = new Date().toISOString();
    let stats: PageRunStats | null = null;
    const results = await refreshInWorker(
      WORKER,
      // the sample feed's links are https://cyberthreat.id/…: read from samples/pages/, never fetched
      { feeds: [{ url: `${base}/feed.xml`, lang: 'id' }], cacheFile, pipeline: PIPELINE, pagesSince: since, samplePages: SAMPLES },
      { onPages: (s) => (stats = s) },
    );
    expect(results[0]?.status).toBe('new');
    const done = stats as PageRunStats | null;
    // the three excerpt-only items of the sample feed have pages in samples/pages/cyberthreat.id/
    expect(done?.ok).toBe(3);
    const rekam = store.query({ limit: 100 }).find((a) => a.url?.includes('/read/18227/'));
    const page = rekam ? store.getPage(rekam.id) : null;
    expect(page?.status).toBe('ok');
    expect(page?.author).toBeTruthy();
    expect(page?.text.length).toBeGreaterThan(500);
    store.close();
  });

  it('rejects with one sentence when the worker stops without an answer (killed, out of memory)', async () => {
    const stops = join(dir, 'stops.mjs');
    writeFileSync(stops, 'process.exit(3);\n');
    const cacheFile = join(dir, 'cache.db');
    await expect(refreshInWorker(pathToFileURL(stops), { feeds: [], cacheFile, pipeline: PIPELINE })).rejects.toThrow(
      'The refresh stopped unexpectedly; what it had saved is kept. Run it again.',
    );
  });

  it('rejects with the cache’s own sentence when the worker cannot open it, and never moves it aside', async () => {
    const cacheFile = join(dir, 'not-a-cache.db');
    writeFileSync(cacheFile, 'this is not a database, but it is somebody’s file'.repeat(10));
    await expect(refreshInWorker(WORKER, { feeds: [{ url: `${base}/feed.xml` }], cacheFile, pipeline: PIPELINE })).rejects.toThrow(
      /cache/i,
    );
    expect(readFileSync(cacheFile, 'utf8')).toMatch(/^this is not a database/);
  });
});

describe('answerParse (the calling thread’s half of a refresh)', () => {
  const url = 'http://127.0.0.1/feed.xml';
  const request = { kind: 'parse' as const, id: 7, url, contentType: 'application/rss+xml', cfg: { url, lang: 'id' as const } };

  it('answers with the normalised feed, or with its rows when asked to prepare them, the same rows either way', async () => {
    const expected = parseAndPrepare(SAMPLE, { url, contentType: 'application/rss+xml' }, { url, lang: 'id' });
    const rows = await answerParse({ ...request, bytes: new Uint8Array(SAMPLE), prepare: true });
    expect(rows).toEqual({ id: 7, ok: true, prepared: expected });
    const feed = await answerParse({ ...request, bytes: new Uint8Array(SAMPLE), prepare: false });
    if (!feed.ok || !('feed' in feed)) throw new Error('expected a normalised feed');
    expect(feed.feed.articles.map((a) => a.id)).toEqual(expected.rows.map((r) => r.id));
    expect(feed.feed.bodyTexts).toEqual(expected.rows.map((r) => r.body));
  });

  it('answers a document that is not a feed with the parser’s problem', async () => {
    const reply = await answerParse({ ...request, bytes: new TextEncoder().encode('<html><body>hi</body></html>'), prepare: false });
    expect(reply).toEqual({ id: 7, ok: false, problem: { key: 'errHtml', args: [] } });
  });
});

describe('answerExtract (the calling thread’s half of refresh --full)', () => {
  const request = { kind: 'extract' as const, id: 9, url: 'https://cyberthreat.id/read/18227/x', contentType: 'text/html; charset=utf-8' };

  it('answers with the extracted article', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../samples/pages/cyberthreat.id/18227.html', import.meta.url)));
    const reply = await answerExtract({ ...request, bytes });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply).toMatchObject({ kind: 'extracted', id: 9 });
    expect(reply.article.text).toContain('Harapan Sehat');
  });

  it('answers a page with no article with the extractor’s reason, which crosses the thread as data', async () => {
    const reply = await answerExtract({ ...request, contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    expect(reply).toMatchObject({ kind: 'extracted', id: 9, ok: false, reason: 'not-html' });
  });
});

describe('the built refresh thread', () => {
  it('starts without the feed parser and its decoders: by default the thread that asked parses', () => {
    // every chunk the worker entry imports statically, followed transitively (esbuild's output names them)
    const seen = new Set<string>();
    const visit = (file: URL): string => {
      if (seen.has(file.href)) return '';
      seen.add(file.href);
      const code = readFileSync(file, 'utf8');
      const statics = [...code.matchAll(/^import\s+(?:[^'";]*?\s+from\s+)?"(\.\/[^"]+)";?$/gms)].map((m) => m[1]!);
      return code + statics.map((spec) => visit(new URL(spec, file))).join('');
    };
    const loaded = visit(WORKER);
    expect(seen.size).toBeGreaterThan(1);
    // the store's own HTML tools are there (sanity: the walk found the chunks)
    expect(loaded).toContain('node_modules/htmlparser2');
    expect(loaded).not.toContain('node_modules/feedsmith');
    expect(loaded).not.toContain('node_modules/iconv-lite');
  });
});
