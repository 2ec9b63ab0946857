import { messages, type Messages, type TextKey, type UiLang } from '../core/i18n/index.js';
import { memoLast } from './memo.js';
import type { View } from './state.js';

/** Every key binding of the program: the input handler, the help overlay and the README table come from here. */

export type KeyAction =
  | 'help'
  | 'back'
  | 'quit'
  | 'lang'
  | 'languageView'
  | 'refresh'
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'top'
  | 'bottom'
  | 'open'
  | 'openRelated'
  | 'hashtags'
  | 'search'
  | 'clear'
  | 'unread'
  | 'toggleRead'
  | 'toggleStar'
  | 'openLink'
  | 'next'
  | 'prev'
  | 'focusRelated'
  | 'copyLink'
  | 'toggleFull'
  | 'errors'
  | 'narrow'
  | 'deleteChar'
  | 'addTag'
  | 'applySearch'
  | 'cancelSearch'
  | 'chooseLanguage'
  | 'feeds'
  | 'markAll'
  | 'undo'
  | 'nextUnread'
  | 'prevUnread'
  | 'starredOnly'
  | 'links'
  | 'digit'
  | 'digitDelete'
  | 'openNumber'
  | 'cancelNumber'
  | 'openTarget'
  | 'copyTarget'
  | 'openFeed'
  | 'addFeed'
  | 'renameFeed'
  | 'feedLang'
  | 'feedFullText'
  | 'removeFeed'
  | 'refreshFeed'
  | 'markFeedRead'
  | 'confirmYes'
  | 'confirmNo'
  | 'promptType'
  | 'promptDelete'
  | 'promptSubmit'
  | 'promptCancel';

/**
 * Where keys apply: a view, or something asked over it in the status line, which takes every key while it
 * is there: a question ('confirm': y or Enter, any other key says no), a line being typed ('prompt'), a link
 * number being typed in the reader or the link picker ('number').
 */
export type KeyContext = View | 'confirm' | 'prompt' | 'number';

export interface Binding {
  action: KeyAction;
  /** Display names: a printable character ('j', '#'), or ↑ ↓ PgUp PgDn Home End Enter Esc Tab Space Backspace Ctrl-C. */
  keys: string[];
  views: KeyContext[];
  help: TextKey;
}

export const ALL_VIEWS: View[] = ['list', 'reader', 'hashtags', 'language', 'help', 'search', 'errors', 'feeds', 'links'];
export const ALL_CONTEXTS: KeyContext[] = [...ALL_VIEWS, 'confirm', 'prompt', 'number'];
/** Contexts whose text prompt takes every printable key. */
export const TYPING_VIEWS: KeyContext[] = ['hashtags', 'search', 'prompt'];
/** The pseudo key of "type to narrow". */
export const TYPE_KEY = 'type';
/** The pseudo key of any digit 0–9. */
export const DIGIT_KEY = 'digit';
/** The pseudo key of "any other key" (a question's no). */
export const OTHER_KEY = 'other';

export const BINDINGS: Binding[] = [
  { action: 'help', keys: ['?'], views: ['list', 'reader', 'language', 'help', 'errors', 'feeds', 'links'], help: 'actHelp' },
  { action: 'quit', keys: ['q'], views: ['list'], help: 'actQuitList' },
  { action: 'back', keys: ['q'], views: ['reader', 'language', 'help', 'errors', 'feeds', 'links'], help: 'actBack' },
  { action: 'back', keys: ['Esc'], views: ['reader', 'hashtags', 'language', 'help', 'errors', 'feeds', 'links'], help: 'actBack' },
  { action: 'quit', keys: ['Ctrl-C'], views: ALL_CONTEXTS, help: 'actQuit' },
  { action: 'lang', keys: ['L'], views: ['list', 'reader', 'language', 'help', 'errors', 'feeds'], help: 'actLang' },
  { action: 'languageView', keys: ['l'], views: ['list'], help: 'actLanguageView' },
  { action: 'refresh', keys: ['r'], views: ['list', 'reader', 'errors'], help: 'actRefresh' },
  { action: 'down', keys: ['j', '↓'], views: ['list', 'help', 'language', 'feeds', 'links'], help: 'actDown' },
  { action: 'up', keys: ['k', '↑'], views: ['list', 'help', 'language', 'feeds', 'links'], help: 'actUp' },
  { action: 'pageDown', keys: ['PgDn'], views: ['list', 'hashtags', 'feeds', 'links'], help: 'actPageDown' },
  { action: 'pageUp', keys: ['PgUp'], views: ['list', 'hashtags', 'feeds', 'links'], help: 'actPageUp' },
  { action: 'top', keys: ['g', 'Home'], views: ['list', 'reader', 'feeds', 'links'], help: 'actTop' },
  { action: 'bottom', keys: ['G', 'End'], views: ['list', 'reader', 'feeds', 'links'], help: 'actBottom' },
  { action: 'open', keys: ['Enter'], views: ['list'], help: 'actOpen' },
  { action: 'hashtags', keys: ['#'], views: ['list'], help: 'actHashtags' },
  { action: 'search', keys: ['/'], views: ['list'], help: 'actSearch' },
  { action: 'clear', keys: ['c', 'Esc'], views: ['list'], help: 'actClear' },
  { action: 'unread', keys: ['u'], views: ['list'], help: 'actUnread' },
  { action: 'starredOnly', keys: ['S'], views: ['list'], help: 'actStarredOnly' },
  { action: 'markAll', keys: ['A'], views: ['list'], help: 'actMarkAll' },
  { action: 'undo', keys: ['z'], views: ['list', 'feeds'], help: 'actUndo' },
  { action: 'feeds', keys: ['F'], views: ['list'], help: 'actFeeds' },
  { action: 'toggleRead', keys: ['m'], views: ['list', 'reader'], help: 'actToggleRead' },
  { action: 'toggleStar', keys: ['s'], views: ['list', 'reader'], help: 'actToggleStar' },
  { action: 'openLink', keys: ['o'], views: ['list', 'reader'], help: 'actOpenLink' },
  { action: 'errors', keys: ['e'], views: ['list', 'reader'], help: 'actErrors' },
  { action: 'down', keys: ['j', '↓'], views: ['reader'], help: 'actScrollDown' },
  { action: 'up', keys: ['k', '↑'], views: ['reader'], help: 'actScrollUp' },
  { action: 'pageDown', keys: ['Space', 'PgDn'], views: ['reader'], help: 'actPageDown' },
  { action: 'pageUp', keys: ['b', 'PgUp'], views: ['reader'], help: 'actPageUp' },
  { action: 'next', keys: ['n'], views: ['reader'], help: 'actNext' },
  { action: 'prev', keys: ['p'], views: ['reader'], help: 'actPrev' },
  { action: 'focusRelated', keys: ['Tab'], views: ['reader'], help: 'actFocusRelated' },
  { action: 'openRelated', keys: ['Enter'], views: ['reader'], help: 'actOpenRelated' },
  { action: 'copyLink', keys: ['y'], views: ['reader'], help: 'actCopyLink' },
  { action: 'toggleFull', keys: ['f'], views: ['reader'], help: 'actToggleFull' },
  { action: 'nextUnread', keys: ['N'], views: ['list', 'reader'], help: 'actNextUnread' },
  { action: 'prevUnread', keys: ['P'], views: ['list', 'reader'], help: 'actPrevUnread' },
  { action: 'digit', keys: [DIGIT_KEY], views: ['reader', 'links'], help: 'actLinkDigits' },
  { action: 'links', keys: ['u'], views: ['reader'], help: 'actLinks' },
  { action: 'openTarget', keys: ['Enter', 'o'], views: ['links'], help: 'actOpenTarget' },
  { action: 'copyTarget', keys: ['y'], views: ['links'], help: 'actCopyTarget' },
  { action: 'openFeed', keys: ['Enter'], views: ['feeds'], help: 'actOpenFeed' },
  { action: 'addFeed', keys: ['a'], views: ['feeds'], help: 'actAddFeed' },
  { action: 'renameFeed', keys: ['t'], views: ['feeds'], help: 'actRenameFeed' },
  { action: 'feedLang', keys: ['l'], views: ['feeds'], help: 'actFeedLang' },
  { action: 'feedFullText', keys: ['f'], views: ['feeds'], help: 'actFeedFullText' },
  { action: 'removeFeed', keys: ['d'], views: ['feeds'], help: 'actRemoveFeed' },
  { action: 'refreshFeed', keys: ['r'], views: ['feeds'], help: 'actRefreshFeed' },
  { action: 'markFeedRead', keys: ['A'], views: ['feeds'], help: 'actMarkFeedRead' },
  { action: 'errors', keys: ['e'], views: ['feeds'], help: 'actErrors' },
  { action: 'narrow', keys: [TYPE_KEY], views: ['hashtags'], help: 'actNarrow' },
  { action: 'deleteChar', keys: ['Backspace'], views: ['hashtags', 'search'], help: 'actDeleteChar' },
  { action: 'down', keys: ['↓'], views: ['hashtags'], help: 'actDown' },
  { action: 'up', keys: ['↑'], views: ['hashtags'], help: 'actUp' },
  { action: 'top', keys: ['Home'], views: ['hashtags'], help: 'actTop' },
  { action: 'bottom', keys: ['End'], views: ['hashtags'], help: 'actBottom' },
  { action: 'addTag', keys: ['Enter'], views: ['hashtags'], help: 'actAddTag' },
  { action: 'narrow', keys: [TYPE_KEY], views: ['search'], help: 'actSearch' },
  { action: 'applySearch', keys: ['Enter'], views: ['search'], help: 'actApplySearch' },
  { action: 'cancelSearch', keys: ['Esc'], views: ['search'], help: 'actCancelSearch' },
  { action: 'chooseLanguage', keys: ['Enter'], views: ['language'], help: 'actChooseLanguage' },
  { action: 'digit', keys: [DIGIT_KEY], views: ['number'], help: 'actLinkDigits' },
  { action: 'digitDelete', keys: ['Backspace'], views: ['number'], help: 'actDeleteChar' },
  { action: 'openNumber', keys: ['Enter'], views: ['number'], help: 'actOpenNumber' },
  { action: 'cancelNumber', keys: ['Esc'], views: ['number'], help: 'actPromptCancel' },
  { action: 'confirmYes', keys: ['y', 'Enter'], views: ['confirm'], help: 'actConfirm' },
  { action: 'confirmNo', keys: [OTHER_KEY], views: ['confirm'], help: 'actCancelConfirm' },
  { action: 'promptType', keys: [TYPE_KEY], views: ['prompt'], help: 'actPromptType' },
  { action: 'promptDelete', keys: ['Backspace'], views: ['prompt'], help: 'actDeleteChar' },
  { action: 'promptSubmit', keys: ['Enter'], views: ['prompt'], help: 'actPromptSubmit' },
  { action: 'promptCancel', keys: ['Esc'], views: ['prompt'], help: 'actPromptCancel' },
];

/** Pseudo keys: they name a set of keys in the table, never one keypress. */
const PSEUDO_KEYS = new Set([TYPE_KEY, DIGIT_KEY, OTHER_KEY]);

/** The subset of Ink's Key that names a key. */
export interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
  backspace: boolean;
  delete: boolean;
}

/** The display name of a keypress as Ink reports it, or null for keys the table cannot name. */
export function keyName(input: string, key: InkKey): string | null {
  if (key.ctrl && input === 'c') return 'Ctrl-C';
  // a line feed is Enter typed before raw mode was on (the terminal turned it into \n), or Ctrl-J
  if (input === '\n') return 'Enter';
  if (key.upArrow) return '↑';
  if (key.downArrow) return '↓';
  if (key.pageDown) return 'PgDn';
  if (key.pageUp) return 'PgUp';
  if (key.home) return 'Home';
  if (key.end) return 'End';
  if (key.return) return 'Enter';
  if (key.escape) return 'Esc';
  if (key.tab) return key.shift ? 'Shift-Tab' : 'Tab';
  if (key.backspace || key.delete) return 'Backspace';
  if (key.ctrl || key.meta) return null;
  if (input === ' ') return 'Space';
  return input.length > 0 ? input : null;
}

const byView = new Map<KeyContext, Map<string, Binding>>();
for (const view of ALL_CONTEXTS) {
  const m = new Map<string, Binding>();
  for (const b of BINDINGS) {
    if (!b.views.includes(view)) continue;
    for (const k of b.keys) if (!PSEUDO_KEYS.has(k)) m.set(k, b);
  }
  byView.set(view, m);
}

const digitBinding = new Map<KeyContext, Binding>();
const otherBinding = new Map<KeyContext, Binding>();
for (const b of BINDINGS) {
  for (const v of b.views) {
    if (b.keys.includes(DIGIT_KEY)) digitBinding.set(v, b);
    if (b.keys.includes(OTHER_KEY)) otherBinding.set(v, b);
  }
}

export interface Matched {
  action: KeyAction;
  /** The typed text, for 'narrow'. */
  text?: string;
}

/** Maps one Ink keypress to an action of the given view (or context), or null when the key does nothing there. */
export function matchKey(view: KeyContext, input: string, key: InkKey): Matched | null {
  const name = keyName(input, key);
  const b = name === null ? undefined : byView.get(view)?.get(name);
  if (b) return { action: b.action };
  const digit = digitBinding.get(view);
  if (digit && name !== null && /^[0-9]$/.test(name)) return { action: digit.action, text: name };
  if (TYPING_VIEWS.includes(view) && !key.ctrl && !key.meta && !key.escape && input !== '' && !/[\u0000-\u001f\u007f]/.test(input)) {
    return { action: view === 'prompt' ? 'promptType' : 'narrow', text: input };
  }
  // a question takes every key: those that are not its yes are its no
  const other = otherBinding.get(view);
  if (other) return { action: other.action };
  return null;
}

export interface HelpRow {
  readonly keys: string;
  readonly help: string;
}

/**
 * Bindings of one view, as drawn in the help overlay: keys joined per help text, in table order. Built again
 * only when the view or the language changes, not on each scroll of the overlay (the reducer clamps with
 * its length and the view draws it).
 */
export const helpRows: (view: View, lang: UiLang) => readonly HelpRow[] = memoLast((view: View, lang: UiLang): HelpRow[] => {
  const m = messages(lang);
  const rows: { keys: string[]; help: TextKey }[] = [];
  for (const b of BINDINGS) {
    if (!b.views.includes(view)) continue;
    const row = rows.find((r) => r.help === b.help);
    const keys = b.keys.map((k) => pseudoName(k, m));
    if (row) row.keys.push(...keys.filter((k) => !row.keys.includes(k)));
    else rows.push({ keys, help: b.help });
  }
  return rows.map((r) => ({ keys: r.keys.join(' '), help: m[r.help] }));
});

const whereKey: Record<KeyContext, TextKey> = {
  list: 'whereList',
  reader: 'whereReader',
  hashtags: 'whereHashtags',
  language: 'whereLanguage',
  help: 'whereHelp',
  search: 'whereSearch',
  errors: 'whereErrors',
  feeds: 'whereFeeds',
  links: 'whereLinks',
  confirm: 'whereConfirm',
  prompt: 'wherePrompt',
  number: 'whereNumber',
};

/** How a key of the table is written for people: pseudo keys in words, others as named. */
function pseudoName(k: string, m: Messages): string {
  if (k === TYPE_KEY) return m.keyType;
  if (k === DIGIT_KEY) return m.keyDigits;
  if (k === OTHER_KEY) return m.keyOther;
  return k;
}

function displayKey(k: string, lang: UiLang): string {
  if (PSEUDO_KEYS.has(k)) return pseudoName(k, messages(lang));
  return /^[!-~]$/.test(k) ? `\`${k}\`` : k;
}

/** The key table as Markdown, for the README (between the keys:start / keys:end markers). */
export function keyTableMarkdown(lang: UiLang): string {
  const m = messages(lang);
  const lines = [`| ${m.keysWhere} | ${m.keysKey} | ${m.keysAction} |`, '|---|---|---|'];
  for (const b of BINDINGS) {
    const where = b.views.length === ALL_CONTEXTS.length ? m.whereAll : b.views.map((v) => m[whereKey[v]]).join(', ');
    lines.push(`| ${where} | ${b.keys.map((k) => displayKey(k, lang)).join(' ')} | ${m[b.help]} |`);
  }
  return lines.join('\n') + '\n';
}

/** What the status bar's hints depend on besides the view. */
export interface HintContext {
  /** The reader's focus: its body (j/k scroll) or its "Read also" list (j/k choose). */
  readerFocus: 'body' | 'related';
  /** "Read also" entries of the article shown: Tab is only worth a hint when there are some. */
  relatedCount: number;
}

export interface Hint {
  keys: string;
  hint: TextKey;
  /** Shown only when this holds. */
  when?: (c: HintContext) => boolean;
}

/** Short key hints for the status bar of each view. */
export const HINTS: Record<View, Hint[]> = {
  list: [
    { keys: 'j/k', hint: 'hintMove' },
    { keys: 'Enter', hint: 'hintOpen' },
    { keys: '#', hint: 'hintHashtags' },
    { keys: '/', hint: 'hintSearch' },
    { keys: 'L', hint: 'hintLang' },
    { keys: 'F', hint: 'hintFeeds' },
    // q before r: when the line is short, how to leave matters more than how to refresh
    { keys: 'q', hint: 'hintQuit' },
    { keys: 'r', hint: 'hintRefresh' },
    { keys: '?', hint: 'hintHelp' },
  ],
  reader: [
    { keys: 'j/k', hint: 'hintScroll', when: (c) => c.readerFocus === 'body' },
    { keys: 'j/k', hint: 'hintChoose', when: (c) => c.readerFocus === 'related' },
    { keys: 'Enter', hint: 'hintOpen', when: (c) => c.readerFocus === 'related' },
    { keys: 'Tab', hint: 'hintBackToArticle', when: (c) => c.readerFocus === 'related' },
    { keys: 'n/p', hint: 'hintArticle' },
    { keys: 'Tab', hint: 'hintReadAlso', when: (c) => c.readerFocus === 'body' && c.relatedCount > 0 },
    { keys: 'f', hint: 'hintFull', when: (c) => c.readerFocus === 'body' },
    { keys: 'L', hint: 'hintLang' },
    { keys: 'q', hint: 'hintBack' },
    { keys: '?', hint: 'hintHelp' },
  ],
  hashtags: [
    { keys: '↑/↓', hint: 'hintMove' },
    { keys: 'Enter', hint: 'hintAdd' },
    { keys: 'Esc', hint: 'hintBack' },
  ],
  language: [
    { keys: '↑/↓', hint: 'hintMove' },
    { keys: 'Enter', hint: 'hintChoose' },
    { keys: 'Esc', hint: 'hintBack' },
  ],
  help: [
    { keys: 'j/k', hint: 'hintScroll' },
    { keys: 'Esc', hint: 'hintBack' },
  ],
  // the search prompt draws its own hint (searchHint)
  search: [],
  errors: [
    { keys: 'r', hint: 'hintRefresh' },
    { keys: 'Esc', hint: 'hintBack' },
  ],
  feeds: [
    { keys: 'Enter', hint: 'hintOpen' },
    { keys: 'a', hint: 'hintAddFeed' },
    { keys: 't', hint: 'hintRename' },
    { keys: 'd', hint: 'hintRemove' },
    { keys: 'r', hint: 'hintRefresh' },
    { keys: 'A', hint: 'hintMarkRead' },
    { keys: 'q', hint: 'hintBack' },
    { keys: '?', hint: 'hintHelp' },
  ],
  links: [
    { keys: 'j/k', hint: 'hintMove' },
    { keys: 'Enter', hint: 'hintOpen' },
    { keys: 'y', hint: 'hintCopy' },
    { keys: 'q', hint: 'hintBack' },
    { keys: '?', hint: 'hintHelp' },
  ],
};

/** The hints of a view as "keys text" strings, in table order, those whose condition fails left out. */
export function hintsFor(view: View, c: HintContext, m: Messages): string[] {
  return HINTS[view].filter((h) => h.when === undefined || h.when(c)).map((h) => `${h.keys} ${m[h.hint]}`);
}
