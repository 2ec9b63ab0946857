import React from 'react';
import { Box } from 'ink';
import type { Messages, UiLang } from '../../core/i18n/index.js';
import { fit, Line, type Measure } from '../components/Line.js';

export interface LanguageProps {
  m: Messages;
  lang: UiLang;
  /** Highlighted row: 0 Indonesian, 1 English. */
  selected: number;
  height: number;
  columns: number;
  measure: Measure;
}

/**
 * IND / ENG choice. Drawn from reducer state rather than ink-select-input, whose own state lags one render
 * behind: a pasted ↓ Enter chose the row that was highlighted before the ↓.
 */
export function Language(p: LanguageProps): React.JSX.Element {
  const w = p.columns - 1;
  const rows = [`${p.m.langShortId}  ${p.m.langNameId}`, `${p.m.langShortEn}  ${p.m.langNameEn}`];
  return (
    <Box flexDirection="column" height={p.height}>
      <Line bold>{fit(p.measure, ' ' + p.m.languagePrompt, w)}</Line>
      <Line dim>{fit(p.measure, ' ' + p.m.languageCurrent(p.lang === 'id' ? p.m.langNameId : p.m.langNameEn), w)}</Line>
      <Line> </Line>
      {rows.map((r, k) => (
        <Line key={r} inverse={k === p.selected} bold={k === p.selected}>
          {fit(p.measure, `${k === p.selected ? ' › ' : '   '}${r}`, w, k === p.selected)}
        </Line>
      ))}
    </Box>
  );
}
