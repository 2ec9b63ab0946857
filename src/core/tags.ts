/** Tags: display casing kept, matched case-insensitively, plus #hashtags found in article text. */
import { bound, sanitizeLine } from './sanitize.js';

export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 30;

/** The case-insensitive identity of a tag: "#DataBreach" and "databreach" share one key. */
export function tagKey(tag: string): string {
  // ASCII is already NFKC and lower-cases the same in every locale; the ICU path costs ~50x more.
  const folded = /^[\x00-\x7f]*$/.test(tag) ? tag.toLowerCase() : tag.normalize('NFKC').toLocaleLowerCase('und');
  return folded.trim().replace(/^#+/, '').trim();
}

/** Sanitised, bounded, deduplicated (first casing wins) and capped list of tags. */
export function normaliseTags(tags: Iterable<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    // A tag is an identifier, so it is cut without an ellipsis.
    const tag = bound(sanitizeLine(raw.slice(0, MAX_TAG_LENGTH * 4)).replace(/^#+/, '').trim(), MAX_TAG_LENGTH, '').trim();
    const key = tagKey(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

// '#' must start a word: not after a letter/digit ("C#", "page#frag"), '&' ("&#39;"), '/' or another '#'.
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#/])#([\p{L}\p{M}\p{N}_]+)/gu;

/** Hashtags written in plain text, without the '#', in order of first appearance, deduplicated by tagKey. */
export function hashtagsIn(text: string): string[] {
  const out: string[] = [];
  if (!text || !text.includes('#')) return out;
  const seen = new Set<string>();
  const seenRaw = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) {
    const tag = match[1] ?? '';
    if (seenRaw.has(tag)) continue;
    seenRaw.add(tag);
    // "#1" and "#2024" are numbering, not topics.
    if (!/\p{L}/u.test(tag)) continue;
    // Inside a URL ("https://x.example/?a=b&c=#frag", "www.x.example/#a") the '#' is a fragment.
    const before = text.slice(Math.max(0, match.index - 2048), match.index);
    const token = before.slice(before.search(/\S*$/));
    if (/:\/\/|^www\./i.test(token)) continue;
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
