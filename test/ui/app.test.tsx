import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import type { RefreshResult } from '../../src/core/types.js';
import type { RefreshProgress } from '../../src/ui/services.js';
import { article, MemStore } from '../helpers/mem-store.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { fixtureStore } from './fixtures.js';

let h: Harness | undefined;
afterEach(() => {
  h?.unmount();
  h = undefined;
});

const rowsOf = (frame: string): string[] => frame.split('\n').slice(2, -2).filter((l) => l.trim() !== '');

describe('App frames', () => {
  it('list → Enter → reader → n → Esc, marking opened articles read', async () => {
    const store = fixtureStore();
    const services = testServices(store);
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    const list = await h.waitFor('Data Pelanggan Trend Micro');
    expect(list).toContain('3 belum dibaca');
    expect(list.split('\n')).toHaveLength(23);
    expect(list).toContain('›●  2 jam  Cyberthreat.id  Data Pelanggan Trend Micro');

    const reader = await h.press('Enter');
    expect(reader).toContain('Arif Rahman · Sabtu, 16 November 2019 - 12:59 WIB · Cyberthreat.id');
    expect(reader).toContain('[IND] | ENG · L membuka edisi bahasa lain');
    expect(reader).toContain('[Ilustrasi: Logo]');
    expect(reader).toContain('#TrendMicro #databreach #bigdata');
    expect(reader).toContain('Bagikan: y salin tautan · o buka di peramban');
    expect(reader).toContain('Baca juga');
    expect(reader).toContain('[1] https://example.com/tm');
    expect(store.marks).toEqual([{ ids: ['id1'], flags: { read: true } }]);

    const next = await h.press('n');
    expect(next).toContain('Gelombang Phishing Menyasar Nasabah Bank');
    expect(next).toContain('Oktarina · Sabtu, 16 November 2019 - 11:00 WIB');
    expect(store.marks.map((x) => x.ids[0])).toEqual(['id1', 'id2']);

    const back = await h.press('Esc');
    expect(back).toContain('›   4 jam  Cyberthreat.id  Gelombang Phishing');
    expect(back).toContain('1 belum dibaca');
  });

  it('# → choose a tag → only tagged rows; c clears', async () => {
    h = await renderUi(<App services={testServices(fixtureStore())} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Ransomware');
    const tags = await h.press('#');
    expect(tags).toContain('Ketik untuk menyaring:');
    expect(tags).toContain('2  #databreach');
    await h.type('rans');
    const narrowed = h.frame();
    expect(narrowed).toContain('#ransomware');
    expect(narrowed).not.toContain('#databreach');
    const filtered = await h.press('Enter');
    expect(filtered).toContain('#ransomware');
    expect(rowsOf(filtered)).toHaveLength(1);
    expect(filtered).toContain('Ransomware Serang Rumah Sakit');
    expect(filtered).not.toContain('Gelombang Phishing');
    const cleared = await h.press('c');
    expect(cleared).toContain('Gelombang Phishing');
  });

  it('L switches labels, dates and the edition listed, and persists the choice', async () => {
    const services = testServices(fixtureStore());
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Data Pelanggan');
    const en = await h.press('L');
    expect(en).toContain('IND | [ENG]');
    expect(en).toContain('Trend Micro Customer Data Leaked');
    expect(en).not.toContain('Data Pelanggan');
    expect(en).toContain('j/k move · Enter open');
    expect(en).toContain('2h');
    expect(services.savedLang).toEqual(['en']);
    const reader = await h.press('Enter');
    expect(reader).toContain('Saturday, 16 November 2019 - 12:58 WIB');
    expect(reader).toContain('Share: y copy link · o open in browser');
    // the article has an Indonesian edition: L opens it
    const other = await h.press('L');
    expect(other).toContain('Data Pelanggan Trend Micro Dibocorkan');
    expect(other).toContain('[IND] | ENG');
  });

  it('/ query → matching rows; Esc clears the search', async () => {
    h = await renderUi(<App services={testServices(fixtureStore())} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Data Pelanggan');
    await h.press('/');
    const typed = await h.type('sms');
    expect(typed).toContain('Cari: sms█');
    expect(rowsOf(typed)).toHaveLength(1);
    expect(typed).toContain('Gelombang Phishing');
    const kept = await h.press('Enter');
    expect(kept).toContain('cari: sms');
    expect(rowsOf(kept)).toHaveLength(1);
    await h.press('/');
    const cleared = await h.press('Esc');
    expect(rowsOf(cleared)).toHaveLength(3);
  });

  it('renders a 100,000-article list and moves with j, querying only a window', async () => {
    const n = 100_000;
    const store = new MemStore([], {
      count: n,
      at: (i) => article({ id: `a${i}`, title: `Artikel nomor ${i}`, published: new Date(Date.UTC(2019, 10, 16, 5) - i * 60_000).toISOString() }),
    });
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Artikel nomor 0');
    expect(h.frame()).toContain('100.000 belum dibaca');
    for (let i = 0; i < 25; i++) await h.press('j');
    const f = h.frame();
    expect(f).toMatch(/›●.*Artikel nomor 25$/m);
    expect(f).not.toContain('Artikel nomor 0\n');
    const g = await h.press('G');
    expect(g).toMatch(/›●.*Artikel nomor 99999$/m);
    // one window per page crossed, never the whole list
    expect(store.queries).toBeLessThan(20);
  });

  it('keeps the selected article selected when a refresh brings new ones', async () => {
    const store = fixtureStore();
    let progress: ((p: RefreshProgress) => void) | undefined;
    let finish: ((r: RefreshResult[]) => void) | undefined;
    const services = testServices(store, {
      lastRefreshAt: null,
      refresh: (onProgress) => {
        progress = onProgress;
        return new Promise((r) => (finish = r));
      },
    });
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Data Pelanggan');
    await h.press('j');
    expect(h.frame()).toContain('›●  4 jam  Cyberthreat.id  Gelombang Phishing');
    await h.waitFor(() => progress !== undefined);
    store.add(article({ id: 'new1', title: 'Berita Paling Baru', published: '2019-11-16T07:59:00Z' }));
    const result: RefreshResult = { url: 'https://cyberthreat.id/feed', status: 'new', added: 1, updated: 0 };
    const bad: RefreshResult = { url: 'https://rusak.example/feed', status: 'error', added: 0, updated: 0, error: 'HTTP 500' };
    progress?.({ done: 1, total: 2, result });
    await h.waitFor('Berita Paling Baru');
    expect(h.frame()).toContain('›●  4 jam  Cyberthreat.id  Gelombang Phishing');
    expect(h.frame()).toContain('↻ 1/2 umpan · 1 baru');
    progress?.({ done: 2, total: 2, result: bad });
    finish?.([result, bad]);
    await h.waitFor('1 umpan gagal — tekan e');
    const errors = await h.press('e');
    expect(errors).toContain('https://rusak.example/feed');
    expect(errors).toContain('HTTP 500');
  });

  it('shows only a message when the terminal is too small', async () => {
    h = await renderUi(<App services={testServices(fixtureStore())} initialLang="id" rows={9} columns={60} />);
    expect(await h.waitFor('Terminal terlalu kecil')).toBe('Terminal terlalu kecil (60×9); minimal 40×10');
  });

  it('never wraps a row: wide titles are cut by display width', async () => {
    const store = new MemStore([
      article({ id: 'w', title: '情報漏洩 '.repeat(20) + '🔥🔥🔥', tags: ['漏洩'] }),
      article({ id: 'x', title: 'Judul \u001b]52;c;aGk=\u0007 bersih \u001b[31mmerah', published: '2019-11-16T05:00:00Z' }),
    ]);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={12} columns={50} />);
    const f = await h.waitFor('情報');
    expect(f.split('\n')).toHaveLength(11);
    for (const line of f.split('\n')) expect(testServices(store).displayWidth(line)).toBeLessThanOrEqual(50);
    expect(f).toContain('Judul  bersih merah');
  });

  it('y copies the link with OSC 52, o opens it through the services, ? shows help in the UI language', async () => {
    const services = testServices(fixtureStore());
    h = await renderUi(<App services={services} initialLang="id" rows={30} columns={100} />);
    await h.waitFor('Data Pelanggan');
    await h.press('Enter');
    expect(await h.press('y')).toContain('Tautan disalin ke papan klip');
    expect(services.written).toEqual([`\u001b]52;c;${Buffer.from('https://cyberthreat.id/read/id1/x').toString('base64')}\u0007`]);
    await h.press('o');
    await h.waitFor('Dibuka di peramban');
    expect(services.opened).toEqual(['https://cyberthreat.id/read/id1/x']);
    const help = await h.press('?');
    expect(help).toContain('Tombol — Baca');
    expect(help).toContain('salin tautan (OSC 52)');
    expect(help).toContain('artikel berikutnya di daftar');
    const back = await h.press('Esc');
    expect(back).toContain('Bagikan:');
  });

  it('Tab then Enter opens a "Read also" article', async () => {
    h = await renderUi(<App services={testServices(fixtureStore())} initialLang="id" rows={30} columns={80} />);
    await h.waitFor('Data Pelanggan');
    await h.press('Enter');
    const focused = await h.press('Tab');
    expect(focused).toContain(' » › Ransomware Serang Rumah Sakit');
    const opened = await h.press('Enter');
    expect(opened).toContain('Layanan terganggu dua hari.');
  });

  it('the language view chooses with ink-select-input', async () => {
    const services = testServices(fixtureStore());
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Data Pelanggan');
    const lv = await h.press('l');
    expect(lv).toContain('Pilih bahasa tampilan dan edisi berita');
    await h.press('Down');
    const done = await h.press('Enter');
    expect(done).toContain('Trend Micro Customer Data Leaked');
    expect(services.savedLang).toEqual(['en']);
  });
});

describe('Indonesian frames', () => {
  // words of the English table that must never show while the UI is Indonesian
  const english = ['Read also', 'Share', 'unread', 'Search', 'Help', 'feeds', ' new', 'Back', 'Articles', 'Hashtags', 'Language', 'move', 'open', 'quit', 'refresh', 'Type to', 'Keys', 'Posted', 'Image', 'Saturday', 'minutes ago', 'Failed', 'press'];

  it('draw no English word in any view', async () => {
    const services = testServices(fixtureStore(), {
      lastRefreshAt: null,
      refresh: () => Promise.resolve([{ url: 'https://x.example/feed', status: 'error', added: 0, updated: 0, error: 'HTTP 500' }]),
    });
    h = await renderUi(<App services={services} initialLang="id" rows={30} columns={120} />);
    await h.waitFor('1 umpan gagal — tekan e');
    const frames = [h.frame()];
    frames.push(await h.press('Enter'));
    frames.push(await h.press('?'));
    await h.press('Esc');
    frames.push(await h.press('Tab'));
    await h.press('Esc');
    frames.push(await h.press('#'));
    await h.press('Esc');
    frames.push(await h.press('l'));
    await h.press('Esc');
    frames.push(await h.press('?'));
    await h.press('Esc');
    frames.push(await h.press('e'));
    await h.press('Esc');
    await h.press('/');
    frames.push(await h.type('zzz'));
    for (const f of frames) for (const w of english) expect(f, `${w} in\n${f}`).not.toContain(w);
  });
});
