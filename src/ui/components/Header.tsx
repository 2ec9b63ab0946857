import React, { memo } from 'react';
import { Box, Text } from 'ink';
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
  unread: number;
  columns: number;
  measure: Measure;
}

/** " cyberread · Artikel   [IND] | ENG   #databreach ×   cari: x   12 belum dibaca", then a rule. */
function HeaderView(p: HeaderProps): React.JSX.Element {
  const w = p.columns - 2;
  const lead = `${p.m.appName} · ${p.title}`;
  const edition = editionSwitchText(p.m, p.lang);
  const parts = [lead, edition];
  // "×" as in DESIGN §1: the filter is removable (c clears it, as the key hints say)
  if (p.tags.length > 0) parts.push(p.tags.map((t) => `#${clean(t)}`).join(' ') + ' ×');
  if (p.search !== '') parts.push(p.m.searchActive(clean(p.search)));
  if (p.unreadOnly) parts.push(p.m.unreadOnlyActive);
  parts.push(p.m.unreadCount(p.unread));
  const line = fit(p.measure, parts.join('   '), w);
  // the line is cut as one string; the switch is drawn by its component where it survived the cut whole
  const at = `${lead}   ${edition}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>
        {' '}
        {line.startsWith(at) ? (
          <>
            {`${lead}   `}
            <EditionSwitch m={p.m} active={p.lang} />
            {line.slice(at.length)}
          </>
        ) : (
          line
        )}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {' ' + '─'.repeat(Math.max(0, w))}
      </Text>
    </Box>
  );
}

/** Redrawn only when what it shows changes, not on every move of the list's selection. */
export const Header = memo(HeaderView);
