import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/core/i18n/problem.js';
import { SyncError, syncPassword } from '../../../src/core/sync/index.js';
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
});
