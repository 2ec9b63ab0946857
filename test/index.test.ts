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
});
