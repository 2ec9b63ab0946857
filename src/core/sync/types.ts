/**
 * Sync with an aggregator server: the plain data passed between the protocol modules (ttrss.ts; a Google
 * Reader API module would be a second one), the protocol-independent engine (engine.ts) and the cache
 * (store/sync-tables.ts). Remote ids are text: Tiny Tiny RSS numbers them, the Google Reader API does not.
 */

import type { Problem } from '../i18n/problem.js';
import type { PreparedArticle } from '../store/prepare.js';
import type { FetchStateUpdate, UpsertResult } from '../store/store.js';

/** Which protocols exist; the settings' sync.type. */
export const SYNC_TYPES = ['ttrss'] as const;
export type SyncType = (typeof SYNC_TYPES)[number];

/** The `sync` setting: where and as whom. The password is never part of it. */
export interface SyncSettings {
  type: SyncType;
  /** The server's address as the user gave it (normalised by the protocol module). */
  url: string;
  user: string;
  /** A program (argv, run without a shell) whose first line of output is the password. */
  passwordCommand?: string[];
}

export type SyncFlag = 'read' | 'starred';

/** A subscription as the server has it. */
export interface RemoteFeed {
  id: string;
  url: string;
  title: string | null;
  /** Its category (folder) on the server, shown as a tag of the feed; null for none. */
  category: string | null;
}

export interface RemoteEnclosure {
  url: string;
  type?: string;
  length?: number;
}

/** An article as the server gives it: its text still HTML, to go through the normaliser like a fetched one. */
export interface RemoteArticle {
  id: string;
  feedId: string;
  title: string;
  link: string | null;
  author: string | null;
  /** ISO 8601 UTC, or null. */
  published: string | null;
  contentHtml: string;
  tags: string[];
  lang: string | null;
  enclosures: RemoteEnclosure[];
  read: boolean;
  starred: boolean;
}

/** What the cache knew of the server's flags at the last sync (its "base"), for a protocol to compare with. */
export interface BaseView {
  /** Per remote feed id: how many of its articles were unread on the server at the last sync. */
  unreadByFeed(): Map<string, number>;
  /** Per remote feed id: how many were starred. */
  starredByFeed(): Map<string, number>;
  /** The remote ids of a feed's articles that were unread at the last sync. */
  unreadIds(feedId: string): string[];
  /** Remote ids that were starred at the last sync. */
  starredIds(): string[];
  /** The base flags and feed of those of these remote ids the cache knows (has synced before). */
  baseOf(ids: string[]): Map<string, { read: boolean; starred: boolean; feed: string }>;
  /** The publication time (ISO 8601) the cache holds for those of these remote ids it knows. */
  publishedOf(ids: string[]): Map<string, string | null>;
  /** The newest known id by the protocol's own order (the pull's cursor), or null before the first sync. */
  cursor: string | null;
  /** Epoch ms of the last complete sync, or null. */
  lastSync: number | null;
  /** Epoch ms of the last sync that compared every flag (not only what the counts showed), or null. */
  lastFullCheck: number | null;
}

/** Flag values the server has now that differ from the base, as far as the protocol could establish. */
export interface FlagChanges {
  read: Map<string, boolean>;
  starred: Map<string, boolean>;
  /** When the server says when a flag changed (epoch ms), keyed `${field}:${id}`; Tiny Tiny RSS does not. */
  changedAt: Map<string, number>;
  /** Known ids the server no longer has (purged there). */
  gone: string[];
  /** Ids the server has that the cache never received (older than the cursor): to be fetched. */
  missing: string[];
  /** Known ids whose article the server changed since it was brought (a new date, a new text): fetched again. */
  stale: string[];
  /**
   * Known articles the protocol had to bring again, text and all, to tell whether they changed (an API that
   * says nothing of a changed text): stored again, which rewrites only those whose content differs.
   */
  reread: RemoteArticle[];
  /** The protocol compared every flag, not only those its counters pointed at. */
  full: boolean;
}

/**
 * One protocol module (Tiny Tiny RSS, Google Reader API …), one instance per sync run (it may keep what a
 * run asked for, to answer twice from one request). Every method throws a SyncError on failure.
 */
export interface SyncProtocol {
  readonly type: SyncType;
  /** Logs in and checks the server speaks this protocol at a level cyberread needs. */
  connect(): Promise<{ apiLevel: number | null }>;
  /**
   * The subscriptions. With `known` (the list as of the last sync), a protocol that can tell cheaply that
   * nothing was subscribed or unsubscribed since may answer with it instead of asking for the whole list.
   */
  feeds(known?: { feeds: RemoteFeed[]; lastFullCheck: number | null }): Promise<RemoteFeed[]>;
  /**
   * Articles newer than `cursor` (all of them when null), handed to `store` one page at a time, in order;
   * `store` must have written a page before the next is given. Returns the new cursor.
   */
  newArticles(cursor: string | null, store: (page: RemoteArticle[]) => Promise<void> | void): Promise<string | null>;
  /**
   * The flags the server has now that differ from the base. The protocol may start its requests at once but
   * reads `base` only after `ready` resolves (the new articles are in the cache then).
   */
  flagChanges(base: BaseView, ready: Promise<void>): Promise<FlagChanges>;
  /** The given articles (content included); ids the server does not have are left out. */
  articles(ids: string[]): Promise<RemoteArticle[]>;
  /** Sets one flag of many articles at once (as many per request as the protocol allows). */
  setFlag(ids: string[], field: SyncFlag, value: boolean): Promise<void>;
  /** Subscribes the server to a feed (and has it fetched); returns the feed's id there. */
  subscribe(url: string, category: string | null): Promise<string>;
  unsubscribe(feedId: string): Promise<void>;
  /**
   * Ends the server session this instance holds (a kept one included) without logging in for it: false when
   * it holds none. A session the server had already ended counts as ended. Throws SyncError when the server
   * cannot be reached or refuses.
   */
  logout(): Promise<boolean>;
  /** Requests made so far (for benchmarks and `sync --json`). */
  requests(): number;
  close(): Promise<void>;
}

/** A queued local change of one flag of one synced article. */
export interface QueuedFlag {
  remoteId: string;
  field: SyncFlag;
  value: boolean;
  /** When it was made, epoch ms. */
  at: number;
}

/** A queued change of the subscriptions, made while sync is set up. */
export interface QueuedSubscription {
  url: string;
  action: 'add' | 'remove';
  /** For add: the category to file it under (the feed's first tag), when the server has one by that name. */
  category: string | null;
  /** For remove: the feed's id on the server, when known. */
  remoteId: string | null;
  at: number;
}

/** What one sync run did. */
export interface SyncReport {
  /** Flag changes sent to the server. */
  pushed: number;
  /** Local changes the server already had (both sides made the same change). */
  agreed: number;
  /** Local changes dropped because a newer change on the server won. */
  overruled: number;
  /** Flag changes made on the server and applied here. */
  pulled: number;
  added: number;
  updated: number;
  /** Per feed of the server: what this run brought (the refresh results the reader and `refresh` show). */
  feeds: { url: string; added: number; updated: number; removed?: number; dropped?: number; changed?: number }[];
  subscribed: string[];
  unsubscribed: string[];
  /** Subscription changes the server refused: the feed's url and why. */
  refused: { url: string; problem: Problem }[];
  /** Local changes still waiting (made during the run, or refused). */
  queued: number;
  requests: number;
  ms: number;
  first: boolean;
}

/** The sync state kept in the cache beside the articles. */
export interface SyncState {
  /** Which server and user the mapping and queue belong to (`type url user`), or null before the first sync. */
  account: string | null;
  cursor: string | null;
  lastSync: number | null;
  lastFullCheck: number | null;
  /** The last run's failure, told as a problem, or null. */
  lastError: Problem | null;
  lastAttempt: number | null;
  /**
   * The server session kept between runs (a credential: tt-rss's session id), with the account it belongs to;
   * null when there is none. Forgotten with the rest of the state by resetSync (`sync off`, another account).
   */
  session: KeptSession | null;
}

export interface KeptSession {
  account: string;
  /** What the protocol saved (opaque to the engine and the cache). */
  value: string;
}

/**
 * Where a protocol keeps its server session between runs, so that a run does not log in again while the
 * server still accepts it (logging in is a server's most expensive request). load() gives only a session of
 * the account the protocol was made for.
 */
export interface SessionKeeper {
  load(): string | null;
  save(value: string | null): void;
}

/** An article from the server ready to store: its row (normalised like a fetched one) and the server's view of it. */
export interface RemoteRow {
  row: PreparedArticle;
  remoteId: string;
  remoteFeed: string;
  read: boolean;
  starred: boolean;
}

/** A flag as the engine settles it: the base becomes `value`; with `local`, the article's own flag too. */
export interface SettledFlag {
  remoteId: string;
  field: SyncFlag;
  value: boolean;
  /** The queue entry this settles (it stays when a newer change replaced it meanwhile); none for a server change. */
  queued?: { value: boolean; at: number };
  local: boolean;
}

/** What the engine needs of the cache. SqliteStore implements it (store/sync-tables.ts), in transactions. */
export interface SyncCache {
  syncState(): SyncState;
  setSyncState(patch: Partial<SyncState>): void;
  /**
   * Runs `fn` in one transaction: the writes it makes (these methods', and the article store's on the same
   * file) are committed together, or not at all.
   */
  batch<T>(fn: () => T): T;
  /** Takes the sync lock for `owner` (a pid); false when another live process holds it. */
  lockSync(owner: number): boolean;
  unlockSync(owner: number): void;
  /** Forgets every sync table: mapping, queue, server feeds, state. Articles stay. */
  resetSync(): void;
  baseView(): Omit<BaseView, 'cursor' | 'lastSync' | 'lastFullCheck'>;
  queuedFlags(): QueuedFlag[];
  queuedCount(): number;
  /** In one transaction: bases (and local flags) set, settled queue entries removed. Returns the remote ids whose article changed here. */
  settleFlags(flags: SettledFlag[]): string[];
  /** Remote ids the server no longer has: their mapping and queue entries go (the articles stay). */
  forgetRemote(ids: string[]): void;
  /**
   * Stores one page of a feed's server articles in one transaction, through the same path as a fetch (ignore
   * rules, retention, pairing), mapping each to its remote id. An article already cached from a direct fetch
   * of the same feed (same link) is taken over, not duplicated; its own read/star marks are kept and queued.
   * The feed's state is `state`, except that a page that adds or changes an article marks the feed 'new'
   * whatever `state.lastStatus` says (the caller gives 'unchanged' unless an earlier page of the run did).
   */
  storeRemote(feedUrl: string, state: FetchStateUpdate, rows: RemoteRow[]): UpsertResult;
  syncFeeds(): RemoteFeed[];
  setSyncFeeds(feeds: RemoteFeed[]): void;
  queuedSubscriptions(): QueuedSubscription[];
  queueSubscription(q: QueuedSubscription): void;
  settleSubscription(url: string): void;
}
