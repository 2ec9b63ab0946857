import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../../src/core/types.js';
import { FeedParseError, LENIENT_WARNING, parseFeed } from '../../../src/core/feeds/parse.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const URL_OF_FEED = 'https://feeds.example.id/x';
const parse = (name: string): ParsedFeed => parseFeed(fixture(name), { url: URL_OF_FEED });
const empty = { published: null, updated: null, categories: [], alternates: [], enclosures: [] };

describe('parseFeed: one fixture per format', () => {
  it('RSS 0.91', () => {
    expect(parse('rss091.xml')).toEqual({
      format: 'rss',
      title: 'Kabar Siber Lama',
      siteUrl: 'https://lama.example.id/',
      lang: 'id',
      items: [
        {
          ...empty,
          link: 'https://lama.example.id/berita/1',
          title: 'Virus Komputer Menyebar Lewat Disket',
          summary: 'Pengguna diminta memindai setiap disket sebelum dipakai.',
        },
      ],
      warnings: [],
    });
  });

  it('RSS 0.92 with category and enclosure', () => {
    expect(parse('rss092.xml')).toEqual({
      format: 'rss',
      title: 'Buletin Keamanan',
      siteUrl: 'https://buletin.example.id/',
      items: [
        {
          ...empty,
          title: 'Pembaruan Peramban Darurat',
          summary: 'Segera perbarui peramban Anda.',
          categories: ['Peramban'],
          enclosures: [{ url: 'https://buletin.example.id/audio/12.mp3', type: 'audio/mpeg', length: 123456 }],
        },
      ],
      warnings: [],
    });
  });

  it('RSS 2.0 with namespaces, WIB date, unsplit category, alternates and images', () => {
    expect(parse('rss2.xml')).toEqual({
      format: 'rss',
      title: 'Cyberthreat Contoh',
      siteUrl: 'https://cyberthreat.example.id/',
      lang: 'id-ID',
      items: [
        {
          guid: 'cyberthreat.example.id#12345',
          link: 'https://cyberthreat.example.id/read/12345/data-pelanggan',
          title: 'Data Pelanggan Trend Micro Dibocorkan Karyawan Sendiri',
          author: 'Arif Rahman',
          published: '2019-11-16T05:59:00.000Z',
          updated: null,
          summary: 'Perusahaan keamanan siber Trend Micro mengakui data pelanggannya dibocorkan.',
          contentHtml: '<p>Cyberthreat.id – Perusahaan <b>Cybersecurity</b>, Trend Micro, mengakui …</p>',
          categories: ['databreach', 'TrendMicro', 'Keamanan, Privasi'],
          alternates: [{ href: 'https://en.cyberthreat.example.id/read/12345/customer-data', hreflang: 'en' }],
          enclosures: [],
          image: 'https://cyberthreat.example.id/img/12345.jpg',
        },
        {
          guid: 'https://cyberthreat.example.id/read/12346/demokratisasi-ai',
          // a relative link with no xml:base resolves against the document's URL
          link: 'https://feeds.example.id/read/12346/demokratisasi-ai',
          title: 'Demokratisasi AI dan Privasi',
          author: 'Redaksi',
          // "Item 12" is not a date
          published: null,
          updated: null,
          summary: 'Opini tentang AI.',
          categories: [],
          alternates: [],
          enclosures: [{ url: 'https://cyberthreat.example.id/img/12346.png', type: 'image/png', length: 2048 }],
          image: 'https://cyberthreat.example.id/img/12346.png',
        },
      ],
      warnings: [],
    });
  });

  it('RSS 1.0 / RDF with dc:date, dc:creator and dc:subject', () => {
    expect(parse('rdf.xml')).toEqual({
      format: 'rdf',
      title: 'Jurnal Siber RDF',
      siteUrl: 'https://rdf.example.id/',
      lang: 'id',
      items: [
        {
          ...empty,
          guid: 'https://rdf.example.id/artikel/7',
          link: 'https://rdf.example.id/artikel/7',
          title: 'Serangan Ransomware di Rumah Sakit',
          author: 'Siti Nurhaliza',
          published: '2019-11-16T05:59:00.000Z',
          summary: 'Sistem rumah sakit lumpuh selama dua hari.',
          categories: ['Ransomware', 'Kesehatan'],
        },
      ],
      warnings: [],
    });
  });

  it('Atom 0.3 (issued/modified, escaped content, feed author)', () => {
    expect(parse('atom03.xml')).toEqual({
      format: 'atom',
      title: 'Catatan Peretas Etis',
      siteUrl: 'https://atom03.example.id/',
      lang: 'id',
      items: [
        {
          ...empty,
          guid: 'tag:atom03.example.id,2019:phishing',
          link: 'https://atom03.example.id/2019/11/phishing',
          title: 'Mengenal Serangan Phishing',
          author: 'Budi Santoso',
          published: '2019-11-16T05:59:00.000Z',
          updated: '2019-11-16T18:00:00.000Z',
          summary: 'Cara mengenali surel palsu.',
          contentHtml: '<p>Jangan klik tautan mencurigakan.</p>',
        },
      ],
      warnings: [],
    });
  });

  it('Atom 1.0: rel=alternate text/html chosen, hreflang alternates, terms, enclosure image, text content escaped', () => {
    expect(parse('atom10.xml')).toEqual({
      format: 'atom',
      title: 'Siber Harian',
      siteUrl: 'https://atom.example.id/',
      lang: 'id',
      items: [
        {
          guid: 'tag:atom.example.id,2024:99',
          link: 'https://atom.example.id/2024/02/pyrit',
          // type="html": still HTML here (normalise turns it into text)
          title: 'Microsoft Merilis PyRIT &mdash; Alat Red Teaming',
          author: 'Dewi Lestari',
          published: '2024-02-23T02:30:00.000Z',
          updated: '2024-02-23T03:00:00.000Z',
          summary: 'Microsoft merilis alat sumber terbuka.',
          contentHtml: '<p>Alat ini membantu <em>red team</em>.</p>',
          categories: ['AI', 'RedTeam'],
          alternates: [{ href: 'https://en.atom.example.id/2024/02/pyrit', hreflang: 'en' }],
          enclosures: [{ url: 'https://atom.example.id/img/pyrit.jpg', type: 'image/jpeg', length: 5120 }],
          image: 'https://atom.example.id/img/pyrit.jpg',
        },
        {
          ...empty,
          guid: 'tag:atom.example.id,2024:100',
          link: 'https://atom.example.id/2024/02/tanpa-tanggal',
          title: 'Pembaruan Tanpa Tanggal Terbit',
          author: 'Tim Redaksi',
          // no <published>: the entry's <updated> stands in
          published: '2024-02-24T08:00:00.000Z',
          updated: '2024-02-24T08:00:00.000Z',
          contentHtml: 'Teks biasa &lt;bukan HTML&gt; &amp; simbol',
        },
      ],
      warnings: [],
    });
  });

  it('JSON Feed 1.0 (singular author, content_text escaped, relative image)', () => {
    expect(parse('jsonfeed10.json')).toEqual({
      format: 'json',
      title: 'Kanal JSON Siber',
      siteUrl: 'https://json.example.id/',
      items: [
        {
          ...empty,
          guid: '1',
          link: 'https://json.example.id/berita/1',
          title: 'Kebocoran Data E-Commerce',
          author: 'Redaksi JSON',
          published: '2020-05-02T03:00:00.000Z',
          summary: 'Data akun dijual di forum.',
          contentHtml: 'Sebanyak 13 juta akun bocor &lt;rumor&gt; &amp; dijual.',
          categories: ['databreach', 'E-Commerce'],
          image: 'https://feeds.example.id/img/1.jpg',
        },
      ],
      warnings: [],
    });
  });

  it('JSON Feed 1.1 (authors, language, attachments, banner_image)', () => {
    expect(parse('jsonfeed11.json')).toEqual({
      format: 'json',
      title: 'Kanal JSON Siber 1.1',
      siteUrl: 'https://json11.example.id/',
      lang: 'id',
      items: [
        {
          guid: 'https://json11.example.id/a/2',
          link: 'https://json11.example.id/a/2',
          title: 'Patch Tuesday November',
          author: 'Rina Wijaya',
          published: '2019-11-13T08:00:00.000Z',
          updated: '2019-11-14T08:00:00.000Z',
          contentHtml: '<p>Microsoft menambal 74 celah.</p>',
          categories: ['Microsoft', 'PatchTuesday'],
          lang: 'en',
          alternates: [],
          enclosures: [{ url: 'https://json11.example.id/podcast/2.mp3', type: 'audio/mpeg', length: 999 }],
          image: 'https://json11.example.id/img/banner.png',
        },
      ],
      warnings: [],
    });
  });
});

describe('parseFeed: links, authors, categories', () => {
  it('resolves nested xml:base (feed → entry → link) down to every link', () => {
    const feed = parse('xmlbase.xml');
    expect(feed.siteUrl).toBe('https://base.example.id/situs/beranda');
    expect(feed.items[0]?.link).toBe('https://base.example.id/situs/berita/2019/november/artikel-1.html');
    expect(feed.items[0]?.alternates).toEqual([{ href: 'https://base.example.id/en/news/article-1.html', hreflang: 'en' }]);
    expect(feed.items[0]?.enclosures).toEqual([
      { url: 'https://base.example.id/situs/berita/2019/audio/1.mp3', type: 'audio/mpeg', length: 42 },
    ]);
    expect(feed.items[1]?.link).toBe('https://lain.example.com/b');
  });

  it('resolves xml:base on RSS elements and reads xhtml:link alternates', () => {
    const xml = `<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml" xml:base="https://ex.id/">
      <channel><title>T</title><link>/beranda</link>
      <item xml:base="berita/"><title>Satu</title><link xml:base="2019/">a.html</link>
        <xhtml:link rel="alternate" hreflang="en" href="/en/a"/>
        <xhtml:link rel="alternate" hreflang="jv" href="/jv/a"/>
        <xhtml:link rel="stylesheet" href="/s.css"/>
      </item></channel></rss>`;
    const feed = parseFeed(xml, { url: 'https://elsewhere.example/' });
    expect(feed.siteUrl).toBe('https://ex.id/beranda');
    expect(feed.items[0]?.link).toBe('https://ex.id/berita/2019/a.html');
    expect(feed.items[0]?.alternates).toEqual([
      { href: 'https://ex.id/en/a', hreflang: 'en' },
      { href: 'https://ex.id/jv/a', hreflang: 'jv' },
    ]);
  });

  it('prefers a text/html alternate over other types and keeps every hreflang alternate', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>f</id>
      <entry><id>e</id><title>E</title><updated>2020-01-01T00:00:00Z</updated>
        <link rel="alternate" type="application/json" href="https://a.id/e.json"/>
        <link rel="alternate" hreflang="id" type="text/html" href="https://a.id/e"/>
        <link rel="alternate" hreflang="en" type="text/html" href="https://en.a.id/e"/>
        <link rel="replies" href="https://a.id/e#komentar"/>
      </entry></feed>`;
    const item = parseFeed(xml).items[0];
    expect(item?.link).toBe('https://a.id/e');
    expect(item?.alternates).toEqual([
      { href: 'https://a.id/e', hreflang: 'id' },
      { href: 'https://en.a.id/e', hreflang: 'en' },
    ]);
  });

  it('falls back author → dc:creator → itunes:author → feed author', () => {
    const feed = parse('authors.xml');
    expect(feed.items.map((i) => i.author)).toEqual(['Ani Yudhoyono', 'Joko Widodo', 'Made Wirawan', 'Podcast Siber Nusantara']);
    expect(feed.items[2]?.image).toBe('https://penulis.example.id/sampul.jpg');
  });

  it('takes categories from category, dc:subject and Atom term (label when no term), casing kept', () => {
    const rss = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
      <item><title>I</title><category>BigData</category><category domain="x">Keamanan, Siber</category><dc:subject>Privasi</dc:subject></item>
      </channel></rss>`;
    expect(parseFeed(rss).items[0]?.categories).toEqual(['BigData', 'Keamanan, Siber', 'Privasi']);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>f</id>
      <entry><id>e</id><title>E</title><updated>2020-01-01T00:00:00Z</updated>
        <category term="CyberSecurity" label="Keamanan Siber"/><category label="Hanya Label"/></entry></feed>`;
    expect(parseFeed(atom).items[0]?.categories).toEqual(['CyberSecurity', 'Hanya Label']);
  });

  it('reads item xml:lang and dc:language', () => {
    const xml = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><dc:language>id</dc:language>
      <item xml:lang="en"><title>English one</title></item><item><title>Satu</title></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.lang).toBe('id');
    expect(feed.items.map((i) => i.lang)).toEqual(['en', undefined]);
  });
});

describe('parseFeed: the lenient fallback', () => {
  it('reads a document feedsmith rejects: BOM and whitespace first, no root, undeclared entities, stray & and <', () => {
    expect(parse('lenient.xml')).toEqual({
      format: 'rss',
      title: 'Café Siber & Kawan\u00a0Kawan',
      siteUrl: 'https://longgar.example.id/',
      items: [
        {
          ...empty,
          link: 'https://longgar.example.id/a?x=1&y=2',
          title: 'Tom & Jerry — “kucing” < tikus',
          summary: '5 < 6 dan © 2019',
        },
      ],
      warnings: [LENIENT_WARNING],
    });
  });

  it('reads undeclared HTML entities without the fallback when the XML is otherwise fine', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>Caf&eacute;&nbsp;Jakarta</title><item><title>A &amp; B</title></item></channel></rss>');
    expect(feed.title).toBe('Café\u00a0Jakarta');
    expect(feed.warnings).toEqual([]);
  });

  it('reads RSS without a version attribute', () => {
    const feed = parseFeed('<rss><channel><title>T</title><item><title>Satu</title></item></channel></rss>');
    expect(feed.items.map((i) => i.title)).toEqual(['Satu']);
  });

  it('recovers items from a truncated document and from mismatched tags', () => {
    const truncated = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>Satu</title></item><item><title>Dua');
    expect(truncated.items.map((i) => i.title)).toEqual(['Satu', 'Dua']);
    expect(truncated.warnings).toEqual([LENIENT_WARNING]);
    const mismatched = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>Satu</titel></item></channel></rss>');
    expect(mismatched.items.map((i) => i.title)).toEqual(['Satu']);
  });

  it('reads bare items and bare Atom entries', () => {
    expect(parseFeed('<item><title>Satu</title></item><item><title>Dua</title></item>').items.map((i) => i.title)).toEqual(['Satu', 'Dua']);
    const atom = parseFeed('<entry><title>E</title><id>1</id><link href="https://a.id/e"/></entry>');
    expect(atom.format).toBe('atom');
    expect(atom.items[0]?.link).toBe('https://a.id/e');
  });

  it('reads RDF without namespace declarations', () => {
    const feed = parseFeed('<rdf:RDF><channel><title>T</title></channel><item><title>Satu</title><link>https://a.id/1</link></item></rdf:RDF>');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]?.link).toBe('https://a.id/1');
  });
});

describe('parseFeed: hostile text is passed through, not crashed on', () => {
  it('keeps &#27; as a raw ESC for normalise to strip', () => {
    const feed = parse('escape.xml');
    expect(feed.title).toBe('Judul \u001b]0;diretas\u0007');
    // &#x9b; follows the HTML rule for C1 references (0x9B → U+203A), so no 8-bit CSI comes out.
    expect(feed.items[0]?.title).toBe('Merah \u001b[31m berbahaya \u203a2J');
  });

  it('keeps \\u001b in JSON Feed text', () => {
    const feed = parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', title: 'a\u001b]52;c;ZXZpbA==\u0007b' }] }));
    expect(feed.items[0]?.title).toBe('a\u001b]52;c;ZXZpbA==\u0007b');
  });
});

describe('parseFeed: documents that are not feeds', () => {
  const cases: Array<[string, string | Uint8Array, string]> = [
    ['empty input', '', 'The feed is empty: the document has no content.'],
    ['only whitespace', ' \n\t ', 'The feed is empty: the document has no content.'],
    ['empty bytes', new Uint8Array(0), 'The feed is empty: the document has no content.'],
    ['plain text', 'Selamat datang di situs kami.', 'This is not a feed: the document is plain text, not RSS, Atom or JSON Feed.'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Beranda</title></head><body><p>Halo</p></body></html>', 'This is not a feed: the document is HTML, not RSS, Atom or JSON Feed.'],
    ['HTML without doctype', '<html><body><a href="/rss">RSS</a></body></html>', 'This is not a feed: the document is HTML, not RSS, Atom or JSON Feed.'],
    ['other XML', '<?xml version="1.0"?><kml><Document/></kml>', 'This is not a feed: the document is not RSS, Atom or JSON Feed.'],
    ['binary junk', new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)), 'This is not a feed: the document is binary data, not text.'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'This is not a feed: the document is binary data, not text.'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "title": ', 'This is not a feed: the document starts like JSON but is not valid JSON.'],
    ['JSON that is not a feed', '{"name": "cyberread", "dependencies": {}}', 'This is not a feed: the document is JSON but not a JSON Feed.'],
    ['a JSON array', '[1, 2, 3]', 'This is not a feed: the document is not RSS, Atom or JSON Feed.'],
  ];
  it.each(cases)('%s', (_name, input, message) => {
    expect(() => parseFeed(input)).toThrow(FeedParseError);
    expect(() => parseFeed(input)).toThrow(message);
  });
});
