import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FeedParseError,
  MAX_DEPTH,
  MAX_DOCUMENT_SIZE,
  MAX_FIELD_CHARS,
  MAX_ITEMS,
  parseFeed,
} from '../../../src/core/feeds/parse.js';
import { runs } from '../../helpers/property.js';

const TOO_DEEP = `The feed is nested too deeply (more than ${MAX_DEPTH} levels) to be read safely.`;

function rss(channelExtra: string, items: string, prolog = ''): string {
  return `${prolog}<rss version="2.0"><channel><title>Uji</title><link>https://uji.example.id/</link>${channelExtra}${items}</channel></rss>`;
}

describe('entity attacks', () => {
  it('billion laughs: internal entities are never expanded', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const doc = rss('', '<item><title>&lol9;</title><description>&lol9;&lol9;</description></item>', `<?xml version="1.0"?><!DOCTYPE rss [${levels.join('')}]>`);
    const feed = parseFeed(doc);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title).toBe('&lol9;');
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
  });

  it('quadratic blow-up: a large entity referenced many times stays one reference each', () => {
    const big = 'a'.repeat(50_000);
    const doc = rss('', `<item><title>Q</title><description>${'&big;'.repeat(20_000)}</description></item>`, `<!DOCTYPE rss [<!ENTITY big "${big}">]>`);
    const feed = parseFeed(doc);
    expect(feed.items[0]?.summary).toBe('&big;'.repeat(20_000));
  });

  describe('external entities and DTDs are never read or fetched', () => {
    let dir: string;
    let secretFile: string;
    let server: Server;
    let port = 0;
    let requests = 0;
    const SECRET = 'RAHASIA-cyberread-7f3a9c';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cyberread-xxe-'));
      secretFile = join(dir, 'secret.txt');
      writeFileSync(secretFile, SECRET);
      server = createServer((_req, res) => {
        requests++;
        res.end(`<!ENTITY leak "${SECRET}">`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    });

    const outcome = (doc: string): string => {
      try {
        return JSON.stringify(parseFeed(doc));
      } catch (error) {
        expect(error).toBeInstanceOf(FeedParseError);
        return (error as Error).message;
      }
    };

    it('an external entity pointing at a local file', async () => {
      const fileUrl = pathToFileURL(secretFile).href;
      for (const target of [fileUrl, secretFile]) {
        const doc = rss('', '<item><title>&xxe;</title><description>x &xxe; y</description></item>', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "${target}">]>`);
        const out = outcome(doc);
        expect(out).not.toContain(SECRET);
        expect(out).toContain('&xxe;');
      }
    });

    it('an external DTD and parameter entities over HTTP: no request reaches the server', async () => {
      const base = `http://127.0.0.1:${port}`;
      const docs = [
        rss('', '<item><title>&leak;</title></item>', `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "${base}/evil.dtd">`),
        rss('', '<item><title>&leak;</title></item>', `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//X//Y" "${base}/public.dtd">`),
        rss('', '<item><title>%ext;&leak;</title></item>', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM "${base}/param.dtd"> %ext;]>`),
        rss('', '<item><title>&remote;</title></item>', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY remote SYSTEM "${base}/entity">]>`),
        `<?xml version="1.0"?><!DOCTYPE feed SYSTEM "${base}/atom.dtd"><feed xmlns="http://www.w3.org/2005/Atom"><title>&leak;</title><id>1</id><entry><id>e</id><title>&leak;</title></entry></feed>`,
      ];
      for (const doc of docs) expect(outcome(doc)).not.toContain(SECRET);
      // parseFeed is synchronous; give any stray socket a turn of the event loop to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(requests).toBe(0);
    });
  });
});

describe('size and shape attacks', () => {
  it('100k-deep nesting outside text elements is refused with a clear message', () => {
    const doc = rss('', `<item><title>D</title><foo>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</foo></item>`);
    expect(() => parseFeed(doc)).toThrow(TOO_DEEP);
  });

  it('100k-deep nesting inside a description is refused too', () => {
    const doc = rss('', `<item><title>D</title><description>${'<div>'.repeat(100_000)}</description></item>`);
    expect(() => parseFeed(doc)).toThrow(TOO_DEEP);
  });

  it('100k-deep nesting in a JSON Feed is refused', () => {
    const doc = `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    expect(() => parseFeed(doc)).toThrow(TOO_DEEP);
  });

  it(`nesting up to ${MAX_DEPTH} levels is still read, and unclosed <p>/<br> in many items do not add up`, () => {
    const okDepth = MAX_DEPTH - 10;
    const deepButFine = rss('', `<item><title>D</title><foo>${'<a>'.repeat(okDepth)}x${'</a>'.repeat(okDepth)}</foo></item>`);
    // fast-xml-parser inside feedsmith stops at 100 levels; the fallback flattens what lies deeper.
    expect(parseFeed(deepButFine).items[0]?.title).toBe('D');
    const deepDescription = rss('', `<item><title>E</title><description>${'<b>'.repeat(okDepth)}isi${'</b>'.repeat(okDepth)}</description></item>`);
    expect(parseFeed(deepDescription).items[0]?.summary).toBe(`${'<b>'.repeat(okDepth)}isi${'</b>'.repeat(okDepth)}`);
    const sloppy = rss('', '<item><title>S</title><description><p>satu<br>dua<p>tiga</description></item>'.repeat(500));
    expect(parseFeed(sloppy).items).toHaveLength(500);
  });

  it(`1 million items: the first ${MAX_ITEMS} are kept and a warning says so`, () => {
    // Short items: a million realistic ones would pass MAX_DOCUMENT_SIZE and be refused outright.
    const doc = rss('', '<item><title>Berita</title><link>/b</link></item>'.repeat(1_000_000));
    const feed = parseFeed(doc, { url: 'https://uji.example.id/' });
    expect(feed.items).toHaveLength(MAX_ITEMS);
    expect(feed.items[MAX_ITEMS - 1]).toMatchObject({ title: 'Berita', link: 'https://uji.example.id/b' });
    expect(feed.warnings).toEqual([`kept the first ${MAX_ITEMS} of 1000000 items`]);
  });

  it('1 million Atom entries and 200k JSON Feed items are capped the same way', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>f</id>${'<entry><id>e</id><title>E</title></entry>'.repeat(1_000_000)}</feed>`;
    const a = parseFeed(atom);
    expect(a.items).toHaveLength(MAX_ITEMS);
    expect(a.warnings).toEqual([`kept the first ${MAX_ITEMS} of 1000000 items`]);
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: Array.from({ length: 200_000 }, (_, i) => ({ id: String(i), title: 'J' })),
    });
    const j = parseFeed(json);
    expect(j.items).toHaveLength(MAX_ITEMS);
    expect(j.items[MAX_ITEMS - 1]?.guid).toBe(String(MAX_ITEMS - 1));
    expect(j.warnings).toEqual([`kept the first ${MAX_ITEMS} of 200000 items`]);
  });

  it('a 50 MB text node finishes and is shortened', () => {
    const doc = rss('', `<item><title>Besar</title><description>${'x'.repeat(50 * 1024 * 1024)}</description></item>`);
    const feed = parseFeed(doc);
    expect(feed.items[0]?.title).toBe('Besar');
    expect(feed.items[0]?.summary?.length).toBe(MAX_FIELD_CHARS);
    expect(feed.warnings).toEqual([`shortened 1 text field(s) longer than ${MAX_FIELD_CHARS} characters`]);
  });

  it('a 10 MB title is shortened, the rest of the feed is usable', () => {
    const doc = rss('', `<item><title>${'Judul '.repeat(2_000_000)}</title><link>https://uji.example.id/1</link></item><item><title>Dua</title></item>`);
    const feed = parseFeed(doc);
    expect(feed.items[0]?.title?.length).toBe(MAX_FIELD_CHARS);
    expect(feed.items[0]?.link).toBe('https://uji.example.id/1');
    expect(feed.items[1]?.title).toBe('Dua');
  });

  it('a document over the size bound is refused before decoding', () => {
    expect(() => parseFeed(new Uint8Array(MAX_DOCUMENT_SIZE + 1).fill(0x20))).toThrow(
      `The feed is too large (more than ${MAX_DOCUMENT_SIZE / 1024 / 1024} MiB) to be read safely.`,
    );
  });
});

describe('nothing but FeedParseError ever escapes', () => {
  const seed = rss(
    '<language>id</language>',
    '<item><title>Satu &amp; dua</title><link>/a</link><pubDate>Sat, 16 Nov 2019 12:59:00 WIB</pubDate><category>X</category></item>',
  );

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          parseFeed(bytes, { url: 'https://uji.example.id/' });
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
        }
      }),
      runs(300),
    );
  });

  it('random cuts and insertions in a valid feed', () => {
    const junk = fc.constantFrom('<', '>', '&', '<![CDATA[', ']]>', '<!DOCTYPE x [', '<item>', '</channel>', '"', '\u0000', '&#27;', '<!--', 'xml:base="::"');
    fc.assert(
      fc.property(fc.nat(seed.length), fc.nat(seed.length), junk, (a, b, ins) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const doc = seed.slice(0, from) + ins + seed.slice(to);
        try {
          const feed = parseFeed(doc, { url: 'https://uji.example.id/' });
          expect(Array.isArray(feed.items)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
        }
      }),
      runs(500),
    );
  });
});
