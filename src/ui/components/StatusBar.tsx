import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { textProps, useTheme } from '../theme.js';
import type { Messages } from '../../core/i18n/index.js';
import { keyFor, shownHints, type HintContext, type Keymap, type ShownHint } from '../keymap.js';
import { syncWait, type RefreshState, type View } from '../state.js';
import { clean, fit, type Measure } from './Line.js';
import { explain } from '../../core/i18n/problem.js';

export interface StatusBarProps {
  m: Messages;
  view: View;
  /** The reader's focus and "Read also" count, which some hints depend on. */
  hintContext: HintContext;
  refresh: RefreshState;
  /** Relative time of the last refresh, or null when there was none. */
  lastRefresh: string | null;
  toast: string | null;
  /** The toast says what went wrong (a query that cannot be read): drawn in the error role. */
  toastIsError?: boolean;
  /** Shown instead of the refresh status while set (the cache is damaged). */
  notice?: string | null;
  /** The user's keys, for the hints; the defaults when absent. */
  keymap?: Keymap | undefined;
  /** The last refresh's new articles per edition (null: as the feeds reported them). */
  fresh?: FreshCounts | null;
  /** Replaces the key hints (the search prompt). */
  prompt?: string;
  columns: number;
  measure: Measure;
}

/**
 * The new articles of the last refresh as the reader can see them: in the edition shown, and apart those
 * that went only to the other edition (`otherName`: IND, ENG), so neither is counted as the other.
 */
export interface FreshCounts {
  here: number;
  other: number;
  otherName: string;
}

export function refreshStatus(m: Messages, r: RefreshState, lastRefresh: string | null, keymap?: Keymap, fresh?: FreshCounts | null): string {
  const parts: string[] = [];
  if (r.running) parts.push(`↻ ${m.refreshProgress(r.done, r.total)}`);
  if (r.error !== null) parts.push(m.refreshFailed(clean(explain(r.error, m))));
  // without counts per edition (the cache could not say), what the feeds reported
  const here = fresh === undefined || fresh === null ? r.added : fresh.here;
  if (here > 0) parts.push(m.newArticles(here));
  if (fresh && fresh.other > 0) parts.push(m.newInEdition(fresh.other, fresh.otherName));
  // the sync server's feeds waiting for its password are not failing: what to do is said instead
  const wait = syncWait(r);
  const failed = r.failed.length - (wait?.feeds ?? 0);
  // (why the last password did not do is in the failed-feeds view, with the server's address)
  if (wait !== null) parts.push(m.syncPasswordWait(clean(wait.user), keyFor(keymap, 'refresh', 'list')));
  if (failed > 0) parts.push(m.feedsFailed(failed, keyFor(keymap, 'errors', 'list')));
  const added = fresh === undefined || fresh === null ? r.added : fresh.here + fresh.other;
  if (!r.running && r.error === null && added === 0 && r.failed.length === 0) {
    parts.push(lastRefresh === null ? m.neverRefreshed(keyFor(keymap, 'refresh', 'list')) : m.lastRefreshed(lastRefresh));
  }
  return parts.join(' · ');
}

/**
 * Key hints that fit in `width` cells: whole hints in table order, never one cut in half. A short line keeps,
 * in this order: the hint that does the view's job (Enter add/remove in the hashtag view: the last to go),
 * the last hint ("? help", which leads to all the others), the way out of the view (q back, q quit), then the
 * others in table order as long as they fit.
 */
export function fitHints(measure: Measure, hints: readonly (string | ShownHint)[], width: number): string {
  const sep = ' · ';
  const all: ShownHint[] = hints.map((h) => (typeof h === 'string' ? { text: h } : h));
  const joined = all.map((h) => h.text).join(sep);
  if (all.length === 0 || measure.displayWidth(joined) <= width) return joined;
  const sepWidth = measure.displayWidth(sep);
  const kept = new Set<number>();
  let used = 0;
  const take = (i: number): boolean => {
    if (kept.has(i)) return true;
    const w = measure.displayWidth((all[i] as ShownHint).text) + (kept.size > 0 ? sepWidth : 0);
    if (used + w > width) return false;
    kept.add(i);
    used += w;
    return true;
  };
  const indices = all.map((_h, i) => i);
  // no room for the job's hint (or, without one, the help's) whole: as much of it as the line holds, alone
  const first = indices.find((i) => all[i]?.role === 'job') ?? all.length - 1;
  if (!take(first)) return fit(measure, (all[first] as ShownHint).text, width);
  for (const i of indices) if (all[i]?.role === 'job') take(i);
  take(all.length - 1);
  for (const i of indices) if (all[i]?.role === 'out') take(i);
  for (const i of indices) if (!take(i)) break;
  return all.filter((_h, i) => kept.has(i)).map((h) => h.text).join(sep);
}

/**
 * A line being typed: the label, the text with its cursor, and the first of `hints` (fullest first) that fits
 * beside them. A text too long for the line shows its end, so the cursor and what was just typed stay in
 * view (the hint gives way first).
 */
export function typedLine(measure: Measure, label: string, text: string, hints: readonly string[], width: number): string {
  const typed = `${label}${text}█`;
  for (const h of hints) {
    const line = `${typed}   ${h}`;
    if (measure.displayWidth(line) <= width) return line;
  }
  if (measure.displayWidth(typed) <= width) return typed;
  // room for the end of the text between "label…" and the cursor
  const room = width - measure.displayWidth(label) - 2;
  if (room <= 0) return fit(measure, typed, width);
  const chars = [...text];
  let tail = '';
  for (let i = chars.length - 1; i >= 0; i--) {
    const next = (chars[i] as string) + tail;
    if (measure.displayWidth(next) > room) break;
    tail = next;
  }
  return `${label}…${tail}█`;
}

/**
 * A message too wide for one line split at a space into a first line that fits `width` and the rest (which
 * may not); null when it fits on one line or has no space to break at.
 */
export function splitLine(measure: Measure, s: string, width: number): [string, string] | null {
  if (width <= 0 || measure.displayWidth(s) <= width) return null;
  const words = s.split(' ');
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = i === 0 ? (words[0] ?? '') : `${first} ${words[i] ?? ''}`;
    if (measure.displayWidth(next) > width) break;
    first = next;
  }
  if (i === 0 || i === words.length) return null;
  return [first, words.slice(i).join(' ')];
}

/**
 * A rule, the refresh status (or a toast), and the key hints (or the search prompt). A toast too wide for
 * its line goes on over the hints line, which it hides while it shows: its end is often what to do
 * ("z undoes", "set $BROWSER") and a cut toast would lose it. A question (a toast with its answers in the
 * prompt) too wide for its line starts on the rule's line instead, so the answers stay in view.
 */
function StatusBarView(p: StatusBarProps): React.JSX.Element {
  const w = p.columns - 2;
  const split = p.toast !== null ? splitLine(p.measure, clean(p.toast), w) : null;
  const over = split !== null && p.prompt === undefined ? split : null;
  const under = split !== null && p.prompt !== undefined ? split : null;
  const status = over?.[0] ?? under?.[1] ?? p.toast ?? p.notice ?? refreshStatus(p.m, p.refresh, p.lastRefresh, p.keymap, p.fresh);
  const hints = over?.[1] ?? p.prompt ?? fitHints(p.measure, shownHints(p.view, p.hintContext, p.m, p.keymap), w);
  const theme = useTheme();
  const failing = p.toast === null ? Boolean(p.notice) || p.refresh.error !== null || p.refresh.failed.length > 0 : p.toastIsError === true;
  return (
    <Box flexDirection="column">
      {under !== null ? (
        <Text wrap="truncate-end" bold {...textProps(theme, p.toastIsError === true && 'error')}>
          {' ' + fit(p.measure, under[0], w)}
        </Text>
      ) : (
        <Text wrap="truncate-end" {...textProps(theme, 'dim')}>
          {' ' + '─'.repeat(Math.max(0, w))}
        </Text>
      )}
      <Text wrap="truncate-end" bold={p.toast !== null || Boolean(p.notice)} {...textProps(theme, failing && 'error')}>
        {' ' + fit(p.measure, status, w)}
      </Text>
      {over !== null ? (
        <Text wrap="truncate-end" bold {...textProps(theme, failing && 'error')}>
          {' ' + fit(p.measure, hints, w)}
        </Text>
      ) : (
        <Text wrap="truncate-end" {...textProps(theme, p.prompt === undefined && 'dim')}>
          {' ' + fit(p.measure, hints, w)}
        </Text>
      )}
    </Box>
  );
}

/** Redrawn only when what it shows changes, not on every move of the list's selection. */
export const StatusBar = memo(
  StatusBarView,
  // the context is a fresh object each frame: compared by value, so a move in the list redraws nothing here
  (a, b) => {
    for (const k of Object.keys(b) as (keyof StatusBarProps)[]) {
      if (k === 'hintContext') {
        if (a.hintContext.readerFocus !== b.hintContext.readerFocus || a.hintContext.relatedCount !== b.hintContext.relatedCount) return false;
      } else if (a[k] !== b[k]) return false;
    }
    return Object.keys(a).length === Object.keys(b).length;
  },
);
