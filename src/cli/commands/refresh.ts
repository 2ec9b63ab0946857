import { explain } from '../../core/i18n/problem.js';
import { asClause } from '../../core/i18n/clause.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { FeedConfig, RefreshResult } from '../../core/types.js';
import type { PageRunStats } from '../../core/article/full.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { line, normaliseFeedUrl, printJson } from './shared.js';
import { localOnlyFeeds, syncResults } from '../../core/sync/feeds.js';
import { pagesAfterRefresh } from '../../core/article/refresh-pages.js';
import { syncRun } from './sync.js';

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
  const full = args.values.full === true;
  let pages: PageRunStats | null = null;
  const results: RefreshResult[] = [];
  const sync = ctx.config.settings.sync;
  let direct = feeds;
  if (sync !== undefined) {
    // The server fetches its feeds: one sync run brings what it has (all of it, whichever feeds were named);
    // feeds it does not have (a file, one it refused) are still fetched here.
    const since = new Date().toISOString();
    const report = await syncRun(ctx, sync);
    const synced = syncResults(report);
    const asked = new Set(feeds.map((f) => f.url));
    for (const r of synced) {
      if (args.positionals.length > 0 && !asked.has(r.url)) continue;
      results.push(r);
      if (!ctx.json) printRefreshLine(ctx, r, ctx.config.settings.feeds);
    }
    direct = localOnlyFeeds(feeds, ctx.store().sync.syncFeeds());
    if (full) {
      const serverFeeds = ctx.config.settings.feeds.filter((f) => synced.some((r) => r.url === f.url));
      pages = await pagesAfterRefresh(ctx.store(), serverFeeds, since, ctx.pages(), ctx.config.settings.concurrency);
    }
  }
  if (direct.length > 0) {
    let directPages: PageRunStats | null = null;
    results.push(
      ...(await ctx.refresh(direct, {
        all: sync === undefined && args.positionals.length === 0,
        ignoreRetryAfter: args.values.force === true,
        onResult: ctx.json ? undefined : (r) => printRefreshLine(ctx, r, feeds),
        full,
        onPages: (stats) => (directPages = stats),
      })),
    );
    pages = addPages(pages, directPages);
  }
  if (sync !== undefined && args.positionals.length === 0) ctx.config.set('lastRefreshAt', new Date().toISOString());
  const failed = results.filter((r) => r.status === 'error').length;
  const done = pages as PageRunStats | null;
  // --json is the same array with or without --full; --full adds each feed's page counts to its entry
  if (ctx.json) {
    const none = { fetched: 0, ok: 0, failed: 0, skipped: 0 };
    printJson(ctx, results.map((r) => (full ? { ...resultJson(ctx, r), pages: done?.byFeed[r.url] ?? none } : resultJson(ctx, r))));
  }
  else {
    ctx.out(ctx.msg.refreshSummary(results.length, results.reduce((n, r) => n + r.added, 0), failed));
    // A page that could not be had is not a failed refresh: its article is there with the feed's text.
    if (done !== null) ctx.out(ctx.msg.pagesSummary(done.fetched, done.ok, done.failed));
  }
  return failed ? 1 : 0;
}

function addPages(a: PageRunStats | null, b: PageRunStats | null): PageRunStats | null {
  if (a === null || b === null) return a ?? b;
  return { fetched: a.fetched + b.fetched, ok: a.ok + b.ok, failed: a.failed + b.failed, skipped: a.skipped + b.skipped, byFeed: { ...a.byFeed, ...b.byFeed } };
}

function printRefreshLine(ctx: Context, r: RefreshResult, feeds: FeedConfig[]): void {
  const name = feeds.find((f) => f.url === r.url)?.title ?? r.url;
  const mark = r.status === 'error' ? '✗' : r.status === 'new' ? '✓' : '·';
  // what the ignore rules and retention limits took comes before an error's text, which the width may cut
  const policy = [r.dropped ? ctx.msg.refreshDropped(r.dropped) : '', r.removed ? ctx.msg.refreshRemoved(r.removed) : ''].filter(Boolean).join(', ');
  const taken = policy === '' ? '' : r.status === 'error' ? ` (${policy})` : ` · ${policy}`;
  const detail =
    r.status === 'error'
      ? `${ctx.msg.refreshLine(r.status, 0, 0)}${taken}: ${r.error ? asClause(explain(r.error, ctx.lang)) : ''}`
      : ctx.msg.refreshLine(r.status, r.added, r.updated) + taken;
  line(ctx, `${mark} ${name}  ${detail}`);
}

/** A result for --json: the error as the sentence in the command's language, and its stable code. */
function resultJson(ctx: Context, r: RefreshResult): object {
  const { error, ...rest } = r;
  return error === undefined ? rest : { ...rest, error: explain(error, ctx.lang), errorCode: error.key };
}

