import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { langOnLine, parseCommandLine, UsageError, type ParsedArgs } from './args.js';
import { feedsCommand } from './commands/feeds.js';
import { syncCommand } from './commands/sync.js';
import { listCommand } from './commands/list.js';
import { markCommand } from './commands/mark.js';
import { exportCommand, importCommand } from './commands/opml.js';
import { refreshCommand } from './commands/refresh.js';
import { showCommand } from './commands/show.js';
import { tagsCommand } from './commands/tags.js';
import { ignoreCommand } from './commands/ignore.js';
import { vacuumCommand } from './commands/vacuum.js';
import { keysCommand } from './commands/keys.js';
import { viewsCommand } from './commands/views.js';
import { CliError, createContext, type Context, type Output } from './context.js';
import { cliMessages } from '../core/i18n/cli.js';
import { sampleFeeds, samplesDir } from '../core/defaults.js';
import { detectLocaleLang } from '../core/i18n/index.js';
import { sanitizeLine } from '../core/sanitize.js';
import { isCacheDamaged } from '../core/store/errors.js';
import { explain, ProblemError } from '../core/i18n/problem.js';
import { settingsLang } from '../core/config.js';
import { resolvePaths } from '../core/paths.js';
import type { Edition } from '../core/types.js';
import { VERSION } from '../core/version.js';

/**
 * The command line from argv to an exit code: parse, build the context, run the command, turn failures into
 * one sentence. src/cli.tsx gives it the process's streams; tests give it their own (and their own env).
 */

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
function talkLang(argv: string[], env: NodeJS.ProcessEnv): Edition {
  const line = langOnLine(argv);
  if (line.command !== 'feeds' && line.lang !== undefined) return line.lang;
  return settingsLang(resolvePaths(line.home ?? (env.CYBERREAD_HOME || undefined), env).configDir) ?? detectLocaleLang(env);
}

async function run(args: ParsedArgs, argv: string[], output: Output, env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const v = args.values;
  const localeMsg = cliMessages(talkLang(argv, env));
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
    env,
    reader: args.command === '',
    // The demo reads article pages from samples/pages/ and never from the network.
    ...(demo ? { samplePages: samplesDir(import.meta.url) } : {}),
  });
  try {
    if (demo) await seedDemo(ctx);
    // `return await`: a command's failure (a damaged cache found halfway) must reach the catch below.
    switch (args.command) {
      case '': {
        if (!process.stdin.isTTY || !process.stdout.isTTY) throw new CliError(ctx.msg.needsTerminal, 2);
        // no-color.org: a non-empty NO_COLOR turns colours off; chalk (under Ink) only reads FORCE_COLOR.
        if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
        // Ink draws nothing but the last frame when it believes it runs in CI (is-in-ci reads CI and
        // CONTINUOUS_INTEGRATION once, when Ink loads). The reader only starts on an interactive terminal,
        // so those variables are hidden while Ink loads and put back for the programs it may start.
        const ciVars = hideEnv(['CI', 'CONTINUOUS_INTEGRATION']);
        const { runTui } = await import('../tui.js').finally(ciVars.restore);
        return await runTui(ctx, { tags: Array.isArray(v.tag) ? v.tag : [] });
      }
      case 'feeds':
        return await feedsCommand(ctx, args);
      case 'refresh':
        return await refreshCommand(ctx, args);
      case 'list':
        return await listCommand(ctx, args);
      case 'show':
        return await showCommand(ctx, args);
      case 'tags':
        return await tagsCommand(ctx, args);
      case 'mark':
        return await markCommand(ctx, args);
      case 'import':
        return await importCommand(ctx, args);
      case 'export':
        return await exportCommand(ctx, args);
      case 'ignore':
        return await ignoreCommand(ctx, args);
      case 'views':
        return await viewsCommand(ctx, args);
      case 'vacuum':
        return await vacuumCommand(ctx, args);
      case 'keys':
        return keysCommand(ctx, args);
      case 'sync':
        return await syncCommand(ctx, args);
      default:
        return 0;
    }
  } catch (error) {
    // Damage found after the cache opened (a query, a write, the refresh thread): moved aside now, said in
    // one sentence, and this command fails; the next one starts on a fresh cache.
    if (!isCacheDamaged(error)) throw error;
    ctx.recoverCache();
    return 1;
  } finally {
    ctx.close();
    demo?.cleanup();
  }
}

/** Runs one command line; resolves to the exit code. Never throws for anything a user can cause. */
export async function runCommandLine(argv: string[], output: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const msg = (): ReturnType<typeof cliMessages> => cliMessages(talkLang(argv, env));
  try {
    return (await run(parseCommandLine(argv), argv, output, env)) ?? 0;
  } catch (error) {
    // Messages quote argv, file names and settings: one line, no escapes, whatever the user typed.
    if (error instanceof UsageError) {
      output.err(`cyberread: ${sanitizeLine(error.say(msg()))}`);
      return 2;
    }
    if (error instanceof CliError) {
      output.err(`cyberread: ${sanitizeLine(error.message)}`);
      return error.exitCode;
    }
    // a cache or settings failure is a problem of the message tables, never "unexpected"
    if (error instanceof ProblemError) {
      output.err(`cyberread: ${sanitizeLine(explain(error.problem, talkLang(argv, env)))}`);
      return 1;
    }
    const text = error instanceof Error ? error.message : String(error);
    output.err(`cyberread: ${msg().unexpected(sanitizeLine(text).replace(/[.!?]+$/, ''))}`);
    if (env.CYBERREAD_DEBUG && error instanceof Error) output.err(error.stack ?? '');
    return 1;
  }
}
