// The plain-RSS scan (src/core/feeds/plain-rss.ts) must never change what a document parses to: on every
// document it accepts, parseFeed's answer is the one feedsmith's path gives. Run over every shipped fixture,
// the samples, the benchmark's feeds, the hostile feeds and generated RSS of many shapes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedVia } from '../../../src/core/feeds/parse.js';
import { readPlainRss } from '../../../src/core/feeds/plain-rss.js';
import { feedXml } from '../../../bench/gen.mjs';
import { hostileAtom, hostileRss } from '../../fixtures/hostile/payloads.js';
import { runs } from '../../helpers/property.js';

type Outcome = { feed: unknown; via: string } | { error: string };

function outcome(input: Uint8Array | string, url: string | undefined, allowPlain: boolean): Outcome {
  try {
    return parseFeedVia(input, url === undefined ? {} : { url }, allowPlain);
  } catch (error) {
    return { error: String(error) };
  }
}

/** Parses both ways; fails on any difference; tells whether the scan read the document. */
function agree(input: Uint8Array | string, url?: string): boolean {
  const fast = outcome(input, url, true);
  const slow = outcome(input, url, false);
  if ('error' in fast || 'error' in slow) {
    expect(fast).toEqual(slow);
    return false;
  }
  expect(slow.via).toBe('feedsmith');
  expect(fast.feed).toStrictEqual(slow.feed);
  return fast.via === 'plain';
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(xml|rss|rdf|atom|txt|html?|json|feed)$/i.test(name) || !name.includes('.')) yield path;
  }
}

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

describe('the plain-RSS scan agrees with feedsmith', () => {
  it('on every file of the corpus fixtures, the samples and the feed fixtures (with and without a document URL)', () => {
    let total = 0;
    let plain = 0;
    for (const dir of [here('../../fixtures/corpus/'), here('../../../samples/'), here('../../fixtures/feeds/')]) {
      for (const path of files(dir)) {
        const bytes = readFileSync(path);
        total++;
        if (agree(bytes)) plain++;
        agree(bytes, 'https://example.org/news/feed.xml');
      }
    }
    // 963 of 5014 when written; the share tells the scan is not bailing on everything.
    expect(total).toBeGreaterThan(4000);
    expect(plain).toBeGreaterThan(900);
  }, 120_000);

  it('reads the samples and every benchmark feed itself', () => {
    for (const name of ['cyberthreat-en.xml', 'cyberthreat-id.xml']) {
      // Their media:content is feedsmith's to read.
      agree(readFileSync(here(`../../../samples/${name}`)));
      const plainer = readFileSync(here(`../../../samples/${name}`), 'utf8').replace(/<media:content[^>]*\/>/g, '');
      expect(agree(plainer)).toBe(true);
    }
    for (let f = 0; f < 12; f++) {
      const { body } = feedXml(f, 50);
      expect(agree(body, `https://news${f}.example/feed.xml`)).toBe(true);
    }
  });

  it('on the hostile feeds', () => {
    for (const doc of [hostileRss('https://evil.example'), hostileAtom('https://evil.example')]) {
      agree(doc);
      agree(doc, 'https://evil.example/feed');
    }
  });

  it('leaves what it does not know to feedsmith', () => {
    const rss = (channel: string, item: string, root = ''): string =>
      `<?xml version="1.0"?><rss version="2.0"${root}><channel><title>T</title>${channel}<item><title>I</title>${item}</item></channel></rss>`;
    expect(readPlainRss(rss('', ''), 100)).not.toBeNull();
    for (const doc of [
      rss('', '<media:content url="x"/>', ' xmlns:media="http://search.yahoo.com/mrss/"'),
      rss('', '<author>a@b.c (A)</author>'),
      rss('<managingEditor>a@b.c</managingEditor>', ''),
      rss('', '<description>a <b>bold</b></description>'),
      rss('', '<description>a <!-- c --> b</description>'),
      rss('', '<title xml:lang="en">x</title>'),
      rss('', '', ' xmlns="http://backend.userland.com/rss2"'),
      rss('', '', ' xmlns:dc="http://purl.org/rss/1.0/modules/content/"'),
      rss('', '<content:encoded><![CDATA[<p xmlns:dc="http://example.org/">x</p>]]></content:encoded>'),
      `<!DOCTYPE rss><rss version="2.0"><channel><title>T</title></channel></rss>`,
      rss('', '<pubdate>Mon, 01 Jan 2024 00:00:00 GMT</pubdate>'),
      rss('', '<guid>g</GUID>'),
      rss('', '') + 'junk',
      rss('', '<title>x</title  >'),
    ]) {
      expect(readPlainRss(doc, 100), doc).toBeNull();
      agree(doc);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Generated RSS

const TEXTS = [
  '',
  ' ',
  'Plain words',
  '  padded  ',
  'a &amp; b',
  '&lt;b&gt;escaped&lt;/b&gt;',
  'AT&T',
  'AT&T; x',
  '&nbsp;&copy;&eacute; &bogus; &#38; &#x26; &#233;',
  '&copy 2024',
  '<![CDATA[cdata <b>kept</b> &amp; as is]]>',
  '<![CDATA[]]>',
  'before <![CDATA[ in ]]> after &amp;',
  '<![CDATA[with <!-- comment --> inside]]>',
  '<![CDATA[a]]]]><![CDATA[>b]]>',
  'line\r\nbreak\rend',
  'Ünïcödé — 中文 🙂',
  ']]> stray',
  'x > y',
  'tab\there',
];
const URLS = ['https://example.org/a', '/relative/b', 'relative', ' https://example.org/spaced ', 'javascript:alert(1)', '', 'mailto:x@y.z', 'https://example.org/?a=1&amp;b=2'];
const DATES = ['Sat, 16 Nov 2019 12:59:00 +0700', '2019-11-16T12:59:00Z', 'Sabtu, 16 November 2019 - 12:59 WIB', 'not a date', '', '16 Nov 2019'];
const quote = fc.constantFrom('"', "'");
const ws = fc.oneof({ weight: 400, arbitrary: fc.constantFrom('', '\n', ' ', '\n  ', '\r\n', '\t', '<!-- between -->') }, { weight: 1, arbitrary: fc.constant(' junk ') });

/** Text the scan leaves to feedsmith (markup or a comment in a text field), rarely, so most documents stay plain. */
const piece = fc.oneof({ weight: 600, arbitrary: fc.constantFrom(...TEXTS) }, { weight: 1, arbitrary: fc.constantFrom('<b>markup</b>', '<!-- comment --> text') });
const text = fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
const attr = (name: string, values: string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...values), quote, fc.constantFrom('', ' ')).map(([v, q, s]) => ` ${name}${s}=${s}${q}${v.replaceAll(q, '')}${q}`);
const element = (name: string, body: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(body, fc.boolean()).map(([b, selfClose]) => (b === '' && selfClose ? `<${name}/>` : `<${name}>${b}</${name}>`));

const itemChild = fc.oneof(
  { weight: 24, arbitrary: element('title', text) },
  { weight: 24, arbitrary: element('link', fc.constantFrom(...URLS)) },
  { weight: 24, arbitrary: element('description', text) },
  { weight: 16, arbitrary: element('pubDate', fc.constantFrom(...DATES)) },
  { weight: 8, arbitrary: element('dc:creator', text) },
  { weight: 4, arbitrary: element('dc:date', fc.constantFrom(...DATES)) },
  { weight: 4, arbitrary: element('dc:subject', text) },
  { weight: 4, arbitrary: element('dc:identifier', text) },
  { weight: 4, arbitrary: element('dc:language', fc.constantFrom('en', 'id_ID', ' ', 'en-US')) },
  { weight: 8, arbitrary: element('content:encoded', text) },
  { weight: 4, arbitrary: element('comments', fc.constantFrom(...URLS)) },
  { weight: 4, arbitrary: element('wfw:commentRss', fc.constantFrom(...URLS)) },
  { weight: 4, arbitrary: element('slash:comments', fc.constantFrom('3', 'x', '')) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.option(attr('isPermaLink', ['true', 'false', ' FALSE ', 'no', ''])), fc.constantFrom(...URLS, 'guid-1', 'tag:x,2019:1'))
      .map(([a, v]) => `<guid${a ?? ''}>${v}</guid>`),
  },
  {
    weight: 8,
    arbitrary: fc.tuple(fc.option(attr('domain', ['d', 'https://x.y/'])), text).map(([a, v]) => `<category${a ?? ''}>${v}</category>`),
  },
  {
    weight: 8,
    arbitrary: fc
      .shuffledSubarray(
        [attr('url', URLS), attr('length', ['12', ' 12 ', 'abc', '', '1e3', '-1', 'Infinity']), attr('type', ['audio/mpeg', 'IMAGE/JPEG', ' ', 'image/png'])],
        { minLength: 0 },
      )
      .chain((as) => (as.length === 0 ? fc.constant([] as string[]) : fc.tuple(...as)))
      .chain((as) => fc.constantFrom(`<enclosure${as.join('')}/>`, `<enclosure${as.join('')}></enclosure>`, `<enclosure${as.join('')} />`)),
  },
  { weight: 4, arbitrary: fc.constantFrom('<atom:link href="https://example.org/id" rel="alternate" hreflang="id"/>', "<atom:link rel='enclosure' href='/a.mp3' length='3' type='audio/mpeg'/>", '<atom:link href=""/>') },
  // What the scan leaves to feedsmith:
  { weight: 1, arbitrary: fc.constantFrom('<author>me@example.org (Me)</author>', '<media:thumbnail url="https://example.org/t.jpg"/>', '<source url="https://s.example/">S</source>', '<itunes:author>I</itunes:author>', '<atom:title>x</atom:title>', '<Title>x</Title>') },
);

const channelChild = fc.oneof(
  { weight: 12, arbitrary: element('title', text) },
  { weight: 12, arbitrary: element('link', fc.constantFrom(...URLS)) },
  { weight: 8, arbitrary: element('language', fc.constantFrom('en', 'id', 'en_US', ' ', '')) },
  { weight: 8, arbitrary: element('description', text) },
  { weight: 4, arbitrary: element('dc:creator', text) },
  { weight: 4, arbitrary: element('dc:language', fc.constantFrom('en', 'fr')) },
  { weight: 4, arbitrary: element('dc:title', text) },
  { weight: 4, arbitrary: element('sy:updatePeriod', fc.constant('hourly')) },
  { weight: 4, arbitrary: element('generator', text) },
  { weight: 4, arbitrary: element('lastBuildDate', fc.constantFrom(...DATES)) },
  {
    weight: 4,
    arbitrary: fc.constantFrom('<image><url>https://e.org/i.png</url><title>I</title><link>https://e.org/</link></image>', '<skipHours><hour>1</hour><hour>2</hour></skipHours>', '<image/>'),
  },
  {
    weight: 8,
    arbitrary: fc
      .shuffledSubarray([attr('href', URLS), attr('rel', ['self', 'alternate', 'SELF', 'hub', '']), attr('type', ['application/rss+xml', 'text/html']), attr('hreflang', ['en', 'id'])], {
        minLength: 0,
      })
      .chain((as) => (as.length === 0 ? fc.constant([] as string[]) : fc.tuple(...as)))
      .map((as) => `<atom:link${as.join('')}/>`),
  },
  { weight: 4, arbitrary: fc.constantFrom('<category>c</category>', '<webMaster>w@example.org</webMaster>', '<ttl>60</ttl>') },
  { weight: 1, arbitrary: fc.constantFrom('<managingEditor>ed@example.org (Ed)</managingEditor>', '<itunes:author>P</itunes:author>') },
);

const CLEAN_NAMESPACES = [
  ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
  " xmlns:content='http://purl.org/rss/1.0/modules/content/'",
  ' xmlns:atom="http://www.w3.org/2005/Atom"',
  ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
  ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
  ' xmlns:sy="https://purl.org/rss/1.0/modules/syndication"',
  ' xmlns:media="http://search.yahoo.com/mrss/"',
];
/** Declarations that rename elements for feedsmith (or repeat one): the scan must leave these documents alone. */
const ODD_NAMESPACES = [
  ' xmlns:dc="https://purl.org/dc/elements/1.1"',
  ' xmlns:x="http://purl.org/dc/elements/1.1/"',
  ' xmlns:content="http://www.w3.org/2005/Atom"',
  ' xmlns:dc="http://example.org/not-dc/"',
  ' xmlns="http://backend.userland.com/rss2"',
];
const namespaces = fc
  .tuple(fc.subarray(CLEAN_NAMESPACES), fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...ODD_NAMESPACES) }))
  .map(([ns, odd]) => ns.join('') + odd);

const items = fc.array(
  fc.tuple(fc.array(fc.tuple(itemChild, ws), { maxLength: 9 }), ws).map(([children, w]) => `<item>${w}${children.map(([c, s]) => c + s).join('')}</item>`),
  { maxLength: 5 },
);

const document = fc
  .tuple(
    fc.constantFrom('<?xml version="1.0" encoding="UTF-8"?>\n', '', '<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?>', '<!-- hi -->\n', '\n', '<?xml version="1.0"?>', '\n\n', '<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE rss>'),
    fc.constantFrom(' version="2.0"', " version='0.92'", ' version = "2.0" ', ''),
    namespaces,
    fc.array(fc.tuple(channelChild, ws), { maxLength: 6 }),
    items,
    fc.array(fc.tuple(channelChild, ws), { maxLength: 2 }),
    fc.constantFrom('', '\n', '<!-- end -->\n', '\n\n', '', '\n', '<?pi x?>', ' ', 'trailing'),
  )
  .map(
    ([prologue, version, ns, before, its, after, tail]) =>
      `${prologue}<rss${version}${ns}><channel>${before.map(([c, s]) => c + s).join('')}${its.join('\n')}${after.map(([c, s]) => c + s).join('')}</channel></rss>${tail}`,
  );

describe('the plain-RSS scan on generated RSS', () => {
  it('gives what feedsmith gives, on every document it accepts', () => {
    let plain = 0;
    let total = 0;
    fc.assert(
      fc.property(document, fc.constantFrom(undefined, 'https://example.org/dir/feed.xml'), (doc, url) => {
        total++;
        if (agree(doc, url)) plain++;
      }),
      runs(400),
    );
    // Enough of the generated shapes are plain for the property to test the scan, not only its bail-outs.
    expect(plain).toBeGreaterThan(total / 20);
  }, 60_000);
});
