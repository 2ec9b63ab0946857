import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decode } from '../../../src/core/feeds/decode.js';
import { parseFeed } from '../../../src/core/feeds/parse.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/feeds/enc/${name}`, import.meta.url));
const C1 = /[\u0080-\u009f]/;
const SMART_TITLE = '\u201cPeretas\u201d mencuri \u2018kata sandi\u2019 \u2013 lagi';
const SMART_DESC = 'Caf\u00e9 \u2014 dua puluh \u20ac\u2026';

describe('charsetFromContentType', () => {
  it.each([
    ['application/rss+xml; charset=windows-1252', 'windows-1252'],
    ['text/xml;charset="ISO-8859-1"', 'iso-8859-1'],
    ["text/xml; charset='utf-8'", 'utf-8'],
    ['text/xml; Charset = UTF-8 ; foo=bar', 'utf-8'],
    ['application/xml', null],
    ['text/html; charset=', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (ct, expected) => {
    expect(charsetFromContentType(ct)).toBe(expected);
  });
});

describe('decode', () => {
  it('reads windows-1252 named by the HTTP charset: smart quotes and dashes, no C1 controls', () => {
    const text = decode(fixture('win1252-http.xml'), 'application/rss+xml; charset=windows-1252');
    expect(text).toContain(`<title>${SMART_TITLE}</title>`);
    expect(text).toContain(`<description>${SMART_DESC}</description>`);
    expect(C1.test(text)).toBe(false);
  });

  it('reads windows-1252 named by the XML prolog', () => {
    const text = decode(fixture('win1252-prolog.xml'), 'text/xml');
    expect(text).toContain(`<title>${SMART_TITLE}</title>`);
    expect(C1.test(text)).toBe(false);
  });

  it('treats an ISO-8859-1 label as windows-1252, as browsers do', () => {
    const viaProlog = decode(fixture('iso-8859-1-label.xml'));
    expect(viaProlog).toContain(`<title>${SMART_TITLE}</title>`);
    expect(C1.test(viaProlog)).toBe(false);
    for (const label of ['latin1', 'us-ascii', 'ISO-8859-1']) {
      const viaHttp = decode(fixture('win1252-http.xml'), `text/xml; charset=${label}`);
      expect(viaHttp).toContain(`<description>${SMART_DESC}</description>`);
    }
  });

  it('reads UTF-16LE with a BOM, whatever the header says', () => {
    const text = decode(fixture('utf16le-bom.xml'), 'text/xml; charset=windows-1252');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-16"?>')).toBe(true);
    expect(text).toContain('<title>Berita \u201cpenting\u201d hari ini</title>');
  });

  it('reads UTF-16BE with a BOM and UTF-16 without one', () => {
    const body = '<rss version="2.0"><channel><title>Jakarta \u2013 Bandung</title></channel></rss>';
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()]);
    expect(decode(be)).toBe(body);
    expect(decode(Buffer.from(body, 'utf16le'))).toBe(body);
  });

  it('reads UTF-32 (both byte orders) with a BOM and without one, and a UTF-16 BOM is not taken for UTF-32LE', () => {
    const body = '<?xml version="1.0" encoding="utf-32"?><rss version="2.0"><channel><title>Jakarta \u2013 \u{1F4F0}</title></channel></rss>';
    const le = Buffer.alloc(body.length * 4);
    let n = 0;
    for (const ch of body) n = le.writeUInt32LE(ch.codePointAt(0) ?? 0, n);
    const le32 = le.subarray(0, n);
    const be32 = Buffer.from(le32).swap32();
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), le32]))).toBe(body);
    expect(decode(Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), be32]))).toBe(body);
    expect(decode(le32)).toBe(body);
    expect(decode(be32)).toBe(body);
    expect(parseFeed(be32).title).toBe('Jakarta \u2013 \u{1F4F0}');
    // FF FE followed by a UTF-16 character that is not U+0000 stays UTF-16LE.
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')]))).toBe('<a/>');
  });

  it('strips a UTF-8 BOM and lets it win over the HTTP charset', () => {
    const text = decode(fixture('utf8-bom.xml'), 'text/xml; charset=iso-8859-1');
    expect(text.charCodeAt(0)).toBe(0x3c);
    expect(text).toContain('<title>Berita \u201cpenting\u201d hari ini</title>');
  });

  it('lets a (wrong) HTTP charset win over the prolog, as RFC 7303 says', () => {
    const bytes = fixture('utf8-prolog-http-wrong.xml');
    expect(decode(bytes)).toContain('<title>Berita \u201cpenting\u201d</title>');
    // The server claims windows-1252 for UTF-8 bytes: the spec says believe the server, so we get mojibake
    // (iconv-lite maps the undefined byte 0x9D to U+FFFD, never to a C1 control).
    const wrong = decode(bytes, 'text/xml; charset=windows-1252');
    expect(wrong).toContain('<title>Berita \u00e2\u20ac\u0153penting\u00e2\u20ac\ufffd</title>');
    expect(C1.test(wrong)).toBe(false);
  });

  it('falls through an unknown label to the next source instead of throwing', () => {
    expect(decode(fixture('win1252-prolog.xml'), 'text/xml; charset=x-no-such-charset')).toContain(SMART_TITLE);
    const bogusProlog = Buffer.from('<?xml version="1.0" encoding="klingon-8"?><rss><channel><title>Selamat \u00e9</title></channel></rss>');
    expect(decode(bogusProlog)).toContain('<title>Selamat \u00e9</title>');
  });

  it('turns invalid UTF-8 into U+FFFD and never throws', () => {
    const bytes = Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]);
    expect(decode(bytes)).toBe('<a>\ufffd\ufffd(</a>');
    expect(decode(new Uint8Array(0))).toBe('');
  });

  it('decodes a windows-1252 feed end to end through parseFeed', () => {
    const feed = parseFeed(fixture('win1252-http.xml'), { contentType: 'application/rss+xml; charset=windows-1252' });
    expect(feed.items[0]?.title).toBe(SMART_TITLE);
    expect(feed.items[0]?.summary).toBe(SMART_DESC);
    const viaProlog = parseFeed(fixture('win1252-prolog.xml'));
    expect(viaProlog.items[0]?.title).toBe(SMART_TITLE);
    const utf16 = parseFeed(fixture('utf16le-bom.xml'));
    expect(utf16.items[0]?.title).toBe('Berita \u201cpenting\u201d hari ini');
    expect(utf16.items[0]?.summary).toBe('Isi \u2014 lengkap');
  });
});
