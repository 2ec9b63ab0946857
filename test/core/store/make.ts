import type { Article } from '../../../src/core/types.js';

/** A complete article with overridable fields; ids and times are explicit so orders are predictable. */
export function article(id: string, over: Partial<Article> = {}): Article {
  return {
    id,
    feedUrl: 'https://example.test/feed.xml',
    guid: id,
    url: `https://example.test/${id}`,
    title: `Title ${id}`,
    author: null,
    published: '2024-01-01T00:00:00.000Z',
    updated: null,
    lang: 'id',
    tags: [],
    summary: '',
    contentHtml: '',
    image: null,
    enclosures: [],
    alternates: [],
    pairKey: null,
    ...over,
  };
}

export const FETCH = { lastFetched: '2024-06-01T00:00:00.000Z', lastStatus: 'new' as const };

/** ISO time `minutes` after a fixed origin, for ordering by published. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString();
}
