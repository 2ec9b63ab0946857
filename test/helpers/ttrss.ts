/**
 * A throw-away Tiny Tiny RSS on 127.0.0.1 for the sync tests and the benchmark: a private PostgreSQL cluster
 * in a temp dir (trust auth, fsync off), tt-rss's schema, the API enabled for admin/password, a private copy of
 * the packaged web root with its own config.php, served by `php -S`. Everything the server prints (PHP 8.2
 * warns a lot about this 2021 code) goes to a log file in the run dir, never to the test output.
 *
 * Debian 12: apt-get install tt-rss php-cli php-pgsql php8.2-cgi dbconfig-no-thanks (see .ci/run).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const TTRSS = '/usr/share/tt-rss';
export const TTRSS_USER = 'admin';
export const TTRSS_PASSWORD = 'password';

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why a throw-away server cannot be started here, or null when it can. */
export function ttrssMissing(): string | null {
  if (process.platform !== 'linux') return 'Tiny Tiny RSS tests run on Linux only';
  if (!existsSync(`${TTRSS}/www/classes/api.php`)) return 'the Debian package tt-rss is not installed';
  if (!existsSync(`${PG_BIN}/initdb`)) return 'PostgreSQL 15 is not installed';
  if (!which('php')) return 'php-cli is not installed';
  if (!which('psql')) return 'psql is not installed';
  if (process.getuid?.() === 0 && !which('runuser')) return 'runuser is missing (needed to run PostgreSQL as root)';
  return null;
}

/**
 * For describe.skipIf: skip (saying why in the test name) where the packages are missing, except where
 * CYBERREAD_REQUIRE_TTRSS=1 (CI) makes a missing server a failure instead.
 */
export function ttrssSkip(): { skip: boolean; why: string } {
  const missing = ttrssMissing();
  if (missing !== null && process.env.CYBERREAD_REQUIRE_TTRSS === '1') {
    throw new Error(`CYBERREAD_REQUIRE_TTRSS=1 but ${missing}`);
  }
  return { skip: missing !== null, why: missing === null ? '' : ` (skipped: ${missing})` };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Headline {
  id: number;
  title: string;
  unread: boolean;
  marked: boolean;
  feed_id: string | number;
  tags: string[];
}

/** One user of the server with an API session of its own (password: TTRSS_PASSWORD). */
export interface TtrssUser {
  name: string;
  password: string;
  api(op: string, params?: Record<string, unknown>): Promise<ApiReply['content']>;
  /** Subscribes this user to a feed and has the server fetch it now; returns the feed's id on the server. */
  addFeed(url: string, categoryId?: number): Promise<number>;
  /** A category (folder) of this user; returns its id. */
  addCategory(title: string): Promise<number>;
  /** Every headline of a feed (-4: all articles), paging through. */
  headlines(feedId?: number): Promise<Headline[]>;
}

interface ApiReply {
  status: number;
  content: Record<string, unknown> & { error?: string };
}

export interface TtrssServer {
  /** The tt-rss root URL (what a user gives `sync setup`). */
  url: string;
  dir: string;
  /** Runs SQL in the server's database and returns psql's unaligned output. */
  sql(query: string): string;
  /** Calls the API as admin (a session of the helper's own). */
  api(op: string, params?: Record<string, unknown>): Promise<ApiReply['content']>;
  /** Subscribes admin to a feed and fetches it now; returns the feed's id on the server. */
  addFeed(url: string, categoryId?: number): Promise<number>;
  admin: TtrssUser;
  /** Another user with the API enabled: each test its own subscriptions and state. */
  addUser(name: string, password?: string): TtrssUser;
  /** Fetches a feed on the server now. */
  updateFeed(feedId: number): Promise<void>;
  /** Stops and starts the web server only (the database stays up): "the server is down". */
  stopWeb(): Promise<void>;
  startWeb(): Promise<void>;
  stop(): Promise<void>;
}

function asNobody(root: boolean, cmd: string, args: string[]): [string, string[]] {
  return root ? ['runuser', ['-u', 'nobody', '--', cmd, ...args]] : [cmd, args];
}

/** Replaces `from` in `text`, insisting it is there: a tt-rss whose code moved must fail loudly, not quietly refuse loopback. */
function patch(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`tt-rss patch target not found: ${from}`);
  return text.split(from).join(to);
}

function configPhp(o: { pgPort: number; webPort: number; dir: string }): string {
  const defs: [string, string | boolean | number][] = [
    ['DB_TYPE', 'pgsql'], ['DB_HOST', '127.0.0.1'], ['DB_PORT', String(o.pgPort)], ['DB_USER', 'ttrss'], ['DB_NAME', 'ttrss'],
    ['DB_PASS', ''], ['MYSQL_CHARSET', 'UTF8'], ['SELF_URL_PATH', `http://127.0.0.1:${o.webPort}/`], ['SINGLE_USER_MODE', false],
    ['SIMPLE_UPDATE_MODE', false], ['PHP_EXECUTABLE', '/usr/bin/php'], ['LOCK_DIRECTORY', join(o.dir, 'lock')],
    ['CACHE_DIR', join(o.dir, 'cache')], ['ICONS_DIR', 'feed-icons'], ['ICONS_URL', 'feed-icons'], ['AUTH_AUTO_CREATE', true],
    ['AUTH_AUTO_LOGIN', true], ['FORCE_ARTICLE_PURGE', 0], ['ENABLE_REGISTRATION', false],
    ['REG_NOTIFY_ADDRESS', 'nobody@example.invalid'], ['REG_MAX_USERS', 10], ['SESSION_COOKIE_LIFETIME', 86400],
    ['SMTP_FROM_NAME', 'Tiny Tiny RSS'], ['SMTP_FROM_ADDRESS', 'nobody@example.invalid'], ['DIGEST_SUBJECT', 'digest'],
    ['CHECK_FOR_UPDATES', false], ['ENABLE_GZIP_OUTPUT', false], ['PLUGINS', 'auth_internal, note'],
    // no logger: with 'sql' every PHP warning becomes an INSERT, which made each request several times slower
    ['LOG_DESTINATION', ''], ['CONFIG_VERSION', 26],
  ];
  const php = (v: string | boolean | number): string => (typeof v === 'string' ? `'${v.replace(/[\\']/g, '\\$&')}'` : String(v));
  return `<?php\n${defs.map(([k, v]) => `define('${k}', ${php(v)});`).join('\n')}\n`;
}

/**
 * A process that outlives this one only to clean up after it: when the test process dies without stop() (a
 * crash, a kill -9, a timeout of the runner), it kills the web server, stops PostgreSQL and removes the run
 * dir. stop() removes the dir first, which ends it.
 */
function startWatchdog(dir: string, pgDir: string, root: boolean): void {
  const pgStop = [...(root ? ['runuser', '-u', 'nobody', '--'] : []), `${PG_BIN}/pg_ctl`, '-D', pgDir, '-m', 'immediate', 'stop'];
  const script = [
    'parent=$1; dir=$2; shift 2',
    'while kill -0 "$parent" 2>/dev/null && [ -d "$dir" ]; do sleep 1; done',
    '[ -d "$dir" ] || exit 0',
    'if [ -f "$dir/php.pid" ]; then kill -9 "-$(cat "$dir/php.pid")" 2>/dev/null; fi',
    '"$@" >/dev/null 2>&1',
    'rm -rf "$dir"',
  ].join('\n');
  const dog = spawn('sh', ['-c', script, 'watchdog', String(process.pid), dir, ...pgStop], { detached: true, stdio: 'ignore' });
  dog.unref();
}

/** Starts a throw-away Tiny Tiny RSS; `stop()` it in afterAll. */
export async function startTtrss(): Promise<TtrssServer> {
  const missing = ttrssMissing();
  if (missing !== null) throw new Error(`cannot start Tiny Tiny RSS: ${missing}`);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'cyberread-ttrss-'));
  chmodSync(dir, 0o755);
  const pgDir = join(dir, 'pg');
  const runDir = join(dir, 'run');
  for (const d of [pgDir, runDir]) {
    mkdirSync(d);
    if (root) chownSync(d, 65534, 65534);
  }
  for (const d of ['lock', 'cache', 'cache/images', 'cache/upload', 'cache/export', 'cache/feed-icons']) mkdirSync(join(dir, d), { recursive: true });
  const quiet = { stdio: 'ignore' as const };

  let php: ChildProcess | null = null;
  let pgStarted = false;
  const killPhp = (): void => {
    if (php?.pid !== undefined) {
      try {
        process.kill(-php.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    php = null;
  };
  const stopAll = async (): Promise<void> => {
    killPhp();
    if (pgStarted) {
      try {
        const [cmd, args] = asNobody(root, `${PG_BIN}/pg_ctl`, ['-D', pgDir, '-m', 'immediate', '-w', 'stop']);
        execFileSync(cmd, args, quiet);
      } catch {
        // a cluster that will not stop is removed with its directory below
      }
      pgStarted = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    {
      const [cmd, args] = asNobody(root, `${PG_BIN}/initdb`, ['-D', pgDir, '-U', 'ttrss', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
      execFileSync(cmd, args, quiet);
    }
    startWatchdog(dir, pgDir, root);
    // A free port can be taken by someone else before PostgreSQL binds it: another one is tried then.
    let pgPort = 0;
    for (let attempt = 1; !pgStarted; attempt++) {
      pgPort = await freePort();
      const opts = `-c listen_addresses=127.0.0.1 -p ${pgPort} -k ${runDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      const [cmd, args] = asNobody(root, `${PG_BIN}/pg_ctl`, ['-D', pgDir, '-l', join(runDir, 'postgres.log'), '-w', '-t', '30', '-o', opts, 'start']);
      try {
        execFileSync(cmd, args, quiet);
        pgStarted = true;
      } catch (error) {
        if (attempt >= 5) throw new Error(`PostgreSQL did not start: ${readFileSync(join(runDir, 'postgres.log'), 'utf8').slice(-2000)}`, { cause: error });
      }
    }
    const psql = (db: string, input: string): string =>
      execFileSync('psql', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'ttrss', '-d', db, '-qAtX', '-v', 'ON_ERROR_STOP=1'], {
        input,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    psql('postgres', 'CREATE DATABASE ttrss;');
    psql('ttrss', `SET client_min_messages = warning;\n${readFileSync(`${TTRSS}/schema/ttrss_schema_pgsql.sql`, 'utf8')}`);
    psql('ttrss', "INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) VALUES (1, 'ENABLE_API_ACCESS', 'true');");

    const www = join(dir, 'www');
    // relative symlinks (fonts, javascript libraries) are made absolute so they still point into the package
    cpSync(`${TTRSS}/www`, www, { recursive: true, verbatimSymlinks: false });
    rmSync(join(www, 'config.php'), { force: true });
    rmSync(join(www, 'feed-icons'), { force: true, recursive: true });
    mkdirSync(join(www, 'feed-icons'));
    // This tt-rss refuses feeds on loopback and on ports other than 80/443 and drops ":port" from URLs; the
    // test feeds are served on 127.0.0.1:PORT.
    const helper = join(www, 'classes', 'urlhelper.php');
    let code = readFileSync(helper, 'utf8');
    code = patch(code, `$tmp = $parts['scheme'] . "://" . $parts['host'];`, `$tmp = $parts['scheme'] . "://" . $parts['host'] . (isset($parts['port']) ? ":" . $parts['port'] : "");`);
    code = patch(code, 'if ($extended_filtering) {', 'if (false && $extended_filtering) {');
    code = patch(code, 'strpos($ip_addr, "127.") === 0', 'false');
    code = patch(code, 'strpos($fetch_effective_ip_addr, "127.") === 0', 'false');
    writeFileSync(helper, code);

    let webPort = 0;
    let url = '';
    const listen = async (port: number): Promise<boolean> => {
      const log = openSync(join(dir, 'php.log'), 'a');
      // only fatal errors, and those to the log: PHP 8.2 warns about much of this 2021 code
      const p = spawn('php', ['-d', 'error_reporting=1', '-d', 'display_errors=stderr', '-d', 'log_errors=0', '-S', `127.0.0.1:${port}`, '-t', www], {
        env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
        stdio: ['ignore', log, log],
        detached: true,
      });
      closeSync(log);
      p.unref();
      php = p;
      writeFileSync(join(dir, 'php.pid'), String(p.pid));
      let exited = false;
      p.once('exit', () => (exited = true));
      const until = Date.now() + 15_000;
      while (Date.now() < until) {
        // a php that could not bind (the port was taken meanwhile) exits at once
        if (exited) return false;
        const ok = await fetch(`http://127.0.0.1:${port}/api/`, { method: 'POST', body: JSON.stringify({ op: 'getApiLevel' }) })
          .then((r) => r.ok)
          .catch(() => false);
        if (ok && !exited) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`php -S did not answer on 127.0.0.1:${port} within 15 s: ${readFileSync(join(dir, 'php.log'), 'utf8').slice(-2000)}`);
    };
    const startWeb = async (): Promise<void> => {
      if (webPort !== 0 && (await listen(webPort))) return;
      for (let attempt = 1; ; attempt++) {
        webPort = await freePort();
        url = `http://127.0.0.1:${webPort}/`;
        writeFileSync(join(www, 'config.php'), configPhp({ pgPort, webPort, dir }));
        if (await listen(webPort)) return;
        killPhp();
        if (attempt >= 5) throw new Error('php -S found no free port');
      }
    };
    await startWeb();

    const client = (user: string, password: string): TtrssUser => {
      let sid: string | null = null;
      const call = async (op: string, params: Record<string, unknown> = {}): Promise<ApiReply['content']> => {
        if (sid === null && op !== 'login') {
          const login = await call('login', { user, password });
          sid = String(login.session_id);
        }
        const r = await fetch(`${url}api/`, { method: 'POST', body: JSON.stringify({ ...params, op, ...(sid === null ? {} : { sid }) }) });
        const reply = (await r.json()) as ApiReply;
        if (reply.status !== 0) {
          if (reply.content.error === 'NOT_LOGGED_IN' && op !== 'login') {
            sid = null;
            return call(op, params);
          }
          throw new Error(`tt-rss ${op}: ${JSON.stringify(reply.content)}`);
        }
        return reply.content;
      };
      const uid = (): number => Number(psql('ttrss', `SELECT id FROM ttrss_users WHERE login = '${user}'`).trim());
      return {
        name: user,
        password,
        api: call,
        async addFeed(feedUrl, categoryId = 0) {
          const r = (await call('subscribeToFeed', { feed_url: feedUrl, category_id: categoryId })) as { status: { code: number; feed_id?: number } };
          if (r.status.code !== 1 && r.status.code !== 0) throw new Error(`tt-rss could not subscribe to ${feedUrl}: code ${r.status.code}`);
          const id = Number(
            r.status.feed_id ?? psql('ttrss', `SELECT id FROM ttrss_feeds WHERE feed_url = '${feedUrl.replace(/'/g, "''")}' AND owner_uid = ${uid()}`).trim(),
          );
          await call('updateFeed', { feed_id: id });
          return id;
        },
        async addCategory(title) {
          psql('ttrss', `INSERT INTO ttrss_feed_categories (owner_uid, title) VALUES (${uid()}, '${title.replace(/'/g, "''")}')`);
          return Number(psql('ttrss', `SELECT max(id) FROM ttrss_feed_categories WHERE owner_uid = ${uid()}`).trim());
        },
        async headlines(feedId = -4) {
          const out: Headline[] = [];
          for (let skip = 0; ; skip += 200) {
            const page = (await call('getHeadlines', { feed_id: feedId, view_mode: 'all_articles', limit: 200, skip })) as unknown as Headline[];
            out.push(...page);
            if (page.length < 200) return out;
          }
        },
      };
    };
    const admin = client(TTRSS_USER, TTRSS_PASSWORD);

    return {
      get url() {
        return url;
      },
      dir,
      sql: (query) => psql('ttrss', query),
      api: admin.api,
      addFeed: admin.addFeed,
      admin,
      addUser(name, password = `pw-${name}-Qx7`) {
        if (!/^[a-z0-9_]+$/.test(name) || !/^[\w-]+$/.test(password)) throw new Error(`a plain user name and password, please: ${name}`);
        // tt-rss still accepts its oldest hash form (and upgrades it at the first login); the API on
        const hash = `SHA1:${createHash('sha1').update(password).digest('hex')}`;
        psql(
          'ttrss',
          `INSERT INTO ttrss_users (login, pwd_hash, salt, access_level, created) VALUES ('${name}', '${hash}', '', 0, NOW());
           INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) SELECT id, 'ENABLE_API_ACCESS', 'true' FROM ttrss_users WHERE login = '${name}';`,
        );
        return client(name, password);
      },
      async updateFeed(feedId) {
        await admin.api('updateFeed', { feed_id: feedId });
      },
      async stopWeb() {
        const p = php as ChildProcess | null;
        if (p?.pid === undefined) return;
        const exited = new Promise<void>((r) => p.once('exit', () => r()));
        process.kill(-p.pid, 'SIGKILL');
        await exited;
        php = null;
      },
      startWeb,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
