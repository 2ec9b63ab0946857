import { sanitizeLine } from '../../core/sanitize.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { buildQuery } from './list.js';
import { printJson } from './shared.js';

export function markCommand(ctx: Context, args: ParsedArgs): number {
  const v = args.values;
  const chosen = (['read', 'unread', 'star', 'unstar'] as const).filter((k) => v[k] === true);
  if (chosen.length !== 1) throw new CliError(ctx.msg.needOneOf('--read, --unread, --star, --unstar'), 2);
  const flag = chosen[0] as (typeof chosen)[number];
  if (v.all === true) return markAll(ctx, args, flag);
  for (const f of ['starred', 'search', 'feed', 'tag', 'query'] as const) {
    if (v[f] !== undefined) throw new CliError(ctx.msg.filterNeedsAll(`--${f}`), 2);
  }
  if (!args.positionals.length) throw new CliError(ctx.msg.needArgument('ID', 'mark'), 2);
  const store = ctx.store();
  const missing = args.positionals.filter((id) => !store.get(id));
  if (missing.length) throw new CliError(ctx.msg.articleNotFound(sanitizeLine(missing.join(', '))));
  const flags = flag === 'read' ? { read: true } : flag === 'unread' ? { read: false } : flag === 'star' ? { starred: true } : { starred: false };
  const changed = store.mark(args.positionals, flags);
  if (ctx.json) printJson(ctx, { marked: args.positionals, changed });
  else ctx.out(ctx.msg.marked(args.positionals.length));
  return 0;
}

/** `mark --all [filters] --read|--unread`: every article the same filters would list, with no limit. */
function markAll(ctx: Context, args: ParsedArgs, flag: 'read' | 'unread' | 'star' | 'unstar'): number {
  if (args.positionals.length) throw new CliError(ctx.msg.idsOrAll, 2);
  if (flag !== 'read' && flag !== 'unread') throw new CliError(ctx.msg.allNeedsRead, 2);
  const { unread: _action, ...filters } = args.values;
  const query = buildQuery(ctx, filters);
  const r = ctx.store().markAll(query, flag === 'read');
  if (ctx.json) printJson(ctx, { changed: r.matched, otherEditions: r.ids.length - r.matched });
  else ctx.out(ctx.msg.markedAll(r.matched, flag === 'read'));
  return 0;
}
