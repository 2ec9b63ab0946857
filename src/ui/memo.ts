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
