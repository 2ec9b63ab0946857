import { useCallback, useEffect, useRef } from 'react';
import type { UiServices } from '../services.js';
import { problemOf } from '../../core/i18n/problem.js';
import { listQuery, type Action } from '../state.js';
import type { AppStore } from './use-app-state.js';
import { locateAfterRefresh } from './use-articles.js';

/**
 * Runs refreshes and reports them as actions. `onAdded` is told each time a feed brought new articles, so
 * the list can take them in without moving the selection.
 */
export function useRefresh(services: UiServices, dispatch: (a: Action) => void, onAdded: (added: number) => void): () => boolean {
  const running = useRef(false);
  const mounted = useRef(true);
  const added = useRef(onAdded);
  added.current = onAdded;

  const start = useCallback((): boolean => {
    if (running.current) return false;
    running.current = true;
    dispatch({ type: 'refreshStarted', total: 0 });
    services
      .refresh((p) => {
        if (!mounted.current) return;
        dispatch({ type: 'refreshProgress', done: p.done, total: p.total, ...(p.result ? { result: p.result } : {}) });
        if (p.result && p.result.added > 0) added.current(p.result.added);
      })
      .then(
        (results) => {
          running.current = false;
          if (mounted.current) dispatch({ type: 'refreshFinished', results });
        },
        (e: unknown) => {
          running.current = false;
          if (mounted.current) dispatch({ type: 'refreshError', problem: problemOf(e) });
        },
      );
    return true;
  }, [services, dispatch]);

  useEffect(() => {
    mounted.current = true;
    const last = services.lastRefreshAt();
    const now = (services.now?.() ?? new Date()).getTime();
    const due = last === null || now - Date.parse(last) >= services.refreshIntervalMinutes * 60_000 || Number.isNaN(Date.parse(last));
    // after the first frame, so cached articles show before any network request finishes
    const t = due ? setTimeout(() => start(), 0) : undefined;
    return () => {
      mounted.current = false;
      if (t) clearTimeout(t);
    };
  }, []);

  return start;
}

/**
 * Refreshes for the list: new articles are taken in while the selected article stays selected.
 * `selectedId` is the article drawn as selected: the store may already hold new rows above it.
 */
export function useListRefresh(services: UiServices, app: AppStore, selectedId: string | null): () => boolean {
  const { dispatch, current } = app;
  const selected = useRef(selectedId);
  selected.current = selectedId;
  const onAdded = useCallback(
    (added: number) => {
      const s = current();
      try {
        const r = locateAfterRefresh(services, listQuery(s), selected.current, s.list.selected, added);
        dispatch({ type: 'listChanged', total: r.total, selectIndex: r.selectIndex, reload: true });
      } catch {
        dispatch({ type: 'listChanged', total: s.list.total, selectIndex: null, reload: true });
      }
    },
    [services],
  );
  return useRefresh(services, dispatch, onAdded);
}
