import { LRUCache } from 'lru-cache';

const DEFAULT_MAX_NAMES = 50_000;
/** Longer than a purge takes between its two shared generations and telling the other instances. */
const DEFAULT_GAP_MS = 10_000;

/**
 * Where a refill stood when it began: this instance's purge generation, and the highest generation of
 * the shared Redis this instance had seen (undefined before it saw one). Taken before anything is read,
 * handed back when the result is written.
 */
export interface PurgeMark {
  readonly local: number;
  readonly shared: number | undefined;
}

/**
 * This instance's purge generations, for every cache the gateway keeps (entities, responses, memos). Each
 * purge, local or heard from another instance, advances one counter and stamps every name it purged
 * (entity, slug and list tags) with the new value; a refill remembers the counter when it began (its
 * mark) and is refused if any name it depends on was stamped later. No clocks: two purges in the same
 * millisecond are still ordered. With nothing purged since a mark (the common case) a check is one
 * comparison.
 */
export class PurgeLedger {
  private generation = 0;
  /** Marks older than this are refused whatever they depend on: names stamped up to it were forgotten (bounded memory). */
  private forgottenUpTo = 0;
  private readonly stamps: LRUCache<string, number>;
  private readonly gapMs: number;
  /** See appliedShared. Undefined until the shared counter was first read: no shared write is vouched for. */
  private sharedApplied: number | undefined;
  private readonly sharedAhead = new Set<number>();
  private gapSince: number | undefined;
  /** Counts every change of either generation: the coalescing epoch. */
  private changes = 0;

  constructor(
    /** The cache's clock, for freshness (not for purges). */
    readonly now: () => number = Date.now,
    options: { maxNames?: number; gapMs?: number } = {},
  ) {
    this.gapMs = options.gapMs ?? DEFAULT_GAP_MS;
    this.stamps = new LRUCache({
      max: options.maxNames ?? DEFAULT_MAX_NAMES,
      dispose: (stamp, _name, reason) => {
        if (reason === 'evict') this.forgottenUpTo = Math.max(this.forgottenUpTo, stamp);
      },
    });
  }

  /**
   * Changes whenever a mark would: part of every coalescing key, so a call begun before a purge is never
   * joined by a request that came after it.
   */
  get epoch(): number {
    return this.changes;
  }

  mark(): PurgeMark {
    return { local: this.generation, shared: this.sharedApplied };
  }

  advance(names: Iterable<string>): void {
    this.generation += 1;
    this.changes += 1;
    for (const name of names) this.stamps.set(name, this.generation);
  }

  /** Everything moved (purges may have been missed): every mark taken so far is refused. */
  advanceAll(): void {
    this.generation += 1;
    this.changes += 1;
    this.forgottenUpTo = this.generation;
  }

  /** Whether any of `names` was purged on this instance after `epoch` (a mark's `local`). */
  movedSince(names: Iterable<string>, epoch: number): boolean {
    if (this.generation === epoch) return false;
    if (this.forgottenUpTo > epoch) return true;
    for (const name of names) {
      const stamp = this.stamps.get(name);
      if (stamp !== undefined && stamp > epoch) return true;
    }
    return false;
  }

  /**
   * Shared generations whose purges this instance has applied (its own, and those it heard of). A
   * mark's `shared` is the highest generation up to which every one is applied here, so a shared write
   * is never vouched for by a generation whose purge this instance's memory has not seen yet. A gap
   * older than `gapMs` is closed: its purge failed before it could be told (its sender answered 503 and
   * the CMS retries), or the channel was away (then everything in process is dropped anyway).
   */
  appliedShared(generations: readonly number[]): void {
    if (this.sharedApplied === undefined) return;
    for (const generation of generations) if (generation > this.sharedApplied) this.sharedAhead.add(generation);
    this.closeGaps();
  }

  /** Everything in process was dropped with the shared counter at `counter` (read just before): marks start from it. */
  restartShared(counter: number): void {
    this.sharedApplied = counter;
    this.sharedAhead.clear();
    this.gapSince = undefined;
    this.changes += 1;
  }

  /** Moves the shared mark over applied generations, and over a gap that has waited `gapMs`. */
  closeGaps(): void {
    if (this.sharedApplied === undefined) return;
    const before = this.sharedApplied;
    for (;;) {
      const from = this.sharedApplied;
      while (this.sharedAhead.delete(this.sharedApplied + 1)) this.sharedApplied += 1;
      if (this.sharedAhead.size === 0) {
        this.gapSince = undefined;
        break;
      }
      const now = this.now();
      if (this.gapSince === undefined || this.sharedApplied !== from) this.gapSince = now;
      if (now - this.gapSince < this.gapMs) break;
      this.sharedApplied = Math.min(...this.sharedAhead) - 1;
    }
    if (this.sharedApplied !== before) this.changes += 1;
  }
}
