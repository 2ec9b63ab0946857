import { describe, expect, it } from 'vitest';
import { displayWidth, truncate } from '../../src/core/render/text.js';
import { fitHints } from '../../src/ui/components/StatusBar.js';
import { fit } from '../../src/ui/components/Line.js';
import { splitRun } from '../../src/ui/hooks/use-keys.js';

const measure = { displayWidth, truncate: (s: string, w: number) => truncate(s, w) };

describe('status bar hints', () => {
  const hints = ['j/k pindah', 'Enter buka', '# tagar', 'q keluar', '? bantuan'];
  it('keeps whole hints and the help hint when the line is short', () => {
    expect(fitHints(measure, hints, 200)).toBe('j/k pindah · Enter buka · # tagar · q keluar · ? bantuan');
    expect(fitHints(measure, hints, 40)).toBe('j/k pindah · Enter buka · ? bantuan');
    expect(fitHints(measure, hints, 9)).toBe('? bantuan');
    expect(displayWidth(fitHints(measure, hints, 5))).toBeLessThanOrEqual(5);
  });
});

describe('fit', () => {
  it('puts the ellipsis by the last word, not after a gap', () => {
    expect(fit(measure, 'Judul panjang  #tag #lain', 16)).toBe('Judul panjang…');
    expect(fit(measure, 'pendek', 16)).toBe('pendek');
  });
});

describe('splitRun', () => {
  it('turns a pasted run into one keypress per character, Enter and Tab included', () => {
    const keys = splitRun('/ab\r\t\u007f\u0007é');
    expect(keys.map((k) => k.input)).toEqual(['/', 'a', 'b', '', '', '', 'é']);
    expect(keys[3]?.key.return).toBe(true);
    expect(keys[4]?.key.tab).toBe(true);
    expect(keys[5]?.key.backspace).toBe(true);
  });
});
