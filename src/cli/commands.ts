import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { formatPosted } from '../core/i18n/dates.js';
import { messages } from '../core/i18n/index.js';
import { OpmlError, parseOpml, refuseFeedUrl, toOpml } from '../core/opml.js';
import { renderToText } from '../core/render/html.js';
import { displayWidth, truncate, wrap } from '../core/render/text.js';
import { sanitizeLine, sanitizeText } from '../core/sanitize.js';
import type { ArticleQuery, FeedConfig, RefreshResult, StoredArticle } from '../core/types.js';
import type { ParsedArgs } from './args.js';
import { CliError, parseLang, type Context } from './context.js';

type Values = ParsedArgs['values'];

const str = (v: Values[string]): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: Values[string]): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []);

function printJson(ctx: Context, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}

/** One line of human output: sanitised and cut to the terminal width. */
function line(ctx: Context, text: string): void {
  ctx.out(truncate(sanitizeLine(text), ctx.width));
}

/** Accepts http(s) and file URLs and local paths; local paths are stored absolute. */
export function normaliseFeedUrl(input: string, ctx: Context): string {
  const value = input.trim();
  // Judged before URL parsing, which would percent-encode an ESC, drop a tab, or read "https:///x" as host x.
  if (refuseFeedUrl(value) !== null) throw new CliError(ctx.msg.badUrl(sanitizeLine(input)), 2);
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new CliError(ctx.msg.badUrl(sanitizeLine(input)), 2);
    }
    if (!['http:', 'https:', 'file:'].includes(url.protocol) || !url.host && url.protocol !== 'file:') {
      throw new CliError(ctx.msg.badUrl(sanitizeLine(input)), 2);
    }
    return url.href;
  }
  if (!value || /[\u0000-\u001f\u007f]/.test(value)) throw new CliError(ctx.msg.badUrl(sanitizeLine(input)), 2);
  return isAbsolute(value) ? value : resolve(value);
}

function articleJson(a: StoredArticle) {
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

function shortDate(iso: string | null, timeZone: string): string {
  if (!iso) return '                ';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Commands that take no words besides options say so instead of ignoring them. */
function noPositionals(ctx: Context, args: ParsedArgs, command: string): void {
  if (args.positionals.length) throw new CliError(ctx.msg.extraArguments(sanitizeLine(args.positionals.join(' ')), command), 2);
}

export function feedsCommand(ctx: Context, args: ParsedArgs): number {
  const [sub, ...rest] = args.positionals;
  if (sub === 'add') {
    const raw = rest[0];
    if (!raw) throw new CliError(ctx.msg.needArgument('URL', 'feeds add'), 2);
    const url = normaliseFeedUrl(raw, ctx);
    const feed: FeedConfig = { url };
    const title = str(args.values.title);
    if (title) feed.title = sanitizeLine(title);
    const lang = parseLang(str(args.values.lang), ctx.msg);
    if (lang) feed.lang = lang;
    const tags = list(args.values.tag).map((t) => sanitizeLine(t).replace(/^#/, '')).filter(Boolean);
    if (tags.length) feed.tags = tags;
    const added = ctx.config.addFeed(feed);
    if (ctx.json) printJson(ctx, { added, feed });
    else ctx.out(added ? ctx.msg.feedAdded(url) : ctx.msg.feedExists(url));
    return 0;
  }
  if (sub === 'remove' || sub === 'rm') {
    const raw = rest[0];
    if (!raw) throw new CliError(ctx.msg.needArgument('URL', 'feeds remove'), 2);
    const candidates = [raw.trim()];
    try {
      candidates.push(normaliseFeedUrl(raw, ctx));
    } catch {
      // an unparseable argument can still match a stored url literally
    }
    const url = candidates.find((c) => ctx.config.settings.feeds.some((f) => f.url === c));
    if (!url) throw new CliError(ctx.msg.feedNotFound(sanitizeLine(raw)));
    ctx.config.removeFeed(url);
    const removed = ctx.store().removeFeed(url);
    if (ctx.json) printJson(ctx, { removed: url, articles: removed });
    else ctx.out(ctx.msg.feedRemoved(url, removed));
    return 0;
  }
  if (sub !== undefined) throw new CliError(`Unknown "feeds" subcommand "${sanitizeLine(sub)}": use add or remove.`, 2);
  const feeds = ctx.config.settings.feeds;
  const states = new Map(ctx.store().listFeedStates().map((s) => [s.url, s]));
  if (ctx.json) {
    printJson(ctx, feeds.map((f) => {
      const s = states.get(f.url);
      return { ...f, title: f.title ?? s?.title ?? null, lastFetched: s?.lastFetched ?? null, lastStatus: s?.lastStatus ?? null, lastError: s?.lastError ?? null };
    }));
    return 0;
  }
  if (!feeds.length) {
    ctx.out(ctx.msg.noFeeds);
    return 0;
  }
  for (const f of feeds) {
    const s = states.get(f.url);
    const title = f.title ?? s?.title ?? '';
    const status = !s?.lastStatus ? ctx.msg.neverFetched : s.lastStatus === 'error' ? `✗ ${s.lastError ?? ''}` : `✓ ${shortDate(s.lastFetched, ctx.timeZone)}`;
    line(ctx, `${f.lang ? `[${f.lang}] ` : ''}${title ? `${title} — ` : ''}${f.url}  ${f.tags?.length ? f.tags.map((t) => `#${t}`).join(' ') + '  ' : ''}${status}`);
  }
  return 0;
}

export async function refreshCommand(ctx: Context, args: ParsedArgs): Promise<number> {
  const all = ctx.config.settings.feeds;
  let feeds = all;
  if (args.positionals.length) {
    feeds = args.positionals.map((raw) => {
      const url = normaliseFeedUrl(raw, ctx);
      const known = all.find((f) => f.url === url || f.url === raw);
      if (!known) throw new CliError(ctx.msg.feedNotFound(sanitizeLine(raw)));
      return known;
    });
  }
  if (!feeds.length) {
    if (ctx.json) printJson(ctx, []);
    else ctx.out(ctx.msg.noFeeds);
    return 0;
  }
  const results = await ctx.refresh(feeds, {
    all: args.positionals.length === 0,
    ignoreRetryAfter: args.values.force === true,
    onResult: ctx.json ? undefined : (r) => printRefreshLine(ctx, r, feeds),
  });
  const failed = results.filter((r) => r.status === 'error').length;
  if (ctx.json) printJson(ctx, results);
  else ctx.out(ctx.msg.refreshSummary(results.length, results.reduce((n, r) => n + r.added, 0), failed));
  return failed ? 1 : 0;
}

function printRefreshLine(ctx: Context, r: RefreshResult, feeds: FeedConfig[]): void {
  const name = feeds.find((f) => f.url === r.url)?.title ?? r.url;
  const mark = r.status === 'error' ? '✗' : r.status === 'new' ? '✓' : '·';
  const detail = r.status === 'error' ? `${ctx.msg.refreshLine(r.status, 0, 0)}: ${r.error ?? ''}` : ctx.msg.refreshLine(r.status, r.added, r.updated);
  line(ctx, `${mark} ${name}  ${detail}`);
}

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
  if (article.tags.length) out.push(article.tags.map((t) => `#${sanitizeLine(t)}`).join(' '));
  out.push('─'.repeat(Math.min(width, 80)));
  const body = article.contentHtml || article.summary;
  out.push(sanitizeText(renderToText(body, { width, imageLabel: ctx.msg.imageLabel, baseUrl: article.url ?? undefined })));
  const short = messages(ctx.lang);
  for (const o of others) out.push('', `${o.lang === 'id' ? short.langShortId : o.lang === 'en' ? short.langShortEn : o.lang ?? ''}: ${o.id}  ${sanitizeLine(o.title)}`);
  ctx.out(out.map((l) => l.split('\n').map((x) => truncate(x, width)).join('\n')).join('\n'));
  if (link) ctx.out(`\n${link}`);
  if (!article.read) store.mark([article.id], { read: true });
  return 0;
}

export function tagsCommand(ctx: Context, args: ParsedArgs): number {
  noPositionals(ctx, args, 'tags');
  const tags = ctx.store().tags(parseLang(str(args.values.lang), ctx.msg));
  if (ctx.json) {
    printJson(ctx, tags);
    return 0;
  }
  if (!tags.length) {
    ctx.out(ctx.msg.noArticles);
    return 0;
  }
  const w = Math.max(...tags.map((t) => String(t.count).length));
  for (const t of tags) line(ctx, `${String(t.count).padStart(w)}  #${t.tag}`);
  return 0;
}

export function markCommand(ctx: Context, args: ParsedArgs): number {
  const v = args.values;
  const chosen = (['read', 'unread', 'star', 'unstar'] as const).filter((k) => v[k] === true);
  if (chosen.length !== 1) throw new CliError(ctx.msg.needOneOf('--read, --unread, --star, --unstar'), 2);
  if (!args.positionals.length) throw new CliError(ctx.msg.needArgument('ID', 'mark'), 2);
  const store = ctx.store();
  const missing = args.positionals.filter((id) => !store.get(id));
  if (missing.length) throw new CliError(ctx.msg.articleNotFound(sanitizeLine(missing.join(', '))));
  const flag = chosen[0];
  const flags = flag === 'read' ? { read: true } : flag === 'unread' ? { read: false } : flag === 'star' ? { starred: true } : { starred: false };
  const changed = store.mark(args.positionals, flags);
  if (ctx.json) printJson(ctx, { marked: args.positionals, changed });
  else ctx.out(ctx.msg.marked(args.positionals.length));
  return 0;
}

export function importCommand(ctx: Context, args: ParsedArgs): number {
  const file = args.positionals[0];
  if (!file) throw new CliError(ctx.msg.needArgument('FILE.opml', 'import'), 2);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `There is no file ${file}.` : `Cannot read ${file}: ${(error as Error).message}.`);
  }
  let parsed;
  try {
    parsed = parseOpml(text);
  } catch (error) {
    if (error instanceof OpmlError) throw new CliError(error.message);
    throw error;
  }
  let added = 0;
  let skipped = 0;
  const existing = new Set(ctx.config.settings.feeds.map((f) => f.url));
  const feeds = [...ctx.config.settings.feeds];
  for (const f of parsed.feeds) {
    // a relative path in an OPML file is relative to that file, not to where the command runs
    const url = /^[a-z][a-z0-9+.-]*:/i.test(f.url) ? f.url : resolve(dirname(file), f.url);
    if (existing.has(url)) {
      skipped += 1;
      continue;
    }
    existing.add(url);
    feeds.push({ ...f, url });
    added += 1;
  }
  ctx.config.set('feeds', feeds);
  if (ctx.json) printJson(ctx, { added, skipped, rejected: parsed.rejected });
  else {
    for (const r of parsed.rejected) line(ctx, ctx.msg.rejected(r.url, r.reason));
    ctx.out(ctx.msg.imported(added, skipped, parsed.rejected.length));
  }
  return 0;
}

export function exportCommand(ctx: Context, args: ParsedArgs): number {
  noPositionals(ctx, args, 'export');
  ctx.out(toOpml(ctx.config.settings.feeds, { title: 'cyberread feeds' }).trimEnd());
  return 0;
}
