import React, { useEffect, useLayoutEffect, useMemo } from 'react';
import { Box, Text, useApp } from 'ink';
import { messages, type Messages } from '../core/i18n/index.js';
import { clean, type Measure } from './components/Line.js';
import { useFeeds } from './hooks/use-feeds.js';
import { Header } from './components/Header.js';
import { splitLine, StatusBar, typedLine, type FreshCounts } from './components/StatusBar.js';
import { useAppState } from './hooks/use-app-state.js';
import { useArticles } from './hooks/use-articles.js';
import { useKeys } from './hooks/use-keys.js';
import { useReader } from './hooks/use-reader.js';
import { newIn, useClockTick, useListRefresh } from './hooks/use-refresh.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { AppProps } from './services.js';
import { edition, initialState, listLang, tooSmall, type AppState, type Confirm, type FailedFeed, type Prompt } from './state.js';
import { problem } from '../core/i18n/problem.js';
import { ViewBody, viewTitle } from './views/ViewBody.js';
import { errorLines } from './views/Errors.js';
import { ThemeContext } from './theme.js';
import { keyChoice, keyFor, type Keymap } from './keymap.js';
import { KeymapContext } from './keymap-context.js';

/** Rows stored so far: the list shows these until a refresh reports more (AppState.watermark). */
function lastRowId(services: AppProps['services']): number | null {
  try {
    return services.store.lastRowId();
  } catch {
    return null;
  }
}

/** The subscribed feeds whose last fetch failed, as the cache remembers them (none when it cannot be read). */
function failedAtStart(services: AppProps['services']): FailedFeed[] {
  try {
    const subscribed = new Set(services.feeds.list().map((f) => f.url));
    return services.store
      .listFeedStates()
      .filter((f) => subscribed.has(f.url) && f.lastStatus === 'error')
      .map((f) => ({ url: f.url, error: f.lastError ?? problem('errUnexpected', '?') }));
  } catch {
    return [];
  }
}

/** The name a feed is listed under: the user's title, the feed's own, else its URL. */
function feedTitle(services: AppProps['services'], url: string): string {
  const f = services.feeds.list().find((x) => x.url === url);
  if (f?.title) return f.title;
  try {
    return services.store.getFeedState(url)?.title ?? url;
  } catch {
    return url;
  }
}

/**
 * The question of a confirmation, with the numbers and names it is about. With a width, a feed's title is
 * shortened as much as it takes for the question to fit on the two lines the status bar gives a question:
 * the counts and "starred stay" are what the answer depends on.
 */
export function confirmText(m: Messages, c: Confirm, fitTo?: { measure: Measure; width: number }): string {
  const say = (title: string): string => {
    switch (c.kind) {
      case 'markAll':
        return m.confirmMarkAll(c.count);
      case 'markFeed':
        return m.confirmMarkFeed(title, c.count);
      case 'removeFeed':
        return m.confirmRemoveFeed(title, c.total, c.starred);
    }
  };
  const title = c.kind === 'markAll' ? '' : clean(c.title);
  const full = say(title);
  if (fitTo === undefined || c.kind === 'markAll') return full;
  const { measure, width } = fitTo;
  const fits = (q: string): boolean => {
    const two = splitLine(measure, q, width);
    return two === null ? measure.displayWidth(q) <= width : measure.displayWidth(two[1]) <= width;
  };
  if (fits(full)) return full;
  for (let k = measure.displayWidth(title) - 1; k > 8; k--) {
    const q = say(measure.truncate(title, k));
    if (fits(q)) return q;
  }
  return say(measure.truncate(title, 8));
}

/** A prompt of the feeds view as the status bar draws it: its label, the text typed, a cursor, its hint. */
export function promptLine(m: Messages, p: Prompt, keymap: Keymap | undefined, measure: Measure, width: number): string {
  const ok = keyFor(keymap, 'promptSubmit', 'prompt');
  const cancel = keyFor(keymap, 'promptCancel', 'prompt');
  // fullest first: a short line keeps at least which keys save and cancel
  if (p.kind === 'syncPassword') {
    // never drawn: one dot per character typed, so Backspace and a paste can be followed
    const dots = '•'.repeat([...p.text].length);
    return typedLine(measure, m.promptSyncPassword(clean(p.user ?? ''), clean(p.url ?? '')), dots, [m.promptSyncPasswordHint(ok, cancel), m.promptSyncPasswordHintShort(ok, cancel)], width);
  }
  const [label, hints] =
    p.kind === 'addFeed'
      ? [m.promptAddFeed, [m.promptAddHint(ok, cancel), m.promptAddHintShort(ok, cancel)]]
      : p.kind === 'renameFeed'
        ? [m.promptRename, [m.promptRenameHint(ok, cancel), m.promptSaveHint(ok, cancel)]]
        : [m.promptFeedLang, [m.promptFeedLangHint(ok, cancel), m.promptSaveHint(ok, cancel)]];
  return typedLine(measure, label, clean(p.text), hints, width);
}

/**
 * What the last refresh brought, as the reader can see it: new in the edition listed, and new only in the
 * other (an article of unknown language is in both, and counted once, here). Null while nothing came.
 */
function freshCounts(services: AppProps['services'], s: AppState, m: Messages): FreshCounts | null {
  const since = s.refresh.since;
  if (since === null || s.refresh.added === 0) return null;
  const shown = listLang(s);
  const here = newIn(services, shown, since);
  if (shown === undefined) return { here, other: 0, otherName: '' };
  const other = shown === 'id' ? 'en' : 'id';
  let only = 0;
  try {
    only = services.store.count({ lang: other, minRid: since, where: { kind: 'not', child: { kind: 'lang', lang: shown } } });
  } catch {
    // told without them
  }
  return { here, other: only, otherName: other === 'id' ? m.langShortId : m.langShortEn };
}

/** The search prompt's hints, fullest first: what Enter and Esc do, then how to get the help (`?` is typed there). */
function searchHints(m: Messages, keymap: Keymap | undefined): string[] {
  const short = m.searchHint(keyFor(keymap, 'applySearch', 'search'), keyFor(keymap, 'cancelSearch', 'search'));
  return [`${short} · ${m.searchHelpHint(keyFor(keymap, 'help', 'search'))}`, short];
}

/** Wires state, data and keys together and picks the view; the views and hooks do the work. */
export function App(props: AppProps): React.JSX.Element {
  const { services } = props;
  const keymap = services.keymap;
  const app = useApp();
  const size = useTerminalSize(props.rows, props.columns);
  const store = useAppState(() => initialState({ lang: props.initialLang, tags: props.initialTags ?? [], ...size, watermark: lastRowId(services), failed: failedAtStart(services) }));
  const { state: s, dispatch } = store;
  const m = messages(s.lang);

  useLayoutEffect(() => {
    if (size.columns !== s.size.columns || size.rows !== s.size.rows) dispatch({ type: 'resize', ...size });
  }, [size.columns, size.rows]);
  const data = useArticles(services, s, dispatch);
  const feeds = useFeeds(services, s, dispatch);
  const feedName = useMemo(() => (s.filters.feed === null ? null : feedTitle(services, s.filters.feed)), [s.filters.feed, s.dataVersion]);
  const reader = useReader(services, s, dispatch, data.selectedArticle);
  // `f` is hinted only where it can bring a full article: not for an article without a web page (pressing it says why)
  const hasPage = useMemo(() => (reader.shown === null ? false : (services.pages.has?.(reader.shown) ?? true)), [reader.shown?.id]);
  const fullText = hasPage && reader.page?.status !== 'skipped';
  // the failed-feeds page, laid out at the width: the reducer scrolls it by its line count
  const errorPage = useMemo(
    () => (s.view === 'errors' ? errorLines(m, s.refresh.failed, s.size.columns, services.wrap, (url) => feedTitle(services, url)) : []),
    [s.view, s.refresh.failed, s.size.columns, s.lang, s.dataVersion],
  );
  useLayoutEffect(() => {
    if (s.view === 'errors' && errorPage.length !== s.errors.lineCount) dispatch({ type: 'errorsLayout', lineCount: errorPage.length });
  }, [errorPage, s.view]);
  const startRefresh = useListRefresh(services, store, data.selectedArticle?.id ?? null);
  useKeys(services, store, startRefresh);
  useEffect(() => services.watchCache?.((d) => dispatch({ type: 'cacheDamaged', ...d })), [services]);
  useEffect(() => {
    const r = services.cacheRebuilt;
    if (r !== undefined) dispatch({ type: 'toast', toast: { text: m.cacheRebuilt(r.movedTo, r.restored, r.refreshing, keyFor(keymap, 'refresh', 'list')) } });
  }, [services]);
  // relative times move on with no key pressed: "updated 5 minutes ago" becomes 6 on its own
  useClockTick(services);
  useEffect(() => {
    if (!s.quit) return;
    app.exit();
  }, [s.quit]);

  // the last refresh's new articles per edition: counted when a refresh brought some or the edition changed
  const fresh = useMemo(() => freshCounts(services, s, m), [s.refresh.since, s.refresh.added, s.lang, s.filters.edition, s.filters.query, s.dataVersion]);
  if (tooSmall(s.size)) return <Text>{m.tooSmall(s.size.columns, s.size.rows)}</Text>;
  const problem = s.view === 'search' && s.filters.problem !== null ? m.queryProblem(s.filters.problem.code, s.filters.problem.column, s.filters.problem.token) : null;
  // a question waiting for its answer is what the status line says until it is answered
  const toast = s.confirm !== null ? confirmText(m, s.confirm, { measure: services, width: s.size.columns - 2 }) : (problem ?? (s.toast === null ? null : 'key' in s.toast ? m[s.toast.key] : s.toast.text));
  const prompt =
    s.confirm !== null
      ? s.confirm.kind === 'removeFeed'
        ? m.confirmRemoveAnswers(keyChoice(keymap, 'confirmYes', 'confirm'))
        : m.confirmAnswers(keyChoice(keymap, 'confirmYes', 'confirm'))
      : s.view === 'search'
      ? typedLine(services, m.searchPrompt, clean(s.filters.search), searchHints(m, keymap), s.size.columns - 2)
      : s.prompt !== null
        ? promptLine(m, s.prompt, keymap, services, s.size.columns - 2)
        : s.digits !== ''
          ? m.linkNumber(s.digits, keyFor(keymap, 'openNumber', 'number'), keyFor(keymap, 'cancelNumber', 'number'))
          : undefined;
  const last = services.lastRefreshAt();
  const frame = (
    <Box flexDirection="column" width={s.size.columns}>
      <Header
        m={m}
        lang={edition(s)}
        title={
          // which text the reader shows, when a full article is cached (`f` switches)
          s.view === 'reader' && reader.page?.status === 'ok'
            ? `${viewTitle(m, s.view)} · ${s.reader.showFeed ? m.feedShown : m.fullShown}`
            : viewTitle(m, s.view)
        }
        tags={s.filters.tags}
        search={s.filters.queryText}
        unreadOnly={s.filters.unreadOnly}
        starredOnly={s.filters.starredOnly}
        feed={feedName}
        view={s.filters.viewName}
        unread={data.unread}
        columns={s.size.columns}
        measure={services}
      />
      <ViewBody services={services} s={s} m={m} data={data} reader={reader} feeds={feeds} errorPage={errorPage} />
      <StatusBar
        m={m}
        view={s.view}
        hintContext={{ readerFocus: s.reader.focus, relatedCount: s.reader.relatedCount, fullText }}
        refresh={s.refresh}
        lastRefresh={last === null ? null : services.relativeTime(last, s.lang, false)}
        toast={toast}
        toastIsError={problem !== null && s.confirm === null}
        keymap={keymap}
        fresh={fresh}
        notice={s.cacheDamaged === null ? null : m.cacheDamaged(s.cacheDamaged.path, s.cacheDamaged.movedTo)}
        {...(prompt === undefined ? {} : { prompt })}
        columns={s.size.columns}
        measure={services}
      />
    </Box>
  );
  const keyed = keymap === undefined ? frame : <KeymapContext.Provider value={keymap}>{frame}</KeymapContext.Provider>;
  return services.theme === undefined ? keyed : <ThemeContext.Provider value={services.theme}>{keyed}</ThemeContext.Provider>;
}
