import { isFullTextMode } from '../../core/article/policy.js';
import { feedConfigFrom } from '../../core/subscriptions.js';
import { explain } from '../../core/i18n/problem.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { line, list, normaliseFeedUrl, printJson, shortDate, str } from './shared.js';
import { userAgent } from '../../core/feeds/http.js';
import { sendSubscriptions, SyncError } from '../../core/sync/index.js';
import { queueSubscribe, queueUnsubscribe } from '../../core/sync/feeds.js';
import { VERSION } from '../../core/version.js';
import { passwordFor } from './sync.js';

/**
 * While sync is set up, a feed added or removed here is queued for the server and sent at once; the answer
 * is one more sentence. Offline (or without a password), it stays queued for the next sync.
 */
async function tellServer(ctx: Context, url: string, queued: boolean): Promise<{ server: 'done' | 'queued' | 'refused' | null; said: string | null }> {
  const sync = ctx.config.settings.sync;
  if (sync === undefined || !queued) return { server: null, said: null };
  try {
    const password = (): Promise<string> => passwordFor(ctx, sync);
    const r = await sendSubscriptions(sync, ctx.store().sync, { password, userAgent: userAgent(VERSION), env: ctx.env });
    const refused = r.refused.find((x) => x.url === url);
    if (refused !== undefined) return { server: 'refused', said: explain(refused.problem, ctx.lang) };
    return { server: 'done', said: null };
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    return { server: 'queued', said: ctx.msg.feedQueuedForServer(url, sync.url, explain(error.problem, ctx.lang)) };
  }
}

export async function feedsCommand(ctx: Context, args: ParsedArgs): Promise<number> {
  // args.ts checked the words: one URL after add and remove, none after feeds alone.
  const sub = args.subcommand;
  const raw = args.positionals[0] ?? '';
  if (sub === 'add') {
    const lang = str(args.values.lang);
    const title = str(args.values.title);
    const spec = feedConfigFrom({ url: raw, ...(title !== undefined ? { title } : {}), ...(lang !== undefined ? { lang } : {}), tags: list(args.values.tag) });
    if (!spec.ok) {
      const e = spec.error;
      const say =
        e.kind === 'badLang' ? ctx.msg.badLang(e.value) : e.kind === 'badTag' ? ctx.msg.tagWithSpace(e.value) : e.kind === 'emptyTag' ? ctx.msg.emptyTag : ctx.msg.badUrl(sanitizeLine(raw));
      throw new CliError(say, 2);
    }
    const { feed } = spec;
    const url = feed.url;
    const mode = str(args.values.full);
    if (mode !== undefined) {
      const m = mode.trim().toLowerCase();
      if (!isFullTextMode(m)) throw new CliError(ctx.msg.badFullMode(sanitizeLine(mode)), 2);
      feed.fullText = m;
    }
    const added = ctx.config.addFeed(feed);
    // Adding a feed again with --full changes its mode: the way to set it without editing config.json.
    if (!added && feed.fullText !== undefined) {
      ctx.config.updateFeed(url, { fullText: feed.fullText });
      if (ctx.json) printJson(ctx, { added, feed: ctx.config.settings.feeds.find((f) => f.url === url) });
      else ctx.out(ctx.msg.fullModeSet(url, feed.fullText));
      return 0;
    }
    const sync = ctx.config.settings.sync;
    const told = added && sync !== undefined ? await tellServer(ctx, url, queueSubscribe(ctx.store().sync, feed)) : { server: null, said: null };
    if (ctx.json) printJson(ctx, { added, feed, ...(sync === undefined ? {} : { server: told.server }) });
    else {
      ctx.out(!added ? ctx.msg.feedExists(url) : told.server === 'done' && sync !== undefined ? ctx.msg.feedAddedOnServer(url, sync.url) : ctx.msg.feedAdded(url));
      if (told.said !== null) ctx.out(sanitizeLine(told.said));
    }
    return 0;
  }
  if (sub === 'remove' || sub === 'rm') {
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
    const sync = ctx.config.settings.sync;
    const told = sync !== undefined ? await tellServer(ctx, url, queueUnsubscribe(ctx.store().sync, url)) : { server: null, said: null };
    if (ctx.json) printJson(ctx, { removed: url, articles: removed, ...(sync === undefined ? {} : { server: told.server }) });
    else {
      ctx.out(told.server === 'done' && sync !== undefined ? ctx.msg.feedRemovedOnServer(url, sync.url, removed) : ctx.msg.feedRemoved(url, removed));
      if (told.said !== null) ctx.out(sanitizeLine(told.said));
    }
    return 0;
  }
  const feeds = ctx.config.settings.feeds;
  const states = new Map(ctx.store().listFeedStates().map((s) => [s.url, s]));
  if (ctx.json) {
    printJson(ctx, feeds.map((f) => {
      const s = states.get(f.url);
      const said = s?.lastError ?? null;
      return {
        ...f,
        fullText: f.fullText ?? 'auto',
        title: f.title ?? s?.title ?? null,
        lastFetched: s?.lastFetched ?? null,
        lastStatus: s?.lastStatus ?? null,
        lastError: said === null ? null : explain(said, ctx.lang),
        // null for a sentence an older cyberread stored without one
        lastErrorCode: said === null || typeof said === 'string' ? null : said.key,
      };
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
    const status = !s?.lastStatus ? ctx.msg.neverFetched : s.lastStatus === 'error' ? `✗ ${s.lastError === null ? '' : explain(s.lastError, ctx.lang)}` : `✓ ${shortDate(s.lastFetched, ctx.timeZone)}`;
    const full = f.fullText && f.fullText !== 'auto' ? `--full ${f.fullText}  ` : '';
    line(ctx, `${f.lang ? `[${f.lang}] ` : ''}${title ? `${title} — ` : ''}${f.url}  ${f.tags?.length ? f.tags.map((t) => `#${t}`).join(' ') + '  ' : ''}${full}${status}`);
  }
  return 0;
}

