import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

/** The command line answers in the language asked for: --lang, else the settings' "lang", else the locale. */

const C = { LANG: 'C.UTF-8', COLUMNS: '400' };

describe('the CLI in Indonesian', () => {
  it('--lang id refresh tells a failed feed in Indonesian, --lang en in English, from the same failure', async () => {
    const home = tempHome();
    const missing = join(home, 'tidak-ada.xml');
    expect((await runCli(['--home', home, 'feeds', 'add', missing], { env: C })).code).toBe(0);
    const id = await runCli(['--home', home, '--lang', 'id', 'refresh'], { env: C });
    expect(id.code).toBe(1);
    expect(id.stdout).toContain(`gagal: file tidak ada: ${missing}. Periksa path-nya.`);
    expect(id.stdout).toContain('1 feed dimuat ulang, 0 artikel baru, 1 gagal.');
    const en = await runCli(['--home', home, '--lang', 'en', 'refresh'], { env: C });
    expect(en.stdout).toContain(`failed: no such file: ${missing}. Check the path.`);
    // stored as a problem: `feeds` tells the last error in the language of that command
    expect((await runCli(['--home', home, '--lang', 'id', 'list'], { env: C })).code).toBe(0);
    const feeds = await runCli(['--home', home, 'feeds', '--json'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(JSON.parse(feeds.stdout)[0]).toMatchObject({ lastError: `File tidak ada: ${missing}. Periksa path-nya.`, lastErrorCode: 'errNoSuchFile' });
    const json = await runCli(['--home', home, '--lang', 'id', 'refresh', '--json'], { env: C });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ status: 'error', errorCode: 'errNoSuchFile', error: `File tidak ada: ${missing}. Periksa path-nya.` });
  });

  it('for feeds, --lang after --home DIR is the feed language: the command answers in the settings\' language', async () => {
    // --home's value is not the command word: the line below is the feeds command, whose --lang is the feed's.
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'id', feeds: [] }));
    const r = await runCli(['--home', home, 'feeds', 'add', '--lang', 'en'], { env: C });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('cyberread: "cyberread feeds add" memerlukan URL. Jalankan "cyberread feeds add --help".');
  });

  it('a bad option, a bad command and --limit 0 are refused in Indonesian with --lang id, exit 2', async () => {
    const home = tempHome();
    const cases: [string[], string][] = [
      [['--lang', 'id', 'list', '--bogus'], 'cyberread: Opsi --bogus tidak dikenal untuk "cyberread list". Jalankan "cyberread list --help" untuk melihat opsinya.'],
      [['--lang', 'id', 'frobnicate'], 'cyberread: Perintah "frobnicate" tidak dikenal. Jalankan "cyberread --help" untuk melihat daftar perintah.'],
      [['--lang=id', 'list', '--limit', '0'], 'cyberread: --limit harus bilangan bulat mulai dari 1; --all menampilkan semua artikel.'],
      [['list', '--lang', 'id', '--tag'], 'cyberread: Opsi --tag memerlukan nilai.'],
    ];
    for (const [args, said] of cases) {
      const r = await runCli(['--home', home, ...args], { env: C });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim(), args.join(' ')).toBe(said);
    }
    // and in English without it
    const en = await runCli(['--home', home, 'list', '--bogus'], { env: C });
    expect(en.stderr.trim()).toBe('cyberread: Unknown option --bogus for "cyberread list". Run "cyberread list --help" to see its options.');
  });

  it('follows the language chosen in the reader (the settings) before the locale, even for a bad option', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), '{"feeds": [], "lang": "id"}');
    const r = await runCli(['--home', home, 'list', '--bogus'], { env: C });
    expect(r.stderr).toContain('Opsi --bogus tidak dikenal');
    const damaged = tempHome();
    writeFileSync(join(damaged, 'config.json'), '{"feeds": [');
    const d = await runCli(['--home', damaged, '--lang', 'id', 'list'], { env: C });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/^cyberread: File pengaturan .*config\.json bukan JSON yang valid/);
  });
});
