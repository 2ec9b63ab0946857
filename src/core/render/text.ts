import stringWidth from 'string-width';
import { fastWidth, simpleWidth } from './simple-width.js';

/**
 * Display-width helpers for terminal text: CJK and emoji take two cells, combining marks none, and a
 * grapheme (👩‍💻, e + U+0301) is never split. Widths come from string-width so the UI and the renderer agree.
 */

// made on the first text that needs it: the first Intl object of a process loads ICU's data (20-50 ms)
let segmenter: Intl.Segmenter | undefined;

export function displayWidth(s: string): number {
  const w = fastWidth(s);
  return w >= 0 ? w : stringWidth(s);
}

function graphemes(s: string): string[] {
  if (fastWidth(s) >= 0) return s.split('');
  const out: string[] = [];
  for (const { segment } of (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(s)) out.push(segment);
  return out;
}

function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const w = simpleWidth(g.charCodeAt(0));
    if (w >= 0) return w;
  }
  return stringWidth(g);
}

/** Cuts s to at most `width` cells, ending with `ellipsis` when anything was cut. */
export function truncate(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  let ell = ellipsis;
  let ellWidth = displayWidth(ell);
  // An ellipsis that cannot fit would itself break the width promise; cut without one instead.
  if (ellWidth > width) {
    ell = '';
    ellWidth = 0;
  }
  const room = width - ellWidth;
  let used = 0;
  let out = '';
  for (const g of graphemes(s)) {
    const w = graphemeWidth(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  return out + ell;
}

/** truncate, then spaces up to exactly `width` cells (a wide character that did not fit leaves a gap). */
export function padEnd(s: string, width: number): string {
  if (width <= 0) return '';
  const t = truncate(s, width);
  const w = displayWidth(t);
  return w >= width ? t : t + ' '.repeat(width - w);
}

/**
 * A word that is a link (http(s)://, ftp://, file://, mailto:, www.), perhaps after an opening bracket or
 * quote. Wrapping never breaks one: half a link copied or clicked is a wrong link.
 */
export function isUrlWord(word: string): boolean {
  return /^[("'<[]*(?:(?:https?|ftp|file):\/\/|mailto:|www\.)/i.test(word);
}

/**
 * Word wrap by display width. Only U+0020 separates words (U+00A0 glues, which the renderer relies on to
 * keep "[1]" with the link text); "\n" is a hard break. A word wider than the line starts on the current
 * line when at least one grapheme fits there and continues grapheme by grapheme, so CJK runs, which have no
 * spaces, fill whole lines; a link (isUrlWord) wider than the line is never split: it gets a line of its own,
 * the only kind of line wider than `width`. Leading spaces of a line are kept, trailing spaces never. A single
 * grapheme wider than `width` (only possible when width < 2) is put on a line of its own. `width` may be
 * Infinity: no wrapping, one line per paragraph.
 */
export function wrap(s: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const para of s.split('\n')) wrapParagraph(para, w, out);
  return out;
}

function wrapParagraph(s: string, width: number, out: string[]): void {
  let line = '';
  let lineWidth = 0;
  // Spaces seen since the last word: written only if another word follows on the same line.
  let gap = 0;
  const push = (): void => {
    out.push(trimSpaces(line));
    line = '';
    lineWidth = 0;
  };

  const tokens = s.split(/( +)/);
  for (const tok of tokens) {
    if (tok === '') continue;
    if (tok.charCodeAt(0) === 0x20) {
      gap += tok.length;
      continue;
    }
    const tw = displayWidth(tok);
    if (lineWidth + gap + tw <= width) {
      line += ' '.repeat(gap) + tok;
      lineWidth += gap + tw;
      gap = 0;
      continue;
    }
    if (tw <= width && lineWidth > 0) {
      push();
      line = tok;
      lineWidth = tw;
      gap = 0;
      continue;
    }
    // Too wide for the rest of this line: either it can start on a fresh line whole (handled above), or it
    // must be split. Leading indentation on an empty line is dropped when even the word does not fit after it.
    if (tw <= width || isUrlWord(tok)) {
      // (a link wider than the line: alone and whole; the next word cannot fit after it and starts a new line)
      if (tw > width && lineWidth > 0) push();
      line = tok;
      lineWidth = tw;
      gap = 0;
      continue;
    }
    if (lineWidth > 0 && lineWidth + gap + 1 <= width) {
      line += ' '.repeat(gap);
      lineWidth += gap;
    } else if (lineWidth > 0) {
      push();
    }
    gap = 0;
    for (const g of graphemes(tok)) {
      const gw = graphemeWidth(g);
      if (lineWidth + gw > width && lineWidth > 0) push();
      line += g;
      lineWidth += gw;
    }
  }
  out.push(trimSpaces(line));
}

/**
 * Cuts s into pieces of at most `width` cells, grapheme by grapheme, without looking for words: for a
 * line that is one unbreakable thing (a link) wider than the whole screen, split where the screen's edge
 * would have split it.
 */
export function splitAtWidth(s: string, width: number): string[] {
  const w = Math.max(2, Math.floor(width));
  if (displayWidth(s) <= w) return [s];
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const g of graphemes(s)) {
    const gw = graphemeWidth(g);
    if (used + gw > w && line !== '') {
      out.push(line);
      line = '';
      used = 0;
    }
    line += g;
    used += gw;
  }
  if (line !== '') out.push(line);
  return out;
}

function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  return end === s.length ? s : s.slice(0, end);
}
