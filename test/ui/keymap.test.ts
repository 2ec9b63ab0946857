import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/en.js';
import { id } from '../../src/core/i18n/id.js';
import { ALL_CONTEXTS, BINDINGS, helpRows, helpText, keyTableMarkdown, matchKey, type InkKey } from '../../src/ui/keymap.js';

const none: InkKey = { upArrow: false, downArrow: false, pageUp: false, pageDown: false, home: false, end: false, return: false, escape: false, tab: false, shift: false, ctrl: false, meta: false, backspace: false, delete: false };
const k = (over: Partial<InkKey> = {}): InkKey => ({ ...none, ...over });

describe('key table', () => {
  it('has no key bound twice within a view', () => {
    for (const view of ALL_CONTEXTS) {
      const seen = new Map<string, string>();
      for (const b of BINDINGS.filter((x) => x.views.includes(view))) {
        for (const key of b.keys) {
          expect(seen.get(key), `${key} in ${view}: ${b.action} and ${seen.get(key)}`).toBeUndefined();
          seen.set(key, b.action);
        }
      }
    }
  });

  it('gives every binding a non-empty help text in both languages', () => {
    for (const b of BINDINGS) {
      expect(helpText(b.help, en).trim(), b.action).not.toBe('');
      expect(helpText(b.help, id).trim(), b.action).not.toBe('');
      expect(helpText(b.help, id), b.action).not.toBe(helpText(b.help, en));
    }
  });

  it('handles the language view through the table (no ink-select-input, whose state lags pasted keys)', () => {
    expect(matchKey('language', 'j', k())).toEqual({ action: 'down' });
    expect(matchKey('language', '', k({ upArrow: true }))).toEqual({ action: 'up' });
    expect(matchKey('language', '', k({ return: true }))).toEqual({ action: 'chooseLanguage' });
    expect(matchKey('language', '', k({ escape: true }))).toEqual({ action: 'back' });
    expect(matchKey('language', '1', k())).toBeNull();
  });

  it('maps Ink keypresses to actions per view', () => {
    expect(matchKey('list', 'j', k())).toEqual({ action: 'down' });
    expect(matchKey('list', '', k({ downArrow: true }))).toEqual({ action: 'down' });
    expect(matchKey('list', 'q', k())).toEqual({ action: 'quit' });
    expect(matchKey('reader', 'q', k())).toEqual({ action: 'back' });
    expect(matchKey('reader', ' ', k())).toEqual({ action: 'pageDown' });
    expect(matchKey('reader', '', k({ tab: true }))).toEqual({ action: 'focusRelated' });
    expect(matchKey('list', 'c', k({ ctrl: true }))).toEqual({ action: 'quit' });
    expect(matchKey('hashtags', 'c', k({ ctrl: true }))).toEqual({ action: 'quit' });
    expect(matchKey('list', 'G', k({ shift: true }))).toEqual({ action: 'bottom' });
    expect(matchKey('list', '', k({ end: true }))).toEqual({ action: 'bottom' });
    expect(matchKey('list', 'x', k({ meta: true }))).toBeNull();
    expect(matchKey('list', 'x', k())).toBeNull();
    // Enter typed before raw mode reaches Ink as a line feed
    expect(matchKey('list', '\n', k())).toEqual({ action: 'open' });
  });

  it('lets every printable key narrow in typing views', () => {
    for (const ch of ['j', 'k', 'q', '?', 'L', '1', 'é', '漏']) {
      expect(matchKey('hashtags', ch, k())).toEqual({ action: 'narrow', text: ch });
      expect(matchKey('search', ch, k())).toEqual({ action: 'narrow', text: ch });
    }
    expect(matchKey('hashtags', '', k({ escape: true, meta: true }))).toEqual({ action: 'back' });
    expect(matchKey('search', '', k({ escape: true, meta: true }))).toEqual({ action: 'cancelSearch' });
    expect(matchKey('search', '', k({ backspace: true }))).toEqual({ action: 'deleteChar' });
    expect(matchKey('hashtags', '', k({ return: true }))).toEqual({ action: 'addTag' });
  });

  it('draws the help of a view in its language', () => {
    const rows = helpRows('reader', 'id');
    expect(rows).toContainEqual({ keys: 'q Esc', help: 'kembali' });
    expect(rows).toContainEqual({ keys: 'n', help: 'artikel berikutnya di daftar' });
    expect(helpRows('hashtags', 'en')).toContainEqual({ keys: 'type', help: 'type to narrow the list' });
  });

  it('renders the README table', () => {
    const md = keyTableMarkdown('en');
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('| where | key | action |');
    expect(lines[1]).toBe('|---|---|---|');
    expect(lines).toContain('| all | Ctrl-C | quit |');
    expect(lines).toContain('| list, help, language, feeds, links | `j` ↓ | move down |');
    expect(lines).toContain('| reader | Tab | move to "Read also" and back |');
    expect(lines).toHaveLength(BINDINGS.length + 2);
    expect(keyTableMarkdown('id').split('\n')[0]).toBe('| tempat | tombol | aksi |');
  });

  it('matches the README between the keys markers', () => {
    const readme = existsSync('README.md') ? readFileSync('README.md', 'utf8') : '';
    const m = /<!-- keys:start -->\n([\s\S]*?)<!-- keys:end -->/.exec(readme);
    expect(m, 'README.md needs <!-- keys:start --> / <!-- keys:end --> around keyTableMarkdown("en")').not.toBeNull();
    expect(m?.[1]).toBe(keyTableMarkdown('en'));
  });
});
