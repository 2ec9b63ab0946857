import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/core/i18n/problem.js';
import { problem } from '../../../src/core/i18n/problem.js';
import { readerPassword, SyncError, syncPassword } from '../../../src/core/sync/index.js';
import type { SyncSettings } from '../../../src/core/sync/types.js';

const base: SyncSettings = { type: 'ttrss', url: 'https://rss.example.org/', user: 'budi' };

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof SyncError) return explain(error.problem, 'en');
    throw error;
  }
  throw new Error('no failure');
}

describe('the sync password', () => {
  it('comes from CYBERREAD_SYNC_PASSWORD first, then the passwordCommand, then the question', async () => {
    const withCommand = { ...base, passwordCommand: ['printf', 'from-command\\nsecond line\\n'] };
    expect(await syncPassword(withCommand, { CYBERREAD_SYNC_PASSWORD: 'from-env' }, async () => 'asked')).toBe('from-env');
    expect(await syncPassword(withCommand, {}, async () => 'asked')).toBe('from-command');
    expect(await syncPassword(base, {}, async () => 'asked')).toBe('asked');
    expect(await failure(syncPassword(base, {}, async () => null))).toBe(
      'No password for "budi" at https://rss.example.org/: set CYBERREAD_SYNC_PASSWORD, give "sync" a "passwordCommand", or run the command on a terminal to be asked.',
    );
  });

  it('runs the command without a shell and says why it gave nothing', async () => {
    // a shell would run the second command and expand the variable
    expect(await syncPassword({ ...base, passwordCommand: ['echo', 'pw; echo $HOME'] }, {})).toBe('pw; echo $HOME');
    expect(await failure(syncPassword({ ...base, passwordCommand: ['false'] }, {}))).toBe('The passwordCommand false gave no password: it ended with exit code 1.');
    expect(await failure(syncPassword({ ...base, passwordCommand: ['true'] }, {}))).toBe('The passwordCommand true gave no password: it printed nothing.');
    expect(await failure(syncPassword({ ...base, passwordCommand: ['/nonexistent/pass'] }, {}))).toBe(
      'The passwordCommand /nonexistent/pass gave no password: there is no such program.',
    );
  });

  it('in the reader: nothing runs until a login asks; then the command (once, without the terminal), else a wait for it to be typed', async () => {
    const refused = new SyncError(problem('errSyncLogin', base.url, 'budi'));
    // the environment wins, and its refusal is told as it is (typing another would not be used)
    const env = readerPassword({ ...base, passwordCommand: ['false'] }, { CYBERREAD_SYNC_PASSWORD: 'from-env' });
    expect(await env.password()).toBe('from-env');
    expect(env.failed(refused)).toBe(refused);

    // a command that works is run when asked, its answer kept; refused, it is not run again: a wait instead
    const ran = join(mkdtempSync(join(tmpdir(), 'cyberread-pw-')), 'ran');
    const reader = readerPassword({ ...base, passwordCommand: ['sh', '-c', `echo x >> '${ran}'; echo from-command`] }, {});
    const count = (): number => (existsSync(ran) ? readFileSync(ran, 'utf8').split('\n').filter(Boolean).length : 0);
    expect(count()).toBe(0);
    expect(await reader.password()).toBe('from-command');
    expect(await reader.password()).toBe('from-command');
    expect(count()).toBe(1);
    const told = reader.failed(refused);
    expect(explain(told.problem, 'en')).toBe(
      `Sync waits for the password of "budi" at ${base.url} (${base.url} refused the login of "budi": check the user name and the password).`,
    );
    expect(await failure(reader.password())).toContain('Sync waits for the password of "budi"');
    expect(count()).toBe(1);
    // what is typed is used from then on; refused, it is forgotten and waited for again
    reader.give('typed');
    expect(await reader.password()).toBe('typed');
    expect(reader.failed(refused).problem.key).toBe('errSyncNeedPassword');
    expect(await failure(reader.password())).toContain('Sync waits for the password');
    // another failure (the server down) keeps the password
    reader.give('typed');
    const offline = new SyncError(problem('errSyncHttp', base.url, 502));
    expect(reader.failed(offline)).toBe(offline);
    expect(await reader.password()).toBe('typed');
    rmSync(dirname(ran), { recursive: true, force: true });

    // no command: a wait, saying why in Indonesian too; a command that fails says why it gave nothing
    expect(await failure(readerPassword(base, {}).password())).toBe(`Sync waits for the password of "budi" at ${base.url}.`);
    try {
      await readerPassword({ ...base, passwordCommand: ['false'] }, {}).password();
      throw new Error('no failure');
    } catch (error) {
      expect(error).toBeInstanceOf(SyncError);
      expect(explain((error as SyncError).problem, 'id')).toBe(
        `Sinkronisasi menunggu kata sandi "budi" di ${base.url} (passwordCommand false tidak memberi kata sandi: berakhir dengan kode keluar 1).`,
      );
    }
  });
});
