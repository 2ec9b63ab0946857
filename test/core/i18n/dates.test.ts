import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatPosted,
  isValidTimeZone,
  relativeTime,
  systemTimeZone,
  zoneLabel,
} from '../../../src/core/i18n/dates.js';

const SEED = '2019-11-16T05:59:00Z';
const WINTER = '2019-01-16T05:59:00Z';
const SUMMER = '2019-07-16T05:59:00Z';

describe('formatPosted', () => {
  it('writes the seed article time in Jakarta in both languages', () => {
    expect(formatPosted(SEED, 'id', 'Asia/Jakarta')).toBe('Sabtu, 16 November 2019 - 12:59 WIB');
    expect(formatPosted(SEED, 'en', 'Asia/Jakarta')).toBe('Saturday, 16 November 2019 - 12:59 WIB');
  });

  it.each([
    ['Asia/Pontianak', 'Sabtu, 16 November 2019 - 12:59 WIB', 'Saturday, 16 November 2019 - 12:59 WIB'],
    ['Asia/Makassar', 'Sabtu, 16 November 2019 - 13:59 WITA', 'Saturday, 16 November 2019 - 13:59 WITA'],
    ['Asia/Jayapura', 'Sabtu, 16 November 2019 - 14:59 WIT', 'Saturday, 16 November 2019 - 14:59 WIT'],
    ['UTC', 'Sabtu, 16 November 2019 - 05:59 UTC', 'Saturday, 16 November 2019 - 05:59 UTC'],
    ['Etc/UTC', 'Sabtu, 16 November 2019 - 05:59 UTC', 'Saturday, 16 November 2019 - 05:59 UTC'],
    ['Europe/Berlin', 'Sabtu, 16 November 2019 - 06:59 UTC+01:00', 'Saturday, 16 November 2019 - 06:59 UTC+01:00'],
    ['America/New_York', 'Sabtu, 16 November 2019 - 00:59 UTC-05:00', 'Saturday, 16 November 2019 - 00:59 UTC-05:00'],
    ['Asia/Kolkata', 'Sabtu, 16 November 2019 - 11:29 UTC+05:30', 'Saturday, 16 November 2019 - 11:29 UTC+05:30'],
  ])('in %s', (tz, id, en) => {
    expect(formatPosted(SEED, 'id', tz)).toBe(id);
    expect(formatPosted(SEED, 'en', tz)).toBe(en);
  });

  it('follows daylight saving time outside Indonesia', () => {
    expect(formatPosted(WINTER, 'en', 'Europe/Berlin')).toBe('Wednesday, 16 January 2019 - 06:59 UTC+01:00');
    expect(formatPosted(SUMMER, 'en', 'Europe/Berlin')).toBe('Tuesday, 16 July 2019 - 07:59 UTC+02:00');
    expect(formatPosted(WINTER, 'id', 'America/New_York')).toBe('Rabu, 16 Januari 2019 - 00:59 UTC-05:00');
    expect(formatPosted(SUMMER, 'id', 'America/New_York')).toBe('Selasa, 16 Juli 2019 - 01:59 UTC-04:00');
  });

  it('keeps Indonesian zones the same all year', () => {
    expect(formatPosted(SUMMER, 'id', 'Asia/Jakarta')).toBe('Selasa, 16 Juli 2019 - 12:59 WIB');
    expect(formatPosted(SUMMER, 'id', 'Asia/Makassar')).toBe('Selasa, 16 Juli 2019 - 13:59 WITA');
    expect(formatPosted(SUMMER, 'id', 'Asia/Jayapura')).toBe('Selasa, 16 Juli 2019 - 14:59 WIT');
  });

  it('shows the day in Jayapura when it differs from the day in UTC', () => {
    const late = '2019-11-16T16:30:00Z';
    expect(formatPosted(late, 'id', 'UTC')).toBe('Sabtu, 16 November 2019 - 16:30 UTC');
    expect(formatPosted(late, 'id', 'Asia/Jayapura')).toBe('Minggu, 17 November 2019 - 01:30 WIT');
    expect(formatPosted(late, 'en', 'Asia/Jayapura')).toBe('Sunday, 17 November 2019 - 01:30 WIT');
  });

  it('names every day of the week in both languages', () => {
    const week = ['10', '11', '12', '13', '14', '15', '16'].map((d) => `2019-11-${d}T05:00:00Z`);
    expect(week.map((d) => formatPosted(d, 'id', 'UTC').split(',')[0])).toEqual([
      'Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu',
    ]);
    expect(week.map((d) => formatPosted(d, 'en', 'UTC').split(',')[0])).toEqual([
      'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
    ]);
  });

  it('pads hours and minutes and writes midnight as 00', () => {
    expect(formatPosted('2019-11-15T17:05:00Z', 'id', 'Asia/Jakarta')).toBe('Sabtu, 16 November 2019 - 00:05 WIB');
  });

  it('returns an empty string for a date it cannot read and uses UTC for an unknown zone', () => {
    expect(formatPosted('Item 12', 'id', 'Asia/Jakarta')).toBe('');
    expect(formatPosted('', 'en', 'Asia/Jakarta')).toBe('');
    expect(formatPosted('2019-11-16', 'en', 'Asia/Jakarta')).toBe('Saturday, 16 November 2019 - 07:00 WIB');
    expect(formatPosted('2019-11-16T12:59:00+07:00', 'id', 'Asia/Jakarta')).toBe('Sabtu, 16 November 2019 - 12:59 WIB');
    expect(formatPosted(SEED, 'en', 'Mars/Olympus')).toBe('Saturday, 16 November 2019 - 05:59 UTC');
  });
});

describe('zoneLabel', () => {
  const seed = new Date(SEED);
  it('names the Indonesian zones', () => {
    expect(zoneLabel(seed, 'Asia/Jakarta')).toBe('WIB');
    expect(zoneLabel(seed, 'Asia/Pontianak')).toBe('WIB');
    expect(zoneLabel(seed, 'Asia/Makassar')).toBe('WITA');
    expect(zoneLabel(seed, 'Asia/Ujung_Pandang')).toBe('WITA');
    expect(zoneLabel(seed, 'Asia/Jayapura')).toBe('WIT');
  });
  it('writes other zones as their offset at that instant', () => {
    expect(zoneLabel(new Date(WINTER), 'Europe/Berlin')).toBe('UTC+01:00');
    expect(zoneLabel(new Date(SUMMER), 'Europe/Berlin')).toBe('UTC+02:00');
    expect(zoneLabel(new Date(WINTER), 'America/New_York')).toBe('UTC-05:00');
    expect(zoneLabel(new Date(SUMMER), 'America/New_York')).toBe('UTC-04:00');
    expect(zoneLabel(seed, 'Asia/Kolkata')).toBe('UTC+05:30');
    expect(zoneLabel(seed, 'Asia/Singapore')).toBe('UTC+08:00');
    expect(zoneLabel(new Date(WINTER), 'Europe/London')).toBe('UTC+00:00');
    expect(zoneLabel(seed, 'UTC')).toBe('UTC');
    expect(zoneLabel(seed, 'Etc/UTC')).toBe('UTC');
  });
  it('labels an Indonesian zone by the offset in force, so an old offset is not called WIB', () => {
    // Jakarta kept UTC+07:30 from 1950 to 1963.
    expect(zoneLabel(new Date('1960-06-01T00:00:00Z'), 'Asia/Jakarta')).toBe('UTC+07:30');
  });
});

describe('formatDate', () => {
  it('writes short dates with each language’s month abbreviations', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, '0')}-16T05:59:00Z`);
    expect(months.map((m) => formatDate(m, 'id', 'Asia/Jakarta'))).toEqual([
      '16 Jan 2019', '16 Feb 2019', '16 Mar 2019', '16 Apr 2019', '16 Mei 2019', '16 Jun 2019',
      '16 Jul 2019', '16 Agu 2019', '16 Sep 2019', '16 Okt 2019', '16 Nov 2019', '16 Des 2019',
    ]);
    expect(months.map((m) => formatDate(m, 'en', 'Asia/Jakarta'))).toEqual([
      '16 Jan 2019', '16 Feb 2019', '16 Mar 2019', '16 Apr 2019', '16 May 2019', '16 Jun 2019',
      '16 Jul 2019', '16 Aug 2019', '16 Sep 2019', '16 Oct 2019', '16 Nov 2019', '16 Dec 2019',
    ]);
  });
  it('uses the calendar day of the zone', () => {
    expect(formatDate('2019-12-31T20:00:00Z', 'id', 'Asia/Jayapura')).toBe('1 Jan 2020');
    expect(formatDate('2019-12-31T20:00:00Z', 'en', 'UTC')).toBe('31 Dec 2019');
    expect(formatDate('nonsense', 'en', 'UTC')).toBe('');
  });
});

describe('relativeTime', () => {
  // Saturday 16 November 2019, 12:00 WIB.
  const now = new Date('2019-11-16T05:00:00Z');
  const ago = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();
  const all = (iso: string | null, tz = 'Asia/Jakarta'): string[] => [
    relativeTime(iso, now, 'id', tz),
    relativeTime(iso, now, 'en', tz),
    relativeTime(iso, now, 'id', tz, { compact: true }),
    relativeTime(iso, now, 'en', tz, { compact: true }),
  ];

  it.each([
    [0, 'baru saja', 'just now', 'baru', 'now'],
    [59, 'baru saja', 'just now', 'baru', 'now'],
    [60, '1 menit lalu', '1 minute ago', '1 mnt', '1m'],
    [119, '1 menit lalu', '1 minute ago', '1 mnt', '1m'],
    [120, '2 menit lalu', '2 minutes ago', '2 mnt', '2m'],
    [59 * 60 + 59, '59 menit lalu', '59 minutes ago', '59 mnt', '59m'],
    [3600, '1 jam lalu', '1 hour ago', '1 jam', '1h'],
    [2 * 3600, '2 jam lalu', '2 hours ago', '2 jam', '2h'],
    [24 * 3600 - 1, '23 jam lalu', '23 hours ago', '23 jam', '23h'],
    [24 * 3600, 'kemarin', 'yesterday', '1 hr', '1d'],
    // 15 Nov 01:00 WIB: more than a day ago, still the previous calendar day in Jakarta.
    [35 * 3600, 'kemarin', 'yesterday', '1 hr', '1d'],
    // 14 Nov 23:00 WIB: two calendar days back although under two days ago.
    [37 * 3600, '2 hari lalu', '2 days ago', '2 hr', '2d'],
    [3 * 86400, '3 hari lalu', '3 days ago', '3 hr', '3d'],
    [6 * 86400, '6 hari lalu', '6 days ago', '6 hr', '6d'],
    [7 * 86400, '9 Nov 2019', '9 Nov 2019', '9 Nov', '9 Nov'],
  ])('%i seconds ago', (seconds, id, en, idShort, enShort) => {
    expect(all(ago(seconds))).toEqual([id, en, idShort, enShort]);
  });

  it('keeps every compact form within six cells', () => {
    const samples = [0, 60, 59 * 60, 23 * 3600, 86400, 6 * 86400, 40 * 86400, 400 * 86400].map(ago);
    for (const iso of samples) {
      for (const lang of ['id', 'en'] as const) {
        expect(relativeTime(iso, now, lang, 'Asia/Jakarta', { compact: true }).length).toBeLessThanOrEqual(6);
      }
    }
  });

  it('writes month and two-digit year in compact form for another year', () => {
    expect(all('2018-08-20T05:00:00Z')).toEqual(['20 Agu 2018', '20 Aug 2018', "Agu'18", "Aug'18"]);
  });

  it('counts calendar days in the given zone', () => {
    // `now` is 00:00 on the 16th in New York: six hours back is the 15th but still counted in hours, a day
    // back is the 15th, 25 hours back is 23:00 on the 14th.
    expect(relativeTime(ago(6 * 3600), now, 'en', 'America/New_York')).toBe('6 hours ago');
    expect(relativeTime(ago(24 * 3600), now, 'en', 'America/New_York')).toBe('yesterday');
    expect(relativeTime(ago(25 * 3600), now, 'en', 'America/New_York')).toBe('2 days ago');
    // 37 hours back is 23:00 on the 14th in Jakarta but 01:00 on the 15th in Jayapura.
    expect(relativeTime(ago(37 * 3600), now, 'id', 'Asia/Jakarta')).toBe('2 hari lalu');
    expect(relativeTime(ago(37 * 3600), now, 'id', 'Asia/Jayapura')).toBe('kemarin');
  });

  it('treats a slightly future date as just now and a far future one as a date', () => {
    const ahead = (seconds: number): string => new Date(now.getTime() + seconds * 1000).toISOString();
    expect(all(ahead(4 * 60 + 59))).toEqual(['baru saja', 'just now', 'baru', 'now']);
    expect(all(ahead(5 * 60))).toEqual(['16 Nov 2019', '16 Nov 2019', '16 Nov', '16 Nov']);
  });

  it('returns an empty string for null or unreadable dates', () => {
    expect(all(null)).toEqual(['', '', '', '']);
    // V8's Date reads "Item 12" as 1 December 2001.
    expect(all('Item 12')).toEqual(['', '', '', '']);
    expect(all('16/11/2019')).toEqual(['', '', '', '']);
  });
});

describe('time zone helpers', () => {
  const savedTz = process.env['TZ'];
  afterEach(() => {
    if (savedTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = savedTz;
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('reads the system zone', () => {
    // Node re-reads the zone when TZ is assigned.
    process.env['TZ'] = 'Asia/Makassar';
    expect(systemTimeZone()).toBe('Asia/Makassar');
    process.env['TZ'] = 'UTC';
    expect(systemTimeZone()).toBe('UTC');
  });
});
