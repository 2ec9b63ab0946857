import React from 'react';
import { Box } from 'ink';
import SelectInput from 'ink-select-input';
import type { Messages, UiLang } from '../../core/i18n/index.js';
import { fit, Line, type Measure } from '../components/Line.js';

export interface LanguageProps {
  m: Messages;
  lang: UiLang;
  focused: boolean;
  height: number;
  columns: number;
  measure: Measure;
  onChoose: (lang: UiLang) => void;
}

/** IND / ENG choice. ink-select-input owns ↑ ↓ j k 1–9 Enter here; the key table binds none of them. */
export function Language(p: LanguageProps): React.JSX.Element {
  const w = p.columns - 1;
  const items = [
    { label: `${p.m.langShortId}  ${p.m.langNameId}`, value: 'id' as UiLang, key: 'id' },
    { label: `${p.m.langShortEn}  ${p.m.langNameEn}`, value: 'en' as UiLang, key: 'en' },
  ];
  return (
    <Box flexDirection="column" height={p.height}>
      <Line bold>{fit(p.measure, ' ' + p.m.languagePrompt, w)}</Line>
      <Line dim>{fit(p.measure, ' ' + p.m.languageCurrent(p.lang === 'id' ? p.m.langNameId : p.m.langNameEn), w)}</Line>
      <Line> </Line>
      <SelectInput items={items} initialIndex={p.lang === 'id' ? 0 : 1} isFocused={p.focused} onSelect={(it) => p.onChoose(it.value)} />
    </Box>
  );
}
