import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { htmlToText } from '../../../src/core/store/prepare.js';

// The five-pass form htmlToText had before its passes became conditional: the output must not change.
function reference(html: string): string {
  const stripped = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeHTML(stripped).replace(/\s+/g, ' ').trim();
}

const pieces = fc.constantFrom(
  '<p>', '</p>', '<SCRIPT>x<y</SCRIPT >', '<style>a{}</style>', '<scripts>', '<!-- c -->', '<!--', '-->',
  '&amp;', '&lt;b&gt;', '&eacute;', '&#27;', '&', '<', '>', ' ', '\n\t', 'kata', 'word', '<br/>', '<a href="x">',
);

// Every character /\s/ matches, and the ones that start or end tags and entities.
const edgy = fc.constantFrom(
  'a', ' ', '<', '>', '&', ';', '#', 'x', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00a0', '\u1680', '\u2000',
  '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
);

describe('htmlToText', () => {
  it('reads the words of an article body', () => {
    expect(htmlToText('<p>Serangan <b>ransomware</b> &amp; kebocoran</p>\n<script>alert(1)</script><!-- x --><p>data</p>')).toBe(
      'Serangan ransomware & kebocoran data',
    );
  });

  it('gives the same text as the five-pass form', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: edgy })), { maxLength: 30 }), (parts) => {
        const html = parts.join('');
        expect(htmlToText(html)).toBe(reference(html));
      }),
      { numRuns: 2000 },
    );
  });
});
