import { describe, expect, it } from 'vitest';
import { memoLast, memoStrings } from '../../src/ui/memo.js';

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

describe('memoLast', () => {
  it('answers the same arguments again from memory and computes anew when one changes', () => {
    const calls: unknown[][] = [];
    const all = [1, 2, 3];
    const above = memoLast((xs: readonly number[], min: number) => {
      calls.push([xs, min]);
      return xs.filter((x) => x > min);
    });
    const first = above(all, 1);
    expect(first).toEqual([2, 3]);
    expect(above(all, 1)).toBe(first);
    expect(calls).toHaveLength(1);
    expect(above(all, 2)).toEqual([3]);
    // an equal but other array is another input: state is immutable, so a new array means new tags
    expect(above([1, 2, 3], 2)).toEqual([3]);
    expect(calls).toHaveLength(3);
    // only the last answer is kept
    expect(above(all, 1)).not.toBe(first);
    expect(calls).toHaveLength(4);
  });
});
