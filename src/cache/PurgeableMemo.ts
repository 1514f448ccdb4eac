import { LRUCache } from 'lru-cache';
import type { PurgeLedger } from './PurgeLedger';

export interface PurgeableMemoOptions {
  /** The kind whose purges drop entries (entries are keyed by that kind's ids). */
  kind: string;
  /** The tag a purge of one entity of that kind notes (`post:420` for id 420). */
  tagOf: (id: string) => string;
  max: number;
  ttlMs: number;
}

/**
 * A short-lived in-process memo keyed by an entity's id (the related ranking's recent post summaries),
 * reached by purges like every other cache: a purge drops the entity's entry, and a value read before the
 * purge is not remembered after it.
 */
export class PurgeableMemo<V extends object> {
  private readonly entries: LRUCache<string, V>;

  constructor(
    readonly options: PurgeableMemoOptions,
    private readonly ledger: PurgeLedger,
  ) {
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  /** The cache's clock: read it before the upstream call whose answer is remembered. */
  now(): number {
    return this.ledger.now();
  }

  get(id: string): V | undefined {
    return this.entries.get(id);
  }

  set(id: string, value: V, startedAt: number): void {
    if (this.ledger.purgedSince([this.options.tagOf(id)], startedAt)) return;
    this.entries.set(id, value);
  }

  delete(ids: Iterable<string>): void {
    for (const id of ids) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
