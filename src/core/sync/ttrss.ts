/**
 * Tiny Tiny RSS's JSON API (https://tt-rss.org/docs/API-Reference.html) as a SyncProtocol.
 *
 * What the API offers and how it is used:
 * - Every call is a JSON POST to URL/api/ with the session id in the body.
 * - New articles: getHeadlines of every feed (-4) with since_id, 200 per page (its maximum) by skip. Its
 *   order (score, date entered, date) has ties, and PostgreSQL may order tied rows differently for another
 *   OFFSET, so pages can overlap or leave a row out: after paging, the ids in the range that no page
 *   brought are asked for by id (getArticle only returns those that exist for this user).
 * - Subscriptions and unread counts: getFeeds of every feed (-3) gives each subscription (also those with
 *   no article, which getCounters leaves out) with its unread count in one request. The same feed ids as at
 *   the last sync mean nothing was subscribed or unsubscribed; categories are asked for once a day.
 * - A session kept from the last run is used without a login until the server answers NOT_LOGGED_IN.
 * - Flags: the API has no "changed since". A feed whose unread count differs from what the cache knew (after the reads getHeadlines -6, "read in the last
 *   day", already explains) has its unread ids listed and compared. Starred articles are few: their whole
 *   list is compared each time. Once a day every feed is compared, whatever the counts say.
 * - Flags are set with updateArticle, many ids per call; read is tt-rss's "unread" field (2), star is 0.
 */
import type { FetchLimits } from '../feeds/http.js';
import { problem, type Problem } from '../i18n/problem.js';
import { createJsonClient, SyncError, type JsonClient } from './http.js';
import type { BaseView, FlagChanges, RemoteArticle, RemoteFeed, SessionKeeper, SyncFlag, SyncProtocol, SyncSettings } from './types.js';

/** subscribeToFeed and unsubscribeFeed came with API level 5 (tt-rss 1.7.6). */
export const MIN_API_LEVEL = 5;
const PAGE = 200;
/** Pages of new articles asked for at once (the server answers each in its own PHP worker). */
const AHEAD = 3;
/** Ids per updateArticle / getArticle call: one SQL IN list on the server. */
const IDS_PER_UPDATE = 1000;
const IDS_PER_FETCH = 200;
/** At most this many never-seen ids in the range of a pull are asked for by id (a shared server has gaps). */
const MAX_GAP_CHECK = 2000;
const FULL_CHECK_MS = 24 * 60 * 60_000;

/** The server's address as the API's endpoint: "https://host/tt-rss" → "https://host/tt-rss/api/". */
export function ttrssEndpoint(url: string): URL {
  const u = new URL(url);
  let path = u.pathname.replace(/\/+$/, '');
  path = path.replace(/\/(api|index\.php)$/, '');
  u.pathname = `${path}/api/`;
  u.search = '';
  u.hash = '';
  return u;
}

type Json = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const int = (v: unknown): number | null => {
  const x = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(x) ? x : null;
};
const bool = (v: unknown): boolean => v === true || v === 1 || v === 't' || v === 'true' || v === '1';
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : []);

/** A headline or getArticle row as an article; null when it lacks an id or a feed. */
function toArticle(h: Json): RemoteArticle | null {
  const id = int(h.id);
  const feed = int(h.feed_id);
  if (id === null || feed === null) return null;
  const updated = int(h.updated);
  const tags = Array.isArray(h.tags) ? h.tags.map(text).filter((t): t is string => t !== null && t.trim() !== '') : [];
  return {
    id: String(id),
    feedId: String(feed),
    title: text(h.title) ?? '',
    link: text(h.link) || null,
    author: text(h.author) || null,
    published: updated !== null && updated > 0 ? new Date(updated * 1000).toISOString() : null,
    contentHtml: text(h.content) ?? '',
    tags,
    lang: text(h.lang) || null,
    enclosures: list(h.attachments)
      .map((a) => {
        const url = text(a.content_url);
        if (url === null || url === '') return null;
        const type = text(a.content_type);
        return type ? { url, type } : { url };
      })
      .filter((e): e is { url: string; type?: string } => e !== null),
    read: !bool(h.unread),
    starred: bool(h.marked),
  };
}

/** getFeeds' rows as subscriptions (categories named from `catTitle`; none without it). */
function toFeeds(rows: Json[], catTitle: Map<number, string> | null): RemoteFeed[] {
  const out: RemoteFeed[] = [];
  for (const f of rows) {
    const id = int(f.id);
    const url = text(f.feed_url);
    if (id === null || id <= 0 || !url) continue;
    out.push({ id: String(id), url, title: text(f.title) || null, category: catTitle?.get(int(f.cat_id) ?? 0) ?? null });
  }
  return out;
}

/** getFeeds' rows as unread counts per feed id. */
function unreadCounts(rows: Json[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of rows) {
    const id = int(f.id);
    if (id !== null && id > 0) out.set(String(id), int(f.unread) ?? 0);
  }
  return out;
}

export interface TtrssOptions {
  password: string | (() => Promise<string>);
  userAgent: string;
  env?: Record<string, string | undefined>;
  session?: SessionKeeper;
  /** Timeouts of this instance's requests, when they must be shorter than a sync's. */
  limits?: Partial<FetchLimits>;
}

/** What is kept of a session between runs: tt-rss's session id and the API level its login reported. */
interface Kept {
  sid: string;
  apiLevel: number;
}

function parseKept(value: string | null): Kept | null {
  if (value === null) return null;
  try {
    const k = JSON.parse(value) as Partial<Kept>;
    // tt-rss's ids are PHP session ids: letters, digits, "-" and ","; anything else was not saved by this code
    if (typeof k.sid === 'string' && /^[\w,-]{1,256}$/.test(k.sid) && typeof k.apiLevel === 'number' && Number.isSafeInteger(k.apiLevel)) {
      return { sid: k.sid, apiLevel: k.apiLevel };
    }
  } catch {
    // not ours: logged in afresh
  }
  return null;
}

export class TtrssProtocol implements SyncProtocol {
  readonly type = 'ttrss' as const;
  private readonly client: JsonClient;
  private readonly name: string;
  private sid: string | null = null;
  private login: Promise<void> | null = null;
  private logins = 0;
  /** The session kept from an earlier run, and whether a request of this run has worked with it. */
  private kept: string | null = null;
  private keptWorks = false;
  apiLevel: number | null = null;

  constructor(
    private readonly settings: SyncSettings,
    private readonly options: TtrssOptions,
  ) {
    this.name = settings.url;
    this.client = createJsonClient(ttrssEndpoint(settings.url), {
      userAgent: options.userAgent,
      env: options.env,
      name: this.name,
      ...(options.limits === undefined ? {} : { limits: options.limits }),
    });
    // A session kept from an earlier run is used as it is: tt-rss keeps an API session for at least a day
    // after its last request (SESSION_COOKIE_LIFETIME, 86400 s at the least, renewed by every request) and
    // answers NOT_LOGGED_IN once it has ended (expired, logged out, password or user agent changed).
    const kept = parseKept(options.session?.load() ?? null);
    if (kept !== null) {
      this.sid = kept.sid;
      this.kept = kept.sid;
      this.apiLevel = kept.apiLevel;
      this.login = Promise.resolve();
    }
  }

  requests(): number {
    return this.client.requests();
  }

  /** Logins this instance made (a kept session that still works needs none). */
  loginCount(): number {
    return this.logins;
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private reply(body: unknown): { ok: boolean; content: unknown } {
    if (typeof body !== 'object' || body === null || !('status' in body) || !('content' in body)) {
      throw new SyncError(problem('errSyncNotServer', this.name));
    }
    const b = body as { status: unknown; content: unknown };
    return { ok: int(b.status) === 0, content: b.content };
  }

  private refusal(content: unknown): Problem {
    const error = typeof content === 'object' && content !== null ? text((content as Json).error) : null;
    if (error === 'LOGIN_ERROR') return problem('errSyncLogin', this.name, this.settings.user);
    if (error === 'API_DISABLED') return problem('errSyncApiDisabled', this.name, this.settings.user);
    return problem('errSyncRefused', this.name, error ?? 'unknown error');
  }

  private async logIn(): Promise<void> {
    const password = typeof this.options.password === 'string' ? this.options.password : await this.options.password();
    this.logins += 1;
    const r = this.reply(await this.client.post({ op: 'login', user: this.settings.user, password }));
    if (!r.ok) throw new SyncError(this.refusal(r.content));
    const c = (r.content ?? {}) as Json;
    const sid = text(c.session_id);
    if (!sid) throw new SyncError(problem('errSyncNotServer', this.name));
    this.sid = sid;
    this.apiLevel = int(c.api_level);
    if (this.apiLevel !== null) this.options.session?.save(JSON.stringify({ sid, apiLevel: this.apiLevel } satisfies Kept));
  }

  /** Logs in once, however many calls wait for it. */
  private session(): Promise<void> {
    this.login ??= this.logIn().catch((e: unknown) => {
      this.login = null;
      throw e;
    });
    return this.login;
  }

  private async call(op: string, params: Json = {}, retried = false): Promise<unknown> {
    await this.session();
    const sid = this.sid;
    let body: unknown;
    try {
      body = await this.client.post({ ...params, op, sid });
    } catch (e) {
      // tt-rss stores a session id it does not know with a plain INSERT: requests sent at once with a kept
      // session the server has already forgotten race to insert it, and the losers fail (HTTP 500) before
      // they do anything. Until one request has worked with a kept session, that is taken as the session
      // having ended, like NOT_LOGGED_IN.
      const raced = e instanceof SyncError && e.problem.key === 'errSyncHttp' && e.problem.args[1] === 500 && sid !== null && sid === this.kept && !this.keptWorks;
      if (!raced || retried) throw e;
      return this.retryLoggedIn(sid, op, params);
    }
    const r = this.reply(body);
    if (r.ok) {
      if (sid !== null && sid === this.kept) this.keptWorks = true;
      return r.content;
    }
    const error = typeof r.content === 'object' && r.content !== null ? text((r.content as Json).error) : null;
    if (error === 'NOT_LOGGED_IN' && !retried) return this.retryLoggedIn(sid, op, params);
    throw new SyncError(this.refusal(r.content));
  }

  /** A call refused with the session `sid`, made again after one login (shared by the calls refused with it). */
  private retryLoggedIn(sid: string | null, op: string, params: Json): Promise<unknown> {
    // The session ended on the server (a kept one expired, a long-running reader's timed out): log in
    // again, once for all the calls that were sent with it at the same time.
    if (this.sid === sid) {
      this.login = null;
      this.sid = null;
      this.options.session?.save(null);
    }
    return this.call(op, params, true);
  }

  async logout(): Promise<boolean> {
    const sid = this.sid;
    if (sid === null) return false;
    // not through call(): a session that ended is what was wanted, not a reason to log in
    const r = this.reply(await this.client.post({ op: 'logout', sid }));
    const error = typeof r.content === 'object' && r.content !== null ? text((r.content as Json).error) : null;
    if (!r.ok && error !== 'NOT_LOGGED_IN') throw new SyncError(this.refusal(r.content));
    this.sid = null;
    this.login = null;
    this.options.session?.save(null);
    return true;
  }

  async connect(): Promise<{ apiLevel: number | null }> {
    // a reader that stays open keeps its session between syncs; a dead one is noticed by the first call
    if (this.sid === null) await this.session();
    const level = this.apiLevel;
    if (level === null) throw new SyncError(problem('errSyncNotServer', this.name));
    if (level < MIN_API_LEVEL) throw new SyncError(problem('errSyncApiLevel', this.name, level, MIN_API_LEVEL));
    return { apiLevel: level };
  }

  private feedListP: Promise<Json[]> | null = null;

  /**
   * getFeeds of every subscription (cat_id -3), asked once per run: each feed's id, address, title, category
   * id and unread count. The subscription check and the flag check both read it.
   */
  private feedList(): Promise<Json[]> {
    this.feedListP ??= this.call('getFeeds', { cat_id: -3 }).then(list);
    return this.feedListP;
  }

  async feeds(known?: { feeds: RemoteFeed[]; lastFullCheck: number | null }): Promise<RemoteFeed[]> {
    // The same feed ids as at the last sync means nothing was subscribed or unsubscribed: the list kept then
    // is used with today's titles, and the categories are asked for again only once a day.
    if (known !== undefined && known.feeds.length > 0 && known.lastFullCheck !== null && Date.now() - known.lastFullCheck <= FULL_CHECK_MS) {
      const now = toFeeds(await this.feedList(), null);
      const ids = new Set(now.map((f) => f.id));
      if (ids.size === known.feeds.length && known.feeds.every((f) => ids.has(f.id))) {
        const title = new Map(now.map((f) => [f.id, f.title]));
        return known.feeds.map((f) => ({ ...f, title: title.get(f.id) ?? f.title }));
      }
      return this.allFeeds(this.feedList());
    }
    // asked anew: called without `known` when a page brought a feed this run had not heard of
    return this.allFeeds(this.call('getFeeds', { cat_id: -3 }).then(list));
  }

  private async allFeeds(feedsP: Promise<Json[]>): Promise<RemoteFeed[]> {
    const [feeds, cats] = await Promise.all([feedsP, this.call('getCategories', { include_empty: true })]);
    const catTitle = new Map<number, string>();
    for (const c of list(cats)) {
      const id = int(c.id);
      const title = text(c.title);
      // 0 is "Uncategorized", negative ids are tt-rss's own (Special, Labels): not a category anyone chose
      if (id !== null && id > 0 && title) catTitle.set(id, title);
    }
    return toFeeds(feeds, catTitle);
  }

  private async headlines(params: Json): Promise<Json[]> {
    return list(await this.call('getHeadlines', { limit: PAGE, view_mode: 'all_articles', ...params }));
  }

  /** Every page of a headline list (no bodies), from skip 0 until a short page. */
  private async allHeadlines(params: Json): Promise<Json[]> {
    const out: Json[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const page = await this.headlines({ ...params, skip, show_content: false });
      out.push(...page);
      if (page.length < PAGE) return out;
    }
  }

  async newArticles(cursor: string | null, store: (page: RemoteArticle[]) => Promise<void> | void): Promise<string | null> {
    const since = int(cursor) ?? 0;
    const fetchPage = (skip: number): Promise<Json[]> =>
      // sanitize: false — the article's HTML as the feed gave it: cyberread cleans it as it cleans every feed
      // (tt-rss's own cleaning costs the server a DOM per article and rewrites links to its image proxy)
      this.headlines({ feed_id: -4, since_id: since, skip, show_content: true, include_attachments: true, sanitize: false });
    const seen = new Set<number>();
    let max = since;
    const pending: Promise<Json[]>[] = [];
    const ask = (skip: number): void => {
      const p = fetchPage(skip);
      // read in turn below; one that fails while an earlier page is being stored is not unhandled meanwhile
      p.catch(() => undefined);
      pending.push(p);
    };
    let next = 0;
    // a first sync pages through everything: several pages at once; a later one usually needs a single page
    const ahead = cursor === null ? AHEAD : 1;
    for (let i = 0; i < ahead; i++, next += PAGE) ask(next);
    for (;;) {
      const page = await (pending.shift() as Promise<Json[]>);
      const fresh: RemoteArticle[] = [];
      for (const h of page) {
        const a = toArticle(h);
        if (a === null) continue;
        const id = Number(a.id);
        if (id <= since || seen.has(id)) continue;
        seen.add(id);
        max = Math.max(max, id);
        fresh.push(a);
      }
      if (page.length < PAGE) {
        // the pages asked for ahead are past the end: let them finish unread
        await Promise.allSettled(pending);
        if (fresh.length > 0) await store(fresh);
        break;
      }
      ask(next);
      next += PAGE;
      if (fresh.length > 0) await store(fresh);
    }
    // ids in the range no page brought (tied rows the pages' order left out, or another user's)
    const gaps: string[] = [];
    for (let id = max; id > since && gaps.length < MAX_GAP_CHECK; id--) if (!seen.has(id)) gaps.push(String(id));
    if (gaps.length > 0) {
      const found = await this.articles(gaps);
      if (found.length > 0) await store(found);
    }
    return max > since ? String(max) : cursor;
  }

  async articles(ids: string[]): Promise<RemoteArticle[]> {
    const out: RemoteArticle[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_FETCH) {
      const rows = list(await this.call('getArticle', { article_id: ids.slice(i, i + IDS_PER_FETCH).join(','), sanitize: false }));
      for (const r of rows) {
        const a = toArticle(r);
        if (a !== null) out.push(a);
      }
    }
    return out;
  }

  async flagChanges(base: BaseView, ready: Promise<void>): Promise<FlagChanges> {
    // asked at once, compared once the new articles are in the cache
    const feedsP = this.feedList();
    const starredP = this.allHeadlines({ feed_id: -1 });
    const recentP = this.headlines({ feed_id: -6, show_content: false });
    // Once a day, the articles the server dated most recently, with their text. When a feed changes an
    // article, tt-rss stores the new text (and the feed's date, new or not: a correction often keeps it) under
    // the same id; the API gives neither the time of that change nor its content hash. So the text itself is
    // compared: stored again, an article is rewritten only when its content differs (store: content_hash).
    const full = base.lastFullCheck === null || Date.now() - base.lastFullCheck > FULL_CHECK_MS;
    const datedP = full
      ? this.headlines({ feed_id: -4, order_by: 'feed_dates', show_content: true, include_attachments: true, sanitize: false })
      : Promise.resolve([]);
    // failures are read below, after `ready`; until then they must not count as unhandled (the process
    // would end on them, where the run has to end with its one sentence)
    for (const p of [feedsP, starredP, recentP, datedP]) p.catch(() => undefined);
    await ready;
    const [feedRows, starredRows, recentRows, datedRows] = await Promise.all([feedsP, starredP, recentP, datedP]);
    const changes: FlagChanges = { read: new Map(), starred: new Map(), changedAt: new Map(), gone: [], missing: [], stale: [], reread: [], full };

    const dated = datedRows.map(toArticle).filter((a): a is RemoteArticle => a !== null);
    // only those the cache holds: one it never had is the new-article pull's (or the gap check's) to bring
    const held = base.publishedOf(dated.map((a) => a.id));
    changes.reread = dated.filter((a) => held.has(a.id));

    const starredNow = new Set(starredRows.map((h) => text(int(h.id))).filter((x): x is string => x !== null));
    const recent = recentRows.map((h) => text(int(h.id))).filter((x): x is string => x !== null);
    const of = base.baseOf([...starredNow, ...recent]);
    for (const id of starredNow) {
      const b = of.get(id);
      if (b === undefined) changes.missing.push(id);
      else if (!b.starred) changes.starred.set(id, true);
    }
    for (const id of base.starredIds()) if (!starredNow.has(id)) changes.starred.set(id, false);

    // read on the server within the last day: explains part of a count that went down
    const readBy = new Map<string, number>();
    for (const id of recent) {
      const b = of.get(id);
      if (b === undefined || b.read) continue;
      changes.read.set(id, true);
      readBy.set(b.feed, (readBy.get(b.feed) ?? 0) + 1);
    }

    const serverUnread = unreadCounts(feedRows);
    const baseUnread = base.unreadByFeed();
    const check: string[] = [];
    for (const feed of new Set([...serverUnread.keys(), ...baseUnread.keys()])) {
      if (!serverUnread.has(feed)) continue; // not on the server any more: the subscription sync removes it
      const expected = (baseUnread.get(feed) ?? 0) - (readBy.get(feed) ?? 0);
      if (changes.full ? (baseUnread.get(feed) ?? 0) + (serverUnread.get(feed) ?? 0) > 0 : expected !== serverUnread.get(feed)) check.push(feed);
    }
    const candidates: string[] = [];
    for (const feed of check) {
      const unreadNow = (await this.allHeadlines({ feed_id: Number(feed), view_mode: 'unread' }))
        .map((h) => text(int(h.id)))
        .filter((x): x is string => x !== null);
      const now = new Set(unreadNow);
      const known = base.baseOf(unreadNow);
      for (const id of unreadNow) {
        const b = known.get(id);
        if (b === undefined) changes.missing.push(id);
        else if (b.read) changes.read.set(id, false);
        else changes.read.delete(id);
      }
      for (const id of base.unreadIds(feed)) if (!now.has(id) && !changes.read.has(id)) candidates.push(id);
    }
    if (candidates.length > 0) {
      // not unread any more: read there, or gone from the server (tt-rss purges old articles)
      const still = new Map((await this.articles(candidates)).map((a) => [a.id, a]));
      for (const id of candidates) {
        const a = still.get(id);
        if (a === undefined) changes.gone.push(id);
        else if (a.read) changes.read.set(id, true);
      }
    }
    changes.missing = [...new Set(changes.missing)];
    return changes;
  }

  async setFlag(ids: string[], field: SyncFlag, value: boolean): Promise<void> {
    // field 2 is tt-rss's "unread", the opposite of read; 0 is "marked" (starred). mode 1 sets, 0 clears
    const apiField = field === 'read' ? 2 : 0;
    const mode = field === 'read' ? (value ? 0 : 1) : value ? 1 : 0;
    for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
      await this.call('updateArticle', { article_ids: ids.slice(i, i + IDS_PER_UPDATE).join(','), field: apiField, mode });
    }
  }

  async subscribe(url: string, category: string | null): Promise<string> {
    let categoryId = 0;
    if (category !== null) {
      const cats = list(await this.call('getCategories', { include_empty: true }));
      const hit = cats.find((c) => (int(c.id) ?? 0) > 0 && text(c.title)?.toLowerCase() === category.toLowerCase());
      categoryId = int(hit?.id) ?? 0;
    }
    const r = (await this.call('subscribeToFeed', { feed_url: url, category_id: categoryId })) as Json | null;
    const status = (r?.status ?? {}) as Json;
    const code = int(status.code) ?? -1;
    // 0: already subscribed, 1: subscribed
    if (code !== 0 && code !== 1) throw new SyncError(problem('errSyncSubscribe', url, code));
    let id = int(status.feed_id);
    if (id === null) {
      const feeds = toFeeds(list(await this.call('getFeeds', { cat_id: -3 })), null);
      id = int(feeds.find((f) => f.url === url)?.id);
    }
    if (id === null) throw new SyncError(problem('errSyncSubscribe', url, code));
    // subscribeToFeed stores the feed without articles; updateFeed fetches it now (it waits for the fetch)
    await this.call('updateFeed', { feed_id: id });
    return String(id);
  }

  async unsubscribe(feedId: string): Promise<void> {
    try {
      await this.call('unsubscribeFeed', { feed_id: Number(feedId) });
    } catch (error) {
      // already gone from the server: what was asked is done
      if (error instanceof SyncError && error.problem.key === 'errSyncRefused' && String(error.problem.args[1]) === 'FEED_NOT_FOUND') return;
      throw error;
    }
  }
}
