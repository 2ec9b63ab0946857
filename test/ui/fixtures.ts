import { article, MemStore } from '../helpers/mem-store.js';

/** A small two-edition cache: Indonesian and English stories, some paired, with hashtags. */
export function fixtureStore(): MemStore {
  return new MemStore([
    article({
      id: 'id1',
      title: 'Data Pelanggan Trend Micro Dibocorkan Karyawan Sendiri',
      author: 'Arif Rahman',
      published: '2019-11-16T05:59:00Z',
      tags: ['TrendMicro', 'databreach', 'bigdata'],
      contentHtml: '<p>Perusahaan keamanan siber mengakui ada <a href="https://example.com/tm">kebocoran</a> data.</p><img src="a.png" alt="Logo">',
      pairKey: 'ct#1',
    }),
    article({
      id: 'id2',
      title: 'Gelombang Phishing Menyasar Nasabah Bank',
      author: 'Oktarina',
      published: '2019-11-16T04:00:00Z',
      tags: ['phishing', 'bank'],
      contentHtml: '<p>Pesan palsu beredar lewat SMS.</p>',
    }),
    article({
      id: 'id3',
      title: 'Ransomware Serang Rumah Sakit',
      published: '2019-11-15T09:00:00Z',
      tags: ['ransomware', 'databreach'],
      contentHtml: '<p>Layanan terganggu dua hari.</p>',
    }),
    article({
      id: 'en1',
      lang: 'en',
      title: 'Trend Micro Customer Data Leaked by Its Own Employee',
      author: 'Arif Rahman',
      published: '2019-11-16T05:58:00Z',
      tags: ['TrendMicro', 'databreach'],
      contentHtml: '<p>The security company admitted a leak.</p>',
      pairKey: 'ct#1',
      url: 'https://cyberthreat.id/en/read/1/x',
    }),
    article({
      id: 'en2',
      lang: 'en',
      title: 'Phishing Wave Targets Bank Customers',
      published: '2019-11-16T03:00:00Z',
      tags: ['phishing'],
      contentHtml: '<p>Fake messages spread by SMS.</p>',
    }),
  ]);
}
