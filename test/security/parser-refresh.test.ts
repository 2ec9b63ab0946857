/** Parser attacks as local feed files in ONE `cyberread refresh` of the built program, next to a good feed. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';
import { serve, type TestServer } from './server.js';

const SECRET = 'rahasia-lokal-7f3a';
let server: TestServer;

beforeAll(async () => {
  server = await serve({ '/evil.dtd': (_q, res) => res.writeHead(200).end('<!ENTITY x "dtd-was-fetched">') });
});
afterAll(() => server.close());

const rss = (head: string, items: string): string =>
  `<?xml version="1.0"?>${head}<rss version="2.0"><channel><title>Serangan</title><link>http://127.0.0.1/</link>${items}</channel></rss>`;

describe('parser attacks through refresh', () => {
  it('each attack ends with a per-feed error or a usable feed, the good feed still succeeds, nothing leaks', async () => {
    const home = tempHome('cyberread-parse-');
    const secret = join(home, 'secret.txt');
    writeFileSync(secret, SECRET);
    const laughs = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const docs: Record<string, string> = {
      laughs: rss(`<!DOCTYPE rss [<!ENTITY l0 "lol">${laughs}]>`, '<item><title>&l10;</title><guid>a</guid></item>'),
      xxe: rss(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>`, '<item><title>x &xxe; y</title><guid>b</guid><description>&xxe;</description></item>'),
      dtd: rss(`<!DOCTYPE rss SYSTEM "${server.base}/evil.dtd">`, '<item><title>&x;</title><guid>c</guid></item>'),
      deep: rss('', `<item><title>dalam</title><guid>d</guid><description>${'<x>'.repeat(100_000)}</description></item>`),
      bigtext: rss('', `<item><title>teks</title><guid>e</guid><description>${'a'.repeat(9 * 1024 * 1024)}</description></item>`),
      bigtitle: rss('', `<item><title>${'j'.repeat(9 * 1024 * 1024)}</title><guid>f</guid></item><item><title>kedua</title><guid>g</guid></item>`),
      many: rss('', '<item><title>i</title></item>'.repeat(1_000_000)),
      good: rss('', '<item><title>Berita baik</title><guid>ok</guid><link>http://127.0.0.1/ok</link></item>'),
    };
    const feeds = Object.entries(docs).map(([name, doc]) => {
      const file = join(home, `${name}.xml`);
      writeFileSync(file, doc);
      return { url: file, title: name };
    });
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds }));
    const r = await runCli(['--home', home, 'refresh']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(feeds.length + 1);
    expect(lines.find((l) => l.startsWith('✓ good '))).toBeDefined();
    // over the 10 MiB file cap: refused before parsing
    expect(lines.find((l) => l.startsWith('✗ many '))).toContain('larger than 10 MiB');
    expect(lines.find((l) => l.startsWith('✗ deep '))).toContain('nested too deeply');
    for (const name of ['laughs', 'xxe', 'dtd', 'bigtext', 'bigtitle']) expect(lines.find((l) => l.startsWith(`✓ ${name} `)), name).toBeDefined();
    expect(server.seen).toEqual([]);
    const list = await runCli(['--home', home, 'list', '--json', '--limit', '1000']);
    const all = list.stdout + r.stdout + readFileSync(join(home, 'cache.db')).toString('latin1');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('dtd-was-fetched');
    expect(all).not.toContain('lollol');
    const titles = (JSON.parse(list.stdout) as { title: string }[]).map((a) => a.title.length);
    expect(Math.max(...titles)).toBeLessThanOrEqual(1000);
  }, 60_000);
});
