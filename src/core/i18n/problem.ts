import { en } from './en.js';
import { id } from './id.js';
import type { Messages, MessageKey, UiLang } from './messages.js';
import { bound, sanitizeLine } from '../sanitize.js';

/**
 * A failure told in words of the message tables, not in one language: the key of a sentence in
 * en.ts / id.ts (all named errSomething) and the values to put in it. Plain data, so it crosses worker
 * threads and is stored in the cache (feeds.last_error, as JSON), and each reader of it shows it in the
 * language they use: the same fetch error reads English in `--lang en refresh` and Indonesian in the
 * reader's failed-feeds view.
 */
// "errors…" are the failed-feeds view's labels, not problems
export type ProblemKey = Exclude<Extract<MessageKey, `err${string}`>, `errors${string}`>;
type ArgsOf<K extends ProblemKey> = Messages[K] extends (...a: infer A) => string ? A : [];
/** A text argument may itself be a problem (a reason inside a warning): told in the same language. */
type Nested<A> = { [I in keyof A]: A[I] extends string ? string | Problem : A[I] };
export type Problem = { [K in ProblemKey]: { key: K; args: Nested<ArgsOf<K>> } }[ProblemKey];
export type ProblemArg = string | number | Problem;

/** A problem with its words checked against the English table's sentence for `key`. */
export function problem<K extends ProblemKey>(key: K, ...args: Nested<ArgsOf<K>>): Problem {
  return { key, args } as Problem;
}

/**
 * What a failure says: a Problem, or a sentence stored by a cyberread from before problems were codes (an old
 * cache's last_error), shown as it was written.
 */
export type Said = Problem | string;

const tables: Record<UiLang, Messages> = { en, id };

function isKey(key: unknown): key is ProblemKey {
  return typeof key === 'string' && /^err[A-Z]/.test(key) && Object.hasOwn(en, key);
}

/** The sentence for a problem (or an old sentence as it is) in a language (or its table). Arguments come out on one line. */
export function explain(said: Said, lang: UiLang | Messages): string {
  if (typeof said === 'string') return said;
  const table = typeof lang === 'string' ? tables[lang] : lang;
  const entry: unknown = table[said.key];
  // feed text among the arguments (a host, a path, a server's own words) is kept to one clean line; a
  // problem among them is told as its table writes it (it may start the sentence: errSyncOffline)
  const args = (said.args as readonly ProblemArg[]).map((a) =>
    typeof a === 'string' ? bound(sanitizeLine(a), 300) : typeof a === 'number' ? a : explain(a, table),
  );
  return typeof entry === 'function' ? (entry as (...a: (string | number)[]) => string)(...args) : String(entry);
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { key?: unknown; args?: unknown };
  return isKey(v.key) && Array.isArray(v.args) && v.args.every((a) => typeof a === 'string' || typeof a === 'number' || isProblem(a));
}

/** How a problem is kept in a text column. */
export function storeProblem(said: Said): string {
  return typeof said === 'string' ? said : JSON.stringify({ key: said.key, args: said.args });
}

/**
 * A text column back as what it said: a problem stored by storeProblem, or, for a cache written before
 * problems were stored as codes (or a key this version does not know), the text itself.
 */
export function readProblem(text: string): Said {
  if (!text.startsWith('{"key":')) return text;
  try {
    const value: unknown = JSON.parse(text);
    return isProblem(value) ? value : text;
  } catch {
    return text;
  }
}

/**
 * An error that carries a Problem. Its `message` is the English sentence, for logs and for code that only
 * knows Error; whatever shows it to a user asks `problemOf` and explains it in the user's language.
 */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    options?: { cause?: unknown },
  ) {
    super(explain(problem, 'en'), options);
    this.name = 'ProblemError';
  }
}

/**
 * What an error says. A ProblemError (or any error carrying a `problem`) says its problem; anything else is
 * not one of ours (a bug, a library's own words): its message goes in errUnexpected.
 */
export function problemOf(error: unknown): Problem {
  if (typeof error === 'object' && error !== null && 'problem' in error && isProblem((error as { problem: unknown }).problem)) {
    return (error as { problem: Problem }).problem;
  }
  const text = error instanceof Error ? error.message : String(error);
  return problem('errUnexpected', sanitizeLine(text) || '?');
}
