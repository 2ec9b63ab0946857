import type { ParsedArgs } from '../args.js';
import type { Context } from '../context.js';
import { printJson } from './shared.js';

/** `cyberread vacuum`: compacts the cache and says how much it took before and after. */
export function vacuumCommand(ctx: Context, _args: ParsedArgs): number {
  const drop = ctx.config.settings.ignore.filter((r) => r.mode === 'drop').map((r) => r.query);
  const { before, after } = ctx.store().vacuum(drop);
  if (ctx.json) printJson(ctx, { path: ctx.paths.cacheFile, before, after });
  else ctx.out(ctx.msg.vacuumDone(ctx.paths.cacheFile, ctx.msg.size(before), ctx.msg.size(after)));
  return 0;
}
