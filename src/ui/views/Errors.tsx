import React from 'react';
import { Box } from 'ink';
import type { Messages } from '../../core/i18n/index.js';
import type { FailedFeed } from '../state.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';
import { explain } from '../../core/i18n/problem.js';

export interface ErrorsProps {
  m: Messages;
  failed: FailedFeed[];
  height: number;
  columns: number;
  measure: Measure;
  wrap: (s: string, width: number) => string[];
}

export function Errors(p: ErrorsProps): React.JSX.Element {
  const w = p.columns - 1;
  const lines: { text: string; bold: boolean; error?: boolean }[] = [];
  if (p.failed.length === 0) lines.push({ text: p.m.errorsEmpty, bold: false });
  else {
    lines.push({ text: p.m.errorsIntro, bold: false });
    for (const f of p.failed) {
      lines.push({ text: clean(f.url), bold: true });
      for (const t of p.wrap(clean(explain(f.error, p.m)), Math.max(10, w - 4))) lines.push({ text: '   ' + t, bold: false, error: true });
    }
  }
  return (
    <Box flexDirection="column" height={p.height}>
      {lines.slice(0, p.height).map((l, k) => (
        <Line key={k} bold={l.bold} {...(l.error ? { role: 'error' as const } : {})}>
          {fit(p.measure, ' ' + l.text, w)}
        </Line>
      ))}
    </Box>
  );
}
