/** The library entry: `import { parseFeed } from 'cyberread'`. */
export type * from './core/types.js';
export { parseFeed, FeedParseError } from './core/feeds/parse.js';
export type { ParseOptions } from './core/feeds/parse.js';
export { decode } from './core/feeds/decode.js';
export { parseDate } from './core/feeds/dates.js';
export { normalise } from './core/feeds/normalise.js';
export { sanitizeText, sanitizeLine } from './core/sanitize.js';
export { extractArticle } from './core/article/extract.js';
export { ExtractError } from './core/article/types.js';
export type { ExtractedArticle, ExtractOptions, ExtractFailure, ArticleImage, RelatedLink, EditionLink } from './core/article/types.js';
