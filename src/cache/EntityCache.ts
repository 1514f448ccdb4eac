import { LRUCache } from 'lru-cache';
import type { CacheKind, CachePolicies, CachePolicy } from './cachePolicies';
import { LIST_TAG } from './cacheTags';
import type { TieredStore } from './TieredStore';

/** What the cache stores: the value (`null` for a remembered miss) and when it stops being fresh. */
export interface StoredEntry<T> {
  value: T | null;
  freshUntil: number;
}

/**
 * `fresh`: serve it. `revalidate`: serve it, and refresh it in the background (stale-while-revalidate).
 * `stale`: ask the upstream; serve it only if the upstream fails (stale-if-error).
 */
export type Freshness = 'fresh' | 'revalidate' | 'stale';

export interface CacheLookup<T> {
  value: T | null;
  freshness: Freshness;
}

export interface EntityCacheOptions {
  policies: CachePolicies;
  /** Bumped when record shapes change, so old entries in a shared Redis are never read as new ones. */
  version: string;
  onError: (error: unknown) => void;
  now?: () => number;
}

/** How long a purge is remembered, to refuse writes of values fetched before it (see setMany). */
const PURGE_MEMORY_MS = 5 * 60_000;

/**
 * Shared entity cache over the tiered store, across requests (DataLoader only memoizes within one).
 * A cache failure is a miss, never a failed request.
 */
export class EntityCache {
  private readonly now: () => number;
  private readonly refreshing = new Set<string>();
  private readonly pendingRefreshes = new Set<Promise<void>>();
  /** Entity key -> when it was purged. A fetch that started before that must not write its old value back. */
  private readonly purgedAt = new LRUCache<string, number>({ max: 50_000, ttl: PURGE_MEMORY_MS });
  private listingsPurgedAt = 0;

  constructor(
    readonly store: TieredStore,
    private readonly options: EntityCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** `scope` separates upstreams: the same id from a different source is a different entity. */
  key(kind: CacheKind, scope: string, key: string): string {
    return `${this.options.version}:${kind}:${scope}:${key}`;
  }

  /** The cache's clock: upstream calls are timed with it, so purges and writes compare on one clock. */
  timestamp(): number {
    return this.now();
  }

  policyFor(kind: CacheKind): CachePolicy {
    return this.options.policies[kind];
  }

  /** Every listing key starts with this, so listings can be purged together when any post changes. */
  get listingKeyPrefix(): string {
    return `${this.options.version}:postList:`;
  }

  async getMany<T>(kind: CacheKind, scope: string, keys: readonly string[]): Promise<(CacheLookup<T> | undefined)[]> {
    if (keys.length === 0) return [];
    const stored = await this.store.getMany<StoredEntry<T>>(
      keys.map((key) => this.key(kind, scope, key)),
      kind,
    );
    const now = this.now();
    const policy = this.options.policies[kind];
    return stored.map((entry) => {
      if (!isStoredEntry<T>(entry)) return undefined;
      // Stores drop entries at their hard TTL themselves; checking here too keeps the windows exact whatever
      // the store (and whichever instance wrote the entry) did.
      const usableFor = entry.value === null ? 0 : Math.max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs);
      if (entry.freshUntil + usableFor <= now) return undefined;
      const freshness: Freshness =
        entry.freshUntil > now ? 'fresh' : entry.value !== null && entry.freshUntil + policy.staleWhileRevalidateMs > now ? 'revalidate' : 'stale';
      return { value: entry.value, freshness };
    });
  }

  /**
   * The values of `keys` when every one is fresh in the in-process tier, at once; otherwise undefined
   * (the caller then takes getMany). Most loads of a warm page end here, without a promise at each layer.
   */
  freshFromMemory<T>(kind: CacheKind, scope: string, keys: readonly string[]): (T | null)[] | undefined {
    if (keys.length === 0) return [];
    const now = this.now();
    const entries = this.store.peekMany<StoredEntry<T>>(
      keys.map((key) => this.key(kind, scope, key)),
      kind,
      (entry) => isStoredEntry<T>(entry) && entry.freshUntil > now,
    );
    return entries?.map((entry) => entry.value);
  }

  /**
   * `startedAt`: when the upstream call that produced these values began. A key purged since then keeps
   * its purge: the value may predate the edit that caused it.
   */
  async setMany<T>(kind: CacheKind, scope: string, entries: readonly { key: string; value: T | null }[], startedAt?: number): Promise<void> {
    const policy = this.options.policies[kind];
    const now = this.now();
    const written = entries
      .map(({ key, value }) => ({ key: this.key(kind, scope, key), value }))
      .filter(({ key }) => startedAt === undefined || !this.purgedSince(kind, key, startedAt));
    if (written.length === 0) return;
    await this.store.setMany(
      written.map(({ key, value }) => {
        const ttlMs = value === null ? policy.missTtlMs : policy.ttlMs;
        const stored: StoredEntry<T> = { value, freshUntil: now + ttlMs };
        // Misses are not worth keeping stale: serving "not found" on error helps nobody.
        const keepMs = value === null ? ttlMs : ttlMs + Math.max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs);
        return { key, value: stored, ttlMs: keepMs };
      }),
      kind === 'postList' ? [LIST_TAG.post] : [],
    );
  }

  async deleteMany(kind: CacheKind, scope: string, keys: readonly string[]): Promise<void> {
    await this.store.deleteMany(keys.map((key) => this.key(kind, scope, key)));
  }

  /**
   * Stale-while-revalidate: refreshes `keys` in the background, at most once at a time per key on this
   * instance however many requests saw them old. A failed refresh keeps the old value.
   */
  revalidate<T>(kind: CacheKind, scope: string, keys: readonly string[], fetch: (keys: string[]) => Promise<(T | null)[]>): void {
    const wanted = keys.filter((key) => !this.refreshing.has(this.key(kind, scope, key)));
    if (wanted.length === 0) return;
    const ids = wanted.map((key) => this.key(kind, scope, key));
    for (const id of ids) this.refreshing.add(id);
    const startedAt = this.now();
    const refresh = (async () => {
      try {
        const fetched = await fetch(wanted);
        await this.setMany(
          kind,
          scope,
          wanted.map((key, position) => ({ key, value: fetched[position] ?? null })),
          startedAt,
        );
      } catch (error) {
        this.options.onError(error);
      } finally {
        for (const id of ids) this.refreshing.delete(id);
      }
    })();
    this.pendingRefreshes.add(refresh);
    void refresh.finally(() => this.pendingRefreshes.delete(refresh));
  }

  /** Records purges (full keys) so in-flight fetches that predate them do not write old values back. */
  notePurged(fullKeys: readonly string[], listings: boolean): void {
    const now = this.now();
    for (const key of fullKeys) this.purgedAt.set(key, now);
    if (listings) this.listingsPurgedAt = now;
  }

  /** Waits for background refreshes and shared-tier writes: for shutdown and tests. */
  async settle(): Promise<void> {
    while (this.pendingRefreshes.size > 0) await Promise.all([...this.pendingRefreshes]);
    await this.store.settle();
  }

  private purgedSince(kind: CacheKind, fullKey: string, startedAt: number): boolean {
    if (kind === 'postList' && this.listingsPurgedAt >= startedAt) return true;
    const purgedAt = this.purgedAt.get(fullKey);
    return purgedAt !== undefined && purgedAt >= startedAt;
  }
}

function isStoredEntry<T>(value: unknown): value is StoredEntry<T> {
  return typeof value === 'object' && value !== null && 'freshUntil' in value && 'value' in value;
}
