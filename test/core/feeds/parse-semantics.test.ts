// One test per parsing behaviour that the public parser test suites (bench/parse-corpus) showed missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feeds/parse.js';

const rss = (item: string, channel = '', ns = ''): string =>
  `<?xml version="1.0"?><rss version="2.0"${ns}><channel><title>T</title>${channel}<item>${item}</item></channel></rss>`;
const atom = (entry: string, feed = ''): string =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${feed}<entry>${entry}</entry></feed>`;
const DC = ' xmlns:dc="http://purl.org/dc/elements/1.1/"';
const MEDIA = ' xmlns:media="http://search.yahoo.com/mrss/"';
const ITUNES = ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';

describe('feeds with nothing feedsmith recognises are empty feeds, not broken ones', () => {
  it.each([
    ['RSS with only unknown channel elements', '<rss version="2.0"><channel><author>me</author></channel></rss>', 'rss'],
    ['an empty Atom 1.0 feed', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
    ['Atom 0.3 with only a copyright', '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><copyright>c</copyright></feed>', 'atom'],
    ['an empty RDF channel', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>', 'rdf'],
  ])('%s', (_name, doc, format) => {
    const feed = parseFeed(doc);
    expect(feed.format).toBe(format);
    expect(feed.items).toEqual([]);
  });

  it('still refuses XML that is not a feed', () => {
    expect(() => parseFeed('<?xml version="1.0"?><kml><Document/></kml>')).toThrow('This is not a feed');
  });
});

describe('JSON Feed', () => {
  it('reads a feed whose version is "1.0" instead of the version URL', () => {
    const feed = parseFeed(JSON.stringify({ version: '1.0', title: 'J', items: [{ id: '1', title: 'one', url: 'https://e.id/1' }] }));
    expect(feed.title).toBe('J');
    expect(feed.items.map((i) => i.title)).toEqual(['one']);
  });

  it('still refuses JSON with a version that is no feed', () => {
    expect(() => parseFeed(JSON.stringify({ name: 'x', version: '1.0.0' }))).toThrow('JSON but not a JSON Feed');
  });
});

describe('Atom text constructs', () => {
  it('escapes type="text" (and no type) so that "<" and "&" stay characters', () => {
    const feed = parseFeed(atom('<title type="text">a &lt;b&gt; &amp; c</title><summary>x &lt; y</summary><id>1</id>'));
    expect(feed.items[0]?.title).toBe('a &lt;b&gt; &amp; c');
    expect(feed.items[0]?.summary).toBe('x &lt; y');
  });

  it('keeps type="html" as markup', () => {
    const feed = parseFeed(atom('<title type="html">a &lt;b&gt;bold&lt;/b&gt;</title><id>1</id>'));
    expect(feed.items[0]?.title).toBe('a <b>bold</b>');
  });

  it('escapes the feed title too', () => {
    expect(parseFeed(atom('<id>1</id>').replace('<title>T</title>', '<title>R&amp;D &lt;lab&gt;</title>')).title).toBe('R&amp;D &lt;lab&gt;');
  });
});

describe('authors', () => {
  it.each([
    ['Example editor (me@example.com)', 'Example editor'],
    ['me@example.com (Example editor)', 'Example editor'],
    ['Example editor <me@example.com>', 'Example editor'],
    ['Redaksi (Jakarta)', 'Redaksi (Jakarta)'],
    ['me@example.com', 'me@example.com'],
  ])('dc:creator %j reads as %j', (creator, name) => {
    expect(parseFeed(rss(`<title>x</title><dc:creator>${creator.replace(/</g, '&lt;')}</dc:creator>`, '', DC)).items[0]?.author).toBe(name);
  });

  it('an Atom author with only an email is that email', () => {
    expect(parseFeed(atom('<id>1</id><author><email>me@example.com</email></author>')).items[0]?.author).toBe('me@example.com');
  });
});

describe('fallback fields', () => {
  it('title from dc:title, then media:title', () => {
    expect(parseFeed(rss('<dc:title>Judul</dc:title>', '', DC)).items[0]?.title).toBe('Judul');
    expect(parseFeed(rss('<media:title>Media</media:title>', '', MEDIA)).items[0]?.title).toBe('Media');
    expect(parseFeed(rss('<media:group><media:title>Grup</media:title></media:group>', '', MEDIA)).items[0]?.title).toBe('Grup');
  });

  it('summary from dc:description, itunes:summary, media:description', () => {
    expect(parseFeed(rss('<title>x</title><dc:description>D</dc:description>', '', DC)).items[0]?.summary).toBe('D');
    expect(parseFeed(rss('<title>x</title><itunes:summary>I</itunes:summary>', '', ITUNES)).items[0]?.summary).toBe('I');
    expect(parseFeed(rss('<title>x</title><media:description>a &lt; b</media:description>', '', MEDIA)).items[0]?.summary).toBe('a &lt; b');
  });

  it('media:category counts as a category', () => {
    expect(parseFeed(rss('<title>x</title><media:category scheme="s">keamanan</media:category>', '', MEDIA)).items[0]?.categories).toEqual(['keamanan']);
  });

  it('the RSS site link falls back to atom:link rel=alternate', () => {
    const doc = rss('<title>x</title>', '<atom:link rel="alternate" href="https://situs.example.id/"/>', ' xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(parseFeed(doc).siteUrl).toBe('https://situs.example.id/');
  });
});

describe('a cut-off document is still an error, not an empty feed', () => {
  it.each(['<rss><channel><item>', '<rss version="2.0"><channel><item></channel>', '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'])('%j', (doc) => {
    expect(() => parseFeed(doc)).toThrow('damaged beyond repair');
  });
});

describe('item bodies feedsmith does not read, and Atom 0.3 base64', () => {
  it('an Indonesian news feed with <body>, <fullitem>, dc:title and dates as the sites print them', () => {
    const feed = parseFeed(readFileSync(new URL('../../fixtures/feeds/id-news-wild.xml', import.meta.url)));
    expect(feed.items.map((i) => [i.title, i.published, i.author, i.contentHtml, i.categories])).toEqual([
      [
        'Kebocoran data & #databreach di layanan publik',
        '2019-11-16T05:59:00.000Z',
        'Redaksi',
        '<p>Isi <b>lengkap</b> artikel.</p> &amp; lanjutan',
        ['keamanan'],
      ],
      ['Judul dari Dublin Core', '2019-11-16T05:05:00.000Z', undefined, '<p>Isi dari fullitem</p>', []],
    ]);
  });

  it('<xhtml:body> and a default-namespaced <body> are content; a <body> inside CDATA is left alone', () => {
    const xhtml = rss('<title>x</title><xhtml:body xmlns:xhtml="http://www.w3.org/1999/xhtml"><p>X</p></xhtml:body>');
    expect(parseFeed(xhtml).items[0]?.contentHtml).toBe('<p>X</p>');
    const ns = rss('<title>x</title><body xmlns="http://www.w3.org/1999/xhtml">safe<script>alert(1)</script></body>');
    expect(parseFeed(ns).items[0]?.contentHtml).toBe('safe<script>alert(1)</script>');
    const cdata = rss('<title>x</title><description><![CDATA[<html><body>inside</body></html>]]></description>');
    expect(parseFeed(cdata).items[0]?.summary).toBe('<html><body>inside</body></html>');
  });

  it('decodes mode="base64" text constructs', () => {
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const doc = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title mode="base64">${b64('Feed & co')}</title><entry><id>1</id>` +
      `<title type="text/html" mode="base64">${b64('Example <b>Atom</b>')}</title>` +
      `<content type="text/html" mode="base64">\n${b64('<p>Body</p>')}\n</content></entry></feed>`;
    const feed = parseFeed(doc);
    expect(feed.title).toBe('Feed &amp; co');
    expect(feed.items[0]?.title).toBe('Example <b>Atom</b>');
    expect(feed.items[0]?.contentHtml).toBe('<p>Body</p>');
  });
});

describe('undeclared entities in a feed read with the lenient fallback', () => {
  it('keeps "&copy=2" of an unescaped URL query as it is, and still reads &nbsp; and &eacute;', () => {
    const feed = parseFeed(rss('<title>caf&eacute;&nbsp;x</title><description>?page=1&copy=2</description>'));
    expect(feed.items[0]?.title).toBe('café\u00a0x');
    expect(feed.items[0]?.summary).toBe('?page=1&copy=2');
  });
});

describe('Atom 1.0 content of a media type that is neither text nor XML is base64', () => {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  it('decodes title, summary and content typed application/octet-stream', () => {
    const feed = parseFeed(
      atom(
        `<id>1</id><title type="application/octet-stream">\n  ${b64('Example <b>Atom</b>')}\n</title>` +
          `<summary type="application/octet-stream">${b64('<p>S</p>')}</summary>` +
          `<content type="application/octet-stream">${b64('<p>C</p>')}</content>`,
      ),
    );
    expect([feed.items[0]?.title, feed.items[0]?.summary, feed.items[0]?.contentHtml]).toEqual(['Example <b>Atom</b>', '<p>S</p>', '<p>C</p>']);
  });

  it('drops inline binary that is not text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80]).toString('base64');
    expect(parseFeed(atom(`<id>1</id><title>t</title><content type="image/png">${png}</content>`)).items[0]?.contentHtml).toBeUndefined();
  });
});

describe('the language of an item is the xml:lang in scope on its body', () => {
  it('reads xml:lang on Atom content over the entry and the feed, and on the summary when there is no content', () => {
    const doc =
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>T</title>' +
      '<entry><id>1</id><summary xml:lang="de">s</summary><content xml:lang="en">c</content></entry>' +
      '<entry><id>2</id><summary xml:lang="id">s</summary></entry>' +
      '<entry xml:lang="nl"><id>3</id><content>c</content></entry>' +
      '<entry><id>4</id><content>c</content></entry></feed>';
    const feed = parseFeed(doc);
    expect(feed.lang).toBe('fr');
    expect(feed.items.map((i) => i.lang)).toEqual(['en', 'id', 'nl', 'fr']);
  });

  it('reads xml:lang on content:encoded, and inherits the one on the rss root', () => {
    const doc =
      '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xml:lang="id"><channel><title>T</title>' +
      '<item><title>a</title><content:encoded xml:lang="en">&lt;p&gt;x&lt;/p&gt;</content:encoded></item>' +
      '<item><title>b</title><description>y</description></item></channel></rss>';
    const feed = parseFeed(doc);
    expect(feed.lang).toBe('id');
    expect(feed.items.map((i) => i.lang)).toEqual(['en', 'id']);
  });

  it('keeps the xml:lang of bodies read through the rewrite (xhtml body, fullitem)', () => {
    const doc =
      '<rss version="2.0"><channel><title>T</title>' +
      '<item><title>a</title><body xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><p>x</p></body></item>' +
      '<item><title>b</title><fullitem xml:lang="id">&lt;p&gt;y&lt;/p&gt;</fullitem></item></channel></rss>';
    expect(parseFeed(doc).items.map((i) => i.lang)).toEqual(['en', 'id']);
  });

  it('writes "en_US" as the language tag "en-US", on the feed and on items', () => {
    const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en_US"><title>T</title><entry><id>1</id><content xml:lang="pt_BR">c</content></entry></feed>');
    expect([feed.lang, feed.items[0]?.lang]).toEqual(['en-US', 'pt-BR']);
  });

  it('reads an RSS item dc:language', () => {
    expect(parseFeed(rss('<title>a</title><dc:language>id</dc:language>', '', DC)).items[0]?.lang).toBe('id');
  });
});

describe('Atom text of other media types', () => {
  it('keeps text that is not base64 under a media type that is neither text nor XML', () => {
    const feed = parseFeed(atom('<id>1</id><title type="application/x-custom">test</title><content type="application/json">{"a":1}</content>'));
    expect([feed.items[0]?.title, feed.items[0]?.contentHtml]).toEqual(['test', '{"a":1}']);
  });

  it('shows XML that is not XHTML as its text', () => {
    expect(parseFeed(atom('<id>1</id><title>t</title><content type="application/atom+xml">&lt;x/&gt;</content>')).items[0]?.contentHtml).toBe('&lt;x/&gt;');
  });

  it('still decodes base64 under a binary type when it is text', () => {
    expect(parseFeed(atom('<id>1</id><title>t</title><content type="video/mp4">aGVsbG8=</content>')).items[0]?.contentHtml).toBe('hello');
  });
});

describe('RSS items that borrow from other vocabularies', () => {
  const ATOM = ' xmlns:atom="http://www.w3.org/2005/Atom"';
  it('reads atom:content, atom:summary, atom:title and atom:category inside an RSS item', () => {
    const feed = parseFeed(
      rss(
        '<atom:title>A</atom:title><atom:summary>S</atom:summary><atom:content type="html">&lt;p&gt;Body&lt;/p&gt;</atom:content><atom:category term="atomterm"/>',
        '',
        ATOM,
      ),
    );
    const it0 = feed.items[0];
    expect([it0?.title, it0?.summary, it0?.contentHtml, it0?.categories]).toEqual(['A', 'S', '<p>Body</p>', ['atomterm']]);
  });

  it('takes itunes:keywords as categories and itunes:title and itunes:subtitle as fallbacks', () => {
    const feed = parseFeed(rss('<itunes:title>Episode</itunes:title><itunes:subtitle>Sub</itunes:subtitle><itunes:keywords>one, two</itunes:keywords><category>c</category>', '', ITUNES));
    const it0 = feed.items[0];
    expect([it0?.title, it0?.summary, it0?.categories]).toEqual(['Episode', 'Sub', ['c', 'one', 'two']]);
  });
});

describe('Channel Definition Format (CDF)', () => {
  it('reads HREF as the link, LASTMOD as the date and ABSTRACT as the description, on the channel and its items', () => {
    const feed = parseFeed(
      '<?xml version="1.0"?><CHANNEL HREF="http://www.example.org/" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>Example feed</TITLE>' +
        '<ABSTRACT>About</ABSTRACT><ITEM HREF="http://www.example.org/1" LASTMOD="2004-04-06T23:05:43-05:00">' +
        '<TITLE>Example item</TITLE><ABSTRACT>Example description</ABSTRACT></ITEM></CHANNEL>',
    );
    expect([feed.title, feed.siteUrl]).toEqual(['Example feed', 'http://www.example.org/']);
    const it0 = feed.items[0];
    expect([it0?.title, it0?.link, it0?.summary, it0?.published]).toEqual([
      'Example item',
      'http://www.example.org/1',
      'Example description',
      '2004-04-07T04:05:43.000Z',
    ]);
  });
});

describe('broken XML a human still reads', () => {
  it('reads a "<" that starts no tag as the character, outside CDATA only', () => {
    const feed = parseFeed(rss('<title>a</title><description>a <3 b</description><category><![CDATA[x < y]]></category>'));
    expect(feed.items[0]?.summary).toBe('a <3 b');
    expect(feed.items[0]?.categories).toEqual(['x < y']);
  });
});

describe('Atom out-of-line content', () => {
  it('takes content src as the link of an entry that has no alternate link, resolved against xml:base', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://e.id/blog/"><title>T</title>' +
        '<entry><id>1</id><title>a</title><content type="text/html" src="a.html"/></entry>' +
        '<entry><id>2</id><title>b</title><link href="https://e.id/b"/><content type="text/html" src="b.html"/></entry></feed>',
    );
    expect(feed.items.map((i) => i.link)).toEqual(['https://e.id/blog/a.html', 'https://e.id/b']);
  });
});

describe('dc:author', () => {
  it('is the author of an item, and of the channel for items without one', () => {
    const doc =
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><dc:author>Redaksi</dc:author>' +
      '<item><title>a</title><dc:author>Budi (budi@e.id)</dc:author></item><item><title>b</title></item></channel></rss>';
    expect(parseFeed(doc).items.map((i) => i.author)).toEqual(['Budi', 'Redaksi']);
  });
});

describe('vocabularies mixed across formats (held-out suites: SimplePie, feed-rs)', () => {
  const RDF = (item: string, ns = ''): string =>
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"${ns}><item>${item}</item></rdf:RDF>`;
  const A03 = ' xmlns:a="http://purl.org/atom/ns#"';

  it('reads Atom elements inside RSS 1.0 items: id, title, dates, content, categories, alternate link', () => {
    const [item] = parseFeed(
      RDF(
        '<a:id>tag:e.id,2019:1</a:id><a:title>Judul</a:title><a:created>2019-11-16T05:59:00Z</a:created><a:content>Isi</a:content>' +
          '<a:category label="Keamanan"/><a:link rel="alternate" href="https://e.id/1"/>',
        A03,
      ),
    ).items;
    expect(item).toMatchObject({ guid: 'tag:e.id,2019:1', title: 'Judul', published: '2019-11-16T05:59:00.000Z', contentHtml: 'Isi', categories: ['Keamanan'], link: 'https://e.id/1' });
  });

  it('takes dc:identifier as the id of an item without guid, and atom:updated as its date when nothing else dates it', () => {
    const [item] = parseFeed(rss('<dc:identifier>urn:x:1</dc:identifier><a:updated>2019-11-16T05:59:00Z</a:updated>', '', `${DC} xmlns:a="http://www.w3.org/2005/Atom"`)).items;
    expect(item).toMatchObject({ guid: 'urn:x:1', published: '2019-11-16T05:59:00.000Z', updated: '2019-11-16T05:59:00.000Z' });
  });

  it('takes dc:title as the title of an Atom feed without atom:title', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"${DC}><dc:title>Cyberthreat</dc:title><entry><id>1</id></entry></feed>`);
    expect(feed.title).toBe('Cyberthreat');
  });

  it('gives an entry without an author the author of its atom:source (RFC 4287 §4.2.1)', () => {
    const [item] = parseFeed(atom('<id>1</id><source><author><name>Redaksi</name></author></source>', '<author><name>Feed</name></author>')).items;
    expect(item?.author).toBe('Redaksi');
  });

  it('reads the IANA URI of a link relation as the relation', () => {
    const feed = parseFeed(atom('<id>1</id>', '<link rel="http://www.iana.org/assignments/relation/alternate" href="https://e.id/"/>'));
    expect(feed.siteUrl).toBe('https://e.id/');
  });

  it('lists audio and video media:content as enclosures, not images', () => {
    const [item] = parseFeed(
      rss(
        '<media:content url="https://e.id/a.mp3" type="audio/mpeg" fileSize="123"/><media:content url="https://e.id/b.jpg" medium="image"/>' +
          '<media:group><media:content url="https://e.id/c.mp4" medium="video"/></media:group>',
        '',
        MEDIA,
      ),
    ).items;
    expect(item?.enclosures).toEqual([
      { url: 'https://e.id/a.mp3', type: 'audio/mpeg', length: 123 },
      { url: 'https://e.id/c.mp4', type: 'video/mp4' },
    ]);
    expect(item?.image).toBe('https://e.id/b.jpg');
  });

  it('does not repeat an enclosure that media:content names again', () => {
    const [item] = parseFeed(rss('<enclosure url="https://e.id/a.mp3" type="audio/mpeg" length="5"/><media:content url="https://e.id/a.mp3" type="audio/mpeg"/>', '', MEDIA)).items;
    expect(item?.enclosures).toEqual([{ url: 'https://e.id/a.mp3', type: 'audio/mpeg', length: 5 }]);
  });

  it('reads relative links of a document parsed without its URL against the site link, and media against the item link', () => {
    const feed = parseFeed(rss('<link>/2019/1/</link><media:thumbnail url="img/1.jpg"/>', '<link>https://e.id/news/</link>', MEDIA));
    expect(feed.items[0]).toMatchObject({ link: 'https://e.id/2019/1/', image: 'https://e.id/2019/1/img/1.jpg' });
  });

  it('keeps the document URL as the base when there is one', () => {
    const feed = parseFeed(rss('<link>/2019/1/</link>', '<link>https://site.example/</link>'), { url: 'https://e.id/feed.xml' });
    expect(feed.items[0]?.link).toBe('https://e.id/2019/1/');
  });
});

describe('where a document parsed without its URL lives, and feeds inside web pages (held-out suites)', () => {
  it('resolves relative links against the address the feed gives itself (rel="self") when it has no absolute site link', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link href="/blog/"/><link rel="self" href="https://e.id/blog/feed.xml"/>' +
        '<entry><id>1</id><link href="/blog/2019/1"/></entry></feed>',
    );
    expect(feed.siteUrl).toBe('https://e.id/blog/');
    expect(feed.items[0]?.link).toBe('https://e.id/blog/2019/1');
  });

  it('reads an Atom feed wrapped in an XHTML page, and says it was lenient', () => {
    const feed = parseFeed(
      '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">' +
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>' +
        '<entry><id>1</id><title>Satu</title><link href="https://e.id/1"/></entry></feed></body></html>',
    );
    expect(feed.title).toBe('Blog');
    expect(feed.items.map((i) => i.title)).toEqual(['Satu']);
    expect(feed.warnings).toContain('parsed with the lenient fallback');
  });

  it('still calls a web page without a feed in it a web page', () => {
    expect(() => parseFeed('<!DOCTYPE html><html><body><p>rss feed</p></body></html>')).toThrow(/HTML/);
  });
});
