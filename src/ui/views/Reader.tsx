import React from 'react';
import { Box } from 'ink';
import type { Messages } from '../../core/i18n/index.js';
import type { StoredArticle } from '../../core/types.js';
import type { BodyLine } from '../services.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';

export type ReaderStyle = BodyLine['style'] | 'title' | 'byline' | 'edition' | 'tags' | 'share' | 'section' | 'related';

export interface ReaderLine {
  text: string;
  style: ReaderStyle;
  /** Index into the related list for "Read also" entries. */
  related?: number;
}

export interface ReaderDoc {
  lines: ReaderLine[];
  relatedStart: number;
  relatedCount: number;
}

export interface ReaderInput {
  article: StoredArticle;
  body: { lines: BodyLine[]; links: string[] };
  related: StoredArticle[];
  hasAlternate: boolean;
  posted: string;
  source: string;
  width: number;
  m: Messages;
  wrap: (s: string, width: number) => string[];
}

/** Reading width: the terminal's, but not wider than a comfortable column. */
export function readerWidth(columns: number): number {
  return Math.max(10, Math.min(columns - 2, 100));
}

/** The whole article page as lines; the view shows a window of it. */
export function readerDoc(i: ReaderInput): ReaderDoc {
  const { m, width: w } = i;
  const lines: ReaderLine[] = [];
  const push = (text: string, style: ReaderStyle, related?: number): void => {
    lines.push(related === undefined ? { text, style } : { text, style, related });
  };
  for (const t of i.wrap(clean(i.article.title) || m.noTitle, w)) push(t, 'title');
  const byline = [i.article.author ? clean(i.article.author) : null, i.posted, clean(i.source)].filter((x) => x);
  for (const t of i.wrap(byline.join(' · '), w)) push(t, 'byline');
  const own = i.article.lang === 'en' ? 'en' : 'id';
  const ind = own === 'id' ? `[${m.langShortId}]` : m.langShortId;
  const eng = own === 'en' ? `[${m.langShortEn}]` : m.langShortEn;
  if (i.hasAlternate) push(`${ind} | ${eng} · ${m.otherEditionHint}`, 'edition');
  else if (i.article.lang === 'id' || i.article.lang === 'en') push(own === 'id' ? ind : eng, 'edition');
  push('─'.repeat(w), 'rule');
  for (const l of i.body.lines) push(clean(l.text), l.style);
  if (i.article.tags.length > 0) {
    push('', 'blank');
    for (const t of i.wrap(i.article.tags.map((x) => `#${clean(x)}`).join(' '), w)) push(t, 'tags');
  }
  push('', 'blank');
  push(m.shareLine, 'share');
  let relatedStart = lines.length;
  if (i.related.length > 0) {
    push('', 'blank');
    push(m.readAlso, 'section');
    relatedStart = lines.length;
    i.related.forEach((r, k) => push(clean(r.title) || m.noTitle, 'related', k));
  }
  if (i.body.links.length > 0) {
    push('', 'blank');
    push(m.linksTitle, 'section');
    i.body.links.forEach((u, k) => push(`[${k + 1}] ${clean(u)}`, 'footnote'));
  }
  return { lines, relatedStart, relatedCount: i.related.length };
}

export interface ReaderProps {
  doc: ReaderDoc;
  scroll: number;
  height: number;
  columns: number;
  focusRelated: boolean;
  related: number;
  measure: Measure;
}

export function Reader(p: ReaderProps): React.JSX.Element {
  const w = p.columns - 1;
  const visible = p.doc.lines.slice(p.scroll, p.scroll + p.height);
  return (
    <Box flexDirection="column" height={p.height}>
      {visible.map((l, k) => {
        const key = p.scroll + k;
        if (l.style === 'related') {
          const sel = p.focusRelated && l.related === p.related;
          return (
            <Line key={key} inverse={sel} bold={sel}>
              {fit(p.measure, ` ${sel ? '»' : ' '} › ${l.text}`, w, sel)}
            </Line>
          );
        }
        const text = fit(p.measure, ' ' + l.text, w);
        switch (l.style) {
          case 'title':
          case 'heading':
          case 'section':
            return (
              <Line key={key} bold>
                {text}
              </Line>
            );
          case 'byline':
          case 'rule':
          case 'footnote':
          case 'share':
            return (
              <Line key={key} dim>
                {text}
              </Line>
            );
          case 'quote':
          case 'image':
            return (
              <Line key={key} italic>
                {text}
              </Line>
            );
          case 'tags':
            return (
              <Line key={key} color="cyan">
                {text}
              </Line>
            );
          default:
            return <Line key={key}>{text}</Line>;
        }
      })}
    </Box>
  );
}
