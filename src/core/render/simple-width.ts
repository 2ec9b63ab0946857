/**
 * The widths of common text without string-width. Kept free of imports: the bundled program wraps
 * string-width itself with this fast path (src/ui/ink-output.ts memoStringWidth), before Ink's first frame.
 */

/**
 * Width of a UTF-16 unit that is a whole grapheme on its own and whose width string-width would report
 * the same way, or -1 when only string-width can tell (marks, joiners, surrogates, format characters …).
 * string-width segments and regex-tests every string, which made it most of the rendering time; this table
 * covers article text in Latin, Indonesian and CJK scripts. A test compares every unit here to string-width.
 */
export function simpleWidth(c: number): number {
  if (c >= 0x20 && c < 0x7f) return 1;
  if (c < 0x300) return c >= 0xa0 && c !== 0xad ? 1 : -1;
  if (c >= 0x4e00 && c <= 0x9fff) return 2; // CJK unified ideographs
  if (c >= 0x3400 && c <= 0x4dbf) return 2; // CJK extension A
  if (c >= 0xac00 && c <= 0xd7a3) return 2; // Hangul syllables
  if (c >= 0x3041 && c <= 0x3096) return 2; // Hiragana
  if (c >= 0x30a1 && c <= 0x30fa) return 2; // Katakana
  if (c >= 0x3001 && c <= 0x303e) return c >= 0x302a && c <= 0x302f ? -1 : 2; // CJK punctuation, not tone marks
  if (c >= 0xff01 && c <= 0xff60) return 2; // fullwidth forms
  if (c >= 0x2010 && c <= 0x2027) return 1; // dashes, quotes, bullet, ellipsis
  if (c >= 0x2030 && c <= 0x205e) return 1;
  if (c >= 0x2500 && c <= 0x257f) return 1; // box drawing
  // Arrows, shapes, stars and check marks the program itself prints (↻ ● ★ ✓ ✗): string-width's first call
  // builds its emoji pattern, ~0.1-0.2 s of a short `refresh` that prints one ✓ line per feed.
  if (c >= 0x2190 && c <= 0x21ff) return 1;
  if (c >= 0x25a0 && c <= 0x25fc) return 1;
  if (c >= 0x2600 && c <= 0x2613) return 1;
  if (c >= 0x270c && c <= 0x2727) return 1;
  return -1;
}

/**
 * Sum of simpleWidth over s, or -1 when some unit needs string-width: each unit simpleWidth knows is a grapheme
 * of its own next to any other such unit, so the sum is string-width's answer for the whole string.
 */
export function fastWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const cw = simpleWidth(s.charCodeAt(i));
    if (cw < 0) return -1;
    w += cw;
  }
  return w;
}

/** An SGR sequence (colours, bold …) in the one form string-width's ANSI pattern removes whole as well. */
const SGR = /\u001b\[(?:\d{1,4}(?:;\d{0,4})*)?m/g;

/**
 * string-width's answer (ANSI sequences removed, then measured) for text of simple units coloured with plain
 * SGR sequences, or -1 when only string-width can tell (any other escape, or a unit simpleWidth does not know).
 */
export function fastTerminalWidth(s: string): number {
  return fastWidth(s.includes('\u001b') ? s.replace(SGR, '') : s);
}
