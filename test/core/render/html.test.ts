import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderToText } from '../../../src/core/render/html.js';
import type { RenderedLine, RenderOptions } from '../../../src/core/render/html.js';
import { displayWidth, isUrlWord } from '../../../src/core/render/text.js';
import { MAX_HTML_DEPTH } from '../../../src/core/html.js';
import { isClean } from '../../../src/core/sanitize.js';
import { ALL, findInjection } from '../../fixtures/hostile/payloads.js';
import { runs } from '../../helpers/property.js';

const ID: RenderOptions = { width: 40, imageLabel: 'Ilustrasi' };
const EN: RenderOptions = { width: 40, imageLabel: 'Image' };

function texts(html: string, options: RenderOptions = ID): string[] {
  return renderHtml(html, options).lines.map((l) => l.text);
}

function styled(html: string, options: RenderOptions = ID): string[] {
  return renderHtml(html, options).lines.map((l) => `${l.style}|${l.text}`);
}

/** A line wider than the width holds one link that is wider itself, and besides it only layout marks. */
function isLinkLine(text: string, width: number): boolean {
  const link = text.split(' ').find((w) => isUrlWord(w) && displayWidth(w) > width - 6);
  return link !== undefined && /^[\s│•\d.[\]]*$/.test(text.replace(link, ''));
}

function assertWellFormed(lines: RenderedLine[], width: number): void {
  for (const l of lines) {
    if (!isLinkLine(l.text, width)) expect(displayWidth(l.text), l.text).toBeLessThanOrEqual(width);
    expect(l.text).not.toMatch(/\s$/);
    expect(isClean(l.text)).toBe(true);
    expect(l.text).not.toContain('\n');
  }
}

describe('renderHtml: blocks', () => {
  it('separates paragraphs by one blank line and collapses whitespace as HTML does', () => {
    const html = `
      <p>  Paragraf   pertama
         berlanjut.</p>

      <p>Paragraf kedua.</p><div><div><p>Ketiga</p></div></div>`;
    expect(styled(html)).toEqual([
      'text|Paragraf pertama berlanjut.',
      'blank|',
      'text|Paragraf kedua.',
      'blank|',
      'text|Ketiga',
    ]);
  });

  it('renders headings as text with style heading', () => {
    expect(styled('<h1>Data Bocor</h1><p>Isi.</p><h3>Sub <em>judul</em></h3>')).toEqual([
      'heading|Data Bocor',
      'blank|',
      'text|Isi.',
      'blank|',
      'heading|Sub judul',
    ]);
  });

  it('renders ul inside ol with hanging indents', () => {
    const html = `<ol>
      <li>Perbarui peramban ke versi terbaru yang tersedia hari ini
        <ul><li>Chrome</li><li>Firefox dan turunannya di semua sistem operasi</li></ul>
      </li>
      <li>Aktifkan 2FA</li>
    </ol>`;
    expect(styled(html)).toEqual([
      'list|1. Perbarui peramban ke versi terbaru',
      'list|   yang tersedia hari ini',
      'list|   • Chrome',
      'list|   • Firefox dan turunannya di semua',
      'list|     sistem operasi',
      'list|2. Aktifkan 2FA',
    ]);
  });

  it('right-aligns ordered markers and honours start', () => {
    const items = Array.from({ length: 3 }, (_, i) => `<li>butir ${i + 9}</li>`).join('');
    expect(texts(`<ol start="9">${items}</ol>`)).toEqual([' 9. butir 9', '10. butir 10', '11. butir 11']);
  });

  it('separates a list from the paragraphs around it', () => {
    expect(texts('<p>Langkah:</p><ul><li>satu</li><li>dua</li></ul><p>Selesai.</p>')).toEqual([
      'Langkah:',
      '',
      '• satu',
      '• dua',
      '',
      'Selesai.',
    ]);
  });

  it('prefixes quote lines with a bar, also its blank lines', () => {
    const html = '<blockquote><p>Kami mengakui bahwa data pelanggan telah dibocorkan.</p><p>— Trend Micro</p></blockquote>';
    expect(styled(html)).toEqual([
      'quote|│ Kami mengakui bahwa data pelanggan',
      'quote|│ telah dibocorkan.',
      'quote|│',
      'quote|│ — Trend Micro',
    ]);
  });

  it('keeps pre blocks verbatim, tabs as four spaces, long lines truncated', () => {
    const html = '<pre><code>\nif (x) {\n\treturn "a very long string that does not fit";\n}\n\n</code></pre>';
    expect(styled(html)).toEqual([
      'code|if (x) {',
      'code|    return "a very long string that doe…',
      'code|}',
    ]);
  });

  it('keeps blank lines inside pre and inline code inline', () => {
    expect(styled('<pre>a\n\n  b</pre><p>Jalankan <code>npm   audit</code> sekarang.</p>')).toEqual([
      'code|a',
      'code|',
      'code|  b',
      'blank|',
      'text|Jalankan npm audit sekarang.',
    ]);
  });

  it('renders images on their own line with the label from the options', () => {
    const html = '<p>Sebelum <img src="a.jpg" alt="Logo Trend Micro"> sesudah</p><img src="b.jpg">';
    expect(styled(html)).toEqual([
      'text|Sebelum',
      'blank|',
      'image|[Ilustrasi: Logo Trend Micro]',
      'blank|',
      'text|sesudah',
      'blank|',
      'image|[Ilustrasi]',
    ]);
    expect(texts(html, EN)).toEqual(['Sebelum', '', '[Image: Logo Trend Micro]', '', 'sesudah', '', '[Image]']);
    expect(texts('<img alt="x">', { width: 40, imageLabel: 'image' })).toEqual(['[image: x]']);
    expect(texts('<p>Isi.</p><img src="https://feeds.example/~r/x" width="1" height="1" alt="">')).toEqual(['Isi.']);
  });

  it('does not say the label twice when the alt text starts with it', () => {
    expect(texts('<img src="a.jpg" alt="Ilustrasi kebocoran data pelanggan">')).toEqual(['[Ilustrasi kebocoran data pelanggan]']);
    expect(texts('<img src="a.jpg" alt="ilustrasi: peretas">')).toEqual(['[ilustrasi: peretas]']);
    expect(texts('<img src="a.jpg" alt="Illustration of a hacker">', EN)).toEqual(['[Image: Illustration of a hacker]']);
    expect(texts('<img src="a.jpg" alt="Image of a hacker">', EN)).toEqual(['[Image of a hacker]']);
    // a word that only starts like the label is no repetition
    expect(texts('<img src="a.jpg" alt="Ilustrasinya">')).toEqual(['[Ilustrasi: Ilustrasinya]']);
  });

  it('leaves out a closing paragraph of hashtags and returns its tags, keeping hashtags inside the text', () => {
    const doc = renderHtml('<p>Isi berita #penting di sini.</p><p>#databreach #PDP</p><p>#ecommerce</p>', ID);
    expect(doc.lines.map((l) => l.text)).toEqual(['Isi berita #penting di sini.']);
    expect(doc.hashtags).toEqual(['databreach', 'PDP', 'ecommerce']);
    // only at the end, only hashtags ("#1" is numbering, not a tag)
    expect(renderHtml('<p>#databreach #PDP</p><p>Isi.</p>', ID).hashtags).toEqual([]);
    expect(renderHtml('<p>Isi.</p><p>Nomor #1</p>', ID).hashtags).toEqual([]);
    expect(renderHtml('<p>Isi.</p><p>#1</p>', ID).hashtags).toEqual([]);
    expect(renderHtml('<p>Isi.</p><h2>#judul</h2>', ID).hashtags).toEqual([]);
  });

  it('puts a figure caption under its image', () => {
    expect(styled('<figure><img src="a.jpg" alt="Server"><figcaption>Foto: <b>Reuters</b></figcaption></figure>')).toEqual([
      'image|[Ilustrasi: Server]',
      'image|Foto: Reuters',
    ]);
  });

  it('draws hr as a rule of the full width', () => {
    expect(styled('<p>a</p><hr><p>b</p>', { width: 12, imageLabel: 'Image' })).toEqual([
      'text|a',
      'blank|',
      'rule|────────────',
      'blank|',
      'text|b',
    ]);
  });

  it('breaks lines at br and keeps an empty line for two of them', () => {
    expect(styled('<p>baris satu<br>baris dua<br><br>baris empat<br></p>')).toEqual([
      'text|baris satu',
      'text|baris dua',
      'blank|',
      'text|baris empat',
    ]);
  });

  it('flattens tables to rows with cells separated by a bar', () => {
    const html = `<table><caption>Insiden 2019</caption>
      <thead><tr><th>Bulan</th><th>Kasus</th></tr></thead>
      <tbody><tr><td>Okt</td><td><b>12</b></td></tr><tr><td>Nov</td><td>30</td></tr></tbody></table>`;
    expect(styled(html)).toEqual([
      'text|Insiden 2019',
      'text|Bulan │ Kasus',
      'text|Okt │ 12',
      'text|Nov │ 30',
    ]);
  });

  it('decodes entities', () => {
    expect(texts('<p>AT&amp;T &lt;b&gt; &eacute;t&eacute; &#8220;kutip&#8221; caf&#xE9;</p>')).toEqual([
      'AT&T <b> été “kutip” café',
    ]);
  });

  it('never renders script or style contents, and renders unknown tags as text', () => {
    expect(
      texts('<script>alert("x")</script><style>p{color:red}</style><p>Aman <custom-tag>sekali</custom-tag></p><noscript>x</noscript>'),
    ).toEqual(['Aman sekali', '', 'x']);
  });

  it('renders nothing for empty or whitespace-only input', () => {
    expect(renderHtml('', ID)).toEqual({ lines: [], links: [], hashtags: [] });
    expect(renderHtml('<p> &nbsp; </p><div>\n</div>', ID)).toEqual({ lines: [], links: [], hashtags: [] });
  });
});

describe('renderHtml: links', () => {
  const html =
    '<p>Laporan <a href="https://cyberthreat.id/read/1">pertama</a>, ' +
    '<a href="/read/2">kedua</a> dan lagi <a href="https://cyberthreat.id/read/1">pertama</a>.</p>' +
    '<p><a href="javascript:alert(1)">skrip</a> <a href="mailto:redaksi@cyberthreat.id">surel</a> ' +
    '<a href="#atas">atas</a> <a href="ftp://x.id/f">ftp</a></p>';

  it('numbers distinct hrefs in order, reuses numbers and lists footnotes at the end', () => {
    const doc = renderHtml(html, { ...ID, baseUrl: 'https://cyberthreat.id/read/9/x' });
    expect(doc.links).toEqual([
      'https://cyberthreat.id/read/1',
      'https://cyberthreat.id/read/2',
      'mailto:redaksi@cyberthreat.id',
    ]);
    expect(doc.lines.map((l) => `${l.style}|${l.text}`)).toEqual([
      'text|Laporan pertama [1], kedua [2] dan lagi',
      'text|pertama [1].',
      'blank|',
      'text|skrip surel [3] atas ftp',
      'blank|',
      'footnote|[1] https://cyberthreat.id/read/1',
      'footnote|[2] https://cyberthreat.id/read/2',
      'footnote|[3] mailto:redaksi@cyberthreat.id',
    ]);
  });

  it('skips relative links without a base and the footnote list when asked', () => {
    const doc = renderHtml(html, { ...ID, footnotes: false });
    expect(doc.links).toEqual(['https://cyberthreat.id/read/1', 'mailto:redaksi@cyberthreat.id']);
    expect(doc.lines.map((l) => l.text)).toEqual([
      'Laporan pertama [1], kedua dan lagi',
      'pertama [1].',
      '',
      'skrip surel [2] atas ftp',
    ]);
  });

  it('keeps the mark with the link text when wrapping and puts it before a following space', () => {
    expect(texts('<p>Baca selengkapnya di <a href="https://e.id/a">situs resmi </a>perusahaan itu.</p>', { width: 30, imageLabel: 'Image', footnotes: false })).toEqual([
      'Baca selengkapnya di situs',
      'resmi [1] perusahaan itu.',
    ]);
  });

  it('numbers an image-only link on the image line; a footnote link too long for the line goes whole on its own', () => {
    const url = 'https://cyberthreat.id/uploads/2019/11/trend-micro-besar.jpg';
    expect(texts(`<a href="${url}"><img alt="Kantor"></a><a href="https://e.id/kosong"></a><a href="https://e.id/b">b</a>`)).toEqual([
      '[Ilustrasi: Kantor] [1]',
      '',
      'b [2]',
      '',
      '[1]',
      url,
      '[2] https://e.id/b',
    ]);
  });

  it('never breaks a link written in the text, and wraps nothing when the width is Infinity (a pipe)', () => {
    const url = 'https://cyberthreat.id/read/18227/Data-Rekam-Medis-Pasien-Terbuka';
    const html = `<p>Laporan lengkap ada di ${url} dan di situs resmi.</p><blockquote>Lihat ${url}</blockquote><hr>`;
    expect(texts(html, { ...ID, width: 30 })).toEqual([
      'Laporan lengkap ada di',
      url,
      'dan di situs resmi.',
      '',
      '│ Lihat',
      `│ ${url}`,
      '',
      '─'.repeat(30),
    ]);
    expect(texts(html, { ...ID, width: Infinity })).toEqual([
      `Laporan lengkap ada di ${url} dan di situs resmi.`,
      '',
      `│ Lihat ${url}`,
      '',
      '─'.repeat(40),
    ]);
  });
});

describe('renderHtml: wrapping', () => {
  it('wraps Indonesian text at 40 cells', () => {
    const html =
      '<p>Cyberthreat.id - Perusahaan keamanan siber, Trend Micro, mengakui bahwa seorang karyawannya telah ' +
      'menjual data pribadi sekitar 68.000 pelanggan kepada pihak ketiga yang tidak dikenal.</p>';
    expect(texts(html)).toEqual([
      'Cyberthreat.id - Perusahaan keamanan',
      'siber, Trend Micro, mengakui bahwa',
      'seorang karyawannya telah menjual data',
      'pribadi sekitar 68.000 pelanggan kepada',
      'pihak ketiga yang tidak dikenal.',
    ]);
  });

  it('wraps CJK and emoji without exceeding the width', () => {
    const html =
      '<p>报告称数据泄露事件影响了六万八千名客户，公司已通知警方。👩‍💻👩‍💻 Trend Micro 数据泄露 🔐🔐🔐</p>' +
      '<ul><li>数据泄露数据泄露数据泄露数据泄露数据泄露</li></ul><blockquote>数据泄露数据泄露数据泄露数据泄露</blockquote>';
    const doc = renderHtml(html, { width: 15, imageLabel: 'Image' });
    assertWellFormed(doc.lines, 15);
    expect(doc.lines.map((l) => l.text)).toEqual([
      '报告称数据泄露',
      '事件影响了六万',
      '八千名客户，公',
      '司已通知警方。',
      '👩‍💻👩‍💻 Trend',
      'Micro 数据泄露',
      '🔐🔐🔐',
      '',
      '• 数据泄露数据',
      '  泄露数据泄露',
      '  数据泄露数据',
      '  泄露',
      '',
      '│ 数据泄露数据',
      '│ 泄露数据泄露',
      '│ 数据泄露',
    ]);
  });

  it('treats a width under 10 as 10', () => {
    expect(texts('<hr><p>satu dua tiga empat</p>', { width: 3, imageLabel: 'Image' })).toEqual([
      '──────────',
      '',
      'satu dua',
      'tiga empat',
    ]);
  });

  it('keeps deep nesting inside the width by dropping indentation that no longer fits', () => {
    const nested = '<ul><li>a'.repeat(12) + ' kata kata kata' + '</li></ul>'.repeat(12);
    const quotes = '<blockquote>'.repeat(8) + 'kutipan bertingkat yang dalam' + '</blockquote>'.repeat(8);
    for (const html of [nested, quotes]) assertWellFormed(renderHtml(html, { width: 12, imageLabel: 'Image' }).lines, 12);
  });

  it('survives absurdly deep markup', () => {
    const html = '<div>'.repeat(100_000) + 'dalam sekali' + '</div>'.repeat(100_000);
    expect(texts(html)).toEqual(['dalam sekali']);
    const spans = '<span><b>'.repeat(20_000) + 'x';
    expect(texts(spans)).toEqual(['x']);
  });

  it('lays out block nesting as deep as the parse allows, and flattens what is deeper', () => {
    // Every level here is a block the layout recurses into (quote, list, item); the parse keeps MAX_HTML_DEPTH.
    const html = '<blockquote><ul><li>'.repeat(30_000) + 'paling dalam' + '</li></ul></blockquote>'.repeat(30_000);
    const doc = renderHtml(html, ID);
    assertWellFormed(doc.lines, 40);
    expect(doc.lines.flatMap((l) => l.text.match(/\p{L}+/gu) ?? [])).toEqual(['paling', 'dalam']);
    const shallow = '<blockquote>'.repeat(3) + '<p>a</p><p>b</p>' + '</blockquote>'.repeat(3);
    const deep = '<div>'.repeat(MAX_HTML_DEPTH + 10) + shallow;
    // Past the limit the elements go and their text stays, run together as inline text.
    expect(texts(shallow)).toEqual(['│ │ │ a', '│ │ │', '│ │ │ b']);
    expect(texts(deep)).toEqual(['ab']);
  });
});

describe('renderHtml: hostile text', () => {
  it('strips ESC, OSC, C1 and bidi controls from text, alt and hrefs', () => {
    const html =
      '<p>Data\u001b[31m merah\u001b[0m \u001b]8;;https://jahat.example\u0007tautan\u001b]8;;\u0007 ' +
      '\u001b]52;c;ZXZpbA==\u0007salin \u009b2Jlayar \u202eterbalik\u202c \u0085akhir&#27;[1m</p>' +
      '<p><a href="https://e.id/a\u001b]52;c;eA==\u0007b\u202e">tautan\u0007</a></p>' +
      '<img alt="gam\u001b[2Jbar\u202e">' +
      '<ul><li>butir\u009d0;judul\u009c</li></ul><pre>kode\u001b[1m tebal\u0007</pre>';
    const doc = renderHtml(html, ID);
    assertWellFormed(doc.lines, 40);
    expect(doc.lines.map((l) => l.text)).toEqual([
      'Data merah tautan salin layar terbalik',
      // &#27; decodes to a real ESC, so "[1m" goes with it.
      'akhir',
      '',
      'tautan [1]',
      '',
      '[Ilustrasi: gambar]',
      '',
      '• butir',
      '',
      'kode tebal',
      '',
      '[1] https://e.id/ab',
    ]);
    expect(doc.links).toEqual(['https://e.id/ab']);
  });

  it('lets no payload through on any way feed text enters a line', () => {
    // One case per place the walker takes text from: text nodes in each kind of block, pre (with CR), alt,
    // title, figcaption, table cells and caption, link text and hrefs (footnotes), entity-encoded controls,
    // and text flattened out of markup nested past MAX_HTML_DEPTH.
    const refs = '&#27;]0;osc0-marker&#7; &#x1b;[2J &#x9b;31m &#8238; &#x200b; &#xfeff;';
    const cases = [
      `<p>teks ${ALL} ${refs} akhir</p>`,
      `<h2>judul ${ALL}</h2><blockquote>kutip ${ALL}</blockquote><dl><dt>${ALL}</dt><dd>isi ${ALL}</dd></dl>`,
      `<ol start="${ALL}"><li>butir ${ALL}</li></ol><ul><li>${ALL}<ul><li>${refs}</li></ul></li></ul>`,
      `<pre>kode ${ALL}\r\nbaris\rlagi\t${refs}</pre>`,
      `<img alt="alt ${ALL}"><img title="judul ${ALL}"><figure><img alt="x"><figcaption>${ALL} ${refs}</figcaption></figure>`,
      `<table><caption>${ALL}</caption><tr><th>${ALL}</th><td>${refs}<br>sel</td></tr></table>`,
      `<a href="https://e.example/${ALL}">tautan ${ALL}</a> <a href="mailto:r@e.example?subject=${ALL}">surel</a>`,
      '<a href="https://e.example/%1b%5b2J%c2%9b">enc</a> <a href="https://%e2%80%ae.example/">host</a> <a href="mailto:%E2%80%AE@e.example">m</a>',
      `${'<div><b>'.repeat(MAX_HTML_DEPTH)}dalam ${ALL} <i>${refs}</i><pre>${ALL}</pre>`,
    ];
    for (const html of cases) {
      for (const width of [10, 17, 40, 80]) {
        for (const options of [{ width, imageLabel: 'Image', baseUrl: 'https://e.example/x' }, { width, imageLabel: 'Image', footnotes: false }]) {
          const doc = renderHtml(html, options);
          expect(doc.lines.length).toBeGreaterThan(0);
          for (const line of [...doc.lines.map((l) => l.text), ...doc.links]) expect(findInjection(line), `${html} @${width}`).toBeNull();
          assertWellFormed(doc.lines, width);
        }
      }
    }
    // The visible words around the payloads are still there.
    // (&#x9b; is not a control: HTML maps numeric references 128–159 to windows-1252, so it reads "›".)
    expect(renderToText(cases[0] as string, { ...EN, width: 80 })).toBe('teks klik gnp.exex nollebarkata ›31m akhir');
  });

  it('cleans a bidi override out of a link host before numbering it', () => {
    const doc = renderHtml('<a href="https://\u202eexample.com">x</a>', ID);
    expect(doc.links).toEqual(['https://example.com/']);
    for (const l of doc.links) expect(isClean(l)).toBe(true);
  });
});

describe('renderHtml: any mix of markup', () => {
  it('keeps every line within the width, clean and without trailing spaces', () => {
    const piece = fc.constantFrom(
      '<p>', '</p>', '<ul><li>', '</li></ul>', '<ol><li>', '<li>', '<blockquote>', '</blockquote>', '<pre>', '</pre>',
      '<h2>', '</h2>', '<br>', '<hr>', '<img alt="foto 数据">', '<a href="https://e.id/x">', '</a>', '<table><tr><td>',
      '</td><td>', '</td></tr></table>', ' ', '\t', '\n', 'kata', 'panjangsekalitanpaspasi', '数据泄露', '👩‍💻',
      'e\u0301', '\u001b[31m', '\u001b]8;;https://x\u0007', '\u009b', '\u202e', '&nbsp;', '&amp;', '&#27;',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 50 }), (parts, width) => {
        const doc = renderHtml(parts.join(''), { width, imageLabel: 'Ilustrasi' });
        assertWellFormed(doc.lines, Math.max(10, width));
      }),
      runs(100),
    );
  });
});

describe('renderToText', () => {
  it('joins the lines with newlines', () => {
    expect(renderToText('<h2>Judul</h2><p>Isi <a href="https://e.id/">tautan</a></p>', EN)).toBe(
      'Judul\n\nIsi tautan [1]\n\n[1] https://e.id/',
    );
  });
});
