/**
 * Remembers up to `max` answers of a pure one-string function, forgetting them all when full. Every keypress
 * redraws the same visible rows, and measuring a title with a character outside the fast width table costs
 * string-width's full grapheme scan each time; the rows' strings repeat from frame to frame, so their answers
 * need not be computed again.
 */
export function memoStrings<R>(fn: (s: string) => R, max = 4096): (s: string) => R {
  const cache = new Map<string, R>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const value = fn(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, value);
    return value;
  };
}

/**
 * Remembers the answer for the last arguments only, compared with Object.is. For lists derived from state on
 * every keypress (the help rows, the narrowed tags): a key that only moves the cursor passes the same
 * arguments again and gets the same list back, unbuilt. The arguments must be immutable (state is).
 */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args) => {
    if (last !== null && last.args.length === args.length && args.every((a, i) => Object.is(a, last?.args[i]))) {
      return last.value;
    }
    const value = fn(...args);
    last = { args, value };
    return value;
  };
}
