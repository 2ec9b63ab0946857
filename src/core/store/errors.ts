/** A cache failure told in one sentence a user can act on; `cause` keeps the SQLite error. */
export class StoreError extends Error {
  readonly code: string | undefined;
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
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
  const where = path === ':memory:' ? 'the in-memory cache' : `the cache at ${path}`;
  const opts = { cause: err, code };
  // SHMSIZE: the WAL index could not grow, which on Linux means the file system is full (tmpfs, /dev/shm).
  if (code.startsWith('SQLITE_FULL') || code === 'SQLITE_IOERR_SHMSIZE') {
    return new StoreError(`Cannot write ${where}: the disk is full. Free some space and try again.`, opts);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError(
      `Cannot write ${where}: the file or its directory is read-only. Check its permissions or use --home DIR.`,
      opts,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return new StoreError(
      `Cannot open ${where}: the directory is missing or not writable. Check its permissions or use --home DIR.`,
      opts,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      `${cap(where)} stayed locked by another cyberread process for too long. Try again in a moment.`,
      opts,
    );
  }
  if (isCorruption(err)) {
    return new StoreError(
      `${cap(where)} is damaged. Restart cyberread: it moves the damaged file aside and builds a fresh cache.`,
      opts,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError(`Cannot read or write ${where}: the disk reported an error (${code}). Check the disk and try again.`, opts);
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(`${cap(where)} failed: ${detail} (${code}).`, opts);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
