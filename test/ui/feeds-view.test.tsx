import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { problem } from '../../src/core/i18n/problem.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices, type TestServices } from '../helpers/services.js';
import { article, cleanUpReaders, tempStore } from './fixtures.js';

// The feeds view (F) through real keypresses: a real cache and a real config.json in temp dirs.

let h: Harness | undefined;
afterEach(cleanUpReaders);

const statusOf = (frame: string): string => frame.split('\n').slice(-2)[0] ?? '';
const hintsOf = (frame: string): string => frame.split('\n').slice(-1)[0] ?? '';
const A = 'https://a.example/rss';
const B = 'https://b.example/rss';

function setup(): { store: SqliteStore; services: TestServices } {
  const store = tempStore();
  store.saveFeed(A, { lastFetched: '2026-11-28T07:55:00Z', lastStatus: 'new', title: 'Berita A' }, [
    article({ id: 'a1', feedUrl: A, title: 'Artikel A1', lang: 'id' }),
    article({ id: 'a2', feedUrl: A, title: 'Artikel A2', lang: 'id', published: '2026-11-28T04:00:00.000Z' }),
    article({ id: 'a3', feedUrl: A, title: 'Artikel A3', lang: 'id', published: '2026-11-28T03:00:00.000Z' }),
  ]);
  store.mark(['a3'], { read: true, starred: true });
  store.saveFeed(B, { lastFetched: '2026-11-28T06:00:00Z', lastStatus: 'new', title: 'News B' }, [
    article({ id: 'b1', feedUrl: B, title: 'Story B1', lang: 'en' }),
  ]);
  // the last fetch of B failed: its error is a problem, told in the interface language
  store.saveFetchState(B, { lastFetched: '2026-11-28T07:00:00Z', lastStatus: 'error', lastError: problem('errUnexpected', 'HTTP 503') });
  const services = testServices(store, { feeds: [{ url: A, title: 'Berita A', lang: 'id' }, { url: B }] });
  return { store, services };
}

const savedFeeds = (services: TestServices): unknown => JSON.parse(readFileSync(join(services.config.path), 'utf8')).feeds;

describe('the feeds view', () => {
  it('lists every feed with language, unread/total, last refresh and last error; Enter lists that feed; c clears it', async () => {
    const { services } = setup();
    h = await renderUi(<App services={services} initialLang="id" rows={20} columns={110} />);
    await h.waitFor('Artikel A1');
    const view = await h.press('F');
    expect(view).toContain(' cyberread · Feed ');
    expect(view).toMatch(/›● Berita A +id +2\/3 +5 mnt/);
    expect(view).toMatch(/ ● News B +en +1\/1 +1 jam +✗ Terjadi kesalahan tak terduga: HTTP 503/);
    // under the list: the selected feed's address and its last fetch
    expect(view).toContain(` ${A}\n dimuat 5 menit lalu`);
    expect(hintsOf(view)).toContain('a tambah');
    const listed = await h.press('Enter');
    expect(listed).toContain('feed: Berita A ×');
    expect(listed).toContain('Artikel A1');
    expect(listed).not.toContain('Story B1');
    const cleared = await h.press('c');
    expect(cleared).not.toContain('feed: Berita A');
    // B's articles are English: Enter on it lists them in the English edition, and says so
    await h.press('F');
    await h.press('j');
    const english = await h.press('Enter');
    expect(english).toContain('IND | [ENG]');
    expect(english).toContain('feed: News B ×');
    expect(english).toContain('Story B1');
    // the interface keeps its language: only the edition listed follows the feed, and nothing is saved
    expect(english).toContain('cyberread · Daftar artikel');
    expect(services.savedLang).toEqual([]);
  });

  it('adds a feed by URL with the options of feeds add (refusing a bad one), saves it at once and fetches it', async () => {
    const { services } = setup();
    h = await renderUi(<App services={services} initialLang="en" rows={20} columns={110} />);
    await h.waitFor('Story B1');
    await h.press('F');
    const prompt = await h.press('a');
    expect(hintsOf(prompt)).toContain('Add feed: █   URL [--lang id|en] [--title T] [--tag T] [--full auto|always|never] · Enter adds · Esc cancels');
    await h.type('ftp://x.example/rss');
    const refused = await h.press('Enter');
    expect(statusOf(refused)).toContain('"ftp://x.example/rss" is not a feed address');
    // the prompt stays with what was typed
    expect(hintsOf(refused)).toContain('Add feed: ftp://x.example/rss█');
    for (let i = 0; i < 'ftp://x.example/rss'.length; i++) await h.press('Backspace');
    await h.type('http://127.0.0.1:9/feed.xml --title "Uji Lokal" --full sometimes');
    expect(statusOf(await h.press('Enter'))).toContain('Unknown --full mode "sometimes": use auto, always or never');
    for (let i = 0; i < ' --full sometimes'.length; i++) await h.press('Backspace');
    await h.type(' --lang id --tag uji --full always');
    const added = await h.press('Enter');
    expect(statusOf(added)).toContain('Added Uji Lokal; fetching it');
    expect(added).toMatch(/›  Uji Lokal +id +0\/0 +never/);
    expect(savedFeeds(services)).toEqual([
      { url: A, title: 'Berita A', lang: 'id' },
      { url: B },
      { url: 'http://127.0.0.1:9/feed.xml', title: 'Uji Lokal', lang: 'id', tags: ['uji'], fullText: 'always' },
    ]);
    expect(services.refreshed.at(-1)).toEqual(['http://127.0.0.1:9/feed.xml']);
    // the same URL again is said to be there already
    await h.press('a');
    await h.type('http://127.0.0.1:9/feed.xml');
    expect(statusOf(await h.press('Enter'))).toContain('is already in your feeds');
    const gone = await h.press('Esc');
    expect(hintsOf(gone)).toContain('Enter open');
  });

  it('fetches a feed added while a refresh runs as soon as that refresh ends', async () => {
    const store = tempStore();
    store.saveFeed(B, { lastFetched: '2026-11-28T06:00:00Z', lastStatus: 'new', title: 'News B' }, [article({ id: 'b1', feedUrl: B, title: 'Story B1', lang: 'en' })]);
    let finish = (): void => {};
    const services = testServices(store, {
      refresh: (_progress, urls) => (urls ? Promise.resolve([]) : new Promise((r) => (finish = () => r([])))),
    });
    h = await renderUi(<App services={services} initialLang="en" rows={20} columns={110} />);
    await h.waitFor('Story B1');
    await h.press('r');
    await h.press('F');
    await h.press('a');
    await h.type('http://127.0.0.1:9/late.xml --title Late');
    const added = await h.press('Enter');
    expect(statusOf(added)).toContain('Added Late; it is fetched when the running refresh ends');
    expect(services.refreshed).toEqual([null]);
    finish();
    await h.waitFor(() => services.refreshed.length === 2);
    expect(services.refreshed).toEqual([null, ['http://127.0.0.1:9/late.xml']]);
  });

  it('renames a feed and sets its language: saved at once, and the list follows', async () => {
    const { store, services } = setup();
    h = await renderUi(<App services={services} initialLang="id" rows={20} columns={110} />);
    await h.waitFor('Artikel A1');
    await h.press('F');
    const rename = await h.press('t');
    expect(hintsOf(rename)).toContain('Nama: Berita A█');
    for (let i = 0; i < 'Berita A'.length; i++) await h.press('Backspace');
    await h.type('Kabar Siber');
    const renamed = await h.press('Enter');
    expect(statusOf(renamed)).toContain('Nama diganti menjadi Kabar Siber');
    expect(renamed).toMatch(/›● Kabar Siber/);
    expect((savedFeeds(services) as { title?: string }[])[0]?.title).toBe('Kabar Siber');
    expect(store.get('a1')?.feedTitle).toBe('Kabar Siber');
    const listed = await h.press('Enter');
    expect(listed).toContain('feed: Kabar Siber ×');
    expect(listed).toMatch(/Kabar Siber +Artikel A1/);

    await h.press('F');
    await h.press('l');
    await h.press('Backspace');
    await h.press('Backspace');
    await h.type('xx');
    expect(statusOf(await h.press('Enter'))).toContain('Bahasa "xx" tidak dikenal');
    await h.press('Backspace');
    await h.press('Backspace');
    await h.type('en');
    const set = await h.press('Enter');
    expect(statusOf(set)).toContain('Bahasa feed: en');
    expect(set).toMatch(/›● Kabar Siber +en/);
    expect((savedFeeds(services) as { lang?: string }[])[0]?.lang).toBe('en');
    expect(store.count({ lang: 'en', feedUrl: A })).toBe(3);
  });

  it('f steps the full-article mode of the selected feed through auto, always and never: said, shown and saved', async () => {
    const { services } = setup();
    h = await renderUi(<App services={services} initialLang="id" rows={20} columns={110} />);
    await h.waitFor('Artikel A1');
    const view = await h.press('F');
    expect(view).toContain(` ${A}\n dimuat 5 menit lalu · artikel lengkap: auto`);
    const always = await h.press('f');
    expect(statusOf(always)).toContain('Artikel lengkap feed ini: always — halaman setiap artikel dimuat');
    expect(always).toContain('dimuat 5 menit lalu · artikel lengkap: always');
    expect((savedFeeds(services) as { fullText?: string }[])[0]?.fullText).toBe('always');
    const never = await h.press('f');
    expect(statusOf(never)).toContain('hanya bila Anda menekan f pada artikelnya');
    expect((savedFeeds(services) as { fullText?: string }[])[0]?.fullText).toBe('never');
    const auto = await h.press('f');
    expect(auto).toContain('artikel lengkap: auto');
    // auto is the default: the setting leaves config.json
    expect(savedFeeds(services)).toEqual([{ url: A, title: 'Berita A', lang: 'id' }, { url: B }]);
    // the other feed keeps its own
    await h.press('j');
    expect(statusOf(await h.press('f'))).toContain('Artikel lengkap feed ini: always');
    expect(savedFeeds(services)).toEqual([{ url: A, title: 'Berita A', lang: 'id' }, { url: B, fullText: 'always' }]);
  });

  it('removes a feed after a question naming what stays; any other key keeps it', async () => {
    const { store, services } = setup();
    h = await renderUi(<App services={services} initialLang="en" rows={20} columns={120} />);
    await h.waitFor('Story B1');
    await h.press('F');
    const asked = await h.press('d');
    expect(statusOf(asked)).toContain('Remove Berita A? 2 cached articles go, 1 starred stay');
    expect(hintsOf(asked)).toBe(' y/Enter: remove · other key: keep');
    expect(statusOf(await h.press('n'))).toContain('Cancelled');
    expect(savedFeeds(services)).toHaveLength(2);
    await h.press('d');
    const removed = await h.press('y');
    expect(statusOf(removed)).toContain("Removed Berita A and 2 cached articles; starred ones are kept");
    expect(removed.split('\n').slice(2, -3).join('\n')).not.toContain('Berita A');
    expect(savedFeeds(services)).toEqual([{ url: B }]);
    expect(store.query({ limit: 10 }).map((a) => a.id).sort()).toEqual(['a3', 'b1']);
  });

  it('refreshes just the selected feed, and marks one feed read with z to undo', async () => {
    const { store, services } = setup();
    h = await renderUi(<App services={services} initialLang="en" rows={40} columns={120} />);
    await h.waitFor('Story B1');
    await h.press('F');
    await h.press('j');
    await h.press('r');
    await h.waitFor(() => services.refreshed.length > 0);
    expect(services.refreshed.at(-1)).toEqual([B]);
    await h.press('k');
    const asked = await h.press('A');
    expect(statusOf(asked)).toContain('Mark the 2 unread articles of Berita A read?');
    expect(hintsOf(asked)).toBe(' y/Enter: yes · other key: no');
    const marked = await h.press('Enter');
    expect(statusOf(marked)).toContain('2 articles marked read — z undoes');
    expect(marked).toMatch(/›  Berita A +id +0\/3/);
    expect(store.unreadCount({ feedUrl: A })).toBe(0);
    const undone = await h.press('z');
    expect(undone).toMatch(/›● Berita A +id +2\/3/);
    expect(store.unreadCount({ feedUrl: A })).toBe(2);
    // help shows the keys of this view
    const help = await h.press('?');
    expect(help).toContain('rename the feed');
    expect(help).toContain("mark this feed's articles read (asks first)");
    expect(await h.press('q')).toContain('Berita A');
  });

  it('lists saved views first with the counts of what they list; Enter lists a view like a feed', async () => {
    const { services } = setup();
    services.config.saveView({ name: 'Bintang', query: 'starred' });
    services.config.saveView({ name: 'English', query: 'lang:en -read' });
    services.config.saveView({ name: 'A baru', query: 'feed:berita unread' });
    h = await renderUi(<App services={services} initialLang="id" rows={20} columns={110} />);
    await h.waitFor('Artikel A1');
    const view = await h.press('F');
    const rows = view.split('\n').slice(2, 8);
    expect(rows[0]).toMatch(/^›  ⌕ Bintang +0\/1  starred$/);
    // a view naming a language counts that edition, whatever the interface's
    expect(rows[1]).toMatch(/^ ● ⌕ English +1\/1  lang:en -read$/);
    expect(rows[2]).toMatch(/^ ● ⌕ A baru +2\/2  feed:berita unread$/);
    expect(rows[3]).toMatch(/^ ● Berita A +id +2\/3/);
    // under the list: the view's query, and what Enter does
    expect(view).toContain(' starred\n tampilan tersimpan');
    // feed keys leave a view alone: r refreshes nothing, R renames nothing
    await h.press('j');
    const listed = await h.press('Enter');
    expect(listed).toContain('tampilan: English ×');
    expect(listed).toContain('Story B1');
    expect(listed).not.toContain('Artikel A1');
    // the view's query is in the prompt, to narrow or change
    expect(await h.press('/')).toContain('Cari: lang:en -read█');
    await h.press('Esc');
    const all = await h.press('c');
    expect(all).toContain('Artikel A1');
    expect(all).not.toContain('tampilan:');
  });
});
