import { displayWidth, truncate } from '../../core/render/text.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ArticleQuery } from '../../core/types.js';
import type { ParsedArgs } from '../args.js';
import { CliError, parseLang, type Context } from '../context.js';
import { articleJson, list, noPositionals, normaliseFeedUrl, parseQueryOption, printJson, shortDate, str, type Values } from './shared.js';

export function buildQuery(ctx: Context, values: Values): ArticleQuery {
  const q: ArticleQuery = {};
  const tags = list(values.tag);
  if (tags.length) q.tags = tags;
  const lang = parseLang(str(values.lang), ctx.msg);
  if (lang) q.lang = lang;
  if (values.unread === true) q.unread = true;
  if (values.starred === true) q.starred = true;
  const search = str(values.search);
  if (search) q.search = search;
  const where = parseQueryOption(ctx, values.query);
  if (where) q.where = where;
  const feed = str(values.feed);
  if (feed) q.feedUrl = normaliseFeedUrl(feed, ctx);
  const limit = str(values.limit);
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000) throw new CliError(ctx.msg.badLimit, 2);
    q.limit = Number(limit);
  }
  return q;
}

export function listCommand(ctx: Context, args: ParsedArgs): number {
  noPositionals(ctx, args, 'list');
  const articles = ctx.store().query(buildQuery(ctx, args.values));
  if (ctx.json) {
    printJson(ctx, articles.map(articleJson));
    return 0;
  }
  if (!articles.length) {
    ctx.out(ctx.msg.noArticles);
    return 0;
  }
  for (const a of articles) {
    const head = `${a.read ? ' ' : '●'}${a.starred ? '★' : ' '} ${a.id}  ${shortDate(a.published ?? a.fetchedAt, ctx.timeZone)}  `;
    const tags = a.tags.length ? '  ' + a.tags.map((t) => `#${sanitizeLine(t)}`).join(' ') : '';
    const room = Math.max(0, ctx.width - displayWidth(head));
    const title = `${a.lang ? `[${a.lang}] ` : ''}${sanitizeLine(a.title)}`;
    const titleRoom = Math.min(displayWidth(title), Math.max(room - displayWidth(tags), Math.floor(room * 0.6)));
    ctx.out(head + truncate(truncate(title, titleRoom) + tags, room));
  }
  return 0;
}

