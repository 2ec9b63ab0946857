import React from 'react';
import { Box, Text } from 'ink';
import type { Messages } from '../../core/i18n/index.js';
import { HINTS } from '../keymap.js';
import type { RefreshState, View } from '../state.js';
import { clean, fit, type Measure } from './Line.js';

export interface StatusBarProps {
  m: Messages;
  view: View;
  refresh: RefreshState;
  /** Relative time of the last refresh, or null when there was none. */
  lastRefresh: string | null;
  toast: string | null;
  /** Replaces the key hints (the search prompt). */
  prompt?: string;
  columns: number;
  measure: Measure;
}

export function refreshStatus(m: Messages, r: RefreshState, lastRefresh: string | null): string {
  const parts: string[] = [];
  if (r.running) parts.push(`↻ ${m.refreshProgress(r.done, r.total)}`);
  if (r.error !== null) parts.push(m.refreshFailed(clean(r.error)));
  if (r.added > 0) parts.push(m.newArticles(r.added));
  if (r.failed.length > 0) parts.push(m.feedsFailed(r.failed.length));
  if (!r.running && r.error === null && r.added === 0 && r.failed.length === 0) {
    parts.push(lastRefresh === null ? m.neverRefreshed : m.lastRefreshed(lastRefresh));
  }
  return parts.join(' · ');
}

export function StatusBar(p: StatusBarProps): React.JSX.Element {
  const w = p.columns - 2;
  const status = p.toast ?? refreshStatus(p.m, p.refresh, p.lastRefresh);
  const hints = p.prompt ?? HINTS[p.view].map((h) => `${h.keys} ${p.m[h.hint]}`).join(' · ');
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold={p.toast !== null}>
        {' ' + fit(p.measure, status, w)}
      </Text>
      <Text wrap="truncate-end" dimColor={p.prompt === undefined}>
        {' ' + fit(p.measure, hints, w)}
      </Text>
    </Box>
  );
}
