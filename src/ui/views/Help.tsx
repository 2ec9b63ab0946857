import React, { useMemo } from 'react';
import { Box } from 'ink';
import type { Messages, UiLang } from '../../core/i18n/index.js';
import { helpRows } from '../keymap.js';
import type { View } from '../state.js';
import { fit, Line, type Measure } from '../components/Line.js';

export interface HelpProps {
  m: Messages;
  lang: UiLang;
  /** The view whose keys are shown. */
  of: View;
  viewTitle: string;
  scroll: number;
  height: number;
  columns: number;
  measure: Measure;
}

/** Drawn from the key table, so it cannot disagree with what the keys do. */
export function Help(p: HelpProps): React.JSX.Element {
  const w = p.columns - 1;
  const rows = helpRows(p.of, p.lang);
  // every row measured once per view and language, not on each scroll
  const lines = useMemo(() => {
    const keyW = Math.min(18, Math.max(...rows.map((r) => p.measure.displayWidth(r.keys))));
    return rows.map((r) => `  ${fit(p.measure, r.keys, keyW, true)}  ${r.help}`);
  }, [rows, p.measure]);
  const room = Math.max(1, p.height - 3);
  return (
    <Box flexDirection="column" height={p.height}>
      <Line bold>{fit(p.measure, ' ' + p.m.helpTitle(p.viewTitle), w)}</Line>
      <Line> </Line>
      {lines.slice(p.scroll, p.scroll + room).map((l, k) => (
        <Line key={k}>{fit(p.measure, l, w)}</Line>
      ))}
      <Line dim>{fit(p.measure, ' ' + p.m.helpClose, w)}</Line>
    </Box>
  );
}
