import { UNSAFE_IN_PARSED_URL } from '../sanitize.js';

/** Longest URL kept, from a page or a feed (normalise.ts LIMITS.url). */
export const MAX_URL_LENGTH = 4_096;

/**
 * An absolute http(s) URL from a page's link, resolved against base, or null: other schemes (javascript:,
 * data:, file:, mailto:), control characters and invisible marks, and overlong values are refused, never
 * cleaned into something that looks harmless (tab, LF and CR pass: only new URL(…).href is kept, and the URL
 * parser drops them). Feed links go through it too (normalise.ts).
 */
export function pageUrl(raw: string | null | undefined, base: string | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (!value || value.length > MAX_URL_LENGTH || UNSAFE_IN_PARSED_URL.test(value)) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const href = url.href;
  if (href.length > MAX_URL_LENGTH || UNSAFE_IN_PARSED_URL.test(href)) return null;
  return href;
}

/** The same page whatever its fragment: "a#x" and "a" are one link. */
export function samePage(a: string, b: string): boolean {
  const strip = (u: string): string => u.replace(/#.*$/, '').replace(/\/$/, '');
  return strip(a) === strip(b);
}

/** The http(s) base of a page: `<base href>` resolved against the page URL when it is http(s). */
export function pageBase(pageUrlValue: string, baseHref: string | null): string | undefined {
  const page = pageUrl(pageUrlValue, undefined) ?? undefined;
  if (baseHref) return pageUrl(baseHref, page) ?? page;
  return page;
}
