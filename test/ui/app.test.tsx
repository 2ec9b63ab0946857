import { problem } from '../../src/core/i18n/problem.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App.js';
import type { RefreshResult } from '../../src/core/types.js';
import type { RefreshProgress } from '../../src/ui/services.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, sampleStore, storeWith } from './fixtures.js';
import { sampleFeeds, samplesDir } from '../../src/core/defaults.js';

let h: Harness | undefined;
afterEach(cleanUpReaders);

const rowsOf = (frame: string): string[] => frame.split('\n').slice(2, -3).filter((l) => l.trim() !== '');
// prefixes: at 80 columns the list cuts the titles after them
const NIAGAKU_ID = 'Data 2,3 Juta Pelanggan Marketplace Niaga';
const NIAGAKU_EN = 'Data of 2.3 Million NiagaKu Marketplace';
const TELENUSA = 'Data 1,1 Juta Pelanggan Prabayar TeleNusa';

describe('App frames on the sample editions in a real cache', () => {
  it('list → Enter → reader → n → Esc, marking opened articles read', async () => {
    const store = sampleStore();
    const mark = vi.spyOn(store, 'mark');
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    const list = await h.waitFor(NIAGAKU_ID);
    expect(list).toContain('18 belum dibaca');
    expect(list.split('\n')).toHaveLength(23);
    expect(list).toContain('›●  2 jam  Cyberthreat.id… Data 2,3 Juta Pelanggan Marketplace NiagaKu Diduga…');

    const reader = await h.press('Enter');
    expect(reader).toContain('Rina Kartikasari · Sabtu, 28 November 2026 - 12:59 WIB · Cyberthreat.id');
    expect(reader).toContain('[IND] | ENG · L membuka edisi bahasa lain');
    // the alt text starts with the label: said once
    expect(reader).toContain('[Ilustrasi kebocoran data pelanggan marketplace]');
    const bottom = await h.press('G');
    expect(bottom).toContain('#databreach #ecommerce #privacy #PDP #bigdata');
    // one line of hashtags: the body's closing "#databreach #PDP #ecommerce" is not drawn as well
    expect(bottom.split('\n').filter((l) => /^ #\w/.test(l))).toEqual([' #databreach #ecommerce #privacy #PDP #bigdata']);
    expect(bottom).toContain('Bagikan: y salin tautan · o buka di browser');
    expect(bottom).toContain('Baca juga');
    expect(bottom).toContain('[1] https://bssn.go.id/');
    expect(mark.mock.calls.map((c) => c[0])).toEqual([[store.query({ lang: 'id', limit: 1 })[0]?.id]]);

    const next = await h.press('n');
    expect(next).toContain(TELENUSA);
    expect(next).toContain('Fajar Setiadi · Jumat, 27 November 2026 - 19:40 WIB');
    expect(mark).toHaveBeenCalledTimes(2);

    const back = await h.press('Esc');
    expect(back).toMatch(/^›   \d+ jam .*TeleNusa/m);
    expect(back).toContain('16 belum dibaca');
    expect(store.unreadCount({ lang: 'id' })).toBe(16);
  });

  it('# → choose a tag → only tagged rows; a second tag narrows further; c clears', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="id" rows={24} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    const tags = await h.press('#');
    expect(tags).toContain('Ketik untuk menyaring:');
    expect(tags).toContain('7  #cybersecurity');
    await h.type('ransom');
    const narrowed = h.frame();
    expect(narrowed).toContain('#ransomware');
    expect(narrowed).not.toContain('#cybersecurity');
    const filtered = await h.press('Enter');
    expect(filtered).toContain(' cyberread · Daftar artikel   [IND] | ENG   #ransomware ×   2 belum dibaca');
    expect(rowsOf(filtered)).toHaveLength(2);
    expect(filtered).toContain('Ransomware Lumpuhkan Layanan Publik');
    expect(filtered).toContain('Serangan Ransomware Ganggu Bongkar Muat');
    // with a tag chosen: only the tags of the 2 ransomware articles, counted within them, the chosen one marked
    const co = await h.press('#');
    expect(co).toContain('Aktif: #ransomware');
    expect(rowsOf(co).slice(1)).toEqual([
      ' › 2  #ransomware ✓',
      '   2  #cybersecurity',
      '   1  #BSSN',
      '   1  #government',
      '   1  #infrastructure',
      '   1  #malware',
    ]);
    await h.type('govern');
    const both = await h.press('Enter');
    expect(both).toContain('#ransomware #government ×');
    expect(rowsOf(both)).toHaveLength(1);
    expect(both).toContain('Ransomware Lumpuhkan Layanan Publik');
    const cleared = await h.press('c');
    expect(rowsOf(cleared)).toHaveLength(18);
  });

  it('L switches labels, dates and the edition listed, and persists the choice', async () => {
    const services = testServices(sampleStore());
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    const en = await h.press('L');
    expect(en).toContain('IND | [ENG]');
    expect(en).toContain(NIAGAKU_EN);
    expect(en).not.toContain(NIAGAKU_ID);
    expect(en).toContain('j/k move · Enter open');
    expect(en).toContain('›●  2h     Cyberthreat.id… Data of 2.3 Million NiagaKu Marketplace Customers A…');
    expect(services.savedLang).toEqual(['en']);
    const reader = await h.press('Enter');
    expect(reader).toContain('Saturday, 28 November 2026 - 12:59 WIB');
    expect((await h.press('G'))).toContain('Share: y copy link · o open in browser');
    // the story has an Indonesian edition: L opens it
    const other = await h.press('L');
    expect(other).toContain(NIAGAKU_ID);
    expect(other).toContain('[IND] | ENG');
  });

  it('reader: IND | ENG always shown; with no other edition L says so and stays; links are never broken', async () => {
    const link = 'https://cyberthreat.id/read/18227/Data-Rekam-Medis-Pasien-RS-Harapan-Sehat-Terbuka-di-Penyimpanan-Cloud';
    const store = storeWith([
      article({ id: 'solo', title: 'Hanya Edisi Indonesia', contentHtml: `<p>Lihat <a href="${link}">laporan</a> atau ${link} langsung.</p>` }),
    ]);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={30} columns={120} />);
    await h.waitFor('Hanya Edisi Indonesia');
    const reader = await h.press('Enter');
    // the first line of the page, where the switch always is
    expect(reader.split('\n')[2]).toBe(' [IND] | ENG');
    const l = await h.press('L');
    expect(l).toContain('Artikel ini tidak punya edisi bahasa lain');
    expect(l).toContain(' cyberread · Artikel   [IND] | ENG');
    expect(l).toContain('Hanya Edisi Indonesia');
    // 104 characters: wider than the reading column (100), narrower than the terminal: whole, on its own line
    const lines = (await h.press('G')).split('\n');
    expect(lines.filter((x) => x === ` ${link}`)).toHaveLength(2);
    expect(lines).toContain(' [1]');
    expect(lines.join('\n')).not.toContain('…');
  });

  it('reader: a link wider than the terminal goes on where the screen edge puts it, flush left, whole when pasted', async () => {
    const link = 'https://cyberthreat.id/read/18227/Data-Rekam-Medis-Pasien-RS-Harapan-Sehat-Terbuka-di-Penyimpanan-Cloud';
    const store = storeWith([article({ id: 'solo', title: 'Hanya Edisi Indonesia', contentHtml: `<p>Lihat <a href="${link}">laporan</a>.</p>` })]);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Hanya Edisi Indonesia');
    await h.press('Enter');
    const lines = (await h.press('G')).split('\n');
    const at = lines.indexOf(' [1]');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(` ${link.slice(0, 78)}`);
    expect(lines[at + 2]).toBe(link.slice(78));
    // a browser drops the line break of a pasted selection: margin aside, the two lines are the link
    expect(`${lines[at + 1]!.slice(1)}${lines[at + 2]}`).toBe(link);
    expect(lines.join('\n')).not.toContain('…');
  });

  it('/ query → matching rows; Enter keeps them; Esc clears the search', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="id" rows={24} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    await h.press('/');
    const typed = await h.type('pinjol');
    expect(typed).toContain('Cari: pinjol█');
    expect(rowsOf(typed)).toHaveLength(1);
    expect(typed).toContain('Aplikasi Pinjol Ilegal Sedot Kontak');
    const kept = await h.press('Enter');
    expect(kept).toContain('cari: pinjol');
    expect(rowsOf(kept)).toHaveLength(1);
    await h.press('/');
    const cleared = await h.press('Esc');
    expect(rowsOf(cleared)).toHaveLength(18);
  });

  it('the / prompt takes the query language; a query that cannot be read says where and why', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={100} />);
    await h.waitFor(NIAGAKU_ID);
    await h.press('/');
    // an open quote: one sentence with the column, the list as it was (never "no results" for a typo)
    const open = await h.type('"pinjol');
    expect(open).toContain('Tanda kutip yang dibuka di kolom 1 belum ditutup');
    expect(rowsOf(open)).toHaveLength(18);
    // Enter does not take a query that cannot be read
    expect(await h.press('Enter')).toContain('Cari: "pinjol█');
    const closed = await h.type('"');
    expect(closed).not.toContain('kolom');
    expect(rowsOf(closed)).toHaveLength(1);
    await h.press('Esc');
    await h.press('/');
    expect(await h.type('NEAR(')).toContain('Tanda kurung yang dibuka di kolom 5 belum ditutup');
    expect(await h.type(' AND')).toContain('"AND" di kolom 7 memerlukan sesuatu yang dicari di kedua sisinya.');
    expect(await h.type(' *')).toContain('"*" di kolom 11 tidak memuat huruf atau angka untuk dicari');
    await h.press('Esc');
    await h.press('/');
    // OR binds tighter than juxtaposition; a language in the query overrides the interface's edition
    const q = '#ransomware OR #phishing lang:en -#malware';
    const typed = await h.type(q);
    const want = store.query({ where: { kind: 'and', children: [
      { kind: 'or', children: [{ kind: 'tag', key: 'ransomware' }, { kind: 'tag', key: 'phishing' }] },
      { kind: 'lang', lang: 'en' },
      { kind: 'not', child: { kind: 'tag', key: 'malware' } },
    ] } });
    expect(want.length).toBeGreaterThan(0);
    expect(rowsOf(typed)).toHaveLength(want.length);
    for (const a of want) expect(typed).toContain(a.title.slice(0, 30));
    const kept = await h.press('Enter');
    expect(kept).toContain(`cari: ${q}`);
    // the hashtag view counts within the query's articles, and a chosen tag narrows it further
    const tags = await h.press('#');
    expect(tags).toMatch(/^ +2 {2}#ransomware$/m);
    expect(tags).toMatch(/^ +1 {2}#phishing$/m);
    expect(tags).not.toMatch(/\d {2}#malware$/m);
    await h.press('Esc');
    await h.press('c');
    expect(rowsOf(h.frame())).toHaveLength(18);
  });

  it('renders a 100,000-article list and moves with j, querying only a window', async () => {
    const n = 100_000;
    const base = Date.UTC(2026, 10, 28, 5);
    const articles = Array.from({ length: n }, (_, i) =>
      article({ id: `a${i}`, title: `Artikel nomor ${i}`, published: new Date(base - i * 60_000).toISOString() }),
    );
    const store = storeWith(articles);
    const query = vi.spyOn(store, 'query');
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    await h.waitFor('Artikel nomor 0');
    expect(h.frame()).toContain('100.000 belum dibaca');
    for (let i = 0; i < 25; i++) await h.press('j');
    const f = h.frame();
    expect(f).toMatch(/›●.*Artikel nomor 25$/m);
    expect(f).not.toMatch(/Artikel nomor 0$/m);
    const g = await h.press('G');
    expect(g).toMatch(/›●.*Artikel nomor 99999$/m);
    // one window per page crossed, never the whole list
    expect(query.mock.calls.length).toBeLessThan(20);
    expect(Math.max(...query.mock.calls.map((c) => c[0].limit ?? 0))).toBeLessThanOrEqual(38);
  }, 60_000);

  it('keeps the selected article selected when a refresh brings new ones, and lists failed feeds', async () => {
    const store = sampleStore();
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
    await h.waitFor(NIAGAKU_ID);
    await h.press('j');
    expect(h.frame()).toMatch(/^›●.*TeleNusa/m);
    await h.waitFor(() => progress !== undefined);
    store.saveFeed('https://cyberthreat.id/rss', { lastFetched: '2026-11-28T07:59:00Z', lastStatus: 'new' }, [
      article({ id: 'new1', feedUrl: 'https://cyberthreat.id/rss', title: 'Berita Paling Baru', published: '2026-11-28T07:59:00Z' }),
    ]);
    const result: RefreshResult = { url: 'https://cyberthreat.id/rss', status: 'new', added: 1, updated: 0 };
    const bad: RefreshResult = { url: 'https://rusak.example/feed', status: 'error', added: 0, updated: 0, error: problem('errStatus', 500, 'Internal Server Error') };
    progress?.({ done: 1, total: 2, result });
    await h.waitFor('↻ 1/2 feed · 1 baru');
    // same article selected, on the same screen row: the new one came in above the window
    expect(rowsOf(h.frame())[1]).toMatch(/^›●.*TeleNusa/);
    expect(h.frame()).toContain('19 belum dibaca');
    expect(rowsOf(await h.press('g'))[0]).toMatch(/^›●.*Berita Paling Baru/);
    progress?.({ done: 2, total: 2, result: bad });
    finish?.([result, bad]);
    await h.waitFor('1 feed gagal — tekan e');
    const errors = await h.press('e');
    expect(errors).toContain('https://rusak.example/feed');
    // told in the interface's language
    expect(errors).toContain('Server menjawab 500 Internal Server Error.');
  });

  it('a refresh that removes articles (retention) takes them out of the list, and the reader says when its article went', async () => {
    const store = sampleStore();
    let progress: ((p: RefreshProgress) => void) | undefined;
    const services = testServices(store, {
      lastRefreshAt: null,
      refresh: (onProgress) => {
        progress = onProgress;
        return new Promise(() => {});
      },
    });
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    await h.press('j');
    const reading = await h.press('Enter');
    expect(reading).toContain('TeleNusa');
    await h.waitFor(() => progress !== undefined);
    // keep only the newest article of the Indonesian feed, as a refresh with keep.perFeed = 1 would
    const [idFeed] = sampleFeeds(samplesDir(import.meta.url));
    store.setPolicy({ hide: [], drop: [], keep: { perFeed: 1 }, timeZone: 'Asia/Jakarta' });
    const removed = store.saveFetchState(idFeed?.url ?? '', { lastFetched: '2026-11-28T07:59:00Z', lastStatus: 'unchanged' });
    expect(removed).toBe(17);
    progress?.({ done: 1, total: 2, result: { url: idFeed?.url ?? '', status: 'unchanged', added: 0, updated: 0, removed } });
    const gone = await h.waitFor('Artikel ini sudah tidak ada di');
    expect(gone).not.toContain('TeleNusa');
    const list = await h.press('Esc');
    expect(rowsOf(list)).toHaveLength(1);
    expect(list).toContain(NIAGAKU_ID);
    expect(list).toContain('1 belum dibaca');
  });

  it('unread-only keeps an article read from it listed until the filter changes', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    const unread = await h.press('u');
    expect(unread).toContain('hanya yang belum dibaca   18 belum dibaca');
    await h.press('Enter');
    const back = await h.press('Esc');
    expect(back).toContain('17 belum dibaca');
    expect(back).toMatch(/^›   2 jam .*NiagaK/m);
    // the next article is still one row down, then n/p walk the same rows
    await h.press('j');
    await h.press('Enter');
    expect(await h.press('p')).toContain(NIAGAKU_ID);
    await h.press('Esc');
    expect(rowsOf(h.frame())).toHaveLength(18);
    await h.press('u');
    const again = await h.press('u');
    expect(rowsOf(again)).toHaveLength(16);
    expect(again).not.toContain(NIAGAKU_ID);
  });

  it('acts on pasted keys in order: ↓ Enter in the language view, / and a query, Tab Enter in the reader', async () => {
    const store = sampleStore();
    const services = testServices(store);
    h = await renderUi(<App services={services} initialLang="id" rows={30} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    await h.press('l');
    // a pasted run is drawn key by key: wait for the frame of its last key
    await h.press('\u001b[B\r');
    const en = await h.waitFor((f) => f.includes(NIAGAKU_EN) && !f.includes('Pilih bahasa'));
    expect(en).toContain(NIAGAKU_EN);
    expect(services.savedLang).toEqual(['en']);
    await h.press('/ransomware\r');
    // Enter closed the prompt (its cursor █ is gone)
    const searched = await h.waitFor((f) => f.includes('search: ransomware') && !f.includes('█'));
    expect(rowsOf(searched)).toHaveLength(store.count({ lang: 'en', search: 'ransomware' }));
    expect(rowsOf(searched).length).toBeLessThan(18);
    await h.press('c');
    await h.waitFor((f) => !f.includes('search: ransomware'));
    // c keeps the article selected in the search results selected: g goes to the top of the whole list
    await h.press('g');
    const first = store.query({ lang: 'en', limit: 1 })[0];
    const also = first ? store.related(first.id, 5)[0] : undefined;
    expect(also).toBeDefined();
    await h.press('\r\t\r');
    // Enter opened the first English article, Tab focused its first "Read also" entry, Enter opened that
    const related = await h.waitFor((f) => (f.split('\n')[3] ?? '').includes((also?.title ?? '').slice(0, 40)));
    expect(related).not.toContain(NIAGAKU_EN);
  });

  it('shows only a message when the terminal is too small', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="id" rows={9} columns={60} />);
    expect(await h.waitFor('Terminal terlalu kecil')).toBe('Terminal terlalu kecil (60×9); minimal 40×10');
  });

  it('never wraps a row: wide titles are cut by display width, control sequences stripped', async () => {
    const store = storeWith([
      article({ id: 'w', title: '情報漏洩 '.repeat(20) + '🔥🔥🔥', tags: ['漏洩'] }),
      article({ id: 'x', title: 'Judul \u001b]52;c;aGk=\u0007 bersih \u001b[31mmerah', published: '2026-11-28T04:00:00Z' }),
    ]);
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={12} columns={50} />);
    const f = await h.waitFor('情報');
    expect(f.split('\n')).toHaveLength(11);
    for (const line of f.split('\n')) expect(testServices(store).displayWidth(line)).toBeLessThanOrEqual(50);
    expect(f).toContain('Judul bersih merah');
  });

  it('y copies the link with OSC 52, o opens it through the services, ? shows help in the UI language', async () => {
    const store = sampleStore();
    const services = testServices(store);
    h = await renderUi(<App services={services} initialLang="id" rows={30} columns={100} />);
    await h.waitFor(NIAGAKU_ID);
    await h.press('Enter');
    const url = 'https://cyberthreat.id/read/18240/Data-2-3-Juta-Pelanggan-Marketplace-NiagaKu-Diduga-Bocor';
    expect(await h.press('y')).toContain('Tautan disalin ke papan klip');
    expect(services.written).toEqual([`\u001b]52;c;${Buffer.from(url).toString('base64')}\u0007`]);
    await h.press('o');
    await h.waitFor('Dibuka di browser');
    expect(services.opened).toEqual([url]);
    const help = await h.press('?');
    expect(help).toContain('Tombol — Artikel');
    expect(help).toContain('salin tautan (OSC 52)');
    expect(help).toContain('artikel berikutnya di daftar');
    const back = await h.press('Esc');
    expect(back).toContain('Rina Kartikasari');
  });

  it('Tab then Enter opens a "Read also" article', async () => {
    h = await renderUi(<App services={testServices(sampleStore())} initialLang="id" rows={30} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    await h.press('Enter');
    const focused = await h.press('Tab');
    const chosen = /^ » › (.+?)\s*$/m.exec(focused)?.[1];
    expect(chosen).toBeDefined();
    const opened = await h.press('Enter');
    expect(opened.split('\n')[3]).toContain((chosen ?? '').replace(/…$/, ''));
    expect(opened).not.toContain('Rina Kartikasari');
  });

  it('the language view chooses with ↓ and Enter', async () => {
    const services = testServices(sampleStore());
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={80} />);
    await h.waitFor(NIAGAKU_ID);
    const lv = await h.press('l');
    expect(lv).toContain('Pilih bahasa antarmuka dan edisi berita');
    expect(lv).toContain(' › IND  Bahasa Indonesia');
    expect(await h.press('Down')).toContain(' › ENG  Bahasa Inggris');
    const done = await h.press('Enter');
    expect(done).toContain(NIAGAKU_EN);
    expect(services.savedLang).toEqual(['en']);
  });
});

describe('Indonesian frames', () => {
  // words of the English table that must never show while the UI is Indonesian
  const english = ['Read also', 'Share', 'unread', 'Search', 'Help', 'feeds', ' new', 'Back', 'Articles', 'Hashtags', 'Language', 'move', 'open', 'quit', 'refresh', 'Type to', 'Keys', 'Posted', 'Image', 'Saturday', 'minutes ago', 'Failed', 'press'];

  it('draw no English word in any view', async () => {
    const services = testServices(sampleStore(), {
      lastRefreshAt: null,
      refresh: () => Promise.resolve([{ url: 'https://x.example/feed', status: 'error', added: 0, updated: 0, error: problem('errNoSuchHost', 'x.example') }]),
    });
    h = await renderUi(<App services={services} initialLang="id" rows={30} columns={120} />);
    await h.waitFor('1 feed gagal — tekan e');
    const frames = [h.frame()];
    frames.push(await h.press('Enter'));
    frames.push(await h.press('G'));
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
    frames.push(await h.press('u'));
    await h.press('/');
    frames.push(await h.type('zzz'));
    for (const f of frames) for (const w of english) expect(f, `${w} in\n${f}`).not.toContain(w);
  });
});
