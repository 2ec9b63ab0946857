import { describe, expect, it } from 'vitest';
import { hashtagsIn, MAX_TAG_LENGTH, MAX_TAGS, normaliseTags, tagKey } from '../../src/core/tags.js';

describe('tagKey', () => {
  it('matches tags case-insensitively and ignores a leading #', () => {
    expect(tagKey('DataBreach')).toBe('databreach');
    expect(tagKey('  #TrendMicro ')).toBe('trendmicro');
    expect(tagKey('ＳＥＣＵＲＩＴＹ')).toBe('security');
    expect(tagKey('Keamanan Siber')).toBe('keamanan siber');
  });
});

describe('normaliseTags', () => {
  it('dedupes case-insensitively and keeps the first casing', () => {
    expect(normaliseTags(['DataBreach', 'databreach', '#DATABREACH', 'TrendMicro', 'trendmicro'])).toEqual([
      'DataBreach',
      'TrendMicro',
    ]);
  });

  it('strips the leading #, whitespace and control sequences, and drops empty tags', () => {
    expect(normaliseTags(['#ransomware', '  keamanan \n siber ', '', '   ', '#', '\u001b[31mphishing\u001b[0m', 'a\u202eb'])).toEqual([
      'ransomware',
      'keamanan siber',
      'phishing',
      'ab',
    ]);
  });

  it('bounds length and count', () => {
    expect(normaliseTags(['x'.repeat(10_000)])).toEqual(['x'.repeat(MAX_TAG_LENGTH)]);
    const many = Array.from({ length: 100 }, (_, i) => `tag${i}`);
    expect(normaliseTags(many)).toEqual(many.slice(0, MAX_TAGS));
  });
});

describe('hashtagsIn', () => {
  it('finds hashtags in plain text', () => {
    expect(hashtagsIn('#TrendMicro #databreach #bigdata, juga (#keamanan_siber) dan #Ransomware!')).toEqual([
      'TrendMicro',
      'databreach',
      'bigdata',
      'keamanan_siber',
      'Ransomware',
    ]);
  });

  it('allows unicode letters and dedupes by key', () => {
    expect(hashtagsIn('#Sécurité #データ #sécurité')).toEqual(['Sécurité', 'データ']);
  });

  it('ignores URL fragments, HTML entities, numbers and words like C#', () => {
    expect(
      hashtagsIn('lihat https://x.example/#frag dan https://x.example/p#bagian, www.x.example/#a, &#39;kutip&#39; &#x27; nomor #1 #2024, C# F#'),
    ).toEqual([]);
  });
});
