import { messages, type Messages, type TextKey, type UiLang } from '../core/i18n/index.js';
import { problem, type Problem } from '../core/i18n/problem.js';
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

/**
 * Help texts that name the key of another action (in a place): the message takes that key as it is bound, so
 * the help says "then Tab opens it" to someone who gave opening a link number the Tab key.
 */
const KEYED_HELP = {
  actLinkDigits: { action: 'openNumber', where: 'number' },
} as const satisfies Record<string, { action: KeyAction; where: KeyContext }>;

export type HelpKey = TextKey | keyof typeof KEYED_HELP;

export interface Binding {
  action: KeyAction;
  /** Display names: a printable character ('j', '#'), or ↑ ↓ PgUp PgDn Home End Enter Esc Tab Space Backspace Ctrl-C. */
  keys: string[];
  views: KeyContext[];
  help: HelpKey;
}

/** What a binding does, in words, with the keys of `keymap` where the words name a key. */
export function helpText(help: HelpKey, m: Messages, keymap: Keymap = DEFAULT_KEYMAP): string {
  if (help in KEYED_HELP) {
    const k = KEYED_HELP[help as keyof typeof KEYED_HELP];
    return m[help as keyof typeof KEYED_HELP](keyFor(keymap, k.action, k.where));
  }
  return m[help as TextKey];
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
  // where a line is typed `?` is a character: Ctrl-G (nano's "Get Help") opens the help there, and everywhere else too
  { action: 'help', keys: ['Ctrl-G'], views: [...ALL_VIEWS, 'prompt'], help: 'actHelp' },
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
  { action: 'top', keys: ['g', 'Home'], views: ['list', 'reader', 'help', 'errors', 'feeds', 'links'], help: 'actTop' },
  { action: 'bottom', keys: ['G', 'End'], views: ['list', 'reader', 'help', 'errors', 'feeds', 'links'], help: 'actBottom' },
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
  { action: 'down', keys: ['j', '↓'], views: ['reader', 'errors'], help: 'actScrollDown' },
  { action: 'up', keys: ['k', '↑'], views: ['reader', 'errors'], help: 'actScrollUp' },
  // the help is a page too: taller than a small terminal, it pages like the article
  { action: 'pageDown', keys: ['Space', 'PgDn'], views: ['reader', 'help', 'errors'], help: 'actPageDown' },
  { action: 'pageUp', keys: ['b', 'PgUp'], views: ['reader', 'help', 'errors'], help: 'actPageUp' },
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
  leftArrow?: boolean;
  rightArrow?: boolean;
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
  if (key.leftArrow) return '←';
  if (key.rightArrow) return '→';
  if (key.pageDown) return 'PgDn';
  if (key.pageUp) return 'PgUp';
  if (key.home) return 'Home';
  if (key.end) return 'End';
  if (key.return) return 'Enter';
  if (key.escape) return 'Esc';
  if (key.tab) return key.shift ? 'Shift-Tab' : 'Tab';
  if (key.backspace || key.delete) return 'Backspace';
  // Ink names a control character by its letter (Ctrl-D is "d" with ctrl); Ctrl-H, I, J and M arrive as
  // Backspace, Tab and Enter above, as the terminal sends the same bytes for them
  if (key.ctrl && !key.meta && /^[a-z]$/.test(input)) return `Ctrl-${input.toUpperCase()}`;
  if (key.ctrl || key.meta) return null;
  if (input === ' ') return 'Space';
  return input.length > 0 ? input : null;
}

/** A key table in effect: the rows of BINDINGS, some with the user's own keys. */
export interface Keymap {
  /** The rows, in table order: what matches keys, and what help and `cyberread keys` show. */
  readonly bindings: readonly Binding[];
  /** Actions whose keys are the user's own. */
  readonly custom: ReadonlySet<KeyAction>;
  readonly byView: ReadonlyMap<KeyContext, ReadonlyMap<string, Binding>>;
  readonly digit: ReadonlyMap<KeyContext, Binding>;
  readonly other: ReadonlyMap<KeyContext, Binding>;
  /** Per place, each action's keys in table order (pseudo keys left out): what hints and messages name. */
  readonly keysByAction: ReadonlyMap<KeyContext, ReadonlyMap<KeyAction, readonly string[]>>;
}

/** The lookups a keypress goes through, built once per table. */
export function makeKeymap(bindings: readonly Binding[], custom: ReadonlySet<KeyAction> = new Set()): Keymap {
  const byView = new Map<KeyContext, Map<string, Binding>>();
  for (const view of ALL_CONTEXTS) {
    const m = new Map<string, Binding>();
    for (const b of bindings) {
      if (!b.views.includes(view)) continue;
      for (const k of b.keys) if (!PSEUDO_KEYS.has(k)) m.set(k, b);
    }
    byView.set(view, m);
  }
  const digit = new Map<KeyContext, Binding>();
  const other = new Map<KeyContext, Binding>();
  for (const b of bindings) {
    for (const v of b.views) {
      if (b.keys.includes(DIGIT_KEY)) digit.set(v, b);
      if (b.keys.includes(OTHER_KEY)) other.set(v, b);
    }
  }
  const keysByAction = new Map<KeyContext, Map<KeyAction, string[]>>();
  for (const view of ALL_CONTEXTS) {
    const m = new Map<KeyAction, string[]>();
    for (const b of bindings) {
      if (!b.views.includes(view)) continue;
      const keys = m.get(b.action) ?? [];
      for (const k of b.keys) if (!PSEUDO_KEYS.has(k) && !keys.includes(k)) keys.push(k);
      m.set(b.action, keys);
    }
    keysByAction.set(view, m);
  }
  return { bindings, custom, byView, digit, other, keysByAction };
}

/** The table as it ships (it reads BINDINGS itself, so a test that swaps rows in sees them in help). */
export const DEFAULT_KEYMAP: Keymap = makeKeymap(BINDINGS);

export interface Matched {
  action: KeyAction;
  /** The typed text, for 'narrow'. */
  text?: string;
}

/** Maps one Ink keypress to an action of the given view (or context), or null when the key does nothing there. */
export function matchKey(view: KeyContext, input: string, key: InkKey, keymap: Keymap = DEFAULT_KEYMAP): Matched | null {
  const name = keyName(input, key);
  const b = name === null ? undefined : keymap.byView.get(view)?.get(name);
  if (b) return { action: b.action };
  const digit = keymap.digit.get(view);
  if (digit && name !== null && /^[0-9]$/.test(name)) return { action: digit.action, text: name };
  if (TYPING_VIEWS.includes(view) && !key.ctrl && !key.meta && !key.escape && input !== '' && !/[\u0000-\u001f\u007f]/.test(input)) {
    return { action: view === 'prompt' ? 'promptType' : 'narrow', text: input };
  }
  // a question takes every key: those that are not its yes are its no
  const other = keymap.other.get(view);
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
export function helpRows(view: KeyContext, lang: UiLang, keymap: Keymap = DEFAULT_KEYMAP): readonly HelpRow[] {
  // one memo per table: the reducer counts rows with the defaults (their number is the same in every
  // table) while the overlay draws the user's, and neither pushes the other's rows out
  let memo = helpMemos.get(keymap);
  if (memo === undefined) {
    memo = memoLast(buildHelpRows);
    helpMemos.set(keymap, memo);
  }
  return memo(view, lang, keymap);
}

const helpMemos = new WeakMap<Keymap, (view: KeyContext, lang: UiLang, keymap: Keymap) => readonly HelpRow[]>();

const buildHelpRows = (view: KeyContext, lang: UiLang, keymap: Keymap): HelpRow[] => {
  const m = messages(lang);
  const rows: { keys: string[]; help: HelpKey }[] = [];
  for (const b of keymap.bindings) {
    if (!b.views.includes(view)) continue;
    const row = rows.find((r) => r.help === b.help);
    const keys = b.keys.map((k) => pseudoName(k, m));
    if (row) row.keys.push(...keys.filter((k) => !row.keys.includes(k)));
    else rows.push({ keys, help: b.help });
  }
  // an action the user left without keys keeps its row (the overlay's length does not depend on the keys)
  return rows.map((r) => ({ keys: r.keys.length > 0 ? r.keys.join(' ') : NO_KEYS, help: helpText(r.help, m, keymap) }));
};

/** How the help shows an action the user gave no key. */
const NO_KEYS = '—';

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

/** Where a key applies, in words of the reader's table ("list", "daftar"). */
export function placeName(where: KeyContext, m: Messages): string {
  return m[whereKey[where]];
}

/** How a key of the table is written for people: pseudo keys in words, others as named. */
export function pseudoName(k: string, m: Messages): string {
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
    lines.push(`| ${where} | ${b.keys.map((k) => displayKey(k, lang)).join(' ')} | ${helpText(b.help, m)} |`);
  }
  return lines.join('\n') + '\n';
}

/** What the status bar's hints depend on besides the view. */
export interface HintContext {
  /** The reader's focus: its body (j/k scroll) or its "Read also" list (j/k choose). */
  readerFocus: 'body' | 'related';
  /** "Read also" entries of the article shown: Tab is only worth a hint when there are some. */
  relatedCount: number;
  /** `f` has a full article to fetch or show: the article has a web page the feed did not already carry whole. */
  fullText?: boolean;
}

export interface Hint {
  keys: string;
  hint: TextKey;
  /** Shown only when this holds. */
  when?: (c: HintContext) => boolean;
  /** The hint that does the view's job: the last to go when the line is short (StatusBar fitHints). */
  job?: true;
}

/** Short key hints for the status bar of each view. */
export const HINTS: Record<View, Hint[]> = {
  list: [
    { keys: 'j/k', hint: 'hintMove' },
    { keys: 'Enter', hint: 'hintOpen', job: true },
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
    { keys: 'j/k', hint: 'hintScroll', when: (c) => c.readerFocus === 'body', job: true },
    { keys: 'j/k', hint: 'hintChoose', when: (c) => c.readerFocus === 'related' },
    { keys: 'Enter', hint: 'hintOpen', when: (c) => c.readerFocus === 'related', job: true },
    { keys: 'Tab', hint: 'hintBackToArticle', when: (c) => c.readerFocus === 'related' },
    { keys: 'n/p', hint: 'hintArticle' },
    { keys: 'Tab', hint: 'hintReadAlso', when: (c) => c.readerFocus === 'body' && c.relatedCount > 0 },
    { keys: 'f', hint: 'hintFull', when: (c) => c.readerFocus === 'body' && c.fullText !== false },
    { keys: 'L', hint: 'hintLang' },
    { keys: 'q', hint: 'hintBack' },
    { keys: '?', hint: 'hintHelp' },
  ],
  hashtags: [
    { keys: '↑/↓', hint: 'hintMove' },
    { keys: 'Enter', hint: 'hintAdd', job: true },
    { keys: 'Esc', hint: 'hintBack' },
    // `?` is typed here (it narrows): the help has a key that is not a character
    { keys: 'Ctrl-G', hint: 'hintHelp' },
  ],
  language: [
    { keys: '↑/↓', hint: 'hintMove' },
    { keys: 'Enter', hint: 'hintChoose', job: true },
    { keys: 'Esc', hint: 'hintBack' },
  ],
  help: [
    { keys: 'j/k', hint: 'hintScroll', job: true },
    { keys: 'Esc', hint: 'hintBack' },
  ],
  // the search prompt draws its own hint (searchHint)
  search: [],
  errors: [
    { keys: 'j/k', hint: 'hintScroll', job: true },
    { keys: 'r', hint: 'hintRefresh' },
    { keys: 'Esc', hint: 'hintBack' },
  ],
  feeds: [
    { keys: 'Enter', hint: 'hintOpen', job: true },
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
    { keys: 'Enter', hint: 'hintOpen', job: true },
    { keys: 'y', hint: 'hintCopy' },
    { keys: 'q', hint: 'hintBack' },
    { keys: '?', hint: 'hintHelp' },
  ],
};

/**
 * A hint as the status bar draws it. `role`, what a short line keeps first (StatusBar fitHints): the hint
 * that does the view's job, or the way out of the view.
 */
export interface ShownHint {
  text: string;
  role?: 'job' | 'out';
}

/** The hints of a view, in table order, those whose condition fails left out. */
export function shownHints(view: View, c: HintContext, m: Messages, keymap: Keymap = DEFAULT_KEYMAP): ShownHint[] {
  const out: ShownHint[] = [];
  for (const h of HINTS[view]) {
    if (h.when !== undefined && !h.when(c)) continue;
    const keys = keymap === DEFAULT_KEYMAP ? h.keys : hintKeys(h.keys, view, keymap);
    if (keys === null) continue;
    const role = h.job === true ? 'job' : h.hint === 'hintBack' || h.hint === 'hintQuit' ? 'out' : undefined;
    out.push(role === undefined ? { text: `${keys} ${m[h.hint]}` } : { text: `${keys} ${m[h.hint]}`, role });
  }
  return out;
}

/** The hints of a view as "keys text" strings, in table order, those whose condition fails left out. */
export function hintsFor(view: View, c: HintContext, m: Messages, keymap: Keymap = DEFAULT_KEYMAP): string[] {
  return shownHints(view, c, m, keymap).map((h) => h.text);
}

/**
 * A hint's keys ("j/k") in the user's table: each key stands for the action it has in the defaults, shown
 * as is while it still does that, else as the first key the user gave that action here. Null when one of
 * the actions has no key left (the hint would name a key that does nothing).
 */
function hintKeys(keys: string, view: View, keymap: Keymap): string | null {
  const parts: string[] = [];
  for (const k of keys.split('/')) {
    const action = DEFAULT_KEYMAP.byView.get(view)?.get(k)?.action;
    if (action === undefined || keymap.byView.get(view)?.get(k)?.action === action) {
      parts.push(k);
      continue;
    }
    const own = keysOf(keymap, action, view)[0];
    if (own === undefined) return null;
    parts.push(own);
  }
  return parts.join('/');
}

/** The key people are told to press for an action in a place: its first key there, "—" when it has none. */
export function keyFor(keymap: Keymap | undefined, action: KeyAction, where: KeyContext): string {
  return keysOf(keymap ?? DEFAULT_KEYMAP, action, where)[0] ?? NO_KEYS;
}

/** Every key of an action in a place, as a choice ("y/Enter"); "—" when it has none. */
export function keyChoice(keymap: Keymap | undefined, action: KeyAction, where: KeyContext): string {
  const keys = keysOf(keymap ?? DEFAULT_KEYMAP, action, where);
  return keys.length > 0 ? keys.join('/') : NO_KEYS;
}

/** Keys as a sentence's choice: "q, Esc or ?". */
export function keysOr(keys: readonly string[], m: Messages): string {
  if (keys.length === 0) return NO_KEYS;
  if (keys.length === 1) return keys[0] as string;
  return m.keysOr(keys.slice(0, -1).join(', '), keys[keys.length - 1] as string);
}

/** The keys of an action in one view, in table order (pseudo keys left out). */
export function keysOf(keymap: Keymap, action: KeyAction, view: KeyContext): readonly string[] {
  return keymap.keysByAction.get(view)?.get(action) ?? [];
}

// ——— The user's keys: settings "keys" over the table ———

/** Named keys as the settings may write them (compared without case, spaces, "-" or "_"). */
const NAMED_KEYS: Record<string, string> = {
  up: '↑', '↑': '↑', down: '↓', '↓': '↓', left: '←', '←': '←', right: '→', '→': '→',
  pgup: 'PgUp', pageup: 'PgUp', pgdn: 'PgDn', pgdown: 'PgDn', pagedown: 'PgDn', home: 'Home', end: 'End',
  enter: 'Enter', return: 'Enter', esc: 'Esc', escape: 'Esc', tab: 'Tab', shifttab: 'Shift-Tab', backtab: 'Shift-Tab',
  space: 'Space', backspace: 'Backspace', ctrlc: 'Ctrl-C',
};

/**
 * A key as written in the settings, in the table's spelling ("ctrl+d" → "Ctrl-D", "down" → "↓", " " →
 * "Space"), or null when no keypress the reader can tell apart has that name.
 */
export function normalizeKey(written: string): string | null {
  if (written === ' ') return 'Space';
  const t = written.trim();
  const chars = [...t];
  // eslint-disable-next-line no-control-regex
  if (chars.length === 1) return /[\u0000-\u001f\u007f-\u009f]/.test(t) ? null : t;
  const flat = t.toLowerCase().replace(/[\s_+-]/g, '');
  const ctrl = /^(?:ctrl|control|c)([a-z])$/.exec(flat);
  // Ctrl-H, I, J and M are Backspace, Tab and Enter to the terminal
  if (ctrl !== null) return 'hijm'.includes(ctrl[1] as string) ? null : `Ctrl-${(ctrl[1] as string).toUpperCase()}`;
  return NAMED_KEYS[flat] ?? null;
}

/** Keys that put a character into a line being typed (the search, the hashtag filter, a prompt). */
function typesText(key: string): boolean {
  return key === 'Space' || [...key].length === 1;
}

/** Actions that take keys of the user's: every action bound to some real key (not only typing, digits or "any other key"). */
export function bindableActions(): KeyAction[] {
  const out: KeyAction[] = [];
  for (const b of BINDINGS) if (b.keys.some((k) => !PSEUDO_KEYS.has(k)) && !out.includes(b.action)) out.push(b.action);
  return out;
}

/**
 * The table with the user's keys: each action named in `want` takes those keys wherever it has keys by
 * default, except that a line being typed keeps the characters (there it takes only the user's named keys,
 * or keeps its own when there are none) and Ctrl-C always quits.
 */
function applyKeys(want: ReadonlyMap<KeyAction, readonly string[]>): Binding[] {
  const out: Binding[] = [];
  for (const b of BINDINGS) {
    const keys = want.get(b.action);
    if (keys === undefined || b.keys.includes('Ctrl-C')) {
      out.push(b);
      continue;
    }
    const plain = b.views.filter((v) => !TYPING_VIEWS.includes(v));
    const typing = b.views.filter((v) => TYPING_VIEWS.includes(v));
    if (plain.length > 0) out.push({ ...b, keys: [...keys], views: plain });
    if (typing.length > 0) {
      const named = keys.filter((k) => !typesText(k));
      out.push({ ...b, keys: named.length > 0 ? named : b.keys, views: typing });
    }
  }
  return out;
}

interface Clash {
  key: string;
  other: KeyAction;
  where: KeyContext;
}

/** For each of the user's actions, the first key it shares with another action in one place. */
function clashes(table: readonly Binding[], mine: ReadonlySet<KeyAction>): Map<KeyAction, Clash> {
  const found = new Map<KeyAction, Clash>();
  for (const where of ALL_CONTEXTS) {
    const owner = new Map<string, KeyAction>();
    const digits = table.find((b) => b.views.includes(where) && b.keys.includes(DIGIT_KEY));
    for (const b of table) {
      if (!b.views.includes(where)) continue;
      for (const key of b.keys) {
        if (PSEUDO_KEYS.has(key)) continue;
        // where digits type a link number, a digit is theirs
        const first = digits !== undefined && /^[0-9]$/.test(key) ? digits.action : owner.get(key);
        if (first === undefined) {
          owner.set(key, b.action);
          continue;
        }
        if (first === b.action) continue;
        for (const [a, other] of [[b.action, first], [first, b.action]] as const) {
          if (mine.has(a) && !found.has(a)) found.set(a, { key, other, where });
        }
      }
    }
  }
  return found;
}

/** The effective key table of the settings' "keys", and why each part that cannot be used was left out. */
export function resolveKeys(keys: Readonly<Record<string, readonly string[]>> | undefined, path: string): { keymap: Keymap; problems: Problem[] } {
  if (keys === undefined || Object.keys(keys).length === 0) return { keymap: DEFAULT_KEYMAP, problems: [] };
  const problems: Problem[] = [];
  const bindable = bindableActions();
  const want = new Map<KeyAction, string[]>();
  for (const [name, written] of Object.entries(keys)) {
    if (!(bindable as string[]).includes(name)) {
      problems.push(problem('errSettingKeysAction', path, name));
      continue;
    }
    const action = name as KeyAction;
    const list: string[] = [];
    let bad: string | null = null;
    for (const w of written) {
      const k = normalizeKey(w);
      if (k === null) {
        bad = w;
        break;
      }
      if (!list.includes(k)) list.push(k);
    }
    if (bad !== null) {
      problems.push(problem('errSettingKeysName', path, name, bad));
      continue;
    }
    // an action bound only where a line is typed (apply the search, add the tag) cannot take a character
    const typed = BINDINGS.every((b) => b.action !== action || b.views.every((v) => TYPING_VIEWS.includes(v))) ? list.find(typesText) : undefined;
    if (typed !== undefined) {
      problems.push(problem('errSettingKeysTyped', path, name, typed));
      continue;
    }
    if (list.includes('Ctrl-C')) {
      // quit has Ctrl-C everywhere anyway; nothing else may take the way out
      if (action !== 'quit') {
        problems.push(problem('errSettingKeysCtrlC', path, name));
        continue;
      }
      list.splice(list.indexOf('Ctrl-C'), 1);
    }
    want.set(action, list);
  }
  // an action that shares a key with another keeps its defaults; that may free or take keys of others, so again
  for (;;) {
    const found = clashes(applyKeys(want), new Set(want.keys()));
    if (found.size === 0) break;
    for (const [action, c] of found) {
      want.delete(action);
      problems.push(problem('errSettingKeysClash', path, action, c.key, c.other, c.where));
    }
  }
  return { keymap: want.size === 0 ? DEFAULT_KEYMAP : makeKeymap(applyKeys(want), new Set(want.keys())), problems };
}
