import { afterEach, describe, expect, it } from 'vitest';
import type { RefreshResult } from '../../src/core/types.js';
import { App } from '../../src/ui/App.js';
import type { NewArticlesNotice, UiServices } from '../../src/ui/services.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices, type TestServices } from '../helpers/services.js';
import { article, cleanUpReaders, sampleStore } from './fixtures.js';

// The reader refreshes on its own while it stays open: here with an 80 ms interval on real time, each refresh
// storing one new article, as a feed that keeps publishing would.

let h: Harness | undefined;
afterEach(cleanUpReaders);

const rowsOf = (frame: string): string[] => frame.split('\n').slice(2, -3).filter((l) => l.trim() !== '');

/** `feed.left`: how many of the next refreshes bring a new article (the test sets it when it is ready). */
function liveServices(o: { notified?: number[]; notifyFails?: boolean; feed: { left: number } }): TestServices & UiServices {
  const store = sampleStore();
  let last = new Date().toISOString();
  let round = 0;
  const base = testServices(store, {
    refresh: async (onProgress) => {
      onProgress({ done: 0, total: 1 });
      // a few rounds bring an article each, the others nothing: the frames settle for the checks
      if (o.feed.left <= 0) {
        last = new Date().toISOString();
        return [{ url: 'https://cyberthreat.id/rss', status: 'unchanged', added: 0, updated: 0 }];
      }
      round++;
      store.saveFeed('https://cyberthreat.id/rss', { lastFetched: new Date().toISOString(), lastStatus: 'new' }, [
        article({ id: `live${round}`, title: `Berita Langsung ${round}`, published: `2026-11-28T07:5${round}:00.000Z` }),
      ]);
      o.feed.left--;
      const result: RefreshResult = { url: 'https://cyberthreat.id/rss', status: 'new', added: 1, updated: 0 };
      onProgress({ done: 1, total: 1, result });
      last = new Date().toISOString();
      return [result];
    },
  });
  return Object.assign(base, {
    refreshIntervalMs: 80,
    lastRefreshAt: () => last,
    // the scheduler's clock runs; the rows' relative times keep the fixed one of testServices
    now: () => new Date(),
    ...(o.notified
      ? {
          notify: ({ added }: NewArticlesNotice) => {
            o.notified?.push(added);
            return Promise.resolve(o.notifyFails ? { ok: false as const, message: 'Could not run the notification program nope: not found' } : { ok: true as const });
          },
        }
      : {}),
  });
}

describe('live refresh', () => {
  it('refreshes again on its own; new articles come in without moving the selected row', async () => {
    const notified: number[] = [];
    const services = liveServices({ notified, feed: { left: 3 } });
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('TeleNusa');
    await h.press('j');
    const before = rowsOf(h.frame());
    expect(before[1]).toMatch(/^›●.*TeleNusa/);
    // no key pressed from here on
    await h.waitFor(() => services.refreshCalls >= 5, 5000);
    const after = await h.waitFor((f) => f.includes('21 belum dibaca'));
    expect(after).toMatch(/diperbarui|1 baru/);
    expect(rowsOf(after).filter((r) => r.startsWith('›'))).toHaveLength(1);
    expect(rowsOf(after).find((r) => r.startsWith('›'))).toMatch(/TeleNusa/);
    expect(notified).toEqual([1, 1, 1]);
    // the new ones are above it
    await h.press('g');
    expect(rowsOf(await h.waitFor((f) => /^›.*Berita Langsung 3/m.test(f)))[1]).toMatch(/Berita Langsung 2/);
  });

  it('keeps the reader on its article and its scroll while articles arrive, and reports a failed notification', async () => {
    const feed = { left: 0 };
    const services = liveServices({ notified: [], notifyFails: true, feed });
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('TeleNusa');
    await h.press('j');
    await h.press('Enter');
    await h.press('j');
    await h.press('j');
    // the body once the keys are all drawn (the status line keeps changing with each refresh)
    const bodyOf = (f: string): string => f.split('\n').slice(2, -3).join('\n');
    let body = '';
    for (let same = 0; same < 3; ) {
      await new Promise((r) => setTimeout(r, 150));
      const now = bodyOf(h.frame());
      same = now === body ? same + 1 : 0;
      body = now;
    }
    expect(body).toContain('Fajar Setiadi');
    expect(body).not.toContain('Data 1,1 Juta Pelanggan Prabayar TeleNusa');
    const calls = services.refreshCalls;
    feed.left = 2;
    const later = await h.waitFor((f) => services.refreshCalls >= calls + 3 && f.includes('notification program nope'), 5000);
    expect(bodyOf(later)).toBe(body);
    await h.press('Esc');
    // refreshes keep drawing frames: wait for the list's
    const back = await h.waitFor((f) => f.includes('· Daftar artikel'));
    expect(rowsOf(back).find((r) => r.startsWith('›'))).toMatch(/TeleNusa/);
  });
});
