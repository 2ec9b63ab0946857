import { afterEach, describe, expect, it } from 'vitest';
import { CacheDamagedError } from '../../src/core/store/errors.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { DamageWatch, tolerateDamage } from '../../src/core/store/tolerate.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { cleanUpReaders, sampleStore } from './fixtures.js';

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(cleanUpReaders);

/** The store as the reader gets it, with a switch that makes every call meet damage from then on. */
function breakable(s: SqliteStore): { store: SqliteStore; breakNow: () => void } {
  let broken = false;
  const proxy = new Proxy(s, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (broken) throw new CacheDamagedError('/home/u/.local/share/cyberread/cache.db', Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, breakNow: () => (broken = true) };
}

describe('damage found while the reader runs', () => {
  it('one status line naming both paths, the views carry on empty, no crash, the note made once', async () => {
    store = sampleStore();
    const { store: s, breakNow } = breakable(store);
    const notes: string[] = [];
    const watch = new DamageWatch((path) => {
      notes.push(path);
      return `${path}.corrupt-20261128T130000`;
    });
    const services = { ...testServices(tolerateDamage(s, watch.found)), watchCache: (f: Parameters<DamageWatch['watch']>[0]) => watch.watch(f) };
    h = await renderUi(<App services={services} initialLang="en" rows={24} columns={240} />);
    await h.waitFor('Data of 2.3 Million NiagaKu');
    breakNow();
    // a new query (unread only) meets the damage
    await h.press('u');
    const frame = await h.waitFor('is damaged');
    const status = frame.split('\n').filter((l) => l.includes('is damaged'));
    expect(status).toHaveLength(1);
    expect(status[0]).toContain(
      'The cache is damaged: quit and start cyberread again to build a fresh one, keeping read and starred marks (/home/u/.local/share/cyberread/cache.db will be moved to /home/u/.local/share/cyberread/cache.db.corrupt-20261128T130000)',
    );
    // every key still answers; the line stays
    for (const key of ['u', 'Enter', 'm', 's', 'Esc', '#', 'Esc', 'j', 'r']) {
      const f = await h.press(key);
      expect(f).toContain('is damaged');
    }
    expect(notes).toEqual(['/home/u/.local/share/cyberread/cache.db']);
  });

  it('says it in Indonesian too', async () => {
    store = sampleStore();
    const { store: s, breakNow } = breakable(store);
    const watch = new DamageWatch((path) => `${path}.corrupt-x`);
    const services = { ...testServices(tolerateDamage(s, watch.found)), watchCache: (f: Parameters<DamageWatch['watch']>[0]) => watch.watch(f) };
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={200} />);
    await h.waitFor('NiagaKu');
    breakNow();
    await h.press('u');
    expect(await h.waitFor('rusak')).toContain('Cache rusak: keluar lalu jalankan cyberread lagi agar cache baru dibuat');
  });

  it('on a narrow terminal the line keeps what to do and loses the paths', async () => {
    store = sampleStore();
    const { store: s, breakNow } = breakable(store);
    const watch = new DamageWatch((path) => `${path}.corrupt-20261128T130000`);
    const services = { ...testServices(tolerateDamage(s, watch.found)), watchCache: (f: Parameters<DamageWatch['watch']>[0]) => watch.watch(f) };
    h = await renderUi(<App services={services} initialLang="en" rows={24} columns={80} />);
    await h.waitFor('NiagaKu');
    breakNow();
    await h.press('u');
    const line = (await h.waitFor('is damaged')).split('\n').find((l) => l.includes('is damaged')) ?? '';
    expect(line).toContain('The cache is damaged: quit and start cyberread again to build a fresh one');
  });
});

describe('the start after the cache was moved aside', () => {
  it('says so in the first status line, and that the refresh due at once fills the fresh cache', async () => {
    store = sampleStore();
    const services = { ...testServices(store), cacheRebuilt: { movedTo: '/home/u/.local/share/cyberread/cache.db.corrupt-20261128T130000', restored: 3, refreshing: true } };
    h = await renderUi(<App services={services} initialLang="en" rows={24} columns={220} />);
    const frame = await h.waitFor('fresh one was built');
    expect(frame).toContain(
      'The cache was damaged and a fresh one was built; fetching the articles again (3 read/starred marks kept; the damaged file is now /home/u/.local/share/cyberread/cache.db.corrupt-20261128T130000)',
    );
    // a notice like any other: the next key ends it
    expect(await h.press('j')).not.toContain('fresh one was built');
  });

  it('in Indonesian, and with no feed to fetch says how to fetch', async () => {
    store = sampleStore();
    const services = { ...testServices(store), cacheRebuilt: { movedTo: '/x/cache.db.corrupt-1', restored: 1, refreshing: false } };
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={220} />);
    expect(await h.waitFor('cache baru sudah dibuat')).toContain(
      'Cache rusak dan cache baru sudah dibuat; tekan r untuk memuat ulang artikel (1 tanda sudah dibaca/berbintang dipertahankan; file yang rusak kini /x/cache.db.corrupt-1)',
    );
  });
});
