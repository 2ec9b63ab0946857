import { describe, expect, it } from 'vitest';
import { checkTheme, colorDepth, fitColor, parseColor, resolveTheme, ROLES } from '../../src/core/theme.js';

describe('colours', () => {
  it('reads names, #rrggbb, #rgb and 0-255, and nothing else', () => {
    expect(parseColor('cyan')).toEqual({ kind: 'basic', name: 'cyan' });
    expect(parseColor('Bright Red')).toEqual({ kind: 'basic', name: 'redBright' });
    expect(parseColor('grey')).toEqual({ kind: 'basic', name: 'gray' });
    expect(parseColor('#00AFAF')).toEqual({ kind: 'rgb', rgb: [0, 175, 175] });
    expect(parseColor('#0af')).toEqual({ kind: 'rgb', rgb: [0, 170, 255] });
    expect(parseColor(214)).toEqual({ kind: 'index', index: 214 });
    expect(parseColor('214')).toEqual({ kind: 'index', index: 214 });
    for (const bad of ['purplish', '#12345', '256', -1, 3.5, null, {}, '', 'red;']) expect(parseColor(bad), String(bad)).toBeNull();
  });

  it('falls back to what the terminal shows: truecolor → 256 → 16 → none', () => {
    const c = parseColor('#00afaf');
    if (c === null) throw new Error('colour');
    expect(fitColor(c, 3)).toBe('#00afaf');
    expect(fitColor(c, 2)).toBe('ansi256(37)');
    expect(fitColor(c, 1)).toBe('cyan');
    expect(fitColor(c, 0)).toBeUndefined();
    expect(fitColor({ kind: 'index', index: 214 }, 2)).toBe('ansi256(214)');
    expect(fitColor({ kind: 'index', index: 214 }, 1)).toBe('yellow');
    expect(fitColor({ kind: 'index', index: 9 }, 1)).toBe('redBright');
    expect(fitColor({ kind: 'index', index: 244 }, 1)).toBe('gray');
  });

  it('finds the depth the usual way: NO_COLOR, FORCE_COLOR, COLORTERM, TERM', () => {
    expect(colorDepth({ NO_COLOR: '1', FORCE_COLOR: '3', COLORTERM: 'truecolor' }, true)).toBe(0);
    expect(colorDepth({ NO_COLOR: '' , TERM: 'xterm' }, true)).toBe(1);
    expect(colorDepth({ FORCE_COLOR: '2' }, false)).toBe(2);
    expect(colorDepth({ FORCE_COLOR: '0', COLORTERM: 'truecolor' }, true)).toBe(0);
    expect(colorDepth({ FORCE_COLOR: 'true' }, false)).toBe(1);
    expect(colorDepth({ COLORTERM: 'truecolor', TERM: 'xterm-256color' }, true)).toBe(3);
    expect(colorDepth({ TERM: 'xterm-256color' }, true)).toBe(2);
    expect(colorDepth({ TERM: 'xterm' }, true)).toBe(1);
    expect(colorDepth({ TERM: 'dumb' }, true)).toBe(0);
    expect(colorDepth({ TERM: 'xterm-256color' }, false)).toBe(0);
  });
});

describe('themes', () => {
  it('every role of every theme resolves; nothing at all without colour', () => {
    for (const name of ['dark', 'light', 'mono'] as const) {
      const t = resolveTheme(name, 3);
      expect(Object.keys(t).sort()).toEqual([...ROLES].sort());
      for (const r of ROLES) expect(resolveTheme(name, 0)[r]).toEqual({});
    }
    expect(resolveTheme(undefined, 1)).toEqual(resolveTheme('dark', 1));
  });

  it('light is readable on a light background: no yellow, cyan or white text; mono has no colour', () => {
    for (const [role, s] of Object.entries(resolveTheme('light', 1))) {
      expect(s.color ?? 'none', role).not.toMatch(/yellow|cyan|white/i);
    }
    for (const s of Object.values(resolveTheme('mono', 3))) expect(s.color ?? s.backgroundColor).toBeUndefined();
  });

  it("a user's colours replace the base theme's for their roles, fitted to the depth", () => {
    const t = resolveTheme({ base: 'light', tag: '#00afaf', star: 214, selection: 'blue', dim: 'gray' }, 2);
    expect(t.tag).toEqual({ color: 'ansi256(37)' });
    expect(t.star).toEqual({ color: 'ansi256(214)' });
    // the selection becomes a coloured bar rather than reversed text; a coloured dim is not also faint
    expect(t.selection).toEqual({ backgroundColor: 'blue', inverse: false });
    expect(t.dim).toEqual({ dim: false, color: 'gray' });
    expect(t.header).toEqual(resolveTheme('light', 2).header);
  });

  it('checks a setting part by part', () => {
    expect(checkTheme('light')).toEqual({ setting: 'light', problems: [] });
    expect(checkTheme('solarized')).toEqual({ setting: undefined, problems: [{ kind: 'name', value: 'solarized' }] });
    expect(checkTheme(['dark'])).toEqual({ setting: undefined, problems: [{ kind: 'shape' }] });
    expect(checkTheme({ tag: 'teal-ish', star: 214, bogus: 'red', base: 'sepia' })).toEqual({
      setting: { star: 214 },
      problems: [
        { kind: 'color', role: 'tag', value: 'teal-ish' },
        { kind: 'role', role: 'bogus' },
        { kind: 'name', value: 'sepia' },
      ],
    });
  });
});
