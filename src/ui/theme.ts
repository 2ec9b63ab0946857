import { createContext, useContext } from 'react';
import { resolveTheme, type Role, type RoleStyle, type Theme } from '../core/theme.js';

/**
 * The colours of the roles the reader draws (core/theme.ts), given by App from the settings and the terminal's
 * colour depth. Without a provider (component tests): the dark theme in the 16 colours.
 */
export const ThemeContext = createContext<Theme>(resolveTheme(undefined, 1));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** Ink <Text> props of some roles, later ones over earlier ones. */
export function textProps(theme: Theme, ...roles: (Role | false | null | undefined)[]): {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  italic?: boolean;
  inverse?: boolean;
  underline?: boolean;
} {
  const s: RoleStyle = {};
  for (const r of roles) if (r) Object.assign(s, theme[r]);
  const out: ReturnType<typeof textProps> = {};
  if (s.color !== undefined) out.color = s.color;
  if (s.backgroundColor !== undefined) out.backgroundColor = s.backgroundColor;
  if (s.bold) out.bold = true;
  if (s.dim) out.dimColor = true;
  if (s.italic) out.italic = true;
  if (s.inverse) out.inverse = true;
  if (s.underline) out.underline = true;
  return out;
}
