/**
 * Transactions committed to an SQLite file, counted from its write-ahead log: each commit ends with a frame
 * whose header holds the database size (other frames hold 0). Counts what reached the file, whatever code
 * path wrote it (savepoints inside a transaction and transactions that changed nothing add no commit).
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Empties the log (every committed page copied into the database) so that the next count starts at 0. */
export function resetWal(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (r?.busy !== 0) throw new Error(`the log of ${dbPath} could not be emptied: a reader or writer holds it`);
  } finally {
    db.close();
  }
}

/** Commits in the log of `dbPath` since it was last emptied (frames of the log's current generation only). */
export function walCommits(dbPath: string): number {
  const wal = `${dbPath}-wal`;
  if (!existsSync(wal)) return 0;
  const b = readFileSync(wal);
  if (b.length < 32) return 0;
  const pageSize = b.readUInt32BE(8);
  const salt1 = b.readUInt32BE(16);
  const salt2 = b.readUInt32BE(20);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= b.length; at += 24 + pageSize) {
    // frames left over from an earlier generation of the log carry other salts: the log ends before them
    if (b.readUInt32BE(at + 8) !== salt1 || b.readUInt32BE(at + 12) !== salt2) break;
    if (b.readUInt32BE(at + 4) !== 0) commits += 1;
  }
  return commits;
}
