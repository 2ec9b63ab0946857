import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine, UsageError, type ParsedArgs } from './cli/args.js';
import { feedsCommand } from './cli/commands/feeds.js';
import { listCommand } from './cli/commands/list.js';
import { markCommand } from './cli/commands/mark.js';
import { exportCommand, importCommand } from './cli/commands/opml.js';
import { refreshCommand } from './cli/commands/refresh.js';
import { showCommand } from './cli/commands/show.js';
import { tagsCommand } from './cli/commands/tags.js';
import { ignoreCommand } from './cli/commands/ignore.js';
import { vacuumCommand } from './cli/commands/vacuum.js';
import { viewsCommand } from './cli/commands/views.js';
import { CliError, createContext, type Context, type Output } from './cli/context.js';
import { cliMessages } from './core/i18n/cli.js';
import { explain, ProblemError } from './core/i18n/problem.js';
import { settingsLang } from './core/config.js';
import { resolvePaths } from './core/paths.js';
import type { Edition } from './core/types.js';
import { sampleFeeds, samplesDir } from './core/defaults.js';
import { detectLocaleLang } from './core/i18n/index.js';
import { sanitizeLine } from './core/sanitize.js';
import { VERSION } from './core/version.js';

function terminalWidth(): number {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const cols = Number(process.env.COLUMNS);
  return Number.isInteger(cols) && cols >= 20 ? cols : 100;
}

// `cyberread list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const output: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  width: terminalWidth(),
};

function hideEnv(names: string[]): { restore: () => void } {
  const saved = names.filter((n) => n in process.env).map((n) => [n, process.env[n]] as const);
  for (const [n] of saved) delete process.env[n];
  return {
    restore: () => {
      for (const [n, v] of saved) process.env[n] = v;
    },
  };
}

/** The demo runs on the bundled sample feeds in a throw-away home: no network, nothing left behind. */
async function prepareDemo(): Promise<{ home: string; cleanup: () => void }> {
  const home = mkdtempSync(join(tmpdir(), 'cyberread-demo-'));
  const cleanup = (): void => rmSync(home, { recursive: true, force: true });
  // a signal ends the reader with process.exit, past the finally below: remove the home then too
  process.once('exit', cleanup);
  return { home, cleanup };
}

async function seedDemo(ctx: Context): Promise<void> {
  const feeds = sampleFeeds(samplesDir(import.meta.url));
  ctx.config.set('feeds', feeds);
  await ctx.refresh(feeds);
}

/**
 * The language to talk in before the settings are read: --lang when it is one (except for `feeds`, where it
 * is the feed's language), else the one chosen in the reader (the settings' "lang"), else the locale's.
 */
function talkLang(argv: string[]): Edition {
  let lang: string | undefined;
  let home: string | undefined;
  let command = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
    if (name === '--lang') lang = value;
    else if (name === '--home') home = value;
    else if (command === '' && !a.startsWith('-')) command = a;
  }
  const asked = lang?.toLowerCase();
  if (command !== 'feeds' && (asked === 'id' || asked === 'en')) return asked;
  return settingsLang(resolvePaths(home ?? (process.env.CYBERREAD_HOME || undefined)).configDir) ?? detectLocaleLang(process.env);
}

async function run(args: ParsedArgs): Promise<number | undefined> {
  const v = args.values;
  const localeMsg = cliMessages(talkLang(process.argv.slice(2)));
  if (v.version) {
    output.out(VERSION);
    return 0;
  }
  if (v.help || args.command === 'help') {
    const topic = args.command === 'help' ? args.positionals[0] : args.command;
    const help = topic && Object.hasOwn(localeMsg.commandHelp, topic) ? localeMsg.commandHelp[topic as keyof typeof localeMsg.commandHelp] : localeMsg.usage;
    output.out(help);
    return 0;
  }
  const demo = v.demo === true ? await prepareDemo() : undefined;
  const ctx = createContext({
    home: demo?.home ?? (typeof v.home === 'string' ? v.home : undefined),
    // --lang is the language to talk in, and for list, tags and mark --all the edition too; for feeds it is
    // the feed's language, not the one to talk in.
    lang: typeof v.lang === 'string' && args.command !== 'feeds' ? v.lang : undefined,
    json: v.json === true,
    output,
    // The demo reads article pages from samples/pages/ and never from the network.
    ...(demo ? { samplePages: samplesDir(import.meta.url) } : {}),
  });
  try {
    if (demo) await seedDemo(ctx);
    switch (args.command) {
      case '': {
        if (!process.stdin.isTTY || !process.stdout.isTTY) throw new CliError(ctx.msg.needsTerminal, 2);
        // no-color.org: a non-empty NO_COLOR turns colours off; chalk (under Ink) only reads FORCE_COLOR.
        if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
        // Ink draws nothing but the last frame when it believes it runs in CI (is-in-ci reads CI and
        // CONTINUOUS_INTEGRATION once, when Ink loads). The reader only starts on an interactive terminal,
        // so those variables are hidden while Ink loads and put back for the programs it may start.
        const ciVars = hideEnv(['CI', 'CONTINUOUS_INTEGRATION']);
        const { runTui } = await import('./tui.js').finally(ciVars.restore);
        return await runTui(ctx, { tags: Array.isArray(v.tag) ? v.tag : [] });
      }
      case 'feeds':
        return feedsCommand(ctx, args);
      case 'refresh':
        return await refreshCommand(ctx, args);
      case 'list':
        return listCommand(ctx, args);
      case 'show':
        return await showCommand(ctx, args);
      case 'tags':
        return tagsCommand(ctx, args);
      case 'mark':
        return markCommand(ctx, args);
      case 'import':
        return importCommand(ctx, args);
      case 'export':
        return exportCommand(ctx, args);
      case 'ignore':
        return ignoreCommand(ctx, args);
      case 'views':
        return viewsCommand(ctx, args);
      case 'vacuum':
        return vacuumCommand(ctx, args);
      default:
        return 0;
    }
  } finally {
    ctx.close();
    demo?.cleanup();
  }
}

async function main(): Promise<void> {
  let code: number;
  try {
    code = (await run(parseCommandLine(process.argv.slice(2)))) ?? 0;
  } catch (error) {
    // Messages quote argv, file names and settings: one line, no escapes, whatever the user typed.
    const say = (text: string): void => output.err(`cyberread: ${sanitizeLine(text)}`);
    if (error instanceof CliError) {
      say(error.message);
      code = error.exitCode;
    } else if (error instanceof UsageError) {
      say(error.told(cliMessages(talkLang(process.argv.slice(2)))));
      code = 2;
    } else if (error instanceof ProblemError) {
      say(explain(error.problem, talkLang(process.argv.slice(2))));
      code = 1;
    } else {
      const text = error instanceof Error ? error.message : String(error);
      say(cliMessages(talkLang(process.argv.slice(2))).unexpected(text));
      if (process.env.CYBERREAD_DEBUG && error instanceof Error) output.err(error.stack ?? '');
      code = 1;
    }
  }
  process.exitCode = code;
}

await main();
