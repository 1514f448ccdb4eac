import { LRUCache } from 'lru-cache';

/** Longer than any upstream call or request can take: a write older than this was refused long ago. */
const DEFAULT_MEMORY_MS = 5 * 60_000;
const DEFAULT_MAX_NAMES = 50_000;

/**
 * When each cache tag was last purged on this instance, for every cache the gateway keeps (entities,
 * responses, memos): a value read from an upstream before a purge of any tag it carries is never written
 * back, so a purge that raced a slow read still wins. One ledger, one clock.
 */
export class PurgeLedger {
  private readonly purgedAt: LRUCache<string, number>;
  /** Everything purged at once (the purge channel was interrupted and memory was cleared). */
  private allPurgedAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly now: () => number = Date.now,
    options: { memoryMs?: number; maxNames?: number } = {},
  ) {
    this.purgedAt = new LRUCache({ max: options.maxNames ?? DEFAULT_MAX_NAMES, ttl: options.memoryMs ?? DEFAULT_MEMORY_MS });
  }

  note(tags: Iterable<string>): void {
    const now = this.now();
    for (const tag of tags) this.purgedAt.set(tag, now);
  }

  noteAll(): void {
    this.allPurgedAt = this.now();
  }

  /** Whether any of `tags` was purged at or after `startedAt` (when the value's read began). */
  purgedSince(tags: Iterable<string>, startedAt: number): boolean {
    if (this.allPurgedAt >= startedAt) return true;
    for (const tag of tags) {
      const at = this.purgedAt.get(tag);
      if (at !== undefined && at >= startedAt) return true;
    }
    return false;
  }
}
