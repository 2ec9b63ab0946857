import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe("the package's main entry", () => {
  it('exports parseFeed to other programs (import { parseFeed } from "cyberread")', () => {
    const script = `
      import { parseFeed, FeedParseError } from 'cyberread';
      const feed = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>A</title><pubDate>Sat, 16 Nov 2019 12:59:00 WIB</pubDate></item></channel></rss>');
      let error = '';
      try { parseFeed('<html></html>'); } catch (e) { error = e instanceof FeedParseError ? 'FeedParseError' : 'other'; }
      console.log(JSON.stringify({ format: feed.format, title: feed.title, item: feed.items[0].title, published: feed.items[0].published, error }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ format: 'rss', title: 'T', item: 'A', published: '2019-11-16T05:59:00.000Z', error: 'FeedParseError' });
  });

  it('exports extractArticle and ExtractError (import { extractArticle } from "cyberread")', () => {
    const script = `
      import { extractArticle, ExtractError } from 'cyberread';
      const page = '<html lang="id"><head><title>Judul</title></head><body><article><h1>Judul</h1>' +
        '<p>' + 'Paragraf pertama artikel ini cukup panjang untuk dibaca. '.repeat(8) + '</p></article></body></html>';
      const a = extractArticle(page, { url: 'https://example.id/a' });
      let reason = '';
      try { extractArticle('%PDF-1.4', { url: 'https://example.id/b' }); } catch (e) { reason = e instanceof ExtractError ? e.reason : 'other'; }
      console.log(JSON.stringify({ title: a.title, lang: a.lang, starts: a.text.slice(0, 18), reason }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ title: 'Judul', lang: 'id', starts: 'Paragraf pertama a', reason: 'not-html' });
  });
});
