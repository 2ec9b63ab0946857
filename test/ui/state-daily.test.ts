import { describe, expect, it } from 'vitest';
import { keyContext } from '../../src/ui/hooks/use-keys.js';
import { initialState, listQuery, NO_FILTERS, reducer, type Action, type AppState } from '../../src/ui/state.js';

// The reducer's part of the daily keys: filters (feed, starred only), questions, prompts, link numbers,
// the undo tied to its notice, the jumps of next/previous unread, the feeds view and the link picker.

const base = (over: Partial<AppState> = {}): AppState => ({ ...initialState({ lang: 'id', columns: 80, rows: 24 }), ...over });
const run = (s: AppState, ...as: Action[]): AppState => as.reduce(reducer, s);
const withTotal = (total: number, s = base()): AppState => reducer(s, { type: 'listChanged', total, selectIndex: null });

describe('filters: one feed, starred only', () => {
  it('go into the list query; c clears them with the rest', () => {
    const s = run(withTotal(40), { type: 'showView', view: 'feeds' }, { type: 'openFeed', url: 'https://a.example/rss' }, { type: 'toggleStarredOnly' });
    expect(s.view).toBe('list');
    expect(s.stack).toEqual([]);
    expect(listQuery(s)).toEqual({ lang: 'id', starred: true, feedUrl: 'https://a.example/rss' });
    expect(run(s, { type: 'clearFilters' }).filters).toEqual(NO_FILTERS);
    expect(run(s, { type: 'dropFeedFilter' }).filters).toEqual({ ...NO_FILTERS, starredOnly: true });
    // a feed of the other edition is listed in it; the interface keeps its language, and c goes back
    const other = run(base(), { type: 'openFeed', url: 'https://b.example/rss', lang: 'en' });
    expect(other).toMatchObject({ lang: 'id', view: 'list' });
    expect(listQuery(other)).toEqual({ lang: 'en', feedUrl: 'https://b.example/rss' });
    expect(listQuery(run(other, { type: 'clearFilters' }))).toEqual({ lang: 'id' });
    expect(listQuery(run(other, { type: 'setLang', lang: 'id' }))).toEqual({ lang: 'id', feedUrl: 'https://b.example/rss' });
  });

  it('a watermark bounds the list to the rows taken in', () => {
    expect(listQuery(base({ watermark: 42 })).maxRid).toBe(42);
    expect(listQuery(base()).maxRid).toBeUndefined();
    expect(run(withTotal(5), { type: 'listChanged', total: 7, selectIndex: 2, reload: true, watermark: 50 }).watermark).toBe(50);
  });
});

describe('questions, prompts and link numbers take the keys', () => {
  it('key contexts in order: a question, then a prompt, then a number, else the view', () => {
    const s = base();
    expect(keyContext(s)).toBe('list');
    expect(keyContext(run(s, { type: 'digit', digit: '1' }))).toBe('number');
    expect(keyContext(run(s, { type: 'openPrompt', prompt: { kind: 'addFeed', text: '' } }))).toBe('prompt');
    expect(keyContext(run(s, { type: 'openPrompt', prompt: { kind: 'addFeed', text: '' } }, { type: 'ask', confirm: { kind: 'markAll', count: 3 } }))).toBe('confirm');
    expect(keyContext(run(s, { type: 'ask', confirm: { kind: 'markAll', count: 3 } }, { type: 'answered' }))).toBe('list');
  });

  it('a prompt collects typed text and deletes by character', () => {
    const s = run(base(), { type: 'openPrompt', prompt: { kind: 'renameFeed', url: 'u', text: 'Ab' } }, { type: 'promptType', text: 'ç' }, { type: 'promptType', text: '😀' }, { type: 'promptDelete' });
    expect(s.prompt).toEqual({ kind: 'renameFeed', url: 'u', text: 'Abç' });
    expect(run(s, { type: 'closePrompt' }).prompt).toBeNull();
  });

  it('a link number takes digits only, up to six, and is cleared by leaving the link picker', () => {
    let s = run(base(), ...'12a3456789'.split('').map((d): Action => ({ type: 'digit', digit: d })));
    expect(s.digits).toBe('123456');
    s = run(s, { type: 'digitDelete' });
    expect(s.digits).toBe('12345');
    expect(run(s, { type: 'digitsClear' }).digits).toBe('');
    const picker = run(withTotal(3), { type: 'openArticle', id: null }, { type: 'showView', view: 'links' }, { type: 'linksLoaded', total: 4 }, { type: 'digit', digit: '2' });
    expect(picker.digits).toBe('2');
    expect(run(picker, { type: 'back' })).toMatchObject({ view: 'reader', digits: '' });
  });
});

describe('undo lives as long as its notice', () => {
  it('marksChanged shows the notice with its undo; any other notice or key drops it', () => {
    const s = run(withTotal(10), { type: 'override', id: 'x', read: false }, { type: 'marksChanged', total: 4, toast: { text: '3 marked' }, undo: { ids: ['a', 'b'], read: false, count: 3 } });
    expect(s.undo).toEqual({ ids: ['a', 'b'], read: false, count: 3 });
    expect(s.toast).toEqual({ text: '3 marked' });
    // the session's overrides are dropped: the store holds the marks now
    expect(s.overrides).toEqual({});
    expect(s.list.total).toBe(4);
    expect(run(s, { type: 'toast', toast: null }).undo).toBeNull();
    expect(run(s, { type: 'toast', toast: { key: 'refreshRunning' } }).undo).toBeNull();
    expect(run(s, { type: 'marksChanged', total: 4, toast: { text: 'undone' } }).undo).toBeNull();
  });
});

describe('jump: next and previous unread', () => {
  it('moves the selection in the list, opens it from the reader, and changes feed with a new total', () => {
    const list = run(withTotal(100), { type: 'jump', index: 40, open: false });
    expect(list.list).toEqual({ total: 100, selected: 40, scroll: 23 });
    expect(list.view).toBe('list');
    const reader = run(withTotal(100), { type: 'openArticle', id: null }, { type: 'move', delta: 5 }, { type: 'jump', index: 7, open: true });
    expect(reader).toMatchObject({ view: 'reader', list: { selected: 7 } });
    expect(reader.reader.scroll).toBe(0);
    expect(reader.stack.map((f) => f.view)).toEqual(['list']);
    const other = run(withTotal(100), { type: 'jump', index: 2, open: false, filters: { ...NO_FILTERS, feed: 'f2' }, total: 3 });
    expect(other.filters.feed).toBe('f2');
    expect(other.list).toEqual({ total: 3, selected: 2, scroll: 0 });
  });
});

describe('the feeds view and the link picker', () => {
  it('move within their rows, clamped to what was loaded, and keep the selection on resize', () => {
    let s = run(base(), { type: 'showView', view: 'feeds' }, { type: 'feedsLoaded', total: 40 }, { type: 'move', delta: 30 });
    // rows of the feeds list: the body (18 at 24 rows) less 3
    expect(s.feeds).toEqual({ total: 40, selected: 30, scroll: 16 });
    s = run(s, { type: 'feedsLoaded', total: 5 });
    expect(s.feeds.selected).toBe(4);
    s = run(s, { type: 'feedsLoaded', total: 6, select: 5 });
    expect(s.feeds.selected).toBe(5);
    s = run(s, { type: 'bottom' }, { type: 'resize', columns: 80, rows: 12 });
    expect(s.feeds).toMatchObject({ selected: 5 });
    const links = run(withTotal(2), { type: 'openArticle', id: null }, { type: 'showView', view: 'links' }, { type: 'linksLoaded', total: 3 }, { type: 'move', delta: 9 });
    expect(links.links.selected).toBe(2);
  });
});
