import { problem } from '../../src/core/i18n/problem.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { cleanUpReaders, sampleStore } from './fixtures.js';

/** Back (q, Esc) through real keypresses: every screen returns to the one it was opened from. */

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(cleanUpReaders);

const title = (frame: string): string => frame.split('\n')[0] ?? '';

async function start(o: { failing?: boolean } = {}): Promise<Harness> {
  store = sampleStore();
  const services = testServices(store, {
    ...(o.failing
      ? {
          lastRefreshAt: null,
          refresh: () => Promise.resolve([{ url: 'https://x.example/feed', status: 'error' as const, added: 0, updated: 0, error: problem('errStatus', 500, '') }]),
        }
      : {}),
  });
  h = await renderUi(<App services={services} initialLang="en" rows={30} columns={100} />);
  await h.waitFor('unread');
  return h;
}

describe('back returns where each screen was opened', () => {
  it('l ? q q: help returns to the language view, which returns to the list', async () => {
    const h = await start();
    expect(title(await h.press('l'))).toContain('Language');
    const help = await h.press('?');
    expect(help).toContain('Keys — Language');
    expect(help).toContain('choose the highlighted language');
    const lang = await h.press('q');
    expect(lang).toContain('Choose the language of the interface');
    const list = await h.press('q');
    expect(title(list)).toContain('Articles');
    expect(list).not.toContain('Choose the language');
  });

  it('? in the failed-feeds view shows its own keys, and q returns to it', async () => {
    const h = await start({ failing: true });
    await h.waitFor('1 feed failed');
    const errors = await h.press('e');
    expect(errors).toContain('https://x.example/feed');
    const help = await h.press('?');
    expect(help).toContain('Keys — Failed feeds');
    expect(help).not.toContain('open the article');
    const back = await h.press('q');
    expect(back).toContain('https://x.example/feed');
    expect(title(back)).toContain('Failed feeds');
    expect(title(await h.press('Esc'))).toContain('Articles');
  });

  it('q from an article opened via "Read also" returns to that article at its scroll, then to the list', async () => {
    const h = await start();
    await h.press('Enter');
    await h.press('G');
    const focused = await h.press('Tab');
    const chosen = /^ » › (.+?)\s*$/m.exec(focused)?.[1] ?? '';
    expect(chosen).not.toBe('');
    const opened = await h.press('Enter');
    expect(opened.split('\n')[3]).toContain(chosen.replace(/…$/, ''));
    const back = await h.press('q');
    // the same page, scrolled where it was, "Read also" still focused on the same entry
    // (the header's unread count went down by the article read meanwhile)
    const body = (f: string): string => f.split('\n').slice(1).join('\n');
    expect(body(back)).toBe(body(focused));
    const list = await h.press('q');
    expect(title(list)).toContain('Articles');
  });

  it('help opened from a scrolled article returns to it where it was', async () => {
    const h = await start();
    await h.press('Enter');
    const scrolled = await h.press('G');
    expect(await h.press('?')).toContain('Keys — Article');
    expect(await h.press('?')).toBe(scrolled);
    await h.press('?');
    expect(await h.press('Esc')).toBe(scrolled);
  });
});
