import {
  accessSync,
  readFileSync,
  writeFileSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { CacheDamagedError, isCacheDamaged, isCorruption, mayBeDamage, quickCheckFails, StoreError, toStoreError } from './errors.js';
import { problem } from '../i18n/problem.js';
import { migrate } from './migrations.js';
import { SqliteStore } from './sqlite.js';
import { emptySyncRescue, readSyncRescue, type SyncRescue } from './sync-tables.js';

/** Opening the cache: configure, migrate, probe; a damaged file is moved aside and its read/star flags rescued. */

export interface OpenResult {
  store: SqliteStore;
  /**
   * Set when the cache file was damaged: where it was moved, how many read/star flags were rescued and how many
   * changes queued for the sync server (marks, subscriptions) were kept.
   */
  recovered?: { movedTo: string; restoredFlags: number; restoredQueue: number };
}

function corruptError(message: string): Error {
  return Object.assign(new Error(message), { code: 'SQLITE_CORRUPT' });
}

/** Opens, configures, migrates and probes one file; throws the raw SQLite error on damage. */
function openChecked(path: string, busyTimeoutMs = 5000): SqliteStore {
  checkHeader(path);
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Only takes effect on a new file. Article rows are 2-4 KB: with 4 KB pages most pages hold one row
    // and waste the rest (5.3 KB per article measured); 16 KB pages bring it to 3.6 KB.
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    // Touch the roots the first screen needs, so damage shows up here and not in the middle of a view.
    db.prepare('SELECT count(*) FROM feeds').get();
    db.prepare('SELECT rid FROM articles ORDER BY sort_time DESC, rid LIMIT 1').get();
    db.prepare('SELECT tag_key FROM article_tags LIMIT 1').get();
    db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'a' LIMIT 1").get();
    return new SqliteStore(db, path);
  } catch (err) {
    db.close();
    throw err;
  }
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Rejects a file that is not SQLite before SQLite opens it: given a foreign file, SQLite's own open would
 * still checkpoint and delete a -wal beside it, and that WAL may be the only copy of recent changes.
 */
function checkHeader(path: string): void {
  if (path === ':memory:' || !existsSync(path)) return;
  const size = statSync(path).size;
  if (size === 0) return;
  const head = Buffer.alloc(MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !head.equals(MAGIC)) throw corruptError('file is not a database');
}

/** A sentence for a cache that cannot be opened, naming the actual cause when the file system shows it. */
function openFailure(err: unknown, path: string): unknown {
  if (err instanceof StoreError) return err;
  const dir = dirname(path);
  if (!existsSync(dir)) {
    return new StoreError(problem('errCacheNoDir', path, dir), { cause: err });
  }
  if (!statSync(dir).isDirectory()) {
    return new StoreError(problem('errCacheNotDir', path, dir), { cause: err });
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return new StoreError(problem('errCacheDirReadOnly', path), { cause: err });
  }
  if (existsSync(path)) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      return new StoreError(problem('errCacheFileReadOnly', path), { cause: err });
    }
  }
  return toStoreError(err, path);
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}T${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Where a damaged `path` goes: `<path>.corrupt-<YYYYMMDDTHHMMSS>`, never the name of an earlier copy. */
export function asideName(path: string, now = new Date()): string {
  const base = `${path}.corrupt-${stamp(now)}`;
  let movedTo = base;
  for (let i = 2; existsSync(movedTo); i++) movedTo = `${base}-${i}`;
  return movedTo;
}

/** Renames the damaged file and its WAL/SHM/journal side files; never overwrites an earlier copy. */
function moveAside(path: string, planned?: string): string {
  // A name promised earlier (the reader's status line named it) is kept when it is still free.
  const movedTo = planned !== undefined && planned.startsWith(`${path}.corrupt-`) && !existsSync(planned) ? planned : asideName(path);
  try {
    renameSync(path, movedTo);
    for (const side of ['-wal', '-shm', '-journal']) {
      if (existsSync(path + side)) renameSync(path + side, movedTo + side);
    }
  } catch (err) {
    throw new StoreError(problem('errCacheMoveAside', path, movedTo), { cause: err });
  }
  return movedTo;
}

type Flag = { id: string; read: number; starred: number };

/** What a damaged cache still yields: read/star flags by article id, and the sync queue (see rescueSync). */
interface Rescue {
  flags: Map<string, Flag>;
  sync: SyncRescue;
}

/**
 * Collects read/starred rows and the sync queue from one damaged file into `found`. Returns false when the
 * file could not be read to the end (opening or scanning hit the damage).
 */
function readFlags(file: string, found: Rescue): boolean {
  let old: Db;
  try {
    old = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return false;
  }
  let complete = true;
  const take = (sql: string) => {
    try {
      for (const r of old.prepare(sql).iterate() as IterableIterator<{ id: unknown; read: unknown; starred: unknown }>) {
        if (typeof r.id !== 'string') continue;
        const prev = found.flags.get(r.id);
        const read = r.read === 1 || prev?.read === 1 ? 1 : 0;
        const starred = r.starred === 1 || prev?.starred === 1 ? 1 : 0;
        found.flags.set(r.id, { id: r.id, read, starred });
      }
    } catch {
      // keep the rows read before the damage
      complete = false;
    }
  };
  // NOT INDEXED: the table itself is the most likely part to survive; indexes may point into the damage.
  take('SELECT id, read, starred FROM articles NOT INDEXED WHERE read = 1 OR starred = 1');
  take('SELECT id, read, starred FROM recovered_flags');
  if (!readSyncRescue(old, found.sync)) complete = false;
  old.close();
  return complete;
}

/**
 * Rescues what read/starred flags a damaged cache still yields. SQLite refuses a file shorter than its
 * header says, so a cut-short file is read again through a scratch copy whose header states the real
 * length; the moved-aside file itself is never modified.
 */
function rescueFlags(file: string): Rescue {
  const found: Rescue = { flags: new Map(), sync: emptySyncRescue() };
  if (readFlags(file, found)) return found;
  const copy = `${file}.rescue`;
  try {
    copyFileSync(file, copy);
    const fd = openSync(copy, 'r+');
    try {
      const head = Buffer.alloc(100);
      if (readSync(fd, head, 0, 100, 0) === 100 && head.subarray(0, MAGIC.length).equals(MAGIC)) {
        const raw = head.readUInt16BE(16);
        const pageSize = raw === 1 ? 65536 : raw;
        if (pageSize >= 512) {
          const pages = Buffer.alloc(4);
          pages.writeUInt32BE(Math.floor(statSync(copy).size / pageSize));
          writeSync(fd, pages, 0, 4, 28);
        }
      }
    } finally {
      closeSync(fd);
    }
    readFlags(copy, found);
  } catch {
    // a copy that cannot be made or read rescues nothing more
  } finally {
    for (const side of ['', '-wal', '-shm']) rmSync(copy + side, { force: true });
  }
  return found;
}

function quickCheckFileFails(path: string): boolean {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    return isCorruption(err);
  }
  try {
    return quickCheckFails(db);
  } finally {
    db.close();
  }
}

/** Damage found while opening: SQLite's own verdict, or a NOMEM/IOERR that quick_check confirms. */
function damagedAtOpen(err: unknown, path: string): boolean {
  if (isCorruption(err) || isCacheDamaged(err)) return true;
  return mayBeDamage(err) && quickCheckFileFails(path);
}

/**
 * A note beside the cache saying it was found damaged while it could not be moved (the reader was using
 * it): the next open moves it aside. It names the file (device, inode and, where the file system keeps it,
 * creation time: a file made anew often gets the inode just freed), so a cache replaced since is left
 * alone, and the name the damaged file will get, which the reader has already told the user.
 */
const markFile = (path: string): string => `${path}.damaged`;

interface DamageMark {
  dev: number;
  ino: number;
  birth: number;
  movedTo: string;
}

/**
 * Notes that the cache at `path` is damaged, to be moved aside at the next open; returns the name it will
 * then get. Writing the note can fail (read-only directory): the damage is then found again next time.
 */
export function markDamaged(path: string): string {
  const existing = readMark(path);
  if (existing !== null) return existing.movedTo;
  const movedTo = asideName(path);
  try {
    const { dev, ino, birthtimeMs: birth } = statSync(path);
    writeFileSync(markFile(path), JSON.stringify({ dev, ino, birth, movedTo } satisfies DamageMark));
  } catch {
    // nothing more to do: the next open probes the file again
  }
  return movedTo;
}

function readMark(path: string): DamageMark | null {
  const file = markFile(path);
  if (!existsSync(file)) return null;
  try {
    const mark = JSON.parse(readFileSync(file, 'utf8')) as Partial<DamageMark>;
    const st = statSync(path);
    const same = mark.dev === st.dev && mark.ino === st.ino && mark.birth === st.birthtimeMs;
    if (same && typeof mark.movedTo === 'string') return mark as DamageMark;
  } catch {
    // unreadable, or the cache is gone: the note is stale
  }
  rmSync(file, { force: true });
  return null;
}

/**
 * Moves a damaged cache aside (to `planned` when given and free), rescues its read/star flags and its sync
 * queue into a fresh cache and returns it. Whoever holds a connection to the damaged file must close it first.
 */
export function recoverStore(path: string, planned?: string): OpenResult {
  const movedTo = moveAside(path, planned);
  rmSync(markFile(path), { force: true });
  const rescued = rescueFlags(movedTo);
  let store: SqliteStore;
  try {
    store = openChecked(path);
  } catch (err) {
    throw openFailure(err, path);
  }
  const flags = [...rescued.flags.values()];
  if (flags.length > 0) store.addRecoveredFlags(flags);
  const restoredQueue = store.sync.restore(rescued.sync);
  return { store, recovered: { movedTo, restoredFlags: flags.length, restoredQueue } };
}

/**
 * Opens the cache at `path` (its directory must exist) or ":memory:". A damaged file (found damaged now,
 * or noted as damaged by markDamaged) is moved aside to `<path>.corrupt-<YYYYMMDDTHHMMSS>`, a fresh cache is
 * built and the read/star flags that could be read from the old one are kept for when those articles arrive
 * again. Other failures throw a StoreError.
 */
export function openStore(path: string): OpenResult {
  const mark = path === ':memory:' ? null : readMark(path);
  if (mark === null) {
    try {
      return { store: openChecked(path) };
    } catch (err) {
      if (path === ':memory:' || !damagedAtOpen(err, path)) throw openFailure(err, path);
    }
  }
  return recoverStore(path, mark?.movedTo);
}

/**
 * Opens a cache that another connection of this process already opened (and so migrated and checked): a
 * refresh thread's own connection. Damage is reported (CacheDamagedError), never repaired here: moving the
 * file aside is the first connection's decision. `busyTimeoutMs`: how long to wait for another process's
 * write lock.
 */
export function openExistingStore(path: string, busyTimeoutMs = 5000): SqliteStore {
  try {
    return openChecked(path, busyTimeoutMs);
  } catch (err) {
    if (damagedAtOpen(err, path)) throw new CacheDamagedError(path, err);
    throw openFailure(err, path);
  }
}
