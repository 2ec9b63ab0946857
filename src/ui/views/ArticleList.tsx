import React, { memo, useRef } from 'react';
import { Box, Text } from 'ink';
import { textProps, useTheme } from '../theme.js';
import type { StoredArticle } from '../../core/types.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';

export interface ListRow {
  article: StoredArticle;
  index: number;
}

export interface ArticleListProps {
  /** Only the visible window, in order. */
  rows: ListRow[];
  selected: number;
  height: number;
  columns: number;
  measure: Measure;
  relTime: (iso: string | null) => string;
  sourceOf: (a: StoredArticle) => string;
  emptyText: string;
  emptyHint?: string;
  /** Wraps the empty list's text and hint to the terminal, so a narrow one reads them whole. */
  wrap?: (s: string, width: number) => string[];
  /**
   * Everything outside the article that a row's text depends on (UI language, the clock rounded to the
   * relative time's granularity): rows are formatted again only when it changes or the article does.
   */
  rowKey?: string;
  /** Called once per row component render (tests count re-rendered rows with it). */
  onRowRender?: (id: string) => void;
}

function padCells(m: Measure, s: string, w: number): string {
  return fit(m, s, w, true);
}

/** Cells before the source: pointer, unread, star, space, a 6-cell time and its space. */
const LEAD = 4 + 6 + 1;

/**
 * The source column: what is left once the title keeps at least half the row (20 cells on the narrowest
 * terminal), between 6 and 24 cells, so "Cyberthreat.id (contoh)" fits whole from 80 columns up.
 */
export function sourceWidth(width: number): number {
  // The title is what a reader scans: it keeps at least 60% of the row; the source gets a fifth, 6 to 28 cells.
  const titleMin = Math.max(20, Math.floor(width * 0.6));
  return Math.max(6, Math.min(28, Math.floor(width / 5), width - LEAD - 1 - titleMin));
}

/** One row: pointer, unread ●, star ★, compact time, source, title, #tags — cut to the width, never wrapped. */
export function formatRow(p: Pick<ArticleListProps, 'measure' | 'relTime' | 'sourceOf'>, a: StoredArticle, selected: boolean, width: number): string {
  const srcW = sourceWidth(width);
  const head = `${selected ? '›' : ' '}${a.read ? ' ' : '●'}${a.starred ? '★' : ' '} `;
  const time = padCells(p.measure, p.relTime(a.published ?? a.fetchedAt), 6);
  const source = padCells(p.measure, clean(p.sourceOf(a)), srcW);
  const tags = a.tags.length > 0 ? '  ' + a.tags.map((t) => `#${clean(t)}`).join(' ') : '';
  return fit(p.measure, `${head}${time} ${source} ${clean(a.title)}${tags}`, width, selected);
}

/** Where a row's text shows the article's tags ("  #a #b" at its end, maybe cut), or -1. */
function tagsAt(text: string, a: StoredArticle): number {
  const first = a.tags[0];
  if (first === undefined) return -1;
  const at = text.lastIndexOf(`  #${clean(first)}`.slice(0, 3 + Math.min(clean(first).length, 1)));
  return at > 3 ? at + 2 : -1;
}

interface RowProps {
  id: string;
  text: string;
  /** Where the row's #tags start in `text` (drawn in the tag role), or -1. */
  tagsAt: number;
  selected: boolean;
  unread: boolean;
  onRender?: ((id: string) => void) | undefined;
}

/** A row re-renders only when its text or style changes: a move touches the two rows that swap the bar. */
const Row = memo(function Row(p: RowProps): React.JSX.Element {
  p.onRender?.(p.id);
  const theme = useTheme();
  // pointer and unread mark, the star, the rest, the tags: the star and the tags in their roles' colours
  const end = p.tagsAt >= 0 ? p.tagsAt : p.text.length;
  const tags = p.tagsAt >= 0 ? p.text.slice(p.tagsAt).trimEnd() : '';
  return (
    <Text wrap="truncate-end" {...textProps(theme, p.unread && 'unread', p.selected && 'selection')}>
      {p.text.slice(0, 2)}
      {p.text[2] === '★' ? <Text {...textProps(theme, 'star')}>★</Text> : p.text.slice(2, 3)}
      {p.text.slice(3, end)}
      {tags === '' ? null : <Text {...textProps(theme, 'tag')}>{tags}</Text>}
      {p.tagsAt >= 0 ? p.text.slice(p.tagsAt + tags.length) : null}
    </Text>
  );
});

/**
 * Formatted rows remembered per article object: the list's chunk keeps its objects between keypresses (a
 * read/star change makes a new object), so a move formats no row again, only looks two up.
 */
function useRowTexts(key: string): (a: StoredArticle, selected: boolean, make: () => string) => string {
  const ref = useRef<{ key: string; rows: WeakMap<StoredArticle, [string | undefined, string | undefined]> } | null>(null);
  if (ref.current === null || ref.current.key !== key) ref.current = { key, rows: new WeakMap() };
  const rows = ref.current.rows;
  return (a, selected, make) => {
    let pair = rows.get(a);
    if (pair === undefined) {
      pair = [undefined, undefined];
      rows.set(a, pair);
    }
    const i = selected ? 1 : 0;
    return (pair[i] ??= make());
  };
}

export function ArticleList(p: ArticleListProps): React.JSX.Element {
  const w = p.columns - 1;
  const rowText = useRowTexts(`${w}\u0000${p.rowKey ?? ''}`);
  if (p.rows.length === 0) {
    const lines = (text: string): string[] => (p.wrap ? p.wrap(text, Math.max(10, w - 2)) : [text]);
    return (
      <Box flexDirection="column" height={p.height}>
        {lines(p.emptyText).map((t, k) => (
          <Line key={`t${k}`}>{fit(p.measure, '  ' + t, w)}</Line>
        ))}
        {p.emptyHint
          ? lines(p.emptyHint).map((t, k) => (
              <Line key={`h${k}`} dim>
                {fit(p.measure, '  ' + t, w)}
              </Line>
            ))
          : null}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={p.height}>
      {p.rows.map(({ article, index }) => {
        const sel = index === p.selected;
        const text = rowText(article, sel, () => formatRow(p, article, sel, w));
        return <Row key={article.id} id={article.id} text={text} tagsAt={tagsAt(text, article)} selected={sel} unread={!article.read} onRender={p.onRowRender} />;
      })}
    </Box>
  );
}
