import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageRecord } from '../../../src/core/article/page.js';
import { openStore } from '../../../src/core/store/open-store.js';
import type { SqliteStore } from '../../../src/core/store/sqlite.js';
import { isClean } from '../../../src/core/sanitize.js';
import { article, at, FETCH } from './make.js';

const FEED = 'https://example.test/feed.xml';
let dir: string;
let path: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-pages-'));
  path = join(dir, 'cache.db');
  store = openStore(path).store;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function page(over: Partial<PageRecord> = {}): PageRecord {
  return {
    status: 'ok',
    fetchedAt: '2024-06-01T00:00:00.000Z',
    url: 'https://example.test/a1',
    etag: '"v1"',
    lastModified: null,
    error: null,
    title: 'Title a1',
    author: 'Arif Rahman',
    published: '2019-11-16T05:59:00.000Z',
    lang: 'id',
    siteName: 'Example',
    image: { url: 'https://example.test/a1.jpg', caption: 'Ilustrasi' },
    tags: ['TrendMicro', 'databreach'],
    related: [],
    alternates: [],
    text: 'Perusahaan keamanan mengakui kebocoran. Kata zirkonium hanya ada di halaman.',
    html: '<p>Perusahaan keamanan mengakui kebocoran.</p><p>Kata zirkonium hanya ada di halaman.</p>',
    ...over,
  };
}

describe('article pages in the cache', () => {
  it('keeps the page beside the feed text, packed, and reads it back', () => {
    const long = 'Paragraf panjang tentang kebocoran data. '.repeat(200);
    store.saveFeed(FEED, FETCH, [article('a1', { summary: 'Satu kalimat.', contentHtml: '<p>Satu kalimat.</p>' })]);
    expect(store.getPage('a1')).toBeNull();
    expect(store.savePage('a1', page({ text: long, html: `<p>${long}</p>` }))).toBe(true);
    const p = store.getPage('a1');
    expect(p?.status).toBe('ok');
    expect(p?.text).toBe(long);
    expect(p?.author).toBe('Arif Rahman');
    expect(p?.image).toEqual({ url: 'https://example.test/a1.jpg', caption: 'Ilustrasi' });
    expect(p?.stale).toBe(false);
    expect(store.get('a1')?.contentHtml).toBe('<p>Satu kalimat.</p>');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT typeof(text) FROM article_pages').pluck().get()).toBe('blob');
    db.close();
  });

  it('indexes page-only words for search and merges page tags into the article', () => {
    store.saveFeed(FEED, FETCH, [article('a1', { tags: ['security'], summary: 'Satu kalimat.' }), article('a2', { tags: ['security'] })]);
    expect(store.query({ search: 'zirkonium' })).toHaveLength(0);
    store.savePage('a1', page());
    expect(store.query({ search: 'zirkonium' }).map((a) => a.id)).toEqual(['a1']);
    expect(store.count({ search: 'zirkonium' })).toBe(1);
    // feed words still found
    expect(store.query({ search: 'Satu' }).map((a) => a.id)).toEqual(['a1']);
    expect(store.get('a1')?.tags).toEqual(['security', 'TrendMicro', 'databreach']);
    expect(store.query({ tags: ['trendmicro'] }).map((a) => a.id)).toEqual(['a1']);
    expect(store.tags('id').find((t) => t.tag === 'databreach')?.count).toBe(1);
    expect(store.tags('id').find((t) => t.tag === 'security')?.count).toBe(2);
  });

  it('keeps page words and tags when the feed updates the article, and marks the page stale', () => {
    store.saveFeed(FEED, FETCH, [article('a1', { tags: ['security'], summary: 'Lama.' })]);
    store.savePage('a1', page());
    store.saveFeed(FEED, FETCH, [article('a1', { tags: ['security', 'patch'], summary: 'Baru.' })]);
    expect(store.query({ search: 'zirkonium' }).map((a) => a.id)).toEqual(['a1']);
    expect(store.query({ search: 'Lama' })).toHaveLength(0);
    expect(store.get('a1')?.tags).toEqual(['security', 'patch', 'TrendMicro', 'databreach']);
    expect(store.getPage('a1')?.stale).toBe(true);
    store.markPageFresh('a1', '2024-06-02T00:00:00.000Z', { etag: '"v2"', lastModified: null });
    expect(store.getPage('a1')).toMatchObject({ stale: false, etag: '"v2"', fetchedAt: '2024-06-02T00:00:00.000Z' });
  });

  it('a page fetched again replaces its tags instead of piling them up', () => {
    store.saveFeed(FEED, FETCH, [article('a1', { tags: ['security'] })]);
    store.savePage('a1', page({ tags: ['old'] }));
    store.savePage('a1', page({ tags: ['new'] }));
    expect(store.get('a1')?.tags).toEqual(['security', 'new']);
    expect(store.query({ tags: ['old'] })).toHaveLength(0);
  });

  it('a failure is a status with a reason and never touches the feed text', () => {
    store.saveFeed(FEED, FETCH, [article('a1', { summary: 'Ringkasan.', contentHtml: '<p>Isi feed.</p>' })]);
    store.savePage('a1', page({ status: 'failed', error: { code: 'http', status: 404 }, text: 'ignored', html: '<p>ignored</p>', tags: [] }));
    const p = store.getPage('a1');
    expect(p).toMatchObject({ status: 'failed', error: { code: 'http', status: 404 }, text: '', html: '' });
    expect(store.get('a1')?.contentHtml).toBe('<p>Isi feed.</p>');
    expect(store.query({ search: 'ignored' })).toHaveLength(0);
    expect(store.query({ search: 'Isi' }).map((a) => a.id)).toEqual(['a1']);
  });

  it('resolves "Baca juga" links to cached articles by address or by the same story in the same language', () => {
    store.saveFeed(FEED, FETCH, [
      article('a1', { url: 'https://cyberthreat.id/read/100/Satu', pairKey: 'cyberthreat.id#100', published: at(3) }),
      article('a2', { url: 'https://cyberthreat.id/read/200/Dua', pairKey: 'cyberthreat.id#200', published: at(2) }),
      article('a3', { url: 'https://cyberthreat.id/read/300/Tiga', pairKey: 'cyberthreat.id#300', published: at(1) }),
      article('e3', { url: 'https://en.cyberthreat.id/read/300/Three', pairKey: 'cyberthreat.id#300', lang: 'en', published: at(1) }),
    ]);
    store.savePage('a1', page({
      related: [
        { title: 'Dua', url: 'https://cyberthreat.id/read/200/Dua' },
        { title: 'Tiga', url: 'https://m.cyberthreat.id/read/300/tiga-lain' },
        { title: 'Luar', url: 'https://elsewhere.example/x' },
        { title: 'Skrip', url: 'javascript:alert(1)' },
      ],
    }));
    expect(store.getPage('a1')?.related).toEqual([
      { title: 'Dua', url: 'https://cyberthreat.id/read/200/Dua', id: 'a2' },
      { title: 'Tiga', url: 'https://m.cyberthreat.id/read/300/tiga-lain', id: 'a3' },
      { title: 'Luar', url: 'https://elsewhere.example/x', id: null },
    ]);
  });

  it('feeds page alternates into pairing, so the other edition is found', () => {
    store.saveFeed(FEED, FETCH, [
      article('id1', { url: 'https://site.example/berita/satu', lang: 'id' }),
      article('en1', { url: 'https://en.site.example/news/one', lang: 'en' }),
    ]);
    expect(store.alternate('id1', 'en')).toBeNull();
    store.savePage('id1', page({ alternates: [{ lang: 'en', url: 'https://en.site.example/news/one' }, { lang: 'id', url: 'data:text/html,x' }] }));
    expect(store.alternate('id1', 'en')?.id).toBe('en1');
    expect(store.alternate('en1', 'id')?.id).toBe('id1');
    expect(store.getPage('id1')?.alternates).toEqual([{ lang: 'en', url: 'https://en.site.example/news/one' }]);
  });

  it('sanitises every string of a hostile page before it is stored', () => {
    store.saveFeed(FEED, FETCH, [article('a1')]);
    const esc = '\u001b]52;c;aGk=\u0007\u001b[31m\u009b2J\u202e';
    store.savePage('a1', page({
      title: `T${esc}`, author: `A${esc}`, siteName: `S${esc}`, text: `X${esc}Y`, html: `<p>X${esc}</p>`, tags: [`t${esc}`],
      related: [{ title: `R${esc}`, url: 'https://x.example/r' }, { title: 'bad', url: 'https://x.example/\u200bhidden' }],
      image: { url: 'javascript:alert(1)', caption: 'c' },
    }));
    const p = store.getPage('a1');
    const strings = JSON.stringify(p);
    for (const s of [p?.title, p?.author, p?.siteName, p?.text, p?.html, ...(p?.tags ?? []), ...(p?.related ?? []).map((r) => r.title)]) {
      expect(isClean(s ?? '')).toBe(true);
    }
    expect(strings).not.toContain('hidden');
    expect(p?.image).toBeNull();
    expect(p?.related).toHaveLength(1);
  });

  it('lists the articles refresh --full may fetch: new ones without a page, and stale ones', () => {
    store.saveFeed(FEED, FETCH, [article('a1', { published: at(2) }), article('a2', { published: at(1) })]);
    const since = new Date(Date.now() - 60_000).toISOString();
    expect(store.pageCandidates([FEED], since).map((c) => c.id)).toEqual(['a1', 'a2']);
    store.savePage('a1', page());
    expect(store.pageCandidates([FEED], since).map((c) => c.id)).toEqual(['a2']);
    expect(store.pageCandidates([FEED], new Date(Date.now() + 60_000).toISOString())).toEqual([]);
    expect(store.pageCandidates(['https://other.example/feed'], since)).toEqual([]);
    store.saveFeed(FEED, FETCH, [article('a1', { published: at(2), summary: 'changed' })]);
    expect(store.pageCandidates([FEED], new Date(Date.now() + 60_000).toISOString())).toEqual([
      { id: 'a1', url: 'https://example.test/a1', feedUrl: FEED, stale: true },
    ]);
    expect(store.feedText('a1')).toBe('changed');
  });

  it('the page goes with its article', () => {
    store.saveFeed(FEED, FETCH, [article('a1')]);
    store.savePage('a1', page());
    store.removeFeed(FEED);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM article_pages').pluck().get()).toBe(0);
    db.close();
  });
});
