import { isCacheDamaged, type CacheDamagedError } from './errors.js';
import type { ArticleStore } from './store.js';

type Answers<S> = { [K in keyof S]: S[K] extends (...args: never[]) => infer R ? () => R : never };

/** What each call answers once the cache is found damaged: what an empty cache would say. */
const EMPTY: Answers<Required<ArticleStore> & { unreadCount(): number }> = {
  getFeedState: () => null,
  listFeedStates: () => [],
  saveFeed: () => ({ added: 0, updated: 0, dropped: 0, removed: 0 }),
  saveRows: () => ({ added: 0, updated: 0, dropped: 0, removed: 0 }),
  saveRowsMany: () => [],
  saveFetchState: () => 0,
  removeFeed: () => 0,
  query: () => [],
  count: () => 0,
  position: () => null,
  get: () => null,
  tags: () => [],
  mark: () => 0,
  feedCounts: () => new Map(),
  markAll: () => ({ ids: [], matched: 0 }),
  setRead: () => 0,
  unreadNeighbour: () => null,
  setFeedTitle: () => undefined,
  setFeedLang: () => 0,
  lastRowId: () => 0,
  related: () => [],
  alternate: () => null,
  getPage: () => null,
  savePage: () => false,
  markPageFresh: () => undefined,
  feedText: () => null,
  close: () => undefined,
  unreadCount: () => 0,
};

/**
 * The store as a long-running view (the reader) uses it: damage found by any call is handed to `onDamage`
 * and the call answers as an empty cache would, so no view has to expect it and none crashes on it. Other
 * failures (a lock held too long, a full disk) still throw: they pass, damage does not.
 */
export function tolerateDamage<S extends ArticleStore & { unreadCount(q: unknown): number }>(
  store: S,
  onDamage: (error: CacheDamagedError) => void,
): S {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      // a method without an empty answer still has its damage noted (then the caller sees the error)
      const empty = Object.hasOwn(EMPTY, key) ? EMPTY[key as keyof typeof EMPTY] : null;
      return (...args: unknown[]): unknown => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          if (!isCacheDamaged(error)) throw error;
          onDamage(error);
          if (empty === null) throw error;
          return empty();
        }
      };
    },
  });
}

export interface DamageNote {
  /** The damaged cache file. */
  path: string;
  /** Where it goes at the next start. */
  movedTo: string;
}

/**
 * Damage found while a long-running view (the reader) uses the cache: noted once (`note`, markDamaged in
 * the program: the file is moved to the returned name at the next start), then told to every watcher.
 */
export class DamageWatch {
  damage: DamageNote | null = null;
  private readonly watchers = new Set<(d: DamageNote) => void>();

  constructor(private readonly note: (path: string) => string) {}

  readonly found = (error: CacheDamagedError): void => {
    if (this.damage !== null) return;
    const d: DamageNote = { path: error.path, movedTo: this.note(error.path) };
    this.damage = d;
    // Store calls run while a view renders: watchers hear of it after that.
    setTimeout(() => {
      for (const w of this.watchers) w(d);
    }, 0);
  };

  watch(onDamage: (d: DamageNote) => void): () => void {
    this.watchers.add(onDamage);
    if (this.damage !== null) onDamage(this.damage);
    return () => {
      this.watchers.delete(onDamage);
    };
  }
}
