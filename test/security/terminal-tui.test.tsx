/**
 * Terminal injection through the TUI: the real SqliteStore is filled by the real refresh pipeline from hostile
 * feeds on 127.0.0.1, then every raw frame Ink writes (list, reader, hashtags, help, failed feeds) is checked.
 * The only escape sequences allowed in a frame are Ink's own SGR colour codes (ESC [ … m); with them removed
 * nothing may remain that a terminal would act on. `y` writes OSC 52 itself, but only with a checked http(s) URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { spawn as nodeSpawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { openStore } from '../../src/core/store/open-store.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { loadPipeline } from '../../src/core/feeds/pipeline.js';
import { refreshFeeds } from '../../src/core/feeds/refresh.js';
import { openExternal } from '../../src/core/open.js';
import type { FeedConfig } from '../../src/core/types.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices, type TestServices } from '../helpers/services.js';
import { article, storeWith } from '../ui/fixtures.js';
import { ALL, findInjection, hostileAtom, hostileJsonFeed, hostileRss } from '../fixtures/hostile/payloads.js';
import { serve, serveRaw, type TestServer } from './server.js';

const SGR = /\u001b\[[0-9;]*m/g;

let server: TestServer;
let raw: Awaited<ReturnType<typeof serveRaw>>;
let feeds: FeedConfig[];
let h: Harness | undefined;
const stores: SqliteStore[] = [];

function goodJson(base: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: `Good links ${ALL}`,
    items: [{ id: 'good', url: `${base}/read/9/ok?a=1&b=2`, title: `Linked ${ALL}`, content_html: `<p>${ALL}</p>`, date_published: '2019-11-16T07:00:00Z' }],
  });
}

beforeAll(async () => {
  server = await serve({
    '/rss.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(hostileRss(server.base)),
    '/atom.xml': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(hostileAtom(server.base)),
    '/feed.json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/feed+json' }).end(hostileJsonFeed(server.base)),
    '/good.json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/feed+json' }).end(goodJson(server.base)),
    '/redirect': (_q, res) => res.writeHead(302, { Location: '/x%1B]0;osc0-marker%07' }).end(),
  });
  raw = await serveRaw(`HTTP/1.1 500 \u001b]0;osc0-marker\u0007Oops\u001b[2J\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  feeds = ['/rss.xml', '/atom.xml', '/feed.json', '/good.json', '/redirect'].map((p) => ({ url: server.base + p }));
  feeds.push({ url: raw.url });
});

afterAll(async () => {
  for (const s of stores) s.close();
  await server.close();
  await raw.close();
});

afterEach(() => {
  h?.unmount();
  h = undefined;
});

function freshStore(): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'cyberread-tui-hostile-'));
  const store = openStore(join(dir, 'cache.db')).store;
  stores.push(store);
  return store;
}

async function refreshInto(store: SqliteStore, onProgress?: Parameters<TestServices['refresh']>[0]) {
  const pipeline = await loadPipeline({ concurrency: 4, perHost: 4, version: 'test' });
  try {
    onProgress?.({ done: 0, total: feeds.length });
    return await refreshFeeds(feeds, store, pipeline, { onResult: (result, done, total) => onProgress?.({ done, total, result }) });
  } finally {
    await pipeline.close?.();
  }
}

/** A spawn that records calls; it must never be reached in these tests. */
function spySpawn(): { calls: string[][]; spawn: typeof nodeSpawn } {
  const calls: string[][] = [];
  const spawn = ((cmd: string, args: string[]) => {
    calls.push([cmd, ...args]);
    throw new Error('spawn must not be called');
  }) as unknown as typeof nodeSpawn;
  return { calls, spawn };
}

function assertFramesClean(frames: string[]): void {
  expect(frames.length).toBeGreaterThan(0);
  for (const f of frames) expect(findInjection(f.replace(SGR, ''))).toBeNull();
}

describe('hostile feed text never reaches the terminal through the TUI', () => {
  it('every frame of list, reader, hashtags, help and failed-feeds views is clean', async () => {
    const store = freshStore();
    const services = testServices(store, { refresh: (p) => refreshInto(store, p) });
    h = await renderUi(<App services={services} initialLang="id" rows={30} columns={100} />);
    await h.press('r');
    await h.waitFor((f) => f.includes('Judul RSS klik'), 10_000);
    expect(services.refreshCalls).toBe(1);
    await h.waitFor((f) => !/\d+\/\d+/.test(f.split('\n').at(-2) ?? ''), 10_000);
    await h.press('e');
    const errors = await h.waitFor('500', 3000);
    expect(errors).toContain(raw.url);
    await h.press('Esc');
    // both editions: the Indonesian list first, then L for the English one
    for (const edition of ['id', 'en']) {
      if (edition === 'en') await h.press('L');
      for (let i = 0; i < 5; i++) {
        await h.press('Enter');
        await h.press('G');
        await h.press('Esc');
        await h.press('j');
      }
      await h.press('#');
      await h.press('Esc');
      await h.press('?');
      await h.press('Esc');
    }
    expect(h.frames.map((f) => f.replace(SGR, '')).join('\n')).toContain('JSON title klik');
    assertFramesClean(h.frames);
  });

  it('y copies only a checked http(s) URL with OSC 52, and o opens nothing from a refused link', async () => {
    const store = freshStore();
    await refreshInto(store);
    const { calls, spawn } = spySpawn();
    const services = testServices(store);
    services.openUrl = (url, lang) => openExternal(url, { lang, spawn, platform: 'linux', env: {} });
    h = await renderUi(<App services={services} initialLang="en" rows={30} columns={100} />);
    await h.waitFor('Linked klik');
    // newest first: the good JSON item (07:00Z) is the first row
    await h.press('Enter');
    await h.press('y');
    expect(services.written).toEqual([`\u001b]52;c;${Buffer.from(`${server.base}/read/9/ok?a=1&b=2`).toString('base64')}\u0007`]);
    await h.press('Esc');
    // every other stored article lost its link in normalise: o and y say so and do nothing else
    for (let i = 0; i < 6; i++) {
      await h.press('j');
      await h.press('Enter');
      await h.press('o');
      expect(h.frame()).toMatch(/no link/i);
      await h.press('y');
      await h.press('Esc');
    }
    expect(services.written).toHaveLength(1);
    expect(calls).toEqual([]);
    assertFramesClean(h.frames);
  });

  it('a javascript:, file: or data: link already in a cache is refused by o and y with a message', async () => {
    const bad = ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>x</script>'];
    const store = storeWith(bad.map((url, i) => article({ id: `b${i}`, title: `Bad link ${i}`, url, published: `2019-11-16T0${i}:00:00.000Z` })));
    // a link with control characters never reaches the cache as such: the store strips the sequence with its payload
    store.saveFeed('https://cyberthreat.id/rss', { lastFetched: '2019-11-16T00:00:00.000Z', lastStatus: 'new' }, [
      article({ id: 'c0', title: 'Control link', url: 'https://ok.example/\u001b]52;c;AAAA\u0007', published: '2019-11-15T00:00:00.000Z' }),
    ]);
    expect(store.get('c0')!.url).toBe('https://ok.example/');
    const { calls, spawn } = spySpawn();
    const services = testServices(store);
    services.openUrl = (url, lang) => openExternal(url, { lang, spawn, platform: 'linux', env: {} });
    h = await renderUi(<App services={services} initialLang="id" rows={24} columns={100} />);
    await h.waitFor('Bad link');
    // newest first: data:, file:, javascript:
    const expected = [
      'Tautan tidak bisa dibuka: hanya tautan http dan https yang bisa dibuka',
      'Tautan tidak bisa dibuka: hanya tautan http dan https yang bisa dibuka',
    ];
    for (const message of expected) {
      await h.press('o');
      await h.waitFor(message);
      await h.press('Enter');
      await h.press('y');
      await h.waitFor('Hanya tautan http(s) yang bisa dibuka atau disalin');
      await h.press('Esc');
      await h.press('j');
    }
    expect(calls).toEqual([]);
    expect(services.written).toEqual([]);
    assertFramesClean(h.frames);
  });
});
