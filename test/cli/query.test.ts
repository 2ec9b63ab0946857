/**
 * The query language through the command line, on the bundled sample editions (our own feeds): the articles
 * a query lists are checked against the same articles filtered here, from `list --json`, by their tags,
 * language, titles and dates; a query that cannot be read answers with one sentence and exit code 2.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

interface Row {
  id: string;
  title: string;
  author: string | null;
  published: string;
  lang: string;
  tags: string[];
  summary: string;
  feed: { url: string; title: string };
}

const SAMPLES = join(process.cwd(), 'samples');
let home: string;
let all: Row[];

async function list(...args: string[]): Promise<string[]> {
  const r = await runCli(['--home', home, 'list', '--json', '--limit', '1000', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as Row[]).map((a) => a.id).sort();
}

const has = (a: Row, tag: string): boolean => a.tags.some((t) => t.toLowerCase() === tag);
const ids = (rows: Row[]): string[] => rows.map((a) => a.id).sort();

beforeAll(async () => {
  home = tempHome();
  for (const [file, lang, title] of [
    ['cyberthreat-id.xml', 'id', 'Cyberthreat.id (contoh)'],
    ['cyberthreat-en.xml', 'en', 'Cyberthreat.id English (sample)'],
  ]) {
    const add = await runCli(['--home', home, 'feeds', 'add', join(SAMPLES, file as string), '--lang', lang as string, '--title', title as string]);
    expect(add.code).toBe(0);
  }
  expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
  const r = await runCli(['--home', home, 'list', '--json', '--limit', '1000']);
  all = JSON.parse(r.stdout) as Row[];
  expect(all).toHaveLength(36);
}, 60_000);

describe('list --query on the sample editions', () => {
  it('tags, language, OR and negation select exactly the expected articles', async () => {
    const want = all.filter((a) => (has(a, 'databreach') || has(a, 'ransomware')) && a.lang === 'id' && !has(a, 'healthcare'));
    expect(want.length).toBeGreaterThan(3);
    expect(await list('--query', '#databreach OR #ransomware lang:id -#healthcare')).toEqual(ids(want));
    expect(await list('--query', '-(lang:id OR #privacy) #vulnerability')).toEqual(
      ids(all.filter((a) => a.lang !== 'id' && !has(a, 'privacy') && has(a, 'vulnerability'))),
    );
    expect(await list('--query', '#AI #socialengineering')).toEqual(ids(all.filter((a) => has(a, 'ai') && has(a, 'socialengineering'))));
  });

  it('phrases, titles, feeds, authors and days', async () => {
    const phrase = await list('--query', '"data pelanggan"');
    expect(phrase.length).toBeGreaterThan(0);
    for (const id of phrase) expect(all.find((a) => a.id === id)?.lang).toBe('id');
    expect(await list('--query', 'title:ransomware')).toEqual(ids(all.filter((a) => /ransomware/i.test(a.title))));
    expect(await list('--query', 'feed:english')).toEqual(ids(all.filter((a) => a.lang === 'en')));
    expect(await list('--query', 'feed:contoh')).toEqual(ids(all.filter((a) => a.lang === 'id')));
    const author = all[0]?.author ?? '';
    expect(await list('--query', `author:"${author.split(' ')[0]}"`)).toEqual(ids(all.filter((a) => a.author?.includes(author.split(' ')[0] ?? ''))));
    // days in the zone of the settings (the system's here: Asia/Jakarta, as runCli sets TZ)
    const day = (a: Row): string => new Date(Date.parse(a.published) + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(await list('--query', 'since:2026-11-25 until:2026-11-27')).toEqual(
      ids(all.filter((a) => day(a) >= '2026-11-25' && day(a) <= '2026-11-27')),
    );
  });

  it('combines with the other options', async () => {
    expect(await list('--query', '#databreach', '--lang', 'en')).toEqual(ids(all.filter((a) => has(a, 'databreach') && a.lang === 'en')));
    expect(await list('--query', '-#privacy', '--tag', 'databreach')).toEqual(ids(all.filter((a) => has(a, 'databreach') && !has(a, 'privacy'))));
  });

  it('a query that cannot be read is one sentence with its column and exit code 2, in the interface language', async () => {
    for (const [q, en] of [
      ['#', '"#" at column 1 needs a tag name, such as #ransomware.'],
      ['ransomware age:<', '"age:<" at column 12 is not an age'],
      ['"kebocoran data', 'The quote opened at column 1 is not closed'],
      ['OR', '"OR" at column 1 needs something to search for on both sides.'],
      ['phishing OR', '"OR" at column 10 needs something'],
    ] as const) {
      const r = await runCli(['--home', home, 'list', '--query', q]);
      expect(r.code, q).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n'), q).toHaveLength(1);
      expect(r.stderr).toContain(`cyberread: ${en}`);
    }
    const id = await runCli(['--home', home, 'list', '--query', 'age:<'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(id.code).toBe(2);
    expect(id.stderr).toBe('cyberread: "age:<" di kolom 1 bukan umur artikel: tulis age:<7d atau age:>1m (h jam, d hari, w minggu, m bulan, y tahun).\n');
  });

  it('tags --query counts among the selected articles', async () => {
    const r = await runCli(['--home', home, 'tags', '--json', '--query', 'lang:en #databreach']);
    expect(r.code).toBe(0);
    const counts = JSON.parse(r.stdout) as { tag: string; count: number }[];
    const picked = all.filter((a) => a.lang === 'en' && has(a, 'databreach'));
    expect(counts.find((t) => t.tag === 'databreach')?.count).toBe(picked.length);
    expect(counts.reduce((n, t) => n + t.count, 0)).toBe(picked.reduce((n, a) => n + a.tags.length, 0));
  });

  it('mark --all --query marks exactly the articles the query lists (and their other editions)', async () => {
    const picked = await list('--query', '#ransomware lang:en');
    expect(picked.length).toBeGreaterThan(0);
    const r = await runCli(['--home', home, 'mark', '--all', '--query', '#ransomware lang:en', '--read', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { changed: number }).changed).toBe(picked.length);
    const unread = await list('--unread');
    for (const id of picked) expect(unread).not.toContain(id);
    // what else was marked read is the Indonesian edition of the same stories
    expect(unread.length).toBeGreaterThanOrEqual(all.length - 2 * picked.length);
    const bad = await runCli(['--home', home, 'mark', '--all', '--query', '#', '--unread']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('cyberread: "#" at column 1 needs a tag name, such as #ransomware.\n');
    expect((await runCli(['--home', home, 'mark', '--all', '--query', '-#ransomware', '--unread'])).code).toBe(0);
    const restored = await runCli(['--home', home, 'mark', '--all', '--unread']);
    expect(restored.code).toBe(0);
  });
});
