import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeTextFast } from '../../src/core/clean-text.js';
import { sanitizeText } from '../../src/core/sanitize.js';

describe('sanitizeTextFast', () => {
  it('returns clean text with tabs and newlines unchanged, as the same string', () => {
    const text = 'Serangan siber\n\tmenimpa bank — “kutipan” 日本語 👩‍💻';
    expect(sanitizeTextFast(text)).toBe(text);
    expect(sanitizeText(text)).toBe(text);
  });

  it('still removes control sequences and turns CR LF into LF', () => {
    expect(sanitizeTextFast('a\u001b[31mb\u001b]52;c;eA==\u0007c\r\nd\u202ee\u0085')).toBe('abc\nde');
  });

  it('agrees with sanitizeText on any string', () => {
    const unit = fc.oneof(
      fc.constantFrom('\n', '\t', '\r', '\u001b', '[', ']', '\u0007', '\\', '\u009b', '\u009d', '\u009c', '\u202e', '\u2066', '\u007f', 'a', ' '),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(sanitizeTextFast(s)).toBe(sanitizeText(s));
      }),
      { numRuns: 2000 },
    );
  });
});
