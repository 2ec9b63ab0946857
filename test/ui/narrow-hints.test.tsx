import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { removeTempStores, sampleStore } from './fixtures.js';

/** At 80 columns the hints line cannot hold every hint: the way out and "? help" stay, in both languages. */

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(() => {
  h?.unmount();
  h = undefined;
  store?.close();
  store = undefined;
  removeTempStores();
});

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
