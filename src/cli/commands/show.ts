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

export function showCommand(ctx: Context, args: ParsedArgs): number {
  const id = args.positionals[0];
  if (!id) throw new CliError(ctx.msg.needArgument('ID', 'show'), 2);
  const store = ctx.store();
  const article = store.get(id);
  if (!article) throw new CliError(ctx.msg.articleNotFound(sanitizeLine(id)));
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
    });
    return 0;
  }
  // Infinity in a pipe: paragraphs are not wrapped, nothing is cut.
  const width = Math.max(20, ctx.width);
  const out: string[] = [];
  out.push(...wrap(sanitizeLine(article.title), width));
  const meta = [
    article.author ? sanitizeLine(article.author) : null,
    article.published ? formatPosted(article.published, ctx.lang, ctx.timeZone) : null,
    article.feedTitle ? sanitizeLine(article.feedTitle) : null,
  ].filter(Boolean);
  if (meta.length) out.push(...wrap(meta.join(' · '), width));
  // the link is printed whole so that it can be copied, even when the terminal wraps it
  const link = article.url ? sanitizeLine(article.url) : null;
  const doc = renderHtml(article.contentHtml || article.summary, { width, imageLabel: ctx.msg.imageLabel, baseUrl: article.url ?? undefined });
  // one line of tags: the article's, with those of a hashtag line that ended the body (left out of it)
  const tags = normaliseTags([...article.tags, ...doc.hashtags]);
  if (tags.length) out.push(...wrap(tags.map((t) => `#${sanitizeLine(t)}`).join(' '), width));
  out.push('─'.repeat(Math.min(width, 80)));
  out.push(sanitizeText(doc.lines.map((l) => l.text).join('\n')));
  const short = messages(ctx.lang);
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
  if (!article.read) store.mark([article.id], { read: true });
  return 0;
}

