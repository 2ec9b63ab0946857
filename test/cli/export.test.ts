/**
 * `export` keeps what cyberread knows of each feed (issue #12): the title it learned when the settings have
 * none, the feed's site link as htmlUrl, local feeds as file:// URLs; `import` keeps htmlUrl. Checked
 * through the built CLI and, where newsboat is installed, through newsboat and back.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleFeeds } from '../../src/core/defaults.js';
import { runCli, tempHome } from '../helpers/cli.js';

const SAMPLES = join(process.cwd(), 'samples');
const [ID, EN] = sampleFeeds(SAMPLES).map((f) => f.url) as [string, string];
const fileUrl = (path: string): string => pathToFileURL(path).href;

/** Each outline's attributes, in document order. */
function outlines(opml: string): Record<string, string>[] {
  return [...opml.matchAll(/<outline ([^>]*?)\/?>/g)].map((m) => Object.fromEntries([...(m[1] as string).matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

/** A home subscribed to the two sample editions by path, with no titles, fetched once. */
async function fetchedHome(): Promise<string> {
  const home = tempHome('cyberread-export-');
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [{ url: ID }, { url: EN, tags: ['news'], lang: 'en' }] }));
  const r = await runCli(['--home', home, 'refresh']);
  expect(r.code, r.stderr).toBe(0);
  return home;
}

const LEARNED = [
  { text: 'Cyberthreat.id (contoh)', title: 'Cyberthreat.id (contoh)', xmlUrl: fileUrl(ID), htmlUrl: 'https://cyberthreat.id/' },
  { text: 'Cyberthreat.id English (sample)', title: 'Cyberthreat.id English (sample)', xmlUrl: fileUrl(EN), htmlUrl: 'https://en.cyberthreat.id/' },
];

const hasNewsboat = spawnSync('newsboat', ['-v'], { stdio: 'ignore' }).status === 0;

describe('export keeps what it knows', () => {
  it('writes the learned title as text and title, the site link as htmlUrl and a local path as a file:// URL', async () => {
    const home = await fetchedHome();
    const r = await runCli(['--home', home, 'export']);
    expect(r.code, r.stderr).toBe(0);
    expect(outlines(r.stdout)).toEqual([
      { type: 'rss', ...LEARNED[0] },
      { type: 'rss', ...LEARNED[1], language: 'en', category: 'news' },
    ]);
    // a title given by the user wins over the learned one
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [{ url: ID, title: 'Mine' }] }));
    expect(outlines((await runCli(['--home', home, 'export'])).stdout)[0]).toMatchObject({ text: 'Mine', title: 'Mine', htmlUrl: 'https://cyberthreat.id/' });
  });

  it('with nothing fetched, writes the address as text, and makes no cache', async () => {
    const home = tempHome('cyberread-export-');
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [{ url: ID }] }));
    const r = await runCli(['--home', home, 'export']);
    expect(outlines(r.stdout)).toEqual([{ type: 'rss', text: fileUrl(ID), xmlUrl: fileUrl(ID) }]);
    expect(spawnSync('ls', [home]).stdout.toString()).not.toContain('cache.db');
  });

  it('import keeps htmlUrl, and a file imported by its file:// URL is the feed subscribed by its path', async () => {
    const home = await fetchedHome();
    const opml = join(home, 'out.opml');
    writeFileSync(opml, (await runCli(['--home', home, 'export'])).stdout);
    const same = await runCli(['--home', home, 'import', opml]);
    expect(same.stdout).toContain('Imported 0 feeds; 2 already present');
    const other = tempHome('cyberread-import-');
    expect((await runCli(['--home', other, 'import', opml])).code).toBe(0);
    const feeds = JSON.parse((await runCli(['--home', other, 'feeds', '--json'])).stdout) as Record<string, unknown>[];
    expect(feeds.map((f) => [f.url, f.title, f.htmlUrl])).toEqual(LEARNED.map((o) => [o.xmlUrl, o.title, o.htmlUrl]));
    // exported again before any refresh: the imported site links stand in for the learned ones
    expect(outlines((await runCli(['--home', other, 'export'])).stdout).map(({ text, title, xmlUrl, htmlUrl }) => ({ text, title, xmlUrl, htmlUrl }))).toEqual(LEARNED);
  });

  it.skipIf(!hasNewsboat)('export → newsboat import, reload, export → import keeps URLs, titles and site links (needs newsboat)', async () => {
    const home = await fetchedHome();
    const nb = tempHome('cyberread-newsboat-', { fresh: true });
    const opml = join(nb, 'from-cyberread.opml');
    writeFileSync(opml, (await runCli(['--home', home, 'export'])).stdout);
    // newsboat in a home of its own, on file:// feeds: nothing of the user's, no network
    const env = { PATH: process.env.PATH ?? '', HOME: nb, XDG_CONFIG_HOME: join(nb, '.config'), XDG_DATA_HOME: join(nb, '.local', 'share'), LANG: 'C.UTF-8' };
    writeFileSync(join(nb, 'urls'), '');
    writeFileSync(join(nb, 'config'), '');
    const newsboat = (...args: string[]): string =>
      execFileSync('newsboat', ['-u', join(nb, 'urls'), '-c', join(nb, 'cache.db'), '-C', join(nb, 'config'), ...args], { env, timeout: 60_000, encoding: 'utf8' });
    newsboat('-i', opml);
    newsboat('-x', 'reload');
    const back = join(nb, 'from-newsboat.opml');
    writeFileSync(back, newsboat('-e'));
    const other = tempHome('cyberread-import-');
    const imp = await runCli(['--home', other, 'import', back]);
    expect(imp.code, imp.stderr).toBe(0);
    const feeds = JSON.parse((await runCli(['--home', other, 'feeds', '--json'])).stdout) as Record<string, unknown>[];
    expect(feeds.map((f) => [f.url, f.title, f.htmlUrl])).toEqual(LEARNED.map((o) => [o.xmlUrl, o.title, o.htmlUrl]));
    // and the feeds work where they came back
    const r = await runCli(['--home', other, 'refresh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 feeds refreshed');
  });
});
