import type { ArticleStore, FetchStateUpdate, UpsertResult } from '../../src/core/store/store.js';
import type { Article, ArticleQuery, FeedState, StoredArticle, TagCount } from '../../src/core/types.js';

/**
 * A test-only ArticleStore over an array (or a generator for very large lists), for UI tests until the
 * SQLite store is on main. Ordering and filters follow the ArticleStore contract: newest first, tags all
 * required (case-insensitive), edition = lang plus unknown, search as a case-insensitive substring.
 */
export class MemStore implements ArticleStore {
  marks: { ids: string[]; flags: { read?: boolean; starred?: boolean } }[] = [];
  queries = 0;
  constructor(
    public articles: StoredArticle[],
    private readonly generated?: { count: number; at: (i: number) => StoredArticle },
  ) {
    this.articles = [...articles].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  }

  private matches(a: StoredArticle, q: ArticleQuery): boolean {
    if (q.lang && a.lang !== null && a.lang !== q.lang) return false;
    if (q.unread && a.read) return false;
    if (q.starred && !a.starred) return false;
    if (q.feedUrl && a.feedUrl !== q.feedUrl) return false;
    if (q.tags && !q.tags.every((t) => a.tags.some((x) => x.toLowerCase() === t.toLowerCase()))) return false;
    if (q.search) {
      const hay = `${a.title} ${a.summary} ${a.contentHtml}`.toLowerCase();
      if (!q.search.toLowerCase().split(/\s+/).every((w) => hay.includes(w))) return false;
    }
    return true;
  }

  private all(q: ArticleQuery): StoredArticle[] {
    return this.articles.filter((a) => this.matches(a, q));
  }

  add(a: StoredArticle): void {
    this.articles = [a, ...this.articles].sort((x, y) => (y.published ?? '').localeCompare(x.published ?? ''));
  }

  getFeedState(): FeedState | null {
    return null;
  }
  listFeedStates(): FeedState[] {
    return [];
  }
  saveFeed(_url: string, _s: FetchStateUpdate, _a: Article[]): UpsertResult {
    return { added: 0, updated: 0 };
  }
  saveFetchState(): void {}
  removeFeed(): number {
    return 0;
  }
  query(q: ArticleQuery): StoredArticle[] {
    this.queries++;
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 50;
    if (this.generated) {
      const out: StoredArticle[] = [];
      for (let i = offset; i < Math.min(this.generated.count, offset + limit); i++) out.push(this.generated.at(i));
      return out;
    }
    return this.all(q).slice(offset, offset + limit);
  }
  count(q: ArticleQuery): number {
    return this.generated ? this.generated.count : this.all(q).length;
  }
  unreadCount(q: ArticleQuery): number {
    return this.generated ? this.generated.count : this.all({ ...q, unread: true }).length;
  }
  get(id: string): StoredArticle | null {
    return this.articles.find((a) => a.id === id) ?? null;
  }
  tags(lang?: string): TagCount[] {
    const counts = new Map<string, number>();
    for (const a of this.all(lang ? { lang } : {})) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }
  mark(ids: string[], flags: { read?: boolean; starred?: boolean }): number {
    this.marks.push({ ids, flags });
    let n = 0;
    this.articles = this.articles.map((a) => {
      if (!ids.includes(a.id)) return a;
      n++;
      return { ...a, ...(flags.read !== undefined ? { read: flags.read } : {}), ...(flags.starred !== undefined ? { starred: flags.starred } : {}) };
    });
    return n;
  }
  related(id: string, limit = 5): StoredArticle[] {
    const a = this.get(id);
    if (!a) return [];
    const tags = new Set(a.tags.map((t) => t.toLowerCase()));
    return this.articles
      .filter((x) => x.id !== id && x.lang === a.lang && x.tags.some((t) => tags.has(t.toLowerCase())))
      .slice(0, limit);
  }
  alternate(id: string, lang?: string): StoredArticle | null {
    const a = this.get(id);
    if (!a || a.pairKey === null) return null;
    return this.articles.find((x) => x.id !== id && x.pairKey === a.pairKey && (!lang || x.lang === lang)) ?? null;
  }
  close(): void {}
}

export function article(p: Partial<StoredArticle> & { id: string; title: string }): StoredArticle {
  return {
    feedUrl: 'https://cyberthreat.id/feed',
    guid: p.id,
    url: `https://cyberthreat.id/read/${p.id}/x`,
    author: null,
    published: '2019-11-16T05:59:00Z',
    updated: null,
    lang: 'id',
    tags: [],
    summary: '',
    contentHtml: `<p>${p.title}</p>`,
    image: null,
    enclosures: [],
    alternates: [],
    pairKey: null,
    read: false,
    starred: false,
    fetchedAt: '2019-11-16T06:00:00Z',
    feedTitle: 'Cyberthreat.id',
    ...p,
  };
}
