import { explain, problem } from '../../../src/core/i18n/problem.js';
import { FeedParseError } from '../../../src/core/feeds/parse.js';
import { StoreError } from '../../../src/core/store/errors.js';

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalise } from '../../../src/core/feeds/normalise.js';
import { parseFeed } from '../../../src/core/feeds/parse.js';
import { parseAndPrepare } from '../../../src/core/feeds/prepare-feed.js';
import { refreshFeeds, type FetchResult, type Pipeline } from '../../../src/core/feeds/refresh.js';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import type { FeedConfig } from '../../../src/core/types.js';

const RSS = readFileSync(new URL('../../fixtures/feeds/rss2.xml', import.meta.url));

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-refresh-'));
  store = openStore(join(dir, 'cache.db')).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A pipeline over fixture bytes that records how many fetches were running at once. */
function fixturePipeline(extra: Partial<Pipeline> = {}): Pipeline & { peak: number; order: string[] } {
  let running = 0;
  const p = {
    peak: 0,
    order: [] as string[],
    async fetch(req: { url: string }): Promise<FetchResult> {
      running++;
      p.peak = Math.max(p.peak, running);
      p.order.push(req.url);
      await new Promise((r) => setImmediate(r));
      running--;
      if (req.url.endsWith('/bad')) return { kind: 'error', url: req.url, problem: problem('errStatus', 500, 'Internal Server Error') };
      return { kind: 'ok', url: req.url, status: 200, bytes: RSS, contentType: 'application/rss+xml', etag: '"e"', lastModified: null };
    },
    parseAndPrepare: async (bytes: Uint8Array, o: { url: string; contentType: string | null }, cfg: FeedConfig) => parseAndPrepare(bytes, o, cfg),
    ...extra,
  };
  return p;
}

describe('refreshFeeds', () => {
  it('keeps at most inFlight feeds in progress and returns results in the order of the feeds', async () => {
    const feeds = Array.from({ length: 7 }, (_, i) => ({ url: i === 3 ? 'http://x.test/bad' : `http://x.test/${i}` }));
    const pipeline = fixturePipeline();
    const done: number[] = [];
    const results = await refreshFeeds(feeds, store, pipeline, { inFlight: 2, onResult: (_r, n) => done.push(n) });
    expect(pipeline.peak).toBe(2);
    expect(results.map((r) => r.url)).toEqual(feeds.map((f) => f.url));
    expect(results.map((r) => r.status)).toEqual(['new', 'new', 'new', 'error', 'new', 'new', 'new']);
    expect(results[3]?.error).toEqual(problem('errStatus', 500, 'Internal Server Error'));
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('writes the feeds that finish together in one transaction, and tells a result only once its articles are stored', async () => {
    const groups: number[] = [];
    const grouping = Object.create(store) as SqliteStore;
    grouping.saveRowsMany = (writes) => {
      groups.push(writes.length);
      return store.saveRowsMany(writes);
    };
    const feeds = Array.from({ length: 6 }, (_, i) => ({ url: `http://x.test/${i}` }));
    const storedAtResult: number[] = [];
    const results = await refreshFeeds(feeds, grouping, fixturePipeline(), {
      onResult: (r) => storedAtResult.push(store.count({ feedUrl: r.url })),
    });
    expect(groups.reduce((a, b) => a + b, 0)).toBe(6);
    expect(Math.max(...groups)).toBeGreaterThan(1);
    expect(results.every((r) => r.status === 'new' && r.added > 0)).toBe(true);
    expect(storedAtResult).toEqual(results.map((r) => r.added));
  });

  it('prepares each document through parseAndPrepare, and reports its failure as that feed’s error', async () => {
    const calls: string[] = [];
    const pipeline = fixturePipeline({
      parseAndPrepare: async (bytes, o, cfg) => {
        calls.push(o.url);
        if (o.url.endsWith('/2')) throw new FeedParseError(problem('errBinary'));
        return parseAndPrepare(bytes, o, cfg);
      },
    });
    const feeds = [{ url: 'http://x.test/1' }, { url: 'http://x.test/2' }];
    const results = await refreshFeeds(feeds, store, pipeline);
    expect(calls).toEqual(['http://x.test/1', 'http://x.test/2']);
    expect(results[0]?.status).toBe('new');
    expect(results[0]?.added).toBe(store.count({ feedUrl: 'http://x.test/1' }));
    expect(results[1]).toEqual({
      url: 'http://x.test/2', added: 0, updated: 0, status: 'error',
      error: { key: 'errBinary', args: [] },
    });
    // A document that could not be read leaves no validators, so the next refresh downloads it again.
    expect(store.getFeedState('http://x.test/2')?.etag).toBeNull();
    expect(store.getFeedState('http://x.test/1')?.etag).toBe('"e"');
  });
});

describe('a cache that fails while a refresh reads it', () => {
  it('fails only the feed whose state could not be read', async () => {
    const flaky = Object.create(store) as SqliteStore;
    flaky.getFeedState = (url: string) => {
      if (url.endsWith('/2')) throw new StoreError(problem('errCacheLocked', 'x'));
      return store.getFeedState(url);
    };
    const feeds = [{ url: 'http://x.test/1' }, { url: 'http://x.test/2' }, { url: 'http://x.test/3' }];
    const results = await refreshFeeds(feeds, flaky, fixturePipeline());
    expect(results.map((r) => r.status)).toEqual(['new', 'error', 'new']);
    expect(results[1]?.error).toEqual(problem('errCacheLocked', 'x'));
    expect(explain(results[1]!.error!, 'en')).toMatch(/stayed locked/);
    // a failure that is not one of ours keeps its words, inside a sentence of the user's language
    const odd = Object.create(store) as SqliteStore;
    odd.getFeedState = () => {
      throw new Error('disk on fire');
    };
    const [r] = await refreshFeeds([{ url: 'http://x.test/9' }], odd, fixturePipeline());
    expect(explain(r!.error!, 'id')).toBe('Terjadi kesalahan tak terduga: disk on fire');
    expect(store.count({ feedUrl: 'http://x.test/3' })).toBeGreaterThan(0);
  });
});

describe('prepared articles', () => {
  it('stores the same rows whether a worker prepared them (with the cleaner’s body text) or the store did', async () => {
    const url = 'http://x.test/feed';
    const where = { url, contentType: 'application/rss+xml' };
    const { rows } = parseAndPrepare(RSS, where, { url });
    const { articles } = normalise(parseFeed(RSS, where), { url });
    store.saveRows(url, { lastFetched: '2024-01-01T00:00:00Z', lastStatus: 'new' }, rows);
    const other = openStore(join(dir, 'other.db')).store;
    try {
      other.saveFeed(url, { lastFetched: '2024-01-01T00:00:00Z', lastStatus: 'new' }, articles);
      const strip = (xs: { fetchedAt: string }[]) => xs.map((x) => ({ ...x, fetchedAt: '' }));
      expect(articles.length).toBeGreaterThan(0);
      expect(strip(store.query({ limit: 100 }))).toEqual(strip(other.query({ limit: 100 })));
      for (const a of articles) {
        const word = a.title.split(' ')[0] ?? '';
        expect(store.query({ search: word }).map((x) => x.id)).toEqual(other.query({ search: word }).map((x) => x.id));
      }
    } finally {
      other.close();
    }
  });

  it('refuses rows prepared for another feed, and writes none of them', () => {
    const url = 'http://x.test/feed';
    const { rows } = parseAndPrepare(RSS, { url: 'http://elsewhere.test/', contentType: 'application/rss+xml' }, { url: 'http://elsewhere.test/' });
    expect(rows.length).toBeGreaterThan(0);
    expect(() => store.saveRows(url, { lastFetched: '2024-01-01T00:00:00Z', lastStatus: 'new' }, rows)).toThrow(/another feed/);
    expect(store.count({})).toBe(0);
  });
});
