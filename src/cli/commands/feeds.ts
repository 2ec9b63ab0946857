import { isFullTextMode } from '../../core/article/policy.js';
import { feedConfigFrom } from '../../core/subscriptions.js';
import { explain } from '../../core/i18n/problem.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { line, list, normaliseFeedUrl, printJson, shortDate, str } from './shared.js';

export function feedsCommand(ctx: Context, args: ParsedArgs): number {
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
    if (ctx.json) printJson(ctx, { added, feed });
    else ctx.out(added ? ctx.msg.feedAdded(url) : ctx.msg.feedExists(url));
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
    if (ctx.json) printJson(ctx, { removed: url, articles: removed });
    else ctx.out(ctx.msg.feedRemoved(url, removed));
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

