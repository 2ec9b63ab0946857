import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type React from 'react';
import { resolveTheme } from '../../src/core/theme.js';
import type { SqliteStore } from '../../src/core/store/sqlite.js';
import { testServices } from '../helpers/services.js';
import { article, removeTempStores, storeWith } from './fixtures.js';

// Colours are only in the escape codes: this file renders with chalk at 24 bits, as the reader sets it from the
// terminal's depth (tui.tsx), and looks at the codes around what each role draws.
type Render = (tree: React.ReactElement) => { lastFrame(): string | undefined; unmount(): void; stdin: { write(s: string): void } };
let render: Render;
let App: typeof import('../../src/ui/App.js').App;
let level = 0;
beforeAll(async () => {
  const chalk = (await import('chalk')).default;
  level = chalk.level;
  chalk.level = 3;
  render = (await import('ink-testing-library')).render as unknown as Render;
  App = (await import('../../src/ui/App.js')).App;
});
afterAll(async () => {
  (await import('chalk')).default.level = level as 0 | 1 | 2 | 3;
  removeTempStores();
});

const fg = (r: number, g: number, b: number): string => `\u001b[38;2;${r};${g};${b}m`;
const CYAN = '\u001b[36m';
const YELLOW = '\u001b[33m';
const MAGENTA = '\u001b[35m';
const BLUE = '\u001b[34m';
const SGR = /\u001b\[[0-9;]*m/;

async function frameOf(theme: ReturnType<typeof resolveTheme> | undefined): Promise<string> {
  const store: SqliteStore = storeWith([article({ id: 'a1', title: 'Judul satu', tags: ['databreach', 'bank'] })]);
  store.mark(['a1'], { starred: true });
  const services = { ...testServices(store), ...(theme ? { theme } : {}) };
  const r = render(<App services={services} initialLang="id" rows={12} columns={90} />);
  for (let i = 0; i < 100 && !(r.lastFrame() ?? '').includes('Judul satu'); i++) await new Promise((res) => setTimeout(res, 10));
  const f = r.lastFrame() ?? '';
  r.unmount();
  store.close();
  return f;
}

describe('themes in the reader', () => {
  it('the dark theme (default): star yellow, tags cyan', async () => {
    const f = await frameOf(undefined);
    expect(f).toContain(`${YELLOW}★`);
    expect(f).toContain(`${CYAN}#databreach #bank`);
  });

  it('the light theme: no yellow or cyan; a user colour in 24 bits where the terminal has them', async () => {
    const light = await frameOf(resolveTheme('light', 3));
    expect(light).toContain(`${MAGENTA}★`);
    expect(light).toContain(`${BLUE}#databreach #bank`);
    expect(light).not.toContain(YELLOW);
    expect(light).not.toContain(CYAN);
    const own = await frameOf(resolveTheme({ tag: '#00afaf', star: '#ff8700' }, 3));
    expect(own).toContain(`${fg(0, 175, 175)}#databreach`);
    expect(own).toContain(`${fg(255, 135, 0)}★`);
    // the same setting on a 256-colour terminal
    expect(await frameOf(resolveTheme({ tag: '#00afaf' }, 2))).toContain('\u001b[38;5;37m#databreach');
  });

  it('with no colour depth (NO_COLOR) no role adds a code', async () => {
    const none = await frameOf(resolveTheme('dark', 0));
    // chalk is on in this file, so any code left would come from an explicit style, not a role
    const rows = none.split('\n').filter((l) => l.includes('Judul satu'));
    expect(rows[0]).not.toMatch(SGR);
  });
});
