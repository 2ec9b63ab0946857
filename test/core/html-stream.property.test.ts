import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feeds/parse.js';
import { cleanHtml, cleanHtmlParts, htmlToPlainText, MAX_HTML_DEPTH } from '../../src/core/html.js';
import { ALL, PAYLOADS } from '../fixtures/hostile/payloads.js';
import { domCleanHtml, domCleanHtmlParts } from '../helpers/dom-cleaner.js';
import { runs } from '../helpers/property.js';

// The streaming cleaner (one parse, no tree) must give exactly what the tree-based cleaner it replaced gave:
// the same safe HTML, the same plain text and the same first image, for real bodies and for generated ones.

const BASE = 'https://news.example/2024/01/article.html';
const SAMPLES = new URL('../../samples/', import.meta.url);

function sampleBodies(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.xml'))) {
    const feed = parseFeed(readFileSync(new URL(file, SAMPLES)), { url: `https://samples.example/${file}` });
    for (const item of feed.items) {
      if (item.contentHtml) out.push(item.contentHtml);
      if (item.summary) out.push(item.summary);
    }
  }
  return out;
}

function same(html: string, base?: string): void {
  const parts = cleanHtmlParts(html, base);
  expect(parts).toEqual(domCleanHtmlParts(html, base));
  expect(cleanHtml(html, base)).toBe(domCleanHtml(html, base));
  // The cleaned HTML is stored and parsed again (the index's text, the reader): it must parse back to itself.
  expect(htmlToPlainText(parts.html)).toBe(parts.text);
  expect(cleanHtml(parts.html, base)).toBe(parts.html);
}

const TAGS = [
  'p', 'div', 'span', 'a', 'b', 'i', 'em', 'strong', 'img', 'br', 'hr', 'ul', 'ol', 'li', 'pre', 'code',
  'blockquote', 'h1', 'h2', 'h3', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'figure', 'figcaption', 'dl',
  'dt', 'dd', 'section', 'article', 'image', 'wbr', 'source', 'picture', 'video',
  // dropped with their content
  'script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'textarea', 'select', 'option', 'title',
  'head', 'template', 'svg', 'math', 'xmp', 'noscript', 'noembed', 'plaintext', 'meta', 'link', 'base',
  // unwrapped, or not a valid name
  'html', 'body', 'font', 'center', 'blink', 'marquee', 'o:p', 'x_y', 'my-tag', 'Q1',
];
const ATTR_NAMES = ['href', 'src', 'alt', 'title', 'width', 'height', 'class', 'id', 'style', 'onclick', 'onerror',
  'srcset', 'data-x', 'xlink:href', 'cite', 'poster', 'lang', 'dir', '9bad', 'a"b', 'href'];
const ATTR_VALUES = [
  '', 'x', ' 1 ', '0px', '1', '640', 'https://a.example/p?q=1&r=2', '/rel/path.jpg', 'rel.png', '//cdn.example/i.gif',
  'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:image/png;base64,AAAA', 'data:text/html,<b>x</b>',
  'mailto:a@b.example', 'vbscript:x', 'http://a.example/\u0007bell', 'a "quoted" & <odd> value', '&amp;&lt;&#65;&nbsp;',
  `x${PAYLOADS.csi}y`, `${PAYLOADS.bidi}`, 'ftp://f.example/x', 'tel:+62-21-555',
];
const TEXTS = [
  'Halo dunia', ' ', '  two  spaces ', '\n', '\t tab\t', 'a\r\nb', '&amp; &lt;tag&gt; &#x41; &#169; &nbsp; &bogus; &',
  '<', '>', 'x < y > z', '\u00a0', '“kutipan” — é', '😀 👍🏽', ALL, PAYLOADS.osc8, PAYLOADS.c1csi, PAYLOADS.zeroWidth,
  '&#27;[31mred&#27;[0m', '\u001b', '[2J', 'line one\nline two\n\n  indented', '#databreach #TrendMicro',
];

const attrs = fc
  .array(fc.tuple(fc.constantFrom(...ATTR_NAMES), fc.constantFrom(...ATTR_VALUES), fc.constantFrom('"', "'", '')), { maxLength: 4 })
  .map((list) => list.map(([n, v, q]) => (q === '' ? (/[\s"'=<>`]/.test(v) || v === '' ? ` ${n}` : ` ${n}=${v}`) : ` ${n}=${q}${v.replaceAll(q, '')}${q}`)).join(''));

// HTML as feeds write it and as they break it: unclosed and stray end tags, comments, CDATA, processing
// instructions, doctype, entities, control sequences.
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc.constantFrom('<!-- comment -->', '<![CDATA[ cdata <b>x</b> ]]>', '<?xml version="1.0"?>', '<!DOCTYPE html>', '</p>', '</li>', '</br>', '<br/>', '<p/>', '</div>', '<', '<a', '&'),
    fc.tuple(fc.constantFrom(...TAGS), attrs, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
      ([tag, a, children, close]) => `<${tag}${a}>${children.join('')}${close ? `</${tag}>` : ''}`,
    ),
  ),
}));
const doc = fc.array(node, { maxLength: 8 }).map((parts) => parts.join(''));

describe('the streaming cleaner gives what the tree-based cleaner gave', () => {
  it('on every body and summary of the bundled sample feeds', () => {
    const bodies = sampleBodies();
    expect(bodies.length).toBeGreaterThan(30);
    for (const body of bodies) {
      same(body, BASE);
      same(body);
    }
  });

  it('on generated HTML, with and without a base URL', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(BASE, undefined, 'file:///etc/passwd', 'not a url'), (html, base) => {
        same(html, base);
      }),
      runs(3000),
    );
  });

  it('past the depth limit, where elements are left out and their text joins the run around them', () => {
    const deep = (n: number, inner: string): string => '<div>'.repeat(n) + inner + '</div>'.repeat(n);
    for (const n of [MAX_HTML_DEPTH - 2, MAX_HTML_DEPTH - 1, MAX_HTML_DEPTH, MAX_HTML_DEPTH + 1, MAX_HTML_DEPTH + 3, 400]) {
      same(deep(n, 'a<b>b</b><script>c</script>d&#27;<i>[31m</i>e<ol><li>one<li>two</ol><img src="/x.png">'), BASE);
      same(deep(n, '<pre>x\n  y</pre><font><li>f</li></font>'), BASE);
    }
    fc.assert(
      fc.property(fc.integer({ min: MAX_HTML_DEPTH - 3, max: MAX_HTML_DEPTH + 3 }), doc, (n, inner) => {
        same(deep(n, inner), BASE);
      }),
      runs(300),
    );
  });
});
