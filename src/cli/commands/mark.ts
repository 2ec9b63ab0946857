import { sanitizeLine } from '../../core/sanitize.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { printJson } from './shared.js';

export function markCommand(ctx: Context, args: ParsedArgs): number {
  const v = args.values;
  const chosen = (['read', 'unread', 'star', 'unstar'] as const).filter((k) => v[k] === true);
  if (chosen.length !== 1) throw new CliError(ctx.msg.needOneOf('--read, --unread, --star, --unstar'), 2);
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

