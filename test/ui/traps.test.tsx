import { afterEach, describe, expect, it } from 'vitest';
import { problem } from '../../src/core/i18n/problem.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, sampleStore, storeWith } from './fixtures.js';

/** The traps a new user hit (issue 10, item 7), through real keypresses. */

let h: Harness | undefined;
afterEach(cleanUpReaders);

const selectedRow = (frame: string): string => frame.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('u keeps the selection', () => {
  const twenty = (): SqliteStore => {
    const base = Date.parse('2026-11-28T07:00:00Z');
    const store = storeWith(
      Array.from({ length: 20 }, (_, i) => article({ id: `a${i}`, title: `Berita nomor ${i} selesai`, published: new Date(base - i * 60_000).toISOString() })),
    );
    // every third article read
    store.mark(['a0', 'a3', 'a6', 'a9', 'a12', 'a15', 'a18'], { read: true });
    return store;
  };

  it('on the selected article when it stays listed, both ways', async () => {
    h = await renderUi(<App services={testServices(twenty())} initialLang="id" rows={12} columns={80} />);
    await h.waitFor('Berita nomor 0 ');
    for (let i = 0; i < 8; i++) await h.press('j');
    expect(selectedRow(h.frame())).toContain('Berita nomor 8 ');
    const unread = await h.press('u');
    expect(unread).toContain('hanya yang belum dibaca');
    expect(selectedRow(unread)).toContain('Berita nomor 8 ');
    const all = await h.press('u');
    expect(all).not.toContain('hanya yang belum dibaca');
    expect(selectedRow(all)).toContain('Berita nomor 8 ');
  });

  it('on the nearest article when the selected one is read and leaves the list', async () => {
    h = await renderUi(<App services={testServices(twenty())} initialLang="id" rows={12} columns={80} />);
    await h.waitFor('Berita nomor 0 ');
    for (let i = 0; i < 9; i++) await h.press('j');
    expect(selectedRow(h.frame())).toContain('Berita nomor 9 ');
    // 9 is read: the article now in its place is the next unread one, 10
    expect(selectedRow(await h.press('u'))).toContain('Berita nomor 10 ');
    // and c (clear the filters) keeps it too
    expect(selectedRow(await h.press('c'))).toContain('Berita nomor 10 ');
  });
});

describe('"Read also" hints', () => {
  it('say j/k choose while "Read also" has the focus, and offer Tab only when there is something to read', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="en" rows={30} columns={120} />);
    await h.waitFor('unread');
    const reader = await h.press('Enter');
    const hints = (f: string): string => f.split('\n').at(-1) ?? '';
    expect(hints(reader)).toContain('j/k scroll');
    expect(hints(reader)).toContain('Tab read also');
    const focused = await h.press('Tab');
    expect(hints(focused)).not.toContain('j/k scroll');
    expect(hints(focused)).toContain('j/k choose');
    expect(hints(focused)).toContain('Enter open');
    expect(hints(focused)).toContain('Tab article text');
  });

  it('leave Tab out for an article with nothing to read also', async () => {
    const store = storeWith([article({ id: 'lonely', title: 'Sendirian', tags: ['unik'] })]);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={120} />);
    await h.waitFor('Sendirian');
    const reader = await h.press('Enter');
    expect(reader).not.toContain('Baca juga');
    expect(reader.split('\n').at(-1)).not.toContain('Tab');
  });
});

describe('the header at 40 columns', () => {
  it('keeps the whole unread count', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="id" rows={12} columns={40} />);
    const f = await h.waitFor('18');
    const head = f.split('\n')[0] ?? '';
    expect(head).toMatch(/(● 18|18 belum dibaca)$/);
    expect(head).not.toContain('…');
  });
});

describe('an edition with no articles', () => {
  const indonesianOnly = (): SqliteStore =>
    storeWith(Array.from({ length: 3 }, (_, i) => article({ id: `id${i}`, lang: 'id', title: `Berita ${i}`, published: `2026-11-2${i}T05:00:00Z` })));

  it('says none in this language, how many in the other, and L; L then lists them', async () => {
    h = await renderUi(<App services={testServices(indonesianOnly())} initialLang="en" rows={24} columns={80} />);
    const empty = await h.waitFor('No articles in English');
    expect(empty).toContain('3 articles in Bahasa Indonesia: press L to read them');
    expect(empty).not.toContain('press r to refresh');
    const listed = await h.press('L');
    expect(listed).toContain('Berita 0');
  });

  it('says it whole at 40 columns, in Indonesian too', async () => {
    const store = storeWith([article({ id: 'en0', lang: 'en', title: 'News 0' })]);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={12} columns={40} />);
    const empty = await h.waitFor('Belum ada artikel');
    const text = empty.split('\n').slice(2, 8).map((l) => l.trim()).join(' ');
    expect(text).toContain('Belum ada artikel dalam Bahasa Indonesia');
    expect(text).toContain('Ada 1 artikel dalam Bahasa Inggris: tekan L untuk membacanya');
    expect(empty).not.toContain('…');
  });

  it('still says the cache is empty when both editions are', async () => {
    h = await renderUi(<App services={testServices(storeWith([]))} initialLang="en" rows={24} columns={80} />);
    await h.waitFor('No articles yet');
  });
});

describe('the status lines at 40 columns', () => {
  const lastLines = (f: string, n: number): string[] => f.split('\n').slice(-n).map((l) => l.trim());

  it('a question too wide starts on the rule line and keeps its answers; the notice after it keeps "z mengurungkan"', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="id" rows={12} columns={40} />);
    await h.waitFor('18');
    const asked = await h.press('A');
    const [q1, q2, answers] = lastLines(asked, 3);
    expect(`${q1} ${q2}`).toBe('Tandai 18 artikel di daftar ini sudah dibaca?');
    expect(answers).toBe('y/Enter: ya · tombol lain: tidak');
    const done = await h.press('y');
    expect(lastLines(done, 2).join(' ')).toBe('18 artikel ditandai sudah dibaca — z mengurungkan');
    const undone = await h.press('z');
    expect(lastLines(undone, 2).join(' ')).toBe('Diurungkan: 18 artikel kembali belum dibaca');
    expect(undone.split('\n')[0]).toMatch(/● 18$/);
  });

  it('a remove question names what stays, whole', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="en" rows={12} columns={40} />);
    await h.waitFor('18');
    await h.press('F');
    const asked = await h.press('d');
    const [q1, q2, answers] = lastLines(asked, 3);
    expect(`${q1} ${q2}`).toMatch(/^Remove .*\? 18 cached articles go, 0 starred stay$/);
    expect(answers).toBe('y/Enter: remove · other key: keep');
  });
});

describe('feeds whose last fetch failed, as the cache remembers them', () => {
  it('are said at start and listed by e, in the interface language, and leave the count when removed', async () => {
    const store = storeWith([article({ id: 'a1', lang: 'id', title: 'Berita satu' })]);
    const BAD = 'https://rusak.example/feed';
    store.saveFeed(BAD, { lastFetched: '2026-11-28T07:00:00Z', lastStatus: 'new', title: 'Rusak' }, []);
    store.saveFetchState(BAD, { lastFetched: '2026-11-28T07:30:00Z', lastStatus: 'error', lastError: problem('errUnexpected', 'HTTP 503') });
    const services = testServices(store, { feeds: [{ url: 'https://cyberthreat.id/rss' }, { url: BAD, title: 'Rusak' }] });
    h = await renderUi(<App services={services} initialLang="id" rows={20} columns={80} />);
    const start = await h.waitFor('Berita satu');
    expect(start.split('\n').at(-2)).toContain('1 feed gagal — tekan e');
    const errors = await h.press('e');
    expect(errors).toContain(BAD);
    expect(errors).toContain('Terjadi kesalahan tak terduga: HTTP 503');
    await h.press('q');
    await h.press('F');
    await h.press('j');
    await h.press('d');
    const removed = await h.press('y');
    expect(removed.split('\n').at(-2)).not.toContain('gagal');
    const none = await h.press('e');
    expect(none).toContain('Tidak ada feed yang gagal');
  });
});
