import React from 'react';
import { Text } from 'ink';
import { textProps, useTheme } from '../theme.js';
import type { Messages, UiLang } from '../../core/i18n/index.js';

/** "[IND] | ENG" as text: the active edition in brackets. */
export function editionSwitchText(m: Messages, active: UiLang): string {
  const ind = active === 'id' ? `[${m.langShortId}]` : m.langShortId;
  const eng = active === 'en' ? `[${m.langShortEn}]` : m.langShortEn;
  return `${ind} | ${eng}`;
}

export interface EditionSwitchProps {
  m: Messages;
  /** The edition shown, in brackets. */
  active: UiLang;
  /**
   * Whether the other edition can be opened. The reader gives it, as an article may have no other edition:
   * the active one is then bold, the other cyan when cached or dim and struck through when not, the bar dim.
   * The header leaves it out, as L there always switches the whole program: plain, in the header's style.
   */
  other?: boolean;
}

/** The IND | ENG switch of the header and of the reader's first line, placed inside their <Text>. */
export function EditionSwitch(p: EditionSwitchProps): React.JSX.Element {
  const theme = useTheme();
  if (p.other === undefined) return <Text>{editionSwitchText(p.m, p.active)}</Text>;
  const label = (l: UiLang): string => (l === 'id' ? p.m.langShortId : p.m.langShortEn);
  const mine = (
    <Text key="own" bold>
      [{label(p.active)}]
    </Text>
  );
  const theirs = p.other ? (
    <Text key="other" bold {...textProps(theme, 'link')}>
      {label(p.active === 'id' ? 'en' : 'id')}
    </Text>
  ) : (
    <Text key="other" strikethrough {...textProps(theme, 'dim')}>
      {label(p.active === 'id' ? 'en' : 'id')}
    </Text>
  );
  return (
    <Text>
      {p.active === 'id' ? mine : theirs}
      <Text {...textProps(theme, 'dim')}> | </Text>
      {p.active === 'id' ? theirs : mine}
    </Text>
  );
}
