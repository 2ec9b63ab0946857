import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, sampleStore } from './fixtures.js';
import type { Article, RefreshResult } from '../../src/core/types.js';
import { notificationText } from '../../src/core/notify.js';
import type { NewArticlesNotice } from '../../src/ui/services.js';
import { hasPage } from '../../src/core/article/full.js';
import { samplePageLocator, samplesDir } from '../../src/core/defaults.js';
import { asClause } from '../../src/core/i18n/clause.js';
import { messages } from '../../src/core/i18n/index.js';
import { displayWidth } from '../../src/core/render/text.js';
import { explain, problem, ProblemError } from '../../src/core/i18n/problem.js';

// Defects earlier sessions found in the reader and left, each through real keypresses on the sample editions.

let h: Harness | undefined;
afterEach(cleanUpReaders);

const CTRL_G = '\u0007';
const lines = (frame: string): string[] => frame.split('\n');
const headerOf = (frame: string): string => lines(frame)[0] ?? '';
const statusOf = (frame: string): string => lines(frame).slice(-2)[0] ?? '';
const hintsOf = (frame: string): string => lines(frame).at(-1) ?? '';
const displayWidthOf = (text: string): number => displayWidth(text);

describe('help from every view', () => {
  it('opens with Ctrl-G where `?` is typed (hashtags, search, a prompt of the feeds view) and goes back to it', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="en" rows={24} columns={80} />);
    await h.waitFor('18 unread');

    await h.press('#');
    // `?` stays a character of the filter …
    expect(await h.press('?')).toContain('Type to narrow: ?█');
    // … and the hints say which key opens the help instead
    expect(hintsOf(h.frame())).toContain('Ctrl-G help');
    const tagsHelp = await h.press(CTRL_G);
    expect(tagsHelp).toContain('Keys — Hashtags');
    expect(tagsHelp).toContain('type to narrow the list');
    expect(await h.press('Esc')).toContain('Type to narrow: ?█');
    await h.press('Esc');

    await h.press('/');
    await h.type('why?');
    expect(hintsOf(h.frame())).toContain('Search: why?█');
    expect(hintsOf(h.frame())).toContain('Ctrl-G help');
    const searchHelp = await h.press(CTRL_G);
    expect(searchHelp).toContain('Keys — Search');
    expect(searchHelp).toContain('keep the search results');
    // the key that opened it closes it, back in the prompt with its text
    expect(hintsOf(await h.press(CTRL_G))).toContain('Search: why?█');
    await h.press('Esc');

    await h.press('F');
    await h.press('a');
    await h.type('x?');
    expect(hintsOf(h.frame())).toContain('Add feed: x?█');
    const promptHelp = await h.press(CTRL_G);
    // titled with what the prompt is for, as the prompt's label says
    expect(promptHelp).toContain('Keys — Add feed');
    expect(promptHelp).not.toContain('a prompt');
    // keys go to the help while it is open, not into the prompt
    await h.press('j');
    const back = await h.press('Esc');
    expect(back).toContain('Add feed: x?█');
    expect(back).not.toContain('Keys —');
  });

  it('opens with Ctrl-G in the Indonesian interface too, and `?` still works where nothing is typed', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('18 belum dibaca');
    await h.press('#');
    expect(hintsOf(h.frame())).toContain('Ctrl-G bantuan');
    expect(await h.press(CTRL_G)).toContain('Tombol — Tagar');
    await h.press('Esc');
    await h.press('Esc');
    expect(await h.press('?')).toContain('Tombol — Daftar artikel');
    await h.press('Esc');
    // over each prompt of the feeds view, the help is named for it
    await h.press('F');
    for (const [key, label, title] of [
      ['a', 'Tambah feed: ', 'Tombol — Tambah feed'],
      ['t', 'Nama: ', 'Tombol — Ganti nama feed'],
      ['l', 'Bahasa: ', 'Tombol — Bahasa feed'],
    ] as const) {
      expect(hintsOf(await h.press(key))).toContain(label);
      const help = await h.press(CTRL_G);
      expect(help).toContain(title);
      expect(help).not.toContain('isian');
      expect(hintsOf(await h.press('Esc'))).toContain(label);
      await h.press('Esc');
    }
  });
});

describe('the f hint', () => {
  it('is shown only for an article that has a web page (the demo ships pages for a few samples)', async () => {
    const store = sampleStore();
    const locate = samplePageLocator(samplesDir(import.meta.url));
    const services = testServices(store);
    services.pages = { ...services.pages, has: (a) => hasPage(a.url, locate) };
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={120} />);
    await h.waitFor('18 belum dibaca');
    // the newest sample (18240) has no page: `f` would only say so
    const none = await h.press('Enter');
    expect(none).toContain('NiagaKu');
    expect(hintsOf(none)).not.toContain('f lengkap/feed');
    expect(hintsOf(none)).toContain('n/p artikel');
    // 18227 has one
    await h.press('q');
    await h.press('/');
    await h.type('title:"Rekam Medis"');
    await h.press('Enter');
    const page = await h.press('Enter');
    expect(page).toContain('Data Rekam Medis Pasien RS Harapan Sehat');
    expect(hintsOf(page)).toContain('f lengkap/feed');
  });

  it('is not shown for an address that is no web page', () => {
    expect(hasPage(null)).toBe(false);
    expect(hasPage('  ')).toBe(false);
    expect(hasPage('gopher://x.example/1')).toBe(false);
    expect(hasPage('https://x.example/a')).toBe(true);
    expect(hasPage('HTTP://x.example/a')).toBe(true);
  });
});

describe('the header counts what the list shows', () => {
  const rowsOf = (frame: string): string[] => lines(frame).slice(2, -3).filter((l) => l.trim() !== '');

  it('in starred only: an article unstarred there stays listed, and unread, until the filter changes', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="en" rows={24} columns={80} />);
    await h.waitFor('18 unread');
    await h.press('s');
    await h.press('j');
    await h.press('s');
    const starred = await h.press('S');
    expect(headerOf(starred)).toContain('starred only   2 unread');
    expect(rowsOf(starred)).toHaveLength(2);
    const unstarred = await h.press('s');
    expect(statusOf(unstarred)).toContain('Star removed');
    expect(rowsOf(unstarred)).toHaveLength(2);
    expect(headerOf(unstarred)).toContain('starred only   2 unread');
    // read now (m): counted as it is drawn
    const read = await h.press('m');
    expect(headerOf(read)).toContain('starred only   1 unread');
    // the list is read again (another mark written): the row stays all the same
    await h.press('k');
    const again = await h.press('m');
    expect(rowsOf(again)).toHaveLength(2);
    expect(headerOf(again)).toContain('starred only   0 unread');
    // leaving starred only and coming back: it is gone
    await h.press('S');
    const back = await h.press('S');
    expect(rowsOf(back)).toHaveLength(1);
    expect(headerOf(back)).toContain('starred only   0 unread');
  });

  it('in unread only and with is:starred typed, in Indonesian too', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('18 belum dibaca');
    await h.press('u');
    const read = await h.press('m');
    expect(headerOf(read)).toContain('17 belum dibaca');
    expect(rowsOf(read)).toHaveLength(18);
    await h.press('u');
    await h.press('s');
    await h.press('/');
    await h.type('is:starred');
    const typed = await h.press('Enter');
    expect(rowsOf(typed)).toHaveLength(1);
    // the article read above is the one starred: read, so none unread
    expect(headerOf(typed)).toContain('0 belum dibaca');
    await h.press('m');
    const unstarred = await h.press('s');
    expect(rowsOf(unstarred)).toHaveLength(1);
    expect(headerOf(unstarred)).toContain('1 belum dibaca');
  });
});

describe('a reason after a colon reads as part of one sentence', () => {
  it('in the status line when a refresh cannot run, in both languages', async () => {
    const store = sampleStore();
    const services = testServices(store, {
      refresh: () => Promise.reject(new ProblemError(problem('errCacheNotDir', '/home/u/.cache/cyberread/cache.db', '/home/u/.cache'))),
    });
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={200} />);
    await h.waitFor('18 belum dibaca');
    await h.press('r');
    const id = await h.waitFor('Gagal memuat ulang');
    expect(statusOf(id)).toContain('Gagal memuat ulang: tidak bisa membuat cache di /home/u/.cache/cyberread/cache.db');
    await h.press('L');
    await h.press('j');
    expect(statusOf(h.frame())).toContain('Refresh failed: cannot create the cache at /home/u/.cache/cyberread/cache.db');
  });

  it('keeps names and acronyms, and drops the period of a one-sentence reason', () => {
    expect(asClause('Tidak bisa mengambil x: waktu habis.')).toBe('tidak bisa mengambil x: waktu habis');
    expect(asClause('The cache at /x failed: disk I/O error (SQLITE_IOERR).')).toBe('the cache at /x failed: disk I/O error (SQLITE_IOERR)');
    // two sentences: the second starts with a capital, so the first keeps its period and the last stays
    expect(asClause('No such file: /x. Check the path.')).toBe('no such file: /x. Check the path.');
    for (const name of ['URL-nya kosong', 'GitHub said no', 'ECONNRESET', 'cyberread could not', 'https://x.example/ failed']) expect(asClause(name)).toBe(name);
    expect(asClause('A feed')).toBe('a feed');
    for (const lang of ['en', 'id'] as const) {
      const m = messages(lang);
      for (const text of [m.openFailed(m.openOnlyHttp), m.refreshFailed(explain(problem('errUnexpected', 'boom'), lang))]) {
        expect(text).toMatch(/: \p{Ll}/u);
      }
    }
  });
});

describe('the refresh notice counts what the reader can see', () => {
  /** Services whose refresh stores `made` as one feed's new articles and reports it; notices go to `notified`. */
  function refreshing(store: SqliteStore, feedUrl: string, made: Article[], notified: NewArticlesNotice[]): ReturnType<typeof testServices> {
    const services = testServices(store, {
      refresh: (onProgress) => {
        store.saveFeed(feedUrl, { lastFetched: '2026-11-28T07:59:00.000Z', lastStatus: 'new' }, made);
        const result: RefreshResult = { url: feedUrl, status: 'new', added: made.length, updated: 0 };
        onProgress({ done: 1, total: 1, result });
        return Promise.resolve([result]);
      },
    });
    services.notify = (notice) => {
      notified.push(notice);
      return Promise.resolve({ ok: true });
    };
    return services;
  }

  /**
   * A refresh that brings `id` Indonesian and `en` English articles, and (unless `unknown` is false) one of
   * unknown language, the newest (in both editions).
   */
  function bringing(store: SqliteStore, counts: { id: number; en: number }, notified: NewArticlesNotice[], unknown = true): ReturnType<typeof testServices> {
    return refreshing(store, 'https://cyberthreat.id/rss', [
      ...Array.from({ length: counts.id }, (_x, i) => article({ id: `baru${i}`, title: `Berita Baru ${i}`, lang: 'id', published: `2026-11-28T07:1${i}:00.000Z` })),
      ...Array.from({ length: counts.en }, (_x, i) => article({ id: `new${i}`, title: `Fresh News ${i}`, lang: 'en', published: `2026-11-28T07:2${i}:00.000Z` })),
      ...(unknown ? [article({ id: 'nolang', title: 'Unknown Language', lang: null, published: '2026-11-28T07:30:00.000Z' })] : []),
    ], notified);
  }

  it('in the edition shown, and apart what went only to the other one; L counts the other way round', async () => {
    const store = sampleStore();
    const notified: NewArticlesNotice[] = [];
    h = await renderUi(<App services={bringing(store, { id: 2, en: 3 }, notified)} initialLang="en" rows={24} columns={100} />);
    await h.waitFor('18 unread');
    await h.press('r');
    const en = await h.waitFor('new in IND');
    // 3 English and the one of unknown language; 2 only in IND
    expect(statusOf(en)).toContain('4 new · 2 new in IND');
    expect(headerOf(en)).toContain('22 unread');
    expect(notified).toEqual([{ added: 4, lang: 'en', edition: 'en', title: 'Unknown Language' }]);
    await h.press('L');
    const id = await h.press('j');
    expect(statusOf(id)).toContain('3 baru · 3 baru di ENG');
    expect(headerOf(id)).toContain('21 belum dibaca');
  });

  it('names an article the list shows, never a second copy of a story it hides', async () => {
    const store = sampleStore();
    const cached = store.query({ lang: 'en', limit: 1 })[0];
    expect(cached?.url).toBeTruthy();
    const notified: NewArticlesNotice[] = [];
    // the newest of the two is the same story (link and edition) as an article already cached
    const services = refreshing(store, 'https://cyberthreat.id/en/rss', [
      article({ id: 'copy', title: 'Second Copy Of A Story', lang: 'en', url: cached?.url ?? null, published: '2026-11-28T07:30:00.000Z' }),
      article({ id: 'fresh', title: 'Fresh News', lang: 'en', published: '2026-11-28T07:20:00.000Z' }),
    ], notified);
    h = await renderUi(<App services={services} initialLang="en" rows={24} columns={100} />);
    await h.waitFor('18 unread');
    await h.press('r');
    await h.waitFor('1 new');
    expect(notified).toEqual([{ added: 1, lang: 'en', edition: 'en', title: 'Fresh News' }]);
  });

  it('counts an article of unknown language once, in the edition shown, and notifies of those', async () => {
    const store = sampleStore();
    const notified: NewArticlesNotice[] = [];
    h = await renderUi(<App services={bringing(store, { id: 0, en: 2 }, notified)} initialLang="id" rows={24} columns={100} />);
    await h.waitFor('18 belum dibaca');
    await h.press('r');
    const id = await h.waitFor('baru di ENG');
    expect(statusOf(id)).toContain('1 baru · 2 baru di ENG');
    expect(notified).toEqual([{ added: 1, lang: 'id', edition: 'id', title: 'Unknown Language' }]);
  });

  it('of a feed of the other edition opened from the feeds view: its edition counted, named and titled, in the interface language', async () => {
    const store = sampleStore();
    const notified: NewArticlesNotice[] = [];
    h = await renderUi(<App services={bringing(store, { id: 2, en: 3 }, notified, false)} initialLang="en" rows={24} columns={100} />);
    await h.waitFor('18 unread');
    const feeds = await h.press('F');
    const row = lines(feeds).findIndex((l) => l.includes('Cyberthreat.id (contoh)'));
    const sel = lines(feeds).findIndex((l) => l.startsWith('›'));
    for (let i = sel; i < row; i++) await h.press('j');
    expect(headerOf(await h.press('Enter'))).toContain('[IND] | ENG   feed: Cyberthreat.id (contoh)');
    await h.press('r');
    await h.waitFor('new in ENG');
    // the two Indonesian articles, the newest of them as the title: not the English edition's newest
    expect(notified).toEqual([{ added: 2, lang: 'en', edition: 'id', title: 'Berita Baru 1' }]);
    const [n] = notified;
    expect(n && notificationText(n.added, n.title, n.lang, n.edition)).toBe('cyberread: 2 new articles in IND — Berita Baru 1');
    // the interface's own edition is not named; Indonesian names the other one the same way
    expect(notificationText(3, 'Fresh News 2', 'en', 'en')).toBe('cyberread: 3 new articles — Fresh News 2');
    expect(notificationText(3, 'Fresh News 2', 'id', 'en')).toBe('cyberread: 3 artikel baru di ENG — Fresh News 2');
    expect(notificationText(1, null, 'id', undefined)).toBe('cyberread: 1 artikel baru');
  });
});

describe('a feed of the other edition opened from the feeds view', () => {
  it('is listed in its edition while the interface keeps the language the user chose; c and L go back', async () => {
    const store = sampleStore();
    const services = testServices(store);
    h = await renderUi(<App services={services} initialLang="en" rows={24} columns={100} />);
    await h.waitFor('18 unread');
    const feeds = await h.press('F');
    // the feeds view says which edition each feed is in
    expect(feeds).toMatch(/Cyberthreat\.id \(contoh\) +id /);
    const row = lines(feeds).findIndex((l) => l.includes('Cyberthreat.id (contoh)'));
    const sel = lines(feeds).findIndex((l) => l.startsWith('›'));
    for (let i = sel; i < row; i++) await h.press('j');
    const listed = await h.press('Enter');
    expect(headerOf(listed)).toContain('cyberread · Articles   [IND] | ENG   feed: Cyberthreat.id (contoh) ×   18 unread');
    expect(listed).toContain('Data 2,3 Juta Pelanggan');
    expect(statusOf(listed)).toContain("This feed's articles are in the IND edition: listed there (c goes back to ENG)");
    expect(hintsOf(listed)).toContain('q quit');
    expect(services.savedLang).toEqual([]);
    // c: every feed, in the interface's edition
    const cleared = await h.press('c');
    expect(headerOf(cleared)).toContain('Articles   IND | [ENG]   18 unread');
    expect(cleared).toContain('Data of 2.3 Million NiagaKu');
    // L from the feed's edition: the other one, which is the interface's; the feed filter stays
    await h.press('F');
    await h.press('Enter');
    const back = await h.press('L');
    expect(headerOf(back)).toContain('Articles   IND | [ENG]   feed: Cyberthreat.id (contoh) ×');
    expect(statusOf(back)).toContain('Language: English');
    // L again: both switch, as L always does
    await h.press('c');
    const id = await h.press('L');
    expect(headerOf(id)).toContain('Daftar artikel   [IND] | ENG');
  });
});

describe('N and P at the end of the unread of an edition', () => {
  it('stay in the edition shown and say how many the other has, and the key that switches, in both languages', async () => {
    const store = sampleStore();
    // read every English story but one whose Indonesian edition stays unread (it has its own story)
    const en = store.query({ lang: 'en', limit: 100 });
    store.mark(en.map((a) => a.id), { read: true });
    const idUnread = store.unreadCount({ lang: 'id' });
    store.mark([en[0]?.id ?? ''], { read: false });
    const unpaired = store.query({ lang: 'id', limit: 100 }).filter((a) => !a.read).length;
    expect(unpaired).toBe(idUnread + 1);
    h = await renderUi(<App services={testServices(store)} initialLang="en" rows={24} columns={120} />);
    await h.waitFor('1 unread');
    // the one unread English article (the newest, selected), then none left: the other edition's are named, not jumped into
    const opened = await h.press('Enter');
    expect(headerOf(opened)).toContain('Article');
    const none = await h.press('N');
    expect(statusOf(none)).toContain(`No unread articles left in ENG; ${unpaired - 1} unread in IND: L in the list switches`);
    expect(headerOf(none)).toContain('IND | [ENG]');
    await h.press('q');
    const list = await h.press('P');
    expect(statusOf(list)).toContain(`No unread articles left in ENG; ${unpaired - 1} unread in IND: L switches`);
    const id = await h.press('L');
    expect(headerOf(id)).toContain(`[IND] | ENG   ${unpaired - 1} belum dibaca`);
    // in IND, with unread left below: the plain notice at the top going back
    await h.press('g');
    expect(statusOf(await h.press('P'))).toContain('Tidak ada artikel belum dibaca sebelum ini');
  });

  it('say only that none is left when the other edition has none either', async () => {
    const store = sampleStore();
    store.markAll({}, true);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={100} />);
    await h.waitFor('0 belum dibaca');
    expect(statusOf(await h.press('N'))).toContain('Tidak ada lagi artikel yang belum dibaca');
  });
});

describe('a refresh of several feeds (found walking the reader)', () => {
  it('keeps the selected article selected when another feed stored its articles before the first one reported', async () => {
    const store = sampleStore();
    const services = testServices(store, {
      refresh: (onProgress) => {
        // the refresh thread writes both feeds before the reader handles the first report
        store.saveFeed('https://cyberthreat.id/rss', { lastFetched: '2026-11-28T07:59:00.000Z', lastStatus: 'new' }, [
          article({ id: 'idnew0', title: 'Berita Baru 0', lang: 'id', published: '2026-11-28T07:10:00.000Z' }),
          article({ id: 'idnew1', title: 'Berita Baru 1', lang: 'id', published: '2026-11-28T07:11:00.000Z' }),
        ]);
        store.saveFeed('https://en.cyberthreat.id/rss', { lastFetched: '2026-11-28T07:59:00.000Z', lastStatus: 'new' }, [
          article({ id: 'ennew0', feedUrl: 'https://en.cyberthreat.id/rss', title: 'Fresh News 0', lang: 'en', published: '2026-11-28T07:20:00.000Z' }),
          article({ id: 'ennew1', feedUrl: 'https://en.cyberthreat.id/rss', title: 'Fresh News 1', lang: 'en', published: '2026-11-28T07:21:00.000Z' }),
          article({ id: 'ennew2', feedUrl: 'https://en.cyberthreat.id/rss', title: 'Fresh News 2', lang: 'en', published: '2026-11-28T07:22:00.000Z' }),
        ]);
        const first: RefreshResult = { url: 'https://cyberthreat.id/rss', status: 'new', added: 2, updated: 0 };
        const second: RefreshResult = { url: 'https://en.cyberthreat.id/rss', status: 'new', added: 3, updated: 0 };
        onProgress({ done: 1, total: 2, result: first });
        onProgress({ done: 2, total: 2, result: second });
        return Promise.resolve([first, second]);
      },
    });
    h = await renderUi(<App services={services} initialLang="en" rows={24} columns={100} />);
    await h.waitFor('18 unread');
    const before = lines(h.frame()).find((l) => l.startsWith('›')) ?? '';
    expect(before).toContain('Data of 2.3 Million NiagaKu');
    await h.press('r');
    const after = await h.waitFor('3 new');
    expect(lines(after).find((l) => l.startsWith('›'))).toContain('Data of 2.3 Million NiagaKu');
    // on the same screen row: the new ones came in above it, out of view
    expect(lines(after)[2]).toContain('Data of 2.3 Million NiagaKu');
    expect(after).not.toContain('Fresh News');
  });
});

describe('the help on a small terminal (found walking the reader at 40×12)', () => {
  it('pages with Space/PgDn and b/PgUp and goes to its ends with G/End and g/Home, as an article does', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={12} columns={40} />);
    await h.waitFor('Daftar artikel');
    const top = await h.press('?');
    expect(top).toContain('daftar tombol di layar ini');
    const paged = await h.press('PgDn');
    expect(paged).not.toContain('daftar tombol di layar ini');
    expect(await h.press('b')).toContain('daftar tombol di layar ini');
    await h.press(' ');
    expect(await h.press('PgUp')).toContain('daftar tombol di layar ini');
    // the last row of the list's help is its last binding: the previous unread article
    const end = await h.press('G');
    expect(end).toContain('P         artikel belum dibaca sebel');
    expect(await h.press('g')).toContain('daftar tombol di layar ini');
    expect(await h.press('End')).toContain('P         artikel belum dibaca sebel');
    expect(await h.press('Home')).toContain('daftar tombol di layar ini');
  });
});

describe("the key hints at 40 columns (the hashtag view dropped Enter add/remove before Ctrl-G help)", () => {
  it("keep the hint that does each view's job, then the help, in both languages", async () => {
    for (const [lang, unread, said] of [
      ['en', 'Articles', { open: 'Enter open', add: 'Enter add/remove', choose: 'Enter choose', help: '? help', typedHelp: 'Ctrl-G help' }],
      ['id', 'Daftar artikel', { open: 'Enter buka', add: 'Enter tambah/lepas', choose: 'Enter pilih', help: '? bantuan', typedHelp: 'Ctrl-G bantuan' }],
    ] as const) {
      const store = sampleStore();
      h = await renderUi(<App services={testServices(store)} initialLang={lang} rows={20} columns={40} />);
      await h.waitFor(unread);
      const hints = (frame: string): string => hintsOf(frame).trim();
      // the list: Enter opens an article
      const list = hints(h.frame());
      expect(list, lang).toContain(said.open);
      expect(list, lang).toContain(said.help);
      // the hashtag view: Enter adds or removes the tag, and the help is a key that is not typed
      const tags = hints(await h.press('#'));
      expect(tags, lang).toContain(said.add);
      expect(tags, lang).toContain(said.typedHelp);
      await h.press('Esc');
      // the language view: Enter chooses
      expect(hints(await h.press('l')), lang).toContain(said.choose);
      await h.press('Esc');
      // the feeds view: Enter lists a feed's articles
      const feeds = hints(await h.press('F'));
      expect(feeds, lang).toContain(said.open);
      expect(feeds, lang).toContain(said.help);
      await h.press('q');
      // an article's "Read also": Enter opens the one chosen
      await h.press('Enter');
      const related = hints(await h.press('Tab'));
      expect(related, lang).toContain(said.open);
      expect(related, lang).toContain(said.help);
      await h.press('Tab');
      // the link picker: Enter opens the link
      const links = hints(await h.press('u'));
      expect(links, lang).toContain(said.open);
      expect(links, lang).toContain(said.help);
      for (const frame of [list, tags, feeds, related, links]) expect(displayWidthOf(frame)).toBeLessThanOrEqual(40);
      cleanUpReaders();
    }
  });
});
