import type { TieredStore } from './TieredStore';

/** Apollo's persisted-query TTL is in seconds and may be null (keep as long as the store allows). */
const DEFAULT_TTL_SECONDS = 24 * 60 * 60;

/**
 * Apollo's KeyValueCache over the tiered store, so a query registered through Automatic Persisted
 * Queries on one instance is known to all of them, and a CDN can cache `GET ?extensions=…` URLs.
 * (Apollo's Keyv adapter would bypass the tiers' timeout and breaker.)
 */
export class PersistedQueryCache {
  constructor(
    private readonly store: TieredStore,
    private readonly version: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const entry = await this.store.get<{ query?: unknown }>(`${this.version}:${key}`, 'apq');
    return typeof entry?.query === 'string' ? entry.query : undefined;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttlSeconds = options?.ttl ?? DEFAULT_TTL_SECONDS;
    await this.store.setMany([{ key: `${this.version}:${key}`, value: { query: value }, ttlMs: ttlSeconds * 1000 }]);
  }

  async delete(key: string): Promise<boolean | void> {
    await this.store.deleteMany([`${this.version}:${key}`]);
  }

  /** Resolves when shared-tier writes started so far have landed. */
  settle(): Promise<void> {
    return this.store.settle();
  }
}
