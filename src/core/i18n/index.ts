import { en } from './en.js';
import { id } from './id.js';
import type { Messages, UiLang } from './messages.js';

export type { Messages, MessageKey, TextKey, UiLang } from './messages.js';
export { formatCount } from './messages.js';

const tables: Record<UiLang, Messages> = { en, id };

export function messages(lang: UiLang): Messages {
  return tables[lang];
}

/**
 * The interface language the locale asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set decides
 * (as setlocale does); Indonesian when it starts with "id" (id_ID.UTF-8) or is the old "in_ID".
 */
export function detectLocaleLang(env: Record<string, string | undefined>): UiLang {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  const v = value.toLowerCase();
  return /^id([_.@-]|$)/.test(v) || /^in_id/.test(v) ? 'id' : 'en';
}
