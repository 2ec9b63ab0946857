import { describe, expect, it } from 'vitest';
import { parseDateLine } from '../../../src/core/article/dates.js';

describe('parseDateLine', () => {
  it.each([
    ['Diposting : Sabtu, 16 November 2019 - 12:59 WIB', 'id', '2019-11-16T05:59:00.000Z'],
    ['Senin, 2 Desember 2024 | 10:15 WIB', 'id', '2024-12-02T03:15:00.000Z'],
    ['16/11/2019, 12:59 WIB', 'id', '2019-11-16T05:59:00.000Z'],
    ['16 Agustus 2020 pukul 08.30 WITA', 'id', '2020-08-16T00:30:00.000Z'],
    ['Jumat, 03/01/2025 07:00 WIT', 'id', '2025-01-02T22:00:00.000Z'],
    ['Kamis, 5 Mei 2022 14:00', 'id', '2022-05-05T07:00:00.000Z'],
    ['Posted: Saturday, November 16, 2019 - 12:59 WIB', 'en', '2019-11-16T05:59:00.000Z'],
    ['Saturday, 16 November 2019 - 12:59 WIB', 'en', '2019-11-16T05:59:00.000Z'],
    ['Nov 16, 2019 at 12:59 pm', 'en', '2019-11-16T12:59:00.000Z'],
    ['November 16th, 2019 12:05 AM UTC', 'en', '2019-11-16T00:05:00.000Z'],
    ['11/16/2019 12:59 WIB', 'en', '2019-11-16T05:59:00.000Z'],
    ['Published 16 Nov 2019 12:59 +0800', 'en', '2019-11-16T04:59:00.000Z'],
    ['Senin, 2 Desember 2024', 'id', '2024-12-01T17:00:00.000Z'],
  ])('%s (%s)', (line, lang, iso) => {
    expect(parseDateLine(line, { lang })).toBe(iso);
  });

  it.each(['Rabu, 12 tahun 2019', 'posted 2 days ago', '31/02/2019 10:00 WIB', 'Halaman 1 dari 2019', '', '99 November 2019'])(
    'reads no date from %j',
    (line) => {
      expect(parseDateLine(line, { lang: 'id' })).toBeNull();
    },
  );

  it('takes the first date in the line', () => {
    expect(parseDateLine('Diposting 1 Januari 2020 10:00 WIB, diperbarui 2 Januari 2020 11:00 WIB', { lang: 'id' })).toBe(
      '2020-01-01T03:00:00.000Z',
    );
  });
});
