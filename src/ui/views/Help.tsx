import React, { useMemo } from 'react';
import { Box } from 'ink';
import type { Messages, UiLang } from '../../core/i18n/index.js';
import { helpRows, keysOf, keysOr, DEFAULT_KEYMAP, type KeyContext, type Keymap } from '../keymap.js';
import { fit, Line, type Measure } from '../components/Line.js';

export interface HelpProps {
  m: Messages;
  lang: UiLang;
  /** The user's keys; the defaults when absent. */
  keymap?: Keymap | undefined;
  /** The view (or the prompt) whose keys are shown. */
  of: KeyContext;
  viewTitle: string;
  scroll: number;
  height: number;
  columns: number;
  measure: Measure;
}

/** Drawn from the key table, so it cannot disagree with what the keys do. */
export function Help(p: HelpProps): React.JSX.Element {
  const w = p.columns - 1;
  const rows = helpRows(p.of, p.lang, p.keymap);
  // every row measured once per view and language, not on each scroll
  const lines = useMemo(() => {
    const keyW = Math.min(18, Math.max(...rows.map((r) => p.measure.displayWidth(r.keys))));
    return rows.map((r) => `  ${fit(p.measure, r.keys, keyW, true)}  ${r.help}`);
  }, [rows, p.measure]);
  // how to leave, in the user's keys: also read from the table once per table and language
  const close = useMemo(() => {
    const keymap = p.keymap ?? DEFAULT_KEYMAP;
    return p.m.helpClose(keysOr([...keysOf(keymap, 'back', 'help'), ...keysOf(keymap, 'help', 'help')], p.m));
  }, [p.keymap, p.m]);
  const room = Math.max(1, p.height - 3);
  return (
    <Box flexDirection="column" height={p.height}>
      <Line bold>{fit(p.measure, ' ' + p.m.helpTitle(p.viewTitle), w)}</Line>
      <Line> </Line>
      {lines.slice(p.scroll, p.scroll + room).map((l, k) => (
        <Line key={k}>{fit(p.measure, l, w)}</Line>
      ))}
      <Line dim>{fit(p.measure, ' ' + close, w)}</Line>
    </Box>
  );
}
