/**
 * Body quality on the committed corpus (test/fixtures/articles/own: pages written for this project in the style
 * of Indonesian and English security news sites, expected text checked by hand). The larger real-page corpora
 * are measured by `node bench/articles.mjs` (see BENCHMARKS.md); this test keeps the committed one from slipping.
 */
import { describe, expect, it } from 'vitest';
import { measure, ownCorpus, readabilityAlone } from '../../../bench/article-corpus.mjs';
import type { CorpusPage } from '../../../bench/article-corpus.mjs';
import { extractArticle } from '../../../src/core/article/extract.js';

/** Set from measurement (BENCHMARKS.md): ours 0.99+, Readability alone 0.95 on this corpus. */
const F1_FLOOR = 0.97;
const PAGE_F1_FLOOR = 0.93;

const corpus = ownCorpus();
const extract = (p: CorpusPage) => extractArticle(p.html, { url: p.url, contentType: p.contentType });

describe('the committed article corpus', () => {
  it('has pages in both languages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(6);
    const langs = new Set(corpus.map((p) => p.meta?.lang));
    expect(langs).toEqual(new Set(['id', 'en']));
  });

  it(`scores a body F1 of at least ${F1_FLOOR}, and at least Readability.js alone`, () => {
    const ours = measure(corpus, (p) => extract(p).text);
    const alone = measure(corpus, readabilityAlone);
    expect(ours.f1).toBeGreaterThanOrEqual(F1_FLOOR);
    expect(ours.f1).toBeGreaterThanOrEqual(alone.f1);
    for (const page of ours.perPage) expect({ page: page.name, ok: page.f1 >= PAGE_F1_FLOOR }).toEqual({ page: page.name, ok: true });
  });

  describe.each(corpus.map((p) => [p.name, p] as const))('%s', (_name, page) => {
    const a = extract(page);
    const meta = page.meta ?? {};

    it('gives the metadata checked by hand', () => {
      for (const key of ['title', 'author', 'published', 'lang', 'siteName', 'image', 'tags', 'related', 'alternates'] as const) {
        if (key in meta) expect({ [key]: a[key] }).toEqual({ [key]: meta[key] });
      }
    });

    it('separates paragraphs by blank lines and keeps no chrome, script or style text', () => {
      expect(a.text).toMatch(/\S\n\n\S/);
      expect(a.text).not.toMatch(/\n{3}/);
      for (const chrome of [/Terpopuler|Most Popular|Popular Stories/, /cookie/i, /newsletter|Berlangganan/i, /Komentar|Comments/, /Copyright|©|Hak cipta/, /BACA JUGA|Baca juga|Read also|Related Articles/i, /ADVERTISEMENT|SCROLL TO CONTINUE/i, /Bagikan|Share/, /#\w/, /document\.|function\s*\(|\{display/]) {
        expect(a.text).not.toMatch(chrome);
      }
      expect(a.html).not.toMatch(/<script|<style|<iframe|javascript:|\son\w+=/i);
    });
  });
});
