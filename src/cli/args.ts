import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliMessages } from '../core/i18n/cli.js';

/**
 * What every command takes, in one table (COMMANDS), and the parser that holds each command line to it:
 * an option a command does not use, a word too many or one missing is refused with one sentence (exit 2)
 * before the command runs, the same way for every command.
 *
 * To add an option: put it in OPTIONS (once, with its type) and its name in the `options` of each command
 * that uses it. To add a command: a COMMANDS entry (its options, its words) and a `case` in run.ts. A
 * command whose words depend on an option (say `mark --all` with no ID) declares the loosest count here and
 * checks the rest itself.
 */

/** A failure of the command line itself; the sentence is made in the user's language when it is printed. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    readonly say: (m: CliMessages) => string,
    readonly command?: string,
  ) {
    super('The command line could not be read.');
  }
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>[string];

/** Every option of every command, each defined once. */
export const OPTIONS = {
  home: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  demo: { type: 'boolean' },
  tag: { type: 'string', multiple: true },
  title: { type: 'string' },
  force: { type: 'boolean' },
  unread: { type: 'boolean' },
  starred: { type: 'boolean' },
  search: { type: 'string' },
  query: { type: 'string' },
  feed: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  all: { type: 'boolean' },
  read: { type: 'boolean' },
  star: { type: 'boolean' },
  unstar: { type: 'boolean' },
  drop: { type: 'boolean' },
  // refresh --full and show --full; `feeds add --full MODE` takes a value (see CommandSpec.values)
  full: { type: 'boolean' },
  // sync setup's user; its password command comes after "--" as the program's own words (parseCommandLine)
  user: { type: 'string' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Options every command takes, before or after the command name. */
export const EVERYWHERE = ['home', 'lang', 'help', 'version', 'demo'] as const satisfies readonly OptionName[];

/** The words (arguments that are not options) a command takes: `name` as the help writes it, how many. */
export interface Words {
  name: string;
  min: number;
  max: number;
}

export interface CommandSpec {
  /** Options besides EVERYWHERE. */
  options: readonly OptionName[];
  /** Options that take a value here though they are switches elsewhere (`feeds add --full MODE`). */
  values?: readonly OptionName[];
  words: Words;
  /** `feeds add …`: the first word picks a subcommand with a spec of its own. */
  subcommands?: Readonly<Record<string, CommandSpec>>;
}

const none: Words = { name: '', min: 0, max: 0 };
const one = (name: string): Words => ({ name, min: 1, max: 1 });
const some = (name: string, min: 0 | 1): Words => ({ name, min, max: Infinity });

const feedsRemove: CommandSpec = { options: ['json'], words: one('URL') };

export const COMMANDS = {
  '': { options: ['tag'], words: none },
  feeds: {
    options: ['json'],
    words: none,
    subcommands: { add: { options: ['json', 'title', 'tag', 'full'], values: ['full'], words: one('URL') }, remove: feedsRemove, rm: feedsRemove },
  },
  refresh: { options: ['json', 'force', 'full'], words: some('URL', 0) },
  list: { options: ['json', 'tag', 'unread', 'starred', 'search', 'query', 'feed', 'limit', 'offset', 'all'], words: none },
  show: { options: ['json', 'full'], words: one('ID') },
  tags: { options: ['json', 'query'], words: none },
  // mark --all takes list's filters and no ID (mark.ts checks which of the two it got); --unread there is
  // the action, not a filter
  mark: { options: ['json', 'read', 'unread', 'star', 'unstar', 'all', 'tag', 'starred', 'search', 'feed', 'query'], words: some('ID', 0) },
  import: { options: ['json'], words: one('FILE.opml') },
  export: { options: [], words: none },
  // ignore [add QUERY [--drop] | remove QUERY] and views [add NAME QUERY | remove NAME]: their words are
  // queries, where "-" means "leave out" (see queryWordsLast); ignore.ts and views.ts check them
  ignore: { options: ['json', 'drop'], words: some('QUERY', 0) },
  views: { options: ['json'], words: some('NAME QUERY', 0) },
  vacuum: { options: ['json'], words: none },
  keys: { options: ['json'], words: none },
  // sync [setup ttrss URL --user NAME [-- PROGRAM…] | status | off]
  sync: {
    options: ['json'],
    words: none,
    subcommands: {
      setup: { options: ['json', 'user'], words: { name: 'ttrss URL', min: 2, max: 2 } },
      status: { options: ['json'], words: none },
      off: { options: ['json'], words: none },
    },
  },
  help: { options: [], words: { name: 'COMMAND', min: 0, max: 1 } },
} as const satisfies Record<string, CommandSpec>;

export type Command = keyof typeof COMMANDS;

export interface ParsedArgs {
  command: Command;
  /** The subcommand word (`add` of `feeds add`), when the command has subcommands and one was given. */
  subcommand?: string;
  /** The words after the command (and after the subcommand). */
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** `sync setup … -- PROGRAM ARG…`: the words after "--", a program's argv kept as typed (never a shell line). */
  passthrough?: string[];
}

function isCommand(name: string): name is Command {
  return Object.hasOwn(COMMANDS, name) && name !== '';
}

/** The option spec a parse uses: EVERYWHERE plus the command's own. */
function optionsOf(spec: CommandSpec): Record<string, OptionSpec> {
  const out: Record<string, OptionSpec> = {};
  for (const name of [...EVERYWHERE, ...spec.options]) out[name] = spec.values?.includes(name) ? { type: 'string' } : OPTIONS[name];
  return out;
}

function valueTaking(arg: string, options: Record<string, OptionSpec>): boolean {
  const spec = Object.entries(options).find(([long, o]) => `--${long}` === arg || ('short' in o && o.short && `-${o.short}` === arg));
  return spec?.[1].type === 'string';
}

/** Index of the first bare word from `start` on that is not an option's value (options of any command). */
function firstWord(argv: string[], start: number, options: Record<string, OptionSpec> = OPTIONS): number {
  for (let i = start; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') return -1;
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && valueTaking(arg, options)) i += 1;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * A word after an option that takes a value, starting with "-", that is that value: a negative number
 * ("--limit -1", so the option's own check can explain what is wrong), and after --query anything that is
 * not one of the command's options: "-" is the query language's "leave out" ("--query -#sponsored").
 */
function startsLikeValue(option: string, next: string, options: Record<string, OptionSpec>): boolean {
  if (/^-\d/.test(next)) return true;
  if (option !== '--query' || next === '-' || next === '--') return false;
  const name = next.split('=')[0] as string;
  return !Object.entries(options).some(([long, o]) => `--${long}` === name || ('short' in o && o.short !== undefined && `-${o.short}` === name));
}

/** The options first, then "--" and the other words in their order (so none of them is read as an option). */
function queryWordsLast(args: string[], options: Record<string, OptionSpec>): string[] {
  const opts: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    const name = arg.split('=')[0] as string;
    const known = arg.startsWith('-') && Object.entries(options).some(([long, o]) => `--${long}` === name || ('short' in o && o.short !== undefined && `-${o.short}` === name));
    if (!known) {
      words.push(arg);
      continue;
    }
    opts.push(arg);
    if (!arg.includes('=') && valueTaking(arg, options) && i + 1 < args.length) opts.push(args[(i += 1)] as string);
  }
  return [...opts, '--', ...words];
}

const where = (command: string): string => (command ? `cyberread ${command}` : 'cyberread');

/** Finds the command (and subcommand), parses their options, and checks the words against COMMANDS. */
export function parseCommandLine(argv: string[]): ParsedArgs {
  let command: Command = '';
  let rest = argv;
  const at = firstWord(argv, 0);
  if (at >= 0) {
    const word = argv[at] as string;
    if (!isCommand(word)) throw new UsageError((m) => m.unknownCommand(word));
    command = word;
    rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  }
  // `sync setup … -- pass show tt-rss`: the words after "--" are a program's argv, kept as typed
  let passthrough: string[] | undefined;
  if (command === 'sync' && rest.includes('--')) {
    passthrough = rest.slice(rest.indexOf('--') + 1);
    rest = rest.slice(0, rest.indexOf('--'));
  }
  let spec: CommandSpec = COMMANDS[command];
  let subcommand: string | undefined;
  let name: string = command;
  if (spec.subcommands) {
    // an option that takes a value in a subcommand (`feeds --full always add URL`) takes it before it too
    const ahead: Record<string, OptionSpec> = { ...OPTIONS };
    for (const sub of Object.values(spec.subcommands)) for (const name of sub.values ?? []) ahead[name] = { type: 'string' };
    const subAt = firstWord(rest, 0, ahead);
    const word = subAt >= 0 ? (rest[subAt] as string) : undefined;
    if (word !== undefined) {
      const sub = Object.hasOwn(spec.subcommands, word) ? spec.subcommands[word] : undefined;
      const subs = spec.subcommands;
      // aliases (rm for remove) are not offered
      const choices = Object.keys(subs).filter((k, i, all) => all.findIndex((x) => subs[x] === subs[k]) === i);
      if (sub === undefined) throw new UsageError((m) => m.unknownSubcommand(word, command, choices), command);
      spec = sub;
      subcommand = word;
      name = `${command} ${word}`;
      rest = [...rest.slice(0, subAt), ...rest.slice(subAt + 1)];
    }
  }
  const options = optionsOf(spec);
  // "--limit -1" and "--query -#ads" are values, not options: joined to their option (see startsLikeValue).
  const joined: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] as string;
    const next = rest[i + 1];
    if (arg === '--') {
      joined.push(...rest.slice(i));
      break;
    }
    if (arg.startsWith('--') && !arg.includes('=') && valueTaking(arg, options) && next !== undefined && startsLikeValue(arg, next, options)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else joined.push(arg);
  }
  // The words of `ignore add -#ads` and `views add Name '-lang:id …'` are queries, where "-" means "leave out":
  // such a word that is not one of the command's options is a word, not an unknown option.
  const args = command === 'ignore' || command === 'views' ? queryWordsLast(joined, options) : joined;
  let parsed: { values: ParsedArgs['values']; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw usageOf(error, command, name);
  }
  const { values, positionals } = parsed;
  // --help and --version answer whatever else the line holds.
  if (values.help !== true && values.version !== true) checkWords(spec.words, positionals, command, name);
  return { command, ...(subcommand === undefined ? {} : { subcommand }), positionals, values, ...(passthrough === undefined ? {} : { passthrough }) };
}

function checkWords(words: Words, given: string[], command: Command, name: string): void {
  if (given.length < words.min) throw new UsageError((m) => m.needArgument(words.name, name), command);
  if (given.length <= words.max) return;
  const extra = given.slice(words.max).join(' ');
  if (words.max === 0) throw new UsageError((m) => m.extraArguments(extra, name), command);
  throw new UsageError((m) => m.tooManyArguments(extra, words.name, name), command);
}

/** node:util's parse errors as sentences of the message table. */
function usageOf(error: unknown, command: Command, name: string): UsageError {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'(?:-\w, )?(--?[^' ]+)/.exec(text)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.hasOwn(OPTIONS, option.replace(/^--/, ''));
    return new UsageError((m) => (known ? m.optionNotHere(option, name) : m.unknownOption(option, name)), command);
  }
  if (/argument missing/.test(text)) return new UsageError((m) => m.optionNeedsValue(option), command);
  if (/ambiguous/.test(text)) return new UsageError((m) => m.optionValueLooksLikeOption(option), command);
  if (/does not take an argument/.test(text)) return new UsageError((m) => m.optionTakesNoValue(option), command);
  return new UsageError((m) => m.unreadableCommandLine(where(name)), command);
}

/** Whether --option takes the next word as its value (a string option of OPTIONS). */
function takesValue(option: string): boolean {
  return Object.hasOwn(OPTIONS, option) && OPTIONS[option as OptionName].type === 'string';
}

/**
 * What the line says before it is parsed, for the language to talk in: --lang (when it is one), --home, and
 * the command word.
 */
export function langOnLine(argv: string[]): { lang: 'id' | 'en' | undefined; home: string | undefined; command: string } {
  let lang: string | undefined;
  let home: string | undefined;
  let command = '';
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    if (a === '--') break;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
    if (name === '--lang') lang = value;
    else if (name === '--home') home = value;
    else if (command === '' && !a.startsWith('-')) command = a;
    // The next word is this option's value, never the command: `--home DIR feeds …` is the feeds command.
    if (eq < 0 && a.startsWith('--') && takesValue(a.slice(2))) i += 1;
  }
  const asked = lang?.toLowerCase();
  return { lang: asked === 'id' || asked === 'en' ? asked : undefined, home, command };
}
