import React from 'react';
import { Box, Text } from 'ink';
import type { Messages } from '../../core/i18n/index.js';
import type { ArticlesData } from '../hooks/use-articles.js';
import { sourceOf, type ReaderData } from '../hooks/use-reader.js';
import type { UiServices } from '../services.js';
import { keyFor, type Keymap } from '../keymap.js';
import { below, bodyHeight, edition, helpPlace, visibleTags, type AppState, type Prompt, type View } from '../state.js';
import { ArticleList } from './ArticleList.js';
import { Errors, type ErrorLine } from './Errors.js';
import { Feeds, type FeedsEntry } from './Feeds.js';
import { Links } from './Links.js';
import { Hashtags } from './Hashtags.js';
import { Help } from './Help.js';
import { Language } from './Language.js';
import { Reader } from './Reader.js';

const viewTitleKey = {
  list: 'viewList',
  reader: 'viewReader',
  hashtags: 'viewHashtags',
  language: 'viewLanguage',
  help: 'viewHelp',
  search: 'viewSearch',
  errors: 'viewErrors',
  feeds: 'viewFeeds',
  links: 'viewLinks',
} as const satisfies Record<View, string>;

/** The header's name of a view; the search prompt sits over the list, so it keeps the list's name. */
export function viewTitle(m: Messages, view: View): string {
  return m[viewTitleKey[view === 'search' ? 'list' : view]];
}

/** The help's name of a prompt: what it is for, as its label in the status line says. */
const promptTitleKey = {
  addFeed: 'helpPromptAddFeed',
  renameFeed: 'helpPromptRename',
  feedLang: 'helpPromptFeedLang',
  syncPassword: 'helpPromptSyncPassword',
} as const satisfies Record<Prompt['kind'], keyof Messages>;

/** What the help is about: the prompt it was opened from, the search (not the list it sits over), or the view. */
function helpTitle(m: Messages, s: AppState): string {
  if (s.prompt !== null) return m[promptTitleKey[s.prompt.kind]];
  return below(s) === 'search' ? m.viewSearch : viewTitle(m, below(s));
}

/**
 * The clock in 10-second steps: list rows show compact relative times ("5m", "2h", "3d"), so a row formatted
 * up to ten seconds ago is still right to the minute it shows, and a move need not format it again.
 */
function timeBucket(services: UiServices): number {
  return Math.floor((services.now?.() ?? new Date()).getTime() / 10_000);
}

export interface ViewBodyProps {
  services: UiServices;
  s: AppState;
  m: Messages;
  data: ArticlesData;
  reader: ReaderData;
  /** The feeds view's rows (empty unless it is open). */
  feeds: readonly FeedsEntry[];
  /** The failed-feeds page's lines (empty unless it is open). */
  errorPage: readonly ErrorLine[];
}

/**
 * What an empty list says. What is true: the filters match nothing, or this edition has no articles while
 * the other has some (L switches), or the cache is empty (r fetches).
 */
function emptyList(m: Messages, s: AppState, data: ArticlesData, filtered: boolean, keymap: Keymap | undefined): { emptyText: string; emptyHint?: string } {
  if (data.error !== null) return { emptyText: data.error };
  const f = s.filters;
  // "unread only" or "starred only" alone: say what is true of them, and the key that shows everything again
  const alone = s.view !== 'search' && f.tags.length === 0 && f.query === null && f.feed === null;
  if (alone && f.unreadOnly && !f.starredOnly) return { emptyText: m.emptyUnread, emptyHint: m.emptyUnreadHint(keyFor(keymap, 'unread', 'list')) };
  if (alone && f.starredOnly && !f.unreadOnly) {
    return { emptyText: m.emptyStarred, emptyHint: m.emptyStarredHint(keyFor(keymap, 'toggleStar', 'list'), keyFor(keymap, 'starredOnly', 'list')) };
  }
  if (filtered) return s.view === 'search' ? { emptyText: m.emptyList } : { emptyText: m.emptyList, emptyHint: m.emptyListHint(keyFor(keymap, 'clear', 'list')) };
  if (data.otherEdition > 0) {
    const name = (l: 'id' | 'en'): string => (l === 'id' ? m.langNameId : m.langNameEn);
    const shown = edition(s);
    const other = shown === 'id' ? 'en' : 'id';
    return { emptyText: m.emptyEdition(name(shown)), emptyHint: m.emptyEditionHint(data.otherEdition, name(other), keyFor(keymap, 'lang', 'list')) };
  }
  return { emptyText: m.emptyCache(keyFor(keymap, 'refresh', 'list')) };
}

/** The part of the frame between header and status bar, for the current view. */
export function ViewBody({ services, s, m, data, reader, feeds, errorPage }: ViewBodyProps): React.JSX.Element {
  const h = bodyHeight(s.size);
  const size = { height: h, columns: s.size.columns, measure: services };
  switch (s.view) {
    case 'reader':
      return reader.shown ? (
        <Reader m={m} doc={reader.doc} scroll={s.reader.scroll} focusRelated={s.reader.focus === 'related'} related={s.reader.related} {...size} />
      ) : (
        <Box height={h}>
          <Text>{' ' + m.articleGone}</Text>
        </Box>
      );
    case 'hashtags':
      return (
        <Hashtags
          m={m}
          lang={s.lang}
          tags={visibleTags(s)}
          total={s.hashtags.all.length}
          query={s.hashtags.query}
          active={s.filters.tags}
          selected={s.hashtags.selected}
          scroll={s.hashtags.scroll}
          {...size}
        />
      );
    case 'language':
      return <Language m={m} lang={s.lang} selected={s.language.selected} {...size} />;
    case 'help':
      return <Help m={m} lang={s.lang} keymap={services.keymap} of={helpPlace(s)} viewTitle={helpTitle(m, s)} scroll={s.helpScroll} {...size} />;
    case 'errors':
      return <Errors lines={errorPage} scroll={s.errors.scroll} {...size} />;
    case 'feeds':
      return (
        <Feeds
          m={m}
          lang={s.lang}
          entries={feeds}
          selected={s.feeds.selected}
          scroll={s.feeds.scroll}
          relTime={(iso, compact) => services.relativeTime(iso, s.lang, compact)}
          {...size}
        />
      );
    case 'links':
      return <Links m={m} targets={reader.targets} selected={s.links.selected} scroll={s.links.scroll} {...size} />;
    default: {
      const f = s.filters;
      const filtered = f.tags.length > 0 || f.query !== null || f.unreadOnly || f.starredOnly || f.feed !== null;
      return (
        <ArticleList
          rows={data.rows}
          selected={s.list.selected}
          relTime={(iso) => services.relativeTime(iso, s.lang, true)}
          sourceOf={sourceOf}
          rowKey={`${s.lang} ${timeBucket(services)}`}
          onRowRender={services.onRowRender}
          {...emptyList(m, s, data, filtered, services.keymap)}
          wrap={services.wrap}
          {...size}
        />
      );
    }
  }
}
