import { explain } from '../../../src/core/i18n/problem.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleFeeds, samplesDir } from '../../../src/core/defaults.js';
import { loadPipeline } from '../../../src/core/feeds/pipeline.js';
import { refreshFeeds, type Pipeline } from '../../../src/core/feeds/refresh.js';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import type { FeedConfig, RefreshResult } from '../../../src/core/types.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Uji</title><link>http://127.0.0.1/</link>
<item><title>Satu</title><link>http://127.0.0.1/read/2001/satu</link><guid>g1</guid><pubDate>Sat, 16 Nov 2019 12:59:00 +0700</pubDate><category>malware</category></item>
<item><title>Dua</title><link>http://127.0.0.1/read/2002/dua</link><guid>g2</guid><pubDate>Sun, 17 Nov 2019 12:59:00 +0700</pubDate></item>
</channel></rss>`;

let server: Server;
let base: string;
const requests: { path: string; conditional: boolean }[] = [];
/** What /changing.xml serves (no validators: every refresh downloads it whole). */
let changing = RSS;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', conditional: req.headers['if-none-match'] !== undefined });
    switch (req.url) {
      case '/ok.xml':
        if (req.headers['if-none-match'] === '"e1"') return void res.writeHead(304, { ETag: '"e1"' }).end();
        return void res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"e1"' }).end(RSS);
      case '/html':
        return void res.writeHead(200, { 'Content-Type': 'text/html', ETag: '"h1"' }).end('<!doctype html><html><body>Not a feed</body></html>');
      case '/changing.xml':
        return void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(changing);
      case '/busy':
        return void res.writeHead(429, { 'Retry-After': '120' }).end();
      default:
        return void res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let store: SqliteStore;
let pipeline: Pipeline;
async function setup(): Promise<void> {
  store = openStore(join(mkdtempSync(join(tmpdir(), 'cyberread-refresh-')), 'cache.db')).store;
  pipeline = await loadPipeline({ concurrency: 8, perHost: 2, version: 'test' });
}
afterEach(async () => {
  await pipeline?.close?.();
  store?.close();
});

const strip = (rs: RefreshResult[]) => rs.map(({ url, status, added, updated, error }) => ({ url, status, added, updated, error: error && explain(error, 'en').slice(0, 40) }));

describe('refreshFeeds with the real pipeline', () => {
  it('gives one result per feed, in order; a broken feed never stops the others', async () => {
    await setup();
    const samples = sampleFeeds(samplesDir(import.meta.url));
    const feeds: FeedConfig[] = [{ url: `${base}/missing.xml` }, ...samples, { url: `${base}/ok.xml`, lang: 'id' }, { url: `${base}/html` }];
    const progress: number[] = [];
    const results = await refreshFeeds(feeds, store, pipeline, { onResult: (_r, done) => progress.push(done) });
    expect(results.map((r) => [r.url, r.status])).toEqual([
      [`${base}/missing.xml`, 'error'],
      [samples[0]!.url, 'new'],
      [samples[1]!.url, 'new'],
      [`${base}/ok.xml`, 'new'],
      [`${base}/html`, 'error'],
    ]);
    expect(results[0]!.error).toEqual({ key: 'errStatus', args: [404, 'Not Found'] });
    expect(explain(results[4]!.error!, 'en')).toMatch(/not a feed/i);
    expect(explain(results[4]!.error!, 'id')).toMatch(/^Ini bukan feed/);
    expect(results[1]!.added).toBeGreaterThanOrEqual(15);
    expect(results[3]).toMatchObject({ added: 2, updated: 0 });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(store.getFeedState(`${base}/missing.xml`)).toMatchObject({ lastStatus: 'error', lastError: results[0]!.error });
    expect(store.count({ feedUrl: `${base}/ok.xml` })).toBe(2);
  });

  it('asks again conditionally and costs no parse or write on 304; a malformed answer keeps no validators', async () => {
    await setup();
    const feeds = [{ url: `${base}/ok.xml` }, { url: `${base}/html` }];
    await refreshFeeds(feeds, store, pipeline);
    const before = requests.length;
    let parsed = 0;
    const counting: Pipeline = {
      ...pipeline,
      parseAndPrepare: (b, o, cfg) => ((parsed += 1), pipeline.parseAndPrepare!(b, o, cfg)),
    };
    const second = await refreshFeeds(feeds, store, counting);
    expect(strip(second)).toEqual([
      { url: `${base}/ok.xml`, status: 'unchanged', added: 0, updated: 0, error: undefined },
      { url: `${base}/html`, status: 'error', added: 0, updated: 0, error: explain(second[1]!.error!, 'en').slice(0, 40) },
    ]);
    expect(requests.slice(before)).toEqual([
      { path: '/ok.xml', conditional: true },
      { path: '/html', conditional: false },
    ]);
    expect(parsed).toBe(1);
  });

  it('respects Retry-After: the next refresh does not ask before the time, unless told to', async () => {
    await setup();
    const feeds = [{ url: `${base}/busy` }];
    const first = await refreshFeeds(feeds, store, pipeline);
    expect(first[0]).toMatchObject({ status: 'error' });
    expect(Date.parse(store.getFeedState(`${base}/busy`)!.retryAfter!)).toBeGreaterThan(Date.now() + 100_000);
    const before = requests.length;
    const second = await refreshFeeds(feeds, store, pipeline);
    expect(explain(second[0]!.error!, 'en')).toMatch(/wait until/);
    expect(requests.length).toBe(before);
    await refreshFeeds(feeds, store, pipeline, { ignoreRetryAfter: true });
    expect(requests.length).toBe(before + 1);
  });

  it("lists a feed's articles under the name given in the settings, and under its own title once that is gone", async () => {
    await setup();
    await refreshFeeds([{ url: `${base}/ok.xml`, title: 'Berita Uji' }], store, pipeline);
    expect(store.query({ feedUrl: `${base}/ok.xml` })[0]?.feedTitle).toBe('Berita Uji');
    // a 304 copies the settings' name too: a rename made elsewhere reaches the cache without new content
    await refreshFeeds([{ url: `${base}/ok.xml` }], store, pipeline);
    expect(store.query({ feedUrl: `${base}/ok.xml` })[0]?.feedTitle).toBe('Uji');
  });

  it('re-fetching updates articles in place and keeps read and starred', async () => {
    await setup();
    const feeds = sampleFeeds(samplesDir(import.meta.url));
    await refreshFeeds(feeds, store, pipeline);
    const [first] = store.query({ limit: 1 });
    store.mark([first!.id], { read: true, starred: true });
    const again = await refreshFeeds(feeds, store, pipeline);
    expect(again.map((r) => [r.status, r.added, r.updated])).toEqual([['unchanged', 0, 0], ['unchanged', 0, 0]]);
    expect(store.get(first!.id)).toMatchObject({ read: true, starred: true });
  });

  it("a whole document that brings nothing new leaves the feed 'unchanged'; one that adds or changes an article makes it 'new'", async () => {
    await setup();
    const feed = { url: `${base}/changing.xml` };
    const status = () => store.getFeedState(feed.url)?.lastStatus;
    changing = RSS;
    expect((await refreshFeeds([feed], store, pipeline))[0]).toMatchObject({ status: 'new', added: 2 });
    expect(status()).toBe('new');
    // the same document again, downloaded whole (the server gives no validators)
    expect((await refreshFeeds([feed], store, pipeline))[0]).toMatchObject({ status: 'unchanged', added: 0, updated: 0 });
    expect(status()).toBe('unchanged');
    changing = RSS.replace('<title>Dua</title>', '<title>Dua (diperbarui)</title>');
    expect((await refreshFeeds([feed], store, pipeline))[0]).toMatchObject({ status: 'new', added: 0, updated: 1 });
    expect(status()).toBe('new');
    changing = RSS;
    await refreshFeeds([feed], store, pipeline);
    expect(status()).toBe('new');
    await refreshFeeds([feed], store, pipeline);
    expect(status()).toBe('unchanged');
  });
});
