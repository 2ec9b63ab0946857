import { loadPage } from '../../core/article/full.js';
import { illustrationOf, withIllustration } from '../../core/article/illustration.js';
import type { PageError, StoredPage } from '../../core/article/page.js';
import { pageErrorText } from '../../core/article/reason.js';
import { formatPosted } from '../../core/i18n/dates.js';
import { messages } from '../../core/i18n/index.js';
import { enclosureLines } from '../../core/enclosures.js';
import { renderHtml } from '../../core/render/html.js';
import { normaliseTags } from '../../core/tags.js';
import { wrap } from '../../core/render/text.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';
import type { StoredArticle } from '../../core/types.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { articleJson, printJson } from './shared.js';

/** The `full` object of `show --json`: the page as cached (or why there is none). */
function fullJson(page: StoredPage | null, none: PageError | null, reason: (e: PageError) => string) {
  if (page === null) {
    return {
      // a sample article without a page: the feed carries the whole article, as for a page that adds nothing
      status: none?.code === 'no-page' ? ('skipped' as const) : ('failed' as const), fetchedAt: null, url: null, error: reason(none ?? { code: 'no-link' }), errorCode: none?.code ?? 'no-link',
      author: null, published: null, tags: [], text: '', related: [], alternates: [],
    };
  }
  return {
    status: page.status,
    fetchedAt: page.fetchedAt,
    url: page.url,
    ...(page.error ? { error: reason(page.error), errorCode: page.error.code } : {}),
    author: page.author,
    published: page.published,
    tags: page.tags,
    text: page.text,
    related: page.related,
    alternates: page.alternates,
    title: page.title,
    siteName: page.siteName,
    image: page.image,
  };
}

export async function showCommand(ctx: Context, args: ParsedArgs): Promise<number> {
  const id = args.positionals[0];
  if (!id) throw new CliError(ctx.msg.needArgument('ID', 'show'), 2);
  const store = ctx.store();
  const found = store.get(id);
  if (!found) throw new CliError(ctx.msg.articleNotFound(sanitizeLine(id)));
  const wantFull = args.values.full === true;
  const m = messages(ctx.lang);
  let page = store.getPage(found.id);
  let none: PageError | null = null;
  if (wantFull) {
    // Asked for explicitly: fetched whatever the feed's fullText mode, and a failed page is tried again.
    const result = await loadPage(store, found, ctx.pages(), { retryFailed: true });
    if (result.kind === 'page') page = result.page;
    else if (result.kind === 'none') none = result.error;
  }
  // Saving a page merges its tags into the article: read it again.
  const article = store.get(found.id) ?? found;
  const noPage = none?.code === 'no-page';
  const failure: PageError | null = !wantFull || noPage ? null : none ?? (page?.status === 'failed' ? (page.error ?? { code: 'no-article' }) : null);
  const others = [store.alternate(article.id)].filter((a): a is StoredArticle => a !== null);
  if (ctx.json) {
    printJson(ctx, {
      ...articleJson(article),
      updated: article.updated,
      image: article.image,
      enclosures: article.enclosures,
      alternates: [
        ...article.alternates.map((a) => ({ url: a.href, lang: a.hreflang ?? null, id: others.find((o) => o.url === a.href)?.id ?? null })),
        ...others.filter((o) => !article.alternates.some((a) => a.href === o.url)).map((o) => ({ url: o.url, lang: o.lang, id: o.id })),
      ],
      contentHtml: article.contentHtml,
      ...(wantFull || page !== null ? { full: fullJson(page, none, (e) => pageErrorText(m, e)) } : {}),
    });
  } else {
    printArticle(ctx, article, wantFull && page?.status === 'ok' ? page : null, wantFull ? page : null, others);
  }
  if (!article.read) store.mark([article.id], { read: true });
  if (noPage && !ctx.json) ctx.err(`cyberread: ${ctx.msg.fullNoPage}`);
  if (failure !== null) {
    ctx.err(`cyberread: ${ctx.msg.fullFailed(pageErrorText(m, failure))}`);
    return 1;
  }
  return 0;
}

/** The article as text: the page's body when `full` is given (else the feed's), the page's byline where the feed had none. */
function printArticle(ctx: Context, article: StoredArticle, full: StoredPage | null, page: StoredPage | null, others: StoredArticle[]): void {
  // Infinity in a pipe: paragraphs are not wrapped, nothing is cut.
  const width = Math.max(20, ctx.width);
  const out: string[] = [];
  out.push(...wrap(sanitizeLine(article.title), width));
  const author = article.author ?? page?.author ?? null;
  const published = article.published ?? page?.published ?? null;
  const meta = [
    author ? sanitizeLine(author) : null,
    published ? formatPosted(published, ctx.lang, ctx.timeZone) : null,
    article.feedTitle ? sanitizeLine(article.feedTitle) : null,
    page !== null ? (full !== null ? ctx.msg.fullLabel : ctx.msg.feedLabel) : null,
  ].filter(Boolean);
  if (meta.length) out.push(...wrap(meta.join(' · '), width));
  // the link is printed whole so that it can be copied, even when the terminal wraps it
  const link = article.url ? sanitizeLine(article.url) : null;
  const body = withIllustration(full !== null ? full.html : article.contentHtml || article.summary, illustrationOf(page?.image, article.image));
  const base = (full?.url ?? article.url) || undefined;
  const doc = renderHtml(body, { width, imageLabel: ctx.msg.imageLabel, ...(base ? { baseUrl: base } : {}) });
  // one line of tags: the article's, with those of a hashtag line that ended the body (left out of it)
  const tags = normaliseTags([...article.tags, ...doc.hashtags]);
  if (tags.length) out.push(...wrap(tags.map((t) => `#${sanitizeLine(t)}`).join(' '), width));
  out.push('─'.repeat(Math.min(width, 80)));
  out.push(sanitizeText(doc.lines.map((l) => l.text).join('\n')));
  const short = messages(ctx.lang);
  if (page !== null && page.related.length > 0) {
    out.push('', short.readAlso);
    // a cached one by its id (for `cyberread show ID`), any other by its address
    for (const r of page.related) {
      if (r.id !== null) out.push(...wrap(`  › ${r.id}  ${sanitizeLine(r.title)}`, width));
      else out.push(...wrap(`  › ${sanitizeLine(r.title)}`, width), `    ${sanitizeLine(r.url)}`);
    }
  }
  // numbered after the body's [n] links, as in the reader, where one number opens either
  const enclosures = enclosureLines(article.enclosures, doc.links.length + 1, ctx.lang);
  if (enclosures.length) out.push('', short.enclosuresTitle);
  for (const e of enclosures) out.push(...wrap(`[${e.number}] ${e.label}`, width), `    ${e.url}`);
  for (const o of others) {
    out.push('', ...wrap(`${o.lang === 'id' ? short.langShortId : o.lang === 'en' ? short.langShortEn : sanitizeLine(o.lang ?? '')}: ${o.id}  ${sanitizeLine(o.title)}`, width));
  }
  // Wrapped, never cut: every line above fits the width except a link, which is never broken.
  ctx.out(out.join('\n'));
  if (link) ctx.out(`\n${link}`);
}
