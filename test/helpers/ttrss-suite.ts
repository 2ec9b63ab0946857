import { afterAll, beforeAll } from 'vitest';
import { serve, type Route, type TestServer } from '../security/server.js';
import { rssFeed } from './sync-feeds.js';
import { startTtrss, type TtrssServer } from './ttrss.js';

/** What a describe block of sync tests works against, once its beforeAll has run. */
export interface TtrssSuite {
  /** The throw-away Tiny Tiny RSS. */
  readonly server: TtrssServer;
  /** The feeds it can subscribe to, served from 127.0.0.1. */
  readonly feeds: TestServer;
  /** The address of the feed named `name`. */
  feedUrl(name: string): string;
}

/**
 * For a describe block of sync tests (call it inside the block): before its tests, the feeds of `docs`
 * (name → RSS text, or a count of items for rssFeed) served at /NAME.xml, read from `docs` at each request so
 * a test may change one, and a throw-away Tiny Tiny RSS; after them, both stopped. Lives apart from ttrss.ts,
 * which bench/sync.mjs bundles without vitest.
 */
export function ttrssSuite(docs: Map<string, string> | Record<string, string | number>): TtrssSuite {
  const texts = docs instanceof Map ? docs : new Map(Object.entries(docs).map(([name, d]) => [name, typeof d === 'number' ? rssFeed(name, d) : d]));
  let server: TtrssServer | undefined;
  let feeds: TestServer | undefined;
  beforeAll(async () => {
    const routes: Record<string, Route> = {};
    for (const name of texts.keys()) routes[`/${name}.xml`] = (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(texts.get(name));
    feeds = await serve(routes);
    server = await startTtrss();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await feeds?.close();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the tt-rss suite is used before its beforeAll ran');
    return x;
  };
  return {
    get server() {
      return started(server);
    },
    get feeds() {
      return started(feeds);
    },
    feedUrl: (name) => `${started(feeds).base}/${name}.xml`,
  };
}
