import { problem } from '../../src/core/i18n/problem.js';
import { describe, expect, it } from 'vitest';
import { helpRows } from '../../src/ui/keymap.js';
import { below, bodyHeight, hashtagListHeight, helpHeight, initialState, MAX_STACK, listQuery, NO_FILTERS, reducer, tooSmall, visibleTags, type Action, type AppState } from '../../src/ui/state.js';

const base = (over: Partial<AppState> = {}): AppState => ({ ...initialState({ lang: 'id', columns: 80, rows: 24 }), ...over });
const run = (s: AppState, ...as: Action[]): AppState => as.reduce(reducer, s);
const withTotal = (total: number, s = base()): AppState => reducer(s, { type: 'listChanged', total, selectIndex: null });

describe('reducer: list movement', () => {
  it('body height is the terminal minus chrome minus one line', () => {
    expect(bodyHeight({ rows: 24 })).toBe(18);
    expect(tooSmall({ columns: 39, rows: 24 })).toBe(true);
    expect(tooSmall({ columns: 40, rows: 9 })).toBe(true);
    expect(tooSmall({ columns: 40, rows: 10 })).toBe(false);
  });

  it('moves inside the total and scrolls to follow', () => {
    const s = withTotal(100);
    expect(run(s, { type: 'move', delta: -1 }).list).toEqual({ total: 100, selected: 0, scroll: 0 });
    expect(run(s, { type: 'move', delta: 17 }).list).toEqual({ total: 100, selected: 17, scroll: 0 });
    expect(run(s, { type: 'move', delta: 18 }).list).toEqual({ total: 100, selected: 18, scroll: 1 });
    expect(run(s, { type: 'bottom' }).list).toEqual({ total: 100, selected: 99, scroll: 82 });
    expect(run(s, { type: 'bottom' }, { type: 'top' }).list).toEqual({ total: 100, selected: 0, scroll: 0 });
    expect(run(s, { type: 'page', dir: 1 }).list).toEqual({ total: 100, selected: 18, scroll: 1 });
    expect(run(s, { type: 'bottom' }, { type: 'page', dir: -1 }).list).toEqual({ total: 100, selected: 81, scroll: 81 });
  });

  it('an empty list keeps selection at 0', () => {
    expect(run(withTotal(0), { type: 'move', delta: 3 }, { type: 'bottom' }).list).toEqual({ total: 0, selected: 0, scroll: 0 });
    expect(run(withTotal(0), { type: 'openArticle', id: null }).view).toBe('list');
  });

  it('new articles keep the selected article selected, on the same screen row', () => {
    const s = run(withTotal(100), { type: 'move', delta: 25 });
    expect(s.list).toEqual({ total: 100, selected: 25, scroll: 8 });
    const after = reducer(s, { type: 'listChanged', total: 103, selectIndex: 28, reload: true });
    expect(after.list).toEqual({ total: 103, selected: 28, scroll: 11 });
    expect(after.dataVersion).toBe(s.dataVersion + 1);
  });

  it('when the selected article is gone the index is clamped', () => {
    const s = run(withTotal(100), { type: 'bottom' });
    expect(reducer(s, { type: 'listChanged', total: 50, selectIndex: null }).list).toEqual({ total: 50, selected: 49, scroll: 32 });
  });

  it('resize keeps the selection on screen', () => {
    const s = run(withTotal(100), { type: 'move', delta: 18 });
    expect(reducer(s, { type: 'resize', columns: 80, rows: 12 }).list).toEqual({ total: 100, selected: 18, scroll: 13 });
  });
});

describe('reducer: reader', () => {
  const open = (): AppState => run(withTotal(10), { type: 'move', delta: 2 }, { type: 'openArticle', id: null }, { type: 'readerLayout', lineCount: 60, relatedCount: 2, relatedStart: 50 });

  it('opens the selected article and scrolls within its lines', () => {
    const s = open();
    expect(s.view).toBe('reader');
    expect(s.reader.articleId).toBeNull();
    expect(run(s, { type: 'move', delta: 5 }).reader.scroll).toBe(5);
    expect(run(s, { type: 'bottom' }).reader.scroll).toBe(42);
    expect(run(s, { type: 'page', dir: 1 }).reader.scroll).toBe(17);
    expect(run(s, { type: 'move', delta: -4 }).reader.scroll).toBe(0);
  });

  it('n and p step through the list and reset the page', () => {
    const s = run(open(), { type: 'move', delta: 5 }, { type: 'step', delta: 1 });
    expect(s.list.selected).toBe(3);
    expect(s.reader.scroll).toBe(0);
    expect(run(s, { type: 'step', delta: -1 }).list.selected).toBe(2);
    const end = run(withTotal(1), { type: 'openArticle', id: null }, { type: 'step', delta: 1 });
    expect(end.list.selected).toBe(0);
    expect(end.toast).toEqual({ key: 'endOfList' });
  });

  it('Tab focuses "Read also", scrolls it into view, moves within it', () => {
    const s = run(open(), { type: 'toggleFocus' });
    expect(s.reader.focus).toBe('related');
    expect(s.reader.scroll).toBe(33);
    expect(run(s, { type: 'move', delta: 1 }).reader.related).toBe(1);
    expect(run(s, { type: 'move', delta: 5 }).reader.related).toBe(1);
    expect(run(s, { type: 'toggleFocus' }).reader.focus).toBe('body');
    const none = run(withTotal(3), { type: 'openArticle', id: null }, { type: 'readerLayout', lineCount: 5, relatedCount: 0, relatedStart: 5 }, { type: 'toggleFocus' });
    expect(none.reader.focus).toBe('body');
  });

  it('opening a related article keeps the list selection; back returns to the article, then to the list', () => {
    const s = run(open(), { type: 'openArticle', id: 'x' });
    expect(s.reader.articleId).toBe('x');
    expect(s.list.selected).toBe(2);
    const b = run(s, { type: 'back' });
    expect(b.view).toBe('reader');
    expect(b.reader.articleId).toBeNull();
    expect(run(b, { type: 'back' }).view).toBe('list');
  });
});

describe('reducer: filters, language, views', () => {
  it('builds the list query from language and filters', () => {
    expect(listQuery(base())).toEqual({ lang: 'id' });
    const s = run(base(), { type: 'addTag', tag: 'databreach' }, { type: 'toggleUnreadOnly' }, { type: 'showView', view: 'search' }, { type: 'typeChar', text: 'bo' }, { type: 'typeChar', text: 'cor' });
    // plain words are a query of the query language; the word being typed also matches longer words
    const bocor = { kind: 'text', text: 'bocor', phrase: false, prefix: true, title: false };
    expect(listQuery(s)).toEqual({ lang: 'id', tags: ['databreach'], unread: true, where: bocor });
    expect(run(s, { type: 'deleteChar' }).filters.search).toBe('boco');
    expect(run(s, { type: 'cancelSearch' }).filters).toMatchObject({ search: '', query: null, queryText: '' });
    expect(run(s, { type: 'applySearch' }).view).toBe('list');
    expect(run(s, { type: 'clearFilters' }).filters).toEqual(NO_FILTERS);
  });

  it('takes the query language in the prompt: a query that cannot be read keeps the list and says why', () => {
    let s = run(base(), { type: 'showView', view: 'search' }, { type: 'typeChar', text: '#ransomware' });
    expect(s.filters.query).toEqual({ kind: 'tag', key: 'ransomware' });
    const version = s.dataVersion;
    s = run(s, { type: 'typeChar', text: ' age:<' });
    expect(s.filters.problem).toEqual({ code: 'badAge', column: 13, token: 'age:<' });
    // the list still shows #ransomware: no "no results" for a query half typed
    expect(listQuery(s).where).toEqual({ kind: 'tag', key: 'ransomware' });
    expect(s.dataVersion).toBe(version);
    expect(s.filters.queryText).toBe('#ransomware');
    // Enter does not leave the prompt with a query that cannot be read
    expect(run(s, { type: 'applySearch' }).view).toBe('search');
    s = run(s, { type: 'typeChar', text: '7d' });
    expect(s.filters.problem).toBeNull();
    expect(s.filters.queryText).toBe('#ransomware age:<7d');
    expect(listQuery(s).where?.kind).toBe('and');
    expect(run(s, { type: 'applySearch' }).view).toBe('list');
  });

  it('a query naming a language lists that language whatever the interface language', () => {
    const s = run(base(), { type: 'showView', view: 'search' }, { type: 'typeChar', text: 'lang:en bank' });
    expect(listQuery(s).lang).toBeUndefined();
    const t = run(base(), { type: 'showView', view: 'search' }, { type: 'typeChar', text: 'bank' });
    expect(listQuery(t).lang).toBe('id');
  });

  it('a new filter starts the list from the top and forgets session marks', () => {
    const s = run(withTotal(50), { type: 'move', delta: 30 }, { type: 'override', id: 'a', read: true });
    const f = run(s, { type: 'addTag', tag: 'x' });
    expect(f.list.selected).toBe(0);
    expect(f.list.scroll).toBe(0);
    expect(f.overrides).toEqual({});
    expect(f.dataVersion).toBeGreaterThan(s.dataVersion);
  });

  it('adding a tag twice (any case) keeps one', () => {
    // choosing a tag that is already in the filter (any casing) takes it out again
    expect(run(base(), { type: 'addTag', tag: 'Bank' }, { type: 'addTag', tag: 'bank' }).filters.tags).toEqual([]);
    expect(run(base(), { type: 'addTag', tag: 'Bank' }, { type: 'addTag', tag: 'AI' }, { type: 'addTag', tag: 'bank' }).filters.tags).toEqual(['AI']);
  });

  it('hashtag view narrows by typing, keeps chosen tags listed (the store counts them), clamps selection', () => {
    const tags = [
      { tag: 'databreach', count: 9 },
      { tag: 'ransomware', count: 5 },
      { tag: 'DataPribadi', count: 2 },
    ];
    let s = run(base({ filters: { ...NO_FILTERS, tags: ['ransomware'] } }), { type: 'showView', view: 'hashtags' }, { type: 'tagsLoaded', tags });
    expect(visibleTags(s).map((t) => t.tag)).toEqual(['databreach', 'ransomware', 'DataPribadi']);
    s = run(s, { type: 'move', delta: 5 });
    expect(s.hashtags.selected).toBe(2);
    s = run(s, { type: 'typeChar', text: '#DATAP' });
    expect(visibleTags(s).map((t) => t.tag)).toEqual(['DataPribadi']);
    expect(s.hashtags.selected).toBe(0);
    s = run(s, { type: 'deleteChar' }, { type: 'deleteChar' });
    expect(s.hashtags.query).toBe('#DAT');
    expect(run(s, { type: 'back' }).view).toBe('list');
    expect(run(s, { type: 'back' }).hashtags.query).toBe('');
  });

  it('setLang switches the edition and leaves a reader showing a list article', () => {
    const s = run(withTotal(10), { type: 'move', delta: 3 }, { type: 'openArticle', id: null }, { type: 'setLang', lang: 'en' });
    expect(s.lang).toBe('en');
    expect(s.view).toBe('list');
    expect(s.list.selected).toBe(0);
    const pinned = run(withTotal(10), { type: 'openArticle', id: 'a1' }, { type: 'setLang', lang: 'en' });
    expect(pinned.view).toBe('reader');
    expect(pinned.reader.articleId).toBe('a1');
    expect(run(base(), { type: 'setLang', lang: 'id' })).toEqual(base());
  });

  it('help and errors overlays return where they were opened', () => {
    const s = run(withTotal(3), { type: 'openArticle', id: null }, { type: 'showView', view: 'help' });
    expect([s.view, below(s)]).toEqual(['help', 'reader']);
    expect(run(s, { type: 'back' }).view).toBe('reader');
    expect(run(s, { type: 'showView', view: 'help' }).view).toBe('reader');
    expect(below(run(s, { type: 'back' }, { type: 'showView', view: 'errors' }))).toBe('reader');
  });

  it('tracks refresh progress, new articles and failures', () => {
    let s = run(base(), { type: 'refreshStarted', total: 0, since: 36 });
    s = run(s, { type: 'refreshProgress', done: 1, total: 3, result: { url: 'a', status: 'new', added: 4, updated: 0 } });
    const e404 = problem('errStatus', 404, 'Not Found');
    s = run(s, { type: 'refreshProgress', done: 2, total: 3, result: { url: 'b', status: 'error', added: 0, updated: 0, error: e404 } });
    expect(s.refresh).toEqual({ running: true, done: 2, total: 3, added: 4, failed: [{ url: 'b', error: e404 }], error: null, since: 36 });
    s = run(s, {
      type: 'refreshFinished',
      results: [
        { url: 'a', status: 'new', added: 4, updated: 0 },
        { url: 'b', status: 'error', added: 0, updated: 0, error: e404 },
        { url: 'c', status: 'unchanged', added: 0, updated: 0 },
      ],
    });
    expect(s.refresh).toEqual({ running: false, done: 3, total: 3, added: 4, failed: [{ url: 'b', error: e404 }], error: null, since: 36 });
    const stopped = problem('errRefreshStopped');
    expect(run(s, { type: 'refreshError', problem: stopped }).refresh.error).toBe(stopped);
  });

  it('overrides merge read and star flags', () => {
    const s = run(base(), { type: 'override', id: 'a', read: true }, { type: 'override', id: 'a', starred: true });
    expect(s.overrides).toEqual({ a: { read: true, starred: true } });
  });

  it('quit sets the flag', () => {
    expect(run(base(), { type: 'quit' }).quit).toBe(true);
  });
});

describe('reducer: help', () => {
  it('scrolls a help taller than the terminal, and starts at the top each time', () => {
    let s = run(withTotal(3), { type: 'resize', columns: 80, rows: 12 }, { type: 'openArticle', id: null }, { type: 'showView', view: 'help' });
    expect(s.helpScroll).toBe(0);
    s = run(s, { type: 'move', delta: 3 });
    expect(s.helpScroll).toBe(3);
    for (let i = 0; i < 20; i++) s = run(s, { type: 'page', dir: 1 });
    const max = s.helpScroll;
    expect(max).toBeGreaterThan(3);
    expect(run(s, { type: 'move', delta: 1 }).helpScroll).toBe(max);
    expect(run(s, { type: 'back' }, { type: 'showView', view: 'help' }).helpScroll).toBe(0);
  });
});

describe('reducer: unread-only, language view, early Tab', () => {
  it('keeps articles read from the unread-only list in its query until the filter changes', () => {
    const s = run(withTotal(10), { type: 'toggleUnreadOnly' });
    expect(listQuery(s)).toEqual({ lang: 'id', unread: true });
    const read = run(s, { type: 'override', id: 'a1', read: true, fromList: true }, { type: 'override', id: 'a1', read: true, fromList: true });
    expect(read.kept).toEqual(['a1']);
    expect(listQuery(read)).toEqual({ lang: 'id', unread: true, keepIds: ['a1'] });
    // opened from "Read also", not from the list: not kept
    expect(run(s, { type: 'override', id: 'r9', read: true }).kept).toEqual([]);
    // outside unread-only nothing is kept
    expect(run(withTotal(10), { type: 'override', id: 'a1', read: true, fromList: true }).kept).toEqual([]);
    expect(run(read, { type: 'toggleUnreadOnly' }, { type: 'toggleUnreadOnly' }).kept).toEqual([]);
    expect(run(read, { type: 'addTag', tag: 'x' }).kept).toEqual([]);
  });

  it('moves the language view highlight inside its two rows, starting on the current language', () => {
    const s = run(base({ lang: 'en' }), { type: 'showView', view: 'language' });
    expect(s.language.selected).toBe(1);
    expect(run(s, { type: 'move', delta: 1 }).language.selected).toBe(1);
    expect(run(s, { type: 'move', delta: -1 }, { type: 'move', delta: -1 }).language.selected).toBe(0);
  });

  it('lets Tab focus "Read also" before the reader layout is known, then scrolls it into view', () => {
    const s = run(withTotal(3), { type: 'openArticle', id: null });
    expect(run(s, { type: 'toggleFocus' }).reader.focus).toBe('body');
    const focused = run(s, { type: 'toggleFocus', relatedCount: 2 });
    expect(focused.reader.focus).toBe('related');
    const laid = run(focused, { type: 'readerLayout', lineCount: 80, relatedCount: 2, relatedStart: 60 });
    expect(laid.reader.scroll).toBe(60 - bodyHeight(laid.size) + 1);
  });
});

describe('reducer: navigation is a stack', () => {
  const views = (s: AppState): string[] => [...s.stack.map((f) => f.view), s.view];

  it('l ? q returns to the language view, and q again to the list (it used to stay in the language view)', () => {
    const s = run(withTotal(3), { type: 'showView', view: 'language' }, { type: 'showView', view: 'help' });
    expect(views(s)).toEqual(['list', 'language', 'help']);
    expect(below(s)).toBe('language');
    const back = run(s, { type: 'back' });
    expect(views(back)).toEqual(['list', 'language']);
    expect(views(run(back, { type: 'back' }))).toEqual(['list']);
    // back on the list stays on the list
    expect(run(back, { type: 'back' }, { type: 'back' })).toEqual(run(back, { type: 'back' }));
  });

  it('help over the failed-feeds view is the help of that view, and back returns to it', () => {
    const s = run(withTotal(3), { type: 'showView', view: 'errors' }, { type: 'showView', view: 'help' });
    expect(below(s)).toBe('errors');
    expect(run(s, { type: 'back' }).view).toBe('errors');
    expect(run(s, { type: 'back' }, { type: 'back' }).view).toBe('list');
  });

  it('help returns where it was opened at any depth: list → reader → errors → help', () => {
    let s = run(withTotal(3), { type: 'openArticle', id: null }, { type: 'readerLayout', lineCount: 80, relatedCount: 0, relatedStart: 80 }, { type: 'move', delta: 7 });
    s = run(s, { type: 'showView', view: 'errors' }, { type: 'showView', view: 'help' });
    expect(views(s)).toEqual(['list', 'reader', 'errors', 'help']);
    s = run(s, { type: 'back' });
    expect(s.view).toBe('errors');
    s = run(s, { type: 'back' });
    expect(s.view).toBe('reader');
    expect(s.reader.scroll).toBe(7);
    expect(run(s, { type: 'back' }).view).toBe('list');
  });

  it('an article opened from "Read also" returns to the article it came from, at its scroll and focus', () => {
    let s = run(withTotal(10), { type: 'move', delta: 2 }, { type: 'openArticle', id: null }, { type: 'readerLayout', lineCount: 60, relatedCount: 3, relatedStart: 50 });
    s = run(s, { type: 'toggleFocus' }, { type: 'move', delta: 1 });
    const from = s.reader;
    expect(from).toMatchObject({ articleId: null, focus: 'related', related: 1, scroll: 34 });
    s = run(s, { type: 'openArticle', id: 'r1' }, { type: 'readerLayout', lineCount: 40, relatedCount: 2, relatedStart: 30 }, { type: 'move', delta: 4 });
    expect(s.reader).toMatchObject({ articleId: 'r1', scroll: 4, focus: 'body' });
    s = run(s, { type: 'openArticle', id: 'r2' });
    expect(views(s)).toEqual(['list', 'reader', 'reader', 'reader']);
    s = run(s, { type: 'back' });
    expect(s.reader).toMatchObject({ articleId: 'r1', scroll: 4 });
    s = run(s, { type: 'back' });
    expect(s.view).toBe('reader');
    expect(s.reader).toEqual(from);
    expect(s.list.selected).toBe(2);
    s = run(s, { type: 'back' });
    expect(s.view).toBe('list');
    expect(s.reader.articleId).toBeNull();
  });

  it('the other edition replaces the article shown instead of stacking over it', () => {
    const s = run(withTotal(3), { type: 'openArticle', id: null }, { type: 'openArticle', id: 'en1', replace: true }, { type: 'openArticle', id: 'id1', replace: true });
    expect(views(s)).toEqual(['list', 'reader']);
    expect(s.reader.articleId).toBe('id1');
    expect(run(s, { type: 'back' }).view).toBe('list');
  });

  it('? on help closes it; opening the view already on screen does nothing', () => {
    const s = run(withTotal(3), { type: 'showView', view: 'errors' });
    expect(run(s, { type: 'showView', view: 'errors' })).toBe(s);
    expect(views(run(s, { type: 'showView', view: 'help' }, { type: 'showView', view: 'help' }))).toEqual(['list', 'errors']);
  });

  it('choosing a tag or finishing a search lands on the list with nothing over it', () => {
    const tagged = run(withTotal(3), { type: 'showView', view: 'hashtags' }, { type: 'typeChar', text: 'ra' }, { type: 'addTag', tag: 'ransomware' });
    expect(views(tagged)).toEqual(['list']);
    expect(tagged.hashtags.query).toBe('');
    const searched = run(withTotal(3), { type: 'showView', view: 'search' }, { type: 'typeChar', text: 'x' }, { type: 'applySearch' });
    expect(views(searched)).toEqual(['list']);
    expect(searched.filters.search).toBe('x');
    const cancelled = run(withTotal(3), { type: 'showView', view: 'search' }, { type: 'typeChar', text: 'x' }, { type: 'cancelSearch' });
    expect(views(cancelled)).toEqual(['list']);
    expect(cancelled.filters.search).toBe('');
  });

  it('switching the edition under help drops the reader of the old list, keeps an article opened by id', () => {
    const s = run(withTotal(3), { type: 'openArticle', id: null }, { type: 'openArticle', id: 'r1' }, { type: 'showView', view: 'help' }, { type: 'setLang', lang: 'en' });
    expect(views(s)).toEqual(['list', 'reader', 'help']);
    expect(s.reader.articleId).toBe('r1');
    const listReader = run(withTotal(3), { type: 'openArticle', id: null }, { type: 'showView', view: 'help' }, { type: 'setLang', lang: 'en' });
    expect(views(listReader)).toEqual(['list', 'help']);
    expect(run(listReader, { type: 'back' }).view).toBe('list');
  });

  it('a long chain of "Read also" keeps the list at the bottom and at most MAX_STACK frames', () => {
    let s = run(withTotal(3), { type: 'openArticle', id: null });
    for (let i = 0; i < MAX_STACK + 10; i++) s = run(s, { type: 'openArticle', id: `r${i}` });
    expect(s.stack).toHaveLength(MAX_STACK);
    expect(s.stack[0]?.view).toBe('list');
    for (let i = 0; i < MAX_STACK; i++) s = run(s, { type: 'back' });
    expect(views(s)).toEqual(['list']);
  });
});

describe('reducer: resize', () => {
  it('growing the terminal from 40x12 to 60x15 leaves no empty rows under the end of the hashtag list', () => {
    const tags = Array.from({ length: 30 }, (_, i) => ({ tag: `tag${i}`, count: 30 - i }));
    let s = run(base(), { type: 'resize', columns: 40, rows: 12 }, { type: 'showView', view: 'hashtags' }, { type: 'tagsLoaded', tags }, { type: 'bottom' });
    expect(s.hashtags.selected).toBe(29);
    expect(s.hashtags.scroll).toBe(30 - hashtagListHeight(s.size));
    s = run(s, { type: 'resize', columns: 60, rows: 15 });
    // the last tag on the last row: the list ends at the bottom of the view
    expect(s.hashtags.scroll).toBe(30 - hashtagListHeight(s.size));
    expect(s.hashtags.selected).toBe(29);
    // a terminal taller than the list shows it from its first tag
    expect(run(s, { type: 'resize', columns: 60, rows: 50 }).hashtags.scroll).toBe(0);
  });

  it('growing the terminal under a scrolled help shows its end at the bottom', () => {
    let s = run(withTotal(3), { type: 'resize', columns: 40, rows: 12 }, { type: 'showView', view: 'help' });
    for (let i = 0; i < 40; i++) s = run(s, { type: 'move', delta: 1 });
    const rows = helpRows('list', s.lang).length;
    expect(s.helpScroll).toBe(rows - helpHeight(s.size));
    s = run(s, { type: 'resize', columns: 60, rows: 20 });
    expect(s.helpScroll).toBe(Math.max(0, rows - helpHeight(s.size)));
  });
});
