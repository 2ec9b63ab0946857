import type { Pipeline } from './refresh.js';

export interface PipelineOptions {
  concurrency: number;
  perHost: number;
  version: string;
}

/**
 * Builds the real fetch → decode → parse → normalise chain. The network client and the parser are loaded
 * here, on first use, so starting the reader does not pay for them before the first frame.
 */
export async function loadPipeline(options: PipelineOptions): Promise<Pipeline> {
  const [{ createFetcher, userAgent }, { parseFeed }, { normalise }] = await Promise.all([
    import('./http.js'),
    import('./parse.js'),
    import('./normalise.js'),
  ]);
  const fetcher = createFetcher({ concurrency: options.concurrency, perHost: options.perHost, userAgent: userAgent(options.version) });
  return {
    fetch: (req) => fetcher.fetch(req),
    parse: (bytes, o) => parseFeed(bytes, o),
    normalise: (feed, cfg, o) => normalise(feed, cfg, o),
    close: () => fetcher.close(),
  };
}
