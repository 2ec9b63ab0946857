import React from 'react';
import { Box } from 'ink';
import type { Messages } from '../../core/i18n/index.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';

/** A numbered target of the article shown: a link of its body ([1] first), or an enclosure after them. */
export interface LinkTarget {
  number: number;
  url: string;
  /** An enclosure's "audio/mpeg · 24 MB"; null for a link. */
  label: string | null;
}

export interface LinksProps {
  m: Messages;
  targets: readonly LinkTarget[];
  selected: number;
  scroll: number;
  height: number;
  columns: number;
  measure: Measure;
}

/** The link picker: the article's [n] links and its enclosures, one per row, the URL whole as far as it fits. */
export function Links(p: LinksProps): React.JSX.Element {
  const w = p.columns - 1;
  const numW = String(p.targets.length).length + 2;
  const visible = p.targets.slice(p.scroll, p.scroll + p.height);
  if (visible.length === 0) {
    return (
      <Box flexDirection="column" height={p.height}>
        <Line dim>{fit(p.measure, '  ' + p.m.linksEmpty, w)}</Line>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={p.height}>
      {visible.map((t, k) => {
        const sel = p.scroll + k === p.selected;
        const label = t.label === null ? '' : `${clean(t.label)}  `;
        return (
          <Line key={t.number} inverse={sel} bold={t.label !== null}>
            {fit(p.measure, `${sel ? '›' : ' '} ${`[${t.number}]`.padStart(numW)} ${label}${clean(t.url)}`, w, sel)}
          </Line>
        );
      })}
    </Box>
  );
}
