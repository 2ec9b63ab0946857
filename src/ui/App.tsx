import React, { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { messages, type UiLang } from '../core/i18n/index.js';
import { checkOpenableUrl } from '../core/open.js';
import type { StoredArticle } from '../core/types.js';
import { Header } from './components/Header.js';
import { StatusBar } from './components/StatusBar.js';
import { locateAfterRefresh, useArticles } from './hooks/use-articles.js';
import { useRefresh } from './hooks/use-refresh.js';
import { matchKey, type KeyAction } from './keymap.js';
import type { AppProps } from './services.js';
import { bodyHeight, hashtagListHeight, initialState, reducer, tooSmall, visibleTags, type AppState, type View } from './state.js';
import { ArticleList } from './views/ArticleList.js';
import { Errors } from './views/Errors.js';
import { Hashtags } from './views/Hashtags.js';
import { Help } from './views/Help.js';
import { Language } from './views/Language.js';
import { Reader, readerDoc, readerWidth } from './views/Reader.js';

const viewTitleKey = {
  list: 'viewList',
  reader: 'viewReader',
  hashtags: 'viewHashtags',
  language: 'viewLanguage',
  help: 'viewHelp',
  search: 'viewSearch',
  errors: 'viewErrors',
} as const satisfies Record<View, string>;

function sourceOf(a: StoredArticle): string {
  if (a.feedTitle) return a.feedTitle;
  try {
    return new URL(a.url ?? a.feedUrl).hostname;
  } catch {
    return a.feedUrl;
  }
}

function useTerminalSize(rows?: number, columns?: number): { rows: number; columns: number } {
  const { stdout } = useStdout();
  const read = (): { rows: number; columns: number } => ({
    rows: rows ?? (stdout.rows || 24),
    columns: columns ?? (stdout.columns || 80),
  });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (rows !== undefined && columns !== undefined) return;
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, rows, columns]);
  return size;
}

export function App(props: AppProps): React.JSX.Element {
  const { services } = props;
  const app = useApp();
  const size = useTerminalSize(props.rows, props.columns);
  const [s, dispatch] = useReducer(reducer, undefined, () =>
    initialState({ lang: props.initialLang, tags: props.initialTags ?? [], columns: size.columns, rows: size.rows }),
  );
  const m = messages(s.lang);
  const measure = services;

  useLayoutEffect(() => {
    if (size.columns !== s.size.columns || size.rows !== s.size.rows) dispatch({ type: 'resize', ...size });
  }, [size.columns, size.rows]);

  const data = useArticles(services, s, dispatch);
  const stateRef = useRef<{ s: AppState; selectedId: string | null; query: typeof data.query }>({ s, selectedId: null, query: data.query });
  stateRef.current = { s, selectedId: data.selectedArticle?.id ?? null, query: data.query };

  const onAdded = useCallback(
    (added: number) => {
      const cur = stateRef.current;
      try {
        const r = locateAfterRefresh(services, cur.query, cur.selectedId, cur.s.list.selected, added);
        dispatch({ type: 'listChanged', total: r.total, selectIndex: r.selectIndex, reload: true });
      } catch {
        dispatch({ type: 'listChanged', total: cur.s.list.total, selectIndex: null, reload: true });
      }
    },
    [services],
  );
  const startRefresh = useRefresh(services, dispatch, onAdded);

  // the article in the reader: one opened explicitly (Read also, other edition) or the list's selection
  const shown = useMemo((): StoredArticle | null => {
    if (s.view !== 'reader' && s.returnTo !== 'reader') return null;
    if (s.reader.articleId === null) return data.selectedArticle;
    const a = services.store.get(s.reader.articleId);
    if (!a) return null;
    const o = s.overrides[a.id];
    return o ? { ...a, read: o.read ?? a.read, starred: o.starred ?? a.starred } : a;
  }, [s.view, s.returnTo, s.reader.articleId, data.selectedArticle, s.overrides]);

  const related = useMemo(() => (shown ? services.store.related(shown.id, 5) : []), [shown?.id, s.dataVersion]);
  const alternate = useMemo(
    () => (shown ? services.store.alternate(shown.id, shown.lang === 'en' ? 'id' : 'en') : null),
    [shown?.id, s.dataVersion],
  );
  const width = readerWidth(s.size.columns);
  const bodyLines = useMemo(
    () => (shown ? services.renderBody(shown.contentHtml || shown.summary, width, s.lang) : { lines: [], links: [] }),
    [shown?.id, width, s.lang],
  );
  const doc = useMemo(
    () =>
      shown
        ? readerDoc({
            article: shown,
            body: bodyLines,
            related,
            hasAlternate: alternate !== null,
            posted: shown.published ? services.formatPosted(shown.published, s.lang) : m.dateUnknown,
            source: sourceOf(shown),
            width,
            m,
            wrap: services.wrap,
          })
        : { lines: [], relatedStart: 0, relatedCount: 0 },
    [shown, bodyLines, related, alternate, width, s.lang],
  );
  useLayoutEffect(() => {
    const r = s.reader;
    if (r.lineCount !== doc.lines.length || r.relatedCount !== doc.relatedCount || r.relatedStart !== doc.relatedStart) {
      dispatch({ type: 'readerLayout', lineCount: doc.lines.length, relatedCount: doc.relatedCount, relatedStart: doc.relatedStart });
    }
  }, [doc, s.reader.articleId, s.list.selected]);

  // opening an article marks it read
  useEffect(() => {
    if (s.view !== 'reader' || !shown || shown.read) return;
    try {
      services.store.mark([shown.id], { read: true });
      dispatch({ type: 'override', id: shown.id, read: true });
    } catch (e) {
      dispatch({ type: 'toast', toast: { text: e instanceof Error ? e.message : String(e) } });
    }
  }, [s.view, shown?.id]);

  useEffect(() => {
    if (!s.quit) return;
    props.onQuit?.();
    app.exit();
  }, [s.quit]);

  const setLang = (lang: UiLang): void => {
    dispatch({ type: 'setLang', lang });
    try {
      services.saveLang(lang);
    } catch {
      // the switch still applies to this session; persisting it is best effort
    }
    const mm = messages(lang);
    dispatch({ type: 'toast', toast: { text: mm.languageSwitched(lang === 'id' ? mm.langNameId : mm.langNameEn) } });
  };

  const target = (): StoredArticle | null => (s.view === 'reader' ? shown : data.selectedArticle);

  const run = (action: KeyAction, text?: string): void => {
    switch (action) {
      case 'quit':
        dispatch({ type: 'quit' });
        return;
      case 'back':
        dispatch({ type: 'back' });
        return;
      case 'help':
        dispatch({ type: 'showView', view: 'help' });
        return;
      case 'lang': {
        const other: UiLang = s.lang === 'id' ? 'en' : 'id';
        if (s.view === 'reader' && shown) {
          if (alternate) {
            dispatch({ type: 'openArticle', id: alternate.id });
            return;
          }
          // keep this article on screen; the list behind it becomes the other edition
          dispatch({ type: 'openArticle', id: shown.id });
        }
        setLang(other);
        if (s.view === 'language') dispatch({ type: 'back' });
        return;
      }
      case 'languageView':
        dispatch({ type: 'showView', view: 'language' });
        return;
      case 'refresh':
        if (!startRefresh()) dispatch({ type: 'toast', toast: { key: 'refreshRunning' } });
        return;
      case 'down':
        dispatch({ type: 'move', delta: 1 });
        return;
      case 'up':
        dispatch({ type: 'move', delta: -1 });
        return;
      case 'pageDown':
        dispatch({ type: 'page', dir: 1 });
        return;
      case 'pageUp':
        dispatch({ type: 'page', dir: -1 });
        return;
      case 'top':
        dispatch({ type: 'top' });
        return;
      case 'bottom':
        dispatch({ type: 'bottom' });
        return;
      case 'open':
        dispatch({ type: 'openArticle', id: null });
        return;
      case 'openRelated': {
        const r = s.reader.focus === 'related' ? related[s.reader.related] : undefined;
        if (r) dispatch({ type: 'openArticle', id: r.id });
        return;
      }
      case 'hashtags':
        try {
          dispatch({ type: 'tagsLoaded', tags: services.store.tags(s.lang) });
        } catch {
          dispatch({ type: 'tagsLoaded', tags: [] });
        }
        dispatch({ type: 'showView', view: 'hashtags' });
        return;
      case 'search':
        dispatch({ type: 'showView', view: 'search' });
        return;
      case 'clear':
        dispatch({ type: 'clearFilters' });
        return;
      case 'unread':
        dispatch({ type: 'toggleUnreadOnly' });
        return;
      case 'toggleRead':
      case 'toggleStar': {
        const a = target();
        if (!a) return;
        const flags = action === 'toggleRead' ? { read: !a.read } : { starred: !a.starred };
        try {
          services.store.mark([a.id], flags);
          dispatch({ type: 'override', id: a.id, ...flags });
          const key =
            action === 'toggleRead' ? (flags.read ? 'markedRead' : 'markedUnread') : flags.starred ? 'starred' : 'unstarred';
          dispatch({ type: 'toast', toast: { key } });
        } catch (e) {
          dispatch({ type: 'toast', toast: { text: e instanceof Error ? e.message : String(e) } });
        }
        return;
      }
      case 'openLink': {
        // Not sanitised first: a link carrying control characters must be refused, not cleaned and opened.
        const url = (target()?.url ?? '').trim();
        if (url === '') {
          dispatch({ type: 'toast', toast: { key: 'noLink' } });
          return;
        }
        const lang = s.lang;
        void services.openUrl(url, lang).then((r) => {
          dispatch({ type: 'toast', toast: r.ok ? { key: 'linkOpened' } : { text: messages(lang).openFailed(r.message) } });
        });
        return;
      }
      case 'copyLink': {
        const url = (shown?.url ?? '').trim();
        if (url === '') {
          dispatch({ type: 'toast', toast: { key: 'noLink' } });
          return;
        }
        if (!checkOpenableUrl(url).ok) {
          dispatch({ type: 'toast', toast: { key: 'linkRefused' } });
          return;
        }
        const osc52 = `\u001b]52;c;${Buffer.from(url, 'utf8').toString('base64')}\u0007`;
        if (services.writeTerminal) services.writeTerminal(osc52);
        else process.stdout.write(osc52);
        dispatch({ type: 'toast', toast: { key: 'linkCopied' } });
        return;
      }
      case 'next':
        dispatch({ type: 'step', delta: 1 });
        return;
      case 'prev':
        dispatch({ type: 'step', delta: -1 });
        return;
      case 'focusRelated':
        dispatch({ type: 'toggleFocus' });
        return;
      case 'errors':
        dispatch({ type: 'showView', view: 'errors' });
        return;
      case 'narrow':
        if (text) dispatch({ type: 'typeChar', text });
        return;
      case 'deleteChar':
        dispatch({ type: 'deleteChar' });
        return;
      case 'addTag': {
        const t = visibleTags(s)[s.hashtags.selected];
        if (t) dispatch({ type: 'addTag', tag: t.tag });
        return;
      }
      case 'applySearch':
        dispatch({ type: 'applySearch' });
        return;
      case 'cancelSearch':
        dispatch({ type: 'cancelSearch' });
        return;
      case 'chooseLanguage':
        return;
    }
  };

  useInput((input, key) => {
    const hit = matchKey(s.view, input, key);
    if (s.toast !== null) dispatch({ type: 'toast', toast: null });
    if (hit) run(hit.action, hit.text);
  });

  if (tooSmall(s.size)) {
    return <Text wrap="truncate-end">{m.tooSmall(s.size.columns, s.size.rows)}</Text>;
  }

  const h = bodyHeight(s.size);
  const toast = s.toast === null ? null : 'key' in s.toast ? m[s.toast.key] : s.toast.text;
  const underView: View = s.view === 'help' || s.view === 'errors' ? s.returnTo : s.view;
  const titleView: View = s.view === 'search' ? 'list' : s.view;

  let view: React.JSX.Element;
  switch (s.view) {
    case 'reader':
      view = shown ? (
        <Reader
          doc={doc}
          scroll={s.reader.scroll}
          height={h}
          columns={s.size.columns}
          focusRelated={s.reader.focus === 'related'}
          related={s.reader.related}
          measure={measure}
        />
      ) : (
        <Box height={h}>
          <Text>{' ' + m.articleGone}</Text>
        </Box>
      );
      break;
    case 'hashtags':
      view = (
        <Hashtags
          m={m}
          lang={s.lang}
          tags={visibleTags(s)}
          total={s.hashtags.all.length}
          query={s.hashtags.query}
          active={s.filters.tags}
          selected={s.hashtags.selected}
          scroll={s.hashtags.scroll}
          height={h}
          columns={s.size.columns}
          measure={measure}
        />
      );
      break;
    case 'language':
      view = (
        <Language m={m} lang={s.lang} focused height={h} columns={s.size.columns} measure={measure} onChoose={(l) => {
          if (l !== s.lang) setLang(l);
          dispatch({ type: 'back' });
        }} />
      );
      break;
    case 'help':
      view = <Help m={m} lang={s.lang} of={s.returnTo} viewTitle={m[viewTitleKey[s.returnTo]]} scroll={s.helpScroll} height={h} columns={s.size.columns} measure={measure} />;
      break;
    case 'errors':
      view = <Errors m={m} failed={s.refresh.failed} height={h} columns={s.size.columns} measure={measure} wrap={services.wrap} />;
      break;
    default: {
      const filtered = s.filters.tags.length > 0 || s.filters.search !== '' || s.filters.unreadOnly;
      view = (
        <ArticleList
          rows={data.rows}
          selected={s.list.selected}
          height={h}
          columns={s.size.columns}
          measure={measure}
          relTime={(iso) => services.relativeTime(iso, s.lang, true)}
          sourceOf={sourceOf}
          emptyText={data.error ?? (filtered ? m.emptyList : m.emptyCache)}
          {...(filtered ? { emptyHint: m.emptyListHint } : {})}
        />
      );
    }
  }

  const last = services.lastRefreshAt();
  return (
    <Box flexDirection="column" width={s.size.columns}>
      <Header
        m={m}
        lang={s.lang}
        title={m[viewTitleKey[titleView]]}
        tags={s.filters.tags}
        search={s.filters.search}
        unreadOnly={s.filters.unreadOnly}
        unread={data.unread}
        columns={s.size.columns}
        measure={measure}
      />
      {view}
      <StatusBar
        m={m}
        view={underView === 'search' ? 'search' : s.view}
        refresh={s.refresh}
        lastRefresh={last === null ? null : services.relativeTime(last, s.lang, false)}
        toast={toast}
        {...(s.view === 'search' ? { prompt: `${m.searchPrompt}${s.filters.search}█   ${m.searchHint}` } : {})}
        columns={s.size.columns}
        measure={measure}
      />
    </Box>
  );
}
