import { formatPosted } from '../../core/i18n/dates.js';
import { messages } from '../../core/i18n/index.js';
import { renderToText } from '../../core/render/html.js';
import { wrap } from '../../core/render/text.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';
import type { StoredArticle } from '../../core/types.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { articleJson, printJson } from './shared.js';

export function showCommand(ctx: Context, args: ParsedArgs): number {
  const id = args.positionals[0] ?? '';
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
  if (article.tags.length) out.push(...wrap(article.tags.map((t) => `#${sanitizeLine(t)}`).join(' '), width));
  out.push('─'.repeat(Math.min(width, 80)));
  const body = article.contentHtml || article.summary;
  out.push(sanitizeText(renderToText(body, { width, imageLabel: ctx.msg.imageLabel, baseUrl: article.url ?? undefined })));
  const short = messages(ctx.lang);
  for (const o of others) {
    out.push('', ...wrap(`${o.lang === 'id' ? short.langShortId : o.lang === 'en' ? short.langShortEn : sanitizeLine(o.lang ?? '')}: ${o.id}  ${sanitizeLine(o.title)}`, width));
  }
  // Wrapped, never cut: every line above fits the width except a link, which is never broken.
  ctx.out(out.join('\n'));
  if (link) ctx.out(`\n${link}`);
  if (!article.read) store.mark([article.id], { read: true });
  return 0;
}

