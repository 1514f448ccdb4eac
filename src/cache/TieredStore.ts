import type { CacheTier } from '../telemetry';
import type { MemoryTier } from './MemoryTier';
import type { PurgeLedger, PurgeMark } from './PurgeLedger';
import type { RedisTagIndex } from './RedisTagIndex';
import type { RedisTier } from './RedisTier';
import type { SharedGenerations } from './SharedGenerations';

export interface TieredStoreHooks {
  onError: (error: unknown) => void;
  onLookup?: (tier: CacheTier, label: string, hits: number, misses: number) => void;
}

export interface StoreEntry {
  key: string;
  value: object;
  ttlMs: number;
  /** Names (cache tags) whose purge makes the value stale: a write whose mark predates one is refused. */
  dependsOn?: readonly string[];
  /** Tags the shared tier indexes the entry under, so a purge of one finds it (listings, responses). */
  tags?: readonly string[];
  /** Other Redis sets the entry adds a member to (the id-to-slug index), by name within the store. */
  indexes?: readonly { set: string; member: string; ttlMs: number }[];
}

export interface SharedTier {
  tier: RedisTier;
  tags: RedisTagIndex;
  generations: SharedGenerations;
}

/**
 * The in-process tier in front of the shared Redis tier. Reads try memory first and ask Redis only for
 * what memory lacks, copying Redis hits into memory for the time Redis still keeps them, unless a purge
 * happened on this instance while Redis was answering (the copy could predate it). Writes land in
 * memory at once and in Redis in the background, each tier refusing what a purge since the writer's
 * mark made stale (see PurgeLedger, SharedGenerations). Any Redis failure is a miss or a skipped write,
 * never a failed request.
 */
export class TieredStore {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    readonly memory: MemoryTier,
    private readonly remote: SharedTier | undefined,
    private readonly hooks: TieredStoreHooks,
    private readonly ledger: PurgeLedger,
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
    const epoch = this.ledger.epoch;
    try {
      rows = await this.remote.tier.getMany<T>(missing.map((index) => keys[index] as string));
    } catch (error) {
      this.hooks.onError(error);
      return results;
    }
    const now = this.ledger.now();
    // The rows may have been read just before a purge deleted them: served to this (concurrent) read, never kept.
    const copy = this.ledger.epoch === epoch;
    let hits = 0;
    rows.forEach((row, position) => {
      if (!row) return;
      const index = missing[position] as number;
      results[index] = row.value;
      hits += 1;
      if (copy && row.expires !== undefined) this.memory.set(keys[index] as string, row.value, row.expires - now);
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
   * Memory now, Redis in the background (tracked, see `settle`). With a `mark` (taken before the values
   * were read), an entry depending on a name purged since is refused by each tier; in Redis that check
   * and the write are one step. An entry with dependencies and no shared mark stays out of Redis: nothing
   * could prove it fresh there. Memory entries are purged by scanning, see MemoryTier.deleteWhere.
   */
  setMany(entries: readonly StoreEntry[], mark?: PurgeMark): Promise<void> {
    const local = mark ? entries.filter((entry) => !entry.dependsOn || !this.ledger.movedSince(entry.dependsOn, mark.local)) : entries;
    for (const { key, value, ttlMs } of local) this.memory.set(key, value, ttlMs);
    const remote = this.remote;
    const shared = mark ? local.filter((entry) => !entry.dependsOn || entry.dependsOn.length === 0 || mark.shared !== undefined) : local;
    if (!remote || shared.length === 0) return Promise.resolve();
    const write = (async () => {
      try {
        await remote.tier.writeUnlessPurged(
          shared.map((entry) => ({
            key: entry.key,
            value: entry.value,
            ttlMs: entry.ttlMs,
            dependsOn: mark ? (entry.dependsOn ?? []) : [],
            indexes: [
              ...(entry.tags ?? []).map((tag) => ({ setKey: remote.tags.setKey(tag), ttlMs: remote.tags.ttlMs })),
              ...(entry.indexes ?? []).map((index) => ({ setKey: `${remote.tier.namespace}:${index.set}`, member: index.member, ttlMs: index.ttlMs })),
            ],
          })),
          mark?.shared ?? 0,
          remote.generations,
        );
      } catch (error) {
        this.hooks.onError(error);
      }
    })();
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
    return write;
  }

  /** The members of shared sets (the id-to-slug index), for a purge to find keys. Throws when Redis cannot answer. */
  async sharedSetMembers(sets: readonly string[]): Promise<string[][]> {
    const remote = this.remote;
    if (!remote || sets.length === 0) return sets.map(() => []);
    return remote.tier.setMembers(sets.map((set) => `${remote.tier.namespace}:${set}`));
  }

  /** The Redis keys of `keys`, and of the tag sets of `tags`, for a purge of the shared tier. */
  sharedTargets(keys: readonly string[], tags: readonly string[]): { keys: string[]; sets: string[] } {
    const remote = this.remote;
    if (!remote) return { keys: [], sets: [] };
    return { keys: keys.map((key) => remote.tier.redisKey(key)), sets: tags.map((tag) => remote.tags.setKey(tag)) };
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
