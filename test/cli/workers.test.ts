import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../src/core/feeds/pipeline.js';
import { runCli, tempHome } from '../helpers/cli.js';

const SAMPLES = join(process.cwd(), 'samples');

/** Every bundled sample edition refreshed into a fresh home; the list of what got stored. */
async function refreshSamples(env: Record<string, string>): Promise<{ code: number; stderr: string; list: unknown }> {
  const home = tempHome();
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.xml')).sort();
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const add = await runCli(['--home', home, 'feeds', 'add', join(SAMPLES, f)]);
    expect(add.code).toBe(0);
  }
  const refresh = await runCli(['--home', home, 'refresh'], { env });
  const list = await runCli(['--home', home, 'list', '--json', '--limit', '1000']);
  // Articles with the same posting time are listed in the order they were stored, which is the order
  // the feeds finished in: compare by id.
  const rows = (JSON.parse(list.stdout) as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  const shown = await runCli(['--home', home, 'show', '--json', rows[0]?.id ?? '']);
  return { code: refresh.code, stderr: refresh.stderr, list: [rows, JSON.parse(shown.stdout)] };
}

describe('refresh in worker threads', () => {
  it('stores exactly what the in-process refresh stores', async () => {
    const inProcess = await refreshSamples({ CYBERREAD_WORKERS: '0' });
    const workers = await refreshSamples({ CYBERREAD_WORKERS: '2' });
    expect(inProcess.code).toBe(0);
    expect(workers.code).toBe(0);
    expect(workers.stderr).toBe('');
    expect(workers.list).toEqual(inProcess.list);
  }, 60_000);
});

describe('a refresh on a thread of its own', () => {
  // Eight feeds or more get the refresh thread; CYBERREAD_REFRESH_THREAD=0 keeps the same refresh in-process.
  async function refreshCopies(env: Record<string, string>) {
    const home = tempHome();
    const dir = join(home, 'feeds');
    mkdirSync(dir);
    const urls: string[] = [];
    for (const [i, f] of ['cyberthreat-id.xml', 'cyberthreat-en.xml', 'cyberthreat-id.xml', 'cyberthreat-en.xml'].entries()) {
      const file = join(dir, `${i}-${f}`);
      copyFileSync(join(SAMPLES, f), file);
      urls.push(file);
    }
    for (let i = 0; i < 5; i++) {
      const file = join(dir, `broken-${i}.xml`);
      writeFileSync(file, i === 0 ? '<rss><channel><item>' : `<rss version="2.0"><channel><title>F${i}</title><item><guid>g${i}</guid><title>Berita ${i} #databreach</title><description>Isi ${i}</description></item></channel></rss>`);
      urls.push(file);
    }
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: urls.map((url) => ({ url })) }));
    const refresh = await runCli(['--home', home, 'refresh'], { env });
    const json = await runCli(['--home', home, 'refresh', '--json'], { env });
    // Feeds 0 and 2 (1 and 3) carry the same stories: the whole list shows one copy of each, whichever feed
    // was stored first, which is the order the feeds finished in. Each feed's own list has all it stored.
    const stored: { id: string; feed: { url: string } }[] = [];
    for (const url of urls) {
      const list = await runCli(['--home', home, 'list', '--json', '--limit', '1000', '--feed', url]);
      stored.push(...(JSON.parse(list.stdout) as { id: string; feed: { url: string } }[]));
    }
    const whole = JSON.parse((await runCli(['--home', home, 'list', '--json', '--limit', '1000'])).stdout) as unknown[];
    const copies = stored.filter((r) => r.feed.url === urls[2] || r.feed.url === urls[3]).length;
    expect(copies).toBeGreaterThan(0);
    expect(whole).toHaveLength(stored.length - copies);
    // Ids hash the feed URL, which holds the temp home: compare the rest, in one order.
    const rows = stored
      .map((r) => JSON.stringify({ ...r, id: '', feed: { ...r.feed, url: r.feed.url.replace(home, '') } }))
      .sort();
    return { refresh, json: JSON.parse(json.stdout) as { url: string; status: string }[], rows, home, urls };
  }

  it('stores what the in-process refresh stores, prints a line per feed and fails on the broken one', async () => {
    const here = await refreshCopies({ CYBERREAD_REFRESH_THREAD: '0' });
    const thread = await refreshCopies({});
    for (const r of [here, thread]) {
      expect(r.refresh.code).toBe(1);
      expect(r.refresh.stdout.split('\n').filter((l) => /^[✓✗·] /.test(l))).toHaveLength(9);
      expect(r.refresh.stdout).toMatch(/✗ .*broken-0\.xml/);
      expect(r.json.map((x) => x.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'error', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    }
    expect(thread.rows.length).toBeGreaterThan(30);
    expect(thread.rows).toEqual(here.rows);
  }, 60_000);
});

describe('defaultWorkers', () => {
  it('parses on the refresh thread itself unless CYBERREAD_WORKERS asks for parse workers', () => {
    expect(defaultWorkers({})).toBe(0);
    expect(defaultWorkers({ CYBERREAD_WORKERS: '2' })).toBe(2);
    expect(defaultWorkers({ CYBERREAD_WORKERS: ' 1 ' })).toBe(1);
    expect(defaultWorkers({ CYBERREAD_WORKERS: '0' })).toBe(0);
    expect(defaultWorkers({ CYBERREAD_WORKERS: '99' })).toBe(8);
    expect(defaultWorkers({ CYBERREAD_WORKERS: 'many' })).toBe(0);
  });
});
