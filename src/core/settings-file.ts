/**
 * Writing one setting into a settings file a person may have written by hand: only the text of that key's
 * value changes (or the key is added before the closing brace, or removed with its comma); every other byte —
 * unknown keys, values cyberread could not use, the person's indentation and line breaks — stays as it was.
 * The file is replaced atomically (a temporary file renamed over it), keeping its permissions.
 */
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from './types.js';

interface Property {
  key: string;
  /** Offsets in the text: where the key's opening quote starts, and where its value starts and ends. */
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

interface TopLevel {
  open: number;
  close: number;
  props: Property[];
}

const WS = /[ \t\n\r]/;

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.test(text[i] as string)) i++;
  return i;
}

/** The index just after the JSON string starting at text[i] === '"'. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  throw new SyntaxError('unterminated string');
}

/** The index just after the JSON value starting at text[i]. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') {
        j = skipString(text, j) - 1;
      } else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new SyntaxError('unterminated value');
  }
  let j = i;
  while (j < text.length && !/[,}\] \t\n\r]/.test(text[j] as string)) j++;
  if (j === i) throw new SyntaxError('missing value');
  return j;
}

/** The top-level object's properties with their places in the text. Throws SyntaxError for text that is not an object. */
function scan(text: string): TopLevel {
  let i = skipWs(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[i] !== '{') throw new SyntaxError('not an object');
  const open = i;
  const props: Property[] = [];
  i = skipWs(text, i + 1);
  if (text[i] === '}') return { open, close: i, props };
  for (;;) {
    if (text[i] !== '"') throw new SyntaxError('expected a key');
    const keyStart = i;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    i = skipWs(text, keyEnd);
    if (text[i] !== ':') throw new SyntaxError('expected a colon');
    const valueStart = skipWs(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    props.push({ key, keyStart, valueStart, valueEnd });
    i = skipWs(text, valueEnd);
    if (text[i] === ',') {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === '}') return { open, close: i, props };
    throw new SyntaxError('expected a comma or a closing brace');
  }
}

/** The whitespace a line starts with, for the line holding offset `at`. */
function lineIndent(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** A value as JSON, indented like the file (its unit of indentation, continued from the property's line). */
function render(value: unknown, unit: string, base: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${base}`);
}

/**
 * `text` with the top-level `key` set to `value` (removed when undefined), everything else as it was.
 * Throws SyntaxError when `text` is not a JSON object.
 */
export function editSetting(text: string, key: string, value: unknown): string {
  const top = scan(text);
  const props = top.props.filter((p) => p.key === key);
  // JSON.parse keeps the last of duplicate keys: that is the one in force
  const at = props[props.length - 1];
  const first = top.props[0];
  const indent = first !== undefined ? lineIndent(text, first.keyStart) : '\t';
  const unit = indent === '' ? '  ' : indent;
  if (at !== undefined) {
    if (value !== undefined) return text.slice(0, at.valueStart) + render(value, unit, lineIndent(text, at.keyStart)) + text.slice(at.valueEnd);
    const i = top.props.indexOf(at);
    const prev = top.props[i - 1];
    const next = top.props[i + 1];
    // from the end of the property before (its comma goes with the removed one) or, for the first, to the next key
    if (prev !== undefined) return text.slice(0, prev.valueEnd) + text.slice(at.valueEnd);
    if (next !== undefined) return text.slice(0, at.keyStart) + text.slice(next.keyStart);
    return text.slice(0, top.open + 1) + text.slice(top.close);
  }
  if (value === undefined) return text;
  const entry = `${JSON.stringify(key)}: ${render(value, unit, indent)}`;
  const last = top.props[top.props.length - 1];
  if (last === undefined) {
    const closeIndent = lineIndent(text, top.close);
    return `${text.slice(0, top.open + 1)}\n${unit}${entry}\n${closeIndent}${text.slice(top.close)}`;
  }
  const sep = text.slice(top.open + 1, first?.keyStart).includes('\n') ? `,\n${indent}` : ', ';
  return text.slice(0, last.valueEnd) + sep + entry + text.slice(last.valueEnd);
}

/** Writes `text` over `path` atomically, keeping the file's permissions when it exists. */
export function replaceFile(path: string, text: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { mode: mode ?? 0o600 });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    throw error;
  }
}

/**
 * Sets (or removes, for undefined) one top-level setting in the file at `path`, creating the file when it
 * does not exist. Returns the new text.
 */
export function writeSetting(path: string, key: string, value: unknown): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    text = '';
  }
  const next = text.trim() === '' ? `${JSON.stringify(value === undefined ? {} : { [key]: value }, null, '\t')}\n` : editSetting(text, key, value);
  replaceFile(path, next);
  return next;
}

/** What the command line needs from the settings before it opens them (see peekSettings). */
export interface SettingsPeek {
  /** The language chosen in the reader, for messages printed before the settings are open. */
  lang: Edition | undefined;
  /** How many feeds are listed, and whether a sync server is set up: whether `refresh` starts its thread early. */
  feeds: number;
  sync: boolean;
}

const NOTHING: SettingsPeek = { lang: undefined, feeds: 0, sync: false };

/**
 * The settings file in `configDir`, read once without the settings library (which costs more to load than
 * most commands take): its "lang", how many feeds it lists and whether it sets up sync. A missing, unreadable
 * or corrupt file reads as nothing set; opening the settings afterwards says what is wrong with it.
 */
export function peekSettings(configDir: string): SettingsPeek {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8').replace(/^\ufeff/, ''));
  } catch {
    return NOTHING;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOTHING;
  const { lang, feeds, sync } = value as { lang?: unknown; feeds?: unknown; sync?: unknown };
  return {
    lang: lang === 'id' || lang === 'en' ? lang : undefined,
    feeds: Array.isArray(feeds) ? feeds.length : 0,
    sync: sync !== undefined,
  };
}
