/**
 * Property test of the whole feed path a refresh runs: bytes → decode → parseFeed → normalise. Inputs are
 * random bytes and random mutations of the two bundled cyberthreat.id sample feeds (and a small JSON Feed):
 * cuts, splices of the other sample, duplicated ranges, flipped bytes and injected terminal sequences in
 * every spelling (raw, UTF-8 C1, numeric references, JSON escapes). Two properties must hold:
 *   - the only exception is FeedParseError;
 *   - no string anywhere in the result holds a character that sanitizeText removes.
 * The seed is fixed so that a failure is reproducible; fast-check prints it with the counterexample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/core/feeds/decode.js';
import { normalise } from '../../src/core/feeds/normalise.js';
import { FeedParseError, parseFeed } from '../../src/core/feeds/parse.js';
import type { FeedConfig } from '../../src/core/types.js';
import { FORBIDDEN } from '../fixtures/hostile/payloads.js';

// The exact set src/core/sanitize.ts removes (its CONTROLS class): C0 but tab and newline, DEL, C1, the
// Arabic letter mark, zero-width space, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and the
// invisible operators, BOM. Kept in step by hand: a change there must show up here.
const SEED = 0x5ec2;

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const SAMPLE_ID = new Uint8Array(readFileSync(join(process.cwd(), 'samples', 'cyberthreat-id.xml')));
const SAMPLE_EN = new Uint8Array(readFileSync(join(process.cwd(), 'samples', 'cyberthreat-en.xml')));
const JSON_FEED = utf8(
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Uji \\u001b]0;judul\\u0007',
    home_page_url: 'https://uji.example.id/',
    items: [
      {
        id: '1',
        url: 'https://uji.example.id/read/1',
        title: 'Satu \u001b[31mmerah',
        content_html: '<p>Isi <b>tebal</b> \u009b2J</p>',
        authors: [{ name: 'Penulis \u202egnalam' }],
        tags: ['databreach', 'x\u200by'],
        date_published: '2019-11-16T12:59:00+07:00',
      },
    ],
  }).replace(/\\\\u/g, '\\u'),
);

// Everything a hostile publisher might slip in, as the bytes would arrive.
const PAYLOADS: Uint8Array[] = [
  '\u001b[2J', '\u001b]0;title\u0007', '\u001b]8;;https://evil.example/\u001b\\', '\u001b]52;c;cm0gLXJm\u0007', '\u001bP+q\u001b\\',
  '&#27;', '&#x1b;', '&#x1B;[31m', '&#x9b;', '&#155;', '&#x9d;0;x&#7;', '&#x202e;', '&#8238;', '&#x2066;', '&#x200b;', '&#xfeff;',
  '&#x2060;', '&#x61c;', '&#0;', '&#xd;', '&amp;#27;', '\\u001b', '\\u009b', '\\u202e', '<![CDATA[\u001b]0;x\u0007]]>',
  '\u009b', '\u009d8;;x\u009c', '\u202e', '\u2067', '\u200b', '\u200e', '\ufeff', '\u0007', '\u0000', '\r', '\u007f',
  '<title>\u001b[5m</title>', '<category>\u202e#x</category>', ' href="javascript:alert(1)"',
].map(utf8);
// Bytes that are not valid UTF-8 on their own: a bare C1 byte, a lone continuation, an overlong ESC.
PAYLOADS.push(new Uint8Array([0x9b]), new Uint8Array([0x1b, 0x9d]), new Uint8Array([0xc0, 0x9b]), new Uint8Array([0xe2, 0x80]));

type Mutation =
  | { kind: 'cut'; a: number; b: number }
  | { kind: 'splice'; at: number; a: number; b: number }
  | { kind: 'dup'; at: number; a: number; b: number }
  | { kind: 'insert'; at: number; payload: number }
  | { kind: 'flip'; at: number; mask: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), a: frac, b: frac }),
  fc.record({ kind: fc.constant('splice' as const), at: frac, a: frac, b: frac }),
  fc.record({ kind: fc.constant('dup' as const), at: frac, a: frac, b: frac }),
  // Insertions are the interesting case: weigh them up.
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: frac, payload: fc.nat(PAYLOADS.length - 1) }), weight: 4 },
  fc.record({ kind: fc.constant('flip' as const), at: frac, mask: fc.integer({ min: 1, max: 255 }) }),
);

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** Positions are fractions of the current length so that one mutation list fits any document. */
function apply(doc: Uint8Array, other: Uint8Array, m: Mutation): Uint8Array {
  const pos = (f: number, len = doc.length): number => Math.floor(f * (len + 1));
  const range = (a: number, b: number, len: number): [number, number] => {
    const [x, y] = [pos(a, len), pos(b, len)];
    // Short ranges keep most mutants looking like a feed; a long cut still happens when a and b are far apart.
    return x <= y ? [x, Math.min(y, x + 4096)] : [y, Math.min(x, y + 4096)];
  };
  switch (m.kind) {
    case 'cut': {
      const [a, b] = range(m.a, m.b, doc.length);
      return concat(doc.subarray(0, a), doc.subarray(b));
    }
    case 'splice': {
      const [a, b] = range(m.a, m.b, other.length);
      const at = pos(m.at);
      return concat(doc.subarray(0, at), other.subarray(a, b), doc.subarray(at));
    }
    case 'dup': {
      const [a, b] = range(m.a, m.b, doc.length);
      const at = pos(m.at);
      return concat(doc.subarray(0, at), doc.subarray(a, b), doc.subarray(at));
    }
    case 'insert': {
      const at = pos(m.at);
      return concat(doc.subarray(0, at), PAYLOADS[m.payload] ?? new Uint8Array(), doc.subarray(at));
    }
    case 'flip': {
      const copy = doc.slice();
      const at = Math.min(pos(m.at), copy.length - 1);
      if (at >= 0) copy[at] = (copy[at] ?? 0) ^ m.mask;
      return copy;
    }
  }
}

/** Every string in a value, with the path that leads to it. */
function* strings(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

interface Outcome {
  parsed: boolean;
  articles: number;
}

/** Runs the refresh path and checks both properties; returns what happened so the suite can show coverage. */
function check(bytes: Uint8Array, contentType: string | null, viaBytes: boolean): Outcome {
  const cfg: FeedConfig = { url: 'https://uji.example.id/rss', lang: 'id' };
  let result;
  try {
    const text = decode(bytes, contentType);
    expect(typeof text).toBe('string');
    const feed = viaBytes ? parseFeed(bytes, { url: cfg.url, contentType }) : parseFeed(text, { url: cfg.url, contentType });
    result = normalise(feed, cfg);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    expect(error.message).not.toMatch(FORBIDDEN);
    return { parsed: false, articles: 0 };
  }
  for (const [path, s] of strings(result)) {
    const hit = FORBIDDEN.exec(s);
    if (hit) throw new Error(`${path} holds U+${hit[0].charCodeAt(0).toString(16).padStart(4, '0')}: ${JSON.stringify(s.slice(Math.max(0, hit.index - 20), hit.index + 20))}`);
  }
  return { parsed: true, articles: result.articles.length };
}

const contentType = fc.constantFrom(null, 'application/rss+xml', 'text/xml; charset=utf-8', 'text/xml; charset=iso-8859-1', 'application/feed+json', 'text/html; charset=utf-16le');

describe('decode → parseFeed → normalise on hostile bytes (property)', () => {
  it('the unmutated samples parse into articles with no forbidden character', () => {
    // Guards the property below: if the samples stopped parsing, every mutant would trivially pass.
    expect(check(SAMPLE_ID, null, true).articles).toBeGreaterThan(5);
    expect(check(SAMPLE_EN, null, false).articles).toBeGreaterThan(5);
    expect(check(JSON_FEED, 'application/feed+json', true)).toEqual({ parsed: true, articles: 1 });
  });

  it('random bytes only ever raise FeedParseError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), contentType, fc.boolean(), (bytes, ct, viaBytes) => {
        check(bytes, ct, viaBytes);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('mutated sample feeds only raise FeedParseError and never yield a control character', () => {
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        contentType,
        fc.boolean(),
        (which, mutations, ct, viaBytes) => {
          const [doc, other] = which === 0 ? [SAMPLE_ID, SAMPLE_EN] : which === 1 ? [SAMPLE_EN, SAMPLE_ID] : [JSON_FEED, SAMPLE_ID];
          const mutant = mutations.reduce((d, m) => apply(d, other, m), doc);
          outcomes.push(check(mutant, ct, viaBytes));
        },
      ),
      { numRuns: 300, seed: SEED },
    );
    // Most mutants must still be feeds with articles, or the property says little about normalise.
    expect(outcomes.filter((o) => o.articles > 0).length).toBeGreaterThan(outcomes.length / 3);
  });

  it('a payload dropped into every text field of a sample never survives', () => {
    const text = new TextDecoder().decode(SAMPLE_ID);
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(fc.nat(PAYLOADS.length - 1), fc.constantFrom('<title>', '<description>', '<category>', '<dc:creator>', '<link>', '<guid', '<![CDATA['), (p, tag) => {
        const payload = new TextDecoder().decode(PAYLOADS[p]);
        const doc = text.split(tag).join(tag + payload);
        // A raw C0 byte makes the XML ill-formed, so a FeedParseError is a fair answer too.
        outcomes.push(check(utf8(doc), null, true));
      }),
      { numRuns: 200, seed: SEED },
    );
    expect(outcomes.filter((o) => o.articles > 0).length).toBeGreaterThan(outcomes.length / 2);
  });

  it('a link hiding an invisible mark is dropped, not kept in the stored HTML (regression)', () => {
    // Found by this property: safeUrl in src/core/html.ts kept an absolute href/src holding U+200B, U+2060
    // or U+FEFF as it was, so the stored HTML carried characters sanitizeText removes from everything else.
    const doc = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><guid>g</guid>
<link>https://u.example/&#x200b;a</link><description><![CDATA[<p><a href="https:\u200b//evil.example/">x</a>
<a href="https://ok.example/\u2060y">y</a><img src="https://i.example/\ufeff.png"><a href="https://ok.example/z">z</a></p>]]></description>
<enclosure url="https://e.example/\u200fa.mp3" type="audio/mpeg"/></item></channel></rss>`;
    const cfg = { url: 'https://u.example/rss' };
    const [article] = normalise(parseFeed(doc, cfg), cfg).articles;
    expect(article?.contentHtml).toBe('<p><a>x</a>\n<a>y</a><img><a href="https://ok.example/z">z</a></p>');
    expect(article?.url).toBeNull();
    expect(article?.image).toBeNull();
    expect(article?.enclosures).toEqual([]);
  });
});
