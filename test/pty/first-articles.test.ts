import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, terminal } from '../helpers/tmux.js';

// The built reader on a new home, in tmux: its background refresh runs on two threads (the refresh thread
// fetches and writes, the reader's parses), and the articles of each feed must show as soon as that feed is
// stored, with the counter going up, not when the whole refresh is over.
const term = terminal('first');
const SAMPLE = readFileSync(new URL('../../samples/cyberthreat-en.xml', import.meta.url), 'utf8');

function screen(): string[] {
  return term.screen().split('\n');
}

async function waitFor(ok: (lines: string[]) => boolean, what: string, timeoutMs = 20_000): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const lines = screen();
    if (ok(lines)) return lines;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let home: string | undefined;
let close: (() => void) | undefined;
afterEach(() => {
  if (hasTmux) term.kill();
  close?.();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('a fresh home in the reader (skipped when tmux is not installed)', () => {
  it('lists the first feed’s articles while the other feeds are still being refreshed, and counts the feeds done', async () => {
    // Ten feeds, so the refresh runs on its own thread; one of them does not answer until the test is done.
    const held: ServerResponse[] = [];
    const server = createServer((req, res) => {
      const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
      if (n === 9) {
        held.push(res);
        return;
      }
      if (n < 0) return void res.writeHead(404).end();
      // Each feed's items get links of their own, so no two feeds' articles are editions of one story.
      const body = SAMPLE.replace(/https:\/\/(en\.)?cyberthreat\.id\//g, `https://$1feed${n}.example/`);
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    close = () => {
      for (const res of held) res.destroy();
      server.close();
    };
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    home = mkdtempSync(join(tmpdir(), 'cyberread-first-'));
    const feeds = Array.from({ length: 10 }, (_, n) => ({ url: `http://127.0.0.1:${port}/feed/${n}.xml` }));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'en', feeds }));
    term.start(home, 100, 24, { CYBERREAD_TIMEOUT_MS: '60000' });

    const rows = (lines: string[]) => lines.filter((l) => /^[ ›][ ●][ ★] /.test(l));
    const shown = await waitFor((l) => rows(l).length > 0, 'the first articles');
    // The held feed has not answered: the refresh is still running, and the status line says how far it is.
    const status = shown.find((l) => l.includes('↻'));
    expect(status).toMatch(/↻ \d\/10 feeds/);
    expect(held.length).toBe(1);
    // Every answered feed is listed before the last one answers: 9 feeds × the sample's articles.
    const perFeed = SAMPLE.split('<item>').length - 1;
    const nine = await waitFor((l) => l.some((x) => x.includes('↻ 9/10 feeds')), 'nine feeds done');
    expect(nine.join('\n')).toContain(`${9 * perFeed} unread`);
  }, 60_000);
});
