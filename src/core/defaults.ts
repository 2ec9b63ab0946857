import { problem, ProblemError } from './i18n/problem.js';
import { existsSync } from 'node:fs';
import { NO_PAGE } from './article/page.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedConfig } from './types.js';

/** The subscriptions a new user starts with: both cyberthreat.id editions and four widely read feeds. */
export const DEFAULT_FEEDS: FeedConfig[] = [
  { url: 'https://cyberthreat.id/rss', title: 'Cyberthreat.id', lang: 'id' },
  { url: 'https://en.cyberthreat.id/rss', title: 'Cyberthreat.id English', lang: 'en' },
  { url: 'https://feeds.feedburner.com/TheHackersNews', title: 'The Hacker News', lang: 'en' },
  { url: 'https://www.bleepingcomputer.com/feed/', title: 'BleepingComputer', lang: 'en' },
  { url: 'https://krebsonsecurity.com/feed/', title: 'Krebs on Security', lang: 'en' },
  { url: 'https://isc.sans.edu/rssfeed_full.xml', title: 'SANS Internet Storm Center', lang: 'en' },
];

export const SAMPLE_FILES = { id: 'cyberthreat-id.xml', en: 'cyberthreat-en.xml' } as const;

/** The two bundled sample editions as local-path feeds (the demo and offline tests read these). */
export function sampleFeeds(samplesDir: string): FeedConfig[] {
  return [
    { url: join(samplesDir, SAMPLE_FILES.id), title: 'Cyberthreat.id (contoh)', lang: 'id' },
    { url: join(samplesDir, SAMPLE_FILES.en), title: 'Cyberthreat.id English (sample)', lang: 'en' },
  ];
}

/**
 * The demo's page locator (see core/article/full.ts PageDeps.locate): an article of the sample editions is
 * read from samples/pages/<host>/<article id>.html instead of its address, so full-article reading works with
 * no network. Any other address, and a sample article that ships no page (its feed carries the whole text),
 * has no page: never a request.
 */
export function samplePageLocator(samplesDir: string): (url: string) => string | typeof NO_PAGE {
  return (url) => {
    const m = /^https:\/\/((?:en\.)?cyberthreat\.id)\/read\/(\d{1,18})(?:\/|$)/.exec(url);
    if (m === null) return NO_PAGE;
    const path = join(samplesDir, 'pages', m[1] as string, `${m[2] as string}.html`);
    return existsSync(path) ? path : NO_PAGE;
  };
}

/**
 * The package's samples/ directory, found by walking up from a module URL (import.meta.url): the module
 * sits in src/core/ under vitest and in dist/ after bundling, so the depth differs. Throws when no
 * ancestor holds samples/cyberthreat-id.xml, which means the package was installed without it.
 */
export function samplesDir(fromModuleUrl: string): string {
  const start = fromModuleUrl.startsWith('file:') ? dirname(fileURLToPath(fromModuleUrl)) : dirname(fromModuleUrl);
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'samples');
    if (existsSync(join(candidate, SAMPLE_FILES.id))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new ProblemError(problem('errSamplesMissing', start));
    }
    dir = parent;
  }
}
