/**
 * `cyberread sync status` after the reader has quit: the last run's failure as it stored it, told as what
 * happened then, not as something still going on. The state is written into the cache as a run leaves it;
 * no server is needed to read it back.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { problem, type Problem } from '../../src/core/i18n/problem.js';
import { openStore } from '../../src/core/store/open-store.js';
import { runCli, tempHome } from '../helpers/cli.js';

const SERVER = 'https://rss.example.org/tt-rss';
// 2026-11-28 08:00 UTC (15:00 in Jakarta, the zone the CLI helper runs in)
const AT = Date.UTC(2026, 10, 28, 8, 0);

describe('sync status after a run that stopped for the password in the reader', () => {
  const homes: string[] = [];
  afterEach(() => {
    for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
  });

  /** A home set up for sync whose last run (never a successful one) failed with `failure`. */
  function stoppedHome(failure: Problem, sync: Record<string, unknown> = {}): string {
    const home = tempHome();
    homes.push(home);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [], sync: { type: 'ttrss', url: SERVER, user: 'budi', ...sync } }));
    const { store } = openStore(join(home, 'cache.db'));
    try {
      store.sync.setSyncState({ account: `ttrss ${SERVER} budi`, lastAttempt: AT, lastError: failure });
    } finally {
      store.close();
    }
    return home;
  }

  const waited = problem('errSyncNeedPassword', 'budi', SERVER, '');

  it('says in the past what the reader needed, and how to give it now, in English and Indonesian', async () => {
    const home = stoppedHome(waited);
    const en = await runCli(['--home', home, 'sync', 'status']);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('');
    const last = en.stdout.trim().split('\n').at(-1);
    expect(last).toMatch(/^The last attempt \(.+\) failed: the reader needed the password of "budi" at https:\/\/rss\.example\.org\/tt-rss; run "cyberread sync" on a terminal to type it$/);
    // never the reader's live wording: nothing waits once it has quit
    expect(en.stdout).not.toMatch(/waits for the password/i);

    const id = await runCli(['--home', home, '--lang', 'id', 'sync', 'status']);
    expect(id.code).toBe(0);
    expect(id.stdout.trim().split('\n').at(-1)).toMatch(
      /^Percobaan terakhir \(.+\) gagal: pembaca membutuhkan kata sandi "budi" di https:\/\/rss\.example\.org\/tt-rss; jalankan "cyberread sync" di terminal untuk mengetikkannya$/,
    );
    expect(id.stdout).not.toMatch(/menunggu kata sandi/i);

    const json = JSON.parse((await runCli(['--home', home, 'sync', 'status', '--json'])).stdout) as { lastError: string; lastErrorCode: string };
    expect(json).toMatchObject({
      lastErrorCode: 'errSyncNeedPassword',
      lastError: 'The reader needed the password of "budi" at https://rss.example.org/tt-rss; run "cyberread sync" on a terminal to type it.',
    });
  });

  it('names the earlier password failure, and the way on that fits where the password comes from now', async () => {
    const refused = problem('errSyncNeedPassword', 'budi', SERVER, problem('errSyncPasswordCommand', 'pass', 'exit', 1));
    const command = stoppedHome(refused, { passwordCommand: ['pass', 'show', 'tt-rss'] });
    const r = await runCli(['--home', command, 'sync', 'status']);
    expect(r.stdout).toContain(
      'failed: the reader needed the password of "budi" at https://rss.example.org/tt-rss (the passwordCommand pass gave no password: it ended with exit code 1); check the passwordCommand, then run "cyberread sync"\n',
    );
    const id = await runCli(['--home', command, '--lang', 'id', 'sync', 'status']);
    expect(id.stdout).toContain('gagal: pembaca membutuhkan kata sandi "budi" di https://rss.example.org/tt-rss (');
    expect(id.stdout).toContain('; periksa passwordCommand, lalu jalankan "cyberread sync"\n');

    const env = await runCli(['--home', stoppedHome(waited), 'sync', 'status'], { env: { CYBERREAD_SYNC_PASSWORD: 'x' } });
    expect(env.stdout).toContain('the reader needed the password of "budi" at https://rss.example.org/tt-rss; CYBERREAD_SYNC_PASSWORD is set now: run "cyberread sync"\n');
  });

  it('tells any other failure as it was stored', async () => {
    const r = await runCli(['--home', stoppedHome(problem('errSyncHttp', SERVER, 502)), 'sync', 'status']);
    expect(r.stdout).toMatch(/The last attempt \(.+\) failed: https:\/\/rss\.example\.org\/tt-rss answered HTTP 502: check the address, or try again later\n$/);
  });
});
