import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type TestServer } from '../../security/server.js';
import { startTtrss, ttrssSkip, type TtrssServer } from '../../helpers/ttrss.js';
import { rssFeed } from '../../helpers/sync-feeds.js';

const { skip, why } = ttrssSkip();

describe.skipIf(skip)(`the throw-away Tiny Tiny RSS${why}`, { timeout: 90_000 }, () => {
  let server: TtrssServer;
  let feeds: TestServer;
  beforeAll(async () => {
    feeds = await serve({ '/a.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rssFeed('a', 3)) });
    server = await startTtrss();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await feeds?.close();
  });

  it('subscribes to a feed served on 127.0.0.1 and lists its articles through the API', async () => {
    const id = await server.addFeed(`${feeds.base}/a.xml`);
    const headlines = (await server.api('getHeadlines', { feed_id: id, show_content: true })) as unknown as { title: string; link: string }[];
    expect(headlines.map((h) => h.title).sort()).toEqual(['a article 0', 'a article 1', 'a article 2']);
    // the port survives (the packaged tt-rss drops it)
    expect(server.sql('SELECT feed_url FROM ttrss_feeds').trim()).toBe(`${feeds.base}/a.xml`);
  });
});
