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
  if (isCorruption(err)) return new StoreError(problem('errCacheDamaged', path), opts);
  if (code.startsWith('SQLITE_IOERR')) return new StoreError(problem('errCacheIo', path, code), opts);
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(problem('errCacheFailed', path, detail, code), opts);
}
