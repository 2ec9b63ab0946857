import React, { useMemo } from 'react';
import { Box } from 'ink';
import type { Messages } from '../../core/i18n/index.js';
import { formatCount, type UiLang } from '../../core/i18n/messages.js';
import type { TagCount } from '../../core/types.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';

export interface HashtagsProps {
  m: Messages;
  lang: UiLang;
  /** Already narrowed by the query, most used first; the chosen ones (`active`) are among them, marked ✓. */
  tags: readonly TagCount[];
  total: number;
  query: string;
  active: string[];
  selected: number;
  scroll: number;
  height: number;
  columns: number;
  measure: Measure;
}

/** Our own list rather than ink-select-input: every printable key narrows here, including j, k and digits. */
export function Hashtags(p: HashtagsProps): React.JSX.Element {
  const w = p.columns - 1;
  const listH = Math.max(1, p.height - 1);
  const visible = p.tags.slice(p.scroll, p.scroll + listH);
  // over every tag, not just the visible ones: worked out again when the list changes, not on each move
  const active = useMemo(() => new Set(p.active.map((t) => t.toLowerCase())), [p.active]);
  const countW = useMemo(() => p.tags.reduce((w, t) => Math.max(w, formatCount(t.count, p.lang).length), 1), [p.tags, p.lang]);
  const prompt = `${p.m.hashtagsPrompt}${clean(p.query)}█` + (p.active.length > 0 ? `   ${p.m.hashtagsActive(p.active.map((t) => '#' + clean(t)).join(' '))}` : '');
  return (
    <Box flexDirection="column" height={p.height}>
      <Line bold>{fit(p.measure, ' ' + prompt, w)}</Line>
      {visible.length === 0 ? (
        <Line dim>{fit(p.measure, '  ' + (p.total === 0 ? p.m.hashtagsEmpty : p.m.hashtagsNoMatch), w)}</Line>
      ) : (
        visible.map((t, k) => {
          const i = p.scroll + k;
          const sel = i === p.selected;
          const count = formatCount(t.count, p.lang).padStart(countW);
          const chosen = active.has(t.tag.toLowerCase()) ? ' ✓' : '';
          return (
            <Line key={t.tag} inverse={sel} bold={chosen !== ''}>
              {fit(p.measure, `${sel ? ' › ' : '   '}${count}  #${clean(t.tag)}${chosen}`, w, sel)}
            </Line>
          );
        })
      )}
    </Box>
  );
}
