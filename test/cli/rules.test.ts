/**
 * Ignore rules, retention, saved views and vacuum through the command line, on the bundled sample editions:
 * a drop rule keeps matching articles out of the cache (the refresh line says how many), a hide rule keeps
 * them out of every list while starred ones stay, `keep` removes what is past its limits, and a bad setting
 * is reported while the rest applies.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

interface Row {
  id: string;
  title: string;
  lang: string;
  tags: string[];
  starred: boolean;
}

const SAMPLES = join(process.cwd(), 'samples');
const FEEDS = [
  { url: join(SAMPLES, 'cyberthreat-id.xml'), lang: 'id', title: 'Cyberthreat.id (contoh)' },
  { url: join(SAMPLES, 'cyberthreat-en.xml'), lang: 'en', title: 'Cyberthreat.id English (sample)' },
];
const has = (a: Row, tag: string): boolean => a.tags.some((t) => t.toLowerCase() === tag);

function homeWith(settings: Record<string, unknown>): string {
  const home = tempHome('cyberread-rules-');
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: FEEDS, ...settings }, null, 2));
  return home;
}

async function list(home: string, ...args: string[]): Promise<Row[]> {
  const r = await runCli(['--home', home, 'list', '--json', '--limit', '1000', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Row[];
}

describe('ignore rules', () => {
  it('drop keeps matches out of the cache and says how many per feed; hide keeps them out of lists and counts', async () => {
    const home = homeWith({ ignore: [{ query: '#ransomware', mode: 'drop' }] });
    const r = await runCli(['--home', home, 'refresh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cyberthreat\.id \(contoh\) 16 new, 0 updated · 2 dropped by ignore rules/);
    expect(r.stdout).toMatch(/Cyberthreat\.id English \(sample\) 15 new, 0 updated · 3 dropped by ignore rules/);
    const rows = await list(home);
    expect(rows.some((a) => has(a, 'ransomware'))).toBe(false);
    expect(rows).toHaveLength(31);
    // not there even with the rule gone: dropped articles were never stored
    expect((await runCli(['--home', home, 'ignore', 'remove', '#ransomware'])).code).toBe(0);
    expect((await list(home, '--query', '#ransomware'))).toHaveLength(0);

    const ids = rows.filter((a) => has(a, 'privacy')).map((a) => a.id);
    const star = ids[0] as string;
    expect((await runCli(['--home', home, 'mark', star, '--star'])).code).toBe(0);
    const add = await runCli(['--home', home, 'ignore', 'add', '#privacy']);
    expect(add.stdout).toBe('Added a hide rule for #privacy.\n');
    const hidden = await list(home);
    // starred wins: the one starred article with the tag stays listed (with its other edition, starred too)
    expect(hidden.filter((a) => has(a, 'privacy')).every((a) => a.starred)).toBe(true);
    expect(hidden.filter((a) => has(a, 'privacy')).map((a) => a.id)).toContain(star);
    const tags = JSON.parse((await runCli(['--home', home, 'tags', '--json'])).stdout) as { tag: string; count: number }[];
    expect(tags.find((t) => t.tag === 'privacy')?.count).toBe(hidden.filter((a) => has(a, 'privacy')).length);
    const ignore = await runCli(['--home', home, 'ignore', '--json']);
    expect(JSON.parse(ignore.stdout)).toEqual([{ query: '#privacy', mode: 'hide', hidden: ids.length - 2, dropped: 0, lastDropped: null }]);
    // reversible
    expect((await runCli(['--home', home, 'ignore', 'remove', '#privacy'])).code).toBe(0);
    expect((await list(home)).filter((a) => has(a, 'privacy'))).toHaveLength(ids.length);
  });

  it('refuses a rule that cannot be read with one sentence and exit code 2', async () => {
    const home = homeWith({});
    const r = await runCli(['--home', home, 'ignore', 'add', 'age:<']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cyberread: "age:<" at column 1 is not an age: write age:<7d or age:>1m (h hours, d days, w weeks, m months, y years).\n');
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).ignore).toBeUndefined();
  });
});

describe('retention and vacuum', () => {
  it('keep.perFeed removes the oldest articles at refresh, never starred ones; vacuum prints the size before and after', async () => {
    const home = homeWith({});
    expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
    const all = await list(home);
    const oldestId = all.filter((a) => a.lang === 'id').at(-1)?.id as string;
    expect((await runCli(['--home', home, 'mark', oldestId, '--star'])).code).toBe(0);
    const cfg = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(home, 'config.json'), JSON.stringify({ ...cfg, keep: { perFeed: 5 } }));
    const r = await runCli(['--home', home, 'refresh', '--force']);
    expect(r.stdout).toMatch(/unchanged · 13 old articles removed \(keep\)/);
    const kept = await list(home);
    // five per feed, plus the starred one (and its English edition, starred with it)
    expect(kept.filter((a) => a.lang === 'id')).toHaveLength(6);
    expect(kept.map((a) => a.id)).toContain(oldestId);
    const v = await runCli(['--home', home, 'vacuum']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^Compacted .*cache\.db: [\d.]+ MB before, [\d.]+ MB after\.\n$/);
    const j = JSON.parse((await runCli(['--home', home, 'vacuum', '--json'])).stdout) as { before: number; after: number };
    expect(j.after).toBeLessThanOrEqual(j.before);
  });
});

describe('saved views', () => {
  it('add, list with counts, replace and remove; a bad query or name is exit code 2', async () => {
    const home = homeWith({});
    expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
    const add = await runCli(['--home', home, 'views', 'add', 'Bocor', '#databreach lang:id']);
    expect(add.stdout).toBe('Saved the view "Bocor".\n');
    expect((await runCli(['--home', home, 'views', 'add', 'Tanpa ID', '-lang:id'])).code).toBe(0);
    const want = (await list(home, '--query', '#databreach lang:id')).length;
    const views = JSON.parse((await runCli(['--home', home, 'views', '--json'])).stdout) as { name: string; unread: number; total: number }[];
    expect(views).toEqual([
      { name: 'Bocor', query: '#databreach lang:id', unread: want, total: want },
      { name: 'Tanpa ID', query: '-lang:id', unread: 18, total: 18 },
    ]);
    const text = await runCli(['--home', home, 'views'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(text.stdout).toContain(`Bocor     #databreach lang:id  ${want} belum dibaca dari ${want}`);
    expect((await runCli(['--home', home, 'views', 'add', 'bocor', '#databreach'])).stdout).toBe('The view "bocor" now has the new query.\n');
    const bad = await runCli(['--home', home, 'views', 'add', 'X', '"open']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('cyberread: The quote opened at column 1 is not closed: add the closing ".\n');
    expect((await runCli(['--home', home, 'views', 'remove', 'BOCOR'])).stdout).toBe('Removed the view "BOCOR".\n');
    const missing = await runCli(['--home', home, 'views', 'remove', 'Bocor']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No saved view is named "Bocor"');
  });
});

describe('a bad setting', () => {
  it('is reported in one line naming the key, and the rest still applies', async () => {
    const home = homeWith({ ignore: [{ query: '#', mode: 'hide' }, { query: '#privacy' }], keep: { days: 'lama' }, colour: 'ungu' });
    const r = await runCli(['--home', home, 'refresh']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Ignoring "ignore" #1 in .*config\.json: its query cannot be read: "#" at column 1 needs a tag name, such as #ransomware\.$/);
    expect(lines[2]).toMatch(/^Ignoring "keep\.days" in .*config\.json: it must be a whole number from 1 to 36,500\.$/);
    // the other rule applies
    expect((await list(home)).some((a) => has(a, 'privacy') && !a.starred)).toBe(false);
  });
});
