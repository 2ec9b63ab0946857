import { describe, expect, it } from 'vitest';
import { cleanHtml, cleanHtmlParts, htmlToLine, htmlToPlainText, MAX_HTML_DEPTH } from '../../src/core/html.js';

const ESC = '\u001b';
const BASE = 'https://cyberthreat.id/read/5678/data-pelanggan-bocor';

describe('cleanHtml', () => {
  it('removes script, style and other active elements with their content', () => {
    const html =
      '<p>Teks</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://x.example/"></iframe>' +
      '<object data="x.swf"></object><embed src="x.swf"><form action="/x"><input name="q"><button>Kirim</button></form>' +
      '<link rel="stylesheet" href="/s.css"><meta http-equiv="refresh" content="0"><base href="https://evil.example/">' +
      '<svg><script>alert(2)</script></svg><math><mi>x</mi></math><noscript>&lt;img src=x onerror=alert(3)&gt;</noscript>';
    expect(cleanHtml(html)).toBe('<p>Teks</p>');
  });

  it('removes on* and style attributes', () => {
    expect(cleanHtml('<img src="https://x.example/a.png" onerror="alert(1)" style="width:1px" alt="a">')).toBe(
      '<img src="https://x.example/a.png" alt="a">',
    );
    expect(cleanHtml('<p ONCLICK="x()" class="lead">x</p>')).toBe('<p class="lead">x</p>');
  });

  it('removes javascript:, vbscript: and data: links, including obfuscated ones', () => {
    expect(cleanHtml('<a href="javascript:alert(1)">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<a href=" JaVaScRiPt:alert(1)">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<a href="&#x09;java&#x0A;script:alert(1)">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<a href="vbscript:msgbox(1)">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<a href="data:image/png;base64,AAAA">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<img src="javascript:alert(1)">')).toBe('<img>');
    expect(cleanHtml('<a href="file:///etc/passwd">a</a>')).toBe('<a>a</a>');
  });

  it('keeps data:image on img src, and mailto links', () => {
    expect(cleanHtml('<img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel">',
    );
    expect(cleanHtml('<a href="mailto:redaksi@example.id">surel</a>')).toBe('<a href="mailto:redaksi@example.id">surel</a>');
  });

  it('drops URLs holding control characters', () => {
    expect(cleanHtml(`<a href="https://x.example/${ESC}]52;c;AAAA">a</a>`)).toBe('<a>a</a>');
    expect(cleanHtml('<a href="https://x.example/&#27;[2J">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<a href="https://x.example/\u202egnp.exe">a</a>')).toBe('<a>a</a>');
  });

  it('resolves relative href and src against the base URL', () => {
    expect(cleanHtml('<a href="/read/1234/lain">Baca juga</a><img src="gambar/ilustrasi.jpg">', BASE)).toBe(
      '<a href="https://cyberthreat.id/read/1234/lain">Baca juga</a>' +
        '<img src="https://cyberthreat.id/read/5678/gambar/ilustrasi.jpg">',
    );
    expect(cleanHtml('<a href="//cdn.example/x.png">x</a>', BASE)).toBe('<a href="https://cdn.example/x.png">x</a>');
    expect(cleanHtml('<a href="/read/1">x</a>')).toBe('<a href="/read/1">x</a>');
    expect(cleanHtml('<a href="/read/1">x</a>', 'file:///home/u/feed.xml')).toBe('<a href="/read/1">x</a>');
  });

  it('keeps nested tables and lists', () => {
    const html =
      '<table><thead><tr><th>CVE</th><th>Skor</th></tr></thead><tbody><tr><td>CVE-2024-1234</td><td>9.8</td></tr>' +
      '<tr><td><table><tr><td>dalam</td></tr></table></td><td>-</td></tr></tbody></table>' +
      '<ul><li>satu<ol><li>a</li><li>b</li></ol></li><li>dua</li></ul>';
    expect(cleanHtml(html)).toBe(html);
  });

  it('makes broken HTML well-formed', () => {
    expect(cleanHtml('<p>satu<p>dua<div><b>tebal <i>miring')).toBe(
      '<p>satu</p><p>dua</p><div><b>tebal <i>miring</i></b></div>',
    );
    expect(cleanHtml('<ul><li>a<li>b</ul></p>x')).toBe('<ul><li>a</li><li>b</li></ul><p></p>x');
    expect(cleanHtml('a </b> b <!-- komentar --> c')).toBe('a  b  c');
    expect(cleanHtml('<img src="https://x.example/a.png" alt="a"b">')).toBe('<img src="https://x.example/a.png" alt="a">');
  });

  it('escapes text so decoded entities cannot become markup', () => {
    expect(cleanHtml('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "kutip"')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "kutip"',
    );
    expect(cleanHtml('<img alt="&quot; onerror=&quot;x" src="https://x.example/a.png">')).toBe(
      '<img alt="&quot; onerror=&quot;x" src="https://x.example/a.png">',
    );
  });

  it('sanitises text nodes and attribute values', () => {
    expect(cleanHtml(`<p title="a${ESC}]8;;https://evil.example\u0007b">x&#27;[31my\u009b2Jz</p>`)).toBe(
      '<p title="ab">xyz</p>',
    );
  });

  it('survives very deep nesting by flattening past the depth limit', () => {
    const deep = '<div>'.repeat(100_000) + 'dalam';
    const out = cleanHtml(deep);
    expect(out).toBe('<div>'.repeat(MAX_HTML_DEPTH) + 'dalam' + '</div>'.repeat(MAX_HTML_DEPTH));
    expect(htmlToPlainText(deep)).toBe('dalam');
    const closed = '<div>'.repeat(300) + 'x' + '</div>'.repeat(300) + '<p>setelah</p>';
    expect(cleanHtml(closed)).toBe('<div>'.repeat(MAX_HTML_DEPTH) + 'x' + '</div>'.repeat(MAX_HTML_DEPTH) + '<p>setelah</p>');
  });

  it('is stable when applied twice', () => {
    const html = '<p>a <a href="/x" onclick="y">b</a><img src="c.png"> &amp; <br> d</p><ul><li>e</ul>';
    const once = cleanHtml(html, BASE);
    expect(cleanHtml(once, BASE)).toBe(once);
  });
});

describe('implied end tags across elements a browser looks through', () => {
  // The cleaned HTML is stored and parsed again (plain text for the index, the reader's renderer): every form
  // must parse back to the tree it was written from, and lists must number as a browser numbers them.
  function agrees(html: string): { html: string; text: string } {
    const { html: clean, text } = cleanHtmlParts(html, BASE);
    expect(cleanHtml(clean, BASE)).toBe(clean);
    expect(htmlToPlainText(clean)).toBe(text);
    return { html: clean, text };
  }

  it('numbers the items after a broken tag inside an open <li> (property seed 461714741)', () => {
    // "<A<ol>" is one element named "a<ol"; a browser closes it and the open <li> at the next <li>.
    expect(agrees('<ol><li>x</li><li><A<ol><li>x</li><li>')).toEqual({
      html: '<ol><li>x</li><li></li><li>x</li><li></li></ol>',
      text: '1. x\n2. \n3. x\n4. ',
    });
  });

  it('ends an item at the next <li> through unclosed inline elements', () => {
    expect(agrees('<ol><li><a href="/1">satu<li><b>dua<li>tiga</ol>').text).toBe('1. satu\n2. dua\n3. tiga');
    expect(agrees('<ul><li>a<p>b<li>c</ul>').text).toBe('• a\n\nb\n\n• c');
    expect(agrees('<dl><dt>a<span>b<dd>c<font>d<dt>e</dl>').html).toBe(
      '<dl><dt>a<span>b</span></dt><dd>cd</dd><dt>e</dt></dl>',
    );
  });

  it('ends an item through elements the cleaner unwraps, which a re-parse no longer sees', () => {
    expect(agrees('<ol><li>a<center><li>b</center><li>c</ol>').text).toBe('1. a\n2. b\n3. c');
    expect(agrees('<p>a<font><div>b</div></font>c</p>').text).toBe(agrees('<p>a</p><div>b</div>c').text);
    expect(agrees('<table><tr><td>a<x_y><td>b</table>').html).toBe('<table><tr><td>a</td><td>b</td></tr></table>');
  });

  it('ends every element of the chain an open tag ends, through unwrapped ones (property seed 846041057)', () => {
    // <td> ends an open <th> and then the <thead> around it; with <font> between them, unwrapped on the way
    // out, it must end the <thead> too, or the cleaned HTML parses back with the cell in another place.
    expect(agrees('<thead><font><th><td>').html).toBe('<thead><th></th></thead><td></td>');
    expect(agrees('<thead><font><th><td>').html).toBe(agrees('<thead><th><td>').html);
    expect(agrees('<table><thead><center><th>a<td>b</table>').html).toBe(agrees('<table><thead><th>a<td>b</table>').html);
    // the chain stops at an element that is neither ended nor looked through
    expect(agrees('<thead><span><th><td>').html).toBe('<thead><span><th></th><td></td></span></thead>');
  });

  it('keeps a nested list nested and dropped content dropped', () => {
    expect(agrees('<ol><li>a<ul><li>b</ul><li>c</ol>').text).toBe('1. a\n• b\n2. c');
    expect(agrees('<ol><li>a<svg><li>b</svg><li>c</ol>').text).toBe('1. a\n2. c');
    expect(agrees('<ol><li>a<object><li>b</object><li>c</ol>').text).toBe('1. a\n2. c');
  });
});

describe('htmlToPlainText', () => {
  it('turns paragraphs, line breaks and lists into text', () => {
    const html =
      '<p>Paragraf   pertama\n dengan  spasi.</p><p>Baris satu<br>baris dua<br><br>baris empat</p>' +
      '<ul><li>butir satu</li><li>butir dua</li></ul><ol><li>langkah</li><li>langkah lagi</li></ol>';
    expect(htmlToPlainText(html)).toBe(
      'Paragraf pertama dengan spasi.\n\nBaris satu\nbaris dua\n\nbaris empat\n\n• butir satu\n• butir dua\n\n' +
        '1. langkah\n2. langkah lagi',
    );
  });

  it('decodes entities and folds no-break spaces', () => {
    expect(htmlToPlainText('Caf&eacute;&nbsp;dan&nbsp;&amp;&#160;&quot;kutip&quot; &#8211; &lt;tag&gt;')).toBe(
      'Café dan & "kutip" – <tag>',
    );
  });

  it('keeps inline text together and separates table cells', () => {
    expect(htmlToPlainText('<p>Trend<b>Micro</b> <i>mengakui</i></p><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toBe(
      'TrendMicro mengakui\n\na b\nc',
    );
  });

  it('drops script and style content and keeps pre lines', () => {
    expect(htmlToPlainText('<script>var x = 1;</script><style>p{}</style>teks<pre>baris 1\nbaris 2</pre>')).toBe(
      'teks\n\nbaris 1\nbaris 2',
    );
  });

  it('removes control sequences that entities decode to', () => {
    expect(htmlToPlainText('a&#27;]52;c;AAAA&#7;b &#x1b;[31mc')).toBe('ab c');
  });

  it('returns plain text input unchanged apart from whitespace', () => {
    expect(htmlToPlainText('  Hanya teks biasa.  ')).toBe('Hanya teks biasa.');
    expect(htmlToPlainText('')).toBe('');
  });
});

describe('htmlToLine', () => {
  it('strips tags and decodes entities only when the text is HTML', () => {
    expect(htmlToLine('Data &amp; <b>Privasi</b>')).toBe('Data & Privasi');
    expect(htmlToLine('a < b, x<y')).toBe('a < b, x<y');
    expect(htmlToLine('Judul\n  dua baris')).toBe('Judul dua baris');
  });
});

describe('the first image of cleanHtmlParts', () => {
  it('is the first real image with its alt text', () => {
    expect(
      cleanHtmlParts('<p><img src="https://t.example/p.gif" width="1" height="1"><img src="https://x.example/b.png" alt="Ilustrasi &amp; foto"></p>').image,
    ).toEqual({ src: 'https://x.example/b.png', alt: 'Ilustrasi & foto' });
  });
  it('is null when there is none', () => {
    expect(cleanHtmlParts('<p>tanpa gambar</p>').image).toBeNull();
    expect(cleanHtmlParts('<img alt="tanpa src">').image).toBeNull();
    expect(cleanHtmlParts('').image).toBeNull();
  });
});

describe('cleanHtmlParts', () => {
  it('gives what cleanHtml and htmlToPlainText give, and the first image, from one parse', () => {
    const html =
      '<p>Satu <b>dua</b><script>x()</script></p><img src="a.png" onerror="y()" alt="Gambar"><ul><li>tiga</li></ul>';
    const clean = cleanHtml(html, BASE);
    const { html: cleaned, text } = cleanHtmlParts(html, BASE);
    expect({ html: cleaned, text }).toEqual({ html: clean, text: htmlToPlainText(clean) });
    expect(cleanHtmlParts(html, BASE)).toEqual({
      html: '<p>Satu <b>dua</b></p><img src="https://cyberthreat.id/read/5678/a.png" alt="Gambar"><ul><li>tiga</li></ul>',
      text: 'Satu dua\n\n• tiga',
      image: { src: 'https://cyberthreat.id/read/5678/a.png', alt: 'Gambar' },
    });
  });
});
