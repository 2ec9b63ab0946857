import type { en } from './en.js';

/** The two interface languages. dates.ts declares the same literal type. */
export type UiLang = 'id' | 'en';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;

/**
 * Every string a user reads, keyed by name. Derived from the English table so the Indonesian table,
 * typed against it, fails to compile when a key is missing or has the wrong shape.
 */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof Messages;

/** Keys whose value is a plain string (usable as labels without arguments). */
export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];

/** Formats a count the way each language writes numbers (12,345 / 12.345). */
export function formatCount(n: number, lang: UiLang): string {
  return (NUMBER_FORMATS[lang] ??= new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US')).format(n);
}

// toLocaleString builds a formatter per call (~4 µs); the hashtag view formats every tag's count per frame.
// Made on first use: the first Intl object of a process loads ICU's data (20-50 ms), which `--help` need not.
const NUMBER_FORMATS: Partial<Record<UiLang, Intl.NumberFormat>> = {};
