import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId, LIMITS, normalise } from '../../../src/core/feeds/normalise.js';
import type { Article, FeedConfig, ParsedFeed, ParsedItem } from '../../../src/core/types.js';
import { runs } from '../../helpers/property.js';

const ESC = '\u001b';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function sha16(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function item(fields: Partial<ParsedItem>): ParsedItem {
  return { published: null, updated: null, categories: [], alternates: [], enclosures: [], ...fields };
}

function feed(items: ParsedItem[], fields: Partial<ParsedFeed> = {}): ParsedFeed {
  return { format: 'rss', items, warnings: [], ...fields };
}

/** Every string reachable from value, without JSON.stringify (which would escape the very characters we look for). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const ID_FEED: FeedConfig = { url: 'https://cyberthreat.id/rss' };
const EN_FEED: FeedConfig = { url: 'https://en.cyberthreat.id/rss', lang: 'en', tags: ['Cyberthreat'] };

const idItem = item({
  guid: 'https://cyberthreat.id/read/5678/data-pelanggan-trend-micro-dibocorkan-karyawan-sendiri',
  link: '/read/5678/data-pelanggan-trend-micro-dibocorkan-karyawan-sendiri',
  title: 'Data Pelanggan Trend Micro Dibocorkan Karyawan Sendiri',
  author: 'Arif Rahman',
  published: '2019-11-16T05:59:00.000Z',
  updated: null,
  summary: 'Cyberthreat.id - Perusahaan <b>Cybersecurity</b>, Trend Micro, mengakui data pelanggan telah dibocorkan oleh karyawan sendiri.',
  contentHtml:
    '<p><img src="/images/ilustrasi-trend-micro.jpg" alt="Ilustrasi"></p>' +
    '<p>Cyberthreat.id - Perusahaan Cybersecurity, Trend Micro, mengakui bahwa data pelanggan telah dibocorkan oleh ' +
    'karyawan sendiri dan dijual kepada pihak ketiga.</p>' +
    '<script>track()</script>' +
    '<p>Baca juga: <a href="/read/5600/demokratisasi-ai-dan-privasi" onclick="x()">Demokratisasi AI dan Privasi</a></p>' +
    '<p>#TrendMicro #databreach #bigdata #cybersecurity</p>',
  categories: ['DataBreach', 'Trend Micro'],
  alternates: [{ href: 'https://en.cyberthreat.id/read/5678/trend-micro-customer-data-leaked', hreflang: 'en-US' }],
});

const enItem = item({
  link: 'https://en.cyberthreat.id/read/5678/trend-micro-customer-data-leaked',
  title: 'Trend Micro Customer Data Leaked by Its Own Employee',
  author: '  Arif   Rahman ',
  published: '2019-11-16T06:10:00.000Z',
  updated: '2019-11-17T01:00:00.000Z',
  contentHtml:
    '<p>Security company Trend Micro has admitted that customer data was leaked by one of its own employees.</p>' +
    '<p><a href="https://cyberthreat.id/read/5678/x">Baca dalam Bahasa Indonesia</a> &middot; #databreach</p>',
  categories: ['databreach', 'Insider Threat'],
  enclosures: [
    { url: 'https://en.cyberthreat.id/images/trend.jpg', type: 'image/jpeg', length: 34567 },
    { url: 'https://en.cyberthreat.id/images/trend.jpg', type: 'image/jpeg' },
    { url: 'javascript:alert(1)', type: 'image/png' },
  ],
});

describe('articleId', () => {
  it('hashes feed url + guid, else link, else title + date', () => {
    expect(articleId('https://a.example/rss', { guid: 'g1', link: 'https://a.example/1', title: 't', published: null })).toBe(
      sha16('https://a.example/rss\ng1'),
    );
    expect(articleId('https://a.example/rss', { link: 'https://a.example/1', title: 't', published: null })).toBe(
      sha16('https://a.example/rss\nhttps://a.example/1'),
    );
    expect(articleId('https://a.example/rss', { title: 'Judul', published: '2019-11-16T05:59:00.000Z' })).toBe(
      sha16('https://a.example/rss\nJudul\n2019-11-16T05:59:00.000Z'),
    );
    expect(articleId('https://a.example/rss', { guid: '  ', link: 'https://a.example/1', published: null })).toBe(
      sha16('https://a.example/rss\nhttps://a.example/1'),
    );
  });

  it('is stable across calls and differs by feed url', () => {
    const a = normalise(feed([idItem]), ID_FEED).articles[0]?.id;
    const b = normalise(feed([idItem]), ID_FEED).articles[0]?.id;
    const c = normalise(feed([idItem]), { url: 'https://mirror.example/rss' }).articles[0]?.id;
    expect(a).toBe(sha16(`https://cyberthreat.id/rss\n${idItem.guid}`));
    expect(b).toBe(a);
    expect(c).toBe(sha16(`https://mirror.example/rss\n${idItem.guid}`));
    expect(c).not.toBe(a);
  });
});

describe('normalise', () => {
  it('turns an Indonesian cyberthreat-style item into an article', () => {
    const result = normalise(
      feed([idItem], { title: 'Cyberthreat.id &amp; Kawan', siteUrl: 'https://cyberthreat.id/', lang: 'id-ID' }),
      ID_FEED,
    );
    expect(result.title).toBe('Cyberthreat.id & Kawan');
    expect(result.siteUrl).toBe('https://cyberthreat.id/');
    expect(result.articles).toEqual<Article[]>([
      {
        id: sha16(`https://cyberthreat.id/rss\n${idItem.guid}`),
        feedUrl: 'https://cyberthreat.id/rss',
        guid: 'https://cyberthreat.id/read/5678/data-pelanggan-trend-micro-dibocorkan-karyawan-sendiri',
        url: 'https://cyberthreat.id/read/5678/data-pelanggan-trend-micro-dibocorkan-karyawan-sendiri',
        title: 'Data Pelanggan Trend Micro Dibocorkan Karyawan Sendiri',
        author: 'Arif Rahman',
        published: '2019-11-16T05:59:00.000Z',
        updated: null,
        lang: 'id',
        tags: ['DataBreach', 'Trend Micro', 'TrendMicro', 'bigdata', 'cybersecurity'],
        summary:
          'Cyberthreat.id - Perusahaan Cybersecurity, Trend Micro, mengakui data pelanggan telah dibocorkan oleh karyawan sendiri.',
        contentHtml:
          '<p><img src="https://cyberthreat.id/images/ilustrasi-trend-micro.jpg" alt="Ilustrasi"></p>' +
          '<p>Cyberthreat.id - Perusahaan Cybersecurity, Trend Micro, mengakui bahwa data pelanggan telah dibocorkan oleh ' +
          'karyawan sendiri dan dijual kepada pihak ketiga.</p>' +
          '<p>Baca juga: <a href="https://cyberthreat.id/read/5600/demokratisasi-ai-dan-privasi">Demokratisasi AI dan Privasi</a></p>' +
          '<p>#TrendMicro #databreach #bigdata #cybersecurity</p>',
        image: 'https://cyberthreat.id/images/ilustrasi-trend-micro.jpg',
        enclosures: [],
        alternates: [{ href: 'https://en.cyberthreat.id/read/5678/trend-micro-customer-data-leaked', hreflang: 'en' }],
        pairKey: 'cyberthreat.id#5678',
      },
    ]);
  });

  it('turns an English item into an article paired with the Indonesian one', () => {
    const [article] = normalise(feed([enItem], { title: 'Cyberthreat.id English' }), EN_FEED).articles;
    expect(article).toEqual<Article>({
      id: sha16(`https://en.cyberthreat.id/rss\n${enItem.link}`),
      feedUrl: 'https://en.cyberthreat.id/rss',
      guid: null,
      url: 'https://en.cyberthreat.id/read/5678/trend-micro-customer-data-leaked',
      title: 'Trend Micro Customer Data Leaked by Its Own Employee',
      author: 'Arif Rahman',
      published: '2019-11-16T06:10:00.000Z',
      updated: '2019-11-17T01:00:00.000Z',
      lang: 'en',
      tags: ['Cyberthreat', 'databreach', 'Insider Threat'],
      summary:
        'Security company Trend Micro has admitted that customer data was leaked by one of its own employees.\n\n' +
        'Baca dalam Bahasa Indonesia · #databreach',
      contentHtml:
        '<p>Security company Trend Micro has admitted that customer data was leaked by one of its own employees.</p>' +
        '<p><a href="https://cyberthreat.id/read/5678/x">Baca dalam Bahasa Indonesia</a> · #databreach</p>',
      image: 'https://en.cyberthreat.id/images/trend.jpg',
      enclosures: [{ url: 'https://en.cyberthreat.id/images/trend.jpg', type: 'image/jpeg', length: 34567 }],
      alternates: [],
      pairKey: 'cyberthreat.id#5678',
    });
  });

  it('falls back from guid to link to title + date for the id, and keeps the first of duplicates', () => {
    const items = [
      item({ guid: 'same', title: 'Pertama' }),
      item({ guid: 'same', title: 'Kedua' }),
      item({ link: 'https://x.example/a', title: 'Tautan' }),
      item({ title: 'Tanpa tautan', published: '2024-01-02T03:04:05.000Z' }),
    ];
    const articles = normalise(feed(items), { url: 'https://x.example/feed' }).articles;
    expect(articles.map((a) => [a.id, a.title])).toEqual([
      [sha16('https://x.example/feed\nsame'), 'Pertama'],
      [sha16('https://x.example/feed\nhttps://x.example/a'), 'Tautan'],
      [sha16('https://x.example/feed\nTanpa tautan\n2024-01-02T03:04:05.000Z'), 'Tanpa tautan'],
    ]);
  });

  describe('language precedence', () => {
    const indonesianText =
      '<p>Para peneliti menemukan bahwa data ini telah dijual di forum gelap dan juga digunakan untuk penipuan.</p>';
    const base = item({ guid: 'x', title: 'Judul', contentHtml: indonesianText, lang: 'fr-FR' });

    it('feed setting wins', () => {
      expect(normalise(feed([base], { lang: 'de' }), { url: 'https://x.example/f', lang: 'EN' }).articles[0]?.lang).toBe('en');
    });
    it('then the item language', () => {
      expect(normalise(feed([base], { lang: 'de' }), { url: 'https://x.example/f' }).articles[0]?.lang).toBe('fr');
    });
    it('then the channel language', () => {
      const noItemLang = { ...base, lang: undefined };
      expect(normalise(feed([noItemLang], { lang: 'in' }), { url: 'https://x.example/f' }).articles[0]?.lang).toBe('id');
    });
    it('then the detector', () => {
      const noItemLang = { ...base, lang: 'x-default' };
      expect(normalise(feed([noItemLang], { lang: 'garbage!' }), { url: 'https://x.example/f' }).articles[0]?.lang).toBe('id');
      const english = item({ guid: 'e', title: 'The attack was stopped', summary: 'It is said that the group has been active for years and that it is back.' });
      expect(normalise(feed([english]), { url: 'https://x.example/f' }).articles[0]?.lang).toBe('en');
    });
    it('and null when nothing tells', () => {
      expect(normalise(feed([item({ guid: 'o', title: 'OK' })]), { url: 'https://x.example/f' }).articles[0]?.lang).toBeNull();
    });
  });

  it('finds hashtags in text but not in URLs or entities', () => {
    const [article] = normalise(
      feed([
        item({
          guid: 'h',
          title: 'Gelombang phishing #Phishing',
          summary: 'Lihat https://x.example/#frag dan &#39;kutipan&#39; #1',
          contentHtml: '<p>Tagar: #keamanan_siber #phishing <a href="https://x.example/#anchor">tautan</a></p>',
          categories: ['PHISHING', 'Keamanan'],
        }),
      ]),
      { url: 'https://x.example/f', tags: ['#Berita'] },
    ).articles;
    expect(article?.tags).toEqual(['Berita', 'PHISHING', 'Keamanan', 'keamanan_siber']);
  });

  it('uses the first words of the summary when the title is missing, else "(untitled)"', () => {
    const articles = normalise(
      feed([
        item({ guid: '1', summary: '<p>Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas</p>' }),
        item({ guid: '2', title: '  ', summary: 'Pendek saja' }),
        item({ guid: '3' }),
      ]),
      { url: 'https://x.example/f' },
    ).articles;
    expect(articles.map((a) => a.title)).toEqual([
      'Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua…',
      'Pendek saja',
      '(untitled)',
    ]);
  });

  it('keeps only absolute http(s) URLs', () => {
    const [article] = normalise(
      feed([
        item({
          guid: 'u',
          link: 'javascript:alert(1)',
          image: 'file:///etc/passwd',
          contentHtml: '<img src="data:image/png;base64,AAAA">',
          enclosures: [{ url: 'data:audio/mp3;base64,AAAA' }, { url: 'podcast.mp3', type: 'AUDIO/MPEG', length: -1 }],
          alternates: [{ href: 'vbscript:x' }, { href: '/en/read/999/story', hreflang: 'EN' }, { href: '/en/read/999/story' }],
        }),
      ]),
      { url: 'https://x.example/rss/feed.xml' },
    ).articles;
    expect(article?.url).toBeNull();
    expect(article?.image).toBeNull();
    expect(article?.enclosures).toEqual([{ url: 'https://x.example/rss/podcast.mp3', type: 'audio/mpeg' }]);
    expect(article?.alternates).toEqual([{ href: 'https://x.example/en/read/999/story', hreflang: 'en' }]);
    expect(article?.pairKey).toBeNull();
  });

  it('resolves links against the site URL for local feed files', () => {
    const result = normalise(feed([item({ guid: 'l', link: '/read/1234/berita' })], { siteUrl: 'https://cyberthreat.id' }), {
      url: '/home/user/feeds/cyberthreat.xml',
    });
    expect(result.siteUrl).toBe('https://cyberthreat.id/');
    expect(result.articles[0]?.url).toBe('https://cyberthreat.id/read/1234/berita');
    expect(result.articles[0]?.pairKey).toBe('cyberthreat.id#1234');
  });

  it('never invents a date', () => {
    const [article] = normalise(feed([item({ guid: 'd', title: 'Tanpa tanggal', published: null, updated: null })]), {
      url: 'https://x.example/f',
    }).articles;
    expect(article?.published).toBeNull();
    expect(article?.updated).toBeNull();
    const [bad] = normalise(feed([item({ guid: 'b', published: 'Item 12', updated: '2019-13-45T99:99:99Z' })]), {
      url: 'https://x.example/f',
    }).articles;
    expect(bad?.published).toBeNull();
    expect(bad?.updated).toBeNull();
  });

  it('bounds every field', () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const [article] = normalise(
      feed([
        item({
          guid: huge,
          title: huge,
          author: huge,
          summary: huge,
          contentHtml: `<div><p>${'kata '.repeat(500_000)}</p><p>${'lagi '.repeat(500_000)}</p></div>`,
          categories: [huge, ...Array.from({ length: 100 }, (_, i) => `t${i}`)],
        }),
      ]),
      { url: 'https://x.example/f' },
    ).articles;
    expect(article?.title).toBe(`${'A'.repeat(LIMITS.title - 1)}…`);
    expect(article?.author).toBe(`${'A'.repeat(LIMITS.author - 1)}…`);
    expect(article?.summary).toBe(`${'A'.repeat(LIMITS.summary - 1)}…`);
    expect(article?.guid).toBe(`${'A'.repeat(LIMITS.url - 1)}…`);
    expect(article?.tags.length).toBe(LIMITS.tags);
    expect(article?.tags[0]).toBe('A'.repeat(LIMITS.tag));
    const html = article?.contentHtml ?? '';
    expect(html.length).toBeLessThanOrEqual(LIMITS.contentHtml);
    expect(html.length).toBeGreaterThan(LIMITS.contentHtml / 2);
    expect(html.startsWith('<div><p>kata kata')).toBe(true);
    expect(html.endsWith('</p></div>')).toBe(true);
  });

  it('strips terminal control sequences from every field', () => {
    const osc8 = `${ESC}]8;;https://evil.example${ESC}\\`;
    const osc52 = `${ESC}]52;c;cm0gLXJmIH4=\u0007`;
    const dcs = `${ESC}Pq#0;2;0;0;0${ESC}\\`;
    const hostile = `${ESC}[2J${osc8}klik${osc8}${osc52}${dcs}\u009b31m\u009d0;judul\u009c\u202eexe.txt\u2066x\u2069&#27;[31m\u0000\u0007\u007f`;
    const result = normalise(
      feed(
        [
          item({
            guid: `g${hostile}`,
            link: `https://x.example/read/1234/${ESC}[31m`,
            title: `Judul ${hostile}`,
            author: `Penulis ${hostile}`,
            summary: `Ringkasan ${hostile}`,
            contentHtml: `<p title="${hostile}">Isi ${hostile}</p><a href="https://x.example/${hostile}">a</a><img src="https://x.example/i.png" alt="${hostile}">`,
            categories: [`Tag${hostile}`, hostile],
            lang: hostile,
            image: `https://x.example/${ESC}]52;c;AAAA\u0007.png`,
            enclosures: [{ url: `https://x.example/a.mp3${ESC}[2J`, type: `audio/mpeg${hostile}` }, { url: 'https://x.example/b.mp3', type: hostile }],
            alternates: [{ href: `https://x.example/en/\u202e1234`, hreflang: hostile }, { href: 'https://x.example/en/read/1234/s', hreflang: hostile }],
          }),
          item({ guid: 'kedua', title: `&#27;]52;c;AAAA&#7;&#x9b;2J&#x1b;[31mMerah` }),
        ],
        { title: `Umpan ${hostile}`, siteUrl: `https://x.example/${ESC}[2J`, lang: hostile },
      ),
      { url: 'https://x.example/f', tags: [hostile, `cfg${hostile}`] },
    );
    const all = strings(result);
    expect(all.filter((s) => CONTROL.test(s))).toEqual([]);
    expect(all.some((s) => s.includes('evil.example'))).toBe(false);
    const [first, second] = result.articles;
    // The 8-bit OSC (U+009D … U+009C) goes with its payload; "&#27;[31m" in a title is HTML and decodes to ESC.
    expect(result.title).toBe('Umpan klikexe.txtx');
    expect(result.siteUrl).toBeNull();
    expect(first?.url).toBeNull();
    expect(first?.title).toBe('Judul klikexe.txtx');
    expect(first?.author).toBe('Penulis klikexe.txtx');
    expect(first?.summary).toBe('Ringkasan klikexe.txtx');
    expect(first?.contentHtml).toBe(
      '<p title="klikexe.txtx">Isi klikexe.txtx</p><a>a</a><img src="https://x.example/i.png" alt="klikexe.txtx">',
    );
    // Tags are not HTML: a literal "&#27;" stays visible text and is harmless.
    expect(first?.tags).toEqual(['klikexe.txtx&#27;[31m', 'cfgklikexe.txtx&#27;[31m', 'Tagklikexe.txtx&#27;[31m']);
    expect(first?.guid).toBe('gklikexe.txtx&#27;[31m');
    expect(first?.lang).toBeNull();
    expect(first?.image).toBe('https://x.example/i.png');
    expect(first?.enclosures).toEqual([{ url: 'https://x.example/b.mp3' }]);
    expect(first?.alternates).toEqual([{ href: 'https://x.example/en/read/1234/s' }]);
    // &#x9b; is read as windows-1252 0x9B ("›") by the HTML rules, so no 8-bit CSI can be made from it.
    expect(second?.title).toBe('›2JMerah');
  });

  it('never throws or yields a control character for random input (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom('<', '>', '&', '#', ';', '"', '/', 'a', 'p', ' ', '\u001b', '[', ']', '\u009b', '\u202e', '\u0007', '=', 'x'), maxLength: 200 }),
    );
    fc.assert(
      fc.property(
        fc.record({ title: text, summary: text, contentHtml: text, author: text, categories: fc.array(text, { maxLength: 5 }), link: text }),
        (fields) => {
          const result = normalise(feed([item({ guid: 'p', ...fields })], { title: fields.title }), { url: 'https://x.example/f' });
          const bad = strings(result).filter((s) => CONTROL.test(s));
          expect(bad).toEqual([]);
          expect(result.articles).toHaveLength(1);
        },
      ),
      runs(500),
    );
  });
});
