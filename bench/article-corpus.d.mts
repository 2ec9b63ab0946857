// Types of article-corpus.mjs for the TypeScript tests that use it.
export interface CorpusPage {
  name: string;
  html: Buffer | string;
  url: string;
  contentType?: string;
  expected: string;
  meta?: Record<string, unknown>;
}
export interface Score {
  precision: number;
  recall: number;
  f1: number;
}
export interface Measured extends Score {
  pages: number;
  perPage: Array<Score & { name: string }>;
}
export const OWN_DIR: string;
export const SCRAPINGHUB_DIR: string;
export const MOZILLA_DIR: string;
export function tokens(text: string): string[];
export function score(expected: string, got: string): Score;
export function aggregate(scores: Score[]): Score & { pages: number };
export function ownCorpus(): CorpusPage[];
export function scrapinghubCorpus(): CorpusPage[];
export function mozillaCorpus(): CorpusPage[];
export function pageText(page: CorpusPage): string;
export function readabilityAlone(page: CorpusPage): string;
export function measure(corpus: CorpusPage[], extract: (page: CorpusPage) => string): Measured;
