import { messages, type UiLang } from './i18n/index.js';
import { sanitizeLine } from './sanitize.js';
import type { Enclosure } from './types.js';

/**
 * An article's enclosures (podcast episodes, videos, files) as the reader and `cyberread show` list them,
 * numbered after the body's [n] links so one number opens either: "[4] audio/mpeg · 12.3 MB · https://…".
 */

const SIZE_FORMATS: Record<UiLang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }),
};

/** Bytes in decimal units, as players and file managers show them: "980 B", "12.3 MB" ("12,3 MB" in Indonesian). */
export function formatSize(bytes: number, lang: UiLang): string {
  const f = SIZE_FORMATS[lang];
  if (bytes < 1000) return `${f.format(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${f.format(v >= 100 ? Math.round(v) : v)} ${units[u]}`;
}

/** "audio/mpeg · 12.3 MB": the type (or "file"), then the size when the feed gave one above zero. */
export function enclosureLabel(e: Enclosure, lang: UiLang): string {
  const m = messages(lang);
  const type = e.type ? sanitizeLine(e.type) : m.enclosureUnknownType;
  return e.length !== undefined && e.length > 0 ? `${type} · ${formatSize(e.length, lang)}` : type;
}

/** The numbered lines: `first` is the number of the first enclosure (the body's link count + 1). */
export function enclosureLines(list: readonly Enclosure[], first: number, lang: UiLang): { number: number; label: string; url: string }[] {
  return list.map((e, i) => ({ number: first + i, label: enclosureLabel(e, lang), url: sanitizeLine(e.url) }));
}
