/**
 * Colour themes: the roles the reader draws, the built-in themes (dark, light, mono), a user's colours
 * (names, #rrggbb, 0–255), and their fallback to what the terminal can show (truecolor → 256 → 16 → none).
 * Plain data in, plain data out: the UI turns a resolved role into Ink's props.
 */

export const ROLES = ['selection', 'unread', 'star', 'tag', 'header', 'error', 'link', 'quote', 'code', 'dim'] as const;
export type Role = (typeof ROLES)[number];

export const THEME_NAMES = ['dark', 'light', 'mono'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** What the settings hold: a theme's name, or colours per role over a base theme ("dark" unless "base" says). */
export type ThemeSetting = ThemeName | ({ base?: ThemeName } & Partial<Record<Role, string | number>>);

/** 0: no colour or style at all (NO_COLOR), 1: the 16 colours, 2: 256, 3: 24-bit. */
export type ColorDepth = 0 | 1 | 2 | 3;

/** How a role is drawn: Ink colour strings already fitted to the terminal's depth, and text attributes. */
export interface RoleStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export type Theme = Record<Role, RoleStyle>;

/** The 16 colours by name, with the RGB most terminals give them (xterm's), for the nearest-colour fallback. */
const BASIC: Record<string, readonly [number, number, number]> = {
  black: [0, 0, 0],
  red: [205, 0, 0],
  green: [0, 205, 0],
  yellow: [205, 205, 0],
  blue: [0, 0, 238],
  magenta: [205, 0, 205],
  cyan: [0, 205, 205],
  white: [229, 229, 229],
  gray: [127, 127, 127],
  redBright: [255, 0, 0],
  greenBright: [0, 255, 0],
  yellowBright: [255, 255, 0],
  blueBright: [92, 92, 255],
  magentaBright: [255, 0, 255],
  cyanBright: [0, 255, 255],
  whiteBright: [255, 255, 255],
};
/** The basic colours in xterm's index order (0–15), as chalk names them. */
const BASIC_ORDER = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright'];
/** Spellings people write for the basic colours. */
const ALIASES: Record<string, string> = { grey: 'gray', brightblack: 'gray', brightred: 'redBright', brightgreen: 'greenBright', brightyellow: 'yellowBright', brightblue: 'blueBright', brightmagenta: 'magentaBright', brightcyan: 'cyanBright', brightwhite: 'whiteBright' };

/** A colour as written in the settings, understood: a basic colour, an index of the 256, or 24-bit RGB. */
export type Color = { kind: 'basic'; name: string } | { kind: 'index'; index: number } | { kind: 'rgb'; rgb: readonly [number, number, number] };

/** Reads a colour: a name ("cyan", "bright red", "grey"), "#rrggbb" / "#rgb", or 0–255. Null when it is none. */
export function parseColor(value: unknown): Color | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 255 ? { kind: 'index', index: value } : null;
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (/^\d{1,3}$/.test(v)) return parseColor(Number(v));
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(v);
  if (hex !== null) {
    const h = (hex[1] as string).length === 3 ? [...(hex[1] as string)].map((c) => c + c).join('') : (hex[1] as string);
    return { kind: 'rgb', rgb: [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)] };
  }
  const key = v.toLowerCase().replace(/[\s_-]+/g, '');
  const name = ALIASES[key] ?? BASIC_ORDER.find((n) => n.toLowerCase() === key);
  return name === undefined ? null : { kind: 'basic', name };
}

/** RGB of an index of the 256: the 16, the 6×6×6 cube, the 24 greys. */
function rgbOfIndex(i: number): readonly [number, number, number] {
  if (i < 16) return BASIC[BASIC_ORDER[i] as string] as readonly [number, number, number];
  if (i >= 232) {
    const g = 8 + (i - 232) * 10;
    return [g, g, g];
  }
  const c = i - 16;
  const level = (x: number): number => (x === 0 ? 0 : 55 + x * 40);
  return [level(Math.floor(c / 36)), level(Math.floor(c / 6) % 6), level(c % 6)];
}

function distance(a: readonly number[], b: readonly number[]): number {
  return (a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2 + (a[2]! - b[2]!) ** 2;
}

/** The nearest of the 256 (cube or grey ramp; the 16 vary between terminals, so they are not aimed at). */
function nearestIndex(rgb: readonly [number, number, number]): number {
  let best = 16;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 16; i < 256; i++) {
    const d = distance(rgb, rgbOfIndex(i));
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

function nearestBasic(rgb: readonly [number, number, number]): string {
  let best = 'white';
  let bestD = Number.POSITIVE_INFINITY;
  for (const name of BASIC_ORDER) {
    const d = distance(rgb, BASIC[name] as readonly number[]);
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}

/** A colour as Ink's color prop takes it, at what the terminal shows: "#rrggbb", "ansi256(n)" or a name. */
export function fitColor(c: Color, depth: ColorDepth): string | undefined {
  if (depth === 0) return undefined;
  if (c.kind === 'basic') return c.name;
  if (c.kind === 'index') {
    if (c.index < 16) return BASIC_ORDER[c.index];
    return depth >= 2 ? `ansi256(${c.index})` : nearestBasic(rgbOfIndex(c.index));
  }
  if (depth === 3) return `#${c.rgb.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
  if (depth === 2) return `ansi256(${nearestIndex(c.rgb)})`;
  return nearestBasic(c.rgb);
}

/**
 * What the terminal can show, the usual way: NO_COLOR (any value) turns everything off; FORCE_COLOR 0–3 (or
 * true/false) sets it; else COLORTERM truecolor/24bit, a 256-colour TERM or a terminal known to have 24-bit
 * colour, 16 otherwise, none for TERM=dumb or when the output is not a terminal.
 */
export function colorDepth(env: Record<string, string | undefined>, isTTY: boolean): ColorDepth {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    if (/^[0-3]$/.test(force)) return Number(force) as ColorDepth;
  }
  if (!isTTY) return 0;
  const term = (env.TERM ?? '').toLowerCase();
  if (term === 'dumb') return 0;
  if (/^(truecolor|24bit)$/i.test(env.COLORTERM ?? '')) return 3;
  if (['iTerm.app', 'WezTerm', 'vscode'].includes(env.TERM_PROGRAM ?? '') || /kitty|alacritty|direct/.test(term)) return 3;
  if (/256/.test(term)) return 2;
  return 1;
}

type Spec = { [R in Role]: Omit<RoleStyle, 'color' | 'backgroundColor'> & { color?: Color; backgroundColor?: Color } };

const basic = (name: string): Color => ({ kind: 'basic', name });

/** The built-in themes. Dark: colours that read on a black terminal. Light: none of yellow, cyan or white (lost on white). Mono: attributes only. */
const THEMES: Record<ThemeName, Spec> = {
  dark: {
    selection: { inverse: true },
    unread: { bold: true },
    star: { color: basic('yellow') },
    tag: { color: basic('cyan') },
    header: { bold: true },
    error: { color: basic('red') },
    link: { color: basic('cyan') },
    quote: { italic: true, color: basic('green') },
    code: { color: basic('magenta') },
    dim: { dim: true },
  },
  light: {
    selection: { inverse: true },
    unread: { bold: true },
    star: { color: basic('magenta') },
    tag: { color: basic('blue') },
    header: { bold: true, color: basic('blue') },
    error: { color: basic('red') },
    link: { color: basic('blue') },
    quote: { italic: true, color: basic('green') },
    code: { color: basic('magenta') },
    dim: { dim: true },
  },
  mono: {
    selection: { inverse: true },
    unread: { bold: true },
    star: { bold: true },
    tag: { underline: true },
    header: { bold: true },
    error: { bold: true },
    link: { underline: true },
    quote: { italic: true },
    code: {},
    dim: { dim: true },
  },
};

/**
 * The theme of a setting (already checked: checkTheme) at a colour depth. A user's colour for a role replaces
 * the base theme's colour (for the selection: the bar's background). At depth 0 nothing is styled at all.
 */
export function resolveTheme(setting: ThemeSetting | undefined, depth: ColorDepth): Theme {
  const baseName: ThemeName = setting === undefined ? 'dark' : typeof setting === 'string' ? setting : (setting.base ?? 'dark');
  const out = {} as Theme;
  for (const role of ROLES) {
    if (depth === 0) {
      out[role] = {};
      continue;
    }
    const spec = { ...THEMES[baseName][role] };
    const own = typeof setting === 'object' ? parseColor(setting[role]) : null;
    if (own !== null) {
      if (role === 'selection') {
        spec.backgroundColor = own;
        spec.inverse = false;
      } else {
        spec.color = own;
        // a colour of its own for dim text replaces the faint attribute, which would dim that colour too
        if (role === 'dim') spec.dim = false;
      }
    }
    const { color, backgroundColor, ...attrs } = spec;
    const style: RoleStyle = { ...attrs };
    const fg = color === undefined ? undefined : fitColor(color, depth);
    const bg = backgroundColor === undefined ? undefined : fitColor(backgroundColor, depth);
    if (fg !== undefined) style.color = fg;
    if (bg !== undefined) style.backgroundColor = bg;
    out[role] = style;
  }
  return out;
}

/** Why part of a theme setting cannot be used: what the settings report, key by key. */
export type ThemeProblem = { kind: 'shape' } | { kind: 'name'; value: string } | { kind: 'role'; role: string } | { kind: 'color'; role: string; value: string };

/** A theme setting as written, checked: what can be used, and a problem for each part that cannot. */
export function checkTheme(value: unknown): { setting: ThemeSetting | undefined; problems: ThemeProblem[] } {
  if (value === undefined) return { setting: undefined, problems: [] };
  if (typeof value === 'string') {
    return (THEME_NAMES as readonly string[]).includes(value)
      ? { setting: value as ThemeName, problems: [] }
      : { setting: undefined, problems: [{ kind: 'name', value }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { setting: undefined, problems: [{ kind: 'shape' }] };
  const problems: ThemeProblem[] = [];
  const setting: { base?: ThemeName } & Partial<Record<Role, string | number>> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'base') {
      if (typeof v === 'string' && (THEME_NAMES as readonly string[]).includes(v)) setting.base = v as ThemeName;
      else problems.push({ kind: 'name', value: String(v) });
    } else if (!(ROLES as readonly string[]).includes(key)) {
      problems.push({ kind: 'role', role: key });
    } else if (parseColor(v) === null) {
      problems.push({ kind: 'color', role: key, value: typeof v === 'string' ? v : JSON.stringify(v) ?? String(v) });
    } else {
      setting[key as Role] = v as string | number;
    }
  }
  return { setting, problems };
}
