import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/store/errors.js';
import { openStore } from '../../../src/core/store/open-store.js';
import { SqliteStore } from '../../../src/core/store/sqlite.js';
import { article, at, FETCH } from './make.js';
import { caught } from '../../helpers/caught.js';

const FEED = 'https://example.test/feed.xml';
let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyberread-faults-'));
  path = join(dir, 'cache.db');
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe('damaged cache', () => {
  it('moves a garbage file and its WAL aside and starts fresh', () => {
    const junk = Buffer.alloc(8192, 0x5a);
    writeFileSync(path, junk);
    writeFileSync(`${path}-wal`, 'not a wal');
    const { store, recovered } = openStore(path);
    expect(recovered?.restoredFlags).toBe(0);
    const movedTo = recovered?.movedTo ?? '';
    expect(movedTo).toMatch(/cache\.db\.corrupt-\d{8}T\d{6}$/);
    expect(readFileSync(movedTo)).toEqual(junk);
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('not a wal');
    expect(store.saveFeed(FEED, FETCH, [article('a1')])).toEqual({ added: 1, updated: 0, dropped: 0, removed: 0 });
    expect(store.count({})).toBe(1);
    store.close();
  });

  it('never overwrites an earlier moved-aside copy', () => {
    writeFileSync(path, 'garbage one, long enough to be read as a header...........................................');
    const first = openStore(path);
    first.store.close();
    writeFileSync(path, 'garbage two, long enough to be read as a header...........................................');
    const second = openStore(path);
    second.store.close();
    expect(second.recovered?.movedTo).not.toBe(first.recovered?.movedTo);
    expect(readFileSync(first.recovered?.movedTo ?? '', 'utf8')).toMatch(/^garbage one/);
    expect(readFileSync(second.recovered?.movedTo ?? '', 'utf8')).toMatch(/^garbage two/);
  });

  it('rescues read and starred flags from a truncated cache and applies them when articles return', () => {
    const all = Array.from({ length: 3000 }, (_, i) =>
      article(`a${i}`, { published: at(i), tags: ['x', `t${i % 7}`], contentHtml: `<p>${'kata '.repeat(40)}${i}</p>` }),
    );
    const first = openStore(path).store;
    first.saveFeed(FEED, FETCH, all);
    first.mark(['a0', 'a1', 'a2'], { read: true });
    first.mark(['a3'], { starred: true });
    first.close();
    truncateSync(path, Math.floor(statSync(path).size * 0.6));

    const { store, recovered } = openStore(path);
    expect(recovered?.movedTo).toMatch(/\.corrupt-/);
    expect(recovered?.restoredFlags).toBe(4);
    expect(store.count({})).toBe(0);
    expect(store.saveFeed(FEED, FETCH, all.slice(0, 10))).toEqual({ added: 10, updated: 0, dropped: 0, removed: 0 });
    expect(store.query({ limit: 10 }).map((a) => [a.id, a.read, a.starred]).reverse().slice(0, 5)).toEqual([
      ['a0', true, false],
      ['a1', true, false],
      ['a2', true, false],
      ['a3', false, true],
      ['a4', false, false],
    ]);
    store.close();
  });
});

describe('unwritable places', () => {
  it('names a missing directory', () => {
    const p = join(dir, 'missing', 'cache.db');
    const err = caught(() => openStore(p));
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toBe(
      `Cannot create the cache at ${p}: the directory ${join(dir, 'missing')} does not exist. Create it or use --home DIR.`,
    );
  });

  it('names a read-only directory (or, as root, a file in the way) and leaves the place as it was', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    let chmodWorks = false;
    try {
      writeFileSync(join(ro, 'probe'), '');
    } catch {
      chmodWorks = true;
    }
    if (chmodWorks) {
      const p = join(ro, 'cache.db');
      const err = caught(() => openStore(p));
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toBe(
        `Cannot write the cache at ${p}: the directory is read-only. Check its permissions or use --home DIR.`,
      );
      expect(existsSync(p)).toBe(false);
    } else {
      // root ignores permission bits; a regular file used as a directory fails for everyone
      const file = join(dir, 'plain-file');
      writeFileSync(file, 'keep me');
      const p = join(file, 'cache.db');
      const err = caught(() => openStore(p));
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toBe(
        `Cannot create the cache at ${p}: ${file} is not a directory. Use --home DIR to choose another place.`,
      );
      expect(readFileSync(file, 'utf8')).toBe('keep me');
    }
  });

  it('reports a full disk in one sentence and keeps what was committed', () => {
    const first = openStore(path).store;
    first.saveFeed(FEED, FETCH, [article('kept')]);
    first.mark(['kept'], { starred: true });
    first.close();

    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Caps the file at its current size: the same error SQLite gives when the disk itself is full.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const full = new SqliteStore(db, path);
    const big = Array.from({ length: 200 }, (_, i) => article(`big${i}`, { contentHtml: `<p>${'isi '.repeat(500)}</p>` }));
    const err = caught(() => full.saveFeed(FEED, FETCH, big));
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toBe(`Cannot write the cache at ${path}: the disk is full. Free some space and try again.`);
    full.close();

    const after = openStore(path);
    expect(after.recovered).toBeUndefined();
    expect(after.store.query({}).map((a) => [a.id, a.starred])).toEqual([['kept', true]]);
    after.store.close();
  });
});

describe('two cyberreads at once', () => {
  it('lets two stores on one file read and write in turn, a read staying consistent during a write', () => {
    const a = openStore(path).store;
    const b = openStore(path).store;
    a.saveFeed(FEED, FETCH, [article('x1', { published: at(1) }), article('x2', { published: at(2) })]);
    expect(b.query({}).map((r) => r.id)).toEqual(['x2', 'x1']);
    b.mark(['x1'], { read: true });
    expect(a.get('x1')?.read).toBe(true);
    // b's read transaction stays open while a commits; b keeps its snapshot.
    const db = new Database(path, { readonly: true });
    const it = db.prepare('SELECT id FROM articles ORDER BY rid').pluck().iterate() as IterableIterator<string>;
    expect(it.next().value).toBe('x1');
    a.saveFeed(FEED, FETCH, [article('x3', { published: at(3) })]);
    expect([...it]).toEqual(['x2']);
    db.close();
    expect(b.query({}).map((r) => r.id)).toEqual(['x3', 'x2', 'x1']);
    a.close();
    b.close();
  });

  it('never surfaces "database is locked" while another process writes', async () => {
    const require = createRequire(import.meta.url);
    const sqlitePath = require.resolve('better-sqlite3');
    const bundle = join(dir, 'child.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, 'writer-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
      plugins: [
        {
          name: 'absolute-better-sqlite3',
          setup(b) {
            b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlitePath, external: true }));
          },
        },
      ],
    });
    const store = openStore(path).store;
    const child = spawn(process.execPath, [bundle, path, '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));
    let rounds = 0;
    while (running || rounds < 20) {
      const batch = Array.from({ length: 50 }, (_, i) => article(`main-${i}`, { title: `round ${rounds}`, tags: ['main'] }));
      expect(store.saveFeed(FEED, FETCH, batch)).toEqual({ added: rounds === 0 ? 50 : 0, updated: rounds === 0 ? 0 : 50, dropped: 0, removed: 0 });
      store.mark([`main-${rounds % 50}`], { starred: true });
      store.count({ tags: ['child'] });
      rounds++;
      await new Promise((r) => setImmediate(r));
    }
    expect(await exited).toBe(0);
    expect(out).toBe('done\n');
    expect(store.count({ tags: ['child'] })).toBe(50);
    expect(store.count({ tags: ['main'] })).toBe(50);
    store.close();
  });
});
