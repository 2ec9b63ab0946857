import { afterEach, describe, expect, it } from 'vitest';
import { problem } from '../../src/core/i18n/problem.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import type { RefreshResult } from '../../src/core/types.js';
import { App } from '../../src/ui/App.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { removeTempStores, sampleStore } from './fixtures.js';

/**
 * A sync that needs a login the reader has no password for: the refresh ends with the server's feeds waiting
 * (errSyncNeedPassword), the status line says so, the list reads on, and the refresh key asks for the password
 * in the status line (masked), which the next refresh uses.
 */

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(() => {
  h?.unmount();
  h = undefined;
  store?.close();
  store = undefined;
  removeTempStores();
});

const SERVER = 'https://rss.example.org/tt-rss';

describe('the sync password in the reader', () => {
  it.each(['en', 'id'] as const)('(%s) waits in the status line, reads on, and asks on r without showing what is typed', async (lang) => {
    store = sampleStore();
    const feeds = store.listFeedStates().map((f) => f.url);
    const given: string[] = [];
    let have: string | null = null;
    const services = testServices(store, {
      lastRefreshAt: null,
      // the server's feeds wait until a password is given, then sync
      refresh: () =>
        Promise.resolve(
          feeds.map((url): RefreshResult =>
            have === null
              ? { url, status: 'error', added: 0, updated: 0, error: problem('errSyncNeedPassword', 'budi', SERVER, '') }
              : { url, status: 'unchanged', added: 0, updated: 0 },
          ),
        ),
    });
    services.syncPassword = (p) => {
      given.push(p);
      have = p;
    };
    h = await renderUi(<App services={services} initialLang={lang} rows={24} columns={100} />);
    const waiting = lang === 'id' ? 'sinkronisasi menunggu kata sandi "budi" — tekan r untuk mengetiknya' : 'sync waits for the password of "budi" — press r to type it';
    await h.waitFor(waiting);
    // not counted as failing feeds: what to do is said instead
    expect(h.frame()).not.toMatch(/feeds? (failed|gagal)/);
    const calls = services.refreshCalls;
    // reading goes on: the selection moves, an article opens and closes
    const before = h.frame();
    expect(await h.press('j')).not.toBe(before);
    await h.press('Enter');
    await h.press('q');
    expect(h.frame()).toContain(waiting);

    // r asks instead of refreshing; Esc leaves it waiting; Enter with nothing typed keeps the prompt
    const label = lang === 'id' ? `Kata sandi "budi" di ${SERVER}: ` : `Password for "budi" at ${SERVER}: `;
    expect(await h.press('r')).toContain(label);
    expect(services.refreshCalls).toBe(calls);
    expect(await h.press('Esc')).toContain(waiting);
    await h.press('r');
    expect(await h.press('Enter')).toContain(label);
    const typed = await h.type('s3cret q');
    expect(typed).toContain(`${label}••••••••`);
    expect(typed).not.toContain('s3cret');
    // keys typed in the prompt are the password's, not commands (q does not quit, j does not move)
    expect(await h.press('Backspace')).toContain(`${label}•••••••█`);
    await h.type('j');
    await h.press('Enter');
    expect(given).toEqual(['s3cret j']);
    // the refresh starts at once with it, and nothing waits any more
    await h.waitFor((f) => !f.includes(waiting) && !f.includes(label));
    expect(services.refreshCalls).toBe(calls + 1);
  });
});
