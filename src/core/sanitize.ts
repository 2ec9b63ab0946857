/**
 * Strips terminal control sequences from text that came from a feed. Applied when an article is
 * normalised (before it is stored) and again when text is drawn or printed.
 *
 * Removed: ESC sequences with their payload (CSI, OSC incl. OSC 8 links and OSC 52 clipboard writes,
 * DCS, SOS, PM, APC, and two-byte ESC x), their 8-bit C1 forms (U+009B CSI, U+009D OSC, U+0090 DCS …),
 * every other C0 control but tab and newline, DEL, C1 U+0080–U+009F, and the bidi controls
 * U+202A–U+202E and U+2066–U+2069 that can make text read differently from what it is, plus the invisible
 * marks that only hide or reorder text: U+061C, U+200B, U+200E, U+200F, U+2060–U+2064 and U+FEFF.
 * ZWJ and ZWNJ (U+200D, U+200C) stay: emoji sequences and several scripts need them.
 */

// String-terminated sequences: OSC (ESC ] / U+009D), DCS (ESC P / U+0090), SOS (ESC X / U+0098),
// PM (ESC ^ / U+009E), APC (ESC _ / U+009F). Terminated by BEL, ST (ESC \ or U+009C), or the end.
const STRING_SEQ = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// CSI: ESC [ or U+009B, parameter bytes, intermediate bytes, one final byte (or the end).
const CSI_SEQ = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
// Any other ESC sequence: ESC, intermediates, one final byte.
const ESC_SEQ = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// Bidi embeddings/overrides/isolates and marks, and the invisibles: the part of CONTROLS above C1, shared with
// the URL sets below.
const HIDDEN = '\\u061c\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
// Remaining controls: C0 but \t and \n, DEL, C1, and HIDDEN.
const CONTROLS = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${HIDDEN}]`, 'g');
// Every sequence above starts with one of these characters (ESC and the C1 introducers are in the set), and
// CR is in it too: clean text, newlines and tabs included — the common case — costs one test.
const NEEDS_WORK = new RegExp(CONTROLS.source);

/**
 * A URL holding one of these is refused, never cleaned or percent-encoded into a harmless-looking address:
 * every character sanitizeText removes, plus tab and newline (so all of C0). A URL that passes is shown exactly
 * as it is stored. For URLs kept as written: HTML attributes (where "java\nscript:" still runs), subscriptions
 * (feeds add, OPML, settings), the argument handed to the browser.
 */
export const UNSAFE_IN_URL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${HIDDEN}]`);

/**
 * UNSAFE_IN_URL without tab, LF and CR, for a feed URL that is kept only as its WHATWG serialisation
 * (new URL(value).href): the URL parser drops those three wherever they are, so none can reach what is stored,
 * and a link a feed wrapped over lines still resolves. Used by the feed parser's link resolution and normalise,
 * which must agree: the parser leaves a link it refuses unresolved so that normalise refuses it too.
 */
export const UNSAFE_IN_PARSED_URL = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${HIDDEN}]`);

/** Removes control sequences; keeps tabs and newlines (CRLF and lone CR become LF). */
export function sanitizeText(input: string): string {
  if (!input) return '';
  let s = input;
  if (NEEDS_WORK.test(s)) {
    s = s
      .replace(/\r\n?/g, '\n')
      .replace(STRING_SEQ, '')
      .replace(CSI_SEQ, '')
      .replace(ESC_SEQ, '')
      .replace(CONTROLS, '');
  }
  return s;
}

/** sanitizeText, then every run of whitespace (tabs, newlines) folded to one space and the ends trimmed. */
export function sanitizeLine(input: string): string {
  return sanitizeText(input).replace(/\s+/g, ' ').trim();
}

/** True when the text holds nothing sanitizeText would remove. */
export function isClean(input: string): boolean {
  return sanitizeText(input) === input.replace(/\r\n?/g, '\n');
}

/**
 * Cuts a string to at most max UTF-16 units without splitting a surrogate pair; appends `mark` ("…" unless
 * given, may be '') when cut, counted in max.
 */
export function bound(input: string, max: number, mark = '…'): string {
  if (input.length <= max) return input;
  let end = max - mark.length;
  const code = input.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return input.slice(0, end) + mark;
}
