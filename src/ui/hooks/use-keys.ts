import { useEffect, useRef } from 'react';
import { useInput } from 'ink';
import { messages, type UiLang } from '../../core/i18n/index.js';
import { checkOpenableUrl } from '../../core/open.js';
import type { StoredArticle, TagCount } from '../../core/types.js';
import { matchKey, type InkKey, type KeyAction } from '../keymap.js';
import type { UiServices } from '../services.js';
import { listLang, listQuery, reducer, visibleTags, type Action, type AppState, type Kept } from '../state.js';
import type { AppStore } from './use-app-state.js';
import { selectedArticleOf } from './use-articles.js';
import type { StartRefresh } from './use-refresh.js';
import { shownArticle } from './use-reader.js';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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
  deleteChar: () => ({ type: 'deleteChar' }),
  applySearch: () => ({ type: 'applySearch' }),
  cancelSearch: () => ({ type: 'cancelSearch' }),
};

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

  const run = (action: KeyAction, text: string | undefined): void => {
    const s = current();
    const pure = PURE[action];
    if (pure) {
      dispatch(pure(s));
      return;
    }
    switch (action) {
      case 'lang': {
        const other: UiLang = s.lang === 'id' ? 'en' : 'id';
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
        if (lang !== s.lang) setLang(lang);
        dispatch({ type: 'back' });
        return;
      }
      case 'clear':
      case 'unread': {
        // The selected article stays selected (or the one now in its place), on the same screen row.
        const act: Action = action === 'clear' ? { type: 'clearFilters' } : { type: 'toggleUnreadOnly' };
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
      case 'refresh':
        if (!startRefresh()) dispatch({ type: 'toast', toast: { key: 'refreshRunning' } });
        return;
      case 'focusRelated': {
        const a = s.reader.relatedCount === 0 ? shown(s) : null;
        dispatch({ type: 'toggleFocus', ...(a ? { relatedCount: services.store.related(a.id, 5).length } : {}) });
        return;
      }
      case 'openRelated': {
        const a = s.reader.focus === 'related' ? shown(s) : null;
        const r = a ? services.store.related(a.id, 5)[s.reader.related] : undefined;
        if (r) dispatch({ type: 'openArticle', id: r.id });
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
          dispatch({ type: 'toast', toast: { text: errorText(e) } });
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
      case 'copyLink': {
        const url = (shown(s)?.url ?? '').trim();
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
      case 'narrow':
        if (text) dispatch({ type: 'typeChar', text });
        return;
      case 'addTag': {
        const t = visibleTags(s)[s.hashtags.selected];
        if (t) dispatch({ type: 'addTag', tag: t.tag });
        return;
      }
      default:
        return;
    }
  };

  const press = (input: string, key: InkKey): void => {
    const s = current();
    const hit = matchKey(s.view, input, key);
    if (s.toast !== null) dispatch({ type: 'toast', toast: null });
    if (hit) run(hit.action, hit.text);
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
