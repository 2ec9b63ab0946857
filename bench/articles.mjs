// `node bench/articles.mjs [own|scrapinghub|mozilla ...]`: body quality of extractArticle against Readability.js
// alone (and defuddle when bench/.work/defuddle holds it) on the article corpora, as token-level precision,
// recall and F1 (see bench/article-corpus.mjs). Needs `npm run build` first (it runs dist/, as users do).
// The real-page corpora are local clones (not committed): see BENCHMARKS.md for the commands.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../dist/index.js';
import { measure, mozillaCorpus, ownCorpus, pageText, readabilityAlone, scrapinghubCorpus } from './article-corpus.mjs';

const DEFUDDLE = join(import.meta.dirname, '.work', 'defuddle', 'node_modules', 'defuddle');

/** defuddle's Node entry over linkedom (its README's way), or null when it is not installed locally. */
async function loadDefuddle() {
  if (!existsSync(DEFUDDLE)) return null;
  const require = createRequire(join(DEFUDDLE, 'package.json'));
  const mod = await import(require.resolve('defuddle/node'));
  const { parseHTML } = await import('linkedom');
  return async (page) => {
    const { document } = parseHTML(pageText(page));
    const result = await mod.Defuddle(document, page.url, { markdown: false });
    const { document: d } = parseHTML(`<!doctype html><html><body>${result.content ?? ''}</body></html>`);
    return d.body.textContent ?? '';
  };
}

export async function qualityTable(names = ['own', 'scrapinghub', 'mozilla']) {
  const corpora = { own: ownCorpus, scrapinghub: scrapinghubCorpus, mozilla: mozillaCorpus };
  const defuddle = await loadDefuddle();
  const rows = [];
  for (const name of names) {
    const corpus = corpora[name]();
    if (corpus.length === 0) continue;
    const ours = measure(corpus, (p) => extractArticle(p.html, { url: p.url, contentType: p.contentType }).text);
    const alone = measure(corpus, readabilityAlone);
    let def = null;
    if (defuddle) {
      // defuddle is async; measure's extractor is sync, so the texts are gathered first.
      const texts = new Map();
      for (const p of corpus) {
        try {
          texts.set(p.name, await defuddle(p));
        } catch {
          texts.set(p.name, '');
        }
      }
      def = measure(corpus, (p) => texts.get(p.name));
    }
    rows.push({ corpus: name, pages: corpus.length, ours, alone, defuddle: def });
  }
  return rows;
}

export function qualityMarkdown(rows) {
  const f = (x) => x.toFixed(3);
  const out = ['| Corpus | Pages | Extractor | Precision | Recall | F1 |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(`| ${r.corpus} | ${r.pages} | **extractArticle** | ${f(r.ours.precision)} | ${f(r.ours.recall)} | **${f(r.ours.f1)}** |`);
    out.push(`| ${r.corpus} | ${r.pages} | Readability.js alone | ${f(r.alone.precision)} | ${f(r.alone.recall)} | ${f(r.alone.f1)} |`);
    if (r.defuddle) out.push(`| ${r.corpus} | ${r.pages} | defuddle | ${f(r.defuddle.precision)} | ${f(r.defuddle.recall)} | ${f(r.defuddle.f1)} |`);
  }
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2);
  const rows = await qualityTable(names.length ? names : undefined);
  console.log(qualityMarkdown(rows));
  if (process.env.ARTICLES_WORST) {
    for (const r of rows) {
      const worst = r.ours.perPage
        .map((p, i) => ({ ...p, alone: r.alone.perPage[i].f1 }))
        .sort((a, b) => a.f1 - a.alone - (b.f1 - b.alone))
        .slice(0, Number(process.env.ARTICLES_WORST));
      for (const w of worst) console.log(r.corpus, w.name, 'ours', w.f1.toFixed(3), `P ${w.precision.toFixed(3)} R ${w.recall.toFixed(3)}`, 'alone', w.alone.toFixed(3));
    }
  }
}
