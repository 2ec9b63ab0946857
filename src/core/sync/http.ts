/**
 * JSON over HTTP POST for the sync protocols, through undici with the same proxies (HTTP(S)_PROXY, NO_PROXY)
 * and timeouts (CYBERREAD_TIMEOUT_MS) as feed requests, and network failures told by the same sentences.
 */
import { DEFAULT_LIMITS, loadUndici, networkProblem, proxySettings, type FetchLimits } from '../feeds/http.js';
import { timeoutLimits } from '../feeds/pipeline.js';
import { problem, ProblemError, type Problem } from '../i18n/problem.js';

/** A sync failure told as a problem (the server's refusal, a network error, a password that cannot be had). */
export class SyncError extends ProblemError {
  override name = 'SyncError';
  /** True when the server could not be reached at all (as opposed to answering with a refusal). */
  readonly offline: boolean;
  constructor(told: Problem, options: { offline?: boolean; cause?: unknown } = {}) {
    super(told, options.cause === undefined ? undefined : { cause: options.cause });
    this.offline = options.offline ?? false;
  }
}

// A page of 200 articles with their bodies is a few MB; a server sending far more is broken or hostile.
const MAX_REPLY_BYTES = 64 * 1024 * 1024;

export interface JsonClient {
  /** POSTs `body` as JSON and returns the parsed reply. Throws SyncError. */
  post(body: Record<string, unknown>): Promise<unknown>;
  requests(): number;
  close(): Promise<void>;
}

export interface JsonClientOptions {
  userAgent: string;
  env?: Record<string, string | undefined>;
  limits?: Partial<FetchLimits>;
  /** How the server is named in sentences (its address as the user gave it). */
  name: string;
}

export function createJsonClient(endpoint: URL, options: JsonClientOptions): JsonClient {
  const env = options.env ?? process.env;
  const limits: FetchLimits = { ...DEFAULT_LIMITS, ...timeoutLimits(env), ...options.limits };
  const proxies = proxySettings(env);
  // undici loads on the first client (see loadUndici): the reader does not compile it unless it syncs
  const dispatching = loadUndici().then(
    ({ EnvHttpProxyAgent }) =>
      new EnvHttpProxyAgent({
        httpProxy: proxies.httpProxy?.href ?? '',
        httpsProxy: proxies.httpsOnlyProxy?.href ?? '',
        noProxy: proxies.noProxy,
        connect: { timeout: limits.connectTimeoutMs },
        headersTimeout: limits.firstByteTimeoutMs,
        bodyTimeout: limits.bodyTimeoutMs,
      }),
  );
  dispatching.catch(() => undefined);
  let count = 0;
  return {
    requests: () => count,
    close: async () => (await dispatching).close(),
    async post(body) {
      if (proxies.problem !== null) throw new SyncError(proxies.problem);
      count += 1;
      let phase: 'answer' | 'body' = 'answer';
      try {
        const dispatcher = await dispatching;
        const res = await dispatcher.request({
          origin: endpoint.origin,
          path: `${endpoint.pathname}${endpoint.search}`,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': options.userAgent },
          body: JSON.stringify(body),
        });
        phase = 'body';
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES) {
            res.body.destroy();
            throw new SyncError(problem('errTooLarge', MAX_REPLY_BYTES));
          }
          chunks.push(chunk);
        }
        if (res.statusCode < 200 || res.statusCode > 299) throw new SyncError(problem('errSyncHttp', options.name, res.statusCode));
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          // tt-rss under PHP 8 may print a warning before the JSON; the reply is the object that follows
          const start = text.indexOf('{');
          return JSON.parse(start > 0 ? text.slice(start) : text) as unknown;
        } catch {
          throw new SyncError(problem('errSyncNotServer', options.name));
        }
      } catch (error) {
        if (error instanceof SyncError) throw error;
        throw new SyncError(networkProblem(error, endpoint, limits, proxies.proxyFor(endpoint), phase), { offline: true, cause: error });
      }
    },
  };
}
