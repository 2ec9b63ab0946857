/**
 * Damage found after the cache opened: every store call reports it as a CacheDamagedError (never the raw
 * SQLite error), a refresh stops on it, the reader's note moves the file at the next open, and a store made
 * tolerant answers as an empty cache would.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshFeeds, type Pipeline } from '../../../src/core/feeds/refresh.js';
import { CacheDamagedError, isCacheDamaged, quickCheckFails } from '../../../src/core/store/errors.js';
import { markDamaged, openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import { tolerateDamage } from '../../../src/core/store/tolerate.js';
import { article, at, FETCH } from './make.js';
import { caught } from '../../helpers/caught.js';
import { damageRootOf } from '../../helpers/store-damage.js';

const FEED = 'https://example.test/feed.xml';
let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-damage-'));
  path = join(dir, 'cache.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A closed cache of 200 articles in pairs of editions (so article_links is used), checkpointed into one file. */
function filledCache(): void {
  const { store } = openStore(path);
  const all = Array.from({ length: 200 }, (_, i) =>
    article(`a${i}`, {
      published: at(i),
      tags: ['x', `t${i % 7}`],
      url: `https://example.test/${i}`,
      alternates: [{ href: `https://example.test/${i ^ 1}`, hreflang: i % 2 ? 'id' : 'en' }],
    }),
  );
  store.saveFeed(FEED, FETCH, all);
  store.mark(['a1', 'a2'], { read: true });
  store.close();
}

describe('damage found after opening', () => {
  it('a query that meets a damaged index throws CacheDamagedError naming the file, whatever the method', () => {
    filledCache();
    // the probes at open do not touch article_links: the damage shows up only when pairing looks at it
    damageRootOf(path, 'article_links_article');
    const { store, recovered } = openStore(path);
    expect(recovered).toBeUndefined();
    expect(store.query({ limit: 5 })).toHaveLength(5);
    const err = caught(() => store.alternate('a3'));
    expect(isCacheDamaged(err)).toBe(true);
    expect((err as CacheDamagedError).path).toBe(path);
    expect((err as Error).message).not.toMatch(/restart|\.\./i);
    expect(isCacheDamaged(caught(() => store.mark(['a4'], { read: true })))).toBe(true);
    store.close();
  });

  it('quick_check tells a damaged file from a sound one', () => {
    filledCache();
    const sound = new Database(path, { readonly: true });
    expect(quickCheckFails(sound)).toBe(false);
    sound.close();
    damageRootOf(path, 'article_tags_article');
    const damaged = new Database(path, { readonly: true });
    expect(quickCheckFails(damaged)).toBe(true);
    damaged.close();
  });

  it('a refresh stops at damage and throws it once the feeds under way are done, instead of failing feed by feed', async () => {
    const written: string[] = [];
    const store = {
      getFeedState: () => null,
      saveFetchState: () => undefined,
      saveRows: (url: string) => {
        written.push(url);
        if (url.endsWith('/2')) throw new CacheDamagedError(path, Object.assign(new Error('malformed'), { code: 'SQLITE_CORRUPT' }));
        return { added: 1, updated: 0 };
      },
    } as unknown as SqliteStore;
    const pipeline: Pipeline = {
      fetch: async (req) => ({ kind: 'ok', url: req.url, status: 200, bytes: new Uint8Array(), contentType: null, etag: null, lastModified: null }),
      parseAndPrepare: async () => ({ title: 't', siteUrl: null, rows: [] }) as never,
    };
    const feeds = Array.from({ length: 10 }, (_, i) => ({ url: `https://example.test/${i}` }));
    const results: string[] = [];
    const err = await refreshFeeds(feeds, store, pipeline, { inFlight: 2, onResult: (r) => results.push(r.url) }).catch((e: unknown) => e);
    expect(isCacheDamaged(err)).toBe(true);
    // nothing was started after the damage showed up, and no feed reported it as its own error
    expect(written.length).toBeLessThanOrEqual(4);
    expect(results).not.toContain('https://example.test/2');
  });
});

describe('the reader notes damage for the next start', () => {
  it('markDamaged names where the file goes; the next open moves it exactly there and rescues flags', () => {
    filledCache();
    const movedTo = markDamaged(path);
    expect(movedTo).toMatch(/cache\.db\.corrupt-\d{8}T\d{6}$/);
    expect(markDamaged(path)).toBe(movedTo);
    const before = readFileSync(path);
    // the cache opens fine: only the note says it must go
    const { store, recovered } = openStore(path);
    expect(recovered?.movedTo).toBe(movedTo);
    // a1 and a2 were marked read, and so their other editions a0 and a3
    expect(recovered?.restoredFlags).toBe(4);
    expect(readFileSync(movedTo).equals(before)).toBe(true);
    expect(existsSync(`${path}.damaged`)).toBe(false);
    expect(store.count({})).toBe(0);
    store.close();
    expect(openStore(path).recovered).toBeUndefined();
  });

  it('a note about a file replaced since is stale: ignored and removed', () => {
    filledCache();
    markDamaged(path);
    const copy = readFileSync(path);
    rmSync(path);
    writeFileSync(path, copy);
    // a new file, which may well get the inode just freed
    expect(statSync(path).size).toBe(copy.length);
    const { store, recovered } = openStore(path);
    expect(recovered).toBeUndefined();
    expect(store.count({})).toBe(200);
    expect(existsSync(`${path}.damaged`)).toBe(false);
    store.close();
  });

  it('a tolerant store answers as an empty cache once damage shows up, and says so once per call', () => {
    filledCache();
    damageRootOf(path, 'article_links_article');
    const { store } = openStore(path);
    const seen: string[] = [];
    const tolerant = tolerateDamage(store, (e) => seen.push(e.path));
    expect(tolerant.count({})).toBe(200);
    expect(tolerant.alternate('a3')).toBeNull();
    expect(tolerant.mark(['a5'], { starred: true })).toBe(0);
    expect(tolerant.query({ limit: 3 })).toHaveLength(3);
    expect(seen).toEqual([path, path]);
    store.close();
  });
});
