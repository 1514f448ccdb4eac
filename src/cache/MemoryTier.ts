import { LRUCache } from 'lru-cache';

/** At least one bound; with both, whichever is reached first evicts the least recently used entries. */
export type MemoryTierBound =
  | { maxEntries: number; maxBytes?: undefined }
  | { maxEntries?: number; maxBytes: number; sizeOf: (value: object) => number };

/**
 * The in-process tier: an LRU with a hard bound (entries, or bytes for big values such as whole
 * responses), so memory stays flat however many distinct keys are read. Values are kept as objects (no
 * JSON round trip); callers never mutate them.
 */
export class MemoryTier {
  private readonly lru: LRUCache<string, object>;
  /** While the purge channel is away: the longest any entry may still live. */
  private capMs: number | undefined;

  constructor(bound: MemoryTierBound) {
    if (bound.maxBytes === undefined) {
      this.lru = new LRUCache<string, object>({ max: bound.maxEntries });
    } else {
      const { sizeOf } = bound;
      this.lru = new LRUCache<string, object>({
        ...(bound.maxEntries === undefined ? {} : { max: bound.maxEntries }),
        maxSize: bound.maxBytes,
        // An entry larger than the whole tier is simply not kept.
        sizeCalculation: (value) => Math.max(1, sizeOf(value)),
      });
    }
  }

  get size(): number {
    return this.lru.size;
  }

  /** Total of the entries' sizes, for a byte-bounded tier. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get<T extends object>(key: string): T | undefined {
    return this.lru.get(key) as T | undefined;
  }

  set(key: string, value: object, ttlMs: number): void {
    const ttl = this.capMs === undefined ? ttlMs : Math.min(ttlMs, this.capMs);
    if (ttl <= 0) return;
    this.lru.set(key, value, { ttl });
  }

  /**
   * Bounds how long entries live, while this instance cannot hear purges: those already here at most
   * `existingMs` more, those written from now on at most `newMs` each. Undefined lifts the bound.
   */
  cap(newMs: number | undefined, existingMs: number = newMs ?? 0): void {
    this.capMs = newMs;
    if (newMs === undefined) return;
    for (const key of [...this.lru.keys()]) {
      if (this.lru.getRemainingTTL(key) <= existingMs) continue;
      const value = this.lru.peek(key);
      if (value === undefined || existingMs <= 0) this.lru.delete(key);
      else this.lru.set(key, value, { ttl: existingMs });
    }
  }

  delete(keys: readonly string[]): number {
    let deleted = 0;
    for (const key of keys) if (this.lru.delete(key)) deleted += 1;
    return deleted;
  }

  /** Purges by content (tags, key prefixes): a scan of a bounded map, cheap next to a publish event. */
  deleteWhere(predicate: (key: string, value: object) => boolean): number {
    const doomed: string[] = [];
    for (const [key, value] of this.lru.entries()) if (predicate(key, value)) doomed.push(key);
    return this.delete(doomed);
  }

  /** Visits every entry, without touching its recency (a scan, like deleteWhere). */
  scan(visit: (key: string, value: object) => void): void {
    for (const [key, value] of this.lru.entries()) visit(key, value);
  }

  clear(): void {
    this.lru.clear();
  }
}
