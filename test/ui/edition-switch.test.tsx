import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type React from 'react';
import { messages } from '../../src/core/i18n/index.js';
import { displayWidth, truncate } from '../../src/core/render/text.js';
import type { UiLang } from '../../src/core/i18n/messages.js';
import type { ReaderDoc } from '../../src/ui/views/Reader.js';

// The switch is one component drawn two ways; only the colour codes tell them apart, so this file renders
// with colour on: chalk reads FORCE_COLOR when it loads, hence the imports after setting it.
type Render = (tree: React.ReactElement) => { lastFrame(): string | undefined; unmount(): void };
let render: Render;
let ui: {
  Header: typeof import('../../src/ui/components/Header.js').Header;
  headerLayout: typeof import('../../src/ui/components/Header.js').headerLayout;
  Reader: typeof import('../../src/ui/views/Reader.js').Reader;
  fit: typeof import('../../src/ui/components/Line.js').fit;
  viewTitle: typeof import('../../src/ui/views/ViewBody.js').viewTitle;
};
const saved = process.env.FORCE_COLOR;
beforeAll(async () => {
  process.env.FORCE_COLOR = '3';
  render = (await import('ink-testing-library')).render;
  const [{ Header, headerLayout }, { Reader }, { fit }, { viewTitle }] = await Promise.all([
    import('../../src/ui/components/Header.js'),
    import('../../src/ui/views/Reader.js'),
    import('../../src/ui/components/Line.js'),
    import('../../src/ui/views/ViewBody.js'),
  ]);
  ui = { Header, headerLayout, Reader, fit, viewTitle };
});
afterAll(() => {
  if (saved === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = saved;
});

const measure = { displayWidth, truncate: (s: string, w: number) => truncate(s, w) };
const BOLD = '\u001b[1m';
const NOT_BOLD = '\u001b[22m';

function frame(tree: React.ReactElement): string {
  const r = render(tree);
  const f = r.lastFrame() ?? '';
  r.unmount();
  return f;
}

function header(lang: UiLang, view: 'list' | 'errors', columns: number, tags: string[] = []): string {
  const m = messages(lang);
  const title = ui.viewTitle(m, view);
  const tree = <ui.Header m={m} lang={lang} title={title} tags={tags} search="" unreadOnly={false} unread={1234} columns={columns} measure={measure} />;
  return frame(tree).split('\n')[0] ?? '';
}

function editionLine(own: UiLang, other: boolean): string {
  const m = messages('id');
  const doc: ReaderDoc = { lines: [{ text: '', style: 'edition', edition: { own, other } }], relatedStart: 1, relatedCount: 0 };
  return frame(<ui.Reader m={m} doc={doc} scroll={0} height={1} columns={80} focusRelated={false} related={0} measure={measure} />);
}

describe('the IND | ENG switch', () => {
  it('is plain in the header: one bold line, the layout that fits, the count never cut', () => {
    expect(header('id', 'list', 80)).toBe(`${BOLD} cyberread · ${messages('id').viewList}   [IND] | ENG   1.234 belum dibaca${NOT_BOLD}`);
    expect(header('en', 'list', 80)).toBe(`${BOLD} cyberread · Articles   IND | [ENG]   1,234 unread${NOT_BOLD}`);
    for (const lang of ['id', 'en'] as const) {
      const m = messages(lang);
      for (const view of ['list', 'errors'] as const) {
        const edition = lang === 'id' ? '[IND] | ENG' : 'IND | [ENG]';
        const p = { m, lang, title: ui.viewTitle(m, view), tags: ['ransomware'], search: '', unreadOnly: false, unread: 1234, measure };
        for (let columns = 40; columns <= 90; columns++) {
          const l = ui.headerLayout(p, columns - 2);
          const text = [l.lead, edition, l.filters, l.count].filter((x) => x !== '').join(l.sep);
          expect(header(lang, view, columns, ['ransomware']), `${lang} ${view} ${columns}`).toBe(`${BOLD} ${text}${NOT_BOLD}`);
          expect(text.endsWith(l.count)).toBe(true);
          expect([m.unreadCount(1234), m.unreadCountShort(1234)]).toContain(l.count);
        }
      }
    }
  });

  it('in the reader marks its own edition bold and the other cyan when cached, else dim and struck through', () => {
    const dimBar = '\u001b[2m | ';
    expect(editionLine('id', false)).toBe(` ${BOLD}[IND]${NOT_BOLD}${dimBar}\u001b[9mENG${NOT_BOLD}\u001b[29m`);
    expect(editionLine('id', true)).toBe(
      ` ${BOLD}[IND]${NOT_BOLD}${dimBar}${NOT_BOLD}${BOLD}\u001b[36mENG\u001b[39m${NOT_BOLD}\u001b[2m · L membuka edisi bahasa lain${NOT_BOLD}`,
    );
    expect(editionLine('en', true)).toBe(
      ` ${BOLD}\u001b[36mIND\u001b[39m${NOT_BOLD}${dimBar}${NOT_BOLD}${BOLD}[ENG]${NOT_BOLD}\u001b[2m · L membuka edisi bahasa lain${NOT_BOLD}`,
    );
  });
});
