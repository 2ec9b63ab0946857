/**
 * The command line as a scripting tool (issue #12), through the built program with its output in a pipe:
 * nothing is cut to a width whatever COLUMNS says, links stay whole, `list` pages without a ceiling and
 * streams its JSON, a search is text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleFeeds } from '../../src/core/defaults.js';
import { runCli, tempHome } from '../helpers/cli.js';

const NIAGAKU_EN = 'Data of 2.3 Million NiagaKu Marketplace Customers Allegedly Leaked, Offered on Hacking Forum';

describe('output in a pipe is data', () => {
  it('list | grep finds long titles whole at any COLUMNS, tags and all', async () => {
    for (const columns of ['20', '80', '300']) {
      const r = await runCli(['--demo', 'list', '--lang', 'en'], { env: { COLUMNS: columns } });
      expect(r.code, r.stderr).toBe(0);
      const line = r.stdout.split('\n').find((l) => l.includes('Hacking Forum'));
      expect(line, `COLUMNS=${columns}`).toContain(`[en] ${NIAGAKU_EN}  #databreach #ecommerce #privacy #PDP #bigdata`);
      expect(r.stdout).not.toContain('…');
    }
  });

  it('refresh | cat keeps a long error line whole', async () => {
    const home = tempHome('cyberread-pipe-');
    const missing = join(home, 'a-feed-file-whose-name-is-long-enough-to-be-cut-at-eighty-columns-for-sure.xml');
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [{ url: missing }] }));
    const r = await runCli(['--home', home, 'refresh'], { env: { COLUMNS: '40' } });
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n')[0] ?? '';
    expect(line.startsWith(`✗ ${missing}`), line).toBe(true);
    // the reason reads on after "failed:" as one sentence
    expect(line.endsWith(`failed: no such file: ${missing}. Check the path.`), line).toBe(true);
    expect(line).not.toContain('…');
    expect(line.length).toBeGreaterThan(120);
  });

  it('show | cat keeps titles, paragraphs and links whole, one paragraph per line', async () => {
    const list = JSON.parse((await runCli(['--demo', 'list', '--json', '--all'])).stdout) as { id: string; title: string; url: string }[];
    const a = list.find((x) => x.title.startsWith('Patient Records')) ?? list[0]!;
    for (const columns of ['20', '300']) {
      const r = await runCli(['--demo', 'show', a.id], { env: { COLUMNS: columns } });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe(a.title);
      expect(lines).toContain(a.url);
      for (const l of lines.filter((x) => /^\[\d+\] /.test(x))) expect(l, l).toMatch(/^\[\d+\] (https?|mailto):\S+$/);
      expect(r.stdout).not.toContain('…');
    }
  });
});

describe('list has no hidden ceiling', () => {
  it('--all, --limit, --offset page through everything; --json is the same text JSON.stringify gives', async () => {
    // One cache for every page: the two sample editions share posting times, and which of two such articles
    // comes first is the order they were stored in, which differs from one refresh to the next.
    const home = tempHome('cyberread-pages-');
    const samples = join(process.cwd(), 'samples');
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: sampleFeeds(samples) }));
    expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
    const list = (...args: string[]): ReturnType<typeof runCli> => runCli(['--home', home, 'list', ...args]);
    const all = await list('--all', '--json');
    expect(all.code, all.stderr).toBe(0);
    const articles = JSON.parse(all.stdout) as { id: string }[];
    expect(articles).toHaveLength(36);
    expect(all.stdout).toBe(`${JSON.stringify(articles, null, 2)}\n`);
    const page = JSON.parse((await list('--json', '--offset', '30', '--limit', '100')).stdout) as { id: string }[];
    expect(page.map((a) => a.id)).toEqual(articles.slice(30).map((a) => a.id));
    const middle = JSON.parse((await list('--json', '--offset', '10', '--limit', '5')).stdout) as { id: string }[];
    expect(middle.map((a) => a.id)).toEqual(articles.slice(10, 15).map((a) => a.id));
    const beyond = await list('--json', '--offset', '1000');
    expect(beyond.stdout).toBe('[]\n');
    const human = await list('--all');
    expect(human.stdout.trimEnd().split('\n')).toHaveLength(36);
    expect((await list('--offset', '36')).stdout).toBe('No articles match.\n');
  });

  it('a search is text: FTS syntax finds the words, never an error, never everything', async () => {
    const count = async (search: string): Promise<number> => {
      const r = await runCli(['--demo', 'list', '--all', '--json', `--search=${search}`]);
      expect(r.code, `${search}: ${r.stderr}`).toBe(0);
      return (JSON.parse(r.stdout) as unknown[]).length;
    };
    const niagaku = await count('NiagaKu');
    expect(niagaku).toBeGreaterThan(0);
    expect(niagaku).toBeLessThan(36);
    expect(await count('"NiagaKu"')).toBe(niagaku);
    expect(await count('NiagaKu*')).toBe(niagaku);
    expect(await count('NEAR(NiagaKu')).toBe(0);
    expect(await count('NiagaKu OR')).toBeLessThanOrEqual(niagaku);
    expect(await count('-NiagaKu')).toBe(niagaku);
  });
});
