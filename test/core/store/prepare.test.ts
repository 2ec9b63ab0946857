import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFeed } from '../../../src/core/feeds/parse.js';
import { normaliseWithText } from '../../../src/core/feeds/normalise.js';
import { parseAndPrepare } from '../../../src/core/feeds/prepare-feed.js';
import { prepareArticle } from '../../../src/core/store/prepare.js';
import type { Article } from '../../../src/core/types.js';
import { runs } from '../../helpers/property.js';

const documents: { url: string; bytes: Buffer }[] = [
  ...['cyberthreat-id.xml', 'cyberthreat-en.xml'].map((f) => ({
    url: `https://samples.test/${f}`,
    bytes: readFileSync(new URL(`../../../samples/${f}`, import.meta.url)),
  })),
  ...readdirSync(new URL('../../fixtures/feeds/', import.meta.url))
    .filter((f) => /\.(xml|json)$/.test(f))
    .map((f) => ({ url: `https://fixtures.test/${f}`, bytes: readFileSync(new URL(`../../fixtures/feeds/${f}`, import.meta.url)) })),
];

function normalised(url: string, bytes: Buffer | string) {
  return normaliseWithText(parseFeed(bytes, { url, contentType: null }), { url });
}

const article = (over: Partial<Article>): Article => ({
  id: 'a1', feedUrl: 'https://x.test/feed', guid: 'g', url: 'https://x.test/a', title: 'Judul', author: 'Penulis',
  published: '2019-11-16T05:59:00.000Z', updated: null, lang: 'id', tags: ['databreach', 'TrendMicro'], summary: 'Ringkasan',
  contentHtml: '<p>Isi <b>berita</b></p>', image: null, enclosures: [], alternates: [], pairKey: null, ...over,
});

describe('prepareArticle', () => {
  it('indexes the same body text whether the cleaner handed it over or it is read from the stored HTML', () => {
    let compared = 0;
    for (const { url, bytes } of documents) {
      const { articles, bodyTexts } = normalised(url, bytes);
      articles.forEach((a, i) => {
        expect(prepareArticle(a, url, bodyTexts[i]).body).toBe(prepareArticle(a, url).body);
        compared += 1;
      });
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('keeps the same text on random bodies (entities, nesting, lists, whitespace, broken tags)', () => {
    const piece = fc.constantFrom(
      '<p>', '</p>', '<b>', '</b>', '<ul><li>', '</li><li>', '</li></ul>', '<ol><li>x</li><li>', '<br>', '<pre>a\n  b</pre>',
      '&amp;', '&lt;b&gt;', '&eacute;', '&nbsp;', '&#27;', ' ', '\n\t', 'kata', 'word', '<a href="http://x.test/">', '</a>',
      '<img alt="gambar" src="/i.png">', '<script>x</script>', '<!-- c -->', '<', '>', '<table><tr><td>1</td><td>2</td></tr></table>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 25 }), (parts) => {
        const html = parts.join('');
        const rss = `<rss version="2.0"><channel><title>t</title><item><guid>g</guid><title>x</title><description><![CDATA[${html.replaceAll(']]>', '')}]]></description></item></channel></rss>`;
        const { articles, bodyTexts } = normalised('https://x.test/feed', rss);
        for (const [i, a] of articles.entries()) expect(prepareArticle(a, 'https://x.test/feed', bodyTexts[i]).body).toBe(prepareArticle(a, 'https://x.test/feed').body);
      }),
      runs(500),
    );
  });

  it('keeps the content hash of earlier versions, so a re-fetch of an unchanged article is not an update', () => {
    const a = article({});
    const p = prepareArticle(a, a.feedUrl);
    // The form rows were hashed in before this module used crypto.hash: sha256 over the same JSON, base64url.
    const earlier = createHash('sha256')
      .update(JSON.stringify([a.feedUrl, a.guid, a.url, a.title, a.author, a.published, a.updated, a.lang, a.summary, a.contentHtml, a.image, '[]', '[]', '["databreach","TrendMicro"]', null]))
      .digest('base64url')
      .slice(0, 22);
    expect(p.hash).toBe(earlier);
    expect(prepareArticle(article({ summary: 'Lain' }), a.feedUrl).hash).not.toBe(p.hash);
  });

  it('strips control sequences from a handed-over body text too', () => {
    const a = article({});
    expect(prepareArticle(a, a.feedUrl, 'Isi \u001b]52;c;ZXZpbA==\u0007berita \u202e').body).toBe('Isi berita ');
  });

  it('gives parseAndPrepare rows with the body text of the cleaned HTML', () => {
    const { url, bytes } = documents[0]!;
    const { rows } = parseAndPrepare(bytes, { url, contentType: null }, { url });
    const { articles } = normalised(url, bytes);
    expect(rows.map((r) => r.id)).toEqual(articles.map((a) => a.id));
    expect(rows.every((r) => r.body.length > 100 && !r.body.includes('<'))).toBe(true);
  });
});
