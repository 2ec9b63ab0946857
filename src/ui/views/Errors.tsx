import React from 'react';
import { Box } from 'ink';
import type { Messages } from '../../core/i18n/index.js';
import type { FailedFeed } from '../state.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';
import { explain } from '../../core/i18n/problem.js';

export interface ErrorLine {
  text: string;
  bold: boolean;
  error?: boolean;
}

/**
 * The failed-feeds page as lines: each feed by the name it is listed under (and its address), then why it
 * failed, wrapped. The view shows a window of them (`errorsScroll`); the reducer is told their count.
 */
export function errorLines(
  m: Messages,
  failed: readonly FailedFeed[],
  columns: number,
  wrap: (s: string, width: number) => string[],
  titleOf: (url: string) => string = (url) => url,
): ErrorLine[] {
  const w = columns - 1;
  const lines: ErrorLine[] = [];
  if (failed.length === 0) lines.push({ text: m.errorsEmpty, bold: false });
  else {
    lines.push({ text: m.errorsIntro, bold: false });
    for (const f of failed) {
      const title = clean(titleOf(f.url));
      const url = clean(f.url);
      lines.push({ text: title === url ? url : `${title} · ${url}`, bold: true });
      for (const t of wrap(clean(explain(f.error, m)), Math.max(10, w - 4))) lines.push({ text: '   ' + t, bold: false, error: true });
    }
  }
  return lines;
}

export interface ErrorsProps {
  lines: readonly ErrorLine[];
  scroll: number;
  height: number;
  columns: number;
  measure: Measure;
}

export function Errors(p: ErrorsProps): React.JSX.Element {
  const w = p.columns - 1;
  return (
    <Box flexDirection="column" height={p.height}>
      {p.lines.slice(p.scroll, p.scroll + p.height).map((l, k) => (
        <Line key={p.scroll + k} bold={l.bold} {...(l.error ? { role: 'error' as const } : {})}>
          {fit(p.measure, ' ' + l.text, w)}
        </Line>
      ))}
    </Box>
  );
}
