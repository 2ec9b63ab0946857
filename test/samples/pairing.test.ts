import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleFeeds, samplesDir } from '../../src/core/defaults.js';
import { normalise } from '../../src/core/feeds/normalise.js';
import { parseFeed } from '../../src/core/feeds/parse.js';
import { openStore } from '../../src/core/store/open-store.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';

let store: SqliteStore;
const feeds = sampleFeeds(samplesDir(import.meta.url));

beforeAll(() => {
  store = openStore(join(mkdtempSync(join(tmpdir(), 'cyberread-pairs-')), 'cache.db')).store;
  for (const feed of feeds) {
    const parsed = parseFeed(readFileSync(feed.url), { url: feed.url });
    const { title, siteUrl, articles } = normalise(parsed, feed);
    store.saveFeed(feed.url, { title, siteUrl, lastFetched: new Date().toISOString(), lastStatus: 'new' }, articles);
  }
});

describe('the two editions of the sample news', () => {
  it('split into an Indonesian and an English edition of at least 15 articles each', () => {
    expect(store.count({ lang: 'id' })).toBeGreaterThanOrEqual(15);
    expect(store.count({ lang: 'en' })).toBeGreaterThanOrEqual(15);
    expect(store.query({ lang: 'id', limit: 200 }).every((a) => a.lang === 'id')).toBe(true);
  });

  it('pair at least 5 stories, and every pair switches both ways', () => {
    const indonesian = store.query({ lang: 'id', limit: 200 });
    const pairs = indonesian.map((a) => [a, store.alternate(a.id)] as const).filter(([, b]) => b !== null);
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    for (const [a, b] of pairs) {
      expect(b!.lang).toBe('en');
      expect(store.alternate(b!.id)?.id).toBe(a.id);
      expect(store.alternate(a.id, 'en')?.id).toBe(b!.id);
      expect(a.pairKey).not.toBeNull();
      expect(b!.pairKey).toBe(a.pairKey);
    }
    // an edition-only story has no partner
    const single = indonesian.filter((a) => store.alternate(a.id) === null);
    expect(single.length).toBeGreaterThan(0);
    expect(single.every((a) => a.alternates.length === 0)).toBe(true);
  });

  it('share read and star state across the pair', () => {
    const a = store.query({ lang: 'id', limit: 200 }).find((x) => store.alternate(x.id))!;
    const b = store.alternate(a.id)!;
    store.mark([a.id], { read: true });
    expect(store.get(b.id)!.read).toBe(true);
    store.mark([b.id], { starred: true });
    expect(store.get(a.id)!.starred).toBe(true);
    store.mark([a.id], { read: false, starred: false });
    expect(store.get(b.id)).toMatchObject({ read: false, starred: false });
  });

  it('recommend related stories of the same edition, rarer shared tags first', () => {
    const a = store.query({ lang: 'en', limit: 1 })[0]!;
    const related = store.related(a.id, 5);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    for (const r of related) {
      expect(r.lang).toBe('en');
      expect(r.id).not.toBe(a.id);
      expect(r.tags.some((t) => a.tags.map((x) => x.toLowerCase()).includes(t.toLowerCase()))).toBe(true);
    }
  });
});
