/**
 * The illustration line of an article whose body has no image of its own. News sites put the lead picture
 * above the body (Readability leaves it out with the header) or only in og:image / JSON-LD, and excerpt-only
 * feeds name it in media:content: the reader and `show` still draw "[Ilustrasi]" with its caption above the
 * body, as the site does. The picture itself is never fetched.
 */
import { escapeAttribute, escapeText } from 'entities';
import type { ArticleImage } from './types.js';

const HAS_IMAGE = /<img\b/i;

/**
 * `html` with a figure for `image` in front of it when it holds no <img> of its own; unchanged otherwise
 * (and when there is no image, or it is not an http(s) address).
 */
export function withIllustration(html: string, image: ArticleImage | null): string {
  if (image === null || !/^https?:\/\//i.test(image.url) || HAS_IMAGE.test(html)) return html;
  const caption = image.caption ? `<figcaption>${escapeText(image.caption)}</figcaption>` : '';
  return `<figure><img src="${escapeAttribute(image.url)}" alt="">${caption}</figure>${html}`;
}

/** The illustration of the text shown: the page's when its body is shown or it has one, else the feed's. */
export function illustrationOf(pageImage: ArticleImage | null | undefined, feedImage: string | null): ArticleImage | null {
  if (pageImage) return pageImage;
  return feedImage ? { url: feedImage, caption: null } : null;
}
