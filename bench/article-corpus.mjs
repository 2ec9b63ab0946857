// Article-page corpora with checked bodies, and the token-level score of an extracted body against them.
// Used by the corpus test (test/core/article/corpus.test.ts), `node bench/articles.mjs` (the quality table) and
// `npm run bench` (extraction speed).
//
// Corpora:
//   own         test/fixtures/articles/own: pages written for this project in the style of Indonesian and English
//               security news sites, with hand-written expected text (committed).
//   scrapinghub bench/.work/article-extraction-benchmark: 181 real pages with hand-labelled article bodies
//               (github.com/scrapinghub/article-extraction-benchmark; the pages are the publishers', so they are
//               measured from a local clone and never committed).
//   mozilla     bench/.work/readability/test/test-pages: Readability's own test pages; the expected text is
//               Readability's output, so it measures closeness to Readability rather than truth (local clone).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OWN_DIR = join(ROOT, 'test', 'fixtures', 'articles', 'own');
export const SCRAPINGHUB_DIR = join(ROOT, 'bench', '.work', 'article-extraction-benchmark');
export const MOZILLA_DIR = join(ROOT, 'bench', '.work', 'readability', 'test', 'test-pages');

/** Words: runs of letters, marks, digits and underscores, lower-cased. Punctuation and layout do not count. */
export function tokens(text) {
  return (text ?? '').toLowerCase().match(/[\p{L}\p{M}\p{N}_]+/gu) ?? [];
}

function counts(list) {
  const m = new Map();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Bag-of-tokens precision, recall and F1 of one extracted body against the expected one. */
export function score(expected, got) {
  const want = counts(tokens(expected));
  const have = counts(tokens(got));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [t, n] of have) {
    const w = want.get(t) ?? 0;
    tp += Math.min(n, w);
    fp += Math.max(0, n - w);
  }
  for (const [t, n] of want) fn += Math.max(0, n - (have.get(t) ?? 0));
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Mean precision and recall over pages (each page weighs the same), and the F1 of those means — the way the
 * scrapinghub benchmark aggregates, so figures can be set beside its published table. A page the extractor
 * failed on scores 0 precision and 0 recall, as there.
 */
export function aggregate(scores) {
  const n = scores.length;
  if (n === 0) return { pages: 0, precision: NaN, recall: NaN, f1: NaN };
  const precision = scores.reduce((s, x) => s + x.precision, 0) / n;
  const recall = scores.reduce((s, x) => s + x.recall, 0) / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pages: n, precision, recall, f1 };
}

/** The committed corpus: [{ name, html (Buffer), url, contentType, expected, meta }]. */
export function ownCorpus() {
  return readdirSync(OWN_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html$/, '');
      const meta = JSON.parse(readFileSync(join(OWN_DIR, `${name}.json`), 'utf8'));
      return {
        name,
        html: readFileSync(join(OWN_DIR, f)),
        url: meta.url,
        contentType: meta.contentType,
        expected: readFileSync(join(OWN_DIR, `${name}.expected.txt`), 'utf8'),
        meta,
      };
    });
}

/** The scrapinghub benchmark from its local clone, or [] when it is not there. */
export function scrapinghubCorpus() {
  const truthFile = join(SCRAPINGHUB_DIR, 'ground-truth.json');
  if (!existsSync(truthFile)) return [];
  const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
  return Object.entries(truth)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, t]) => ({
      name: id.slice(0, 12),
      html: gunzipSync(readFileSync(join(SCRAPINGHUB_DIR, 'html', `${id}.html.gz`))),
      url: t.url,
      // The benchmark's pages are stored as UTF-8.
      contentType: 'text/html; charset=utf-8',
      expected: t.articleBody ?? '',
    }));
}

/** Readability's test pages from its local clone, or []; expected text is the text of expected.html. */
export function mozillaCorpus() {
  if (!existsSync(MOZILLA_DIR)) return [];
  return readdirSync(MOZILLA_DIR)
    .sort()
    .filter((d) => existsSync(join(MOZILLA_DIR, d, 'source.html')) && existsSync(join(MOZILLA_DIR, d, 'expected.html')))
    .map((d) => {
      const expectedHtml = readFileSync(join(MOZILLA_DIR, d, 'expected.html'), 'utf8');
      return {
        name: d,
        html: readFileSync(join(MOZILLA_DIR, d, 'source.html')),
        // The test suite's own base URL for every page.
        url: 'http://fakehost/test/page.html',
        contentType: 'text/html; charset=utf-8',
        expected: parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`).document.body.textContent ?? '',
      };
    });
}

/**
 * The page as text for extractors that take a string (the baselines): the charset from the Content-Type or the
 * page's <meta>, as a browser would, so every extractor reads the same characters.
 */
export function pageText(page) {
  if (typeof page.html === 'string') return page.html;
  const head = page.html.subarray(0, 1024).toString('latin1');
  const label = /charset=["']?([\w-]+)/i.exec(page.contentType ?? '')?.[1] ?? /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(page.html);
  } catch {
    return new TextDecoder('utf-8').decode(page.html);
  }
}

/** Readability.js alone, as its README shows it, over linkedom: the baseline. Returns the body text or ''. */
export function readabilityAlone(page) {
  const { document } = parseHTML(pageText(page));
  const article = new Readability(document).parse();
  return article?.textContent ?? '';
}

/** Runs extract(page) → text over a corpus; failures count as an empty body. */
export function measure(corpus, extract) {
  const scores = [];
  const perPage = [];
  for (const page of corpus) {
    let text = '';
    try {
      text = extract(page) ?? '';
    } catch {
      text = '';
    }
    const s = score(page.expected, text);
    scores.push(s);
    perPage.push({ name: page.name, ...s });
  }
  return { ...aggregate(scores), perPage };
}
