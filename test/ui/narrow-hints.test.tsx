import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { cleanUpReaders, sampleStore } from './fixtures.js';

/** At 80 columns the hints line cannot hold every hint: the way out and "? help" stay, in both languages. */

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(cleanUpReaders);

const hints = (frame: string): string => frame.split('\n').at(-1) ?? '';

async function start(lang: 'id' | 'en'): Promise<Harness> {
  store = sampleStore();
  h = await renderUi(<App services={testServices(store)} initialLang={lang} rows={24} columns={80} />);
  await h.waitFor((f) => f.includes('›'));
  return h;
}

describe('hints at 80 columns', () => {
  it.each([
    ['id', 'q keluar', 'q kembali', 'q kembali'],
    ['en', 'q quit', 'q back', 'q back'],
  ] as const)('(%s) the list, the reader and the feeds view keep the way out and ? help', async (lang, quit, back, feedsBack) => {
    const h = await start(lang);
    const help = lang === 'id' ? '? bantuan' : '? help';
    const list = hints(h.frame());
    expect(list).toContain(quit);
    expect(list.endsWith(help)).toBe(true);
    const reader = hints(await h.press('Enter'));
    expect(reader).toContain(back);
    expect(reader.endsWith(help)).toBe(true);
    await h.press('q');
    const feeds = hints(await h.press('F'));
    expect(feeds).toContain(feedsBack);
    expect(feeds.endsWith(help)).toBe(true);
    for (const line of [list, reader, feeds]) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('a line being typed at 80 columns', () => {
  it.each([
    ['en', 'Add feed: ', 'Enter adds · Esc cancels', 'Name: ', 'Esc cancels', 'Language: ', 'Esc cancels'],
    ['id', 'Tambah feed: ', 'Enter menambah · Esc batal', 'Nama: ', 'Esc batal', 'Bahasa: ', 'Esc batal'],
  ] as const)('(%s) keeps saying which keys save and cancel, and shows the end of a long text with its cursor', async (lang, add, addKeys, name, nameKeys, language, languageKeys) => {
    const h = await start(lang);
    await h.press('F');
    const prompt = hints(await h.press('a'));
    expect(prompt.startsWith(` ${add}█`)).toBe(true);
    expect(prompt).toContain(addKeys);
    const url = 'https://example.com/a/very/long/path/to/a/feed/that/goes/on/and/on/until/the/end/rss.xml';
    await h.type(url);
    const long = hints(h.frame());
    expect(long).toContain('/end/rss.xml█');
    expect(long.length).toBeLessThanOrEqual(80);
    await h.press('Esc');
    const rename = hints(await h.press('t'));
    expect(rename.startsWith(` ${name}`)).toBe(true);
    expect(rename).toContain(nameKeys);
    await h.press('Esc');
    const setLang = hints(await h.press('l'));
    expect(setLang.startsWith(` ${language}`)).toBe(true);
    expect(setLang).toContain(languageKeys);
  });

  it('the search line shows the end of a long query with its cursor', async () => {
    const h = await start('en');
    await h.press('/');
    await h.type('ransomware OR phishing OR malware OR vulnerability OR databreach OR fintech');
    const line = hints(h.frame());
    expect(line).toMatch(/^ Search: ….*databreach OR fintech█$/);
  });
});

describe('an empty list under "unread only" or "starred only"', () => {
  it.each([
    ['en', 'No unread articles: all read', 'Press u to list them all', 'No starred articles', 'Press s on an article to star it, S to list them all'],
    ['id', 'Tidak ada artikel yang belum dibaca: semua sudah dibaca', 'Tekan u untuk menampilkan semua artikel', 'Belum ada artikel berbintang', 'Tekan s pada artikel untuk memberi bintang, S untuk menampilkan semua'],
  ] as const)('(%s) says what is true and which key lists everything again', async (lang, unread, unreadHint, starred, starredHint) => {
    const h = await start(lang);
    const none = await h.press('S');
    expect(none).toContain(starred);
    expect(none).toContain(starredHint);
    await h.press('S');
    await h.press('A');
    await h.press('y');
    const read = await h.press('u');
    expect(read).toContain(unread);
    expect(read).toContain(unreadHint);
    // with another filter on too, c is still the way out
    await h.press('#');
    await h.press('Enter');
    expect(h.frame()).toContain(lang === 'en' ? 'Press c to clear the filters' : 'Tekan c untuk menghapus filter');
  });
});
