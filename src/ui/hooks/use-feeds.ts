import { useLayoutEffect, useMemo } from 'react';
import { fullTextMode } from '../../core/article/policy.js';
import { explain } from '../../core/i18n/problem.js';
import type { UiLang } from '../../core/i18n/index.js';
import { mentionsLang } from '../../core/query/ast.js';
import { parseQuery } from '../../core/query/parse.js';
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
  const views = savedViewEntries(services, lang);
  return [...views, ...feeds.map((f): FeedsEntry => {
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
      error: st?.lastStatus === 'error' ? explain(st.lastError ?? '', lang) : null,
      fullText: fullTextMode(f),
    };
  })];
}

/**
 * The saved views, first, each counted as opening it lists: in the interface's edition unless its query
 * names a language. A view whose query cannot be read was reported with the settings and is not listed.
 */
function savedViewEntries(services: UiServices, lang: UiLang): FeedsEntry[] {
  const out: FeedsEntry[] = [];
  for (const v of services.views?.() ?? []) {
    const r = parseQuery(v.query);
    if (!r.ok || r.node === null) continue;
    const q = { where: r.node, ...(mentionsLang(r.node) ? {} : { lang }) };
    let unread = 0;
    let total = 0;
    try {
      unread = services.store.count({ ...q, unread: true });
      total = services.store.count(q);
    } catch {
      // listed without its counts
    }
    out.push({ kind: 'view', name: v.name, query: v.query, unread, total });
  }
  return out;
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
