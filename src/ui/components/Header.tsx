import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { textProps, useTheme } from '../theme.js';
import type { Messages, UiLang } from '../../core/i18n/index.js';
import { EditionSwitch, editionSwitchText } from './EditionSwitch.js';
import { clean, fit, type Measure } from './Line.js';

export interface HeaderProps {
  m: Messages;
  lang: UiLang;
  title: string;
  tags: string[];
  search: string;
  unreadOnly: boolean;
  starredOnly?: boolean;
  /** The name of the one feed listed, or null. */
  feed?: string | null;
  /** The saved view listed (its query is not repeated), or null. */
  view?: string | null;
  unread: number;
  columns: number;
  measure: Measure;
}

/** The header line in its parts: `lead`, the edition switch, the active filters, the unread count. */
export interface HeaderLayout {
  lead: string;
  sep: string;
  filters: string;
  count: string;
}

/**
 * Fits the header into `width` cells. Labels give way before numbers: first the gaps narrow, then the
 * program's name goes, then the unread label shrinks to "● 12", then the filters are cut; the count is never
 * cut, and the view's title goes only when nothing else is left to give.
 */
export function headerLayout(
  p: Pick<HeaderProps, 'm' | 'lang' | 'title' | 'tags' | 'search' | 'unreadOnly' | 'starredOnly' | 'feed' | 'view' | 'unread' | 'measure'>,
  width: number,
): HeaderLayout {
  const { m, measure } = p;
  const edition = editionSwitchText(m, p.lang);
  const parts: string[] = [];
  // "×" as in DESIGN §1: the filter is removable (c clears it, as the key hints say)
  if (p.feed !== undefined && p.feed !== null) parts.push(`${m.feedActive(clean(p.feed))} ×`);
  if (p.tags.length > 0) parts.push(p.tags.map((t) => `#${clean(t)}`).join(' ') + ' ×');
  if (p.view !== undefined && p.view !== null) parts.push(`${m.viewActive(clean(p.view))} ×`);
  else if (p.search !== '') parts.push(m.searchActive(clean(p.search)));
  if (p.unreadOnly) parts.push(m.unreadOnlyActive);
  if (p.starredOnly) parts.push(m.starredOnlyActive);
  const long = m.unreadCount(p.unread);
  const short = m.unreadCountShort(p.unread);
  const named = `${m.appName} · ${p.title}`;
  const size = (l: HeaderLayout): number =>
    measure.displayWidth([l.lead, edition, l.filters, l.count].filter((x) => x !== '').join(l.sep));
  const tries: HeaderLayout[] = [];
  for (const count of [long, short]) {
    for (const lead of [named, p.title]) {
      for (const sep of ['   ', '  ']) tries.push({ lead, sep, filters: parts.join(sep), count });
    }
  }
  for (const t of tries) if (size(t) <= width) return t;
  // the filters are cut to the room left; then the title; the count stays whole
  const sep = '  ';
  const lead = p.title;
  const base = size({ lead, sep, filters: '', count: short });
  if (base <= width) {
    const room = width - base - sep.length;
    return { lead, sep, filters: room >= 4 ? fit(measure, parts.join(sep), room) : '', count: short };
  }
  const room = width - size({ lead: '', sep, filters: '', count: short }) - sep.length;
  return { lead: room >= 2 ? fit(measure, lead, room) : '', sep, filters: '', count: short };
}

/** " cyberread · Artikel   [IND] | ENG   #databreach ×   cari: x   12 belum dibaca", then a rule. */
function HeaderView(p: HeaderProps): React.JSX.Element {
  const w = p.columns - 2;
  const l = headerLayout(p, w);
  const tail = [l.filters, l.count].filter((x) => x !== '').join(l.sep);
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold {...textProps(theme, 'header')}>
        {' '}
        {l.lead === '' ? '' : l.lead + l.sep}
        <EditionSwitch m={p.m} active={p.lang} />
        {l.sep + tail}
      </Text>
      <Text wrap="truncate-end" {...textProps(theme, 'dim')}>
        {' ' + '─'.repeat(Math.max(0, w))}
      </Text>
    </Box>
  );
}

/** Redrawn only when what it shows changes, not on every move of the list's selection. */
export const Header = memo(HeaderView);
