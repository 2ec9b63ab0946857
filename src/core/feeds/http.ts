/**
 * The only network code in cyberread: fetches one feed's raw bytes over http(s), or reads a local
 * feed file, and turns every failure into one readable sentence. Nothing here decodes text.
 */
import { VERSION } from '../version.js';
import { constants as fsConstants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { resolve as resolvePath } from 'node:path';
import { Transform, Writable, type TransformCallback, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { bound, sanitizeLine } from '../sanitize.js';
import { explain, problem, ProblemError, type Problem } from '../i18n/problem.js';


export interface FetchLimits {
  connectTimeoutMs: number;
  firstByteTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = Object.freeze({
  connectTimeoutMs: 10_000,
  firstByteTimeoutMs: 15_000,
  bodyTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
});

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
  /** Accept header for this request (article pages ask for HTML); default ACCEPT. */
  accept?: string;
  /** A lower size cap for this request (article pages: 5 MiB), before and after decompression. */
  maxBytes?: number;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      /** Final URL after redirects; for local feeds the file:// URL of the file read. */
      url: string;
      status: number;
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified'; url: string; etag: string | null; lastModified: string | null }
  /**
   * url: the address that failed (after any redirects followed so far). `problem` is what to tell the user
   * (in their language); `message` the same in English, for logs and tests.
   */
  | { kind: 'error'; url: string; problem: Problem; message: string; status?: number; retryAfter?: string };

export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchOutcome>;
  close(): Promise<void>;
}

export interface FetcherOptions {
  concurrency?: number;
  perHost?: number;
  limits?: Partial<FetchLimits>;
  userAgent?: string;
  /** Where HTTP(S)_PROXY / NO_PROXY are read from; process.env by default. */
  env?: Record<string, string | undefined>;
}

export const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** A server may not silence a feed for longer than this, whatever its Retry-After says. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
/** Validators are echoed back to the server, so they must be short and valid header values. */
const MAX_VALIDATOR_LENGTH = 1024;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function userAgent(version: string): string {
  return `cyberread/${version} (terminal feed reader; Node.js ${process.version})`;
}

/** A failure already told as the problem the user will read. */
class FetchFailure extends ProblemError {
  constructor(
    told: Problem,
    readonly status?: number,
    readonly retryAfter?: string,
  ) {
    super(told);
  }
}

/** The error outcome for a problem. */
function failed(url: string, told: Problem, extra: { status?: number; retryAfter?: string } = {}): FetchOutcome {
  return { kind: 'error', url, problem: told, message: explain(told, 'en'), ...extra };
}

class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiters.length === 0;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new FetchFailure(problem('errClosing')));
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      this.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    const next = this.waiters.shift();
    // the slot passes straight to the next waiter, so `active` stays the same
    if (next) next();
    else this.active--;
  }
}

function cleanValidator(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_VALIDATOR_LENGTH) return null;
  return HEADER_VALUE.test(value) ? value : null;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : null;
}

/** Retry-After as delta-seconds or an HTTP date, capped; null when absent, unreadable or already past. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): Date | null {
  if (!value) return null;
  const v = value.trim();
  let at: number;
  if (/^\d+$/.test(v)) at = now + Math.min(Number(v) * 1000, MAX_RETRY_AFTER_MS);
  else {
    const t = Date.parse(v);
    if (Number.isNaN(t)) return null;
    at = Math.min(t, now + MAX_RETRY_AFTER_MS);
  }
  return at > now ? new Date(at) : null;
}

function formatUtcTime(at: Date, now: Date): string {
  // rounded up so "not before 14:05" is never earlier than the server asked
  const up = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  const hhmm = up.toISOString().slice(11, 16);
  const sameDay = up.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  return sameDay ? `${hhmm} UTC` : `${up.toISOString().slice(0, 10)} ${hhmm} UTC`;
}

function shown(text: string): string {
  return bound(sanitizeLine(text), 200);
}

/** Every code on an error, its causes and (for AggregateError) its members. */
function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown): void => {
    if (!e || typeof e !== 'object' || seen.has(e)) return;
    seen.add(e);
    const { code, cause, errors } = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    visit(cause);
    if (Array.isArray(errors)) errors.forEach(visit);
  };
  visit(err);
  return codes;
}

/** TLS error codes the message tables name a reason for (errTls); others are told by their code. */
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO',
]);

type Phase = 'answer' | 'body';

function defaultPort(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}

/** True when a socket-level error was about the proxy's address rather than the feed's. */
function aboutProxy(err: unknown, target: URL, proxy: URL | null): boolean {
  if (!proxy) return false;
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length > 0) {
    const e = stack.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { port, hostname, cause, errors } = e as { port?: unknown; hostname?: unknown; cause?: unknown; errors?: unknown };
    if (typeof port === 'number' && port === defaultPort(proxy) && port !== defaultPort(target)) return true;
    if (typeof hostname === 'string' && hostname === proxy.hostname && hostname !== target.hostname) return true;
    stack.push(cause);
    if (Array.isArray(errors)) stack.push(...errors);
  }
  return false;
}

/** Maps an undici / Node error to the problem to tell, naming the host; raw messages are never trusted as-is. */
function describe(
  err: unknown,
  ctx: { host: string; url: string; phase: Phase; limits: FetchLimits; target: URL; proxy: URL | null },
): Problem {
  if (err instanceof FetchFailure) return err.problem;
  const { phase, limits } = ctx;
  let { host } = ctx;
  const codes = errorCodes(err);
  if (ctx.proxy && aboutProxy(err, ctx.target, ctx.proxy)) {
    if (codes.includes('ECONNREFUSED')) return problem('errProxyRefused', ctx.proxy.host);
    if (codes.includes('ENOTFOUND')) return problem('errProxyNotFound', ctx.proxy.host);
    // "proxy" is the word in both languages (glossary.ts): the other sentences name it as their host
    host = `proxy ${ctx.proxy.host}`;
  }
  const has = (...c: string[]): boolean => c.some((x) => codes.includes(x));
  const name = (err as { name?: unknown } | null)?.name;

  if (has('UND_ERR_ABORTED', 'ABORT_ERR') || name === 'AbortError') return problem('errCancelled', ctx.url);
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) return problem('errConnectTimeout', host, limits.connectTimeoutMs);
  if (has('UND_ERR_HEADERS_TIMEOUT')) return problem('errAnswerTimeout', host, limits.firstByteTimeoutMs);
  if (has('UND_ERR_BODY_TIMEOUT')) return problem('errBodyTimeout', host, limits.bodyTimeoutMs);
  if (has('ECONNREFUSED')) return problem('errRefused', host);
  if (has('ENOTFOUND')) return problem('errNoSuchHost', host);
  if (has('EAI_AGAIN')) return problem('errDnsAgain', host);
  if (has('EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN')) return problem('errUnreachable', host);
  if (has('UND_ERR_RES_CONTENT_LENGTH_MISMATCH')) return problem('errLengthMismatch', host);
  if (has('UND_ERR_HEADERS_OVERFLOW')) return problem('errHeadersTooLarge', host);
  if (has('UND_ERR_PRX_TLS')) return problem('errProxyTls', host);
  const tls = codes.find((c) => TLS_CODES.has(c)) ?? codes.find((c) => c.startsWith('CERT_') || c.startsWith('ERR_TLS_') || c.startsWith('ERR_SSL_'));
  if (tls) return problem('errTls', host, shown(tls));
  // undici leaves `code` undefined on some parser errors, so the class name is checked too
  if (codes.some((c) => c.startsWith('HPE_')) || name === 'HTTPParserError') return problem('errNotHttp', host);
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET')) return problem(phase === 'body' ? 'errClosedEarly' : 'errClosedNoAnswer', host);
  if (has('UND_ERR_DESTROYED', 'UND_ERR_CLOSED')) return problem('errCancelledClosing', ctx.url);
  const message = err instanceof Error ? err.message : String(err);
  return problem('errFetch', ctx.url, shown(message));
}

/** Errors a transform once more than `max` bytes have passed; the pipeline then destroys every stage. */
class ByteCap extends Transform {
  private count = 0;

  constructor(
    private readonly max: number,
    private readonly failure: () => Error,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.max) cb(this.failure());
    else cb(null, chunk);
  }
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send raw deflate; the first two
 * bytes tell them apart, so the inner inflater is chosen on the first data.
 */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;
  private head: Buffer = Buffer.alloc(0);

  private start(): zlib.Inflate | zlib.InflateRaw {
    const b0 = this.head[0] ?? 0;
    const b1 = this.head[1] ?? 0;
    const wrapped = this.head.length >= 2 && (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
    const inner = wrapped ? zlib.createInflate() : zlib.createInflateRaw();
    inner.on('data', (d: Buffer) => this.push(d));
    inner.on('error', (e) => this.destroy(e));
    this.inner = inner;
    return inner;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    let inner = this.inner;
    if (!inner) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) return cb();
      inner = this.start();
      chunk = this.head;
    }
    inner.write(chunk, () => cb());
  }

  override _flush(cb: TransformCallback): void {
    let inner = this.inner;
    if (!inner) {
      if (this.head.length === 0) return cb();
      inner = this.start();
      inner.write(this.head);
    }
    inner.once('end', () => cb());
    inner.end();
  }

  override _destroy(err: Error | null, cb: (error: Error | null) => void): void {
    this.inner?.destroy();
    cb(err);
  }
}

class DecodeFailure extends Error {}

function decoderFor(encoding: string): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return new AutoInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new DecodeFailure(encoding);
  }
}

interface Hop {
  url: URL;
  /** Counts connections on this origin that broke with unsolicited bytes; see readBody. */
  strayBefore: number;
}

/** Reads local feed files with the same size cap as the network. */
async function readLocal(path: string, maxBytes: number, given: string = path): Promise<FetchOutcome> {
  const url = pathToFileURL(path).href;
  const fail = (told: Problem): FetchOutcome => failed(url, told);
  const name = shown(path);
  try {
    const st = await stat(path);
    if (st.isDirectory()) return fail(problem('errIsDirectory', name));
    if (!st.isFile()) return fail(problem('errNotAFile', name));
    if (st.size > maxBytes) return fail(problem('errTooLarge', maxBytes));
    // O_NONBLOCK: a path swapped for a FIFO after stat must not hang the reader
    const fh = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return fail(problem('errTooLarge', maxBytes));
        chunks.push(buf.subarray(0, bytesRead));
      }
      return { kind: 'ok', url, status: 200, bytes: concat(chunks, total), contentType: null, etag: null, lastModified: null };
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = errorCodes(err)[0];
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const looksLikeHost = /^[\w-]+(\.[\w-]+)+\//.test(given);
      return fail(problem(looksLikeHost ? 'errNoSuchFileHost' : 'errNoSuchFile', name));
    }
    if (code === 'EACCES' || code === 'EPERM') return fail(problem('errFileDenied', name));
    return fail(problem('errFileRead', name, shown(err instanceof Error ? err.message : String(err))));
  }
}

function concat(chunks: Buffer[], total: number): Uint8Array {
  // a fresh Uint8Array, not a view into Node's shared Buffer pool
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export interface ProxySettings {
  httpProxy: URL | null;
  /** HTTPS_PROXY itself (undici falls back to httpProxy when it is absent). */
  httpsOnlyProxy: URL | null;
  noProxy: string;
  /** A proxy variable that cannot be used, or null. */
  problem: Problem | null;
  /** The proxy a request to `url` goes through (ignoring NO_PROXY): for naming it in errors. */
  proxyFor(url: URL): URL | null;
}

/** HTTP(S)_PROXY and NO_PROXY as every request of cyberread reads them (feeds, and the sync client). */
export function proxySettings(env: Record<string, string | undefined>): ProxySettings {
  // Lower-case wins, as in curl and undici; '' (not undefined) keeps undici from reading process.env itself.
  const pick = (name: string): string => env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '';
  let configError: Problem | null = null;
  const proxyUrl = (name: string): URL | null => {
    const value = pick(name).trim();
    if (!value) return null;
    try {
      // like curl, a proxy given without a scheme is an http proxy
      const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
      if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'socks5:' || url.protocol === 'socks:') return url;
    } catch {
      // reported below
    }
    configError ??= problem('errBadProxy', name.toUpperCase(), shown(value));
    return null;
  };
  const httpProxy = proxyUrl('http_proxy');
  const httpsOnlyProxy = proxyUrl('https_proxy');
  const httpsProxy = httpsOnlyProxy ?? httpProxy;
  // NO_PROXY is left to undici; this only names the proxy in error messages
  return { httpProxy, httpsOnlyProxy, noProxy: pick('no_proxy'), problem: configError, proxyFor: (url) => (url.protocol === 'https:' ? httpsProxy : httpProxy) };
}

/** What to tell for an undici/Node error on a request to `url`, as the feed fetcher tells it (shared with sync). */
export function networkProblem(err: unknown, url: URL, limits: FetchLimits, proxy: URL | null, phase: 'answer' | 'body' = 'answer'): Problem {
  return describe(err, { host: url.host, url: url.href, phase, limits, target: url, proxy });
}

type Undici = typeof import('undici');
let undici: Promise<Undici> | undefined;
/**
 * undici, loaded once per thread on first use (shared with sync's JSON client). It is CommonJS: its
 * module.exports is the namespace's default both in Node and in the bundle (whose chunk for a dynamic import
 * of a CommonJS package exports nothing else).
 */
export function loadUndici(): Promise<Undici> {
  return (undici ??= import('undici').then((m) => (m as unknown as { default: Undici }).default));
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const limits: FetchLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const env = options.env ?? process.env;
  const ua = options.userAgent ?? userAgent(VERSION);
  const overall = new Semaphore(Math.max(1, options.concurrency ?? 8));
  const perHostLimit = Math.max(1, options.perHost ?? 2);
  const hosts = new Map<string, Semaphore>();
  const strays = new Map<string, number>();

  const proxies = proxySettings(env);
  const { httpProxy, httpsOnlyProxy, proxyFor } = proxies;
  const configError = proxies.problem;
  // undici (~1.1 MB of code) loads with the first fetcher, not with every module that wants userAgent() or
  // the limits: the reader, `list` and the thread that parses never compile it.
  const dispatching: Promise<Dispatcher> = loadUndici().then(({ EnvHttpProxyAgent, Pool }) => new EnvHttpProxyAgent({
    httpProxy: httpProxy?.href ?? '',
    httpsProxy: httpsOnlyProxy?.href ?? '',
    noProxy: proxies.noProxy,
    connect: { timeout: limits.connectTimeoutMs },
    headersTimeout: limits.firstByteTimeoutMs,
    bodyTimeout: limits.bodyTimeoutMs,
    factory: (origin: string | URL, opts: object) => {
      const pool = new Pool(origin, opts);
      const key = new URL(String(origin)).origin;
      pool.on('disconnect', (_origin: unknown, _targets: unknown, err: unknown) => {
        // undici's sign that bytes arrived on a connection with no request outstanding: the previous
        // response was longer than its Content-Length
        const e = err as { code?: unknown; message?: unknown } | null;
        if (e?.code === 'UND_ERR_SOCKET' && e.message === 'bad response') strays.set(key, (strays.get(key) ?? 0) + 1);
      });
      return pool;
    },
  }));
  // awaited by every request and by close(); this only keeps a fetcher that is never used from reporting it
  dispatching.catch(() => undefined);
  let closed = false;
  const capFor = (req: FetchRequest): number =>
    typeof req.maxBytes === 'number' && req.maxBytes > 0 ? Math.min(req.maxBytes, limits.maxBytes) : limits.maxBytes;

  async function acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    let sem = hosts.get(host);
    if (!sem) {
      sem = new Semaphore(perHostLimit);
      hosts.set(host, sem);
    }
    const hostSem = sem;
    await hostSem.acquire(signal);
    try {
      await overall.acquire(signal);
    } catch (err) {
      hostSem.release();
      throw err;
    }
    return () => {
      overall.release();
      hostSem.release();
      if (hostSem.idle) hosts.delete(host);
    };
  }

  async function readBody(body: Readable, encodingHeader: string | null, contentLength: number | null, hop: Hop, maxBytes: number): Promise<Uint8Array> {
    const host = hop.url.host;
    const encodings = (encodingHeader ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter((e) => e !== '' && e !== 'identity');
    if (encodings.length > 2) throw new FetchFailure(problem('errTooManyEncodings', host, shown(encodingHeader ?? '')));
    let decoders: Transform[];
    try {
      // the last encoding listed was applied last, so it comes off first
      decoders = encodings.reverse().map(decoderFor);
    } catch (err) {
      if (err instanceof DecodeFailure)
        throw new FetchFailure(problem('errUnknownEncoding', host, shown(err.message)));
      throw err;
    }
    const tooBig = (): Error => new FetchFailure(problem('errTooLarge', maxBytes));
    const unpacksTooBig = (): Error => new FetchFailure(problem('errUnpacksTooLarge', maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    let rawCount = 0;
    const timer = setTimeout(() => {
      body.destroy(new FetchFailure(problem('errBodyTimeout', host, limits.bodyTimeoutMs)));
    }, limits.bodyTimeoutMs);
    try {
      const countRaw = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          rawCount += chunk.length;
          cb(null, chunk);
        },
      });
      const stages: Transform[] = [countRaw, new ByteCap(maxBytes, tooBig), ...decoders];
      const sink = new Writable({
        write(chunk: Buffer, _enc, cb) {
          total += chunk.length;
          if (total > maxBytes) return cb(decoders.length > 0 ? unpacksTooBig() : tooBig());
          chunks.push(chunk);
          cb();
        },
      });
      await pipeline([body, ...stages, sink]);
    } catch (err) {
      if (err instanceof FetchFailure) throw err;
      if (errorCodes(err).some((c) => c.startsWith('Z_') || c.startsWith('ERR_BROTLI') || c.startsWith('ERR__ERROR_FORMAT'))) {
        throw new FetchFailure(problem('errDamagedEncoding', host, shown(encodings.join(', '))));
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
    if (contentLength !== null) {
      if (rawCount !== contentLength) throw new FetchFailure(problem('errLengthMismatch', host));
      // bytes beyond Content-Length only show up as a broken connection once the response is done
      await new Promise<void>((r) => setImmediate(r));
      await new Promise<void>((r) => setImmediate(r));
      if ((strays.get(hop.url.origin) ?? 0) !== hop.strayBefore)
        throw new FetchFailure(problem('errLengthExceeded', host));
    }
    return concat(chunks, total);
  }

  async function fetchHttp(start: URL, req: FetchRequest): Promise<FetchOutcome> {
    const seen = new Set<string>([start.href]);
    const headers: Record<string, string> = {
      'user-agent': ua,
      accept: req.accept ?? ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    const etag = cleanValidator(req.etag);
    const lastModified = cleanValidator(req.lastModified);
    if (etag) headers['if-none-match'] = etag;
    if (lastModified) headers['if-modified-since'] = lastModified;

    const maxBytes = capFor(req);
    let current = start;
    for (let redirects = 0; ; redirects++) {
      const host = current.host;
      let phase: Phase = 'answer';
      let release: (() => void) | null = null;
      try {
        release = await acquire(host, req.signal);
        const hop: Hop = { url: current, strayBefore: strays.get(current.origin) ?? 0 };
        const dispatcher = await dispatching;
        const res = await dispatcher.request({
          origin: current.origin,
          path: `${current.pathname}${current.search}`,
          method: 'GET',
          headers,
          signal: req.signal ?? null,
          headersTimeout: limits.firstByteTimeoutMs,
          bodyTimeout: limits.bodyTimeoutMs,
        });
        phase = 'body';
        const status = res.statusCode;
        const h = res.headers;
        const discard = async (): Promise<void> => {
          await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        };

        if ([301, 302, 303, 307, 308].includes(status)) {
          await discard();
          const location = header(h, 'location');
          if (!location) throw new FetchFailure(problem('errRedirectNowhere', status));
          let next: URL;
          try {
            next = new URL(location, current);
          } catch {
            throw new FetchFailure(problem('errRedirectBad', host, shown(location)));
          }
          if (next.protocol !== 'http:' && next.protocol !== 'https:')
            throw new FetchFailure(problem('errRedirectScheme', host, shown(next.protocol)));
          next.hash = '';
          if (seen.has(next.href))
            throw new FetchFailure(problem('errRedirectLoop', current.href, next.href));
          if (redirects + 1 > limits.maxRedirects)
            throw new FetchFailure(problem('errTooManyRedirects', limits.maxRedirects, start.href));
          seen.add(next.href);
          current = next;
          continue;
        }

        const respEtag = cleanValidator(header(h, 'etag'));
        const respLastModified = cleanValidator(header(h, 'last-modified'));
        if (status === 304) {
          await discard();
          // a 304 may omit the validators; the ones sent are still the current ones
          return { kind: 'not-modified', url: current.href, etag: respEtag ?? etag, lastModified: respLastModified ?? lastModified };
        }
        if (status < 200 || status > 299) {
          await discard();
          const reason = STATUS_CODES[status];
          const retryAt = status === 429 || status === 503 ? parseRetryAfter(header(h, 'retry-after')) : null;
          if (retryAt) {
            throw new FetchFailure(problem('errWaitAsked', status, formatUtcTime(retryAt, new Date())), status, retryAt.toISOString());
          }
          throw new FetchFailure(problem('errStatus', status, reason ?? ''), status);
        }

        const lengthHeader = header(h, 'content-length');
        const contentLength = lengthHeader !== null && /^\d+$/.test(lengthHeader.trim()) ? Number(lengthHeader) : null;
        if (contentLength !== null && contentLength > maxBytes) {
          res.body.on('error', () => undefined).destroy();
          throw new FetchFailure(problem('errTooLarge', maxBytes));
        }
        const bytes = await readBody(res.body, header(h, 'content-encoding'), contentLength, hop, maxBytes);
        const contentType = header(h, 'content-type');
        return {
          kind: 'ok',
          url: current.href,
          status,
          bytes,
          contentType: contentType === null ? null : bound(contentType, 512),
          etag: respEtag,
          lastModified: respLastModified,
        };
      } catch (err) {
        if (req.signal?.aborted && !(err instanceof FetchFailure && err.status !== undefined))
          return failed(current.href, problem('errCancelled', current.href));
        const told = describe(err, { host, url: current.href, phase, limits, target: current, proxy: proxyFor(current) });
        const extra: { status?: number; retryAfter?: string } = {};
        if (err instanceof FetchFailure) {
          if (err.status !== undefined) extra.status = err.status;
          if (err.retryAfter !== undefined) extra.retryAfter = err.retryAfter;
        }
        return failed(current.href, told, extra);
      } finally {
        release?.();
      }
    }
  }

  return {
    async fetch(req: FetchRequest): Promise<FetchOutcome> {
      const raw = typeof req.url === 'string' ? req.url.trim() : '';
      try {
        if (closed) return failed(raw, problem('errClosing'));
        if (raw === '') return failed(raw, problem('errEmptyAddress'));
        const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
        // one letter before ':' is a Windows drive, not a scheme
        if (scheme === undefined || scheme.length === 1) return await readLocal(resolvePath(raw), capFor(req), raw);
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          return failed(raw, problem('errBadAddress', shown(raw)));
        }
        if (url.protocol === 'file:') {
          let path: string;
          try {
            path = fileURLToPath(url);
          } catch {
            return failed(raw, problem('errBadFileAddress', shown(raw)));
          }
          return await readLocal(path, capFor(req));
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          return failed(raw, problem('errScheme', shown(url.protocol)));
        }
        if (configError) return failed(url.href, configError);
        url.hash = '';
        return await fetchHttp(url, req);
      } catch (err) {
        // last line of defence: fetch never throws
        return failed(raw, problem('errFetch', shown(raw), shown(err instanceof Error ? err.message : String(err))));
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await (await dispatching).close();
    },
  };
}
