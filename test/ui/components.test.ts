import { describe, expect, it } from 'vitest';
import { displayWidth, truncate } from '../../src/core/render/text.js';
import { messages, type Messages, type UiLang } from '../../src/core/i18n/index.js';
import { editionSwitchText } from '../../src/ui/components/EditionSwitch.js';
import { headerLayout, type HeaderLayout } from '../../src/ui/components/Header.js';
import { fitHints, typedLine } from '../../src/ui/components/StatusBar.js';
import { fit } from '../../src/ui/components/Line.js';
import { splitRun } from '../../src/ui/hooks/use-keys.js';
import { sourceWidth } from '../../src/ui/views/ArticleList.js';

const measure = { displayWidth, truncate: (s: string, w: number) => truncate(s, w) };

describe('status bar hints', () => {
  const hints = ['j/k pindah', 'Enter buka', '# tagar', 'q keluar', '? bantuan'];
  it('keeps whole hints and the help hint when the line is short', () => {
    expect(fitHints(measure, hints, 200)).toBe('j/k pindah · Enter buka · # tagar · q keluar · ? bantuan');
    expect(fitHints(measure, hints, 40)).toBe('j/k pindah · Enter buka · ? bantuan');
    expect(fitHints(measure, hints, 9)).toBe('? bantuan');
    expect(displayWidth(fitHints(measure, hints, 5))).toBeLessThanOrEqual(5);
  });

  it('keeps the way out beside the help hint, in table order, dropping the hints in between first', () => {
    const reader = [
      { text: 'j/k gulir' },
      { text: 'n/p artikel' },
      { text: 'Tab baca juga' },
      { text: 'f lengkap/feed' },
      { text: 'L bahasa' },
      { text: 'q kembali', role: 'out' as const },
      { text: '? bantuan' },
    ];
    expect(fitHints(measure, reader, 80)).toBe('j/k gulir · n/p artikel · Tab baca juga · f lengkap/feed · q kembali · ? bantuan');
    expect(fitHints(measure, reader, 78)).toBe('j/k gulir · n/p artikel · Tab baca juga · q kembali · ? bantuan');
    expect(fitHints(measure, reader, 47)).toBe('j/k gulir · n/p artikel · q kembali · ? bantuan');
    expect(fitHints(measure, reader, 40)).toBe('j/k gulir · q kembali · ? bantuan');
    expect(fitHints(measure, reader, 22)).toBe('q kembali · ? bantuan');
    // no room for both: the help hint alone, as before
    expect(fitHints(measure, reader, 12)).toBe('? bantuan');
  });

  it("keeps the hint that does the view's job longest: before the help hint and the way out", () => {
    const hashtags = [{ text: '↑/↓ move' }, { text: 'Enter add/remove', role: 'job' as const }, { text: 'Esc back', role: 'out' as const }, { text: 'Ctrl-G help' }];
    expect(fitHints(measure, hashtags, 60)).toBe('↑/↓ move · Enter add/remove · Esc back · Ctrl-G help');
    expect(fitHints(measure, hashtags, 41)).toBe('Enter add/remove · Esc back · Ctrl-G help');
    expect(fitHints(measure, hashtags, 38)).toBe('Enter add/remove · Ctrl-G help');
    expect(fitHints(measure, hashtags, 20)).toBe('Enter add/remove');
    expect(fitHints(measure, hashtags, 10)).toBe('Enter add…');
  });
});

describe('fit', () => {
  it('puts the ellipsis by the last word, not after a gap', () => {
    expect(fit(measure, 'Judul panjang  #tag #lain', 16)).toBe('Judul panjang…');
    expect(fit(measure, 'pendek', 16)).toBe('pendek');
  });
});

describe('splitRun', () => {
  it('turns a pasted run into one keypress per character, Enter and Tab included', () => {
    const keys = splitRun('/ab\r\t\u007f\u0007é');
    expect(keys.map((k) => k.input)).toEqual(['/', 'a', 'b', '', '', '', 'é']);
    expect(keys[3]?.key.return).toBe(true);
    expect(keys[4]?.key.tab).toBe(true);
    expect(keys[5]?.key.backspace).toBe(true);
  });
});

describe('list source column', () => {
  it('adapts to the terminal: a fifth of the row, 6 to 28 cells, the title keeps at least 60%', () => {
    // the row is one cell narrower than the terminal
    expect(sourceWidth(79)).toBe(15);
    expect(sourceWidth(119)).toBe(23);
    expect(sourceWidth(199)).toBe(28);
    expect(sourceWidth(59)).toBe(11);
    expect(sourceWidth(39)).toBe(6);
    for (let w = 39; w <= 300; w++) {
      const title = w - 11 - 1 - sourceWidth(w);
      expect(title, `width ${w}`).toBeGreaterThanOrEqual(Math.min(Math.max(20, Math.floor(w * 0.6)), w - 11 - 1 - 6));
    }
  });
});

describe('header', () => {
  const line = (l: HeaderLayout, m: Messages, lang: UiLang): string =>
    [l.lead, editionSwitchText(m, lang), l.filters, l.count].filter((x) => x !== '').join(l.sep);

  it('at 40 columns shortens the labels, never the unread count', () => {
    const m = messages('id');
    const p = { m, lang: 'id' as const, title: m.viewList, tags: [], search: '', unreadOnly: false, unread: 18, measure };
    // the terminal's 40 columns leave 38 cells for the header's text
    const at40 = line(headerLayout(p, 38), m, 'id');
    expect(at40).toMatch(/18 belum dibaca$|● 18$/);
    expect(displayWidth(at40)).toBeLessThanOrEqual(38);
    expect(line(headerLayout(p, 118), m, 'id')).toBe(`cyberread · ${m.viewList}   [IND] | ENG   18 belum dibaca`);
  });

  it('keeps the whole count at every width, with filters and a long search, in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const m = messages(lang);
      for (const unread of [1, 18, 12345]) {
        const p = { m, lang, title: m.viewReader, tags: ['ransomware', 'databreach'], search: 'kebocoran data pelanggan', unreadOnly: true, unread, measure };
        for (let w = 38; w <= 120; w++) {
          const l = headerLayout(p, w);
          const text = line(l, m, lang);
          expect(displayWidth(text), `${lang} ${w}`).toBeLessThanOrEqual(w);
          expect([m.unreadCount(unread), m.unreadCountShort(unread)], `${lang} ${w}`).toContain(l.count);
          expect(text.endsWith(l.count)).toBe(true);
        }
      }
    }
  });
});

describe('typedLine', () => {
  it('takes the fullest hint that fits, then a shorter one, then none; a long text shows its end and the cursor', () => {
    const hints = ['URL [--lang id|en] · Enter adds · Esc cancels', 'Enter adds · Esc cancels'];
    expect(typedLine(measure, 'Add feed: ', 'x', hints, 80)).toBe('Add feed: x█   URL [--lang id|en] · Enter adds · Esc cancels');
    expect(typedLine(measure, 'Add feed: ', 'x', hints, 40)).toBe('Add feed: x█   Enter adds · Esc cancels');
    expect(typedLine(measure, 'Add feed: ', 'https://example.com/rss', hints, 36)).toBe('Add feed: https://example.com/rss█');
    const cut = typedLine(measure, 'Add feed: ', 'https://example.com/a/long/feed.xml', hints, 30);
    expect(cut).toBe('Add feed: …om/a/long/feed.xml█');
    expect(displayWidth(cut)).toBe(30);
  });
});
