import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/article/extract.js';
import { extractFailure } from '../../helpers/caught.js';

const OWN = join(import.meta.dirname, '../../fixtures/articles/own');
const page = (name: string): Buffer => readFileSync(join(OWN, name));
const expected = (name: string): string => readFileSync(join(OWN, name), 'utf8').trim();
const ID_URL = 'https://cyberthreat.example/read/4312/Data-Pelanggan-Trend-Micro-Dibocorkan-Karyawan-Sendiri';

describe('extractArticle on a cyberthreat.id-style page (IND)', () => {
  const a = extractArticle(page('trendmicro-id.html'), { url: ID_URL, contentType: 'text/html; charset=utf-8' });

  it('gives the body and nothing of the chrome', () => {
    expect(a.text).toBe(expected('trendmicro-id.expected.txt'));
    for (const chrome of ['Beranda', 'Terpopuler', 'cookie', 'Bagikan', 'Komentar', 'Ngeri', 'Hak cipta', 'BACA JUGA', 'Advertisement', 'ADVERTISEMENT', 'Berlangganan', 'TRACKER', 'dataLayer', 'font-family', '#TrendMicro', 'Diposting', 'Oleh']) {
      expect(a.text).not.toContain(chrome);
      expect(a.html).not.toContain(chrome);
    }
  });

  it('reads the metadata', () => {
    expect(a.title).toBe('Data Pelanggan Trend Micro Dibocorkan Karyawan Sendiri');
    expect(a.author).toBe('Arif Rahman');
    expect(a.published).toBe('2019-11-16T05:59:00.000Z');
    expect(a.lang).toBe('id');
    expect(a.siteName).toBe('Cyberthreat.id');
    expect(a.image).toEqual({ url: 'https://cdn.cyberthreat.example/images/2019/11/trendmicro-kantor.jpg', caption: 'Kantor Trend Micro. Ilustrasi' });
  });

  it('reads hashtags, related links and the other edition', () => {
    expect(a.tags.slice(0, 4)).toEqual(['TrendMicro', 'databreach', 'bigdata', 'InsiderThreat']);
    expect(a.related).toEqual([
      { title: 'Demokratisasi AI dan Privasi', url: 'https://cyberthreat.example/read/4301/Demokratisasi-AI-dan-Privasi' },
      { title: 'Microsoft Merilis PyRIT - Alat Red Teaming untuk AI Generatif', url: 'https://cyberthreat.example/read/4298/Microsoft-Merilis-PyRIT-Alat-Red-Teaming-untuk-AI-Generatif' },
      { title: 'Serangan Ransomware Melonjak di Asia Tenggara', url: 'https://cyberthreat.example/read/4290/Serangan-Ransomware-Melonjak-di-Asia-Tenggara' },
    ]);
    expect(a.alternates).toEqual([{ lang: 'en', url: 'https://en.cyberthreat.example/read/1290/Trend-Micro-Customer-Data-Leaked-by-Its-Own-Employee' }]);
  });

  it('keeps the body HTML clean: no scripts, no javascript: links, absolute http(s) URLs only', () => {
    expect(a.html).not.toMatch(/<script|<style|javascript:|on\w+=/i);
    for (const m of a.html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
  });

  it('reads the same from a string', () => {
    expect(extractArticle(page('trendmicro-id.html').toString('utf8'), { url: ID_URL })).toEqual(a);
  });
});

describe('extractArticle failures', () => {
  it('refuses what is not HTML', () => {
    expect(extractFailure(() => extractArticle('%PDF-1.7 ...', { url: ID_URL }))).toBe('not-html');
    expect(extractFailure(() => extractArticle('<p>hi</p>', { url: ID_URL, contentType: 'image/png' }))).toBe('not-html');
    expect(extractFailure(() => extractArticle('{"a":1}', { url: ID_URL, contentType: 'application/json' }))).toBe('not-html');
  });

  it('refuses a page over 5 MiB', () => {
    expect(extractFailure(() => extractArticle(new Uint8Array(5 * 1024 * 1024 + 1), { url: ID_URL }))).toBe('too-large');
  });

  it('says no-article for a page without text', () => {
    expect(extractFailure(() => extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', { url: ID_URL }))).toBe('no-article');
  });

  it('gives up with timeout past its time budget', () => {
    expect(extractFailure(() => extractArticle(page('trendmicro-id.html'), { url: ID_URL, timeoutMs: -1 }))).toBe('timeout');
  });
});

describe('the byline label', () => {
  const byline = (text: string, meta?: string): string | null =>
    extractArticle(
      `<!doctype html><html><head>${meta ? `<meta name="author" content="${meta}">` : ''}</head><body><article><h1>Judul</h1><div class="byline">${text}</div>${'<p>Isi artikel tentang kebocoran data pelanggan yang cukup panjang untuk dibaca sebagai artikel. </p>'.repeat(8)}</article></body></html>`,
      { url: 'https://x.example/a' },
    ).author;

  it('is taken off the name, in either language, with or without a colon', () => {
    expect(byline('Oleh: Arif Rahman')).toBe('Arif Rahman');
    expect(byline('By Jane Doe')).toBe('Jane Doe');
    expect(byline('Penulis : Rina Kartikasari')).toBe('Rina Kartikasari');
  });

  it('only as a whole word: a name that starts like a label is kept whole', () => {
    expect(byline('Byron Acohido')).toBe('Byron Acohido');
    expect(byline('', 'Authorine Lee')).toBe('Authorine Lee');
    expect(byline('', 'Olehanna Putri')).toBe('Olehanna Putri');
  });
});
