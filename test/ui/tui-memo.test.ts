import { describe, expect, it } from 'vitest';
import { memoStrings } from '../../src/ui/memo.js';

describe('memoStrings', () => {
  it('answers repeated strings from memory and forgets everything when full', () => {
    const seen: string[] = [];
    const len = memoStrings((s) => {
      seen.push(s);
      return s.length;
    }, 2);
    expect([len('ab'), len('ab'), len('xyz'), len('ab')]).toEqual([2, 2, 3, 2]);
    expect(seen).toEqual(['ab', 'xyz']);
    // a third distinct string clears the two remembered ones
    expect(len('q')).toBe(1);
    expect(len('ab')).toBe(2);
    expect(seen).toEqual(['ab', 'xyz', 'q', 'ab']);
  });
});
