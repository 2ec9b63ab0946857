import stringWidth from 'string-width';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, isUrlWord, padEnd, splitAtWidth, truncate, wrap } from '../../../src/core/render/text.js';
import { fastTerminalWidth, simpleWidth } from '../../../src/core/render/simple-width.js';
import { runs } from '../../helpers/property.js';

const DEV = '👩‍💻'; // woman technologist: 👩 ZWJ 💻, one grapheme, two cells
const E_ACUTE = 'e\u0301'; // e + combining acute accent, one grapheme, one cell

describe('displayWidth', () => {
  it('counts ASCII, CJK, emoji and combining marks in cells', () => {
    expect(displayWidth('data')).toBe(4);
    expect(displayWidth('数据泄露')).toBe(8);
    expect(displayWidth(DEV)).toBe(2);
    expect(displayWidth(`caf${E_ACUTE}`)).toBe(4);
    expect(displayWidth('Bahasa “Indonesia” – ok…')).toBe(24);
    expect(displayWidth('')).toBe(0);
  });

  it('agrees with string-width for every UTF-16 unit its fast table claims to know', () => {
    const disagreements: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const w = simpleWidth(c);
      if (w >= 0 && stringWidth(String.fromCharCode(c)) !== w) disagreements.push(c.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('fastTerminalWidth', () => {
  const ESC = '\u001b';
  // simple units, units only string-width knows, and escapes: SGR in the form it counts, and forms it leaves to string-width
  const piece = fc.constantFrom(
    'a', ' ', '#', 'é', '●', '★', '›', '—', '“', '東', '한', 'ア', '！', '…', '─', '↻', '✓',
    '😀', '\u0301', '\u200d', '\ufe0f', '\u00ad', '\u1161', '\u11a8', '\ud83c', '\t', '\u0007', '\u009b', '🇮🇩', '#\ufe0f\u20e3',
    `${ESC}[36m`, `${ESC}[39m`, `${ESC}[m`, `${ESC}[1;2m`, `${ESC}[38;5;123m`, `${ESC}[12345m`, `${ESC}[38;5;12345m`, `${ESC}[2J`, `${ESC}]8;;x`, ESC, `${ESC}[`,
  );
  it('gives string-width’s answer whenever it gives one', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (ps) => {
        const s = ps.join('');
        const w = fastTerminalWidth(s);
        if (w >= 0) expect(w).toBe(stringWidth(s));
      }),
      runs(2000),
    );
  });
  it('answers for coloured rows of the reader and leaves other escapes to string-width', () => {
    const row = `›●  Jan'30 Bench  Judul “berita” — 東京 ${ESC}[36m#Malware #…${ESC}[39m`;
    expect(fastTerminalWidth(row)).toBe(stringWidth(row));
    expect(fastTerminalWidth(row)).toBe(51);
    expect(fastTerminalWidth(`a${ESC}[2Jb`)).toBe(-1);
    expect(fastTerminalWidth(`${ESC}[12345m`)).toBe(-1);
    expect(fastTerminalWidth('😀')).toBe(-1);
  });
});

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    expect(truncate('phishing', 8)).toBe('phishing');
    expect(truncate('数据泄露', 8)).toBe('数据泄露');
  });
  it('cuts ASCII and appends the ellipsis inside the width', () => {
    expect(truncate('ransomware', 6)).toBe('ranso…');
    expect(truncate('ransomware', 6, '...')).toBe('ran...');
    expect(truncate('ransomware', 1)).toBe('…');
    expect(truncate('ransomware', 0)).toBe('');
  });
  it('never splits a wide character across the edge', () => {
    expect(truncate('数据泄露', 7)).toBe('数据泄…');
    expect(truncate('数据泄露', 6)).toBe('数据…');
    expect(displayWidth(truncate('数据泄露', 6))).toBe(5);
  });
  it('keeps ZWJ emoji and combining marks whole', () => {
    expect(truncate(`${DEV}${DEV}${DEV}`, 5)).toBe(`${DEV}${DEV}…`);
    expect(truncate(`${DEV}${DEV}${DEV}`, 4)).toBe(`${DEV}…`);
    expect(truncate(`${E_ACUTE}${E_ACUTE}${E_ACUTE}`, 2)).toBe(`${E_ACUTE}…`);
  });
  it('drops an ellipsis wider than the width instead of overflowing', () => {
    expect(truncate('abcdef', 2, '...')).toBe('ab');
  });
});

describe('padEnd', () => {
  it('pads to exactly the width', () => {
    expect(padEnd('ab', 5)).toBe('ab   ');
    expect(padEnd('数据', 6)).toBe('数据  ');
    expect(padEnd(DEV, 3)).toBe(`${DEV} `);
  });
  it('truncates first, filling the cell a wide character left over', () => {
    expect(padEnd('ransomware', 6)).toBe('ranso…');
    expect(padEnd('数据泄露', 6)).toBe('数据… ');
    expect(displayWidth(padEnd('数据泄露', 6))).toBe(6);
    expect(padEnd('x', 0)).toBe('');
  });
});

describe('wrap', () => {
  it('wraps words by width and keeps no trailing spaces', () => {
    expect(wrap('Data pelanggan Trend Micro dibocorkan karyawan sendiri', 16)).toEqual([
      'Data pelanggan',
      'Trend Micro',
      'dibocorkan',
      'karyawan sendiri',
    ]);
    expect(wrap('a b   ', 10)).toEqual(['a b']);
  });
  it('returns one empty line for empty input and honours hard breaks', () => {
    expect(wrap('', 10)).toEqual(['']);
    expect(wrap('satu\n\ndua', 10)).toEqual(['satu', '', 'dua']);
  });
  it('splits a word longer than the line by grapheme, filling the current line first', () => {
    expect(wrap('cyberthreat.id/read/1234', 10)).toEqual(['cyberthrea', 't.id/read/', '1234']);
    expect(wrap('lihat panjangsekalitanpaspasi', 10)).toEqual(['lihat panj', 'angsekalit', 'anpaspasi']);
  });
  it('never breaks a link: one wider than the line gets a line of its own, whole', () => {
    expect(wrap('https://cyberthreat.id/read/1234', 10)).toEqual(['https://cyberthreat.id/read/1234']);
    expect(wrap('lihat https://e.id/abcdef di sana', 10)).toEqual(['lihat', 'https://e.id/abcdef', 'di sana']);
    expect(wrap('(www.example.com/a/b/c) x', 8)).toEqual(['(www.example.com/a/b/c)', 'x']);
    expect(wrap('ke mailto:redaksi@cyberthreat.id', 12)).toEqual(['ke', 'mailto:redaksi@cyberthreat.id']);
    // a link that fits moves to the next line whole, as any word does
    expect(wrap('baca https://e.id/a', 15)).toEqual(['baca', 'https://e.id/a']);
    expect(wrap('https://e.id/a', Infinity)).toEqual(['https://e.id/a']);
  });
  it('knows a link by its scheme or www.', () => {
    for (const w of ['https://x', 'HTTP://x', '("https://x")', 'ftp://x', 'file:///x', 'mailto:a@b', 'www.x.id']) expect(isUrlWord(w), w).toBe(true);
    for (const w of ['x://y', 'https:x', 'javascript:alert(1)', 'wwwx', 'data', '#https://x']) expect(isUrlWord(w), w).toBe(false);
  });
  it('splitAtWidth cuts at the width without looking for words, never splitting a grapheme', () => {
    expect(splitAtWidth('https://e.id/abcdef', 8)).toEqual(['https://', 'e.id/abc', 'def']);
    expect(splitAtWidth('ab数据泄露', 5)).toEqual(['ab数', '据泄', '露']);
    expect(splitAtWidth('short', 8)).toEqual(['short']);
  });
  it('wraps CJK, which has no spaces, within the width', () => {
    expect(wrap('数据泄露数据泄露', 5)).toEqual(['数据', '泄露', '数据', '泄露']);
    expect(wrap('ab 数据泄露', 6)).toEqual(['ab 数', '据泄露']);
  });
  it('keeps ZWJ emoji and combining marks whole', () => {
    expect(wrap(`${DEV}${DEV}${DEV}`, 5)).toEqual([`${DEV}${DEV}`, DEV]);
    expect(wrap(`${E_ACUTE}${E_ACUTE}${E_ACUTE} x`, 2)).toEqual([`${E_ACUTE}${E_ACUTE}`, E_ACUTE, 'x']);
  });
  it('treats U+00A0 as part of a word', () => {
    expect(wrap('data bocor\u00a0[1]', 12)).toEqual(['data', 'bocor\u00a0[1]']);
  });
  it('keeps leading indentation when it fits', () => {
    expect(wrap('  kode', 10)).toEqual(['  kode']);
  });
  it('never produces a line wider than the width (width >= 2)', () => {
    const pieces = fc.constantFrom('data', ' ', '  ', '数据', DEV, E_ACUTE, 'Trend', 'x', 'https://e.id/a/b/c');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.integer({ min: 2, max: 30 }), (parts, width) => {
        const lines = wrap(parts.join(''), width);
        for (const line of lines) {
          // the one exception: a link wider than the line, alone on its line
          if (isUrlWord(line) && !line.includes(' ')) continue;
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
          expect(line).not.toMatch(/ $/);
        }
        // Nothing but spaces at line ends is lost.
        expect(lines.join('').replace(/ /g, '')).toBe(parts.join('').replace(/ /g, ''));
      }),
      runs(100),
    );
  });
});
