/**
 * The characters that make a URL unsafe are defined once, in src/core/sanitize.ts, in two variants:
 * UNSAFE_IN_URL for URLs kept as written, and UNSAFE_IN_PARSED_URL (the same without tab, LF and CR) for feed
 * URLs kept only as new URL(…).href. These tests pin both sets and check that every character of them is refused
 * by each place that uses them: feeds add and OPML/settings (refuseFeedUrl), opening a link, HTML link cleaning,
 * the feed parser's link resolution and normalise.
 */
import { describe, expect, it } from 'vitest';
import { normaliseFeedUrl } from '../../src/cli/commands/shared.js';
import { CliError, type Context } from '../../src/cli/context.js';
import { normalise } from '../../src/core/feeds/normalise.js';
import { resolveUrl } from '../../src/core/feeds/xml-tools.js';
import { cleanHtml, cleanHtmlParts } from '../../src/core/html.js';
import { cliMessages } from '../../src/core/i18n/cli.js';
import { messages } from '../../src/core/i18n/index.js';
import { checkOpenableUrl } from '../../src/core/open.js';
import { refuseFeedUrl } from '../../src/core/opml.js';
import { sanitizeText, UNSAFE_IN_PARSED_URL, UNSAFE_IN_URL } from '../../src/core/sanitize.js';
import type { ParsedFeed } from '../../src/core/types.js';

const ALL_UNITS = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i));
const BREAKS = ['\t', '\n', '\r'];
const hex = (c: string): string => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Worked out from sanitizeText's behaviour, not from the regex: what it removes or changes, plus tab and LF. */
const STRICT = ALL_UNITS.filter((c) => c === '\t' || c === '\n' || sanitizeText(`a${c}b`) !== `a${c}b`);
const PARSED = STRICT.filter((c) => !BREAKS.includes(c));
// Characters outside both sets that look close to them: ZWNJ/ZWJ (kept by sanitizeText), NBSP, a letter, U+2028.
const ALLOWED = ['\u200c', '\u200d', '\u00a0', 'é', '\u2028', '\u2065'];

describe('the unsafe-in-URL sets', () => {
  it('UNSAFE_IN_URL is every character sanitizeText removes, plus tab and newline', () => {
    expect(ALL_UNITS.filter((c) => UNSAFE_IN_URL.test(c)).map(hex)).toEqual(STRICT.map(hex));
    // C0, DEL, C1, and the bidi and invisible marks: the classes the modules used to spell out one by one.
    const classes = ['\u0000-\u001f', '\u007f-\u009f', '\u061c', '\u200b', '\u200e', '\u200f', '\u202a-\u202e', '\u2060-\u2064', '\u2066-\u2069', '\ufeff'];
    expect(STRICT.map(hex)).toEqual(ALL_UNITS.filter((c) => new RegExp(`[${classes.join('')}]`).test(c)).map(hex));
  });

  it('UNSAFE_IN_PARSED_URL is the same set without tab, LF and CR', () => {
    expect(ALL_UNITS.filter((c) => UNSAFE_IN_PARSED_URL.test(c)).map(hex)).toEqual(PARSED.map(hex));
    expect(PARSED.length).toBe(STRICT.length - 3);
  });

  it('are not global, so testing one string never changes the answer for the next', () => {
    expect(UNSAFE_IN_URL.global || UNSAFE_IN_URL.sticky || UNSAFE_IN_PARSED_URL.global || UNSAFE_IN_PARSED_URL.sticky).toBe(false);
  });
});

// The bad character always sits inside the URL: every user trims the ends first.
const url = (c: string): string => `https://a.example/x${c}y`;

describe('every character of UNSAFE_IN_URL is refused by', () => {
  it('feeds add, OPML import and the settings file (refuseFeedUrl)', () => {
    const ctx = { msg: cliMessages('en') } as unknown as Context; // normaliseFeedUrl reads only ctx.msg
    for (const c of STRICT) {
      expect(refuseFeedUrl(url(c)), hex(c)).toEqual({ key: 'errUrlControl', args: [] });
      expect(refuseFeedUrl(`feeds/x${c}y.xml`), hex(c)).toEqual({ key: 'errUrlControl', args: [] });
      expect(() => normaliseFeedUrl(url(c), ctx), hex(c)).toThrow(CliError);
      expect(() => normaliseFeedUrl(`feeds/x${c}y.xml`, ctx), hex(c)).toThrow(CliError);
    }
    for (const c of ALLOWED) expect(refuseFeedUrl(url(c)), hex(c)).toBeNull();
  });

  it('opening a link in the browser, which also refuses any whitespace', () => {
    const bad = messages('en').openBadChars;
    for (const c of STRICT) expect(checkOpenableUrl(url(c)), hex(c)).toEqual({ ok: false, message: bad });
    for (const c of [' ', '\u00a0', '\u2028', '\u3000']) expect(checkOpenableUrl(url(c)), hex(c)).toEqual({ ok: false, message: bad });
    for (const c of ['\u200c', '\u200d', 'é']) expect(checkOpenableUrl(url(c)), hex(c)).toEqual({ ok: true });
  });

  it('HTML link cleaning: href and src, absolute or resolved against the base, and the first image', () => {
    for (const c of STRICT) {
      expect(cleanHtml(`<a href="${url(c)}">t</a>`), hex(c)).toBe('<a>t</a>');
      expect(cleanHtml(`<a href="x${c}y">t</a>`, 'https://a.example/'), hex(c)).toBe('<a>t</a>');
      const parts = cleanHtmlParts(`<img src="${url(c)}.png" alt="a">`);
      expect(parts.html, hex(c)).toBe('<img alt="a">');
      expect(parts.image, hex(c)).toBeNull();
    }
    // (Kept; the serialiser may write the character as an entity, as it does U+00A0.)
    for (const c of ALLOWED) expect(cleanHtml(`<a href="${url(c)}">t</a>`), hex(c)).toMatch(/^<a href="https:\/\/a\.example\/x[^"]+y">t<\/a>$/);
  });
});

describe('every character of UNSAFE_IN_PARSED_URL is refused, and tab, LF and CR dropped, by', () => {
  it("the feed parser's link resolution, which leaves a refused link unresolved for normalise to refuse", () => {
    for (const c of PARSED) expect(resolveUrl(`x${c}y`, 'https://a.example/'), hex(c)).toBe(`x${c}y`);
    for (const c of BREAKS) expect(resolveUrl(`x${c}y`, 'https://a.example/'), hex(c)).toBe('https://a.example/xy');
  });

  it('normalise: article link, image and enclosures', () => {
    const feed = (c: string): ParsedFeed => ({
      format: 'rss',
      warnings: [],
      items: [
        {
          guid: 'g',
          title: 't',
          link: url(c),
          image: `${url(c)}.png`,
          enclosures: [{ url: `${url(c)}.mp3`, type: 'audio/mpeg' }],
          alternates: [{ href: `${url(c)}/en`, hreflang: 'en' }],
          published: null,
          updated: null,
          categories: [],
        },
      ],
    });
    const cfg = { url: 'https://a.example/rss' };
    for (const c of PARSED) {
      const [a] = normalise(feed(c), cfg).articles;
      expect([a?.url, a?.image, a?.enclosures, a?.alternates], hex(c)).toEqual([null, null, [], []]);
    }
    for (const c of BREAKS) {
      const [a] = normalise(feed(c), cfg).articles;
      expect([a?.url, a?.image, a?.enclosures.map((e) => e.url)], hex(c)).toEqual([
        'https://a.example/xy',
        'https://a.example/xy.png',
        ['https://a.example/xy.mp3'],
      ]);
    }
  });
});
