/**
 * The extractor, loaded on the first page that needs it: it pulls in a DOM and Readability, which neither
 * starting the reader nor a plain refresh should pay for.
 */
import type { ExtractedArticle, ExtractOptions } from './types.js';

let loaded: Promise<typeof import('./extract.js')> | undefined;

export async function extractPage(page: Uint8Array | string, options: ExtractOptions): Promise<ExtractedArticle> {
  const { extractArticle } = await (loaded ??= import('./extract.js'));
  return extractArticle(page, options);
}
