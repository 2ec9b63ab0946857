import { useEffect, useRef } from 'react';
import { explain, problemOf } from '../../core/i18n/problem.js';
import { useInput } from 'ink';
import { FULL_TEXT_MODES } from '../../core/article/policy.js';
import { messages, type UiLang } from '../../core/i18n/index.js';
import { checkOpenableUrl } from '../../core/open.js';
import type { ArticleQuery, StoredArticle, TagCount } from '../../core/types.js';
import { keyFor, matchKey, type InkKey, type KeyAction, type KeyContext } from '../keymap.js';
import type { UiServices } from '../services.js';
import { edition, listLang, listQuery, reducer, syncWait, visibleTags, type Action, type AppState, type Kept, type Toast, type Undo } from '../state.js';
import { parseEdition, parseFeedSpec } from '../../core/subscriptions.js';
import { clean } from '../components/Line.js';
import type { FeedEntry, FeedsEntry } from '../views/Feeds.js';
import type { LinkTarget } from '../views/Links.js';
import { articleTargets, readerWidth } from '../views/Reader.js';
import { feedEntries } from './use-feeds.js';
import type { AppStore } from './use-app-state.js';
import { selectedArticleOf } from './use-articles.js';
import type { StartRefresh } from './use-refresh.js';
import { readerRelated, shownArticle } from './use-reader.js';

/** A failure (a cache that cannot be written …) in the interface's language. */
const errorText = (e: unknown, lang: UiLang): string => explain(problemOf(e), lang);

/** Actions that only move the reducer, with no effect outside it. */
const PURE: Partial<Record<KeyAction, (s: AppState) => Action>> = {
  quit: () => ({ type: 'quit' }),
  back: () => ({ type: 'back' }),
  help: () => ({ type: 'showView', view: 'help' }),
  languageView: () => ({ type: 'showView', view: 'language' }),
  down: () => ({ type: 'move', delta: 1 }),
  up: () => ({ type: 'move', delta: -1 }),
  pageDown: () => ({ type: 'page', dir: 1 }),
  pageUp: () => ({ type: 'page', dir: -1 }),
  top: () => ({ type: 'top' }),
  bottom: () => ({ type: 'bottom' }),
  open: () => ({ type: 'openArticle', id: null }),
  search: () => ({ type: 'showView', view: 'search' }),
  next: () => ({ type: 'step', delta: 1 }),
  prev: () => ({ type: 'step', delta: -1 }),
  errors: () => ({ type: 'showView', view: 'errors' }),
  feeds: () => ({ type: 'showView', view: 'feeds' }),
  addFeed: () => ({ type: 'openPrompt', prompt: { kind: 'addFeed', text: '' } }),
  promptDelete: () => ({ type: 'promptDelete' }),
  promptCancel: () => ({ type: 'closePrompt' }),
  digitDelete: () => ({ type: 'digitDelete' }),
  cancelNumber: () => ({ type: 'digitsClear' }),
  deleteChar: () => ({ type: 'deleteChar' }),
  applySearch: () => ({ type: 'applySearch' }),
  cancelSearch: () => ({ type: 'cancelSearch' }),
};

/** Whose keys apply: a question or a prompt in the status line over any view (the help over a prompt: the help), a link number being typed, or the view. */
export function keyContext(s: AppState): KeyContext {
  if (s.confirm !== null) return 'confirm';
  // the help opened over a prompt: its keys until it closes, then the prompt's again
  if (s.view === 'help') return 'help';
  if (s.prompt !== null) return 'prompt';
  if (s.digits !== '') return 'number';
  return s.view;
}

const NO_KEY: InkKey = {
  upArrow: false, downArrow: false, pageUp: false, pageDown: false, home: false, end: false, return: false,
  escape: false, tab: false, shift: false, ctrl: false, meta: false, backspace: false, delete: false,
};

export interface Keypress {
  input: string;
  key: InkKey;
}

/**
 * One keypress per character of a run of plain text. Ink hands a pasted or quickly typed run ("/ransomware⏎")
 * to the handler as one input; split, "/" opens the prompt and the rest is typed into it.
 */
export function splitRun(input: string): Keypress[] {
  const out: Keypress[] = [];
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') out.push({ input: '', key: { ...NO_KEY, return: true } });
    else if (ch === '\t') out.push({ input: '', key: { ...NO_KEY, tab: true } });
    else if (ch === '\u007f' || ch === '\b') out.push({ input: '', key: { ...NO_KEY, backspace: true } });
    // eslint-disable-next-line no-control-regex
    else if (!/[\u0000-\u001f\u0080-\u009f]/.test(ch)) out.push({ input: ch, key: NO_KEY });
  }
  return out;
}

/**
 * The key table applied to the state. Keys that arrive together (a paste, tmux send-keys, a fast typist) are
 * handled one frame apart, so they act exactly as if typed one by one; a single key is handled at once.
 * Handlers read the state as of the actions before them (not as last rendered) and look articles up in the
 * store when they need them.
 */
export function useKeys(services: UiServices, app: AppStore, startRefresh: StartRefresh): void {
  const { dispatch, current, batch } = app;

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

  const shown = (s: AppState): StoredArticle | null => shownArticle(services, s, selectedArticleOf(services, s));
  const target = (s: AppState): StoredArticle | null => (s.view === 'reader' ? shown(s) : selectedArticleOf(services, s));

  /** The article shown in the reader (or under the link picker), its numbered links and enclosures. */
  const targetsOf = (s: AppState): LinkTarget[] => {
    const a = shown(s);
    if (!a) return [];
    const body = services.renderBody(a.contentHtml || a.summary, readerWidth(s.size.columns), s.lang);
    return articleTargets(body.links, a, s.lang);
  };

  /** Opens a link (the browser) or an enclosure (the player, else the browser), saying how it went. */
  const openTarget = (t: LinkTarget, lang: UiLang): void => {
    const m = messages(lang);
    const enclosure = t.label !== null;
    void (enclosure ? services.openMedia(t.url, lang) : services.openUrl(t.url, lang)).then((r) => {
      const done: Toast = enclosure && services.hasPlayer ? { key: 'openedInPlayer' } : { key: 'linkOpened' };
      dispatch({ type: 'toast', toast: r.ok ? done : { text: m.openFailed(r.message) } });
    });
  };

  /** Copies a URL to the clipboard with OSC 52, when it is one that may be opened. */
  const copy = (raw: string): void => {
    const url = raw.trim();
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
  };

  /** The feeds view's selected row. */
  const selectedEntry = (s: AppState): FeedsEntry | undefined => feedEntries(services, s.lang)[s.feeds.selected];
  // what acts on a subscription (rename, language, remove, refresh, mark read) leaves the saved views alone
  const selectedFeed = (s: AppState): FeedEntry | undefined => {
    const e = selectedEntry(s);
    return e?.kind === 'feed' ? e : undefined;
  };

  /** The filters' list is read again after marks changed many articles, with the notice (and its undo). */
  const marksChanged = (s: AppState, toast: Toast, undo?: Undo): void => {
    let total = s.list.total;
    try {
      total = services.store.count(listQuery(s));
    } catch {
      // the count stays as it was; the next query corrects it
    }
    dispatch({ type: 'marksChanged', total, toast, ...(undo ? { undo } : {}) });
  };

  /** Next (1) or previous (-1) unread article in list order; with a feed listed, on into the next feed. */
  const unreadStep = (s: AppState, dir: 1 | -1): void => {
    const open = s.view === 'reader';
    const from = selectedArticleOf(services, s)?.id ?? null;
    try {
      const q = listQuery(s);
      const hit = services.store.unreadNeighbour(q, from, dir);
      if (hit) {
        dispatch({ type: 'jump', index: hit.index, open });
        return;
      }
      if (s.filters.feed !== null) {
        // none left in this feed: the nearest feed after it (before it, going back) that has one
        const feeds = services.feeds.list();
        const at = feeds.findIndex((f) => f.url === s.filters.feed);
        for (let k = 1; k < feeds.length; k++) {
          const f = feeds[(at + dir * k + feeds.length * k) % feeds.length];
          if (!f) continue;
          const filters = { ...s.filters, feed: f.url };
          const fq = { ...q, feedUrl: f.url, keepIds: undefined };
          const first = services.store.unreadNeighbour(fq, null, dir);
          if (!first) continue;
          dispatch({ type: 'jump', index: first.index, open, filters, total: services.store.count(fq) });
          dispatch({ type: 'toast', toast: { text: messages(s.lang).nextFeed(clean(f.title ?? services.store.getFeedState(f.url)?.title ?? f.url)) } });
          return;
        }
      }
      dispatch({ type: 'toast', toast: noUnreadLeft(s, q, dir) });
    } catch (e) {
      dispatch({ type: 'toast', toast: { text: errorText(e, current().lang) } });
    }
  };

  /**
   * Nothing unread after (or before) the selection. N and P stay in the edition shown (its articles are one
   * list, the other edition's are translations or other news, in another list): when this edition has none
   * left at all and the other has some, the notice says how many and which key switches to them.
   */
  const noUnreadLeft = (s: AppState, q: ArticleQuery, dir: 1 | -1): Toast => {
    const plain: Toast = { key: dir === 1 ? 'noMoreUnread' : 'noPrevUnread' };
    const shown = listLang(s);
    if (shown === undefined) return plain;
    // with one feed listed N goes on into the others: they count too
    const { keepIds: _k, feedUrl: _f, ...rest } = q;
    const all = s.filters.feed === null ? { ...q, keepIds: undefined } : rest;
    if (services.store.unreadCount(all) > 0) return plain;
    const other: UiLang = shown === 'id' ? 'en' : 'id';
    const there = services.store.unreadCount({ ...all, lang: other });
    if (there === 0) return plain;
    const m = messages(s.lang);
    const name = (l: UiLang): string => (l === 'id' ? m.langShortId : m.langShortEn);
    const key = keyFor(services.keymap, 'lang', 'list');
    return { text: s.view === 'reader' ? m.noUnreadHereReader(name(shown), there, name(other), key) : m.noUnreadHere(name(shown), there, name(other), key) };
  };

  /** Enter in a prompt of the feeds view: the line is checked; a mistake is said and the prompt stays. */
  const submitPrompt = (s: AppState): void => {
    const p = s.prompt;
    if (p === null) return;
    const m = messages(s.lang);
    const say = (text: string): void => dispatch({ type: 'toast', toast: { text } });
    if (p.kind === 'syncPassword') {
      // nothing typed yet: the prompt stays (Esc leaves it)
      if (p.text === '') return;
      services.syncPassword?.(p.text);
      dispatch({ type: 'closePrompt' });
      if (!startRefresh()) say(m.refreshRunning);
      return;
    }
    try {
      if (p.kind === 'addFeed') {
        const spec = parseFeedSpec(p.text);
        if (!spec.ok) {
          const e = spec.error;
          say(
            e.kind === 'needUrl' ? m.feedNeedUrl
            : e.kind === 'badUrl' ? m.feedBadUrl(e.value)
            : e.kind === 'badLang' ? m.feedBadLang(e.value)
            : e.kind === 'badOption' ? m.feedBadOption(e.value)
            : e.kind === 'badFull' ? m.feedBadFull(e.value)
            : e.kind === 'badTag' ? m.feedBadTag(e.value)
            : e.kind === 'emptyTag' ? m.feedEmptyTag
            : m.feedNeedValue(e.option),
          );
          return;
        }
        if (!services.feeds.add(spec.feed)) {
          say(m.feedExists(spec.feed.url));
          return;
        }
        dispatch({ type: 'closePrompt' });
        dispatch({ type: 'dataChanged' });
        // the saved views are listed above the feeds
        const entries = feedEntries(services, s.lang);
        const at = entries.findIndex((e) => e.kind === 'feed' && e.url === spec.feed.url);
        dispatch({ type: 'feedsLoaded', total: entries.length, select: at });
        const started = startRefresh([spec.feed.url], true);
        say(started ? m.feedAdded(clean(spec.feed.title ?? spec.feed.url)) : m.feedAddedLater(clean(spec.feed.title ?? spec.feed.url)));
        return;
      }
      const url = p.url ?? '';
      if (p.kind === 'renameFeed') {
        if (!services.feeds.rename(url, p.text)) say(m.feedGone);
        else say(m.feedRenamed(clean(p.text.trim() || (services.store.getFeedState(url)?.title ?? url))));
      } else {
        const text = p.text.trim();
        const lang = text === '' ? null : parseEdition(text);
        if (text !== '' && lang === null) {
          say(m.feedBadLang(clean(text)));
          return;
        }
        if (!services.feeds.setLang(url, lang)) say(m.feedGone);
        else say(lang === null ? m.feedLangAuto : m.feedLangSet(lang));
      }
      dispatch({ type: 'closePrompt' });
      dispatch({ type: 'dataChanged' });
    } catch (e) {
      // the settings file could not be written: said, and the prompt stays for another try
      say(errorText(e, current().lang));
    }
  };

  /** y or Enter on a question: does what it asked. */
  const confirmed = (s: AppState): void => {
    const c = s.confirm;
    dispatch({ type: 'answered' });
    if (c === null) return;
    const m = messages(s.lang);
    try {
      if (c.kind === 'markAll' || c.kind === 'markFeed') {
        const r = services.store.markAll(c.kind === 'markAll' ? listQuery(s) : { feedUrl: c.url }, true);
        marksChanged(s, { text: m.markedAllRead(r.matched, keyFor(services.keymap, 'undo', 'list')) }, { ids: r.ids, read: false, count: r.matched });
        return;
      }
      const r = services.feeds.remove(c.url);
      if (!r.removed) {
        dispatch({ type: 'toast', toast: { key: 'feedGone' } });
        return;
      }
      // a list of that feed has nothing left to show: back to all feeds
      if (s.filters.feed === c.url) dispatch({ type: 'dropFeedFilter' });
      dispatch({ type: 'feedUnsubscribed', url: c.url });
      dispatch({ type: 'dataChanged' });
      marksChanged(current(), { text: m.feedRemoved(clean(c.title), r.articles) });
    } catch (e) {
      dispatch({ type: 'toast', toast: { text: errorText(e, current().lang) } });
    }
  };

  const run = (action: KeyAction, text: string | undefined, undo: Undo | null = null): void => {
    const s = current();
    const pure = PURE[action];
    if (pure) {
      dispatch(pure(s));
      return;
    }
    switch (action) {
      case 'lang': {
        // the other edition than the one shown (a feed's, listed in the other edition, goes back to the interface's)
        const other: UiLang = edition(s) === 'id' ? 'en' : 'id';
        const a = s.view === 'reader' ? shown(s) : null;
        if (a) {
          const alt = services.store.alternate(a.id, a.lang === 'en' ? 'id' : 'en');
          // in the reader L is the page's IND | ENG switch: with no other edition there is nothing to switch to
          dispatch(alt ? { type: 'openArticle', id: alt.id, replace: true } : { type: 'toast', toast: { key: 'noOtherEdition' } });
          return;
        }
        setLang(other);
        if (s.view === 'language') dispatch({ type: 'back' });
        return;
      }
      case 'chooseLanguage': {
        const lang: UiLang = s.language.selected === 0 ? 'id' : 'en';
        if (lang !== edition(s) || lang !== s.lang) setLang(lang);
        dispatch({ type: 'back' });
        return;
      }
      case 'clear':
      case 'unread':
      case 'starredOnly': {
        // The selected article stays selected (or the one now in its place), on the same screen row.
        const act: Action =
          action === 'clear' ? { type: 'clearFilters' } : action === 'unread' ? { type: 'toggleUnreadOnly' } : { type: 'toggleStarredOnly' };
        const next = reducer(s, act);
        if (next === s) return;
        const a = selectedArticleOf(services, s);
        let keep: Kept | undefined;
        if (a) {
          try {
            const q = listQuery(next);
            const index = services.store.position(q, a.id);
            if (index !== null) keep = { index, total: services.store.count(q) };
          } catch {
            // the list starts from the top, as it would without a selection
          }
        }
        dispatch(keep ? { ...act, keep } : act);
        return;
      }
      case 'refresh': {
        // the sync server waits for its password: r asks for it (a refresh without it would only wait again)
        const wait = s.refresh.running || services.syncPassword === undefined ? null : syncWait(s.refresh);
        if (wait !== null) {
          dispatch({ type: 'openPrompt', prompt: { kind: 'syncPassword', text: '', url: wait.server, user: wait.user } });
          return;
        }
        if (!startRefresh()) dispatch({ type: 'toast', toast: { key: 'refreshRunning' } });
        return;
      }
      case 'focusRelated': {
        const a = s.reader.relatedCount === 0 ? shown(s) : null;
        dispatch({ type: 'toggleFocus', ...(a ? { relatedCount: readerRelated(services, a, services.pages.get(a.id)).length } : {}) });
        return;
      }
      case 'openRelated': {
        const a = s.reader.focus === 'related' ? shown(s) : null;
        const r = a ? readerRelated(services, a, services.pages.get(a.id))[s.reader.related] : undefined;
        if (!r) return;
        if (r.id !== null) {
          dispatch({ type: 'openArticle', id: r.id });
          return;
        }
        // A related article of the page that is not cached opens in the browser, as `o` would.
        if (r.url !== null) {
          void services.openUrl(r.url, s.lang).then((res) => {
            dispatch({ type: 'toast', toast: res.ok ? { key: 'linkOpened' } : { text: messages(s.lang).openFailed(res.message) } });
          });
        }
        return;
      }
      case 'toggleFull': {
        const a = shown(s);
        if (!a) return;
        const page = services.pages.get(a.id);
        // With the full article cached, `f` switches texts; without it, `f` asks for it (again, if it failed).
        if (page?.status === 'ok') dispatch({ type: 'toggleFull', fetch: false });
        else if (s.reader.loading) dispatch({ type: 'toast', toast: { key: 'fullLoading' } });
        else if (page?.status === 'skipped') dispatch({ type: 'toast', toast: { key: 'fullIsFeed' } });
        else dispatch({ type: 'toggleFull', fetch: true });
        return;
      }
      case 'hashtags':
        try {
          // the chosen tags count every filtered article: listed first, whatever their spelling sorts as
          const chosen = new Set(s.filters.tags.map((t) => t.toLowerCase()));
          // counted within the list: its edition, its tags and its query
          const tags = services.store.tags(listLang(s), s.filters.tags, s.filters.query ?? undefined);
          const isChosen = (t: TagCount): boolean => chosen.has(t.tag.toLowerCase());
          dispatch({ type: 'tagsLoaded', tags: [...tags.filter(isChosen), ...tags.filter((t) => !isChosen(t))] });
        } catch {
          dispatch({ type: 'tagsLoaded', tags: [] });
        }
        dispatch({ type: 'showView', view: 'hashtags' });
        return;
      case 'toggleRead':
      case 'toggleStar': {
        const a = target(s);
        if (!a) return;
        const flags = action === 'toggleRead' ? { read: !a.read } : { starred: !a.starred };
        try {
          services.store.mark([a.id], flags);
          dispatch({ type: 'override', id: a.id, ...flags, fromList: s.view === 'list' || s.reader.articleId === null });
          const key = action === 'toggleRead' ? (flags.read ? 'markedRead' : 'markedUnread') : flags.starred ? 'starred' : 'unstarred';
          dispatch({ type: 'toast', toast: { key } });
        } catch (e) {
          dispatch({ type: 'toast', toast: { text: errorText(e, current().lang) } });
        }
        return;
      }
      case 'openLink': {
        // Not sanitised first: a link carrying control characters must be refused, not cleaned and opened.
        const url = (target(s)?.url ?? '').trim();
        if (url === '') {
          dispatch({ type: 'toast', toast: { key: 'noLink' } });
          return;
        }
        void services.openUrl(url, s.lang).then((r) => {
          dispatch({ type: 'toast', toast: r.ok ? { key: 'linkOpened' } : { text: messages(s.lang).openFailed(r.message) } });
        });
        return;
      }
      case 'copyLink':
        copy(shown(s)?.url ?? '');
        return;
      case 'narrow':
        if (text) dispatch({ type: 'typeChar', text });
        return;
      case 'addTag': {
        const t = visibleTags(s)[s.hashtags.selected];
        if (t) dispatch({ type: 'addTag', tag: t.tag });
        return;
      }
      case 'markAll': {
        let count = 0;
        try {
          count = services.store.unreadCount(listQuery(s));
        } catch (e) {
          dispatch({ type: 'toast', toast: { text: errorText(e, current().lang) } });
          return;
        }
        dispatch(count === 0 ? { type: 'toast', toast: { key: 'nothingToMark' } } : { type: 'ask', confirm: { kind: 'markAll', count } });
        return;
      }
      case 'markFeedRead': {
        const f = selectedFeed(s);
        if (!f) return;
        dispatch(
          f.unread === 0
            ? { type: 'toast', toast: { key: 'nothingToMark' } }
            : { type: 'ask', confirm: { kind: 'markFeed', url: f.url, title: f.title, count: f.unread } },
        );
        return;
      }
      case 'undo': {
        if (undo === null) {
          dispatch({ type: 'toast', toast: { key: 'nothingToUndo' } });
          return;
        }
        try {
          services.store.setRead(undo.ids, undo.read);
          marksChanged(s, { text: messages(s.lang).undone(undo.count) });
        } catch (e) {
          dispatch({ type: 'toast', toast: { text: errorText(e, current().lang) } });
        }
        return;
      }
      case 'confirmYes':
        confirmed(s);
        return;
      case 'confirmNo':
        dispatch({ type: 'answered' });
        dispatch({ type: 'toast', toast: { key: 'cancelled' } });
        return;
      case 'nextUnread':
      case 'prevUnread':
        unreadStep(s, action === 'nextUnread' ? 1 : -1);
        return;
      case 'links':
        dispatch({ type: 'showView', view: 'links' });
        dispatch({ type: 'linksLoaded', total: targetsOf(s).length });
        return;
      case 'digit':
        if (text) dispatch({ type: 'digit', digit: text });
        return;
      case 'openNumber': {
        const n = Number(s.digits);
        dispatch({ type: 'digitsClear' });
        const t = targetsOf(s).find((x) => x.number === n);
        if (t) openTarget(t, s.lang);
        else dispatch({ type: 'toast', toast: { text: messages(s.lang).noSuchLink(n) } });
        return;
      }
      case 'openTarget':
      case 'copyTarget': {
        const t = targetsOf(s)[s.links.selected];
        if (!t) return;
        if (action === 'openTarget') openTarget(t, s.lang);
        else copy(t.url);
        return;
      }
      case 'openFeed': {
        const e = selectedEntry(s);
        if (e?.kind === 'view') {
          dispatch({ type: 'openView', name: e.name, query: e.query });
          return;
        }
        const f = selectedFeed(s);
        if (!f) return;
        // The list shows one edition. A feed whose articles are all in the other one is shown there.
        const other: UiLang = s.lang === 'id' ? 'en' : 'id';
        let lang: UiLang | undefined;
        try {
          const here = services.store.count({ feedUrl: f.url, lang: s.lang });
          if (here === 0 && services.store.count({ feedUrl: f.url, lang: other }) > 0) lang = other;
        } catch {
          // listed in this edition, as it would be
        }
        // the interface keeps the language the user chose (nothing is saved): only the edition listed follows the feed
        dispatch({ type: 'openFeed', url: f.url, ...(lang ? { lang } : {}) });
        if (lang) {
          const m = messages(s.lang);
          const name = (l: UiLang): string => (l === 'id' ? m.langShortId : m.langShortEn);
          dispatch({ type: 'toast', toast: { text: m.switchedEdition(name(lang), keyFor(services.keymap, 'clear', 'list'), name(s.lang)) } });
        }
        return;
      }
      case 'renameFeed':
      case 'feedLang': {
        const f = selectedFeed(s);
        if (!f) return;
        const cfg = services.feeds.list().find((x) => x.url === f.url);
        const textNow = action === 'renameFeed' ? (cfg?.title ?? '') : (cfg?.lang ?? '');
        dispatch({ type: 'openPrompt', prompt: { kind: action === 'renameFeed' ? 'renameFeed' : 'feedLang', url: f.url, text: textNow } });
        return;
      }
      case 'feedFullText': {
        const f = selectedFeed(s);
        if (!f) return;
        // auto → always → never → auto: one key, the mode said in full each time
        const next = FULL_TEXT_MODES[(FULL_TEXT_MODES.indexOf(f.fullText) + 1) % FULL_TEXT_MODES.length] ?? 'auto';
        const m = messages(s.lang);
        try {
          if (!services.feeds.setFullText(f.url, next)) dispatch({ type: 'toast', toast: { text: m.feedGone } });
          else dispatch({ type: 'toast', toast: { text: m.feedFullTextSet(next, keyFor(services.keymap, 'toggleFull', 'reader')) } });
          dispatch({ type: 'dataChanged' });
        } catch (e) {
          // the settings file could not be written
          dispatch({ type: 'toast', toast: { text: errorText(e, s.lang) } });
        }
        return;
      }
      case 'removeFeed': {
        const f = selectedFeed(s);
        if (!f) return;
        let starred = 0;
        try {
          starred = services.store.count({ feedUrl: f.url, starred: true });
        } catch {
          // asked without the number
        }
        dispatch({ type: 'ask', confirm: { kind: 'removeFeed', url: f.url, title: f.title, total: f.total, starred } });
        return;
      }
      case 'refreshFeed': {
        const f = selectedFeed(s);
        if (f && !startRefresh([f.url])) dispatch({ type: 'toast', toast: { key: 'refreshRunning' } });
        return;
      }
      case 'promptType':
        if (text) dispatch({ type: 'promptType', text });
        return;
      case 'promptSubmit':
        submitPrompt(s);
        return;
      default:
        return;
    }
  };

  const press = (input: string, key: InkKey): void => {
    const s = current();
    const context = keyContext(s);
    let hit = matchKey(context, input, key, services.keymap);
    // a question takes every key, even one the table cannot name
    if (hit === null && context === 'confirm') hit = { action: 'confirmNo' };
    // the undo of a mark-all lives as long as its notice: this key ends both, unless it is the undo
    const undo = s.undo;
    if (s.toast !== null || s.undo !== null) dispatch({ type: 'toast', toast: null });
    if (hit === null && context === 'number') {
      // a key that is no part of a link number drops it, and does what it does in the view
      dispatch({ type: 'digitsClear' });
      hit = matchKey(s.view, input, key, services.keymap);
    }
    if (hit) run(hit.action, hit.text, undo);
  };

  // Keys held back until the frame of the keys before them is drawn. A key can change what the next one
  // acts on in ways only a render tells: the length of the page an Enter opened (laid out in useReader),
  // the size of the list a filter change makes (counted in useArticles), the read mark the opened article
  // gets (an effect). A person typing sees the frame before the next key; a paste must get the same.
  const held = useRef<Keypress[]>([]);
  /** A key changed the state and its render has not settled yet (frame drawn, effects run). */
  const unsettled = useRef(false);
  const drainTimer = useRef<ReturnType<typeof setImmediate> | null>(null);

  /** Handles keys in order until one changes the state; the rest wait for its frame. */
  const feed = (keys: Keypress[]): void => {
    for (let i = 0; i < keys.length; i++) {
      // behind held keys too: a key arriving before they are drained goes after them
      if (unsettled.current || held.current.length > 0) {
        held.current.push(...keys.slice(i));
        return;
      }
      const before = current();
      if (before.quit) return;
      const k = keys[i] as Keypress;
      press(k.input, k.key);
      if (current() !== before) unsettled.current = true;
    }
  };

  const drain = (): void => {
    drainTimer.current = null;
    const keys = held.current.splice(0);
    batch(() => feed(keys));
  };

  // After every commit: once the rendered state is the latest (layout actions from this commit rendered
  // too, effects run), the next held key goes. On the next turn of the event loop, not in this effect, so a
  // long paste is not one deep chain of nested updates.
  useEffect(() => {
    if (!unsettled.current || app.state !== current()) return;
    unsettled.current = false;
    if (held.current.length > 0 && drainTimer.current === null) drainTimer.current = setImmediate(drain);
  });
  useEffect(
    () => () => {
      if (drainTimer.current !== null) clearImmediate(drainTimer.current);
    },
    [],
  );

  useInput((input, key) => {
    // Ctrl-C quits at once, even behind a long paste still being worked through
    if (key.ctrl && input === 'c') {
      held.current.length = 0;
      dispatch({ type: 'quit' });
      return;
    }
    const run = [...input].length > 1 && !key.ctrl && !key.meta && !key.escape;
    feed(run ? splitRun(input) : [{ input, key }]);
  });
}
