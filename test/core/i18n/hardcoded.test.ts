import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every sentence a user reads comes from the message tables (src/core/i18n), in both languages. This finds
 * English prose written as a string anywhere else in src/: a string of several words with an English
 * function word in it ("Could not find …", "The cache is …"). What it finds must either move into the
 * tables or be one of the strings below, which no user reads, each with the reason.
 */
const NEVER_SHOWN: Record<string, { text: string; why: string }[]> = {
  'src/cli/args.ts': [{ text: 'The command line could not be read.', why: 'UsageError: run.ts prints its `say` in the user\'s language, never this message' }],
  'src/core/feeds/parse.ts': [
    { text: 'parsed with the lenient fallback', why: 'a parse warning for tests and benchmarks; nothing prints feed warnings' },
    { text: 'kept the first', why: 'the same: a parse warning' },
  ],
  'src/core/feeds/pipeline.ts': [
    { text: 'The feed worker stopped unexpectedly.', why: 'WorkerGone: the job is then done on this thread, never reported' },
    { text: 'No feed worker is available.', why: 'WorkerGone, as above' },
  ],
  'src/core/settings-file.ts': [{ text: 'expected a comma or a closing brace', why: 'caught by Config.set and told as errSettingsChanged' }],
  'src/core/store/open-store.ts': [{ text: 'file is not a database', why: 'an internal SQLITE_CORRUPT error that moves the file aside' }],
  'src/core/store/sqlite.ts': [{ text: 'Articles prepared for another feed cannot be saved under', why: 'a bug in the caller, not a user error' }],
  'src/core/article/extract-thread.ts': [
    { text: 'The extraction was cancelled.', why: 'an AbortError: a cancelled page fetch is not reported' },
    { text: 'The page could not be read as an article.', why: 'ExtractError (too-complex): told by its code, like extract.ts' },
    { text: 'The extractor is closed.', why: 'a call after close(), a bug in the caller' },
  ],
  'src/core/article/extract.ts': [
    { text: 'The page', why: 'ExtractError carries a code (timeout, too-large, not-html, no-article); its message is for logs' },
    { text: 'Reading the page took longer than', why: 'ExtractError, as above' },
  ],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The source with comments blanked out (line numbers kept). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
const FUNCTION_WORD = /\b(the|is|are|not|an?|to|of|and|or|cannot|could|was|be|no|it|its|must|use|run|check|please|try|failed)\b/i;

function englishProse(s: string): boolean {
  const text = s.replace(/\$\{[^}]*\}/g, ' X ');
  if ((text.match(/ /g) ?? []).length < 3) return false;
  const words = text.match(/\b[A-Za-z]{2,}\b/g) ?? [];
  if (words.length < 4) return false;
  // SQL, paths and patterns are not prose
  if (/\b(SELECT|INSERT|UPDATE|DELETE|CREATE|WHERE|FROM|JOIN|CASE|WHEN)\b|\.js\b|\\[dsw]|= \?|\b[a-z]\d?\.[a-z_]+\b/.test(s)) return false;
  return FUNCTION_WORD.test(text);
}

describe('user-facing English outside the message tables', () => {
  it('there is none in src/ but the strings no user reads', () => {
    const found: string[] = [];
    const root = join(process.cwd(), 'src');
    for (const file of sources(root)) {
      const name = relative(process.cwd(), file).split('\\').join('/');
      if (name.startsWith('src/core/i18n/')) continue;
      const text = code(readFileSync(file, 'utf8'));
      for (const m of text.matchAll(STRING)) {
        const s = m[0].slice(1, -1);
        if (!englishProse(s)) continue;
        if ((NEVER_SHOWN[name] ?? []).some((a) => s.includes(a.text))) continue;
        found.push(`${name}:${text.slice(0, m.index).split('\n').length}: ${s.slice(0, 90)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('finds a sentence written in a command, so the check above can fail', () => {
    expect(englishProse('Could not find ${host}: no such host. Check the address.')).toBe(true);
    expect(englishProse('SELECT count(*) FROM articles WHERE read = 0')).toBe(false);
    expect(englishProse('./hooks/use-articles.js')).toBe(false);
  });
});
