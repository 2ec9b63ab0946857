import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, sampleStore, tempStore } from './fixtures.js';

// The keys of a reader used every day, through real keypresses on the sample editions in a real cache:
// A mark all read (and z), N/P next and previous unread, S starred only, digits and u for links.

let h: Harness | undefined;
afterEach(cleanUpReaders);

const rowsOf = (frame: string): string[] => frame.split('\n').slice(2, -3).filter((l) => l.trim() !== '');
const statusOf = (frame: string): string => frame.split('\n').slice(-2)[0] ?? '';

describe('A: mark all read', () => {
  it('on a tag filter marks only those articles, after a question with the count; z undoes it', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={24} columns={100} />);
    await h.waitFor('18 belum dibaca');
    await h.press('#');
    await h.type('ransomware');
    await h.press('Enter');
    const tagged = store.query({ lang: 'id', tags: ['ransomware'] }).map((a) => a.id);
    const others = store.query({ lang: 'id', limit: 100 }).filter((a) => !tagged.includes(a.id));
    expect(tagged).toHaveLength(2);
    const asked = await h.press('A');
    expect(statusOf(asked)).toContain('Tandai 2 artikel di daftar ini sudah dibaca?');
    // the answers take the hints line
    expect(asked.split('\n').at(-1)).toBe(' y/Enter: ya · tombol lain: tidak');
    // any other key says no
    const no = await h.press('j');
    expect(statusOf(no)).toContain('Dibatalkan');
    expect(store.unreadCount({ lang: 'id' })).toBe(18);
    await h.press('A');
    const done = await h.press('y');
    expect(statusOf(done)).toContain('2 artikel ditandai sudah dibaca — z mengurungkan');
    expect(done).toContain('#ransomware ×   0 belum dibaca');
    expect(rowsOf(done).every((r) => !r.includes('●'))).toBe(true);
    for (const id of tagged) expect(store.get(id)?.read).toBe(true);
    for (const a of others) expect(store.get(a.id)?.read).toBe(false);
    const undone = await h.press('z');
    expect(statusOf(undone)).toContain('Diurungkan: 2 artikel kembali belum dibaca');
    expect(undone).toContain('2 belum dibaca');
    for (const id of tagged) expect(store.get(id)?.read).toBe(false);
    // the undo went with its notice
    expect(statusOf(await h.press('z'))).toContain('Tidak ada yang bisa diurungkan');
  });

  it('Enter answers yes; a key after the notice ends the undo; nothing to mark is said', async () => {
    const store = sampleStore();
    h = await renderUi(<App services={testServices(store)} initialLang="en" rows={24} columns={100} />);
    await h.waitFor('18 unread');
    await h.press('A');
    const done = await h.press('Enter');
    expect(statusOf(done)).toContain('18 articles marked read — z undoes');
    expect(store.unreadCount({ lang: 'en' })).toBe(0);
    await h.press('j');
    expect(statusOf(await h.press('z'))).toContain('Nothing to undo');
    expect(store.unreadCount({ lang: 'en' })).toBe(0);
    expect(statusOf(await h.press('A'))).toContain('No unread articles here');
  });
});

describe('N / P: next and previous unread', () => {
  it('walk unread articles in list order across feeds, open them in the reader, and say when there are no more', async () => {
    const store = tempStore();
    // two feeds, interleaved in time: the list alternates between them
    store.saveFeed('https://a.example/rss', { lastFetched: '2026-11-28T06:00:00Z', lastStatus: 'new', title: 'Feed A' }, [
      article({ id: 'a1', feedUrl: 'https://a.example/rss', title: 'Satu A', published: '2026-11-28T07:00:00.000Z' }),
      article({ id: 'a2', feedUrl: 'https://a.example/rss', title: 'Tiga A', published: '2026-11-28T05:00:00.000Z' }),
    ]);
    store.saveFeed('https://b.example/rss', { lastFetched: '2026-11-28T06:00:00Z', lastStatus: 'new', title: 'Feed B' }, [
      article({ id: 'b1', feedUrl: 'https://b.example/rss', title: 'Dua B', published: '2026-11-28T06:00:00.000Z' }),
      article({ id: 'b2', feedUrl: 'https://b.example/rss', title: 'Empat B', published: '2026-11-28T04:00:00.000Z' }),
    ]);
    store.mark(['b1'], { read: true });
    h = await renderUi(<App services={testServices(store)} initialLang="id" rows={20} columns={90} />);
    await h.waitFor('Satu A');
    // from the first row: b1 is read, so the next unread is a2 (feed A), then b2 (feed B)
    expect(rowsOf(await h.press('N'))[2]).toMatch(/^›.*Tiga A/);
    expect(rowsOf(await h.press('N'))[3]).toMatch(/^›.*Empat B/);
    await h.press('Enter');
    expect(await h.waitFor('Empat B')).toContain(' · Artikel ');
    expect(statusOf(await h.press('N'))).toContain('Tidak ada lagi artikel yang belum dibaca');
    // in the reader P opens the previous unread article: a2, then a1, then there is none
    expect(await h.press('P')).toContain('Tiga A');
    expect(await h.press('P')).toContain('Satu A');
    expect(statusOf(await h.press('P'))).toContain('Tidak ada artikel belum dibaca sebelum ini');
    expect(store.unreadCount({ lang: 'id' })).toBe(0);
    // back in the list, the selection is where the reader ended
    expect(rowsOf(await h.press('q'))[0]).toMatch(/^›.*Satu A/);
  });

  it('with one feed listed, goes on into the next feed that has unread articles', async () => {
    const store = tempStore();
    for (const f of ['a', 'b', 'c']) {
      store.saveFeed(`https://${f}.example/rss`, { lastFetched: '2026-11-28T06:00:00Z', lastStatus: 'new', title: `Feed ${f.toUpperCase()}` }, [
        article({ id: `${f}1`, feedUrl: `https://${f}.example/rss`, title: `Berita ${f.toUpperCase()}` }),
      ]);
    }
    store.mark(['b1'], { read: true });
    const services = testServices(store);
    h = await renderUi(<App services={services} initialLang="id" rows={20} columns={90} />);
    await h.waitFor('Berita A');
    await h.press('F');
    const listed = await h.press('Enter');
    expect(listed).toContain('feed: Feed A ×');
    await h.press('Enter');
    await h.press('Esc');
    // a1 is read now; feed B has nothing unread: N goes to feed C
    const next = await h.press('N');
    expect(next).toContain('feed: Feed C ×');
    expect(rowsOf(next)[0]).toMatch(/^›●.*Berita C/);
    expect(statusOf(next)).toContain('Feed berikutnya yang punya artikel belum dibaca: Feed C');
  });
});

describe('S: starred only', () => {
  it('toggles like u, is shown in the header as a filter, and c clears it', async () => {
    const store = sampleStore();
    const [first, , third] = store.query({ lang: 'en', limit: 3 });
    store.mark([first!.id, third!.id], { starred: true });
    h = await renderUi(<App services={testServices(store)} initialLang="en" rows={24} columns={100} />);
    await h.waitFor('18 unread');
    await h.press('j');
    await h.press('j');
    const starred = await h.press('S');
    expect(starred).toContain('starred only');
    expect(rowsOf(starred)).toHaveLength(2);
    // the selected article (the third, starred) stays selected
    expect(rowsOf(starred)[1]).toMatch(/^›●★/);
    const all = await h.press('S');
    expect(rowsOf(all).length).toBeGreaterThan(2);
    await h.press('S');
    expect(rowsOf(await h.press('c')).length).toBeGreaterThan(2);
  });
});

describe('links: digits then Enter, and the link picker', () => {
  const html =
    '<p>Lihat <a href="https://bssn.go.id/">BSSN</a>, <a href="https://haveibeenpwned.com/">HIBP</a> dan <a href="https://x.example/3">tiga</a>.</p>';

  it('open link n through the opener; a number with no link says so; u lists links and enclosures; y copies', async () => {
    const store = tempStore();
    store.saveFeed('https://cyberthreat.id/rss', { lastFetched: '2026-11-28T06:00:00Z', lastStatus: 'new', title: 'Cyberthreat.id' }, [
      article({
        id: 'ep',
        title: 'Podcast Keamanan',
        contentHtml: html,
        enclosures: [{ url: 'https://cdn.example/ep12.mp3', type: 'audio/mpeg', length: 24_123_456 }],
      }),
    ]);
    const services = testServices(store);
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={90} />);
    await h.waitFor('Podcast Keamanan');
    await h.press('Enter');
    const bottom = await h.press('G');
    expect(bottom).toContain('Lampiran');
    expect(bottom).toContain('[4] audio/mpeg · 24,1 MB');
    expect(bottom).toContain('https://cdn.example/ep12.mp3');
    const typing = await h.press('2');
    expect(typing).toContain('Tautan 2█ — Enter membuka · Esc batal');
    await h.press('Enter');
    await h.waitFor(() => services.opened.length === 1);
    expect(services.opened).toEqual(['https://haveibeenpwned.com/']);
    await h.press('9');
    expect(statusOf(await h.press('Enter'))).toContain('Tidak ada tautan [9] di artikel ini');
    // a number is dropped by Esc, and by a key that is no part of it
    await h.press('1');
    await h.press('Esc');
    expect(h.frame()).toContain(' · Artikel ');
    // 4 is the enclosure: it goes to the player
    await h.press('4');
    await h.press('Enter');
    await h.waitFor(() => services.played.length === 1);
    expect(services.played).toEqual(['https://cdn.example/ep12.mp3']);

    const picker = await h.press('u');
    expect(picker).toContain('[1] https://bssn.go.id/');
    expect(picker).toContain('[4] audio/mpeg · 24,1 MB  https://cdn.example/ep12.mp3');
    await h.press('j');
    await h.press('y');
    expect(services.written.at(-1)).toBe(`\u001b]52;c;${Buffer.from('https://haveibeenpwned.com/').toString('base64')}\u0007`);
    await h.press('G');
    await h.press('Enter');
    await h.waitFor(() => services.played.length === 2);
    await h.press('3');
    await h.press('Enter');
    await h.waitFor(() => services.opened.length === 2);
    expect(services.opened[1]).toBe('https://x.example/3');
    const back = await h.press('q');
    expect(back).toContain('Podcast Keamanan');
  });
});
