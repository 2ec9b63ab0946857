import { explain, ProblemError } from './core/i18n/problem.js';
import { render } from 'ink';
import type { Context } from './cli/context.js';
import { formatPosted, relativeTime } from './core/i18n/dates.js';
import { messages } from './core/i18n/index.js';
import { notificationText, notify } from './core/notify.js';
import { openExternal } from './core/open.js';
import { renderHtml } from './core/render/html.js';
import { sanitizeLine } from './core/sanitize.js';
import { isCacheDamaged } from './core/store/errors.js';
import { markDamaged } from './core/store/open-store.js';
import { DamageWatch, tolerateDamage } from './core/store/tolerate.js';
import { removeSubscription, renameSubscription, setSubscriptionFullText, setSubscriptionLang } from './core/subscriptions.js';
import { displayWidth, truncate, wrap } from './core/render/text.js';
import { App } from './ui/App.js';
import chalk from 'chalk';
import { colorDepth, resolveTheme, type ColorDepth } from './core/theme.js';
import { threadExtractor } from './core/article/extract-thread.js';
import { hasPage, loadPage, pageWanted } from './core/article/full.js';
import { htmlToPlainText } from './core/html.js';
import { memoStrings } from './ui/memo.js';
import type { NewArticlesNotice, RefreshProgress, UiServices } from './ui/services.js';
import type { FeedConfig, RefreshResult } from './core/types.js';
import { keptSession, readerPassword, SyncError, type ReaderPassword } from './core/sync/index.js';
import type { SyncSettings } from './core/sync/types.js';
import { localOnlyFeeds, queueSubscribe, queueUnsubscribe, syncResults } from './core/sync/feeds.js';
import { syncProblem, syncWith } from './cli/commands/sync.js';

/**
 * CYBERREAD_TEST_REFRESH_MS: a background refresh interval in milliseconds (50 to 3600000) instead of the
 * refreshIntervalMinutes setting, so the tmux tests see the reader refresh on its own without waiting
 * minutes. Not a setting for people: the README names it under Development only.
 */
function testInterval(): { refreshIntervalMs?: number } {
  const v = process.env.CYBERREAD_TEST_REFRESH_MS;
  if (v === undefined || !/^\d+$/.test(v)) return {};
  const ms = Number(v);
  return ms >= 50 && ms <= 3_600_000 ? { refreshIntervalMs: ms } : {};
}

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?25h\u001b[?1049l';

/** What the reader's first status line says when opening the cache moved a damaged one aside just now. */
function cacheRebuilt(ctx: Context): Pick<UiServices, 'cacheRebuilt'> {
  const r = ctx.recovery();
  if (r === null) return {};
  // the fresh cache has no refresh time: the background refresh starts at once when there are feeds
  return { cacheRebuilt: { movedTo: sanitizeLine(r.movedTo), restored: r.restoredFlags, refreshing: ctx.config.settings.feeds.length > 0 } };
}


/**
 * The reader's refresh while sync is set up: one sync run (the server fetched the feeds), then the feeds the
 * server does not have, fetched here. A sync that fails is every server feed's error (the failed-feeds view
 * tells why and how many changes stay queued); the cache and the queue are as they were.
 */
async function syncRefresh(
  ctx: Context,
  sync: SyncSettings,
  password: ReaderPassword,
  feeds: readonly FeedConfig[],
  onProgress: (p: RefreshProgress) => void,
): Promise<RefreshResult[]> {
  const store = ctx.store();
  const total = feeds.length;
  let done = 0;
  const results: RefreshResult[] = [];
  const tell = (result: RefreshResult): void => {
    results.push(result);
    done = Math.min(total, done + 1);
    onProgress({ done, total, result });
  };
  const direct = localOnlyFeeds(feeds, store.sync.syncFeeds());
  try {
    // the password only when the run has to log in (a kept session needs none), and never on the terminal
    const report = await syncWith(ctx, sync, () => password.password());
    for (const r of syncResults(report)) tell(r);
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    const told = syncProblem(password.failed(error), store.sync.queuedCount());
    for (const f of feeds) if (!direct.includes(f)) tell({ url: f.url, status: 'error', added: 0, updated: 0, error: told });
  }
  // feeds the server does not have: after the sync, which may have subscribed it to some of them
  const still = localOnlyFeeds(direct, store.sync.syncFeeds());
  if (still.length > 0) {
    results.push(...(await ctx.refresh(still, { all: false, thread: 'worker', onDamage: 'throw', onResult: (result) => tell(result) })));
  }
  return results;
}

function buildServices(ctx: Context, cache: DamageWatch, depth: ColorDepth, syncPassword: ReaderPassword | null): UiServices {
  const width = memoStrings(displayWidth);
  const cutTo = new Map<number, (s: string) => string>();
  const cut = (s: string, w: number): string => {
    let f = cutTo.get(w);
    if (f === undefined) {
      if (cutTo.size > 64) cutTo.clear();
      f = memoStrings((x) => truncate(x, w), 1024);
      cutTo.set(w, f);
    }
    return f(s);
  };
  const store = tolerateDamage(ctx.store(), cache.found);
  const tz = ctx.timeZone;
  const settings = ctx.config.settings;
  const notifyKind = settings.notify;
  const extractor = threadExtractor();
  return {
    store,
    renderBody: (html, width, lang) => renderHtml(html, { width, imageLabel: messages(lang).imageLabel, footnotes: false }),
    formatPosted: (iso, lang) => formatPosted(iso, lang, tz),
    relativeTime: (iso, lang, compact) => relativeTime(iso, new Date(), lang, tz, { compact }),
    displayWidth: width,
    truncate: cut,
    wrap,
    async refresh(onProgress, urls) {
      const all = ctx.config.settings.feeds;
      const feeds = urls === undefined ? all : all.filter((f) => urls.includes(f.url));
      onProgress({ done: 0, total: feeds.length });
      try {
        const sync = ctx.config.settings.sync;
        if (sync !== undefined && syncPassword !== null) {
          const results = await syncRefresh(ctx, sync, syncPassword, feeds, onProgress);
          if (urls === undefined) ctx.config.set('lastRefreshAt', new Date().toISOString());
          return results;
        }
        // The reader still has the file open: damage is noted, not repaired, while it runs.
        return await ctx.refresh(feeds, {
          all: urls === undefined,
          thread: 'worker',
          onDamage: 'throw',
          onResult: (result, done, total) => onProgress({ done, total, result }),
        });
      } catch (error) {
        if (!isCacheDamaged(error)) throw error;
        cache.found(error);
        return [];
      }
    },
    watchCache: (onDamage) => cache.watch(onDamage),
    ...cacheRebuilt(ctx),

    lastRefreshAt: () => ctx.config.settings.lastRefreshAt ?? null,
    refreshIntervalMinutes: ctx.config.settings.refreshIntervalMinutes,
    pages: {
      get: (id) => store.getPage(id),
      wanted: (a) =>
        pageWanted(
          ctx.config.settings.feeds.find((f) => f.url === a.feedUrl),
          htmlToPlainText(a.contentHtml) || a.summary,
        ),
      has: (a) => hasPage(a.url, ctx.pages().locate),
      // Extracted on a thread of its own: keys and frames go on while a page is read (extract-thread.ts).
      load: (a, o) => loadPage(store, a, { ...ctx.pages(), extract: extractor.extract }, o),
    },
    ...testInterval(),
    ...(notifyKind === undefined
      ? {}
      : {
          notify: (n: NewArticlesNotice) =>
            notify(
              notifyKind,
              { text: notificationText(n.added, n.title, n.lang, n.edition), command: settings.notifyCommand, lang: n.lang },
              { write: (d) => process.stdout.write(d) },
            ),
        }),
    openUrl: (url, lang) => openExternal(url, { lang }),
    openMedia: (url, lang) => openExternal(url, { lang, ...(settings.player ? { program: settings.player } : {}) }),
    hasPlayer: settings.player !== undefined,
    feeds: {
      list: () => ctx.config.settings.feeds,
      add: (feed) => {
        if (!ctx.config.addFeed(feed)) return false;
        // sent to the server by the sync the reader starts for the new feed
        if (ctx.config.settings.sync !== undefined) queueSubscribe(store.sync, feed);
        return true;
      },
      rename: (url, title) => renameSubscription({ config: ctx.config, store }, url, title),
      setLang: (url, lang) => setSubscriptionLang({ config: ctx.config, store }, url, lang),
      setFullText: (url, mode) => setSubscriptionFullText({ config: ctx.config }, url, mode),
      remove: (url) => {
        const r = removeSubscription({ config: ctx.config, store }, url);
        if (r.removed && ctx.config.settings.sync !== undefined) queueUnsubscribe(store.sync, url);
        return r;
      },
    },
    views: () => ctx.config.settings.views,
    theme: resolveTheme(settings.theme, depth),
    keymap: ctx.keymap,
    saveLang: (lang) => ctx.config.set('lang', lang),
    writeTerminal: (data) => process.stdout.write(data),
    ...(syncPassword === null ? {} : { syncPassword: (password: string) => syncPassword.give(password) }),
  };
}

/**
 * Runs the reader on the alternate screen and gives the terminal back on every way out:
 * q, Ctrl-C, SIGTERM/SIGHUP, and an uncaught error (which is then reported as one sentence).
 */
export async function runTui(ctx: Context, options: { tags: string[] }): Promise<number> {
  // The sync password is had only when a login is needed, and never on the terminal while the reader holds it:
  // the status line says a sync waits for it and r opens a prompt, the cache reading on meanwhile. Only when no
  // session is kept (a login is certain) does a passwordCommand run before, with the terminal (a pinentry).
  const sync = ctx.config.settings.sync;
  let syncPassword: ReaderPassword | null = null;
  if (sync !== undefined) {
    syncPassword = readerPassword(sync, ctx.env);
    if (keptSession(ctx.store().sync, sync).load() === null) await syncPassword.beforeReader();
  }
  // One colour depth for the theme and for chalk, which draws Ink's colours: chalk's own detection takes
  // FORCE_COLOR as a floor only (FORCE_COLOR=3 on TERM=xterm gives 16 colours) and knows no theme.
  const depth = colorDepth(process.env, process.stdout.isTTY === true);
  chalk.level = depth;
  const cache = new DamageWatch(markDamaged);
  const services = buildServices(ctx, cache, depth, syncPassword);
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    process.stdout.write(LEAVE_ALT_SCREEN);
  };
  process.stdout.write(ENTER_ALT_SCREEN);
  process.once('exit', restore);
  let app: ReturnType<typeof render> | undefined;
  const leave = (code: number): never => {
    try {
      app?.unmount();
    } catch {
      // the screen is given back below whatever state Ink is in
    }
    restore();
    ctx.close();
    process.exit(code);
  };
  // 128 + the signal's number, as shells report a program ended by that signal
  const onTerm = (): void => leave(143);
  const onHup = (): void => leave(129);
  // An error no one caught would end the process with the terminal still in raw mode on the alternate
  // screen: give it back first, then say what happened in one sentence.
  const onCrash = (e: unknown): void => {
    try {
      app?.unmount();
    } catch {
      // as above
    }
    restore();
    const said = e instanceof ProblemError ? explain(e.problem, ctx.lang) : ctx.msg.unexpected(e instanceof Error ? e.message : String(e));
    process.stderr.write(`cyberread: ${sanitizeLine(said)}\n`);
    ctx.close();
    process.exit(1);
  };
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    app = render(<App services={services} initialLang={ctx.lang} initialTags={options.tags} />, {
      exitOnCtrlC: false,
      patchConsole: false,
      // Ink's default 30 fps throttle holds a keypress's frame back up to 33 ms; a frame here costs a few ms.
      maxFps: 240,
      // Ink 6.8's incremental mode leaves stale and doubled rows on a real screen after a few moves
      // (test/pty/screen.test.ts shows it in tmux); whole-frame writes are correct and still within budget.
      incrementalRendering: false,
    });
    await app.waitUntilExit();
    return 0;
  } finally {
    app?.cleanup();
    restore();
    // The status line said it while the reader ran; said again where it stays readable after the screen is gone.
    if (cache.damage !== null) process.stderr.write(`cyberread: ${ctx.msg.cacheDamagedNextStart(cache.damage.path, cache.damage.movedTo)}\n`);
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}
