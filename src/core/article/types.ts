/**
 * The article page, extracted: the contract between extraction (extract.ts, a pure function of the page's
 * bytes or text) and everything that fetches, stores and draws it. Plain data only.
 */

/** The page's lead illustration. */
export interface ArticleImage {
  /** Absolute http(s) URL; never fetched by cyberread. */
  url: string;
  caption: string | null;
}

/** One entry of the page's "Baca juga" / "Read also" / "Related" list. */
export interface RelatedLink {
  title: string;
  /** Absolute http(s) URL. */
  url: string;
}

/** Another edition of the same story (hreflang alternates, the page's IND | ENG switch). */
export interface EditionLink {
  /** Lower-case language code as the page gives it ("id", "en", "en-us"). */
  lang: string;
  /** Absolute http(s) URL. */
  url: string;
}

export interface ExtractedArticle {
  title: string | null;
  author: string | null;
  /** ISO 8601 UTC, or null when the page gives no usable time. */
  published: string | null;
  /** Lower-case language code of the page, or null. */
  lang: string | null;
  siteName: string | null;
  image: ArticleImage | null;
  /** The body as plain text: paragraphs and headings separated by blank lines. */
  text: string;
  /** The same body as sanitised HTML (the feed cleaner's rules), for the renderer. */
  html: string;
  /** Page hashtags, normalised like feed tags (display casing kept, deduplicated case-insensitively). */
  tags: string[];
  related: RelatedLink[];
  alternates: EditionLink[];
}

export interface ExtractOptions {
  /** The page's final URL (after redirects): base for relative links. */
  url: string;
  /** The HTTP Content-Type header, for its charset. */
  contentType?: string;
  /** Time the extraction may take, in ms (default 3000); past it, ExtractError 'timeout'. */
  timeoutMs?: number;
}

/** Why a page gave no article; the caller keeps the feed text and stores the reason. */
export type ExtractFailure = 'not-html' | 'too-large' | 'too-complex' | 'timeout' | 'no-article';

export class ExtractError extends Error {
  constructor(
    readonly reason: ExtractFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}
