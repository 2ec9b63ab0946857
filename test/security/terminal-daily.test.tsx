/**
 * Terminal injection through the daily views: the feeds view (feed titles, a name typed into config.json by
 * hand, a server's error), the link picker and the attachments at the end of an article, the questions in the
 * status line, and a notification. Hostile feeds on 127.0.0.1 go through the real refresh pipeline into a real
 * cache; every raw frame Ink writes is checked as in terminal-tui.test.tsx.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/core/feeds/pipeline.js';
import { refreshFeeds } from '../../src/core/feeds/refresh.js';
import { notificationText, notify } from '../../src/core/notify.js';
import { openStore } from '../../src/core/store/open-store.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import type { FeedConfig } from '../../src/core/types.js';
import { App } from '../../src/ui/App.js';
import { ALL, findInjection, hostileAtom, hostileJsonFeed, hostileRss } from '../fixtures/hostile/payloads.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { serve, serveRaw, type TestServer } from './server.js';

const SGR = /\u001b\[[0-9;]*m/g;
// XML 1.0 has no way to write most C0 controls: as character references they are what a hostile feed sends
const escapeXml = (t: string): string =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `&#${c.charCodeAt(0)};`);
let server: TestServer;
let raw: Awaited<ReturnType<typeof serveRaw>>;
let feeds: FeedConfig[];
let store: SqliteStore;
let h: Harness | undefined;

beforeAll(async () => {
  server = await serve({
    '/rss.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(hostileRss(server.base)),
    '/atom.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(hostileAtom(server.base)),
    '/feed.json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/feed+json' }).end(hostileJsonFeed(server.base)),
    // an episode whose enclosure survives (its URL is clean), with hostile text around it
    '/pod.xml': (_q, res) =>
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Pod ${escapeXml(ALL)}</title><link>${server.base}/</link>
<item><title>Episode ${escapeXml(ALL)}</title><link>${server.base}/ep/1</link><guid>ep1</guid><pubDate>Sun, 17 Nov 2030 10:00:00 +0700</pubDate>
<description>${escapeXml(`<p>${ALL} <a href="${server.base}/notes">notes</a></p>`)}</description>
<enclosure url="${server.base}/ep1.mp3" type="audio/mpeg" length="1234567"/></item></channel></rss>`,
      ),
  });
  raw = await serveRaw(`HTTP/1.1 500 \u001b]0;osc0-marker\u0007Oops\u001b[2J\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  feeds = ['/pod.xml', '/rss.xml', '/atom.xml', '/feed.json'].map((p) => ({ url: server.base + p }));
  // a name put in config.json by hand, escapes and all
  feeds.push({ url: raw.url, title: `Tangan ${ALL}` });
  store = openStore(join(mkdtempSync(join(tmpdir(), 'cyberread-daily-hostile-')), 'cache.db')).store;
  const pipeline = await loadPipeline({ concurrency: 4, perHost: 4, version: 'test' });
  try {
    await refreshFeeds(feeds, store, pipeline);
  } finally {
    await pipeline.close?.();
  }
});

afterAll(async () => {
  store.close();
  await server.close();
  await raw.close();
});

afterEach(() => {
  h?.unmount();
  h = undefined;
});

describe('hostile feed text never reaches the terminal through the daily views', () => {
  it('feeds view, its questions and prompts, the attachments and the link picker draw clean frames', async () => {
    const services = testServices(store, { feeds });
    h = await renderUi(<App services={services} initialLang="id" rows={30} columns={110} />);
    await h.waitFor('klik');
    await h.press('F');
    await h.waitFor('Tangan');
    for (let i = 0; i < feeds.length; i++) {
      await h.press('d');
      await h.press('n');
      await h.press('A');
      await h.press('n');
      await h.press('t');
      await h.press('Esc');
      await h.press('j');
    }
    await h.press('g');
    await h.press('Enter');
    for (const edition of ['id', 'en']) {
      if (edition === 'en') await h.press('L');
      for (let i = 0; i < 4; i++) {
        await h.press('Enter');
        await h.press('G');
        await h.press('u');
        await h.press('j');
        await h.press('Esc');
        await h.press('1');
        await h.press('Esc');
        await h.press('Esc');
        await h.press('j');
      }
    }
    await h.press('A');
    await h.press('n');
    const frames = h.frames.map((f) => f.replace(SGR, ''));
    expect(frames.join('\n')).toContain('Tangan');
    expect(frames.some((f) => f.includes('Lampiran') || f.includes('Attachments'))).toBe(true);
    for (const f of frames) expect(findInjection(f)).toBeNull();
  });

  it('a notification carries the newest title as one clean line inside its OSC 9', async () => {
    const newest = store.query({ limit: 1 })[0]!;
    const written: string[] = [];
    await notify('osc9', { text: notificationText(3, `${newest.title} ${ALL}`, 'id'), lang: 'id' }, { write: (d) => written.push(d) });
    const body = written[0]!.slice('\u001b]9;'.length, -1);
    expect(written[0]!.endsWith('\u0007')).toBe(true);
    expect(findInjection(body)).toBeNull();
  });
});
