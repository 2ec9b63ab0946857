import React from 'react';
import { Box } from 'ink';
import type { FullTextMode } from '../../core/article/policy.js';
import type { Messages } from '../../core/i18n/index.js';
import { formatCount, type UiLang } from '../../core/i18n/messages.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';
import { keyFor } from '../keymap.js';
import { useKeymap } from '../keymap-context.js';

/**
 * One row of the feeds view. A list of kinds, so that other things that open like a feed (saved views, with
 * their own counts) can be listed above the feeds by adding a kind here and a case in `rowText`.
 */
export type FeedsEntry =
  | {
      /** A saved view (settings "views"): opens like a feed, listing its query; counted in the edition it lists. */
      kind: 'view';
      name: string;
      query: string;
      unread: number;
      total: number;
    }
  | FeedEntry;

export type FeedEntry = {
  kind: 'feed';
  url: string;
  /** The name shown: the user's title, else the feed's own, else the URL. */
  title: string;
  lang: string | null;
  unread: number;
  total: number;
  /** ISO time of the last fetch (successful or not), null when never fetched. */
  lastFetched: string | null;
  /** One line, already in the interface language, or null when the last fetch worked. */
  error: string | null;
  /** When its article pages are fetched (settings fullText). */
  fullText: FullTextMode;
};

/** Rows of the list part of the view: the body minus the blank line and the two detail lines under it. */
export function feedsListHeight(height: number): number {
  return Math.max(1, height - 3);
}

export interface FeedsProps {
  m: Messages;
  lang: UiLang;
  entries: readonly FeedsEntry[];
  selected: number;
  scroll: number;
  height: number;
  columns: number;
  measure: Measure;
  /** Relative time: compact ("5m", "2 jam") for the rows, long ("5 minutes ago") for the detail line. */
  relTime: (iso: string, compact: boolean) => string;
}

/** Widths shared by every row: the unread/total column, and the titles' (the longest, up to the room left). */
interface Columns {
  countW: number;
  titleMax: number;
  /** Some row shows an error: the titles leave it room, in every row, so the columns line up. */
  anyError: boolean;
}

function columnsOf(p: FeedsProps): Columns {
  let countW = 3;
  let titleMax = 8;
  let anyError = false;
  for (const e of p.entries) {
    anyError ||= e.kind === 'feed' && e.error !== null;
    countW = Math.max(countW, `${formatCount(e.unread, p.lang)}/${formatCount(e.total, p.lang)}`.length);
    titleMax = Math.max(titleMax, p.measure.displayWidth(clean(e.kind === 'view' ? viewTitle(e.name) : e.title)));
  }
  return { countW, titleMax, anyError };
}

/** A saved view's name as its row shows it: marked as a search, so it is not taken for a feed. */
function viewTitle(name: string): string {
  return `⌕ ${name}`;
}

/**
 * "› ● Title…  id   3/18   5m   ✗ Could not …" cut to the width; a saved view: "› ● ⌕ Name…      3/18  query…",
 * its counts in the feeds' column.
 */
export function rowText(p: FeedsProps, e: FeedsEntry, selected: boolean, width: number, cols: Columns): string {
  const lead = `${selected ? '›' : ' '}${e.unread > 0 ? '●' : ' '} `;
  const count = `${formatCount(e.unread, p.lang)}/${formatCount(e.total, p.lang)}`.padStart(cols.countW);
  if (e.kind === 'view') {
    const room = Math.max(8, width - (p.measure.displayWidth(lead) + 1 + 3 + 1 + cols.countW + 2 + 7));
    const title = fit(p.measure, clean(viewTitle(e.name)), Math.min(cols.titleMax, cols.anyError ? Math.max(8, Math.ceil(room * 0.5)) : room), true);
    return fit(p.measure, `${lead}${title}     ${count}  ${clean(e.query)}`, width, selected);
  }
  const lang = (e.lang ?? '—').slice(0, 2).padEnd(3);
  const age = fit(p.measure, e.lastFetched === null ? p.m.feedsNever : p.relTime(e.lastFetched, true), 7, true);
  const fixed = p.measure.displayWidth(lead) + 1 + 3 + 1 + cols.countW + 2 + 7;
  // the columns follow the longest title; an error gets what is left, at least half of the room
  const room = Math.max(8, width - fixed);
  const titleW = Math.min(cols.titleMax, cols.anyError ? Math.max(8, Math.ceil(room * 0.5)) : room);
  const title = fit(p.measure, clean(e.title), titleW, true);
  const error = e.error === null ? '' : ` ✗ ${clean(e.error)}`;
  return fit(p.measure, `${lead}${title} ${lang} ${count}  ${age}${error}`, width, selected);
}

export function Feeds(p: FeedsProps): React.JSX.Element {
  const keymap = useKeymap();
  const w = p.columns - 1;
  const listH = feedsListHeight(p.height);
  const cols = columnsOf(p);
  const visible = p.entries.slice(p.scroll, p.scroll + listH);
  const sel = p.entries[p.selected];
  return (
    <Box flexDirection="column" height={p.height}>
      <Box flexDirection="column" height={listH}>
        {visible.length === 0 ? (
          <Line dim>{fit(p.measure, '  ' + p.m.feedsEmpty(keyFor(keymap, 'addFeed', 'feeds')), w)}</Line>
        ) : (
          visible.map((e, k) => {
            const i = p.scroll + k;
            const isSel = i === p.selected;
            return (
              <Line key={e.kind === 'view' ? `view ${e.name}` : `feed ${e.url}`} inverse={isSel} bold={e.unread > 0}>
                {rowText(p, e, isSel, w, cols)}
              </Line>
            );
          })
        )}
      </Box>
      <Line>{''}</Line>
      <Line dim>{fit(p.measure, sel ? ' ' + clean(sel.kind === 'view' ? sel.query : sel.url) : '', w)}</Line>
      {sel?.kind === 'view' ? (
        <Line dim>{fit(p.measure, ' ' + p.m.viewRowHint(keyFor(keymap, 'openFeed', 'feeds')), w)}</Line>
      ) : sel?.error ? (
        <Line role="error">{fit(p.measure, ` ✗ ${clean(sel.error)}`, w)}</Line>
      ) : (
        <Line dim>
          {fit(
            p.measure,
            sel ? ` ${sel.lastFetched === null ? p.m.feedsNeverFetched(keyFor(keymap, 'refreshFeed', 'feeds')) : p.m.feedsFetched(p.relTime(sel.lastFetched, false))} · ${p.m.feedsFullText(sel.fullText)}` : '',
            w,
          )}
        </Line>
      )}
    </Box>
  );
}
