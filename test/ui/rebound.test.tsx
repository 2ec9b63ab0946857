import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { App } from '../../src/ui/App.js';
import { resolveKeys } from '../../src/ui/keymap.js';
import { renderUi, type Harness } from '../helpers/render.js';
import { testServices } from '../helpers/services.js';
import { cleanUpReaders, sampleStore } from './fixtures.js';

/** The settings' "keys" through real keypresses: what the keys do, and what help and the hints say. */

let h: Harness | undefined;
let store: SqliteStore | undefined;
afterEach(cleanUpReaders);

const selected = (frame: string): string => frame.split('\n').find((l) => l.startsWith('›')) ?? '';
const hints = (frame: string): string => frame.split('\n').at(-1) ?? '';

async function start(keys: Record<string, string[]>, lang: 'id' | 'en'): Promise<Harness> {
  store = sampleStore();
  const { keymap, problems } = resolveKeys(keys, '/x/config.json');
  expect(problems).toEqual([]);
  h = await renderUi(<App services={{ ...testServices(store), keymap }} initialLang={lang} rows={24} columns={80} />);
  await h.waitFor((f) => selected(f) !== '');
  return h;
}

describe('keys of the user', () => {
  it('j rebound to x: j does nothing, x moves; help, its closing line and the hints name the new keys', async () => {
    const h = await start({ down: ['x', 'Down'], up: ['w', 'Up'], toggleStar: ['*'], back: ['h', 'Esc'] }, 'id');
    const first = selected(h.frame());
    expect(hints(h.frame())).toMatch(/^ x\/w pindah · Enter buka/);
    expect(selected(await h.press('j'))).toBe(first);
    const moved = selected(await h.press('x'));
    expect(moved).not.toBe(first);
    expect(selected(await h.press('w'))).toBe(first);
    expect(selected(await h.press('Down'))).toBe(moved);
    // s no longer stars; * does
    expect(selected(await h.press('s'))).not.toContain('★');
    expect(selected(await h.press('*'))).toContain('★');
    const help = await h.press('?');
    expect(help).toMatch(/^ {2}x ↓ +turun$/m);
    expect(help).toMatch(/^ {2}w ↑ +naik$/m);
    expect(help).toContain('h, Esc, ?, atau Ctrl-G menutup bantuan');
    expect(hints(help)).toMatch(/^ x\/w gulir · Esc kembali/);
    // x scrolls the help too, down to the star's row
    let scrolled = help;
    for (let i = 0; i < 12; i++) scrolled = await h.press('x');
    expect(scrolled).toMatch(/^ {2}\* +tandai \/ hapus bintang$/m);
    const list = await h.press('h');
    expect(list).not.toContain('menutup bantuan');
    const reader = await h.press('Enter');
    expect(hints(reader)).toContain('x/w gulir');
    expect(hints(reader)).not.toContain('q kembali');
    // back on the list, on the article just read (its marks changed, not its row)
    expect(selected(await h.press('h')).slice(4)).toBe(moved.slice(4));
  });

  it('Ctrl-D pages down where it is bound; the messages that name a key name the user\'s', async () => {
    const h = await start({ pageDown: ['Ctrl-D', 'PgDn'], markAll: ['M'], undo: ['U'], confirmYes: ['Y'] }, 'en');
    const first = selected(h.frame());
    expect(selected(await h.press('\u0004'))).not.toBe(first);
    // A is free now; M asks, and the question names Y as the yes
    expect(hints(await h.press('A'))).not.toContain('other key');
    const asked = await h.press('M');
    expect(hints(asked)).toBe(' Y: yes · other key: no');
    const done = await h.press('Y');
    expect(done).toMatch(/articles? marked read — U undoes/);
    expect(done).not.toContain('●');
  });
});

describe('help that names another action\'s key', () => {
  it.each([
    ['en', 'type a link number, then Tab opens it'],
    ['id', 'ketik nomor tautan, lalu Tab membukanya'],
  ] as const)('(%s) with openNumber on Tab, the digits row of the reader\'s help says Tab, not Enter', async (lang, said) => {
    const h = await start({ openNumber: ['Tab'] }, lang);
    await h.press('Enter');
    let help = await h.press('?');
    for (let i = 0; i < 30 && !help.includes('0–9'); i++) help = await h.press('j');
    expect(help).toMatch(new RegExp(`^ {2}0–9 +${said}$`, 'm'));
    expect(help).not.toContain(lang === 'en' ? 'then Enter opens it' : 'lalu Enter membukanya');
  });
});

describe('the share line', () => {
  it.each([
    ['en', 'Share: c copy link · O open in browser'],
    ['id', 'Bagikan: c salin tautan · O buka di browser'],
  ] as const)('(%s) names the keys bound to copy and open the link', async (lang, said) => {
    const h = await start({ copyLink: ['c'], openLink: ['O'] }, lang);
    await h.press('Enter');
    const bottom = await h.press('G');
    expect(bottom).toContain(said);
    expect(bottom).not.toMatch(/y (copy link|salin tautan)/);
  });
});
