import { useLayoutEffect, useMemo } from 'react';
import { explain, problemOf } from '../../core/i18n/problem.js';
import type { UiLang } from '../../core/i18n/index.js';
import type { ArticleQuery, StoredArticle } from '../../core/types.js';
import type { UiServices } from '../services.js';
import { bodyHeight, edition, listQuery, type Action, type AppState } from '../state.js';
import type { ListRow } from '../views/ArticleList.js';

export interface ArticlesData {
  query: ArticleQuery;
  queryKey: string;
  /** The visible window of the list. */
  rows: ListRow[];
  selectedArticle: StoredArticle | null;
  unread: number;
  /** The error of a query the store refused (e.g. FTS syntax), or null. */
  error: string | null;
  /** Articles of the other edition, counted only when this one has none and no filter is on (else 0). */
  otherEdition: number;
}

/** An article with this session's read/star changes drawn over it. */
export function withOverrides(a: StoredArticle, o: AppState['overrides']): StoredArticle {
  const x = o[a.id];
  return x ? { ...a, read: x.read ?? a.read, starred: x.starred ?? a.starred } : a;
}

/** A query the cache refused, told in the interface's language. */
function message(e: unknown, lang: UiLang): string {
  return explain(problemOf(e), lang);
}

/**
 * The list's data. Rows are queried a page-aligned chunk (two screens) at a time, so moving inside it costs
 * no query and a keypress stays O(window) however many articles the cache holds.
 */
export function useArticles(services: UiServices, s: AppState, dispatch: (a: Action) => void): ArticlesData {
  const { store } = services;
  const query = useMemo(() => listQuery(s), [s.lang, s.filters, s.kept, s.watermark]);
  const queryKey = useMemo(() => JSON.stringify(query), [query]);
  const h = bodyHeight(s.size);
  const chunkStart = Math.floor(s.list.scroll / h) * h;

  const counted = useMemo((): { total: number; error: string | null } => {
    try {
      return { total: store.count(query), error: null };
    } catch (e) {
      return { total: 0, error: message(e, s.lang) };
    }
    // dataVersion: new articles or marks were written
  }, [queryKey, s.dataVersion]);

  useLayoutEffect(() => {
    if (counted.total !== s.list.total) dispatch({ type: 'listChanged', total: counted.total, selectIndex: null });
  }, [counted.total]);

  const chunk = useMemo((): StoredArticle[] => {
    if (counted.error !== null) return [];
    try {
      return store.query({ ...query, offset: chunkStart, limit: 2 * h });
    } catch {
      return [];
    }
  }, [queryKey, s.dataVersion, chunkStart, h, counted.error]);

  // Marks made in this session are overlaid once per chunk and marks change, not on every keypress: the
  // same article object from render to render lets the row cache and the reader page be reused.
  const shown = useMemo(() => chunk.map((a) => withOverrides(a, s.overrides)), [chunk, s.overrides]);
  const rows: ListRow[] = [];
  for (let i = s.list.scroll; i < Math.min(s.list.scroll + h, chunkStart + shown.length); i++) {
    const a = shown[i - chunkStart];
    if (a) rows.push({ article: a, index: i });
  }
  const selectedArticle = shown[s.list.selected - chunkStart] ?? null;

  const unread = useMemo(() => {
    try {
      return store.unreadCount(query);
    } catch {
      return 0;
    }
  }, [queryKey, s.dataVersion, s.overrides]);

  const unfiltered = s.filters.tags.length === 0 && s.filters.search === '' && !s.filters.unreadOnly;
  const otherEdition = useMemo(() => {
    if (counted.total > 0 || counted.error !== null || !unfiltered) return 0;
    try {
      return store.count({ lang: edition(s) === 'id' ? 'en' : 'id' });
    } catch {
      return 0;
    }
  }, [queryKey, s.dataVersion, counted.total, counted.error]);

  return { query, queryKey, rows, selectedArticle, unread, error: counted.error, otherEdition };
}

/** The list's article at the selection of a state, read from the store (for keys handled before a render). */
export function selectedArticleOf(services: UiServices, s: AppState): StoredArticle | null {
  if (s.list.total === 0) return null;
  try {
    const a = services.store.query({ ...listQuery(s), offset: s.list.selected, limit: 1 })[0];
    return a ? withOverrides(a, s.overrides) : null;
  } catch {
    return null;
  }
}

/**
 * After a refresh wrote articles: the list takes in every row stored so far (a new watermark), with the new
 * total and where the selected article went. The selected article is the one at the selection in the list
 * as it was (rows up to the old watermark: every frame drawn so far agrees with it). New articles sort
 * before it or after it; those before it moved it down by at most as many rows as came in: look only there.
 */
export function locateAfterRefresh(
  services: UiServices,
  s: AppState,
  added: number,
): { total: number; selectIndex: number | null; watermark: number | null } {
  const store = services.store;
  const before = listQuery(s);
  const selectedId = s.list.total === 0 ? null : (store.query({ ...before, offset: s.list.selected, limit: 1 })[0]?.id ?? null);
  const watermark = store.lastRowId();
  const query = { ...before, maxRid: watermark };
  const total = store.count(query);
  if (selectedId === null) return { total, selectIndex: null, watermark };
  // Rows the list takes in now: the refresh writes from another thread, so more may have come than the
  // feed reporting brought (the next feed's, stored before this report was handled).
  const fresh = s.watermark === null ? added : store.count({ ...query, minRid: s.watermark });
  const near = store.query({ ...query, offset: s.list.selected, limit: Math.min(Math.max(added, fresh), 5000) + 1 });
  const k = near.findIndex((a) => a.id === selectedId);
  return { total, selectIndex: k >= 0 ? s.list.selected + k : null, watermark };
}
