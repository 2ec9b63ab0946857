import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS } from '../../src/core/defaults.js';
import { parseOpml as otherReaderParse } from 'feedsmith';
import { exportUrl, feedKey, MAX_OPML_DEPTH, MAX_OPML_FEEDS, OPML_NS, OpmlError, parseOpml, refuseFeedUrl, siteLink, toOpml } from '../../src/core/opml.js';
import type { FeedConfig } from '../../src/core/types.js';
import { explain, type Problem } from '../../src/core/i18n/problem.js';

/** Refusals as the English sentences a user reads. */
const said = (rs: { url: string; reason: Problem }[]) => rs.map((r) => ({ url: r.url, reason: explain(r.reason, 'en') }));
const why = (p: Problem | null): string | null => (p === null ? null : explain(p, 'en'));

const fixture = (name: string): string => readFileSync(join('test/fixtures/opml', name), 'utf8');

describe('parseOpml on an export from another reader', () => {
  it('takes every outline with an xmlUrl, with folder names and categories as tags', () => {
    const { feeds, rejected } = parseOpml(fixture('other-reader.opml'));
    expect(said(rejected)).toEqual([]);
    expect(feeds).toEqual([
      { url: 'https://feeds.feedburner.com/TheHackersNews', title: 'The Hacker News', tags: ['Security', 'News'], htmlUrl: 'https://thehackernews.com/' },
      { url: 'https://www.bleepingcomputer.com/feed/', title: 'BleepingComputer', tags: ['Security', 'News'], htmlUrl: 'https://www.bleepingcomputer.com/' },
      {
        url: 'https://krebsonsecurity.com/feed/',
        title: 'Krebs on Security',
        tags: ['Security', 'Investigations', 'people'],
      },
      { url: 'https://cyberthreat.id/rss', title: 'Cyberthreat.id', lang: 'id', tags: ['Indonesia'] },
      { url: 'http://example.org/feed?a=1&b=2', title: 'Berita & Analisis', lang: 'id', tags: ['Indonesia'] },
      { url: '/var/lib/feeds/local.xml', title: 'Local file' },
      { url: 'feeds/relative.xml', title: 'Relative file' },
      { url: 'https://example.com/untitled.xml' },
    ]);
  });

  it('reads a byte-order mark and upper-case attribute names', () => {
    const text = '\ufeff<opml version="2.0"><body><outline TEXT="A" XMLURL="https://a.example/f" LANGUAGE="en"/></body></opml>';
    expect(parseOpml(text)).toEqual({ feeds: [{ url: 'https://a.example/f', title: 'A', lang: 'en' }], rejected: [] });
  });

  it('merges the folders of a feed listed twice instead of adding it twice', () => {
    const text = `<opml version="2.0"><body>
      <outline text="A"><outline text="F" xmlUrl="https://a.example/f"/></outline>
      <outline text="B"><outline text="F again" xmlUrl="https://a.example/f"/></outline>
    </body></opml>`;
    expect(parseOpml(text).feeds).toEqual([{ url: 'https://a.example/f', title: 'F', tags: ['A', 'B'] }]);
  });
});

describe('OPML round trip', () => {
  const feeds: FeedConfig[] = [
    { url: 'https://cyberthreat.id/rss', title: 'Cyberthreat.id', lang: 'id', tags: ['Indonesia', 'databreach'], htmlUrl: 'https://cyberthreat.id/' },
    { url: 'https://example.com/feed?x=1&y="2"', title: 'Quotes "and" <angles> & ampersands', lang: 'en' },
    { url: 'file:///home/user/feeds/local.xml' },
    { url: 'https://example.com/tabs.xml', title: 'Tags only', tags: ['AI', 'PDP'] },
    { url: 'https://example.com/pt.xml', title: 'Notícias de segurança', lang: 'pt-br' },
  ];

  it('gives back exactly the feeds it was given', () => {
    expect(parseOpml(toOpml(feeds))).toEqual({ feeds, rejected: [] });
  });

  it('writes a local path as its file:// URL, which comes back as the same file', () => {
    const local: FeedConfig[] = [{ url: '/home/user/feeds/berita lokal.xml', title: 'Lokal' }, { url: '/srv/untitled.xml' }];
    const out = toOpml(local);
    expect(out).toContain('text="Lokal" title="Lokal" xmlUrl="file:///home/user/feeds/berita%20lokal.xml"');
    // with no title, text is the address another reader can use
    expect(out).toContain('text="file:///srv/untitled.xml" xmlUrl="file:///srv/untitled.xml"');
    const back = parseOpml(out).feeds;
    expect(back).toEqual([{ url: 'file:///home/user/feeds/berita%20lokal.xml', title: 'Lokal' }, { url: 'file:///srv/untitled.xml' }]);
    expect(back.map((f) => feedKey(f.url))).toEqual(local.map((f) => feedKey(f.url)));
  });

  it('keeps a site link (htmlUrl) when it is an http(s) URL, and nothing else an exporter put there', () => {
    const text = `<opml version="2.0"><body>
      <outline text="A" xmlUrl="https://a.example/f" htmlUrl="https://a.example/"/>
      <outline text="B" xmlUrl="https://b.example/f" htmlUrl="javascript:alert(1)"/>
      <outline text="C" xmlUrl="https://c.example/f" htmlUrl="/var/www/index.html"/>
      <outline text="D" xmlUrl="https://d.example/f" htmlUrl="https://d.example/&#27;[31m"/>
      <outline text="E" xmlUrl="https://e.example/f" HTMLURL=" https://e.example/path?q=1 "/>
    </body></opml>`;
    expect(parseOpml(text).feeds.map((f) => f.htmlUrl ?? null)).toEqual(['https://a.example/', null, null, null, 'https://e.example/path?q=1']);
    // a hand-edited settings file is held to the same rule on the way out
    const out = toOpml([{ url: 'https://x.example/f', htmlUrl: 'data:text/html,hi' }, { url: 'https://y.example/f', htmlUrl: 'https://y.example' }]);
    expect(out).not.toContain('data:');
    expect(out).toContain('xmlUrl="https://y.example/f" htmlUrl="https://y.example/"');
  });

  it('judges addresses: site links, export URLs and what makes two feed addresses one feed', () => {
    expect(siteLink('https://cyberthreat.id')).toBe('https://cyberthreat.id/');
    expect(siteLink('ftp://x.example/')).toBeNull();
    expect(siteLink('https://x.example/\u200b')).toBeNull();
    expect(siteLink(42)).toBeNull();
    expect(exportUrl('https://a.example/f?x=1')).toBe('https://a.example/f?x=1');
    expect(exportUrl('file:///a/b.xml')).toBe('file:///a/b.xml');
    expect(exportUrl('/a/b c.xml')).toBe('file:///a/b%20c.xml');
    expect(feedKey('file:///a/b%20c.xml')).toBe('/a/b c.xml');
    expect(feedKey('file://localhost/a/b.xml')).toBe('/a/b.xml');
    expect(feedKey('file://server/share/b.xml')).toBe('file://server/share/b.xml');
    expect(feedKey('https://a.example/f')).toBe('https://a.example/f');
  });

  it('round-trips the default feed list', () => {
    expect(parseOpml(toOpml(DEFAULT_FEEDS)).feeds).toEqual(DEFAULT_FEEDS);
  });

  it('writes OPML 2.0 with language and category attributes and escaped XML', () => {
    const out = toOpml(feeds.slice(0, 2), { title: 'Langganan saya', dateCreated: new Date('2026-11-28T05:59:00Z') });
    expect(out).toContain('<opml version="2.0">');
    expect(out).toContain('<title>Langganan saya</title>');
    expect(out).toContain('<dateCreated>Sat, 28 Nov 2026 05:59:00 GMT</dateCreated>');
    expect(out).toContain(
      '<outline type="rss" text="Cyberthreat.id" title="Cyberthreat.id" xmlUrl="https://cyberthreat.id/rss" htmlUrl="https://cyberthreat.id/" language="id" category="Indonesia,databreach"/>',
    );
    expect(out).toContain(
      'xmlUrl="https://example.com/feed?x=1&amp;y=&quot;2&quot;"',
    );
    expect(out).toContain('title="Quotes &quot;and&quot; &lt;angles&gt; &amp; ampersands"');
  });

  it('carries each feed’s fullText mode in a namespaced attribute, declared only when a feed has one', () => {
    const withModes: FeedConfig[] = [
      { url: 'https://cyberthreat.id/rss', title: 'Cyberthreat.id', lang: 'id', fullText: 'always' },
      { url: 'https://example.com/a.xml', fullText: 'never' },
      { url: 'https://example.com/b.xml', title: 'B' },
    ];
    const out = toOpml(withModes);
    expect(out).toContain(`<opml version="2.0" xmlns:cyberread="${OPML_NS}">`);
    expect(out).toContain('language="id" cyberread:fullText="always"/>');
    expect(parseOpml(out)).toEqual({ feeds: withModes, rejected: [] });
    expect(toOpml(feeds)).not.toContain('xmlns:cyberread');
  });

  it('leaves the fullText attribute to readers that do not know it: they read the same outlines', () => {
    const out = toOpml([{ url: 'https://example.com/a.xml', title: 'A', fullText: 'always' }, { url: 'https://example.com/b.xml', title: 'B' }]);
    const other = otherReaderParse(out) as { body?: { outlines?: { xmlUrl?: string; text?: string }[] } };
    expect(other.body?.outlines?.map((o) => [o.text, o.xmlUrl])).toEqual([
      ['A', 'https://example.com/a.xml'],
      ['B', 'https://example.com/b.xml'],
    ]);
  });

  it('reads fullText under whatever prefix the file binds to the namespace, and ignores an unknown mode', () => {
    const text = `<opml version="2.0" xmlns:cr="${OPML_NS}"><body>
      <outline text="A" xmlUrl="https://a.example/f" cr:fullText="Never"/>
      <outline text="B" xmlUrl="https://b.example/f" cr:fullText="sometimes"/>
      <outline text="C" xmlUrl="https://c.example/f" other:fullText="always" xmlns:other="urn:elsewhere"/>
    </body></opml>`;
    expect(parseOpml(text).feeds).toEqual([
      { url: 'https://a.example/f', title: 'A', fullText: 'never' },
      { url: 'https://b.example/f', title: 'B' },
      { url: 'https://c.example/f', title: 'C' },
    ]);
  });

  it('keeps control characters out of what it writes', () => {
    const out = toOpml([{ url: 'https://a.example/f', title: 'Bad\u001b]52;c;aGk=\u0007 title\u0000' }], {
      title: 'x\u001b[2J',
    });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(parseOpml(out).feeds).toEqual([{ url: 'https://a.example/f', title: 'Bad title' }]);
  });
});

describe('parseOpml refuses what is not OPML', () => {
  const cases: [string, string][] = [
    ['', 'This file is not OPML: it is empty.'],
    ['  \n\t ', 'This file is not OPML: it is empty.'],
    [fixture('not-opml.json'), 'This file is not OPML: it looks like JSON, not XML.'],
    [fixture('not-opml.html'), 'This file is not OPML: its root element is <html>, expected <opml>.'],
    [
      fixture('feed-not-opml.xml'),
      'This file is not OPML: it is a feed (root element <rss>), not a list of feeds; add it as a feed instead.',
    ],
    ['just some words', 'This file is not OPML: it contains no XML elements.'],
  ];
  it.each(cases)('%#: throws OpmlError with a clear sentence', (text, message) => {
    expect(() => parseOpml(text)).toThrow(OpmlError);
    expect(() => parseOpml(text)).toThrow(message);
  });
});

describe('parseOpml refuses unsafe feed URLs', () => {
  it('imports only http(s) URLs and local paths, giving a reason for each refusal', () => {
    const { feeds, rejected } = parseOpml(fixture('refused-schemes.opml'));
    expect(feeds).toEqual([
      { url: 'https://example.com/good.xml', title: 'Good' },
      { url: 'file:///home/user/feed.xml', title: 'local file' },
      { url: 'C:\\feeds\\local.xml', title: 'windows path' },
      { url: 'https://example.com/title.xml', title: 'Title gnp.exe', tags: ['Tag'] },
    ]);
    expect(said(rejected)).toEqual([
      { url: 'exec:~/bin/make-feed.sh; rm -rf ~', reason: 'unsupported scheme exec:' },
      { url: 'filter:~/bin/evil.sh:https://example.com/feed.xml', reason: 'unsupported scheme filter:' },
      { url: 'javascript:alert(document.cookie)', reason: 'unsupported scheme javascript:' },
      { url: 'data:application/rss+xml;base64,PHJzcy8+', reason: 'unsupported scheme data:' },
      { url: 'EXEC:whoami', reason: 'unsupported scheme exec:' },
      { url: 'https://example.com/feed.xml', reason: 'the URL contains control characters' },
      { url: 'https://example.com/a b.xml', reason: 'the URL contains control characters' },
      { url: 'file://fileserver/share/feed.xml', reason: 'file: URLs must point to a local file' },
      { url: 'https:///nohost', reason: 'the URL has no host' },
      { url: '', reason: 'the outline has an empty xmlUrl' },
    ]);
    for (const r of rejected) expect(r.url).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('refuses a URL carrying an ESC written directly into the attribute', () => {
    const text = '<opml version="2.0"><body><outline text="x" xmlUrl="https://a.example/\u001b[31mfeed"/></body></opml>';
    const r = parseOpml(text);
    expect(r.feeds).toEqual([]);
    expect(said(r.rejected)).toEqual([{ url: 'https://a.example/feed', reason: 'the URL contains control characters' }]);
  });

  it('judges single URLs the same way', () => {
    expect(refuseFeedUrl('https://a.example/feed')).toBeNull();
    expect(refuseFeedUrl('./feeds/a.xml')).toBeNull();
    expect(why(refuseFeedUrl('ftp://a.example/feed'))).toBe('unsupported scheme ftp:');
    expect(why(refuseFeedUrl(`https://a.example/${'a'.repeat(3000)}`))).toBe('the URL is longer than 2048 characters');
  });
});

describe('parseOpml and DTD tricks', () => {
  it('expands no declared entities (billion laughs, external entities)', () => {
    const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY lol0 "lol">${lols}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&lol9;&xxe;" xmlUrl="https://a.example/f"/></body></opml>`;
    expect(parseOpml(text)).toEqual({ feeds: [{ url: 'https://a.example/f', title: '&lol9;&xxe;' }], rejected: [] });
  });
});

describe('parseOpml on huge documents', () => {
  function generated(count: number): string {
    const rows: string[] = ['<?xml version="1.0"?>', '<opml version="2.0"><head><title>big</title></head><body>'];
    for (let i = 0; i < count; i++) {
      if (i % 100 === 0) rows.push(`<outline text="Folder ${i / 100}">`);
      rows.push(`<outline type="rss" text="Feed ${i}" xmlUrl="https://feeds.example/${i}.xml" language="en"/>`);
      if (i % 100 === 99) rows.push('</outline>');
    }
    rows.push('</body></opml>');
    return rows.join('\n');
  }

  it('imports at most the cap from 20,000 outlines and reports the rest in one entry', () => {
    const { feeds, rejected } = parseOpml(generated(20_000));
    expect(feeds).toHaveLength(MAX_OPML_FEEDS);
    expect(feeds[0]).toEqual({ url: 'https://feeds.example/0.xml', title: 'Feed 0', lang: 'en', tags: ['Folder 0'] });
    expect(feeds[MAX_OPML_FEEDS - 1]).toEqual({
      url: 'https://feeds.example/9999.xml',
      title: 'Feed 9999',
      lang: 'en',
      tags: ['Folder 99'],
    });
    expect(said(rejected)).toEqual([
      {
        url: 'https://feeds.example/10000.xml',
        reason: 'this and 9999 more feeds were not imported: one import takes at most 10000 feeds',
      },
    ]);
  });

  const nested = (depth: number): string =>
    `<opml version="2.0"><body>${'<outline text="d">'.repeat(depth)}<outline text="leaf" xmlUrl="https://a.example/deep"/>${'</outline>'.repeat(depth)}</body></opml>`;

  it('reads folders nested hundreds deep', () => {
    expect(parseOpml(nested(500)).feeds).toEqual([{ url: 'https://a.example/deep', title: 'leaf', tags: ['d'] }]);
  });

  it('refuses nesting beyond the bound with a clear sentence', () => {
    expect(() => parseOpml(nested(100_000))).toThrow(
      `This OPML file nests outlines more than ${MAX_OPML_DEPTH} levels deep, so it was not imported; flatten its folders and try again.`,
    );
  });

  it('lists at most a bounded number of refusals and sums up the rest', () => {
    const text = `<opml version="2.0"><body>${'<outline text="bad" xmlUrl="exec:x"/>'.repeat(1500)}</body></opml>`;
    const { feeds, rejected } = parseOpml(text);
    expect(feeds).toEqual([]);
    expect(rejected).toHaveLength(1001);
    expect(said(rejected)[0]).toEqual({ url: 'exec:x', reason: 'unsupported scheme exec:' });
    expect(said(rejected)[1000]).toEqual({
      url: '',
      reason: '500 more outlines were refused for the reasons above or similar ones',
    });
  });
});
