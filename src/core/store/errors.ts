import type { Database as Db } from 'better-sqlite3';
import { problem, ProblemError, type Problem } from '../i18n/problem.js';

/** A cache failure told as a problem a user can act on, in their language; `cause` keeps the SQLite error. */
export class StoreError extends ProblemError {
  readonly code: string | undefined;
  constructor(told: Problem, options?: { cause?: unknown; code?: string }) {
    super(told, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = options?.code;
  }
}

export function sqliteCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** SQLITE_NOTADB or any SQLITE_CORRUPT* (extended codes such as SQLITE_CORRUPT_INDEX included). */
export function isCorruption(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== undefined && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/**
 * Errors a damaged file can also give (a garbled record asks for a huge allocation, a garbled page count
 * reads past the end): damage only when `PRAGMA quick_check` agrees, since a real disk or memory fault gives
 * them too.
 */
export function mayBeDamage(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== undefined && (code === 'SQLITE_NOMEM' || code === 'SQLITE_TOOBIG' || code.startsWith('SQLITE_IOERR'));
}

/**
 * The cache file is damaged: SQLite said so, or quick_check confirmed a NOMEM/IOERR. Never shown as it is:
 * whoever opened the cache decides what happens (the command line moves the file aside at once, the reader
 * marks it to be moved aside at its next start) and says so in its own words.
 */
export class CacheDamagedError extends StoreError {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(problem('errCacheDamaged', path), { cause, code: sqliteCode(cause) ?? 'SQLITE_CORRUPT' });
    this.name = 'CacheDamagedError';
  }
}

/**
 * True when `PRAGMA quick_check` finds the file damaged (or cannot even run for the damage). Run only
 * after a NOMEM/IOERR: it reads every page, which takes seconds on a cache of 100k articles.
 */
export function quickCheckFails(db: Db): boolean {
  try {
    return db.pragma('quick_check(1)', { simple: true }) !== 'ok';
  } catch (err) {
    return isCorruption(err) || mayBeDamage(err) && !sqliteCode(err)?.startsWith('SQLITE_IOERR');
  }
}

export function isCacheDamaged(err: unknown): err is CacheDamagedError {
  return err instanceof CacheDamagedError || (err instanceof Error && err.name === 'CacheDamagedError');
}

/**
 * Maps a SQLite failure to a StoreError naming the file and what to do. Errors that are not SQLite's
 * (bugs) are returned unchanged so they keep their stack.
 */
export function toStoreError(err: unknown, path: string): unknown {
  if (err instanceof StoreError) return err;
  const code = sqliteCode(err);
  if (code === undefined || !code.startsWith('SQLITE_')) return err;
  const opts = { cause: err, code };
  // SHMSIZE: the WAL index could not grow, which on Linux means the file system is full (tmpfs, /dev/shm).
  if (code.startsWith('SQLITE_FULL') || code === 'SQLITE_IOERR_SHMSIZE') return new StoreError(problem('errCacheDiskFull', path), opts);
  if (code.startsWith('SQLITE_READONLY')) return new StoreError(problem('errCacheReadOnly', path), opts);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return new StoreError(problem('errCacheCantOpen', path), opts);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError(problem('errCacheLocked', path), opts);
  if (isCorruption(err)) return new CacheDamagedError(path, err);
  if (code.startsWith('SQLITE_IOERR')) return new StoreError(problem('errCacheIo', path, code), opts);
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(problem('errCacheFailed', path, detail, code), opts);
}
