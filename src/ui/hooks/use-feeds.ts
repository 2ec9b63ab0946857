import { useLayoutEffect, useMemo } from 'react';
import { explain, readProblem } from '../../core/i18n/problem.js';
import type { UiLang } from '../../core/i18n/index.js';
import type { UiServices } from '../services.js';
import type { Action, AppState } from '../state.js';
import type { FeedsEntry } from '../views/Feeds.js';

/** The language an entry shows: the one set for the feed, else the one most of its articles have. */
function shownLang(set: string | undefined, langs: Record<string, number>): string | null {
  if (set) return set;
  let best: string | null = null;
  let most = 0;
  for (const [l, k] of Object.entries(langs)) {
    if (l !== '' && k > most) {
      best = l;
      most = k;
    }
  }
  return best;
}

/**
 * The rows of the feeds view: every subscription, in the settings' order, with its counts and the state of
 * its last fetch from the cache, its last error in the interface language.
 */
export function feedEntries(services: UiServices, lang: UiLang): FeedsEntry[] {
  const feeds = services.feeds.list();
  let states = new Map<string, ReturnType<UiServices['store']['listFeedStates']>[number]>();
  let counts = new Map<string, { total: number; unread: number; langs: Record<string, number> }>();
  try {
    states = new Map(services.store.listFeedStates().map((f) => [f.url, f]));
    counts = services.store.feedCounts();
  } catch {
    // a cache that cannot be read now: the feeds are still listed, from the settings
  }
  return feeds.map((f): FeedsEntry => {
    const st = states.get(f.url);
    const c = counts.get(f.url) ?? { total: 0, unread: 0, langs: {} };
    return {
      kind: 'feed',
      url: f.url,
      title: f.title ?? st?.title ?? f.url,
      lang: shownLang(f.lang, c.langs),
      unread: c.unread,
      total: c.total,
      lastFetched: st?.lastFetched ?? null,
      error: st?.lastStatus === 'error' ? explain(readProblem(st.lastError ?? ''), lang) : null,
    };
  });
}

/** The feeds view's rows while it is open; the reducer is told how many there are (to move within them). */
export function useFeeds(services: UiServices, s: AppState, dispatch: (a: Action) => void): FeedsEntry[] {
  const open = s.view === 'feeds' || s.stack.some((f) => f.view === 'feeds');
  const entries = useMemo(
    () => (open ? feedEntries(services, s.lang) : []),
    // dataVersion: a change made here or new articles; running: a refresh ended (its times and errors)
    [open, s.lang, s.dataVersion, s.refresh.running],
  );
  useLayoutEffect(() => {
    if (open && entries.length !== s.feeds.total) dispatch({ type: 'feedsLoaded', total: entries.length });
  }, [open, entries]);
  return entries;
}
