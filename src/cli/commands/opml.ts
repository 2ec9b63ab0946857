import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { feedKey, OpmlError, parseOpml, siteLink, toOpml } from '../../core/opml.js';
import { explain, problem } from '../../core/i18n/problem.js';
import type { FeedState } from '../../core/types.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { line, printJson } from './shared.js';

export function importCommand(ctx: Context, args: ParsedArgs): number {
  const file = args.positionals[0] ?? '';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(explain(code === 'ENOENT' ? problem('errOpmlNoFile', file) : problem('errOpmlRead', file, (error as Error).message), ctx.lang));
  }
  let parsed;
  try {
    parsed = parseOpml(text);
  } catch (error) {
    if (error instanceof OpmlError) throw new CliError(explain(error.problem, ctx.lang));
    throw error;
  }
  let added = 0;
  let skipped = 0;
  // a file subscribed by its path and imported by its file:// URL (as export writes it) is one feed
  const existing = new Set(ctx.config.settings.feeds.map((f) => feedKey(f.url)));
  const feeds = [...ctx.config.settings.feeds];
  for (const f of parsed.feeds) {
    // a relative path in an OPML file is relative to that file, not to where the command runs
    const url = /^[a-z][a-z0-9+.-]*:/i.test(f.url) ? f.url : resolve(dirname(file), f.url);
    if (existing.has(feedKey(url))) {
      skipped += 1;
      continue;
    }
    existing.add(feedKey(url));
    feeds.push({ ...f, url });
    added += 1;
  }
  ctx.config.set('feeds', feeds);
  const rejected = parsed.rejected.map((r) => ({ url: r.url, reason: explain(r.reason, ctx.lang), reasonCode: r.reason.key }));
  if (ctx.json) printJson(ctx, { added, skipped, rejected });
  else {
    for (const r of rejected) line(ctx, ctx.msg.rejected(r.url, r.reason));
    ctx.out(ctx.msg.imported(added, skipped, parsed.rejected.length));
  }
  return 0;
}

/**
 * The subscriptions as OPML, with what the cache learned of each feed where the settings say nothing: the
 * feed's own title (a feed added without --title is more than its address to another reader) and its site
 * link, which a refresh keeps current and an imported one stands in for.
 */
export function exportCommand(ctx: Context, _args: ParsedArgs): number {
  // No cache yet (nothing fetched): nothing learned, and export does not create one.
  const states = existsSync(ctx.paths.cacheFile) ? new Map(ctx.store().listFeedStates().map((s) => [s.url, s])) : new Map<string, FeedState>();
  const feeds = ctx.config.settings.feeds.map((f) => {
    const state = states.get(f.url);
    const title = f.title ?? state?.title ?? undefined;
    const htmlUrl = siteLink(state?.siteUrl) ?? siteLink(f.htmlUrl) ?? undefined;
    return { ...f, ...(title ? { title } : {}), ...(htmlUrl ? { htmlUrl } : {}) };
  });
  ctx.out(toOpml(feeds, { title: 'cyberread feeds' }).trimEnd());
  return 0;
}
