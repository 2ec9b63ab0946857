import { MAX_VIEW_NAME, settingQuery } from '../../core/config.js';
import { messages } from '../../core/i18n/index.js';
import { parseQuery } from '../../core/query/parse.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { truncate } from '../../core/render/text.js';
import { printJson } from './shared.js';

/** `cyberread views [add NAME QUERY | remove NAME]`: saved queries, each with its unread and total counts. */
export function viewsCommand(ctx: Context, args: ParsedArgs): number {
  const [sub, ...rest] = args.positionals;
  if (sub === 'add') {
    const [rawName, text, ...extra] = rest;
    if (rawName === undefined || text === undefined) throw new CliError(ctx.msg.needArgument('NAME QUERY', 'views add'), 2);
    if (extra.length > 0) throw new CliError(ctx.msg.extraArguments(sanitizeLine(extra.join(' ')), 'views add'), 2);
    const name = sanitizeLine(rawName);
    if (name === '' || name.length > MAX_VIEW_NAME) throw new CliError(ctx.msg.badViewName(MAX_VIEW_NAME), 2);
    const r = parseQuery(text);
    if (!r.ok) throw new CliError(messages(ctx.lang).queryProblem(r.problem.code, r.problem.column, r.problem.token), 2);
    if (r.node === null) throw new CliError(ctx.msg.emptyQuery, 2);
    const added = ctx.config.saveView({ name, query: text.trim() });
    if (ctx.json) printJson(ctx, { name, query: text.trim(), added });
    else ctx.out(added ? ctx.msg.viewSaved(name) : ctx.msg.viewReplaced(name));
    return 0;
  }
  if (sub === 'remove' || sub === 'rm') {
    const name = rest.join(' ');
    if (name.trim() === '') throw new CliError(ctx.msg.needArgument('NAME', 'views remove'), 2);
    if (!ctx.config.removeView(name)) throw new CliError(ctx.msg.viewNotFound(sanitizeLine(name)));
    if (ctx.json) printJson(ctx, { removed: sanitizeLine(name) });
    else ctx.out(ctx.msg.viewRemoved(sanitizeLine(name)));
    return 0;
  }
  if (sub !== undefined) throw new CliError(ctx.msg.extraArguments(sanitizeLine(args.positionals.join(' ')), 'views'), 2);
  const store = ctx.store();
  const rows = ctx.config.settings.views.map((v) => {
    const where = settingQuery(v.query) ?? undefined;
    return { name: v.name, query: v.query, unread: store.count({ where, unread: true }), total: store.count({ where }) };
  });
  if (ctx.json) {
    printJson(ctx, rows);
    return 0;
  }
  if (rows.length === 0) {
    ctx.out(ctx.msg.noViews);
    return 0;
  }
  const nw = Math.max(...rows.map((r) => r.name.length));
  const qw = Math.min(40, Math.max(...rows.map((r) => sanitizeLine(r.query).length)));
  for (const r of rows) ctx.out(truncate(`${r.name.padEnd(nw)}  ${sanitizeLine(r.query).padEnd(qw)}  ${ctx.msg.viewCounts(r.unread, r.total)}`, ctx.width));
  return 0;
}
