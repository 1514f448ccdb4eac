import type Keyv from 'keyv';
import type { CacheKind, CachePolicies } from './cachePolicies';

/** What the cache stores: the value (`null` for a remembered miss) and when it stops being fresh. */
export interface StoredEntry<T> {
  value: T | null;
  freshUntil: number;
}

export interface CacheLookup<T> {
  value: T | null;
  /** Past its TTL: usable only when the upstream fails (stale-if-error). */
  stale: boolean;
}

export interface EntityCacheOptions {
  policies: CachePolicies;
  /** Bumped when record shapes change, so old entries in a shared Redis are never read as new ones. */
  version: string;
  onError: (error: unknown) => void;
  onLookup?: (kind: CacheKind, hits: number, misses: number) => void;
  now?: () => number;
}

/**
 * Shared entity cache over a Keyv store, across requests (DataLoader only memoizes within one).
 * A cache failure is a miss, never a failed request.
 */
export class EntityCache {
  private readonly now: () => number;

  constructor(
    private readonly keyv: Keyv,
    private readonly options: EntityCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** `scope` separates upstreams: the same id from a different source is a different entity. */
  key(kind: CacheKind, scope: string, key: string): string {
    return `${this.options.version}:${kind}:${scope}:${key}`;
  }

  async getMany<T>(kind: CacheKind, scope: string, keys: readonly string[]): Promise<(CacheLookup<T> | undefined)[]> {
    if (keys.length === 0) return [];
    let stored: (StoredEntry<T> | undefined)[];
    try {
      stored = await this.keyv.getMany<StoredEntry<T>>(keys.map((key) => this.key(kind, scope, key)));
    } catch (error) {
      this.options.onError(error);
      stored = [];
    }
    const now = this.now();
    // Stores drop entries at the hard TTL themselves; checking here too keeps the stale-if-error window
    // exact whatever the store (and whichever instance wrote the entry) did.
    const staleUntil = (entry: StoredEntry<T>) => entry.freshUntil + (entry.value === null ? 0 : this.options.policies[kind].staleIfErrorMs);
    let hits = 0;
    const lookups = keys.map((_, index) => {
      const entry = stored[index];
      if (!isStoredEntry<T>(entry) || staleUntil(entry) <= now) return undefined;
      const stale = entry.freshUntil <= now;
      if (!stale) hits += 1;
      return { value: entry.value, stale };
    });
    this.options.onLookup?.(kind, hits, keys.length - hits);
    return lookups;
  }

  async setMany<T>(kind: CacheKind, scope: string, entries: readonly { key: string; value: T | null }[]): Promise<void> {
    if (entries.length === 0) return;
    const policy = this.options.policies[kind];
    const now = this.now();
    try {
      await this.keyv.setMany(
        entries.map(({ key, value }) => {
          const ttlMs = value === null ? policy.missTtlMs : policy.ttlMs;
          const stored: StoredEntry<T> = { value, freshUntil: now + ttlMs };
          // Misses are not worth keeping stale: serving "not found" on error helps nobody.
          return { key: this.key(kind, scope, key), value: stored, ttl: value === null ? ttlMs : ttlMs + policy.staleIfErrorMs };
        }),
      );
    } catch (error) {
      this.options.onError(error);
    }
  }

  async deleteMany(kind: CacheKind, scope: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.keyv.deleteMany(keys.map((key) => this.key(kind, scope, key)));
    } catch (error) {
      this.options.onError(error);
    }
  }
}

function isStoredEntry<T>(value: unknown): value is StoredEntry<T> {
  return typeof value === 'object' && value !== null && 'freshUntil' in value && 'value' in value;
}
