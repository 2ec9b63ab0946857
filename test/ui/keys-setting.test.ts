import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/i18n/problem.js';
import { messages } from '../../src/core/i18n/index.js';
import {
  DEFAULT_KEYMAP,
  bindableActions,
  helpRows,
  hintsFor,
  keyChoice,
  keyFor,
  keysOr,
  matchKey,
  normalizeKey,
  resolveKeys,
  type InkKey,
} from '../../src/ui/keymap.js';

const none: InkKey = { upArrow: false, downArrow: false, pageUp: false, pageDown: false, home: false, end: false, return: false, escape: false, tab: false, shift: false, ctrl: false, meta: false, backspace: false, delete: false };
const k = (over: Partial<InkKey> = {}): InkKey => ({ ...none, ...over });
const PATH = '/home/u/.config/cyberread/config.json';
const said = (keys: Record<string, string[]>, lang: 'en' | 'id' = 'en'): string[] => resolveKeys(keys, PATH).problems.map((p) => explain(p, lang));
const body = { readerFocus: 'body' as const, relatedCount: 0 };

describe('key names in the settings', () => {
  it('reads characters, named keys in any case and Ctrl-letters; refuses what a terminal cannot tell apart', () => {
    const cases: [string, string | null][] = [
      ['j', 'j'], ['J', 'J'], ['#', '#'], [' ', 'Space'], ['space', 'Space'], ['Down', '↓'], ['↓', '↓'], ['left', '←'],
      ['PageDown', 'PgDn'], ['pgup', 'PgUp'], ['ESCAPE', 'Esc'], ['return', 'Enter'], ['shift-tab', 'Shift-Tab'],
      ['Ctrl-D', 'Ctrl-D'], ['ctrl+d', 'Ctrl-D'], ['C-n', 'Ctrl-N'], ['Ctrl-J', null], ['Ctrl-M', null], ['Alt-x', null],
      ['', null], ['\u001b', null], ['jj', null], ['F5', null],
    ];
    for (const [written, name] of cases) expect(normalizeKey(written), JSON.stringify(written)).toBe(name);
  });
});

describe('the settings\' "keys" over the key table', () => {
  it('a rebound action answers to its new keys wherever it had keys, and its old key does nothing', () => {
    const { keymap, problems } = resolveKeys({ down: ['x', 'Down'] }, PATH);
    expect(problems).toEqual([]);
    for (const view of ['list', 'help', 'language', 'feeds', 'links', 'reader'] as const) {
      expect(matchKey(view, 'x', k(), keymap), view).toEqual({ action: 'down' });
      expect(matchKey(view, '', k({ downArrow: true }), keymap), view).toEqual({ action: 'down' });
      expect(matchKey(view, 'j', k(), keymap), view).toBeNull();
    }
    // the hashtag filter is typed: x goes into it, ↓ still moves
    expect(matchKey('hashtags', 'x', k(), keymap)).toEqual({ action: 'narrow', text: 'x' });
    expect(matchKey('hashtags', '', k({ downArrow: true }), keymap)).toEqual({ action: 'down' });
    // help and the status hints say so; the defaults are untouched
    expect(helpRows('list', 'en', keymap)).toContainEqual({ keys: 'x ↓', help: messages('en').actDown });
    expect(hintsFor('list', body, messages('en'), keymap)[0]).toBe('x/k move');
    expect(hintsFor('list', body, messages('en'))[0]).toBe('j/k move');
    expect(matchKey('list', 'j', k())).toEqual({ action: 'down' });
    expect(keymap.custom.has('down')).toBe(true);
  });

  it('swaps keys between two actions, takes Ctrl-letters and arrows, and leaves an action with no keys when asked', () => {
    const { keymap, problems } = resolveKeys({ down: ['k'], up: ['j'], pageDown: ['Ctrl-D', 'Space'], back: ['Left', 'q'], markAll: [] }, PATH);
    expect(problems).toEqual([]);
    expect(matchKey('list', 'k', k(), keymap)).toEqual({ action: 'down' });
    expect(matchKey('list', 'j', k(), keymap)).toEqual({ action: 'up' });
    expect(matchKey('list', 'd', k({ ctrl: true }), keymap)).toEqual({ action: 'pageDown' });
    expect(matchKey('reader', '', k({ leftArrow: true }), keymap)).toEqual({ action: 'back' });
    expect(matchKey('reader', '', k({ escape: true }), keymap)).toBeNull();
    // where a line is typed, Esc stays the way back: the user named no key that is not a character there
    expect(matchKey('hashtags', '', k({ escape: true }), keymap)).toEqual({ action: 'back' });
    expect(matchKey('list', 'A', k({ shift: true }), keymap)).toBeNull();
    expect(helpRows('list', 'en', keymap)).toContainEqual({ keys: '—', help: messages('en').actMarkAll });
    // an unbound key keeps Ctrl-D meaning nothing by default
    expect(matchKey('list', 'd', k({ ctrl: true }))).toBeNull();
  });

  it('a key another action has in the same place is refused in one sentence, and that action keeps its defaults', () => {
    const { keymap, problems } = resolveKeys({ toggleStar: ['j'], toggleRead: ['x'] }, PATH);
    expect(problems.map((p) => explain(p, 'en'))).toEqual([
      `Ignoring "keys.toggleStar" in ${PATH}: "j" already does "down" in the article list; its default keys are kept.`,
    ]);
    expect(explain(problems[0]!, 'id')).toBe(`"keys.toggleStar" di ${PATH} diabaikan: "j" sudah dipakai untuk "down" di daftar artikel; tombol bawaannya tetap dipakai.`);
    expect(matchKey('list', 's', k(), keymap)).toEqual({ action: 'toggleStar' });
    expect(matchKey('list', 'j', k(), keymap)).toEqual({ action: 'down' });
    // the other rebinding still applies
    expect(matchKey('list', 'x', k(), keymap)).toEqual({ action: 'toggleRead' });
    // a digit types a link number in the reader
    expect(said({ toggleStar: ['1'] })).toEqual([`Ignoring "keys.toggleStar" in ${PATH}: "1" already does "digit" in an article; its default keys are kept.`]);
    // both sides of a clash of the user's own are reported
    expect(said({ down: ['x'], up: ['x'] })).toHaveLength(2);
  });

  it('reports unknown actions, keys it cannot tell apart, Ctrl-C and characters where a line is typed', () => {
    expect(said({ nope: ['x'], narrow: ['x'] })).toEqual([
      `Ignoring "keys.nope" in ${PATH}: no action of that name takes keys; "cyberread keys" lists them.`,
      `Ignoring "keys.narrow" in ${PATH}: no action of that name takes keys; "cyberread keys" lists them.`,
    ]);
    expect(said({ open: ['Ctrl+Alt+Q'] })[0]).toMatch(/^Ignoring "keys\.open" in .*: "Ctrl\+Alt\+Q" is not a key cyberread can tell apart \(.*\); its default keys are kept\.$/);
    expect(said({ back: ['Ctrl-C'] })).toEqual([`Ignoring "keys.back" in ${PATH}: Ctrl-C always quits, so it cannot do anything else; its default keys are kept.`]);
    expect(said({ applySearch: ['z'] }, 'id')).toEqual([
      `"keys.applySearch" di ${PATH} diabaikan: "z" di sana diketik ke dalam baris; beri tombol bernama seperti Enter, Tab atau Ctrl-S; tombol bawaannya tetap dipakai.`,
    ]);
    // quit keeps Ctrl-C everywhere whatever else it gets
    const { keymap, problems } = resolveKeys({ quit: ['Q', 'Ctrl-C'], applySearch: ['Ctrl-S', 'Enter'] }, PATH);
    expect(problems).toEqual([]);
    expect(matchKey('list', 'Q', k({ shift: true }), keymap)).toEqual({ action: 'quit' });
    expect(matchKey('list', 'q', k(), keymap)).toBeNull();
    expect(matchKey('prompt', 'c', k({ ctrl: true }), keymap)).toEqual({ action: 'quit' });
    expect(matchKey('search', 's', k({ ctrl: true }), keymap)).toEqual({ action: 'applySearch' });
    expect(matchKey('search', 's', k(), keymap)).toEqual({ action: 'narrow', text: 's' });
    for (const p of resolveKeys({ nope: ['x'], open: ['??'], toggleStar: ['j'] }, PATH).problems) {
      for (const lang of ['en', 'id'] as const) expect(explain(p, lang)).not.toContain('\n');
    }
  });

  it('names the keys to press in the user\'s table: the first key, a choice, a list', () => {
    const { keymap } = resolveKeys({ refresh: ['R'], confirmYes: ['y', 'Y'], back: ['h', 'Esc'] }, PATH);
    expect(keyFor(keymap, 'refresh', 'list')).toBe('R');
    expect(keyFor(undefined, 'refresh', 'list')).toBe('r');
    expect(keyChoice(undefined, 'confirmYes', 'confirm')).toBe('y/Enter');
    expect(keyChoice(keymap, 'confirmYes', 'confirm')).toBe('y/Y');
    expect(keysOr(['h', 'Esc', '?'], messages('en'))).toBe('h, Esc or ?');
    expect(keysOr(['h', 'Esc', '?'], messages('id'))).toBe('h, Esc, atau ?');
    expect(hintsFor('reader', body, messages('en'), keymap)).toContain('h back');
  });

  it('every action that has a key in the table can be given keys; none other', () => {
    const actions = bindableActions();
    expect(actions).toContain('down');
    expect(actions).toContain('confirmYes');
    for (const typed of ['narrow', 'digit', 'promptType', 'confirmNo'] as const) expect(actions).not.toContain(typed);
    expect(resolveKeys(undefined, PATH).keymap).toBe(DEFAULT_KEYMAP);
    expect(resolveKeys({}, PATH).keymap).toBe(DEFAULT_KEYMAP);
  });
});
