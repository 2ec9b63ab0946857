import React from 'react';
import { Text } from 'ink';
import { sanitizeText } from '../../core/sanitize.js';
import type { Role } from '../../core/theme.js';
import { textProps, useTheme } from '../theme.js';

export interface Measure {
  displayWidth(s: string): number;
  truncate(s: string, width: number): string;
}

/** Feed text made safe for one terminal line: control sequences stripped, tabs and newlines as spaces. */
export function clean(s: string | null | undefined): string {
  return sanitizeText(s ?? '').replace(/[\t\n]/g, ' ');
}

/** Cut to `width` cells and, when `pad`, fill the rest with spaces so an inverse bar spans the line. */
export function fit(m: Measure, s: string, width: number, pad = false): string {
  const w = Math.max(0, width);
  // a cut that lands in the gap before the tags would leave "title  …": keep the ellipsis by the word
  const cut = m.displayWidth(s) > w ? m.truncate(s, w).replace(/\s+…$/u, '…') : s;
  return pad ? cut + ' '.repeat(Math.max(0, w - m.displayWidth(cut))) : cut;
}

export interface LineProps {
  children: string;
  /** What the line is, for the theme's colours (core/theme.ts). */
  role?: Role;
  bold?: boolean;
  /** The theme's dim role (faint, or its own colour). */
  dim?: boolean;
  /** Selected: the theme's selection role (a reversed bar, or its own background). */
  inverse?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
}

/** One frame line that never wraps (the text was already cut to the width). */
export function Line(p: LineProps): React.JSX.Element {
  const theme = useTheme();
  const t = textProps(theme, p.dim && 'dim', p.role, p.inverse && 'selection');
  return (
    <Text
      wrap="truncate-end"
      {...t}
      {...(p.bold ? { bold: true } : {})}
      {...(p.italic ? { italic: true } : {})}
      {...(p.underline ? { underline: true } : {})}
      {...(p.color !== undefined ? { color: p.color } : {})}
    >
      {p.children === '' ? ' ' : p.children}
    </Text>
  );
}
