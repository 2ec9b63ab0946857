import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, serve, terminal, type Loopback } from '../helpers/tmux.js';

// The traps a new user hit (issue 10, item 7), walked again in a real terminal: the BUILT reader in tmux on a
// fresh home whose feed is served on 127.0.0.1, at 120x35, 80x24 and 40x12, in both languages.

const SAMPLE_ID = join(process.cwd(), 'samples', 'cyberthreat-id.xml');
const NIAGAKU = 'Data 2,3 Juta Pelanggan Marketplace NiagaKu';
const t = terminal('traps');
let home: string | undefined;
let loop: Loopback | undefined;
afterEach(async () => {
  if (hasTmux) t.kill();
  await loop?.stop();
  loop = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
});

/** A fresh home subscribed to the Indonesian sample edition on 127.0.0.1, and to `more`. */
async function freshHome(more: { url: string }[] = []): Promise<{ home: string; loop: Loopback }> {
  loop = await serve();
  loop.routes.set('/id.xml', () => readFileSync(SAMPLE_ID, 'utf8'));
  home = mkdtempSync(join(tmpdir(), 'cyberread-traps-'));
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [{ url: loop.url('/id.xml') }, ...more] }));
  return { home, loop };
}

const lines = (s: string): string[] => s.split('\n');
const title = (s: string): string => lines(s)[0] ?? '';
/** The key hints: the last line drawn. */
const hints = (s: string): string => lines(s.trimEnd()).at(-1) ?? '';
/** A list row from its feed column on (the marks and age before it vary). */
const story = (row: string | undefined): string => (row ?? '').slice((row ?? '').indexOf('Cyber'));

describe.skipIf(!hasTmux)('the traps of a first day, in a real terminal (skipped when tmux is not installed)', () => {
  it('English interface, Indonesian feed only (LANG=C.UTF-8, 120x35): the empty edition says what is true; back always returns where it came from', async () => {
    const h = await freshHome();
    // a second feed that answers 404: a failed feed to look at
    const config = JSON.parse(readFileSync(join(h.home, 'config.json'), 'utf8')) as { feeds: { url: string }[] };
    config.feeds.push({ url: h.loop.url('/gone.xml') });
    writeFileSync(join(h.home, 'config.json'), JSON.stringify(config));
    t.start(h.home, 120, 35);
    const empty = await t.waitFor((s) => s.includes('No articles in English') && s.includes('1 feed failed — press e'));
    expect(empty).toContain('18 articles in Bahasa Indonesia: press L to read them');
    expect(empty).not.toContain('press r');

    // l ? q q: help back to the language view, which goes back to the list
    await t.keys('l');
    await t.waitFor((s) => title(s).includes('· Language'));
    await t.keys('?');
    await t.waitFor('Keys — Language');
    await t.keys('q');
    await t.waitFor((s) => title(s).includes('· Language'));
    await t.keys('q');
    await t.waitFor((s) => title(s).includes('· Articles'));

    // e ? q: the failed feeds' own keys, and back to them
    await t.keys('e');
    const failed = await t.waitFor((s) => title(s).includes('· Failed feeds'));
    expect(failed).toContain('Server answered 404');
    await t.keys('?');
    const help = await t.waitFor('Keys — Failed feeds');
    expect(help).not.toContain('Enter   open');
    await t.keys('q');
    await t.waitFor((s) => title(s).includes('· Failed feeds'));

    // L from there: the same failure in Indonesian
    await t.keys('L');
    const gagal = await t.waitFor((s) => title(s).includes('· Feed gagal'));
    expect(gagal).toContain('Server menjawab 404');
    expect(gagal).not.toContain('Server answered');
    await t.keys('q');
    await t.waitFor((s) => title(s).includes('· Daftar artikel') && s.includes(NIAGAKU));

    // the article: one line of hashtags; "Read also" hints; q from an article opened there returns to it
    await t.keys('Enter');
    await t.waitFor((s) => title(s).includes('· Artikel') && s.includes(NIAGAKU));
    await t.keys('G');
    const bottom = await t.waitFor('Baca juga');
    expect(lines(bottom).filter((l) => /^ #\w/.test(l))).toEqual([' #databreach #ecommerce #privacy #PDP #bigdata']);
    await t.keys('Tab');
    const focus = await t.waitFor((s) => hints(s).includes('j/k pilih'));
    expect(hints(focus)).not.toContain('gulir');
    const chosen = lines(focus).find((l) => l.startsWith(' » › '))?.slice(5) ?? '';
    expect(chosen).not.toBe('');
    await t.keys('Enter');
    await t.waitFor((s) => title(s).includes('· Artikel') && !s.includes('pelanggan NiagaKu disarankan') && s.includes(chosen));
    await t.keys('q');
    // back in the first article, where it was: its end, "Read also" chosen as it was
    const back = await t.waitFor((s) => title(s).includes('· Artikel') && s.includes('pelanggan NiagaKu disarankan'));
    expect(back).toContain(` » › ${chosen}`);
    expect(hints(back)).toContain('j/k pilih');
    await t.keys('q');
    await t.waitFor((s) => title(s).includes('· Daftar artikel'));
  }, 90_000);

  it('Indonesian at 40x12: the unread count whole, the hashtag view after growing to 60x15, u keeps the selection', async () => {
    const h = await freshHome();
    t.start(h.home, 40, 12, { LANG: 'id_ID.UTF-8' });
    const list = await t.waitFor((s) => /(● 18|18 belum dibaca)$/.test(title(s).trimEnd()));
    expect(title(list)).not.toContain('…');

    await t.keys('#', 'End');
    const end = await t.waitFor((s) => title(s).includes('Tagar') && (lines(s)[7] ?? '').startsWith(' ›'));
    expect(end).toContain('Ketik untuk menyaring');
    t.resize(60, 15);
    // no empty rows between the end of the list and the rule
    const grown = await t.waitFor((s) => lines(s).length >= 15 && (lines(s)[11] ?? '').includes('──'));
    const rows = lines(grown).slice(3, 11);
    expect(rows.filter((l) => l.trim() === '')).toEqual([]);
    expect(rows.at(-1)).toMatch(/^ › /);
    await t.keys('Escape');
    t.resize(40, 12);

    await t.keys('j', 'j', 'j');
    const before = await t.waitFor((s) => (lines(s)[5] ?? '').startsWith('›'));
    const chosen = story(lines(before)[5]);
    await t.keys('u');
    const after = await t.waitFor((s) => title(s) !== title(before));
    expect(story(lines(after).find((l) => l.startsWith('›')))).toBe(chosen);
  }, 90_000);

  it('the same feed through http and file:// lists and counts each story once (80x24, Indonesian)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyberread-traps-file-'));
    try {
      const copy = join(dir, 'id.xml');
      copyFileSync(SAMPLE_ID, copy);
      const h = await freshHome([{ url: pathToFileURL(copy).href }]);
      t.start(h.home, 80, 24, { LANG: 'id_ID.UTF-8' });
      const list = await t.waitFor((s) => s.includes(NIAGAKU) && /18 belum dibaca|● 18/.test(title(s)));
      expect(lines(list).filter((l) => l.includes(NIAGAKU))).toHaveLength(1);
      // each feed's own list has all its articles
      await t.keys('F');
      const feeds = await t.waitFor((s) => lines(s).filter((l) => / id +18\/18 /.test(l)).length === 2);
      expect(feeds).toContain('Feed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
