/**
 * The posting-time lines article pages print, in Indonesian and English:
 *   "Diposting : Sabtu, 16 November 2019 - 12:59 WIB", "Senin, 2 Desember 2024 | 10:15 WIB",
 *   "16/11/2019, 12:59 WIB", "Saturday, November 16, 2019 - 12:59 WIB", "Nov 16, 2019 at 12:59 pm".
 * The pieces are found here and handed to the feed date reader (feeds/dates.ts parseDate), which owns the
 * month names (Indonesian and English) and the zones (WIB/WITA/WIT = UTC+7/+8/+9), so both agree.
 */
import { parseDate } from '../feeds/dates.js';

const ZONE = String.raw`(WIB|WITA|WIT|GMT|UTC|UT|Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?)`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([ap]\.?m\.?))?`;
// Between the date and the time: " - ", " | ", ", ", " pukul ", " at ", " jam ", "T" never (that is ISO).
const JOIN = String.raw`\s*(?:[-|,•·/]\s*)?(?:(?:pukul|jam|at|@)\s*)?`;
const TAIL = String.raw`(?:${JOIN}${TIME}(?:\s*${ZONE})?)?`;

// 16 November 2019 [ - 12:59 WIB]; the weekday before it is allowed and not checked.
const DAY_MONTH_YEAR = new RegExp(String.raw`(?<![\p{L}\d])(\d{1,2})\s+(\p{L}{3,10})\.?,?\s+(\d{4})(?!\d)${TAIL}`, 'giu');
// November 16, 2019 [at 12:59 pm]
const MONTH_DAY_YEAR = new RegExp(String.raw`(?<![\p{L}\d])(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)${TAIL}`, 'giu');
// 16/11/2019, 12:59 WIB  or 16-11-2019 12:59
const NUMERIC = new RegExp(String.raw`(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)${TAIL}`, 'gi');

export interface DateLineOptions {
  /** The page's language: decides day/month order of numeric dates and the zone of a time without one. */
  lang?: string | null;
}

function clock(hour: string | undefined, minute: string | undefined, second: string | undefined, ampm: string | undefined): string | null {
  if (hour === undefined || minute === undefined) return null;
  let h = Number(hour);
  const half = ampm?.toLowerCase().replace(/\./g, '');
  if (half) {
    if (h < 1 || h > 12) return null;
    if (half === 'pm' && h !== 12) h += 12;
    if (half === 'am' && h === 12) h = 0;
  }
  return `${String(h).padStart(2, '0')}:${minute}:${second ?? '00'}`;
}

/**
 * Indonesian pages that give a time without a zone mean Jakarta time (WIB): the sites this reader was made
 * for print WIB wherever they print a zone at all. Other pages: UTC, as the feed reader assumes.
 */
function defaultZone(lang: string | null | undefined): string {
  return lang === 'id' ? 'WIB' : 'UTC';
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function assemble(day: string, month: string, year: string, time: string | null, zone: string | undefined, lang: string | null | undefined): string | null {
  const z = (zone ?? defaultZone(lang)).replace(/\s+/g, '');
  return parseDate(`${day} ${month} ${year} ${time ?? '00:00:00'} ${z}`);
}

/** The first posting time written in `text` as ISO 8601 UTC, or null when there is none we can read. */
export function parseDateLine(text: string, options: DateLineOptions = {}): string | null {
  if (!text || !/\d{4}/.test(text)) return null;
  const s = text.length > 400 ? text.slice(0, 400) : text;
  const lang = options.lang ?? null;
  const candidates: Array<{ index: number; iso: string }> = [];

  // Each form: its first match that is a real date ("12 tahun 2019" is not) is its candidate.
  for (const m of s.matchAll(DAY_MONTH_YEAR)) {
    const iso = assemble(m[1]!, m[2]!, m[3]!, clock(m[4], m[5], m[6], m[7]), m[8], lang);
    if (iso) {
      candidates.push({ index: m.index, iso });
      break;
    }
  }
  for (const m of s.matchAll(MONTH_DAY_YEAR)) {
    const iso = assemble(m[2]!, m[1]!, m[3]!, clock(m[4], m[5], m[6], m[7]), m[8], lang);
    if (iso) {
      candidates.push({ index: m.index, iso });
      break;
    }
  }
  for (const m of s.matchAll(NUMERIC)) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    // Indonesian (like most of the world) writes day/month; English pages are read month/day unless that
    // cannot be a date.
    if ((lang === 'en' && day <= 12) || month > 12) [day, month] = [month, day];
    const name = MONTH_NAMES[month - 1];
    const iso = name ? assemble(String(day), name, m[4]!, clock(m[5], m[6], m[7], m[8]), m[9], lang) : null;
    if (iso) {
      candidates.push({ index: m.index, iso });
      break;
    }
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]!.iso;
}

/** Text that announces a change rather than the first posting ("Diperbarui", "Updated"). */
export const UPDATED_LINE = /^\s*(?:diperbarui|diperbaharui|update[ds]?|last\s+updated|terakhir\s+diperbarui|modified|edited)\b/i;
