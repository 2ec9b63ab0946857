/**
 * Hostile article pages through extractArticle (issue #9 item 7, the extraction side): terminal sequences in
 * every field, scripts, event handlers, javascript:/data:/file: links, 5,000-deep nesting, a huge attribute,
 * sub-resources pointing at a live server, and the size, element-count and time limits. Properties:
 *   - nothing runs and nothing is fetched (the server must see no request at all);
 *   - no string in the result holds a character sanitizeText removes, a payload marker or script text;
 *   - every URL in the result is absolute http(s);
 *   - past a limit, an ExtractError with its reason and nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/article/extract.js';
import { ExtractError } from '../../src/core/article/types.js';
import type { ExtractedArticle } from '../../src/core/article/types.js';
import { ALL, findInjection, PAYLOADS } from '../fixtures/hostile/payloads.js';
import { serve, type TestServer } from './server.js';
import { extractFailure } from '../helpers/caught.js';

const URL0 = 'https://cyberthreat.example/read/1/hostile';
const SCRIPT_MARKER = 'script-marker-must-not-appear';

/** Every string in the result (recursively), with its path. */
function strings(value: unknown, path = 'article', out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

function urls(a: ExtractedArticle): string[] {
  return [
    ...(a.image ? [a.image.url] : []),
    ...a.related.map((r) => r.url),
    ...a.alternates.map((r) => r.url),
    ...[...a.html.matchAll(/\s(?:href|src|cite|poster|longdesc)="([^"]*)"/g)].map((m) => m[1] ?? ''),
  ];
}

function expectSafe(a: ExtractedArticle): void {
  for (const [path, s] of strings(a)) {
    expect({ path, injection: findInjection(s) }).toEqual({ path, injection: null });
    expect({ path, script: s.includes(SCRIPT_MARKER) || /alert\(|document\.cookie/.test(s) }).toEqual({ path, script: false });
  }
  for (const u of urls(a)) expect(u).toMatch(/^https?:\/\/[^\s]+$/);
  expect(a.html).not.toMatch(/<(?:script|style|iframe|object|embed|svg|math|form|input|button|meta|link|base|template|noscript)\b/i);
  expect(a.html).not.toMatch(/\son[a-z]+\s*=|javascript:|vbscript:|data:text|srcset=|style=/i);
}

const para = (s: string): string => `<p>${s} Paragraf ini cukup panjang agar halaman terbaca sebagai artikel oleh pengekstrak, dengan kalimat-kalimat yang wajar tentang keamanan siber.</p>`;
const refs = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page the issue describes, plus every sub-resource pointed at `res` (a live server that counts requests). */
function hostilePage(res: string, deep = 5_000): string {
  const nest = `${'<div>'.repeat(deep)}dalam${'</div>'.repeat(deep)}`;
  return `<!DOCTYPE html><html lang="id"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${res}/refresh">
<base href="javascript:alert(1)//">
<title>Judul ${ALL} ${refs(ALL)}</title>
<meta property="og:title" content="OG ${refs(ALL)}">
<meta property="og:site_name" content="Situs ${refs(PAYLOADS.osc8)}">
<meta property="og:image" content="javascript:alert(document.cookie)">
<meta name="author" content="Penulis ${refs(ALL)}">
<meta name="keywords" content="tag${refs(PAYLOADS.csi)}satu, ${refs(PAYLOADS.bidi)}dua">
<link rel="stylesheet" href="${res}/style.css">
<link rel="preload" as="image" href="${res}/preload.png">
<link rel="alternate" hreflang="en" href="javascript:alert(1)">
<link rel="alternate" hreflang="en" href="${'https://en.example/'}${refs(PAYLOADS.zeroWidth)}">
<link rel="alternate" hreflang="ms" href="data:text/html,hai">
<script src="${res}/script.js"></script>
<script>document.title = "${SCRIPT_MARKER}"; fetch("${res}/fetch");</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD ${JSON.stringify(ALL).slice(1, -1)}","author":{"name":"LD \\u001b]0;osc0-marker\\u0007"},"datePublished":"2019-11-16T12:59:00+07:00","keywords":["a\\u202eb","${SCRIPT_MARKER}<script>"],"image":"file:///etc/passwd"}</script>
<style>@import url("${res}/import.css"); body { background: url("${res}/bg.png") } .x::after { content: "${SCRIPT_MARKER}" }</style>
</head><body onload="fetch('${res}/onload')">
<nav><a href="javascript:alert(1)">IND</a> | <a href="javascript:alert(2)">ENG</a></nav>
<article>
<h1>Judul ${ALL}</h1>
<div class="penulis">Oleh: ${ALL} Budi</div>
<div class="tanggal">Diposting : Sabtu, 16 November 2019 - 12:59 WIB ${PAYLOADS.csi}</div>
<img src="${res}/img.png" srcset="${res}/img-2x.png 2x" onerror="fetch('${res}/onerror')" alt="gambar ${ALL}">
<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">
<picture><source srcset="${res}/pic.webp"><img src="${res}/pic.png" alt=""></picture>
<video poster="${res}/poster.png" src="${res}/video.mp4"></video><audio src="${res}/audio.mp3"></audio>
<iframe src="${res}/iframe.html"></iframe><object data="${res}/object.swf"></object><embed src="${res}/embed.swf">
<svg><script>${SCRIPT_MARKER}</script><image href="${res}/svg-image.png"/></svg>
<div style="background-image: url('${res}/inline-bg.png')" data-huge="${'A'.repeat(2_000_000)}">${para(`Isi pertama ${ALL}`)}</div>
${para(`Kedua ${refs(ALL)} dengan <a href="javascript:alert(1)">tautan jahat</a>, <a href="vbscript:x">vb</a>, <a href="data:text/html,x">data</a>, <a href="file:///etc/passwd">berkas</a> dan <a href="https://baik.example/ok" onclick="alert(1)">tautan baik</a>`)}
${para(`Ketiga <span onmouseover="alert(1)">${PAYLOADS.c1csi}${PAYLOADS.c1osc}</span> <noscript>${SCRIPT_MARKER}</noscript> <template>${SCRIPT_MARKER}</template>`)}
${nest}
${para('Keempat setelah sarang yang sangat dalam.')}
<form action="${res}/form"><input value="${SCRIPT_MARKER}"><button formaction="javascript:alert(1)">Kirim</button></form>
<p><strong>BACA JUGA:</strong> <a href="javascript:alert('baca')">Jahat</a> <a href="/read/2/${refs(PAYLOADS.bidi)}">Bidi</a> <a href="/read/3/baik">Artikel ${ALL} baik</a></p>
<div class="tagar"><a href="/tag/1">#tagar${PAYLOADS.csi}satu</a> <a href="/tag/2">#${PAYLOADS.osc52}dua</a> <a href="javascript:x">#tiga</a></div>
</article>
<script>${SCRIPT_MARKER}</script>
</body></html>`;
}

describe('a hostile article page', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve({});
  });
  afterAll(async () => {
    await server.close();
  });

  it('is read without running anything or fetching any sub-resource, and leaves no control sequence, script text or unsafe URL', async () => {
    const page = hostilePage(server.base);
    const a = extractArticle(page, { url: URL0, contentType: 'text/html; charset=utf-8' });
    expectSafe(a);
    expect(a.text).toContain('Isi pertama');
    expect(a.text).toContain('Keempat setelah sarang');
    expect(a.text).toContain('dalam');
    expect(a.text).toContain('tautan baik');
    expect(a.html).toContain('href="https://baik.example/ok"');
    expect(a.published).toBe('2019-11-16T05:59:00.000Z');
    expect(a.alternates).toEqual([]);
    expect(a.related.map((r) => r.url)).toEqual(['https://cyberthreat.example/read/3/baik']);
    expect(a.tags).toContain('tagarsatu');
    // Give any stray request time to arrive before counting.
    await new Promise((r) => setTimeout(r, 200));
    expect(server.seen).toEqual([]);
  });

  it('is read the same from bytes, in another charset, with a BOM', () => {
    const page = hostilePage('http://127.0.0.1:9', 300);
    const fromString = extractArticle(page, { url: URL0 });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page, 'utf8')]);
    expect(extractArticle(bom, { url: URL0, contentType: 'text/html; charset=iso-8859-1' })).toEqual(fromString);
  });
});

describe('limits', () => {
  it('refuses more than 5 MiB, as bytes or as text, before parsing', () => {
    const big = `<html><body>${'<p>x</p>'.repeat(700_000)}</body></html>`;
    expect(extractFailure(() => extractArticle(big, { url: URL0 }))).toBe('too-large');
    expect(extractFailure(() => extractArticle(Buffer.from(big), { url: URL0 }))).toBe('too-large');
  });

  it('refuses a page with too many elements (flat or nested 100,000 deep) as too-complex', () => {
    expect(extractFailure(() => extractArticle(`<body>${'<b>'.repeat(300_000)}</body>`, { url: URL0 }))).toBe('too-complex');
    expect(extractFailure(() => extractArticle(`<body>${'<span>x</span>'.repeat(150_000)}</body>`, { url: URL0 }))).toBe('too-complex');
    expect(extractFailure(() => extractArticle(`<body>${'<div>'.repeat(120_000)}x</body>`, { url: URL0 }))).toBe('too-complex');
  });

  it('gives up with timeout when the time budget runs out inside Readability', () => {
    const page = `<html><body>${Array.from({ length: 4_000 }, (_, i) => `<div class="c${i}"><p>Kalimat nomor ${i} dengan beberapa kata, koma, dan titik.</p></div>`).join('')}</body></html>`;
    expect(extractFailure(() => extractArticle(page, { url: URL0, timeoutMs: 1 }))).toBe('timeout');
  });

  it('refuses non-HTML bodies', () => {
    expect(extractFailure(() => extractArticle(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), { url: URL0 }))).toBe('not-html');
    expect(extractFailure(() => extractArticle('<p>x</p>', { url: URL0, contentType: 'application/pdf' }))).toBe('not-html');
  });
});

describe('property: mutated corpus pages', () => {
  const own = join(process.cwd(), 'test', 'fixtures', 'articles', 'own');
  // UTF-8 pages, mutated as text and encoded back: a C1 payload arrives as the UTF-8 of a C1 character, as it
  // would from a real server (raw 0x9b bytes in UTF-8 are decoded to U+FFFD, which is not a control).
  const pages = ['trendmicro-id.html', 'botnet-en.html', 'phishing-id.html'].map((f) => readFileSync(join(own, f), 'utf8'));
  const payloads = [...Object.values(PAYLOADS), refs(ALL), '<script>script-marker-must-not-appear</script>', '<a href="javascript:alert(1)">#x</a>', '<div>'.repeat(400), '</div></p></article>', '<!--', '<![CDATA[', '\u0000', '&#0;', '<base href="data:,x">'];

  it('only ExtractError escapes, and nothing unsafe survives (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: pages.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: payloads.length - 1 }), fc.boolean()), { minLength: 1, maxLength: 8 }),
        (which, edits) => {
          let page = pages[which] ?? '';
          for (const [at, p, cut] of edits) {
            let i = at % (page.length + 1);
            // The script element goes between two tags: inside a tag name or an attribute it is text, in a
            // browser as here ("<h<script>x</script>3>" opens an element named "h<script").
            if ((payloads[p] ?? '').startsWith('<script')) i = Math.max(0, page.indexOf('<', i));
            page = cut ? page.slice(0, i) + page.slice(i + 200) : page.slice(0, i) + (payloads[p] ?? '') + page.slice(i);
          }
          let a: ExtractedArticle;
          try {
            a = extractArticle(Buffer.from(page, 'utf8'), { url: URL0 });
          } catch (err) {
            if (err instanceof ExtractError) return;
            throw err;
          }
          for (const [, s] of strings(a)) if (findInjection(s) !== null) throw new Error(`unsafe: ${s.slice(0, 120)}`);
          // A script element's text must not reach the body. (The marker landing inside an attribute value or a
          // <title> is text there, not a script, and may show up as such in a metadata field.)
          if (a.text.includes('script-marker') || /<script/i.test(a.html)) throw new Error(`script text: ${a.text.slice(0, 120)}`);
          for (const u of urls(a)) if (!/^https?:\/\/\S+$/.test(u)) throw new Error(`unsafe URL ${u}`);
        },
      ),
      { seed: 0x9a7e, numRuns: 120 },
    );
  });
});
