import { parseQuery } from '../../core/query/parse.js';
import { messages } from '../../core/i18n/index.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { truncate } from '../../core/render/text.js';
import { printJson, shortDate } from './shared.js';

/** A query as the user wrote it, quoted back on one line. */
const shown = (q: string): string => sanitizeLine(q);

function checkedQuery(ctx: Context, text: string | undefined, command: string): string {
  if (text === undefined) throw new CliError(ctx.msg.needArgument('QUERY', command), 2);
  const r = parseQuery(text);
  if (!r.ok) throw new CliError(messages(ctx.lang).queryProblem(r.problem.code, r.problem.column, r.problem.token), 2);
  if (r.node === null) throw new CliError(ctx.msg.emptyQuery, 2);
  return text.trim();
}

/** `cyberread ignore [add QUERY [--drop] | remove QUERY]`: the killfile. */
export function ignoreCommand(ctx: Context, args: ParsedArgs): number {
  const [sub, ...rest] = args.positionals;
  if (sub === 'add') {
    if (rest.length > 1) throw new CliError(ctx.msg.extraArguments(sanitizeLine(rest.slice(1).join(' ')), 'ignore add'), 2);
    const query = checkedQuery(ctx, rest[0], 'ignore add');
    const mode = args.values.drop === true ? 'drop' : 'hide';
    const done = ctx.config.saveIgnoreRule({ query, mode });
    if (ctx.json) printJson(ctx, { query, mode, result: done });
    else ctx.out(done === 'changed' ? ctx.msg.ignoreChanged(shown(query), mode) : ctx.msg.ignoreAdded(shown(query), mode));
    return 0;
  }
  if (sub === 'remove' || sub === 'rm') {
    const query = rest.join(' ');
    if (query.trim() === '') throw new CliError(ctx.msg.needArgument('QUERY', 'ignore remove'), 2);
    if (!ctx.config.removeIgnoreRule(query)) throw new CliError(ctx.msg.ignoreNotFound(shown(query)));
    if (ctx.json) printJson(ctx, { removed: query.trim() });
    else ctx.out(ctx.msg.ignoreRemoved(shown(query)));
    return 0;
  }
  if (sub !== undefined) throw new CliError(ctx.msg.extraArguments(sanitizeLine(args.positionals.join(' ')), 'ignore'), 2);
  const rules = ctx.config.settings.ignore;
  const nodes = rules.map((r) => parseQuery(r.query)).map((r) => (r.ok && r.node !== null ? r.node : null));
  const usable = rules.filter((_, i) => nodes[i] !== null);
  const counts = ctx.store().ignoreCounts(
    nodes.filter((n) => n !== null),
    usable.filter((r) => r.mode === 'drop').map((r) => r.query),
  );
  const rows = usable.map((r, i) => {
    const d = r.mode === 'drop' ? counts.dropped.get(r.query) : undefined;
    return { query: r.query, mode: r.mode, hidden: counts.hidden[i] ?? 0, dropped: d?.count ?? 0, lastDropped: d === undefined ? null : new Date(d.last).toISOString() };
  });
  if (ctx.json) {
    printJson(ctx, rows);
    return 0;
  }
  if (rows.length === 0) {
    ctx.out(ctx.msg.noIgnoreRules);
    return 0;
  }
  const w = Math.min(40, Math.max(...rows.map((r) => sanitizeLine(r.query).length)));
  for (const r of rows) {
    const parts = [ctx.msg.ignoreHidden(r.hidden)];
    if (r.mode === 'drop') parts.push(r.lastDropped === null ? ctx.msg.ignoreNoneDropped : ctx.msg.ignoreDropped(r.dropped, shortDate(r.lastDropped, ctx.timeZone)));
    ctx.out(truncate(`${r.mode}  ${sanitizeLine(r.query).padEnd(w)}  ${parts.join(' · ')}`, ctx.width));
  }
  return 0;
}
