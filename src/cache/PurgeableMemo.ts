import { MemoryTier } from './MemoryTier';
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
  readonly entries: MemoryTier;

  constructor(
    readonly options: PurgeableMemoOptions,
    private readonly ledger: PurgeLedger,
  ) {
    this.entries = new MemoryTier({ maxEntries: options.max });
  }

  /** A mark to take before the upstream call whose answer is remembered (the purge generation, not a time). */
  now(): number {
    return this.ledger.mark().local;
  }

  get(id: string): V | undefined {
    return this.entries.get<V>(id);
  }

  set(id: string, value: V, startedAt: number): void {
    if (this.ledger.movedSince([this.options.tagOf(id)], startedAt)) return;
    this.entries.set(id, value, this.options.ttlMs);
  }

  delete(ids: readonly string[]): void {
    this.entries.delete(ids);
  }

  clear(): void {
    this.entries.clear();
  }
}
