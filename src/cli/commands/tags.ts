import type { ParsedArgs } from '../args.js';
import { parseLang, type Context } from '../context.js';
import { line, parseQueryOption, printJson, str } from './shared.js';

export function tagsCommand(ctx: Context, args: ParsedArgs): number {
  const where = parseQueryOption(ctx, args.values.query);
  const tags = ctx.store().tags(parseLang(str(args.values.lang), ctx.msg), undefined, where);
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

