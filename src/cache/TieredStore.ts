import type { CacheTier } from '../telemetry';
import type { MemoryTier } from './MemoryTier';
import type { RedisTagIndex } from './RedisTagIndex';
import type { RedisTier } from './RedisTier';

export interface TieredStoreHooks {
  onError: (error: unknown) => void;
  onLookup?: (tier: CacheTier, label: string, hits: number, misses: number) => void;
}

export interface StoreEntry {
  key: string;
  value: object;
  ttlMs: number;
}

/**
 * The in-process tier in front of the shared Redis tier. Reads try memory first and ask Redis only for
 * what memory lacks, copying Redis hits into memory for the time Redis still keeps them. Writes land in
 * memory at once and in Redis in the background. Any Redis failure is a miss or a skipped write, never
 * a failed request.
 */
export class TieredStore {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    readonly memory: MemoryTier,
    private readonly remote: { tier: RedisTier; tags: RedisTagIndex } | undefined,
    private readonly hooks: TieredStoreHooks,
    private readonly now: () => number = Date.now,
  ) {}

  get shared(): boolean {
    return this.remote !== undefined;
  }

  async getMany<T extends object>(keys: readonly string[], label: string): Promise<(T | undefined)[]> {
    const results = keys.map((key) => this.memory.get<T>(key));
    const missing: number[] = [];
    results.forEach((value, index) => {
      if (value === undefined) missing.push(index);
    });
    this.hooks.onLookup?.('memory', label, keys.length - missing.length, missing.length);
    if (missing.length === 0 || !this.remote) return results;

    let rows;
    try {
      rows = await this.remote.tier.getMany<T>(missing.map((index) => keys[index] as string));
    } catch (error) {
      this.hooks.onError(error);
      return results;
    }
    const now = this.now();
    let hits = 0;
    rows.forEach((row, position) => {
      if (!row) return;
      const index = missing[position] as number;
      results[index] = row.value;
      hits += 1;
      if (row.expires !== undefined) this.memory.set(keys[index] as string, row.value, row.expires - now);
    });
    this.hooks.onLookup?.('redis', label, hits, missing.length - hits);
    return results;
  }

  /**
   * The in-process tier's entry, at once: a hit needs no promise. Undefined when memory lacks it (the
   * caller then asks `get`, which counts that miss and tries Redis).
   */
  peek<T extends object>(key: string, label: string): T | undefined {
    const value = this.memory.get<T>(key);
    if (value !== undefined) this.hooks.onLookup?.('memory', label, 1, 0);
    return value;
  }

  /**
   * Every key's in-process entry, at once, when all are there and `usable` accepts each; otherwise
   * undefined and nothing is counted (the caller then asks `getMany`, which counts).
   */
  peekMany<T extends object>(keys: readonly string[], label: string, usable: (value: T) => boolean): T[] | undefined {
    const values = new Array<T>(keys.length);
    for (let index = 0; index < keys.length; index += 1) {
      const value = this.memory.get<T>(keys[index] as string);
      if (value === undefined || !usable(value)) return undefined;
      values[index] = value;
    }
    this.hooks.onLookup?.('memory', label, keys.length, 0);
    return values;
  }

  async get<T extends object>(key: string, label: string): Promise<T | undefined> {
    return (await this.getMany<T>([key], label))[0];
  }

  /**
   * Memory now, Redis in the background (tracked, see `settle`). `tags` index the Redis entries for
   * purges; memory entries are purged by scanning, see MemoryTier.deleteWhere.
   */
  setMany(entries: readonly StoreEntry[], tags: readonly string[] = []): Promise<void> {
    for (const { key, value, ttlMs } of entries) this.memory.set(key, value, ttlMs);
    const remote = this.remote;
    if (!remote || entries.length === 0) return Promise.resolve();
    const write = (async () => {
      try {
        await remote.tier.setMany([...entries]);
        await remote.tags.add(tags, entries.map((entry) => remote.tier.redisKey(entry.key)));
      } catch (error) {
        this.hooks.onError(error);
      }
    })();
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
    return write;
  }

  /**
   * Drops `keys` and every entry indexed under one of `tags` from the shared tier; answers how many
   * tagged entries went. Throws when Redis cannot be reached: a purge must say it did not happen. The
   * in-process tier is the caller's (it purges by scanning).
   */
  async purgeShared(keys: readonly string[], tags: readonly string[]): Promise<number> {
    if (!this.remote) return 0;
    if (keys.length > 0) await this.remote.tier.deleteMany([...keys]);
    return this.remote.tags.purge(tags);
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    this.memory.delete(keys);
    if (!this.remote) return;
    try {
      await this.remote.tier.deleteMany([...keys]);
    } catch (error) {
      this.hooks.onError(error);
    }
  }

  /** Resolves when every background write started so far has landed (or failed): for shutdown and tests. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
