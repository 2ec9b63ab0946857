import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { langOnLine, parseCommandLine, UsageError, type ParsedArgs } from './args.js';
import type { Context, Output } from './context.js';
import { CliError } from './errors.js';
import { cliMessages } from '../core/i18n/cli.js';
import { sampleFeeds, samplesDir } from '../core/defaults.js';
import { detectLocaleLang } from '../core/i18n/index.js';
import { sanitizeLine } from '../core/sanitize.js';
import { isCacheDamaged } from '../core/store/errors.js';
import { explain, ProblemError } from '../core/i18n/problem.js';
import { peekSettings, type SettingsPeek } from '../core/settings-file.js';
import { REFRESH_THREAD_MIN_FEEDS } from '../core/feeds/refresh-limits.js';
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
 * The settings file as the command line needs it before it opens the settings, read once per command line
 * (its language for messages, and whether `refresh` starts its thread early) and only when first asked.
 */
function settingsPeek(argv: string[], env: NodeJS.ProcessEnv): () => SettingsPeek {
  let peek: SettingsPeek | undefined;
  return () => (peek ??= peekSettings(resolvePaths(langOnLine(argv).home ?? (env.CYBERREAD_HOME || undefined), env).configDir));
}

/**
 * The language to talk in before the settings are read: --lang when it is one (except for `feeds`, where it
 * is the feed's language), else the one chosen in the reader (the settings' "lang"), else the locale's.
 */
function talkLang(argv: string[], env: NodeJS.ProcessEnv, peek: () => SettingsPeek): Edition {
  const line = langOnLine(argv);
  if (line.command !== 'feeds' && line.lang !== undefined) return line.lang;
  return peek().lang ?? detectLocaleLang(env);
}

function refreshesEarly(args: ParsedArgs, env: NodeJS.ProcessEnv, peek: () => SettingsPeek): boolean {
  if (args.command !== 'refresh' || args.positionals.length > 0 || env.CYBERREAD_REFRESH_THREAD === '0') return false;
  const settings = peek();
  return !settings.sync && settings.feeds >= REFRESH_THREAD_MIN_FEEDS;
}

async function run(args: ParsedArgs, argv: string[], output: Output, env: NodeJS.ProcessEnv, peek: () => SettingsPeek): Promise<number | undefined> {
  const v = args.values;
  const localeMsg = cliMessages(talkLang(argv, env, peek));
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
  // `refresh` of all feeds on the built program, when they are enough for a thread of their own
  // (context.ts REFRESH_THREAD_MIN_FEEDS) and no sync server fetches them: the thread starts now and loads
  // while this one loads the rest.
  const early = refreshesEarly(args, env, peek) ? await import('../core/feeds/refresh-thread.js') : null;
  const earlyFile = early?.refreshWorkerFile() ?? null;
  if (early !== null && earlyFile !== null) await early.prestartRefreshThread(earlyFile);
  const { createContext } = await import('./context.js');
  const made = (): Context => createContext({
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
  let ctx: Context;
  try {
    ctx = made();
  } catch (error) {
    early?.discardRefreshThread();
    throw error;
  }
  try {
    if (demo) await seedDemo(ctx);
    // `return await`: a command's failure (a damaged cache found halfway) must reach the catch below. Each
    // command loads its own code: the HTTP client, the sync protocol, the page extractor and the feed parser
    // are compiled only by the commands that use them (`list` and `--help` start in a fraction of the time).
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
        return await (await import('./commands/feeds.js')).feedsCommand(ctx, args);
      case 'refresh':
        return await (await import('./commands/refresh.js')).refreshCommand(ctx, args);
      case 'list':
        return await (await import('./commands/list.js')).listCommand(ctx, args);
      case 'show':
        return await (await import('./commands/show.js')).showCommand(ctx, args);
      case 'tags':
        return await (await import('./commands/tags.js')).tagsCommand(ctx, args);
      case 'mark':
        return await (await import('./commands/mark.js')).markCommand(ctx, args);
      case 'import':
        return await (await import('./commands/opml.js')).importCommand(ctx, args);
      case 'export':
        return await (await import('./commands/opml.js')).exportCommand(ctx, args);
      case 'ignore':
        return await (await import('./commands/ignore.js')).ignoreCommand(ctx, args);
      case 'views':
        return await (await import('./commands/views.js')).viewsCommand(ctx, args);
      case 'vacuum':
        return await (await import('./commands/vacuum.js')).vacuumCommand(ctx, args);
      case 'keys':
        return (await import('./commands/keys.js')).keysCommand(ctx, args);
      case 'sync':
        return await (await import('./commands/sync.js')).syncCommand(ctx, args);
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
    early?.discardRefreshThread();
    ctx.close();
    demo?.cleanup();
  }
}

/** Runs one command line; resolves to the exit code. Never throws for anything a user can cause. */
export async function runCommandLine(argv: string[], output: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const peek = settingsPeek(argv, env);
  const msg = (): ReturnType<typeof cliMessages> => cliMessages(talkLang(argv, env, peek));
  try {
    return (await run(parseCommandLine(argv), argv, output, env, peek)) ?? 0;
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
      output.err(`cyberread: ${sanitizeLine(explain(error.problem, talkLang(argv, env, peek)))}`);
      return 1;
    }
    const text = error instanceof Error ? error.message : String(error);
    output.err(`cyberread: ${msg().unexpected(sanitizeLine(text).replace(/[.!?]+$/, ''))}`);
    if (env.CYBERREAD_DEBUG && error instanceof Error) output.err(error.stack ?? '');
    return 1;
  }
}
