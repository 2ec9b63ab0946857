import { messages } from '../../core/i18n/index.js';
import { displayWidth, padEnd, truncate } from '../../core/render/text.js';
import type { ParsedArgs } from '../args.js';
import type { Context } from '../context.js';
import { helpText, placeName, pseudoName, type KeyAction, type KeyContext } from '../../ui/keymap.js';
import { printJson } from './shared.js';

interface Row {
  action: KeyAction;
  keys: string[];
  views: KeyContext[];
  help: string;
  custom: boolean;
}

/**
 * `cyberread keys`: the key table in effect (the settings' "keys" over the defaults), one row per action,
 * its keys and what it does, with where it applies; the names are those "keys" takes.
 */
export function keysCommand(ctx: Context, _args: ParsedArgs): number {
  const m = messages(ctx.lang);
  const rows: Row[] = [];
  for (const b of ctx.keymap.bindings) {
    const help = helpText(b.help, m, ctx.keymap);
    // the rows of one action with the same keys and words are one line, with their places together
    const same = rows.find((r) => r.action === b.action && r.help === help && r.keys.join(' ') === b.keys.join(' '));
    if (same) same.views.push(...b.views.filter((v) => !same.views.includes(v)));
    else rows.push({ action: b.action, keys: [...b.keys], views: [...b.views], help, custom: ctx.keymap.custom.has(b.action) && !b.keys.includes('Ctrl-C') });
  }
  if (ctx.json) {
    printJson(ctx, rows);
    return 0;
  }
  const shown = rows.map((r) => ({
    action: (r.custom ? '*' : ' ') + r.action,
    keys: r.keys.length === 0 ? '—' : r.keys.map((k) => pseudoName(k, m)).join(' '),
    what: `${r.help} (${r.views.map((v) => placeName(v, m)).join(', ')})`,
  }));
  const head = { action: ' ' + ctx.msg.keysHeadAction, keys: ctx.msg.keysHeadKeys, what: ctx.msg.keysHeadWhat };
  const aw = Math.max(...[head, ...shown].map((r) => displayWidth(r.action)));
  const kw = Math.min(16, Math.max(...[head, ...shown].map((r) => displayWidth(r.keys))));
  // every word here comes from the key table and the message tables (a key the settings name is one of the
  // table's names by now), so the columns are kept as they are, only cut to the terminal
  for (const r of [head, ...shown]) ctx.out(truncate(`${padEnd(r.action, aw)}  ${padEnd(r.keys, kw)}  ${r.what}`, ctx.width));
  if (rows.some((r) => r.custom)) ctx.out(truncate(ctx.msg.keysCustomNote, ctx.width));
  return 0;
}
