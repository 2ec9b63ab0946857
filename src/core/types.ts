import type { Problem, Said } from './i18n/problem.js';
/** Plain data passed between the core's steps. No behaviour lives here. */
import type { QueryNode } from './query/ast.js';

/** A language code as written in feeds ("id", "en", "pt-br" …), lower-case. 'id' and 'en' are the editions. */
export type Lang = string;
export type Edition = 'id' | 'en';

/** When an article's web page is fetched: see src/core/article/policy.ts. */
export type FullTextMode = 'auto' | 'always' | 'never';

/** A subscription, as the user configured it (stored in settings, exported to OPML). */
export interface FeedConfig {
  url: string;
  title?: string;
  lang?: Lang;
  tags?: string[];
  /** Fetch the article pages of this feed: "auto" (default: when the feed's text is an excerpt), "always", "never". */
  fullText?: FullTextMode;
  /** The feed's site, as an OPML import gave it (`htmlUrl`); the site link a refresh learns wins on export. */
  htmlUrl?: string;
}

export interface Enclosure {
  url: string;
  type?: string;
  length?: number;
}

/** A link to the same story in another language (Atom link rel=alternate hreflang, or xhtml:link). */
export interface Alternate {
  href: string;
  hreflang?: string;
}

/** One entry as read from a document by parseFeed, before normalisation. Text may still hold HTML. */
export interface ParsedItem {
  guid?: string;
  link?: string;
  title?: string;
  /** Already resolved from author / dc:creator / itunes:author / feed author. */
  author?: string;
  /** ISO 8601 UTC, or null when absent or unparseable. */
  published: string | null;
  updated: string | null;
  /** Summary / description, HTML or text. */
  summary?: string;
  /** Full content (content:encoded, atom content, content_html), HTML. */
  contentHtml?: string;
  /** From category / dc:subject / Atom category term, display casing kept. */
  categories: string[];
  /** item xml:lang, if any */
  lang?: string;
  alternates: Alternate[];
  enclosures: Enclosure[];
  image?: string;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  siteUrl?: string;
  /** channel language / dc:language / JSON Feed language */
  lang?: string;
  items: ParsedItem[];
  /** Non-fatal problems (e.g. "parsed with the lenient fallback", "truncated to 5000 items"). */
  warnings: string[];
}

/** A normalised article, ready to store. Every text field is sanitised. */
export interface Article {
  /** Stable: hash of feed url + guid, else link, else title + date. */
  id: string;
  feedUrl: string;
  guid: string | null;
  url: string | null;
  title: string;
  author: string | null;
  /** ISO 8601 UTC, or null — never silently "now". */
  published: string | null;
  updated: string | null;
  /** 'id' | 'en' | other code | null when unknown. */
  lang: Lang | null;
  /** Display casing kept, deduplicated case-insensitively, includes #hashtags found in the text (without '#'). */
  tags: string[];
  /** Plain text. */
  summary: string;
  /** Sanitised HTML: no script/style/on* attributes. */
  contentHtml: string;
  image: string | null;
  enclosures: Enclosure[];
  alternates: Alternate[];
  /** Key shared by the editions of one story (e.g. "cyberthreat.id#12345"), or null. */
  pairKey: string | null;
}

/** An article as read back from the store. */
export interface StoredArticle extends Article {
  read: boolean;
  starred: boolean;
  fetchedAt: string;
  feedTitle: string | null;
}

/** A list/search query; every field optional. Shared by the CLI, the store and the UI. */
export interface ArticleQuery {
  /** Articles must carry all of these tags (case-insensitive). */
  tags?: string[];
  /** Edition: articles whose lang is this one, plus those whose lang is unknown. */
  lang?: Lang;
  unread?: boolean;
  /** With `unread`, `starred` or a `where` that tests a mark: these articles stay in the result whatever
   *  their read and star marks are now, so a list the user is reading through (the UI's unread-only or
   *  starred-only list) does not shift under them. At most 1000 are used. */
  keepIds?: string[];
  starred?: boolean;
  /** Full-text query over title, summary and body. */
  search?: string;
  feedUrl?: string;
  /** A query of the query language (src/core/query/parse.ts), ANDed with the other fields. */
  where?: QueryNode;
  /**
   * Only articles stored up to this row id (store.lastRowId()): the reader's list keeps showing the rows
   * it has accounted for while a refresh writes new ones, and takes those in at once (see use-refresh.ts).
   */
  maxRid?: number;
  /** Only articles stored after this row id: those a refresh that began at store.lastRowId() = minRid brought. */
  minRid?: number;
  limit?: number;
  offset?: number;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Fetch state of a feed, kept in the cache. */
export interface FeedState {
  url: string;
  title: string | null;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  lastFetched: string | null;
  lastStatus: 'new' | 'unchanged' | 'error' | null;
  /** The last failure: a problem, or the sentence an older cyberread stored. */
  lastError: Said | null;
  /** ISO time before which the feed must not be requested again (429/503 Retry-After). */
  retryAfter: string | null;
}

export type RefreshStatus = 'new' | 'unchanged' | 'error';

export interface RefreshResult {
  url: string;
  status: RefreshStatus;
  added: number;
  updated: number;
  /** New articles a drop rule kept out of the cache. */
  dropped?: number;
  /** Articles the retention limits (keep) removed. */
  removed?: number;
  /** Articles whose read or star state changed elsewhere (a sync with a server brought it). */
  changed?: number;
  /** Why the feed failed, told in the language of whoever shows it (core/i18n/problem.ts). */
  error?: Problem;
}
