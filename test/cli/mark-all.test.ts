import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

const SAMPLES = join(process.cwd(), 'samples');
let home: string;

const ids = async (...filters: string[]): Promise<string[]> =>
  (JSON.parse((await runCli(['--home', home, 'list', '--json', '--limit', '1000', ...filters])).stdout) as { id: string }[]).map((a) => a.id);

beforeAll(async () => {
  home = tempHome();
  for (const [file, lang] of [['cyberthreat-id.xml', 'id'], ['cyberthreat-en.xml', 'en']] as const) {
    expect((await runCli(['--home', home, 'feeds', 'add', join(SAMPLES, file), '--lang', lang])).code).toBe(0);
  }
  expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
});

describe('cyberread mark --all', () => {
  it('marks exactly the articles of the filters of list, prints how many changed, and --unread puts them back', async () => {
    const tagged = await ids('--tag', 'ransomware', '--lang', 'id');
    expect(tagged.length).toBeGreaterThan(0);
    const unreadBefore = await ids('--unread', '--lang', 'id');
    const r = await runCli(['--home', home, 'mark', '--all', '--tag', 'ransomware', '--lang', 'id', '--read']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    // --lang is the edition and the language to talk in (cyberread --help)
    expect(r.stdout.trim()).toBe(`${tagged.length} artikel ditandai sudah dibaca.`);
    const unreadAfter = await ids('--unread', '--lang', 'id');
    expect(unreadAfter).toEqual(unreadBefore.filter((id) => !tagged.includes(id)));
    // the same again changes nothing, and says so
    expect((await runCli(['--home', home, 'mark', '--all', '--tag', 'ransomware', '--lang', 'id', '--read'])).stdout.trim()).toBe('0 artikel ditandai sudah dibaca.');
    const back = await runCli(['--home', home, 'mark', '--all', '--tag', 'ransomware', '--lang', 'id', '--unread', '--json']);
    expect(JSON.parse(back.stdout)).toMatchObject({ changed: tagged.length });
    expect(await ids('--unread', '--lang', 'id')).toEqual(unreadBefore);
  });

  it('takes --feed, --search and --starred, and answers in the interface language', async () => {
    const feed = join(SAMPLES, 'cyberthreat-en.xml');
    const english = await ids('--feed', feed);
    const r = await runCli(['--home', home, 'mark', '--all', '--feed', feed, '--read'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(r.stdout.trim()).toBe(`${english.length} artikel ditandai sudah dibaca.`);
    expect(await ids('--feed', feed, '--unread')).toEqual([]);
    const none = await runCli(['--home', home, 'mark', '--all', '--starred', '--unread']);
    expect(none.stdout.trim()).toBe('Marked 0 articles unread.');
    const searched = await runCli(['--home', home, 'mark', '--all', '--search', 'ransomware', '--lang', 'en', '--unread', '--json']);
    expect(JSON.parse(searched.stdout).changed).toBeGreaterThan(0);
    await runCli(['--home', home, 'mark', '--all', '--unread']);
  });

  it('refuses what cannot be meant, with exit code 2', async () => {
    const [one] = await ids();
    for (const [args, text] of [
      [['mark', '--all', one!, '--read'], 'Give article IDs or --all, not both.'],
      [['mark', '--all', '--star'], '--all marks articles read or unread: add --read or --unread.'],
      [['mark', one!, '--read', '--feed', 'x'], '--feed chooses articles for --all; with article IDs, leave it out.'],
      [['mark', '--all', '--read', '--unread'], 'Say what to do with one of'],
      [['mark', '--all', '--read', '--limit', '3'], '"cyberread mark" does not use --limit'],
    ] as const) {
      const r = await runCli(['--home', home, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(text);
    }
  });
});
