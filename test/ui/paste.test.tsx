import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, sampleStore, storeWith } from './fixtures.js';

// A run of keys in one stdin chunk (a paste, tmux send-keys, a fast typist) must end on the same frame as the
// same keys typed one at a time with a frame in between: keys after one that opens an article or changes
// the list must see the new page's length, not the old one.

afterEach(cleanUpReaders);

/** Waits until no new frame came for a while, and returns the last one. */
async function settled(h: Harness): Promise<string> {
  let n = -1;
  let quiet = 0;
  const end = Date.now() + 5000;
  while (quiet < 8 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 10));
    if (h.frames.length === n) quiet++;
    else {
      quiet = 0;
      n = h.frames.length;
    }
  }
  return h.frame();
}

interface Setup {
  store: () => SqliteStore;
  tags?: string[];
  ready: string;
}

async function start(setup: Setup, onStore?: (s: SqliteStore) => void): Promise<Harness> {
  const store = setup.store();
  onStore?.(store);
  const h = await renderUi(<App services={testServices(store)} initialLang="id" initialTags={setup.tags ?? []} rows={24} columns={80} />);
  await h.waitFor(setup.ready);
  return h;
}

/** The frame after typing the keys one at a time, and the frame after writing them all in one chunk. */
async function slowAndPasted(setup: Setup, keys: string[]): Promise<{ slow: string; pasted: string; typed: Harness }> {
  const a = await start(setup);
  for (const k of keys) {
    await a.press(k);
    await settled(a);
  }
  const slow = await settled(a);
  const b = await start(setup);
  b.press(keys.join('')).catch(() => undefined);
  const pasted = await settled(b);
  return { slow, pasted, typed: a };
}

const SAMPLE: Setup = { store: sampleStore, ready: 'Data 2,3 Juta Pelanggan Marketplace Niaga' };

/** 60 articles, 5 of them tagged #malware (rows 0, 12, 24, 36, 48). */
const SIXTY: Setup = {
  store: () => {
    const base = Date.parse('2026-11-28T07:00:00Z');
    return storeWith(
      Array.from({ length: 60 }, (_, i) =>
        article({
          id: `a${String(i).padStart(3, '0')}`,
          title: `Berita nomor ${i}`,
          published: new Date(base - i * 60_000).toISOString(),
          tags: i % 12 === 0 ? ['malware'] : ['lain'],
        }),
      ),
    );
  },
  tags: ['malware'],
  ready: 'Berita nomor 48',
};

describe('keys pasted in one chunk act like the same keys typed one by one', () => {
  it('Enter G opens the article at its bottom', async () => {
    const { slow, pasted } = await slowAndPasted(SAMPLE, ['\r', 'G']);
    expect(slow).toContain('Baca juga');
    expect(slow).not.toContain('Rina Kartikasari');
    expect(pasted).toBe(slow);
  });

  it('Enter j j j j scrolls the opened article four lines', async () => {
    const { slow, pasted } = await slowAndPasted(SAMPLE, ['\r', 'j', 'j', 'j', 'j']);
    // the edition line, the title and the byline scrolled away
    expect(slow).not.toContain('Rina Kartikasari');
    expect(pasted).toBe(slow);
  });

  it('Enter, Space and j past the end, k moves up at once from the bottom', async () => {
    const keys = ['\r', ' ', ' ', ' ', ' ', ' ', ' ', 'j', 'j', 'j', 'k'];
    const { slow, pasted, typed } = await slowAndPasted(SAMPLE, keys);
    expect(pasted).toBe(slow);
    // one line above the bottom: one more j reaches it, where G stays
    await typed.press('j');
    const down = await settled(typed);
    expect(down).not.toBe(slow);
    await typed.press('G');
    expect(await settled(typed)).toBe(down);
  });

  it('Enter G then n opens the next article at its top', async () => {
    const { slow, pasted } = await slowAndPasted(SAMPLE, ['\r', 'G', 'n', 'j']);
    expect(pasted).toBe(slow);
  });

  it('Enter m: opening marks the article read, then m marks it unread again', async () => {
    const { slow, pasted } = await slowAndPasted(SAMPLE, ['\r', 'm']);
    expect(slow).toContain('Ditandai belum dibaca');
    expect(pasted).toBe(slow);
  });

  it('c G clears the tag filter and selects the last row of the whole list', async () => {
    const { slow, pasted } = await slowAndPasted(SIXTY, ['c', 'G']);
    expect(slow).toMatch(/^›.*Berita nomor 59 /m);
    expect(pasted).toBe(slow);
  });

  it('c, 20 × j, Enter opens the 21st article of the whole list', async () => {
    const keys = ['c', ...Array.from({ length: 20 }, () => 'j'), '\r'];
    const { slow, pasted } = await slowAndPasted(SIXTY, keys);
    expect(slow).toContain('Berita nomor 20');
    expect(pasted).toBe(slow);
  });
});

describe('holding a pasted run back', () => {
  it('handles a single key at once, and the first key of a run at once with the rest after its frame', async () => {
    let store: SqliteStore | undefined;
    const h = await start(SAMPLE, (s) => (store = s));
    const mark = vi.spyOn(store as SqliteStore, 'mark');
    // Harness.press writes synchronously, before its first await
    const one = h.press('m');
    expect(mark).toHaveBeenCalledTimes(1);
    await one;
    await settled(h);
    mark.mockClear();
    const run = h.press('jm');
    // j moved the selection; m waits for that frame
    expect(mark).not.toHaveBeenCalled();
    await run;
    await settled(h);
    const second = store?.query({ lang: 'id', offset: 1, limit: 1 })[0];
    expect(mark.mock.calls).toEqual([[[second?.id], { read: true }]]);
  });

  it('Ctrl-C quits at once, dropping keys of a paste not handled yet', async () => {
    let store: SqliteStore | undefined;
    const h = await start(SAMPLE, (s) => (store = s));
    const mark = vi.spyOn(store as SqliteStore, 'mark');
    // Enter then n × 5 would open (and mark read) six articles one after the other
    const run = h.press('\rnnnnn');
    const quit = h.press('Ctrl-C');
    await Promise.all([run, quit]);
    await settled(h);
    expect(mark.mock.calls.length).toBeLessThanOrEqual(1);
    expect(store?.unreadCount({ lang: 'id' })).toBeGreaterThanOrEqual(17);
  });
});
