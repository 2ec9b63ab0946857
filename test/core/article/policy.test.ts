import { describe, expect, it } from 'vitest';
import { isExcerpt, pageAddsText, wantsPage, wordCount } from '../../../src/core/article/policy.js';

const words = (n: number, word = 'kata') => Array.from({ length: n }, () => word).join(' ');

describe('excerpt policy', () => {
  it('counts words of both languages', () => {
    expect(wordCount("Data 2,3 juta pelanggan bocor — it's 50% off")).toBe(8);
  });
  it('a short text is an excerpt, a long one is not', () => {
    expect(isExcerpt('')).toBe(true);
    expect(isExcerpt(words(149))).toBe(true);
    expect(isExcerpt(words(150))).toBe(false);
  });
  it('a middling text is an excerpt only when it ends cut off', () => {
    expect(isExcerpt(`${words(300)}.`)).toBe(false);
    expect(isExcerpt(`${words(300)}…`)).toBe(true);
    expect(isExcerpt(`${words(300)} [...]`)).toBe(true);
    expect(isExcerpt(`${words(300)}.\n\nBaca selengkapnya`)).toBe(true);
    expect(isExcerpt(`${words(300)}.\nContinue reading »`)).toBe(true);
    expect(isExcerpt(`${words(300)}.\nThe post Foo appeared first on Bar.`)).toBe(true);
    expect(isExcerpt(`${words(500)}…`)).toBe(false);
  });
  it('modes: always and never ignore the text; auto follows it', () => {
    expect(wantsPage('always', words(1000))).toBe(true);
    expect(wantsPage('never', '')).toBe(false);
    expect(wantsPage('auto', words(10))).toBe(true);
    expect(wantsPage('auto', words(1000))).toBe(false);
  });
  it('a page is the article only when it says clearly more than the feed', () => {
    expect(pageAddsText(words(10), words(300))).toBe(true);
    expect(pageAddsText(words(300), words(330))).toBe(false);
    expect(pageAddsText(words(10), words(25))).toBe(false);
  });
});
