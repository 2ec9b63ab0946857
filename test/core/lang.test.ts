import { describe, expect, it } from 'vitest';
import { detectLang, normaliseLang } from '../../src/core/lang.js';

describe('normaliseLang', () => {
  it.each([
    ['id', 'id'],
    ['id-ID', 'id'],
    ['in', 'id'],
    ['in-ID', 'id'],
    ['EN_us', 'en'],
    ['en-GB', 'en'],
    [' EN ', 'en'],
    ['ind', 'id'],
    ['eng', 'en'],
    ['pt-BR', 'pt'],
    ['zh-Hant-TW', 'zh'],
    ['English', 'en'],
    ['Bahasa Indonesia', 'id'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseLang(input)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['   '], ['x-default'], ['und'], ['mul'], ['12'], ['e'], ['english language!'], ['\u001b[31men'], ['toolongcode']])(
    '%s → null',
    (input) => {
      expect(normaliseLang(input)).toBeNull();
    },
  );
});

describe('detectLang', () => {
  it('recognises an Indonesian paragraph', () => {
    const text =
      'Perusahaan keamanan siber Trend Micro mengakui bahwa data pelanggan telah dibocorkan oleh karyawan sendiri. ' +
      'Data tersebut kemudian dijual kepada pihak ketiga yang menggunakannya untuk menipu pelanggan dengan panggilan palsu.';
    expect(detectLang(text)).toBe('id');
  });

  it('recognises an English paragraph', () => {
    const text =
      'Security company Trend Micro has admitted that customer data was leaked by one of its own employees. ' +
      'The data was then sold to a third party that used it to scam customers with fake support calls.';
    expect(detectLang(text)).toBe('en');
  });

  it('is not flipped by a short quote in the other language', () => {
    expect(
      detectLang('Menurut peneliti, kampanye "the art of the steal" ini menyasar bank dan juga lembaga pemerintah di Indonesia karena data yang tidak dilindungi.'),
    ).toBe('id');
  });

  it('returns null for short or undecided text', () => {
    expect(detectLang('OK')).toBeNull();
    expect(detectLang('')).toBeNull();
    expect(detectLang('Trend Micro Data Breach')).toBeNull();
    expect(detectLang('the data dan yang of')).toBeNull();
    expect(detectLang('12345 67890 !!!')).toBeNull();
  });
});
