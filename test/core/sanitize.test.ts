import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bound, sanitizeLine, sanitizeText } from '../../src/core/sanitize.js';
import { runs } from '../helpers/property.js';

const ESC = '\u001b';

describe('sanitizeText', () => {
  it.each([
    ['CSI colour', `a${ESC}[31mred${ESC}[0m b`, 'ared b'],
    ['CSI clear screen', `x${ESC}[2J${ESC}[H y`, 'x y'],
    ['OSC 8 hyperlink keeps the label', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['OSC 52 clipboard write with BEL', `pre${ESC}]52;c;cm0gLXJmIH4=\u0007post`, 'prepost'],
    ['OSC 0 window title', `${ESC}]0;pwned\u0007title`, 'title'],
    ['DCS', `${ESC}Pq#0;2;0;0;0${ESC}\\ok`, 'ok'],
    ['8-bit CSI', `a\u009b31mb`, 'ab'],
    ['8-bit OSC', `a\u009d52;c;AAAA\u009cb`, 'ab'],
    ['lone C1', 'a\u0085b\u0080c', 'abc'],
    ['bidi override', 'abc\u202eevil\u202c.exe', 'abcevil.exe'],
    ['bidi isolate', 'x\u2066y\u2069z', 'xyz'],
    ['C0 and DEL', 'a\u0000b\u0007c\u0008d\u007fe', 'abcde'],
    ['unterminated OSC eats the rest', `safe${ESC}]52;c;AAAA`, 'safe'],
    ['two-byte ESC', `a${ESC}cb${ESC}7c`, 'abc'],
    ['CR and CRLF become LF', 'a\r\nb\rc', 'a\nb\nc'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('keeps tabs, newlines, Indonesian, CJK and emoji', () => {
    const text = 'Sabtu,\t16 November\n数据泄露 🔒 👩‍💻';
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('sanitizeLine', () => {
  it('folds whitespace and trims', () => {
    expect(sanitizeLine(`  Data \n\t Bocor ${ESC}[1m!  `)).toBe('Data Bocor !');
  });
});

describe('bound', () => {
  it('cuts long text and marks the cut', () => {
    expect(bound('abcdef', 4)).toBe('abc…');
    expect(bound('abc', 4)).toBe('abc');
  });
  it('never splits a surrogate pair', () => {
    const s = 'ab😀cd';
    expect(bound(s, 4)).toBe('ab…');
    expect(bound(s, 3, '')).toBe('ab');
    expect(bound(s, 4, '')).toBe('ab😀');
  });
});

describe('sanitizeText fast path', () => {
  // The full chain of replaces, always run: what sanitizeText must equal when it skips them for clean text.
  const slow = (s: string): string => sanitizeText(`\u0007${s}`);

  it('returns clean text with tabs and newlines as the same string', () => {
    const text = 'Serangan siber\n\tmenimpa bank — “kutipan” 日本語 👩‍💻';
    expect(sanitizeText(text)).toBe(text);
  });

  it('agrees with the full chain of replaces on any string', () => {
    const unit = fc.oneof(
      fc.constantFrom('\n', '\t', '\r', '\u001b', '[', ']', '\u0007', '\\', '\u009b', '\u009d', '\u009c', '\u202e', '\u2066', '\u200b', '\ufeff', '\u007f', 'a', ' '),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(sanitizeText(s)).toBe(slow(s));
      }),
      runs(2000),
    );
  });
});
