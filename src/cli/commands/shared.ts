import { messages } from '../../core/i18n/index.js';
import { parseQuery, type QueryNode } from '../../core/query/index.js';
import { normaliseFeedUrl as normaliseFeedUrlCore } from '../../core/subscriptions.js';
import { truncate } from '../../core/render/text.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ListedArticle } from '../../core/store/sqlite.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';

/** What the commands share: option readers, output helpers, the feed URL rule, the article JSON shape. */

export type Values = ParsedArgs['values'];

export const str = (v: Values[string]): string | undefined => (typeof v === 'string' ? v : undefined);
export const list = (v: Values[string]): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []);

export function printJson(ctx: Context, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}

/** One line of human output: sanitised and cut to the terminal width. */
export function line(ctx: Context, text: string): void {
  ctx.out(truncate(sanitizeLine(text), ctx.width));
}

/** Accepts http(s) and file URLs and local paths (stored absolute): the rule of core/subscriptions.ts. */
export function normaliseFeedUrl(input: string, ctx: Context): string {
  const url = normaliseFeedUrlCore(input);
  if (url === null) throw new CliError(ctx.msg.badUrl(sanitizeLine(input)), 2);
  return url;
}

export function articleJson(a: ListedArticle) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    author: a.author,
    published: a.published,
    lang: a.lang,
    tags: a.tags,
    feed: { url: a.feedUrl, title: a.feedTitle },
    read: a.read,
    starred: a.starred,
    summary: a.summary,
  };
}

// One formatter per time zone: making one costs more than the rest of a `list` line, 100,000 times over.
const shortDateFormats = new Map<string, Intl.DateTimeFormat>();

export function shortDate(iso: string | null, timeZone: string): string {
  if (!iso) return '                ';
  let format = shortDateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    shortDateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * A --query option read with the query language; a query that cannot be read is a bad argument (exit 2)
 * explained in one sentence, never an empty result.
 */
export function parseQueryOption(ctx: Context, value: Values[string]): QueryNode | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const r = parseQuery(text);
  if (!r.ok) throw new CliError(messages(ctx.lang).queryProblem(r.problem.code, r.problem.column, r.problem.token), 2);
  return r.node ?? undefined;
}
