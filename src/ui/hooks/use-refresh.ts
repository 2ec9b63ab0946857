import { useCallback, useEffect, useRef, useState } from 'react';
import { RefreshScheduler } from '../../core/schedule.js';
import type { UiServices } from '../services.js';
import { problemOf } from '../../core/i18n/problem.js';
import { listLang, listQuery, type Action, type AppState } from '../state.js';
import type { UiLang } from '../../core/i18n/index.js';
import type { AppStore } from './use-app-state.js';
import { locateAfterRefresh } from './use-articles.js';

/**
 * Starts a refresh of every feed, or of the given ones; false when a refresh is already running. With
 * `queue`, the given feeds are refreshed as soon as the running refresh ends (a feed added meanwhile is
 * not in the list of feeds the running one took at its start).
 */
export type StartRefresh = (urls?: string[], queue?: boolean) => boolean;

/** The background refresh interval: a test may shorten it (services.refreshIntervalMs), else the setting. */
export function refreshIntervalMs(services: UiServices): number {
  return services.refreshIntervalMs ?? services.refreshIntervalMinutes * 60_000;
}

/**
 * Runs refreshes and reports them as actions: when asked (r), and on their own every refresh interval while
 * the reader is open (core/schedule.ts), never two at once. `onAdded` is told each time a feed brought new
 * articles, so the list can take them in without moving the selection. When a refresh brought articles and
 * the settings ask for it, the user is notified (services.notify).
 */
export function useRefresh(
  services: UiServices,
  dispatch: (a: Action) => void,
  onAdded: (added: number) => void,
  current: () => AppState,
  onRemoved: () => void = () => {},
): StartRefresh {
  const running = useRef(false);
  const mounted = useRef(true);
  const added = useRef(onAdded);
  added.current = onAdded;
  const removed = useRef(onRemoved);
  removed.current = onRemoved;
  const scheduler = useRef<RefreshScheduler | null>(null);
  const queued = useRef<Set<string>>(new Set());
  /** Starts what was queued while a refresh ran; after its refreshFinished, so the two never interleave. */
  const next = (): void => {
    if (!mounted.current || queued.current.size === 0) return;
    const urls = [...queued.current];
    queued.current.clear();
    startRef.current(urls);
  };

  const start = useCallback(
    (urls?: string[], queue = false): boolean => {
      if (running.current) {
        if (queue && urls) for (const u of urls) queued.current.add(u);
        return false;
      }
      running.current = true;
      let since: number | null = null;
      try {
        since = services.store.lastRowId();
      } catch {
        // the new articles are then told as the feeds report them, in every edition
      }
      dispatch({ type: 'refreshStarted', total: 0, since });
      const ended = (): void => {
        running.current = false;
        scheduler.current?.finished();
      };
      services
        .refresh((p) => {
          if (!mounted.current) return;
          dispatch({ type: 'refreshProgress', done: p.done, total: p.total, ...(p.result ? { result: p.result } : {}) });
          if (p.result && p.result.added > 0) added.current(p.result.added);
          // the retention limits removed articles, or a sync changed their state: the list must show that
          else if (p.result && ((p.result.removed ?? 0) > 0 || (p.result.changed ?? 0) > 0)) removed.current();
        }, urls)
        .then(
          (results) => {
            ended();
            if (!mounted.current) return;
            dispatch({ type: 'refreshFinished', results });
            const lang = current().lang;
            // what the reader can see: the new articles of the edition shown, not both editions' sum, and
            // the newest of those as the title
            const edition = since === null ? undefined : listLang(current());
            const n = since === null ? results.reduce((k, r) => k + r.added, 0) : newIn(services, edition, since);
            if (n > 0 && services.notify) {
              const title = since === null ? null : newestTitle(services, edition, since);
              void services.notify({ added: n, lang, edition, title }).then((r) => {
                if (!r.ok && mounted.current) dispatch({ type: 'toast', toast: { text: r.message } });
              });
            }
            next();
          },
          (e: unknown) => {
            ended();
            if (mounted.current) dispatch({ type: 'refreshError', problem: problemOf(e) });
            next();
          },
        );
      return true;
    },
    [services, dispatch],
  );
  const startRef = useRef(start);
  startRef.current = start;

  useEffect(() => {
    mounted.current = true;
    const s = new RefreshScheduler({
      intervalMs: refreshIntervalMs(services),
      lastRefreshAt: () => services.lastRefreshAt(),
      now: () => (services.now?.() ?? new Date()).getTime(),
      // a refresh due at start begins on the next turn, after the first frame: cached articles show first
      start: () => start(),
    });
    scheduler.current = s;
    s.start();
    return () => {
      mounted.current = false;
      s.stop();
      scheduler.current = null;
    };
  }, []);

  return start;
}

/** Articles stored after row `since` in an edition (all, when undefined), second copies and hidden ones not counted. */
export function newIn(services: UiServices, lang: UiLang | undefined, since: number): number {
  try {
    return services.store.count({ ...(lang === undefined ? {} : { lang }), minRid: since });
  } catch {
    return 0;
  }
}

/**
 * Refreshes for the list: new articles are taken in while the selected article stays selected (and so
 * does the article the reader shows: the list's selection).
 */
export function useListRefresh(services: UiServices, app: AppStore, selectedId: string | null = null): StartRefresh {
  const { dispatch, current } = app;
  const selected = useRef(selectedId);
  selected.current = selectedId;
  const onRemoved = useCallback(() => {
    const s = current();
    try {
      const id = selected.current;
      const watermark = services.store.lastRowId();
      const q = { ...listQuery(s), maxRid: watermark };
      const gone = id !== null && services.store.get(id) === null;
      const index = id === null || gone ? null : services.store.position(q, id);
      dispatch({ type: 'listChanged', total: services.store.count(q), selectIndex: index, reload: true, watermark, ...(gone ? { pin: id } : {}) });
    } catch {
      dispatch({ type: 'listChanged', total: s.list.total, selectIndex: null, reload: true });
    }
  }, [services]);
  const onAdded = useCallback((added: number) => {
    const s = current();
    try {
      dispatch({ type: 'listChanged', reload: true, ...locateAfterRefresh(services, s, added) });
    } catch {
      dispatch({ type: 'listChanged', total: s.list.total, selectIndex: null, reload: true });
    }
  }, [services]);
  return useRefresh(services, dispatch, onAdded, current, onRemoved);
}

/**
 * Re-renders every `ms` (default 20 s), so relative times ("updated 5 minutes ago", the list's "5m") move on
 * while no key is pressed. Returns the tick count, for memos that depend on the clock.
 */
export function useClockTick(services: UiServices): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((k) => k + 1), services.clockTickMs ?? 20_000);
    return () => clearInterval(t);
  }, []);
  return tick;
}

/**
 * The title of the newest article stored after row `since` in an edition (all, when undefined): the first of
 * the very query newIn counts, so a copy of a story or an article the list hides is never the one named.
 */
function newestTitle(services: UiServices, lang: UiLang | undefined, since: number): string | null {
  try {
    return services.store.query({ ...(lang === undefined ? {} : { lang }), minRid: since, limit: 1 })[0]?.title ?? null;
  } catch {
    return null;
  }
}
