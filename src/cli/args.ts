import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cliMessages, type CliMessages } from '../core/i18n/cli.js';

/**
 * A command line that cannot be run, told from the CLI message table. The language is not known yet when the
 * arguments are read (it may be one of them), so the sentence is built when it is printed: `told(msg)`.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    readonly told: (msg: CliMessages) => string,
    readonly command?: string,
  ) {
    super(told(cliMessages('en')));
  }
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts, before or after the command name. */
export const GLOBAL_OPTIONS = {
  home: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  demo: { type: 'boolean' },
  tag: { type: 'string', multiple: true },
} as const satisfies OptionSpec;

export const COMMAND_OPTIONS = {
  '': {},
  feeds: { title: { type: 'string' }, full: { type: 'string' } },
  refresh: { force: { type: 'boolean' }, full: { type: 'boolean' } },
  list: {
    unread: { type: 'boolean' },
    starred: { type: 'boolean' },
    search: { type: 'string' },
    query: { type: 'string' },
    feed: { type: 'string' },
    limit: { type: 'string' },
  },
  show: { full: { type: 'boolean' } },
  tags: { query: { type: 'string' } },
  mark: {
    read: { type: 'boolean' },
    unread: { type: 'boolean' },
    star: { type: 'boolean' },
    unstar: { type: 'boolean' },
    // --all with the filters of list (--tag and --lang are global); --unread there is the action, not a filter
    all: { type: 'boolean' },
    starred: { type: 'boolean' },
    search: { type: 'string' },
    feed: { type: 'string' },
    query: { type: 'string' },
  },
  import: {},
  export: {},
  ignore: { drop: { type: 'boolean' } },
  views: {},
  vacuum: {},
  help: {},
} as const satisfies Record<string, OptionSpec>;

export type Command = keyof typeof COMMAND_OPTIONS;

export interface ParsedArgs {
  command: Command;
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

function isCommand(name: string): name is Command {
  return Object.hasOwn(COMMAND_OPTIONS, name) && name !== '';
}

function valueTaking(name: string, options: OptionSpec): boolean {
  const spec = Object.entries(options).find(([long, o]) => `--${long}` === name || (o.short && `-${o.short}` === name));
  return spec?.[1].type === 'string';
}

/**
 * A word after an option that takes a value, starting with "-", that is that value: a negative number
 * ("--limit -1", so the option's own check can explain what is wrong), and after --query anything that is
 * not one of the command's options: "-" is the query language's "leave out" ("--query -#sponsored").
 */
function startsLikeValue(option: string, next: string, options: OptionSpec): boolean {
  if (/^-\d/.test(next)) return true;
  if (option !== '--query' || next === '-' || next === '--') return false;
  const name = next.split('=')[0] as string;
  return !Object.entries(options).some(([long, o]) => `--${long}` === name || (o.short !== undefined && `-${o.short}` === name));
}

/** The options first, then "--" and the other words in their order (so none of them is read as an option). */
function queryWordsLast(args: string[], options: OptionSpec): string[] {
  const opts: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    const name = arg.split('=')[0] as string;
    const known = arg.startsWith('-') && Object.entries(options).some(([long, o]) => `--${long}` === name || (o.short !== undefined && `-${o.short}` === name));
    if (!known) {
      words.push(arg);
      continue;
    }
    opts.push(arg);
    if (!arg.includes('=') && valueTaking(arg, options) && i + 1 < args.length) opts.push(args[(i += 1)] as string);
  }
  return [...opts, '--', ...words];
}

/** Finds the command (the first bare word that is not an option's value), then parses its options. */
export function parseCommandLine(argv: string[]): ParsedArgs {
  let command: Command = '';
  let commandIndex = -1;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && valueTaking(arg, GLOBAL_OPTIONS)) i += 1;
      continue;
    }
    if (!isCommand(arg)) throw new UsageError((m) => m.unknownCommand(arg));
    command = arg;
    commandIndex = i;
    break;
  }
  const rest = commandIndex >= 0 ? [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)] : argv;
  const options = { ...GLOBAL_OPTIONS, ...COMMAND_OPTIONS[command] } as OptionSpec;
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
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { command, positionals, values: values as ParsedArgs['values'] };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(text);
    if (unknown) throw new UsageError((m) => m.unknownOption(unknown[1] ?? '', command), command);
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(text);
    if (missing) throw new UsageError((m) => m.optionNeedsValue(missing[1]?.replace(/^-\w, /, '') ?? '', command), command);
    const ambiguous = /Option '(?:-\w, )?([^' ]+)[^']*' argument is ambiguous/.exec(text);
    if (ambiguous) throw new UsageError((m) => m.optionAmbiguous(ambiguous[1] ?? '', command), command);
    // Node's own words for a case not foreseen above: quoted, in the sentence of the user's language
    const detail = (text.split('\n')[0] ?? '').replace(/\.$/, '');
    throw new UsageError((m) => m.badArguments(detail, command), command);
  }
}
