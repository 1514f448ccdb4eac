import type { KeySpace } from './KeySpaces';
import type { PurgeLedger, PurgeMark } from './PurgeLedger';
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
/**
 * Rough memory cost of an entry, for the in-process tier's byte bound: its JSON length (a string's
 * characters are one or two bytes in V8) plus object overhead. Computed once, when the entry is stored.
 */
export function entitySize(value: object): number {
  return (JSON.stringify(value)?.length ?? 0) + 64;
}

export type Freshness = 'fresh' | 'revalidate' | 'stale';

export interface CacheLookup<T> {
  value: T | null;
  freshness: Freshness;
}

/**
 * Shared entity cache over the tiered store, across requests (DataLoader only memoizes within one). Keys
 * and policies come from the key space a loader asked for; a write whose read began before a purge of any
 * tag the entry depends on is dropped (see PurgeLedger). A cache failure is a miss, never a failed request.
 */
export class EntityCache {
  private readonly refreshing = new Set<string>();
  private readonly pendingRefreshes = new Set<Promise<void>>();

  constructor(
    readonly store: TieredStore,
    private readonly ledger: PurgeLedger,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Where purges stood: taken before an upstream call, handed back with its answer to `setMany`. */
  mark(): PurgeMark {
    return this.ledger.mark();
  }

  async getMany<T>(space: KeySpace, keys: readonly string[]): Promise<(CacheLookup<T> | undefined)[]> {
    if (keys.length === 0) return [];
    const stored = await this.store.getMany<StoredEntry<T>>(keys.map(space.key), space.kind);
    const now = this.ledger.now();
    const { policy } = space;
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
  freshFromMemory<T>(space: KeySpace, keys: readonly string[]): (T | null)[] | undefined {
    if (keys.length === 0) return [];
    const now = this.ledger.now();
    const entries = this.store.peekMany<StoredEntry<T>>(keys.map(space.key), space.kind, (entry) => isStoredEntry<T>(entry) && entry.freshUntil > now);
    return entries?.map((entry) => entry.value);
  }

  /**
   * `mark`: where purges stood before the upstream call that produced these values began. An entry
   * depending on a name purged since (its entity, slug or list tag) is not written to either tier: the
   * value may predate the edit that caused the purge. A by-slug entry adds its slug to the entity's
   * id-to-slug index in Redis in the same step, so a purge naming only the id finds it.
   */
  async setMany<T>(space: KeySpace, entries: readonly { key: string; value: T | null }[], mark?: PurgeMark): Promise<void> {
    if (entries.length === 0) return;
    const { policy } = space;
    const now = this.ledger.now();
    const lifetimeMs = policy.ttlMs + Math.max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs);
    const tags = space.sharedIndexTag ? [space.sharedIndexTag] : undefined;
    await this.store.setMany(
      entries.map(({ key, value }) => {
        const ttlMs = value === null ? policy.missTtlMs : policy.ttlMs;
        const stored: StoredEntry<T> = { value, freshUntil: now + ttlMs };
        const id = space.slugIndex && space.idOf(value);
        return {
          key: space.key(key),
          value: stored,
          // Misses are not worth keeping stale: serving "not found" on error helps nobody.
          ttlMs: value === null ? ttlMs : lifetimeMs,
          dependsOn: space.entryTags(key, value),
          tags,
          indexes: id !== undefined && space.slugIndex ? [{ set: space.slugIndex(id), member: key, ttlMs: lifetimeMs }] : undefined,
        };
      }),
      mark,
    );
  }

  /**
   * Stale-while-revalidate: refreshes `keys` in the background, at most once at a time per key on this
   * instance however many requests saw them old. A failed refresh keeps the old value.
   */
  revalidate<T>(space: KeySpace, keys: readonly string[], fetch: (keys: string[]) => Promise<(T | null)[]>): void {
    const wanted = keys.filter((key) => !this.refreshing.has(space.key(key)));
    if (wanted.length === 0) return;
    const ids = wanted.map(space.key);
    for (const id of ids) this.refreshing.add(id);
    const mark = this.ledger.mark();
    const refresh = (async () => {
      try {
        const fetched = await fetch(wanted);
        await this.setMany(
          space,
          wanted.map((key, position) => ({ key, value: fetched[position] ?? null })),
          mark,
        );
      } catch (error) {
        this.onError(error);
      } finally {
        for (const id of ids) this.refreshing.delete(id);
      }
    })();
    this.pendingRefreshes.add(refresh);
    void refresh.finally(() => this.pendingRefreshes.delete(refresh));
  }

  /** Waits for background refreshes and shared-tier writes: for shutdown and tests. */
  async settle(): Promise<void> {
    while (this.pendingRefreshes.size > 0) await Promise.all([...this.pendingRefreshes]);
    await this.store.settle();
  }
}

function isStoredEntry<T>(value: unknown): value is StoredEntry<T> {
  return typeof value === 'object' && value !== null && 'freshUntil' in value && 'value' in value;
}
