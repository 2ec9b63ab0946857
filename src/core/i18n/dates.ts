/**
 * Posting dates and relative times in Indonesian and English. Names come from our own tables: Node builds
 * with small-icu, and some ICU versions, spell Indonesian days or months differently (or in English). Intl is
 * used only for the numeric wall-clock parts in a time zone.
 */

export type UiLang = 'id' | 'en';

const DAYS: Record<UiLang, readonly string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<UiLang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const SHORT_MONTHS: Record<UiLang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Indonesia's zones are named by the offset in force, so a historical offset is not mislabelled. */
const INDONESIAN_ZONES = new Set(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Ujung_Pandang', 'Asia/Jayapura']);
const INDONESIAN_LABELS = new Map([
  [7 * 60, 'WIB'],
  [8 * 60, 'WITA'],
  [9 * 60, 'WIT'],
]);
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu']);

interface Parts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// A list screen formats hundreds of dates per frame; building a DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz === '' || tz.length > 64) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  try {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return tz && isValidTimeZone(tz) ? tz : 'UTC';
  } catch {
    return 'UTC';
  }
}

/** An unknown zone falls back to UTC rather than throwing: a bad setting must not break every screen. */
function zone(tz: string): string {
  return isValidTimeZone(tz) ? tz : 'UTC';
}

function partsIn(date: Date, timeZone: string): Parts {
  const p: Parts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of formatter(zone(timeZone)).formatToParts(date)) {
    if (type === 'year' || type === 'month' || type === 'day' || type === 'hour' || type === 'minute' || type === 'second') {
      p[type] = Number(value);
    }
  }
  // Years before 1 come back as positive numbers with an era part; article dates never go there.
  return p;
}

/** Days since the epoch of a calendar date, for calendar-day differences that ignore DST. */
function dayNumber(p: Parts): number {
  return Math.floor(Date.UTC(p.year, p.month - 1, p.day) / 86_400_000);
}

function offsetMinutes(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((wall - instant) / 60_000);
}

/**
 * The instant a calendar day (YYYY-MM-DD) starts in a zone, in epoch ms: the query language's since:/until:
 * are days as the reader's clock shows them, not UTC days. NaN for a day that is not one.
 */
export function startOfDay(day: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null) return Number.NaN;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const tz = zone(timeZone);
  // The offset at the wall time read as UTC is right but near a DST change; one more step settles it there.
  const first = wall - offsetMinutes(new Date(wall), tz) * 60_000;
  return wall - offsetMinutes(new Date(first), tz) * 60_000;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

// Only ISO 8601: Date accepts much more, and reads text such as "Item 12" as a date in 2001.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function parse(iso: string | null): Date | null {
  if (!iso || !ISO_8601.test(iso)) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function zoneLabel(date: Date, timeZone: string): string {
  const tz = zone(timeZone);
  if (UTC_NAMES.has(tz)) return 'UTC';
  const offset = offsetMinutes(date, tz);
  if (INDONESIAN_ZONES.has(tz)) {
    const label = INDONESIAN_LABELS.get(offset);
    if (label) return label;
  }
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "Sabtu, 16 November 2019 - 12:59 WIB"; "" for a date that cannot be read. */
export function formatPosted(iso: string, lang: UiLang, timeZone: string): string {
  const d = parse(iso);
  if (!d) return '';
  const p = partsIn(d, timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  const dayName = DAYS[lang][weekday] ?? '';
  const month = MONTHS[lang][p.month - 1] ?? '';
  return `${dayName}, ${p.day} ${month} ${p.year} - ${two(p.hour)}:${two(p.minute)} ${zoneLabel(d, timeZone)}`;
}

/** "16 Nov 2019" / "16 Agu 2019"; "" for a date that cannot be read. */
export function formatDate(iso: string, lang: UiLang, timeZone: string): string {
  const d = parse(iso);
  if (!d) return '';
  const p = partsIn(d, timeZone);
  return `${p.day} ${SHORT_MONTHS[lang][p.month - 1] ?? ''} ${p.year}`;
}

/**
 * Compact forms fit six cells for list rows: en "now" "5m" "2h" "3d" "16 Nov" "Nov'18"; id "baru" "5 mnt"
 * "2 jam" "3 hr" "16 Agu" "Agu'18". "mnt" and "hr" are the abbreviations Indonesian newsrooms print for
 * menit and hari; "baru" (just now) reads naturally in a list where "kini" sounds literary. Older than this
 * calendar year shows month and two-digit year, because a bare "16 Nov" would be read as this year.
 */
function compactDate(d: Date, now: Date, lang: UiLang, timeZone: string): string {
  const p = partsIn(d, timeZone);
  const n = partsIn(now, timeZone);
  const month = SHORT_MONTHS[lang][p.month - 1] ?? '';
  if (p.year === n.year) return `${p.day} ${month}`;
  return `${month}'${two(((p.year % 100) + 100) % 100)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function relativeTime(
  iso: string | null,
  now: Date,
  lang: UiLang,
  timeZone: string,
  options?: { compact?: boolean },
): string {
  const d = parse(iso);
  if (!d) return '';
  const compact = options?.compact === true;
  const id = lang === 'id';
  const diff = now.getTime() - d.getTime();
  const older = (): string => (compact ? compactDate(d, now, lang, timeZone) : formatDate(d.toISOString(), lang, timeZone));

  if (diff < 0) {
    // A publisher's clock running a little fast should not read as a date in the future.
    if (-diff < 5 * MINUTE) return compact ? (id ? 'baru' : 'now') : id ? 'baru saja' : 'just now';
    return older();
  }
  if (diff < MINUTE) return compact ? (id ? 'baru' : 'now') : id ? 'baru saja' : 'just now';
  if (diff < HOUR) {
    const m = Math.floor(diff / MINUTE);
    if (compact) return id ? `${m} mnt` : `${m}m`;
    return id ? `${m} menit lalu` : m === 1 ? '1 minute ago' : `${m} minutes ago`;
  }
  if (diff < 24 * HOUR) {
    const h = Math.floor(diff / HOUR);
    if (compact) return id ? `${h} jam` : `${h}h`;
    return id ? `${h} jam lalu` : h === 1 ? '1 hour ago' : `${h} hours ago`;
  }
  // Past a day, count calendar days in the reader's zone: "yesterday" must mean the previous date there.
  const days = Math.max(1, dayNumber(partsIn(now, timeZone)) - dayNumber(partsIn(d, timeZone)));
  if (days > 6) return older();
  if (compact) return id ? `${days} hr` : `${days}d`;
  if (days === 1) return id ? 'kemarin' : 'yesterday';
  return id ? `${days} hari lalu` : `${days} days ago`;
}
