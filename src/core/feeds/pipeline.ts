import type { FetchLimits } from './http.js';
import type { Pipeline } from './refresh.js';

export interface PipelineOptions {
  concurrency: number;
  perHost: number;
  version: string;
  /** Where CYBERREAD_TIMEOUT_MS is read from; process.env by default. */
  env?: Record<string, string | undefined>;
}

/**
 * CYBERREAD_TIMEOUT_MS (100 to 600000) sets the connect, first-byte and whole-body timeouts at once: for a
 * slow link, or for tests that must not wait the default 10/15/30 seconds. Anything else is ignored.
 */
export function timeoutLimits(env: Record<string, string | undefined>): Partial<FetchLimits> {
  const raw = env.CYBERREAD_TIMEOUT_MS?.trim();
  if (!raw || !/^\d+$/.test(raw)) return {};
  const ms = Number(raw);
  if (ms < 100 || ms > 600_000) return {};
  return { connectTimeoutMs: ms, firstByteTimeoutMs: ms, bodyTimeoutMs: ms };
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
  const fetcher = createFetcher({
    concurrency: options.concurrency,
    perHost: options.perHost,
    userAgent: userAgent(options.version),
    limits: timeoutLimits(options.env ?? process.env),
  });
  return {
    fetch: (req) => fetcher.fetch(req),
    parse: (bytes, o) => parseFeed(bytes, o),
    normalise: (feed, cfg, o) => normalise(feed, cfg, o),
    close: () => fetcher.close(),
  };
}
