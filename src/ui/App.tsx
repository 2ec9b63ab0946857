import React, { useEffect, useLayoutEffect } from 'react';
import { Box, Text, useApp } from 'ink';
import { messages } from '../core/i18n/index.js';
import { Header } from './components/Header.js';
import { StatusBar } from './components/StatusBar.js';
import { useAppState } from './hooks/use-app-state.js';
import { useArticles } from './hooks/use-articles.js';
import { useKeys } from './hooks/use-keys.js';
import { useReader } from './hooks/use-reader.js';
import { useClockTick, useListRefresh } from './hooks/use-refresh.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { AppProps } from './services.js';
import { initialState, tooSmall } from './state.js';
import { ViewBody, viewTitle } from './views/ViewBody.js';

/** Rows stored so far: the list shows these until a refresh reports more (AppState.watermark). */
function lastRowId(services: AppProps['services']): number | null {
  try {
    return services.store.lastRowId();
  } catch {
    return null;
  }
}

/** Wires state, data and keys together and picks the view; the views and hooks do the work. */
export function App(props: AppProps): React.JSX.Element {
  const { services } = props;
  const app = useApp();
  const size = useTerminalSize(props.rows, props.columns);
  const store = useAppState(() => initialState({ lang: props.initialLang, tags: props.initialTags ?? [], ...size, watermark: lastRowId(services) }));
  const { state: s, dispatch } = store;
  const m = messages(s.lang);

  useLayoutEffect(() => {
    if (size.columns !== s.size.columns || size.rows !== s.size.rows) dispatch({ type: 'resize', ...size });
  }, [size.columns, size.rows]);
  const data = useArticles(services, s, dispatch);
  const reader = useReader(services, s, dispatch, data.selectedArticle);
  const startRefresh = useListRefresh(services, store);
  useKeys(services, store, startRefresh);
  useEffect(() => services.watchCache?.((d) => dispatch({ type: 'cacheDamaged', ...d })), [services]);
  // relative times move on with no key pressed: "updated 5 minutes ago" becomes 6 on its own
  useClockTick(services);
  useEffect(() => {
    if (!s.quit) return;
    app.exit();
  }, [s.quit]);

  if (tooSmall(s.size)) return <Text>{m.tooSmall(s.size.columns, s.size.rows)}</Text>;
  const problem = s.view === 'search' && s.filters.problem !== null ? m.queryProblem(s.filters.problem.code, s.filters.problem.column, s.filters.problem.token) : null;
  const toast = problem ?? (s.toast === null ? null : 'key' in s.toast ? m[s.toast.key] : s.toast.text);
  const last = services.lastRefreshAt();
  return (
    <Box flexDirection="column" width={s.size.columns}>
      <Header
        m={m}
        lang={s.lang}
        title={viewTitle(m, s.view)}
        tags={s.filters.tags}
        search={s.filters.queryText}
        unreadOnly={s.filters.unreadOnly}
        unread={data.unread}
        columns={s.size.columns}
        measure={services}
      />
      <ViewBody services={services} s={s} m={m} data={data} reader={reader} />
      <StatusBar
        m={m}
        view={s.view}
        hintContext={{ readerFocus: s.reader.focus, relatedCount: s.reader.relatedCount }}
        refresh={s.refresh}
        lastRefresh={last === null ? null : services.relativeTime(last, s.lang, false)}
        toast={toast}
        notice={s.cacheDamaged === null ? null : m.cacheDamaged(s.cacheDamaged.path, s.cacheDamaged.movedTo)}
        {...(s.view === 'search' ? { prompt: `${m.searchPrompt}${s.filters.search}█   ${m.searchHint}` } : {})}
        columns={s.size.columns}
        measure={services}
      />
    </Box>
  );
}
