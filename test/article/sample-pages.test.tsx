// The demo's sample articles whose feed carries the whole text ship no page: asking for the full article says
// so (not that the link is not an http(s) address), alike in the reader (`f`) and on the command line
// (`show ID --full`), in both languages, and nothing is fetched or stored.
import { afterEach, describe, expect, it } from 'vitest';
import { loadPage, pageWanted } from '../../src/core/article/full.js';
import { samplePageLocator, samplesDir } from '../../src/core/defaults.js';
import { en } from '../../src/core/i18n/en.js';
import { id } from '../../src/core/i18n/id.js';
import { cliMessages } from '../../src/core/i18n/cli.js';
import { htmlToPlainText } from '../../src/core/html.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { runCli } from '../helpers/cli.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { article, cleanUpReaders, storeWith } from '../ui/fixtures.js';

const locate = samplePageLocator(samplesDir(import.meta.url));
/** A sample article whose feed item carries the whole text (no page shipped for it). */
const WHOLE = 'https://cyberthreat.id/read/18240/Data-2-3-Juta-Pelanggan-Marketplace-NiagaKu-Diduga-Bocor';

let h: Harness | undefined;
let store: SqliteStore | undefined;
const fetched: string[] = [];
afterEach(() => {
  cleanUpReaders();
  fetched.length = 0;
});

function sampleStore(lang: 'id' | 'en' = 'id'): SqliteStore {
  return storeWith([
    article({ id: 'niaga', lang, title: 'Data 2,3 Juta Pelanggan Marketplace NiagaKu Diduga Bocor', url: WHOLE, contentHtml: `<p>${'Isi lengkap artikel NiagaKu. '.repeat(200)}</p>` }),
  ]);
}

function services(s: SqliteStore) {
  return testServices(s, {
    pages: {
      get: (i) => s.getPage(i),
      wanted: (a) => pageWanted({ url: a.feedUrl }, htmlToPlainText(a.contentHtml) || a.summary),
      load: (a, o) =>
        loadPage(s, a, {
          fetch: (r) => {
            fetched.push(r.url);
            return Promise.reject(new Error('nothing is fetched for a sample article'));
          },
          extract: () => {
            throw new Error('nothing is extracted for a sample article');
          },
          locate,
        }, o),
    },
  });
}

describe('a sample article without a page', () => {
  it('loadPage says there is no page, fetches nothing and stores nothing', async () => {
    store = sampleStore();
    const r = await loadPage(store, { id: 'niaga', url: WHOLE }, { fetch: () => Promise.reject(new Error('no')), extract: () => Promise.reject(new Error('no')), locate }, { retryFailed: true });
    expect(r).toEqual({ kind: 'none', error: { code: 'no-page' } });
    expect(store.getPage('niaga')).toBeNull();
  });

  it.each([
    ['en', en.fullNoPage],
    ['id', id.fullNoPage],
  ] as const)('f in the reader (%s) says the feed carried the whole text', async (lang, said) => {
    store = sampleStore(lang);
    h = await renderUi(<App services={services(store)} initialLang={lang} rows={30} columns={120} />);
    await h.waitFor('NiagaKu');
    await h.press('Enter');
    await h.press('f');
    await h.waitFor(said, 3000);
    const frame = h.frame();
    expect(frame).not.toContain(lang === 'en' ? 'not an http(s) address' : 'bukan alamat http(s)');
    expect(frame).not.toContain(lang === 'en' ? en.fullNotAvailable('') : id.fullNotAvailable(''));
    expect(fetched).toEqual([]);
  });
});

describe('cyberread --demo show ID --full', () => {
  it.each(['en', 'id'] as const)('prints the article and says it is whole (%s), exit 0', async (lang) => {
    const list = JSON.parse((await runCli(['--demo', 'list', '--json', '--limit', '200'])).stdout) as { id: string; url: string }[];
    const whole = list.find((a) => a.url === WHOLE)?.id ?? '';
    expect(whole).not.toBe('');
    const r = await runCli(['--demo', '--lang', lang, 'show', whole, '--full']);
    expect(r.stderr.trim()).toBe(`cyberread: ${cliMessages(lang).fullNoPage}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lang === 'en' ? 'PT Nusantara Niaga Digital' : 'PT Nusantara Niaga Digital');
    const j = await runCli(['--demo', '--lang', lang, 'show', whole, '--full', '--json']);
    expect(j.code).toBe(0);
    expect(j.stderr).toBe('');
    const full = (JSON.parse(j.stdout) as { full: Record<string, unknown> }).full;
    expect(full).toMatchObject({ status: 'skipped', errorCode: 'no-page', error: lang === 'en' ? en.pageErrNoPage : id.pageErrNoPage });
  }, 30_000);
});
