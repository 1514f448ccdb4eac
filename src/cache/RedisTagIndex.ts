/**
 * Which shared entries carry which tag (`post:420` -> the cached responses and listings that contain
 * post 420), as one Redis set per tag, so a purge finds them on every instance's behalf. Entries join
 * their sets in the step that writes them (RedisTier.writeUnlessPurged); a purge deletes the members
 * and the sets (SharedGenerations.purge). Each set expires after the longest time any entry of its
 * store can live (one fixed TTL, so a later short-lived entry never shortens the set under a
 * longer-lived one), so the index never outgrows the cache.
 */
export class RedisTagIndex {
  constructor(
    /** Distinct per store: each store's sets have their own lifetime. */
    private readonly setPrefix: string,
    readonly ttlMs: number,
  ) {}

  setKey(tag: string): string {
    return `${this.setPrefix}${tag}`;
  }
}
