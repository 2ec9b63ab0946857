import { isServerUrl } from '../../core/config.js';
import { userAgent } from '../../core/feeds/http.js';
import { explain, problem, type Problem } from '../../core/i18n/problem.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { checkServer, endSession, keptSession, SyncError, syncOnce, syncPassword, type ProtocolOptions } from '../../core/sync/index.js';
import { SYNC_TYPES, type SyncReport, type SyncSettings, type SyncType } from '../../core/sync/types.js';
import { VERSION } from '../../core/version.js';
import type { ParsedArgs } from '../args.js';
import { CliError, type Context } from '../context.js';
import { askHidden } from '../prompt.js';
import { printJson, shortDate, str } from './shared.js';

/** A sentence: sanitised (it quotes server answers and addresses) but never cut to the terminal width. */
function say(ctx: Context, text: string): void {
  ctx.out(sanitizeLine(text));
}

export async function syncCommand(ctx: Context, args: ParsedArgs): Promise<number> {
  // args.ts checked the words and options of each subcommand (--user only for setup)
  if (args.subcommand !== 'setup' && args.passthrough !== undefined && args.passthrough.length > 0) {
    throw new CliError(ctx.msg.extraArguments(sanitizeLine(args.passthrough.join(' ')), args.subcommand === undefined ? 'sync' : `sync ${args.subcommand}`), 2);
  }
  switch (args.subcommand) {
    case 'setup':
      return setup(ctx, args, args.positionals);
    case 'off':
      return off(ctx);
    case 'status':
      return status(ctx);
    default:
      return runSyncCommand(ctx);
  }
}

/** The password for `settings`: CYBERREAD_SYNC_PASSWORD, the passwordCommand, or a question on the terminal. */
export function passwordFor(ctx: Context, settings: SyncSettings): Promise<string> {
  return syncPassword(settings, ctx.env, () => askHidden(ctx.msg.passwordPrompt(settings.user, settings.url)));
}

/** A SyncError as the one sentence a CLI command ends with (exit 1), naming the queued changes when offline. */
export function syncFailure(ctx: Context, error: unknown, queued: number): CliError {
  if (!(error instanceof SyncError)) throw error;
  return new CliError(explain(syncProblem(error, queued), ctx.lang), 1);
}

/** What a failed sync tells: the reason, and when the server could not be reached, the changes still queued. */
export function syncProblem(error: SyncError, queued: number): Problem {
  return error.offline ? problem('errSyncOffline', error.problem, queued) : error.problem;
}

async function setup(ctx: Context, args: ParsedArgs, words: string[]): Promise<number> {
  const [type = '', url = ''] = words;
  if (!(SYNC_TYPES as readonly string[]).includes(type)) throw new CliError(ctx.msg.syncBadType(sanitizeLine(type)), 2);
  if (!isServerUrl(url)) throw new CliError(ctx.msg.syncBadUrl(sanitizeLine(url)), 2);
  const user = str(args.values.user);
  if (user === undefined || user.trim() === '') throw new CliError(ctx.msg.needArgument('--user NAME', 'sync setup'), 2);
  const command = args.passthrough;
  if (command !== undefined && (command.length === 0 || (command[0] as string).trim() === '')) throw new CliError(ctx.msg.syncEmptyCommand, 2);
  const settings: SyncSettings = { type: type as SyncType, url, user, ...(command === undefined ? {} : { passwordCommand: command }) };
  const password = await passwordFor(ctx, settings);
  let checked: { apiLevel: number | null; feeds: number };
  try {
    checked = await checkServer(settings, { password, userAgent: userAgent(VERSION), env: ctx.env });
  } catch (error) {
    throw syncFailure(ctx, error, 0);
  }
  ctx.config.setSync(settings);
  if (ctx.json) printJson(ctx, { ...settings, apiLevel: checked.apiLevel, feeds: checked.feeds });
  else say(ctx, ctx.msg.syncSetUp(url, user, checked.apiLevel ?? 0, checked.feeds));
  return 0;
}

async function off(ctx: Context): Promise<number> {
  const settings = ctx.config.settings.sync;
  if (settings === undefined) {
    if (ctx.json) printJson(ctx, { sync: null, dropped: 0 });
    else say(ctx, ctx.msg.syncNotSetUp);
    return 0;
  }
  const store = ctx.store();
  const dropped = store.sync.queuedCount();
  const session = keptSession(store.sync, settings).load();
  ctx.config.setSync(undefined);
  // the mapping and queue belong to that server: from now on marks stay here, and the server's copies of the
  // articles become the feeds' own as the direct fetches find them (store/sync-tables.ts: syncedTwin)
  store.sync.resetSync();
  // Forgotten here first: then the session ends on the server too (whoever copied the cache file cannot use
  // it). Best effort: an unreachable server does not keep sync on; its session ends there by itself.
  let loggedOut: boolean | null = null;
  let failure: Problem | null = null;
  if (session !== null) {
    try {
      loggedOut = await endSession(settings, session, { userAgent: userAgent(VERSION), env: ctx.env });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      loggedOut = false;
      failure = error.problem;
    }
  }
  if (ctx.json) {
    printJson(ctx, {
      sync: null,
      was: settings.url,
      dropped,
      loggedOut,
      ...(failure === null ? {} : { logoutError: explain(failure, ctx.lang), logoutErrorCode: failure.key }),
    });
  } else {
    say(ctx, ctx.msg.syncOff(settings.url, dropped));
    if (failure !== null) ctx.err(sanitizeLine(ctx.msg.syncLogoutFailed(settings.url, explain(failure, ctx.lang))));
  }
  return 0;
}

function status(ctx: Context): number {
  const settings = ctx.config.settings.sync;
  if (settings === undefined) {
    if (ctx.json) printJson(ctx, { sync: null });
    else say(ctx, ctx.msg.syncNotSetUp);
    return 0;
  }
  const store = ctx.store();
  const state = store.sync.syncState();
  const queued = store.sync.queuedCount();
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  const lastError = state.lastError === null || (state.lastAttempt ?? 0) <= (state.lastSync ?? 0) ? null : state.lastError;
  const told = lastError === null ? null : toldAfter(ctx, settings, lastError);
  if (ctx.json) {
    printJson(ctx, {
      type: settings.type,
      url: settings.url,
      user: settings.user,
      passwordFrom: passwordSource(ctx, settings),
      lastSync: iso(state.lastSync),
      lastAttempt: iso(state.lastAttempt),
      lastError: told,
      lastErrorCode: lastError?.key ?? null,
      queued,
      feeds: store.sync.syncFeeds().length,
    });
    return 0;
  }
  say(ctx, ctx.msg.syncStatusServer(settings.url, settings.user, passwordSource(ctx, settings)));
  say(ctx, ctx.msg.syncStatusLast(state.lastSync === null ? null : shortDate(iso(state.lastSync), ctx.timeZone), store.sync.syncFeeds().length));
  say(ctx, ctx.msg.syncStatusQueued(queued));
  if (told !== null) say(ctx, ctx.msg.syncStatusError(shortDate(iso(state.lastAttempt), ctx.timeZone), told));
  return 0;
}

/**
 * The last run's failure as it reads once that run is over. The reader tells a missing password as it waits
 * ("sync waits for the password of …"); no reader waits any more when `sync status` prints it.
 */
function toldAfter(ctx: Context, settings: SyncSettings, said: Problem): string {
  if (said.key !== 'errSyncNeedPassword') return explain(said, ctx.lang);
  const [user, server, why] = said.args.map((a) => (typeof a === 'string' ? sanitizeLine(a) : explain(a, ctx.lang)));
  return ctx.msg.syncStatusNeededPassword(user ?? settings.user, server ?? settings.url, why ?? '', passwordSource(ctx, settings));
}

function passwordSource(ctx: Context, s: SyncSettings): 'env' | 'command' | 'prompt' {
  if (ctx.env.CYBERREAD_SYNC_PASSWORD) return 'env';
  return s.passwordCommand !== undefined ? 'command' : 'prompt';
}

/**
 * One sync run with the settings' server, as `sync` and `refresh` do it. Throws the CliError to end with
 * when the server cannot be reached or refuses.
 */
export async function syncRun(ctx: Context, settings: SyncSettings): Promise<SyncReport> {
  const store = ctx.store();
  try {
    // asked for only when the run has to log in: a kept session that the server still accepts needs none
    return await syncWith(ctx, settings, () => passwordFor(ctx, settings));
  } catch (error) {
    throw syncFailure(ctx, error, store.sync.queuedCount());
  }
}

/** One sync run of the cache and settings of `ctx`. Throws SyncError. */
export function syncWith(ctx: Context, settings: SyncSettings, password: ProtocolOptions['password']): Promise<SyncReport> {
  const store = ctx.store();
  return syncOnce(
    settings,
    {
      cache: store.sync,
      store,
      subscriptions: { list: () => ctx.config.settings.feeds, replace: (feeds) => ctx.config.set('feeds', feeds) },
    },
    { password, userAgent: userAgent(VERSION), env: ctx.env },
  );
}

async function runSyncCommand(ctx: Context): Promise<number> {
  const settings = ctx.config.settings.sync;
  if (settings === undefined) throw new CliError(ctx.msg.syncNotSetUp, 1);
  const report = await syncRun(ctx, settings);
  if (ctx.json) printJson(ctx, reportJson(ctx, report));
  else printReport(ctx, settings, report);
  return 0;
}

export function reportJson(ctx: Context, r: SyncReport): object {
  return { ...r, refused: r.refused.map((x) => ({ url: x.url, error: explain(x.problem, ctx.lang), errorCode: x.problem.key })) };
}

export function printReport(ctx: Context, settings: SyncSettings, r: SyncReport): void {
  for (const x of r.refused) say(ctx, `✗ ${explain(x.problem, ctx.lang)}`);
  for (const url of r.subscribed) say(ctx, ctx.msg.syncSubscribed(url));
  for (const url of r.unsubscribed) say(ctx, ctx.msg.syncUnsubscribed(url));
  say(ctx, ctx.msg.syncSummary(settings.url, r.added, r.updated, r.feeds.length, r.pushed, r.pulled, r.overruled, r.queued, r.ms));
}
