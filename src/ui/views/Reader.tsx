import React from 'react';
import { Box, Text } from 'ink';
import { textProps, useTheme } from '../theme.js';
import { enclosureLines } from '../../core/enclosures.js';
import type { Messages, UiLang } from '../../core/i18n/index.js';
import { displayWidth, splitAtWidth } from '../../core/render/text.js';
import { normaliseTags } from '../../core/tags.js';
import type { StoredArticle } from '../../core/types.js';
import type { BodyLine } from '../services.js';
import { EditionSwitch, editionSwitchText } from '../components/EditionSwitch.js';
import { clean, fit, Line, type Measure } from '../components/Line.js';

export type ReaderStyle = BodyLine['style'] | 'title' | 'byline' | 'edition' | 'tags' | 'share' | 'section' | 'related' | 'status';

export interface ReaderLine {
  text: string;
  style: ReaderStyle;
  /** Index into the related list for "Read also" entries. */
  related?: number;
  /** The rest of a link wider than the terminal: drawn from the very first column, no margin. */
  flush?: boolean;
  /** The "IND | ENG" line: the article's own edition, whether the other one is in the cache, which text is shown. */
  edition?: { own: UiLang; other: boolean; shown?: string; langKey?: string };
}

/** A "Read also" entry: an article of the cache (opened in place) or, from the page, an address (opened like `o`). */
export interface RelatedEntry {
  title: string;
  id: string | null;
  url: string | null;
}

/** What the page adds to the reader: which text is shown, and a line while it loads or why it failed. */
export interface FullState {
  /** The body shown is the page's. */
  full: boolean;
  /** A page is cached whose text can be toggled with `f`. */
  toggle: boolean;
  loading: boolean;
  /** One line: why the full article is not shown, or null. */
  note: string | null;
  /** The page's byline, used where the feed had none. */
  author: string | null;
  posted: string | null;
}

export interface ReaderDoc {
  lines: ReaderLine[];
  relatedStart: number;
  relatedCount: number;
}

export interface ReaderInput {
  article: StoredArticle;
  body: { lines: BodyLine[]; links: string[]; hashtags?: string[] };
  related: RelatedEntry[];
  full?: FullState;
  hasAlternate: boolean;
  /** The UI language: the edition an article of unknown language is shown as. */
  lang: UiLang;
  posted: string;
  source: string;
  /** The reading column (readerWidth). */
  width: number;
  /** The terminal's width: a link wider than the reading column may use all of it. */
  columns: number;
  m: Messages;
  /** The key that opens the other edition (L, or the user's). */
  langKey?: string;
  /** The keys the share line names: copy the link (y) and open it (o), or the user's. */
  shareKeys?: { copy: string; open: string };
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
  // A line wider than the reading column is a link (the renderer breaks everything else): it may use the
  // whole terminal, and what is wider still goes on where the screen's edge would put it, flush left, so
  // that a copy pasted into a browser (which drops line breaks) is the link again.
  const room = Math.max(2, i.columns - 2);
  const pushWide = (text: string, style: ReaderStyle): void => {
    if (displayWidth(text) <= room) return push(text, style);
    const [first = '', ...rest] = splitAtWidth(text, room);
    push(first, style);
    for (const part of splitAtWidth(rest.join(''), room + 1)) lines.push({ text: part, style, flush: true });
  };
  // First and always drawn, so the switch sits in the same place on every article; the other edition is
  // lit only when the cache has it.
  const own: UiLang = i.article.lang === 'en' || i.article.lang === 'id' ? i.article.lang : i.lang;
  const f = i.full;
  const shownAs = f?.toggle ? (f.full ? m.fullShown : m.feedShown) : null;
  lines.push({
    text: editionSwitchText(m, own) + (i.hasAlternate ? ` · ${m.otherEditionHint(i.langKey ?? 'L')}` : '') + (shownAs ? ` · ${shownAs}` : ''),
    style: 'edition',
    edition: { own, other: i.hasAlternate, ...(shownAs ? { shown: shownAs } : {}), ...(i.langKey ? { langKey: i.langKey } : {}) },
  });
  for (const t of i.wrap(clean(i.article.title) || m.noTitle, w)) push(t, 'title');
  const author = i.article.author ?? f?.author ?? null;
  const posted = i.article.published === null && f?.posted ? f.posted : i.posted;
  const byline = [author ? clean(author) : null, posted, clean(i.source)].filter((x) => x);
  for (const t of i.wrap(byline.join(' · '), w)) push(t, 'byline');
  push('─'.repeat(w), 'rule');
  if (f?.loading) push(m.fullLoading, 'status');
  else if (f?.note) for (const t of i.wrap(f.note, w)) push(t, 'status');
  for (const l of i.body.lines) pushWide(clean(l.text), l.style);
  // one line of tags: the article's, with those of a hashtag line that ended the body (left out of it)
  const tags = normaliseTags([...i.article.tags, ...(i.body.hashtags ?? [])]);
  if (tags.length > 0) {
    push('', 'blank');
    for (const t of i.wrap(tags.map((x) => `#${clean(x)}`).join(' '), w)) push(t, 'tags');
  }
  push('', 'blank');
  push(m.shareLine(i.shareKeys?.copy ?? 'y', i.shareKeys?.open ?? 'o'), 'share');
  let relatedStart = lines.length;
  if (i.related.length > 0) {
    push('', 'blank');
    push(m.readAlso, 'section');
    relatedStart = lines.length;
    // ↗: not in the cache, Enter opens it in the browser
    i.related.forEach((r, k) => push((clean(r.title) || m.noTitle) + (r.id === null ? ' ↗' : ''), 'related', k));
  }
  if (i.body.links.length > 0) {
    push('', 'blank');
    push(m.linksTitle, 'section');
    // Never broken: a link is only useful whole. One too long to follow its number gets a line of its own,
    // which the view draws up to the terminal's edge (beyond the reading width).
    i.body.links.forEach((u, k) => {
      const mark = `[${k + 1}]`;
      const url = clean(u).replace(/ /g, '%20');
      if (mark.length + 1 + url.length <= w) push(`${mark} ${url}`, 'footnote');
      else {
        push(mark, 'footnote');
        pushWide(url, 'footnote');
      }
    });
  }
  // Enclosures (podcast episodes, videos, files) follow the links, numbered on from them: one number opens either.
  const enclosures = enclosureLines(i.article.enclosures, i.body.links.length + 1, i.lang);
  if (enclosures.length > 0) {
    push('', 'blank');
    push(m.enclosuresTitle, 'section');
    for (const e of enclosures) {
      // the label wraps; the URL, never broken, takes a line of its own
      for (const part of i.wrap(`[${e.number}] ${clean(e.label)}`, w)) push(part, 'footnote');
      pushWide(clean(e.url).replace(/ /g, '%20'), 'footnote');
    }
  }
  return { lines, relatedStart, relatedCount: i.related.length };
}

/** The targets of an article's numbers, [1] first: its body's links, then its enclosures (as readerDoc numbers them). */
export function articleTargets(links: readonly string[], article: StoredArticle, lang: UiLang): { number: number; url: string; label: string | null }[] {
  return [
    ...links.map((url, k) => ({ number: k + 1, url, label: null })),
    ...enclosureLines(article.enclosures, links.length + 1, lang).map((e) => ({ number: e.number, url: e.url, label: e.label })),
  ];
}

/**
 * " [IND] | ENG · L opens the other edition · full article": the other edition struck through and dim when
 * there is none; last, which text is shown when a page is cached (`f` toggles it).
 */
function EditionLine(p: { m: Messages; own: UiLang; other: boolean; shown?: string; langKey?: string }): React.JSX.Element {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      {' '}
      <EditionSwitch m={p.m} active={p.own} other={p.other} />
      {p.other ? <Text {...textProps(theme, 'dim')}>{` · ${p.m.otherEditionHint(p.langKey ?? 'L')}`}</Text> : null}
      {p.shown ? <Text {...textProps(theme, 'header')}>{` · ${p.shown}`}</Text> : null}
    </Text>
  );
}

export interface ReaderProps {
  m: Messages;
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
        if (l.edition) return <EditionLine key={key} m={p.m} {...l.edition} />;
        const text = l.flush ? l.text : fit(p.measure, ' ' + l.text, w);
        switch (l.style) {
          case 'title':
          case 'heading':
          case 'section':
            return (
              <Line key={key} bold>
                {text}
              </Line>
            );
          case 'status':
            return (
              <Line key={key} dim italic>
                {text}
              </Line>
            );
          case 'byline':
          case 'rule':
          case 'share':
            return (
              <Line key={key} dim>
                {text}
              </Line>
            );
          case 'footnote':
            return (
              <Line key={key} role="link">
                {text}
              </Line>
            );
          case 'quote':
            return (
              <Line key={key} role="quote">
                {text}
              </Line>
            );
          case 'code':
            return (
              <Line key={key} role="code">
                {text}
              </Line>
            );
          case 'image':
            return (
              <Line key={key} italic>
                {text}
              </Line>
            );
          case 'tags':
            return (
              <Line key={key} role="tag">
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
