/**
 * The article_pages table (migration 2) and what a page adds to its article's index rows: its text to the
 * full-text index, its hashtags to the article's tags, its editions to the pair links. Kept out of sqlite.ts;
 * SqliteStore calls in here inside its own transactions.
 */
import type { Statement } from 'better-sqlite3';
import { inflateRawSync } from 'node:zlib';
import type { PageError, PageErrorCode, PageRecord, PageStatus, ResolvedRelated, StoredPage } from '../article/page.js';
import { PAGE_ERROR_CODES } from '../article/page.js';
import type { ArticleImage, EditionLink, RelatedLink } from '../article/types.js';
import { htmlToPlainText } from '../html.js';
import { normaliseLang } from '../lang.js';
import { pairKeyFor } from '../pairing.js';
import { bound, sanitizeLine, sanitizeText, UNSAFE_IN_URL } from '../sanitize.js';
import { normaliseTags, tagKey } from '../tags.js';
import { packHtml } from './prepare.js';

/** Bounds of what a page may put in the cache (a page is as hostile as a feed). */
export const PAGE_LIMITS = {
  title: 1000,
  author: 200,
  siteName: 200,
  caption: 1000,
  url: 4096,
  related: 20,
  alternates: 20,
  text: 1_000_000,
  html: 1_000_000,
} as const;

/** The feed's part of an article's index rows, as writeIndex needs it. */
export interface FeedIndexPart {
  title: string;
  summary: string;
  /** The feed body as plain text. */
  body: string;
  tags: { key: string; tag: string }[];
  alternateHrefs: string[];
  lang: string | null;
  sortTime: number;
}

interface PageRow {
  article_rid: number;
  status: string;
  fetched_at: string;
  url: string | null;
  etag: string | null;
  last_modified: string | null;
  error_code: string | null;
  error_status: number | null;
  stale: number;
  title: string | null;
  author: string | null;
  published: string | null;
  lang: string | null;
  site_name: string | null;
  image: string | null;
  tags: string;
  related: string;
  alternates: string;
  feed_tags: string | null;
  text: string | Uint8Array | null;
  html: string | Uint8Array | null;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function unpack(value: string | Uint8Array | null): string {
  if (value === null) return '';
  return typeof value === 'string' ? value : inflateRawSync(value).toString('utf8');
}

function blob(packed: Uint8Array | string): Buffer | string {
  return typeof packed === 'string' ? packed : Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
}

/** An absolute http(s) URL exactly as given, or null: pages never put another scheme or a hidden character in the cache. */
export function safeHttpUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (value === '' || value.length > PAGE_LIMITS.url || UNSAFE_IN_URL.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.length > PAGE_LIMITS.url || UNSAFE_IN_URL.test(url.href) ? null : url.href;
  } catch {
    return null;
  }
}

function line(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const s = bound(sanitizeLine(value), max);
  return s === '' ? null : s;
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

const STATUSES: readonly PageStatus[] = ['ok', 'failed', 'skipped'];

/** The record as it may enter the cache: every string sanitised and bounded, every link checked. */
export function cleanPageRecord(r: PageRecord): PageRecord {
  const related: RelatedLink[] = [];
  const seenRelated = new Set<string>();
  for (const x of r.related ?? []) {
    const url = safeHttpUrl(x?.url);
    if (url === null || seenRelated.has(url)) continue;
    seenRelated.add(url);
    related.push({ title: line(x.title, PAGE_LIMITS.title) ?? url, url });
    if (related.length >= PAGE_LIMITS.related) break;
  }
  const alternates: EditionLink[] = [];
  const seenAlt = new Set<string>();
  for (const x of r.alternates ?? []) {
    const url = safeHttpUrl(x?.url);
    const lang = normaliseLang(typeof x?.lang === 'string' ? sanitizeLine(x.lang) : null);
    if (url === null || lang === null || seenAlt.has(url)) continue;
    seenAlt.add(url);
    alternates.push({ lang, url });
    if (alternates.length >= PAGE_LIMITS.alternates) break;
  }
  let image: ArticleImage | null = null;
  const imageUrl = safeHttpUrl(r.image?.url);
  if (imageUrl !== null) image = { url: imageUrl, caption: line(r.image?.caption, PAGE_LIMITS.caption) };
  const status = STATUSES.includes(r.status) ? r.status : 'failed';
  let error: PageError | null = null;
  if (r.error !== null && r.error !== undefined) {
    error = { code: PAGE_ERROR_CODES.includes(r.error.code) ? r.error.code : 'no-article' };
    if (typeof r.error.status === 'number' && Number.isInteger(r.error.status)) error.status = r.error.status;
  }
  const ok = status === 'ok';
  return {
    status,
    fetchedAt: isoOrNull(r.fetchedAt) ?? new Date().toISOString(),
    url: r.url === null ? null : (safeHttpUrl(r.url) ?? (r.url.startsWith('file:') ? line(r.url, PAGE_LIMITS.url) : null)),
    // Validators are echoed to the server: the fetcher already keeps only short, valid header values.
    etag: r.etag ?? null,
    lastModified: r.lastModified ?? null,
    error,
    title: line(r.title, PAGE_LIMITS.title),
    author: line(r.author, PAGE_LIMITS.author),
    published: isoOrNull(r.published),
    lang: normaliseLang(typeof r.lang === 'string' ? sanitizeLine(r.lang) : null),
    siteName: line(r.siteName, PAGE_LIMITS.siteName),
    image,
    tags: normaliseTags(r.tags ?? []),
    related,
    alternates,
    text: ok ? bound(sanitizeText(r.text ?? ''), PAGE_LIMITS.text) : '',
    html: ok ? bound(sanitizeText(r.html ?? ''), PAGE_LIMITS.html, '') : '',
  };
}

function toPage(row: PageRow, related: ResolvedRelated[]): StoredPage {
  const status = (STATUSES as readonly string[]).includes(row.status) ? (row.status as PageStatus) : 'failed';
  let error: PageError | null = null;
  if (row.error_code !== null) {
    const code = (PAGE_ERROR_CODES as readonly string[]).includes(row.error_code) ? (row.error_code as PageErrorCode) : 'no-article';
    error = row.error_status === null ? { code } : { code, status: row.error_status };
  }
  return {
    status,
    fetchedAt: row.fetched_at,
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    error,
    stale: row.stale === 1,
    title: row.title,
    author: row.author,
    published: row.published,
    lang: row.lang,
    siteName: row.site_name,
    image: parseJson<ArticleImage | null>(row.image, null),
    tags: parseJson<string[]>(row.tags, []),
    related,
    alternates: parseJson<EditionLink[]>(row.alternates, []),
    text: unpack(row.text),
    html: unpack(row.html),
  };
}

/** Page tags after the feed's, deduplicated by tag key and capped like any article's tags. */
function mergedTags(feed: { key: string; tag: string }[], page: string[]): { key: string; tag: string }[] {
  return normaliseTags([...feed.map((t) => t.tag), ...page]).map((tag) => ({ key: tagKey(tag), tag }));
}

/** Statements come from SqliteStore's cache; every method runs inside the caller's guard or transaction. */
export class PageTable {
  constructor(private readonly stmt: (sql: string) => Statement) {}

  private row(rid: number): PageRow | undefined {
    return this.stmt('SELECT * FROM article_pages WHERE article_rid = ?').get(rid) as PageRow | undefined;
  }

  /**
   * Writes an article's tag, link and full-text rows (the old ones already deleted): the feed's, plus its
   * page's when it has one. Called for every article written by a refresh, and again when a page is saved.
   */
  writeIndex(rid: number, noPage: boolean, feed: FeedIndexPart): void {
    // noPage: the caller knows there is no page row (a new rid above every page's).
    const page = noPage
      ? undefined
      : (this.stmt('SELECT status, tags, alternates, text FROM article_pages WHERE article_rid = ?').get(rid) as
          | Pick<PageRow, 'status' | 'tags' | 'alternates' | 'text'>
          | undefined);
    let tags = feed.tags;
    let hrefs = feed.alternateHrefs;
    let body = feed.body;
    if (page !== undefined) {
      tags = mergedTags(feed.tags, parseJson<string[]>(page.tags, []));
      const pageHrefs = parseJson<EditionLink[]>(page.alternates, []).map((a) => a.url);
      hrefs = [...new Set([...feed.alternateHrefs, ...pageHrefs])];
      if (page.status === 'ok') {
        const text = unpack(page.text);
        if (text !== '') body = body === '' ? text : `${body}\n\n${text}`;
      }
      // articles.tags is what every list shows: the merged set. The feed's own stay in feed_tags.
      this.stmt('UPDATE articles SET tags = ? WHERE rid = ?').run(JSON.stringify(tags.map((t) => t.tag)), rid);
      this.stmt('UPDATE article_pages SET feed_tags = ? WHERE article_rid = ?').run(JSON.stringify(feed.tags.map((t) => t.tag)), rid);
    }
    const tag = this.stmt('INSERT OR IGNORE INTO article_tags (tag_key, sort_time, article_rid, tag, lang) VALUES (?, ?, ?, ?, ?)');
    for (const t of tags) tag.run(t.key, feed.sortTime, rid, t.tag, feed.lang);
    const link = this.stmt('INSERT OR IGNORE INTO article_links (href, article_rid) VALUES (?, ?)');
    for (const href of hrefs) link.run(href, rid);
    this.stmt('INSERT INTO articles_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)').run(rid, feed.title, feed.summary, body);
  }

  /** Rebuilds one article's index rows from what the cache holds (after its page changed). */
  private reindex(rid: number): void {
    const a = this.stmt(
      `SELECT a.title, a.summary, a.content_html, a.alternates, a.tags, a.lang, a.sort_time, p.feed_tags
       FROM articles a LEFT JOIN article_pages p ON p.article_rid = a.rid WHERE a.rid = ?`,
    ).get(rid) as
      | { title: string; summary: string; content_html: string | Uint8Array; alternates: string; tags: string; lang: string | null; sort_time: number; feed_tags: string | null }
      | undefined;
    if (a === undefined) return;
    const feedTags = normaliseTags(parseJson<string[]>(a.feed_tags ?? a.tags, []));
    this.stmt('DELETE FROM article_tags WHERE article_rid = ?').run(rid);
    this.stmt('DELETE FROM article_links WHERE article_rid = ?').run(rid);
    this.stmt('DELETE FROM articles_fts WHERE rowid = ?').run(rid);
    this.writeIndex(rid, false, {
      title: a.title,
      summary: a.summary,
      body: htmlToPlainText(unpack(a.content_html)),
      tags: feedTags.map((tag) => ({ key: tagKey(tag), tag })),
      alternateHrefs: parseJson<{ href: string }[]>(a.alternates, []).map((x) => x.href).filter((h) => typeof h === 'string'),
      lang: a.lang,
      sortTime: a.sort_time,
    });
  }

  /** The page of article `id`, or null when none was ever fetched. */
  get(id: string): StoredPage | null {
    const me = this.stmt('SELECT rid, lang FROM articles WHERE id = ?').get(id) as { rid: number; lang: string | null } | undefined;
    if (me === undefined) return null;
    const row = this.row(me.rid);
    if (row === undefined) return null;
    const related = parseJson<RelatedLink[]>(row.related, []).map((r) => ({ ...r, id: this.resolve(r.url, me.rid, me.lang ?? row.lang) }));
    return toPage(row, related);
  }

  /**
   * The cached article a "Baca juga" link names: the one at that address, else the same story (same article
   * id in the URL, see pairing.ts) in the same language — a page may link the slug-less or mobile address.
   */
  private resolve(url: string, self: number, lang: string | null): string | null {
    const exact = this.stmt('SELECT id FROM articles WHERE url = ? AND rid != ? LIMIT 1').pluck().get(url, self) as string | undefined;
    if (exact !== undefined) return exact;
    const key = pairKeyFor(url, null);
    if (key === null) return null;
    const same = this.stmt(
      `SELECT id FROM articles WHERE pair_key = ? AND rid != ? AND (? IS NULL OR lang = ? OR lang IS NULL)
       ORDER BY sort_time DESC LIMIT 1`,
    )
      .pluck()
      .get(key, self, lang, lang) as string | undefined;
    return same ?? null;
  }

  /** Stores the page of article `id` and folds it into the article's index rows. False when the article is gone. */
  save(id: string, record: PageRecord): boolean {
    const rid = this.stmt('SELECT rid FROM articles WHERE id = ?').pluck().get(id) as number | undefined;
    if (rid === undefined) return false;
    const r = cleanPageRecord(record);
    const ok = r.status === 'ok';
    this.stmt(
      `INSERT INTO article_pages (article_rid, status, fetched_at, url, etag, last_modified, error_code, error_status, stale,
         title, author, published, lang, site_name, image, tags, related, alternates, text, html)
       VALUES (@rid, @status, @fetched_at, @url, @etag, @last_modified, @error_code, @error_status, 0,
         @title, @author, @published, @lang, @site_name, @image, @tags, @related, @alternates, @text, @html)
       ON CONFLICT (article_rid) DO UPDATE SET status = excluded.status, fetched_at = excluded.fetched_at,
         url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
         error_code = excluded.error_code, error_status = excluded.error_status, stale = 0, title = excluded.title,
         author = excluded.author, published = excluded.published, lang = excluded.lang,
         site_name = excluded.site_name, image = excluded.image, tags = excluded.tags, related = excluded.related,
         alternates = excluded.alternates, text = excluded.text, html = excluded.html`,
    ).run({
      rid,
      status: r.status,
      fetched_at: r.fetchedAt,
      url: r.url,
      etag: r.etag,
      last_modified: r.lastModified,
      error_code: r.error?.code ?? null,
      error_status: r.error?.status ?? null,
      title: r.title,
      author: r.author,
      published: r.published,
      lang: r.lang,
      site_name: r.siteName,
      image: r.image === null ? null : JSON.stringify(r.image),
      tags: JSON.stringify(r.tags),
      related: JSON.stringify(r.related),
      alternates: JSON.stringify(r.alternates),
      text: ok ? blob(packHtml(r.text)) : null,
      html: ok ? blob(packHtml(r.html)) : null,
    });
    this.reindex(rid);
    return true;
  }

  /** A conditional re-fetch answered 304: the page is current again. */
  markFresh(id: string, fetchedAt: string, validators: { etag: string | null; lastModified: string | null }): void {
    this.stmt(
      `UPDATE article_pages SET stale = 0, fetched_at = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)
       WHERE article_rid = (SELECT rid FROM articles WHERE id = ?)`,
    ).run(fetchedAt, validators.etag, validators.lastModified, id);
  }

  /** The feed changed article `rid`: its page is fetched again (conditionally) when next wanted. */
  markStale(rid: number): void {
    this.stmt('UPDATE article_pages SET stale = 1 WHERE article_rid = ?').run(rid);
  }

  /**
   * Articles of `feedUrls` that have no page yet (or a stale one), added at or after `since` (ISO), newest
   * first: what `refresh --full` considers fetching.
   */
  candidates(feedUrls: string[], since: string): PageCandidate[] {
    const rows = this.stmt(
      `SELECT a.id, a.url, a.feed_url AS feedUrl, coalesce(p.stale, 0) AS stale FROM articles a
         LEFT JOIN article_pages p ON p.article_rid = a.rid
       WHERE a.feed_url IN (SELECT value FROM json_each(?)) AND a.url IS NOT NULL
         AND (p.article_rid IS NULL AND a.fetched_at >= ? OR p.stale = 1)
       ORDER BY a.sort_time DESC, a.rid`,
    ).all(JSON.stringify(feedUrls), since) as { id: string; url: string; feedUrl: string; stale: number }[];
    return rows.map((r) => ({ ...r, stale: r.stale === 1 }));
  }

  /** The feed's body of article `id` as plain text (its summary when it has no body), or null when it is gone. */
  feedText(id: string): string | null {
    const a = this.stmt('SELECT summary, content_html FROM articles WHERE id = ?').get(id) as
      | { summary: string; content_html: string | Uint8Array }
      | undefined;
    if (a === undefined) return null;
    return htmlToPlainText(unpack(a.content_html)) || a.summary;
  }
}

export interface PageCandidate {
  id: string;
  url: string;
  feedUrl: string;
  stale: boolean;
}
