import { mentionsFlag, mentionsLang, type QueryNode, type QueryProblem } from '../core/query/ast.js';
import { parseQuery } from '../core/query/parse.js';
import type { ArticleQuery, RefreshResult, TagCount } from '../core/types.js';
import type { TextKey, UiLang } from '../core/i18n/messages.js';
import { problem, type Problem, type Said } from '../core/i18n/problem.js';
import { helpRows, type KeyContext } from './keymap.js';
import { memoLast } from './memo.js';

/**
 * Screen state and its transitions. Pure: no ink, no store; effects report back through actions.
 *
 * Navigation is a stack. `view` is the screen on top; `stack` holds the screens under it, the list at the
 * bottom. Opening a view (`showView`, `openArticle`) pushes the current screen, `back` (q/Esc) pops it, so
 * back always returns where the user came from, at any depth: help over the language view returns to the
 * language view, an article opened from "Read also" returns to the article it came from at its scroll.
 *
 * Adding a view: name it in `View`, then the compiler asks for its title (ViewBody's viewTitleKey), its
 * help heading (keymap's whereKey) and its status hints (keymap's HINTS); draw it in ViewBody, give it keys in
 * BINDINGS, open it with `{ type: 'showView', view }` (it is pushed over the current screen) and leave it with
 * `{ type: 'back' }`. State to reset whenever it opens or closes goes in ON_OPEN / ON_CLOSE below.
 */

export type View = 'list' | 'reader' | 'hashtags' | 'language' | 'help' | 'search' | 'errors' | 'feeds' | 'links';

/** Views opened over the current screen by `showView` (the list is the root; the reader opens with `openArticle`). */
export type OverlayView = Exclude<View, 'list' | 'reader'>;

export interface ReaderState {
  /** An article opened from "Read also" or as the other edition; null: the list's selected article. */
  articleId: string | null;
  scroll: number;
  lineCount: number;
  focus: 'body' | 'related';
  related: number;
  relatedCount: number;
  /** Line of the first "Read also" entry, so focusing it can scroll it into view. */
  relatedStart: number;
  /** `f`: the feed's text is shown although the full article is cached. */
  showFeed: boolean;
  /** Bumped by `f` when the full article is wanted and not cached: the page is fetched (again). */
  fullRequest: number;
  /** The page of the article shown is being fetched. */
  loading: boolean;
  /** Bumped when a fetched page arrives, so the page is read from the cache again. */
  pageVersion: number;
}

/** A screen under the current one. A reader keeps its own article, scroll and "Read also" focus. */
export interface Frame {
  view: View;
  reader?: ReaderState;
}

/** Frames kept under the current screen; a longer chain of "Read also" forgets its oldest articles. */
export const MAX_STACK = 64;

export interface Filters {
  tags: string[];
  /** What is typed in the search prompt (the query language; plain words search the text). */
  search: string;
  /** The last query typed that could be read (what the list shows), and its text for the header. */
  query: QueryNode | null;
  queryText: string;
  /** Why what is typed cannot be read, shown under the prompt; the list keeps the last query that could. */
  problem: QueryProblem | null;
  unreadOnly: boolean;
  starredOnly: boolean;
  /** The url of the one feed listed (chosen in the feeds view), or null for all. */
  feed: string | null;
  /**
   * The edition that feed is listed in when its articles are all in the other one, or null: the interface
   * language's. The interface keeps the language the user chose; this goes with the feed filter (c, L).
   */
  edition: UiLang | null;
  /** The saved view whose query is listed (opened in the feeds view), for the header; null once the query is changed. */
  viewName: string | null;
}

export const NO_FILTERS: Filters = { tags: [], search: '', query: null, queryText: '', problem: null, unreadOnly: false, starredOnly: false, feed: null, edition: null, viewName: null };

/** A question in the status line: y or Enter answers yes, any other key no. */
export type Confirm =
  | { kind: 'markAll'; count: number }
  | { kind: 'markFeed'; url: string; title: string; count: number }
  | { kind: 'removeFeed'; url: string; title: string; total: number; starred: number };

/**
 * A line of text typed in the status line: the feeds view's add, rename and language prompts, and the sync
 * server's password (drawn masked; `url` is then the server, `user` the user).
 */
export interface Prompt {
  kind: 'addFeed' | 'renameFeed' | 'feedLang' | 'syncPassword';
  text: string;
  /** The feed a rename or language is for. */
  url?: string;
  user?: string;
}

/** What z puts back while the notice of a mark-all shows: these ids get `read` back. */
export interface Undo {
  ids: string[];
  read: boolean;
  /** How many the notice said were marked (articles of the list; `ids` holds their other editions too). */
  count: number;
}

/** A cursor over a list drawn by a view (the feeds view, the link picker). */
export interface Cursor {
  total: number;
  selected: number;
  scroll: number;
}


export interface FailedFeed {
  url: string;
  /** Told in the interface's language when drawn (a sentence as stored by an older cyberread, as it is). */
  error: Said;
}

export interface RefreshState {
  running: boolean;
  done: number;
  total: number;
  added: number;
  failed: FailedFeed[];
  /** Set when the refresh itself could not run (not one feed failing). */
  error: Problem | null;
  /** The last row id stored before the refresh began: what it brought is stored after it (null: unknown). */
  since: number | null;
}

/**
 * The sync server a refresh is waiting for the password of (its feeds failed with errSyncNeedPassword), or
 * null: the status line says so and the refresh key opens the password prompt instead of refreshing.
 */
export function syncWait(r: RefreshState): { user: string; server: string; feeds: number } | null {
  let feeds = 0;
  let who = { user: '', server: '' };
  for (const f of r.failed) {
    if (typeof f.error === 'string' || f.error.key !== 'errSyncNeedPassword') continue;
    const [user, server] = f.error.args;
    feeds += 1;
    who = { user: typeof user === 'string' ? user : '', server: typeof server === 'string' ? server : '' };
  }
  return feeds === 0 ? null : { ...who, feeds };
}

/** A short message in the status line until the next key: a message key (follows the language) or text. */
export type Toast = { key: TextKey } | { text: string };

export interface AppState {
  view: View;
  /** The screens under `view`, bottom first; empty on the list. Back (q/Esc) returns to the last. */
  stack: Frame[];
  lang: UiLang;
  filters: Filters;
  list: { total: number; selected: number; scroll: number };
  /** The topmost reader's state: of `view` when it is the reader, else of the reader under an overlay. */
  reader: ReaderState;
  hashtags: { all: TagCount[]; query: string; selected: number; scroll: number };
  /** The highlighted row of the language view: 0 Indonesian, 1 English. */
  language: { selected: number };
  /** Articles read or unstarred from a list that filters by those marks (unread only, starred only, a query
   *  with is:…) since its filter last changed: they stay listed (like most readers do) until the user changes
   *  the filter or toggles unread-only, so rows never shift under them, and the header counts them as shown. */
  kept: string[];
  /** First help row shown (the help of a view can be taller than the terminal). */
  helpScroll: number;
  /** The failed-feeds page: its first line shown, and how many lines it has as drawn (errorsLayout). */
  errors: { scroll: number; lineCount: number };
  /** The feeds view's rows (its entries are read from the settings and the cache: see use-feeds.ts). */
  feeds: Cursor;
  /** The link picker's rows: the numbered links and enclosures of the article shown. */
  links: Cursor;
  /** A question waiting for its answer, drawn in the status line; every key answers it. */
  confirm: Confirm | null;
  /** A line being typed in the status line; every printable key goes into it. */
  prompt: Prompt | null;
  /** A link number being typed in the reader or the link picker (digits, then Enter opens it). */
  digits: string;
  /** The undo of the last mark-all, kept while its notice shows (any key, or another notice, drops it). */
  undo: Undo | null;
  refresh: RefreshState;
  size: { columns: number; rows: number };
  toast: Toast | null;
  /** Read/star changes made in this session, drawn over the queried rows until the query runs again. */
  overrides: Record<string, { read?: boolean; starred?: boolean }>;
  /** Bumped whenever the list must be queried again (filters, language, new articles). */
  dataVersion: number;
  /** The cache turned out to be damaged while the reader ran: it is moved to `movedTo` at the next start. */
  cacheDamaged: { path: string; movedTo: string } | null;
  /**
   * The last row id the list has taken in (store.lastRowId()), null for no bound. A refresh writes from
   * another thread at any moment: the list shows rows up to here, so every frame agrees with the selection
   * until the refresh's new rows are taken in at once, with the selection kept on its article.
   */
  watermark: number | null;
  quit: boolean;
}

/** The selected article's place in a list about to be shown, so a filter change keeps it selected. */
export interface Kept {
  index: number;
  total: number;
}

export type Action =
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'move'; delta: number }
  | { type: 'page'; dir: 1 | -1 }
  | { type: 'top' }
  | { type: 'bottom' }
  /** Opens an article over the current screen; `replace`: in place of the reader shown (its other edition). */
  | { type: 'openArticle'; id: string | null; replace?: boolean }
  | { type: 'step'; delta: 1 | -1 }
  | { type: 'back' }
  | { type: 'showView'; view: OverlayView }
  /** `relatedCount`: the "Read also" entries known to the caller, for a Tab pressed before the layout came back. */
  | { type: 'toggleFocus'; relatedCount?: number }
  | { type: 'setLang'; lang: UiLang }
  | { type: 'addTag'; tag: string }
  /** `keep`: where the selected article (or the one now in its place) is in the new list, and its length. */
  | { type: 'clearFilters'; keep?: Kept }
  | { type: 'toggleUnreadOnly'; keep?: Kept }
  | { type: 'toggleStarredOnly'; keep?: Kept }
  /** Lists one feed (Enter in the feeds view), in the edition `lang` when given (its articles are there); the interface keeps its language. */
  | { type: 'openFeed'; url: string; lang?: UiLang }
  /** Lists a saved view (Enter on it in the feeds view): its query, in place of the typed one, tags and feed. */
  | { type: 'openView'; name: string; query: string }
  | { type: 'feedsLoaded'; total: number; select?: number }
  | { type: 'linksLoaded'; total: number }
  | { type: 'ask'; confirm: Confirm }
  | { type: 'answered' }
  | { type: 'openPrompt'; prompt: Prompt }
  | { type: 'promptType'; text: string }
  | { type: 'promptDelete' }
  | { type: 'closePrompt' }
  | { type: 'digit'; digit: string }
  | { type: 'digitDelete' }
  | { type: 'digitsClear' }
  /**
   * Read marks changed in the store for many articles (mark all, its undo): the list is queried again with
   * `total` rows, session overrides dropped; the notice and its undo (if any) shown.
   */
  | { type: 'marksChanged'; total: number; toast?: Toast; undo?: Undo }
  /**
   * Moves the list's selection to `index` (next/previous unread), under new `filters` when the unread article
   * is in another feed (then `total` is the new list's length); `open`: in the reader, open it.
   */
  | { type: 'jump'; index: number; open: boolean; filters?: Filters; total?: number }
  /** Something changed the subscriptions or the cache under the views (a feed added, renamed, removed). */
  | { type: 'dataChanged' }
  /** The feed listed is gone (removed): the list shows every feed again. */
  | { type: 'dropFeedFilter' }
  /** A feed was unsubscribed: its failure is no longer one of "N feeds failed". */
  | { type: 'feedUnsubscribed'; url: string }
  | { type: 'typeChar'; text: string }
  | { type: 'deleteChar' }
  | { type: 'applySearch' }
  | { type: 'cancelSearch' }
  | { type: 'tagsLoaded'; tags: TagCount[] }
  /** `pin`: the list's selected article was removed (retention): a reader showing it keeps it by id and says it is gone. */
  | { type: 'listChanged'; total: number; selectIndex: number | null; reload?: boolean; watermark?: number | null; pin?: string }
  | { type: 'readerLayout'; lineCount: number; relatedCount: number; relatedStart: number }
  /** The failed-feeds page was laid out at this many lines (they wrap with the width). */
  | { type: 'errorsLayout'; lineCount: number }
  | { type: 'refreshStarted'; total: number; since?: number | null }
  | { type: 'refreshProgress'; done: number; total: number; result?: RefreshResult }
  | { type: 'refreshFinished'; results: RefreshResult[] }
  | { type: 'refreshError'; problem: Problem }
  | { type: 'override'; id: string; read?: boolean; starred?: boolean; fromList?: boolean }
  | { type: 'toast'; toast: Toast | null }
  | { type: 'cacheDamaged'; path: string; movedTo: string }
  | { type: 'quit' }
  /** `f`: toggles full article / feed text; `fetch` when the full article is not cached (asks for it). */
  | { type: 'toggleFull'; fetch: boolean }
  /** A page fetch for article `id` started or ended (`arrived`: something was stored). */
  | { type: 'pageLoading'; id: string | null; loading: boolean; arrived?: boolean };

/** Frame layout: header (2 lines) + body + rule, status and hints (3 lines), one line shorter than the terminal. */
export const CHROME_LINES = 5;
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** A failed feed whose result said nothing (it always says something; this keeps the type honest). */
const UNKNOWN: Problem = problem('errUnexpected', '?');

export function bodyHeight(size: { rows: number }): number {
  return Math.max(1, size.rows - 1 - CHROME_LINES);
}

/** Lines of the hashtag list (the prompt line takes one). */
export function hashtagListHeight(size: { rows: number }): number {
  return Math.max(1, bodyHeight(size) - 1);
}

export function tooSmall(size: { columns: number; rows: number }): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}

/**
 * `failed`: the feeds whose last fetch failed, as the cache remembers them, so a reader started after a
 * refresh that failed says so (and `e` lists them) as the feeds view does, until its own refresh runs.
 */
export function initialState(o: {
  lang: UiLang;
  tags?: string[];
  columns: number;
  rows: number;
  watermark?: number | null;
  failed?: FailedFeed[];
}): AppState {
  return {
    view: 'list',
    stack: [],
    lang: o.lang,
    filters: { ...NO_FILTERS, tags: [...(o.tags ?? [])] },
    list: { total: 0, selected: 0, scroll: 0 },
    reader: freshReader(null),
    hashtags: { all: [], query: '', selected: 0, scroll: 0 },
    language: { selected: o.lang === 'id' ? 0 : 1 },
    kept: [],
    helpScroll: 0,
    errors: { scroll: 0, lineCount: 0 },
    feeds: { total: 0, selected: 0, scroll: 0 },
    links: { total: 0, selected: 0, scroll: 0 },
    confirm: null,
    prompt: null,
    digits: '',
    undo: null,
    refresh: { running: false, done: 0, total: 0, added: 0, failed: o.failed ?? [], error: null, since: null },
    size: { columns: o.columns, rows: o.rows },
    toast: null,
    overrides: {},
    dataVersion: 0,
    cacheDamaged: null,
    watermark: o.watermark ?? null,
    quit: false,
  };
}

/**
 * The edition shown (the header's IND | ENG): the interface language's, or the one of a feed opened from the
 * feeds view whose articles are all in the other. Two things, as a reader of one language may open a feed of
 * the other: the interface stays in the language the user chose (L or the language view change both).
 */
export function edition(s: AppState): UiLang {
  return s.filters.edition ?? s.lang;
}

/**
 * The edition the list shows (plus articles of unknown language), unless the query says which language it
 * wants (a saved view of English news opened in the Indonesian interface still lists them).
 */
export function listLang(s: AppState): UiLang | undefined {
  return mentionsLang(s.filters.query) ? undefined : edition(s);
}

/** Whether the list's filters test read or star marks, so marking an article can take it out of the list. */
function marksFilter(f: Filters): boolean {
  return f.unreadOnly || f.starredOnly || mentionsFlag(f.query);
}

/** The list's query: the edition and the filters. */
export function listQuery(s: AppState): ArticleQuery {
  const q: ArticleQuery = {};
  const lang = listLang(s);
  if (lang !== undefined) q.lang = lang;
  if (s.filters.tags.length > 0) q.tags = [...s.filters.tags];
  if (s.filters.query !== null) q.where = s.filters.query;
  if (s.filters.unreadOnly) q.unread = true;
  if (s.kept.length > 0 && marksFilter(s.filters)) q.keepIds = [...s.kept];
  if (s.filters.starredOnly) q.starred = true;
  if (s.filters.feed !== null) q.feedUrl = s.filters.feed;
  if (s.watermark !== null) q.maxRid = s.watermark;
  return q;
}

const narrowTags = memoLast((all: readonly TagCount[], query: string): readonly TagCount[] => {
  const q = query.toLowerCase().replace(/^#/, '');
  return all.filter((t) => t.tag.toLowerCase().includes(q));
});

/**
 * Tags of the hashtag view narrowed by what was typed (case-insensitive), in the store's order (most used
 * first). With tags chosen, the store gave only those that co-occur with them, chosen ones included.
 * Filtered again only when the tags or the query change: the reducer (to clamp a move), the view and Enter
 * all ask for it on a keypress, and a move of the selection leaves both as they were.
 */
export function visibleTags(s: AppState): readonly TagCount[] {
  return narrowTags(s.hashtags.all, s.hashtags.query);
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/** Keeps `selected` inside [scroll, scroll + height) by moving the scroll as little as possible. */
function follow(selected: number, scroll: number, height: number, total: number): number {
  let s = scroll;
  if (selected < s) s = selected;
  if (selected >= s + height) s = selected - height + 1;
  return clamp(s, 0, Math.max(0, total - height));
}

function moveList(s: AppState, to: number): AppState {
  const total = s.list.total;
  const selected = total === 0 ? 0 : clamp(to, 0, total - 1);
  const scroll = follow(selected, s.list.scroll, bodyHeight(s.size), total);
  return { ...s, list: { total, selected, scroll } };
}

/** Rows of the feeds view's list: its body less a blank line and two lines about the selected feed. */
export function feedsListHeight(size: { rows: number }): number {
  return Math.max(1, bodyHeight(size) - 3);
}

function moveCursor(c: Cursor, to: number, height: number): Cursor {
  const selected = c.total === 0 ? 0 : clamp(to, 0, c.total - 1);
  return { ...c, selected, scroll: follow(selected, c.scroll, height, c.total) };
}

function moveFeeds(s: AppState, to: number): AppState {
  return { ...s, feeds: moveCursor(s.feeds, to, feedsListHeight(s.size)) };
}

function moveLinks(s: AppState, to: number): AppState {
  return { ...s, links: moveCursor(s.links, to, bodyHeight(s.size)) };
}

function moveTags(s: AppState, to: number): AppState {
  const n = visibleTags(s).length;
  const selected = n === 0 ? 0 : clamp(to, 0, n - 1);
  const scroll = follow(selected, s.hashtags.scroll, hashtagListHeight(s.size), n);
  return { ...s, hashtags: { ...s.hashtags, selected, scroll } };
}

/** Help rows that fit: the body minus its title, a blank line and the closing hint. */
export function helpHeight(size: { rows: number }): number {
  return Math.max(1, bodyHeight(size) - 3);
}

/** The screen under the current one: where back goes, and whose keys help shows. */
export function below(s: AppState): View {
  return s.stack[s.stack.length - 1]?.view ?? 'list';
}

/**
 * Whose keys the help shows: the line being typed in the status line when it was opened from one (a
 * prompt of the feeds view stays open under it), else the screen under it.
 */
export function helpPlace(s: AppState): KeyContext {
  return s.prompt !== null ? 'prompt' : below(s);
}

/** A reader is on screen or under the overlay on screen (help over an article keeps its page laid out). */
export function readerOpen(s: AppState): boolean {
  return s.view === 'reader' || s.stack.some((f) => f.view === 'reader');
}

function scrollErrors(s: AppState, to: number): AppState {
  const max = Math.max(0, s.errors.lineCount - bodyHeight(s.size));
  return { ...s, errors: { ...s.errors, scroll: clamp(to, 0, max) } };
}

function scrollHelp(s: AppState, to: number): AppState {
  const max = Math.max(0, helpRows(helpPlace(s), s.lang).length - helpHeight(s.size));
  return { ...s, helpScroll: clamp(to, 0, max) };
}

function readerMax(s: AppState): number {
  return Math.max(0, s.reader.lineCount - bodyHeight(s.size));
}

function scrollReader(s: AppState, to: number): AppState {
  return { ...s, reader: { ...s.reader, scroll: clamp(to, 0, readerMax(s)) } };
}

/** Scrolls the reader so the chosen "Read also" line is on screen. */
function showRelated(s: AppState): AppState {
  const line = s.reader.relatedStart + s.reader.related;
  const h = bodyHeight(s.size);
  let scroll = s.reader.scroll;
  if (line < scroll) scroll = line;
  if (line >= scroll + h) scroll = line - h + 1;
  return scrollReader(s, scroll);
}

function freshReader(articleId: string | null): ReaderState {
  return {
    articleId, scroll: 0, lineCount: 0, focus: 'body', related: 0, relatedCount: 0, relatedStart: 0,
    showFeed: false, fullRequest: 0, loading: false, pageVersion: 0,
  };
}

const clearedHashtags = (s: AppState): AppState => ({ ...s, hashtags: { ...s.hashtags, query: '', selected: 0, scroll: 0 } });

/** What a view resets when it opens. */
const ON_OPEN: Partial<Record<View, (s: AppState) => AppState>> = {
  help: (s) => ({ ...s, helpScroll: 0 }),
  errors: (s) => ({ ...s, errors: { ...s.errors, scroll: 0 } }),
  links: (s) => ({ ...s, links: { total: 0, selected: 0, scroll: 0 }, digits: '' }),
  hashtags: clearedHashtags,
  language: (s) => ({ ...s, language: { selected: s.lang === 'id' ? 0 : 1 } }),
};

/** What a view resets when it is left (by back or by a choice made in it). */
const ON_CLOSE: Partial<Record<View, (s: AppState) => AppState>> = {
  hashtags: clearedHashtags,
  links: (s) => ({ ...s, digits: '' }),
  // the reader's state belongs to the article: leaving it for the screen under it forgets it
  reader: (s) => ({ ...s, reader: freshReader(null) }),
};

/** Opens `view` over the current screen. */
function push(s: AppState, view: View): AppState {
  const frame: Frame = s.view === 'reader' ? { view: s.view, reader: s.reader } : { view: s.view };
  const stack = [...s.stack, frame];
  // the list at the bottom always stays: a long chain of articles forgets the oldest above it
  if (stack.length > MAX_STACK) stack.splice(1, stack.length - MAX_STACK);
  const next = { ...s, view, stack };
  return ON_OPEN[view]?.(next) ?? next;
}

/** Leaves the current screen for the one under it (the list stays when there is none). */
function pop(s: AppState): AppState {
  if (s.view === 'list' && s.stack.length === 0) return s;
  const left = ON_CLOSE[s.view]?.(s) ?? s;
  const frame = s.stack[s.stack.length - 1] ?? { view: 'list' as const };
  const next: AppState = { ...left, view: frame.view, stack: s.stack.slice(0, -1) };
  if (!frame.reader) return next;
  // Leaving an overlay: the reader under it is s.reader, kept up to date meanwhile (a page that arrived).
  if (s.view !== 'reader') return { ...next, reader: s.reader };
  // Back from another article: this one's page fetch ended when it was left, and starts again if still wanted.
  return { ...next, reader: { ...frame.reader, loading: false } };
}

/** Back to the list, closing every screen over it. */
function toList(s: AppState): AppState {
  let next = s;
  while (next.view !== 'list' || next.stack.length > 0) next = pop(next);
  return next;
}

/**
 * Filters changed: the list is queried again, from the top, or at `keep` (the selected article's place in
 * the new list) on the same screen row as before.
 */
function refiltered(s: AppState, filters: Filters, keep?: Kept): AppState {
  const next: AppState = { ...s, filters, list: { ...s.list, selected: 0, scroll: 0 }, overrides: {}, kept: [], dataVersion: s.dataVersion + 1 };
  if (keep === undefined) return next;
  const total = Math.max(0, keep.total);
  const selected = total === 0 ? 0 : clamp(keep.index, 0, total - 1);
  const row = s.list.selected - s.list.scroll;
  return moveList({ ...next, list: { total, selected, scroll: clamp(selected - row, 0, Math.max(0, total - 1)) } }, selected);
}

/**
 * The prompt's text changed: the list follows each query that can be read (the last word typed also matches
 * longer words, as results appear while typing); one that cannot keeps the list and says why.
 */
function typed(s: AppState, search: string): AppState {
  const r = parseQuery(search, { prefixLast: true });
  if (!r.ok) return { ...s, filters: { ...s.filters, search, problem: r.problem } };
  return refiltered(s, { ...s.filters, search, query: r.node, queryText: r.node === null ? '' : search.trim(), problem: null, viewName: null });
}

export function reducer(s: AppState, a: Action): AppState {
  switch (a.type) {
    case 'resize': {
      // Every scrolled view is clamped to its new height: a taller terminal shows more rows, never a view
      // left scrolled down with empty rows under its end.
      const next = { ...s, size: { columns: a.columns, rows: a.rows } };
      const listed = moveList(next, next.list.selected);
      const clamped = scrollErrors(scrollHelp(moveTags(scrollReader(listed, listed.reader.scroll), listed.hashtags.selected), listed.helpScroll), listed.errors.scroll);
      return moveLinks(moveFeeds(clamped, clamped.feeds.selected), clamped.links.selected);
    }
    case 'move':
      if (s.view === 'list' || s.view === 'search') return moveList(s, s.list.selected + a.delta);
      if (s.view === 'hashtags') return moveTags(s, s.hashtags.selected + a.delta);
      if (s.view === 'reader') {
        if (s.reader.focus === 'related') {
          const related = clamp(s.reader.related + a.delta, 0, Math.max(0, s.reader.relatedCount - 1));
          return showRelated({ ...s, reader: { ...s.reader, related } });
        }
        return scrollReader(s, s.reader.scroll + a.delta);
      }
      if (s.view === 'help') return scrollHelp(s, s.helpScroll + a.delta);
      if (s.view === 'errors') return scrollErrors(s, s.errors.scroll + a.delta);
      if (s.view === 'feeds') return moveFeeds(s, s.feeds.selected + a.delta);
      if (s.view === 'links') return moveLinks(s, s.links.selected + a.delta);
      if (s.view === 'language') return { ...s, language: { selected: clamp(s.language.selected + a.delta, 0, 1) } };
      return s;
    case 'page': {
      const h = bodyHeight(s.size);
      if (s.view === 'list') return moveList(s, s.list.selected + a.dir * h);
      if (s.view === 'hashtags') return moveTags(s, s.hashtags.selected + a.dir * hashtagListHeight(s.size));
      if (s.view === 'reader') return scrollReader(s, s.reader.scroll + a.dir * Math.max(1, h - 1));
      if (s.view === 'help') return scrollHelp(s, s.helpScroll + a.dir * helpHeight(s.size));
      if (s.view === 'errors') return scrollErrors(s, s.errors.scroll + a.dir * Math.max(1, h - 1));
      if (s.view === 'feeds') return moveFeeds(s, s.feeds.selected + a.dir * feedsListHeight(s.size));
      if (s.view === 'links') return moveLinks(s, s.links.selected + a.dir * h);
      return s;
    }
    case 'top':
      if (s.view === 'list') return moveList(s, 0);
      if (s.view === 'hashtags') return moveTags(s, 0);
      if (s.view === 'reader') return scrollReader(s, 0);
      if (s.view === 'help') return scrollHelp(s, 0);
      if (s.view === 'errors') return scrollErrors(s, 0);
      if (s.view === 'feeds') return moveFeeds(s, 0);
      if (s.view === 'links') return moveLinks(s, 0);
      return s;
    case 'bottom':
      if (s.view === 'list') return moveList(s, s.list.total - 1);
      if (s.view === 'hashtags') return moveTags(s, visibleTags(s).length - 1);
      if (s.view === 'reader') return scrollReader(s, readerMax(s));
      if (s.view === 'help') return scrollHelp(s, Number.MAX_SAFE_INTEGER);
      if (s.view === 'errors') return scrollErrors(s, s.errors.lineCount);
      if (s.view === 'feeds') return moveFeeds(s, s.feeds.total - 1);
      if (s.view === 'links') return moveLinks(s, s.links.total - 1);
      return s;
    case 'openArticle': {
      if (a.id === null && s.list.total === 0) return s;
      if (a.replace === true && s.view === 'reader') return { ...s, reader: freshReader(a.id) };
      return { ...push(s, 'reader'), reader: freshReader(a.id) };
    }
    case 'step': {
      const to = s.list.selected + a.delta;
      if (to < 0 || to >= s.list.total) {
        return { ...s, toast: { key: a.delta > 0 ? 'endOfList' : 'startOfList' } };
      }
      const moved = moveList(s, to);
      return { ...moved, reader: freshReader(null) };
    }
    case 'back':
      return pop(s);
    case 'showView':
      // the key that opened a view closes it again (? on help)
      if (a.view === s.view) return a.view === 'help' ? pop(s) : s;
      return push(s, a.view);
    case 'toggleFocus': {
      const relatedCount = Math.max(s.reader.relatedCount, a.relatedCount ?? 0);
      if (s.view !== 'reader' || relatedCount === 0) return s;
      if (s.reader.focus === 'related') return { ...s, reader: { ...s.reader, focus: 'body' } };
      return showRelated({ ...s, reader: { ...s.reader, focus: 'related', relatedCount } });
    }
    case 'setLang': {
      // a feed listed in the other edition goes back to the interface's with it
      if (a.lang === s.lang && s.filters.edition === null) return s;
      const next = refiltered({ ...s, lang: a.lang }, { ...s.filters, edition: null });
      // The edition changed: a reader showing the old list's selection has no article any more. On screen it
      // goes back to the (new) list; under an overlay its frame is dropped, so back skips it.
      if (s.view === 'reader' && s.reader.articleId === null) return toList(next);
      const stack = next.stack.filter((f) => !(f.view === 'reader' && f.reader?.articleId === null));
      if (stack.length === next.stack.length) return next;
      const top = [...stack].reverse().find((f) => f.view === 'reader');
      return { ...next, stack, reader: top?.reader ?? freshReader(null) };
    }
    case 'addTag': {
      // Enter on a tag already in the filter (marked ✓ in the view) takes it out again.
      const same = (t: string): boolean => t.toLowerCase() === a.tag.toLowerCase();
      const tags = s.filters.tags.some(same) ? s.filters.tags.filter((t) => !same(t)) : [...s.filters.tags, a.tag];
      return toList(refiltered(s, { ...s.filters, tags }));
    }
    case 'clearFilters': {
      const f = s.filters;
      if (f.tags.length === 0 && f.search === '' && f.query === null && !f.unreadOnly && !f.starredOnly && f.feed === null) return s;
      return refiltered(s, NO_FILTERS, a.keep);
    }
    case 'toggleStarredOnly':
      return refiltered(s, { ...s.filters, starredOnly: !s.filters.starredOnly }, a.keep);
    case 'openFeed':
      return toList(refiltered(s, { ...s.filters, feed: a.url, edition: a.lang !== undefined && a.lang !== s.lang ? a.lang : null }));
    case 'openView': {
      const r = parseQuery(a.query);
      if (!r.ok || r.node === null) return s;
      const text = a.query.trim();
      return toList(refiltered(s, { ...s.filters, tags: [], feed: null, edition: null, search: text, query: r.node, queryText: text, problem: null, viewName: a.name }));
    }
    case 'feedsLoaded': {
      const feeds = { ...s.feeds, total: Math.max(0, a.total) };
      return moveFeeds({ ...s, feeds }, a.select ?? s.feeds.selected);
    }
    case 'linksLoaded':
      return moveLinks({ ...s, links: { ...s.links, total: Math.max(0, a.total) } }, s.links.selected);
    case 'ask':
      return { ...s, confirm: a.confirm };
    case 'answered':
      return s.confirm === null ? s : { ...s, confirm: null };
    case 'openPrompt':
      return { ...s, prompt: a.prompt };
    case 'promptType':
      return s.prompt === null ? s : { ...s, prompt: { ...s.prompt, text: s.prompt.text + a.text } };
    case 'promptDelete':
      return s.prompt === null ? s : { ...s, prompt: { ...s.prompt, text: [...s.prompt.text].slice(0, -1).join('') } };
    case 'closePrompt':
      return s.prompt === null ? s : { ...s, prompt: null };
    case 'digit':
      // six digits are more links than an article has: the rest is ignored
      return /^[0-9]$/.test(a.digit) && s.digits.length < 6 ? { ...s, digits: s.digits + a.digit } : s;
    case 'digitDelete':
      return s.digits === '' ? s : { ...s, digits: s.digits.slice(0, -1) };
    case 'digitsClear':
      return s.digits === '' ? s : { ...s, digits: '' };
    case 'marksChanged': {
      const next: AppState = {
        ...s,
        overrides: {},
        dataVersion: s.dataVersion + 1,
        list: { ...s.list, total: Math.max(0, a.total) },
        toast: a.toast ?? s.toast,
        undo: a.undo ?? null,
      };
      return moveList(next, s.list.selected);
    }
    case 'jump': {
      const base = a.filters === undefined ? s : refiltered(s, a.filters);
      const total = a.total ?? base.list.total;
      const selected = total === 0 ? 0 : clamp(a.index, 0, total - 1);
      const moved = moveList({ ...base, list: { ...base.list, total, selected } }, selected);
      if (!a.open) return moved;
      // in the reader: the article is the list's selection, shown from its top in place of the one read
      if (moved.view === 'reader') return { ...moved, reader: freshReader(null) };
      return { ...push(moved, 'reader'), reader: freshReader(null) };
    }
    case 'dataChanged':
      return { ...s, dataVersion: s.dataVersion + 1 };
    case 'dropFeedFilter':
      return s.filters.feed === null ? s : refiltered(s, { ...s.filters, feed: null, edition: null });
    case 'feedUnsubscribed':
      return s.refresh.failed.some((f) => f.url === a.url) ? { ...s, refresh: { ...s.refresh, failed: s.refresh.failed.filter((f) => f.url !== a.url) } } : s;
    case 'toggleUnreadOnly':
      return refiltered(s, { ...s.filters, unreadOnly: !s.filters.unreadOnly }, a.keep);
    case 'typeChar':
      if (s.view === 'search') return typed(s, s.filters.search + a.text);
      if (s.view === 'hashtags') return { ...s, hashtags: { ...s.hashtags, query: s.hashtags.query + a.text, selected: 0, scroll: 0 } };
      return s;
    case 'deleteChar':
      if (s.view === 'search') return typed(s, [...s.filters.search].slice(0, -1).join(''));
      if (s.view === 'hashtags') {
        return { ...s, hashtags: { ...s.hashtags, query: [...s.hashtags.query].slice(0, -1).join(''), selected: 0, scroll: 0 } };
      }
      return s;
    case 'applySearch':
      // a query that cannot be read stays in the prompt, its problem shown, until it is fixed or cleared
      if (s.filters.problem !== null) return s;
      return s.view === 'search' ? pop(s) : s;
    case 'cancelSearch': {
      const cleared = { ...s.filters, search: '', query: null, queryText: '', problem: null, viewName: null };
      const next = s.filters.search === '' && s.filters.query === null ? { ...s, filters: cleared } : refiltered(s, cleared);
      return next.view === 'search' ? pop(next) : next;
    }
    case 'tagsLoaded':
      return moveTags({ ...s, hashtags: { ...s.hashtags, all: a.tags } }, s.hashtags.selected);
    case 'listChanged': {
      const total = Math.max(0, a.total);
      const moved = a.watermark === undefined ? s : { ...s, watermark: a.watermark };
      const reloaded = a.reload ? { ...moved, dataVersion: s.dataVersion + 1 } : moved;
      // the reader never goes on showing an article that was removed, nor silently shows the next one instead
      const base =
        a.pin !== undefined && s.view === 'reader' && s.reader.articleId === null ? { ...reloaded, reader: { ...reloaded.reader, articleId: a.pin } } : reloaded;
      if (a.selectIndex === null) return moveList({ ...base, list: { ...s.list, total } }, s.list.selected);
      // keep the same article selected and on the same screen row
      const delta = a.selectIndex - s.list.selected;
      const scroll = clamp(s.list.scroll + delta, 0, Math.max(0, total - 1));
      return moveList({ ...base, list: { total, selected: s.list.selected, scroll } }, a.selectIndex);
    }
    case 'errorsLayout':
      return scrollErrors({ ...s, errors: { ...s.errors, lineCount: a.lineCount } }, s.errors.scroll);
    case 'readerLayout': {
      const reader = {
        ...s.reader,
        lineCount: a.lineCount,
        relatedCount: a.relatedCount,
        relatedStart: a.relatedStart,
        related: clamp(s.reader.related, 0, Math.max(0, a.relatedCount - 1)),
        focus: a.relatedCount === 0 ? ('body' as const) : s.reader.focus,
      };
      const laid = scrollReader({ ...s, reader }, s.reader.scroll);
      return reader.focus === 'related' ? showRelated(laid) : laid;
    }
    case 'refreshStarted':
      return { ...s, refresh: { running: true, done: 0, total: a.total, added: 0, failed: [], error: null, since: a.since ?? null } };
    case 'refreshProgress': {
      const r = a.result;
      const failed = r?.status === 'error' ? [...s.refresh.failed, { url: r.url, error: r.error ?? UNKNOWN }] : s.refresh.failed;
      return {
        ...s,
        refresh: { ...s.refresh, running: true, done: a.done, total: a.total, added: s.refresh.added + (r?.added ?? 0), failed },
      };
    }
    case 'refreshFinished': {
      const failed = a.results.filter((r) => r.status === 'error').map((r) => ({ url: r.url, error: r.error ?? UNKNOWN }));
      const added = a.results.reduce((n, r) => n + r.added, 0);
      return { ...s, refresh: { ...s.refresh, running: false, done: a.results.length, total: a.results.length, added, failed, error: null } };
    }
    case 'refreshError':
      return { ...s, refresh: { ...s.refresh, running: false, error: a.problem } };
    case 'override': {
      const prev = s.overrides[a.id] ?? {};
      const next = { ...prev };
      if (a.read !== undefined) next.read = a.read;
      if (a.starred !== undefined) next.starred = a.starred;
      const keep = a.fromList === true && marksFilter(s.filters) && !s.kept.includes(a.id);
      return { ...s, overrides: { ...s.overrides, [a.id]: next }, kept: keep ? [...s.kept, a.id] : s.kept };
    }
    case 'toast':
      // an undo lives as long as its notice: any other notice, or the next key, ends it
      if (s.toast === null && a.toast === null && s.undo === null) return s;
      return { ...s, toast: a.toast, undo: null };
    case 'cacheDamaged':
      return s.cacheDamaged !== null ? s : { ...s, cacheDamaged: { path: a.path, movedTo: a.movedTo } };
    case 'quit':
      return { ...s, quit: true };
    case 'toggleFull':
      if (s.view !== 'reader') return s;
      if (a.fetch) return { ...s, reader: { ...s.reader, showFeed: false, fullRequest: s.reader.fullRequest + 1 } };
      return { ...s, reader: { ...s.reader, showFeed: !s.reader.showFeed } };
    case 'pageLoading': {
      if (s.reader.loading === a.loading && !a.arrived) return s;
      return { ...s, reader: { ...s.reader, loading: a.loading, pageVersion: s.reader.pageVersion + (a.arrived ? 1 : 0) } };
    }
  }
}
