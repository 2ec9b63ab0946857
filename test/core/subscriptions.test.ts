import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Config } from '../../src/core/config.js';
import { openStore } from '../../src/core/store/open-store.js';
import {
  feedConfigFrom,
  normaliseFeedUrl,
  parseFeedSpec,
  removeSubscription,
  renameSubscription,
  setSubscriptionLang,
  splitWords,
} from '../../src/core/subscriptions.js';
import { article, FETCH } from './store/make.js';

describe('normaliseFeedUrl (feeds add and the reader share it)', () => {
  it('keeps http(s) and file URLs as serialised, makes paths absolute, refuses the rest', () => {
    expect(normaliseFeedUrl(' https://Example.org/rss ')).toBe('https://example.org/rss');
    expect(normaliseFeedUrl('file:///tmp/x.xml')).toBe('file:///tmp/x.xml');
    expect(normaliseFeedUrl('feeds/a.xml', '/home/u')).toBe('/home/u/feeds/a.xml');
    expect(normaliseFeedUrl('/abs/a.xml')).toBe('/abs/a.xml');
    for (const bad of ['javascript:alert(1)', 'ftp://x.org/a', 'https:///x', 'http://', 'a\u001bb.xml', '', 'exec:rm']) {
      expect(normaliseFeedUrl(bad), bad).toBeNull();
    }
  });
});

describe('feedConfigFrom', () => {
  it('checks and cleans the options of a subscription', () => {
    expect(feedConfigFrom({ url: 'https://x.org/rss', title: ' Berita\u001b[31m Uji ', lang: 'EN', tags: ['#a', ' b '] })).toEqual({
      ok: true,
      feed: { url: 'https://x.org/rss', title: 'Berita Uji', lang: 'en', tags: ['a', 'b'] },
    });
    expect(feedConfigFrom({ url: '' })).toEqual({ ok: false, error: { kind: 'needUrl' } });
    expect(feedConfigFrom({ url: 'https://x.org/rss', lang: 'de' })).toEqual({ ok: false, error: { kind: 'badLang', value: 'de' } });
    expect(feedConfigFrom({ url: 'gopher://x' })).toEqual({ ok: false, error: { kind: 'badUrl', value: 'gopher://x' } });
    // a tag is one word, as a hashtag is: "test feed" and an empty tag are refused, not kept or dropped
    expect(feedConfigFrom({ url: 'https://x.org/rss', tags: ['a', 'test feed'] })).toEqual({ ok: false, error: { kind: 'badTag', value: 'test feed' } });
    expect(feedConfigFrom({ url: 'https://x.org/rss', tags: ['#', ' '] })).toEqual({ ok: false, error: { kind: 'emptyTag' } });
  });
});

describe('parseFeedSpec (the reader add prompt: the options of feeds add on one line)', () => {
  it('reads options before or after the URL, with quotes and =', () => {
    expect(parseFeedSpec('--lang id https://x.org/rss --title "Berita Uji" --tag=a --tag \'#b\'')).toEqual({
      ok: true,
      feed: { url: 'https://x.org/rss', title: 'Berita Uji', lang: 'id', tags: ['a', 'b'] },
    });
    expect(parseFeedSpec("https://x.org/rss --tag 'b c'")).toEqual({ ok: false, error: { kind: 'badTag', value: 'b c' } });
    expect(parseFeedSpec('http://127.0.0.1:8080/feed.xml')).toEqual({ ok: true, feed: { url: 'http://127.0.0.1:8080/feed.xml' } });
    expect(parseFeedSpec('https://x.org/rss --full Never')).toEqual({ ok: true, feed: { url: 'https://x.org/rss', fullText: 'never' } });
  });

  it('says what is wrong with a line it cannot use', () => {
    expect(parseFeedSpec('')).toEqual({ ok: false, error: { kind: 'needUrl' } });
    expect(parseFeedSpec('https://x.org/rss --colour red')).toEqual({ ok: false, error: { kind: 'badOption', value: '--colour' } });
    expect(parseFeedSpec('https://x.org/a https://x.org/b')).toEqual({ ok: false, error: { kind: 'badOption', value: 'https://x.org/b' } });
    expect(parseFeedSpec('https://x.org/rss --title')).toEqual({ ok: false, error: { kind: 'needValue', option: '--title' } });
    expect(parseFeedSpec('https://x.org/rss --lang xx')).toEqual({ ok: false, error: { kind: 'badLang', value: 'xx' } });
    expect(parseFeedSpec('https://x.org/rss --full sometimes')).toEqual({ ok: false, error: { kind: 'badFull', value: 'sometimes' } });
    expect(parseFeedSpec('javascript:alert(1)')).toMatchObject({ ok: false, error: { kind: 'badUrl' } });
  });

  it('splits words at spaces, keeping quoted spaces', () => {
    expect(splitWords(`a  "b c" 'd'e ""`)).toEqual(['a', 'b c', 'de', '']);
  });
});

describe('changing a subscription (the reader feeds view)', () => {
  it('rename, language and remove write the settings file at once and change the cache to match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyberread-subs-'));
    const url = 'https://x.org/rss';
    const config = new Config(dir, [{ url, title: 'X' }, { url: 'https://y.org/rss' }]);
    const store = openStore(join(dir, 'cache.db')).store;
    store.saveFeed(url, { ...FETCH, title: 'X Feed', userTitle: 'X' }, [article('a', { feedUrl: url, lang: 'en' }), article('b', { feedUrl: url, lang: 'en' })]);
    store.mark(['b'], { starred: true });
    const d = { config, store };
    const saved = () => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).feeds;

    expect(renameSubscription(d, url, ' Berita\u001b[1m X ')).toBe(true);
    expect(saved()[0]).toEqual({ url, title: 'Berita X' });
    expect(store.get('a')?.feedTitle).toBe('Berita X');
    expect(renameSubscription(d, url, '')).toBe(true);
    expect(saved()[0]).toEqual({ url });
    expect(store.get('a')?.feedTitle).toBe('X Feed');

    expect(setSubscriptionLang(d, url, 'id')).toBe(true);
    expect(saved()[0]).toEqual({ url, lang: 'id' });
    expect(store.query({ lang: 'en' })).toEqual([]);
    expect(store.count({ lang: 'id' })).toBe(2);
    expect(setSubscriptionLang(d, url, null)).toBe(true);
    expect(saved()[0]).toEqual({ url });
    expect(setSubscriptionLang(d, 'https://nope.org/rss', 'en')).toBe(false);

    expect(removeSubscription(d, url)).toEqual({ removed: true, articles: 1 });
    expect(saved()).toEqual([{ url: 'https://y.org/rss' }]);
    // the starred article stays
    expect(store.query({}).map((a) => a.id)).toEqual(['b']);
    expect(removeSubscription(d, url)).toEqual({ removed: false, articles: 0 });
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
