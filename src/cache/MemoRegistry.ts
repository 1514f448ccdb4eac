import type { TagVocabulary } from './cacheTags';
import { PurgeableMemo } from './PurgeableMemo';
import type { PurgeLedger } from './PurgeLedger';

/**
 * The in-process memos sources keep (made here, handed to sources by the wiring root), so purges reach
 * them like the other caches. Created before the sources, which is why it is not part of GatewayCache's
 * constructor: the cache's key spaces need the sources' names.
 */
export class MemoRegistry {
  private readonly memos: PurgeableMemo<object>[] = [];

  constructor(
    private readonly ledger: PurgeLedger,
    private readonly tags: TagVocabulary,
  ) {}

  create<V extends object>(kind: string, options: { max: number; ttlMs: number }): PurgeableMemo<V> {
    const memo = new PurgeableMemo<V>({ kind, tagOf: (id) => this.tags.entity(kind, id), ...options }, this.ledger);
    this.memos.push(memo as unknown as PurgeableMemo<object>);
    return memo;
  }

  drop(kind: string, ids: readonly string[]): void {
    for (const memo of this.memos) if (memo.options.kind === kind) memo.delete(ids);
  }

  clear(): void {
    for (const memo of this.memos) memo.clear();
  }

  /** See MemoryTier.cap. */
  cap(newMs: number | undefined, existingMs?: number): void {
    for (const memo of this.memos) memo.entries.cap(newMs, existingMs);
  }
}
