import type { RedisConnection } from './RedisConnection';

/**
 * Which shared entries carry which tag (`post:420` -> the cached responses and listings that contain
 * post 420), as one Redis set per tag, so a purge finds them on every instance's behalf. Each set
 * expires after the longest time any entry of its store can live (one fixed TTL, so a later short-lived
 * entry never shortens the set under a longer-lived one), so the index never outgrows the cache.
 */
export class RedisTagIndex {
  constructor(
    private readonly connection: RedisConnection,
    /** Distinct per store: each store's sets have their own lifetime. */
    private readonly setPrefix: string,
    private readonly ttlMs: number,
  ) {}

  private setKey(tag: string): string {
    return `${this.setPrefix}${tag}`;
  }

  async add(tags: readonly string[], redisKeys: readonly string[]): Promise<void> {
    if (tags.length === 0 || redisKeys.length === 0) return;
    await this.connection.run(async (client) => {
      const multi = client.multi();
      for (const tag of tags) {
        multi.sAdd(this.setKey(tag), [...redisKeys]);
        multi.pExpire(this.setKey(tag), this.ttlMs);
      }
      await multi.exec();
    });
  }

  /** Deletes every entry carrying one of `tags`, and the tags' sets; answers how many entries went. */
  async purge(tags: readonly string[]): Promise<number> {
    if (tags.length === 0) return 0;
    return this.connection.run(async (client) => {
      const members = new Set<string>();
      for (const tag of tags) for (const key of await client.sMembers(this.setKey(tag))) members.add(key);
      const doomed = [...members, ...tags.map((tag) => this.setKey(tag))];
      await client.unlink(doomed);
      return members.size;
    });
  }
}
