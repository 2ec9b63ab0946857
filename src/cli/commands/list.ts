import { setFlagsFromString } from 'node:v8';
import { DEFAULT_LIMIT, ftsQuery } from '../../core/query/normalise.js';
import { displayWidth, truncate } from '../../core/render/text.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ListedArticle } from '../../core/store/sqlite.js';
import { tagKey } from '../../core/tags.js';
import type { ArticleQuery } from '../../core/types.js';
import type { ParsedArgs } from '../args.js';
import { CliError, parseLang, type Context } from '../context.js';
import { articleJson, list, normaliseFeedUrl, parseQueryOption, shortDate, str, type Values } from './shared.js';

/** Which articles: filters from the options; every one a user can get wrong is refused with a sentence (exit 2). */
export function buildQuery(ctx: Context, values: Values): ArticleQuery {
  const q: ArticleQuery = {};
  const tags = list(values.tag);
  for (const t of tags) if (tagKey(sanitizeLine(t)) === '') throw new CliError(ctx.msg.emptyTag, 2);
  if (tags.length) q.tags = tags;
  const lang = parseLang(str(values.lang), ctx.msg);
  if (lang) q.lang = lang;
  if (values.unread === true) q.unread = true;
  if (values.starred === true) q.starred = true;
  const search = str(values.search);
  if (search !== undefined) {
    // Quotes, *, - and AND/OR/NOT are text (query.ts quotes every word); with no letter or digit left there
    // is nothing to look for, and "everything" would be a wrong answer.
    if (ftsQuery(search) === null) throw new CliError(ctx.msg.emptySearch(sanitizeLine(search)), 2);
    q.search = search;
  }
  const where = parseQueryOption(ctx, values.query);
  if (where) q.where = where;
  const feed = str(values.feed);
  if (feed !== undefined) q.feedUrl = normaliseFeedUrl(feed, ctx);
  return q;
}

/** Which part of the result: --offset N, then --limit N (default 50) or --all. */
export function buildPage(ctx: Context, values: Values): { offset: number; limit: number | null } {
  const whole = (v: string | undefined, min: number): number | null => (v !== undefined && /^\d+$/.test(v) && Number(v) >= min && Number.isSafeInteger(Number(v)) ? Number(v) : null);
  const limitText = str(values.limit);
  const offsetText = str(values.offset);
  if (values.all === true && limitText !== undefined) throw new CliError(ctx.msg.allOrLimit, 2);
  const limit = limitText === undefined ? DEFAULT_LIMIT : whole(limitText, 1);
  if (limit === null) throw new CliError(ctx.msg.badLimit, 2);
  const offset = offsetText === undefined ? 0 : whole(offsetText, 0);
  if (offset === null) throw new CliError(ctx.msg.badOffset, 2);
  return { offset, limit: values.all === true ? null : limit };
}

/**
 * Every article listed is garbage a moment later, and at that rate V8 grows the young generation from 8 to
 * 32 MiB, which was most of what `list --all` of 100,000 articles took beyond a list of 1,000. A growth
 * factor of 1 keeps it at the size it has (as the refresh thread does, src/core/feeds/refresh-worker.ts);
 * this process only lists and exits.
 */
function keepYoungGenerationSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Only memory is at stake.
  }
}

// Output leaves in pieces of about this size: few writes, and never more than this waiting in memory.
const CHUNK = 64 * 1024;

/**
 * Articles newest first, written as they are read from the cache (store.iterate): `list --all --json` of
 * 100,000 articles holds one chunk at a time, and waits for a slow reader of the pipe (ctx.write).
 */
export async function listCommand(ctx: Context, args: ParsedArgs): Promise<number> {
  const query = buildQuery(ctx, args.values);
  const page = buildPage(ctx, args.values);
  keepYoungGenerationSmall();
  const rows = ctx.store().iterate(query, page);
  let buffered = '';
  let count = 0;
  const emit = async (text: string): Promise<void> => {
    buffered += text;
    if (buffered.length < CHUNK) return;
    const chunk = buffered;
    buffered = '';
    await ctx.write(chunk);
  };
  for (const a of rows) {
    if (ctx.json) {
      // The same text as JSON.stringify(array, null, 2), one element at a time.
      await emit(`${count === 0 ? '[\n' : ',\n'}  ${JSON.stringify(articleJson(a), null, 2).replaceAll('\n', '\n  ')}`);
    } else {
      await emit(`${humanLine(ctx, a)}\n`);
    }
    count += 1;
  }
  if (ctx.json) buffered += count === 0 ? '[]\n' : '\n]\n';
  else if (count === 0) buffered += `${ctx.msg.noArticles}\n`;
  await ctx.write(buffered);
  return 0;
}

/** One article: marks, id, date, [lang] title and tags; cut to the width on a terminal, whole in a pipe. */
function humanLine(ctx: Context, a: ListedArticle): string {
  const head = `${a.read ? ' ' : '●'}${a.starred ? '★' : ' '} ${a.id}  ${shortDate(a.published ?? a.fetchedAt, ctx.timeZone)}  `;
  const tags = a.tags.length ? '  ' + a.tags.map((t) => `#${sanitizeLine(t)}`).join(' ') : '';
  const title = `${a.lang ? `[${sanitizeLine(a.lang)}] ` : ''}${sanitizeLine(a.title)}`;
  if (ctx.width === Infinity) return head + title + tags;
  const room = Math.max(0, ctx.width - displayWidth(head));
  const titleRoom = Math.min(displayWidth(title), Math.max(room - displayWidth(tags), Math.floor(room * 0.6)));
  return head + truncate(truncate(title, titleRoom) + tags, room);
}
