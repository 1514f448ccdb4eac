import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import type { RedisConnection } from './RedisConnection';

export interface RemoteEntry<T> {
  value: T;
  /** Epoch milliseconds; lets the in-process tier keep a copy exactly as long as Redis does. */
  expires: number | undefined;
}

/**
 * One key space in the shared Redis (entities, responses, persisted queries), through Keyv and
 * @keyv/redis over the shared connection. Every call goes through the connection's timeout and breaker
 * and throws on trouble; the tiered store above turns that into a miss.
 */
export class RedisTier {
  private readonly keyv: Keyv;
  private readonly adapter: KeyvRedis<unknown>;

  constructor(
    private readonly connection: RedisConnection,
    readonly namespace: string,
  ) {
    this.adapter = new KeyvRedis(connection.client, { namespace, throwOnErrors: true, throwOnConnectError: true });
    this.keyv = new Keyv(this.adapter, { namespace, useKeyPrefix: false, throwOnErrors: true });
    // The connection reports outages once; per-call errors surface as rejections.
    this.keyv.on('error', () => undefined);
  }

  /** The key as Redis sees it, for indexes that point at entries. */
  redisKey(key: string): string {
    return this.adapter.createKeyPrefix(key, this.namespace);
  }

  async getMany<T>(keys: string[]): Promise<(RemoteEntry<T> | undefined)[]> {
    const rows = await this.connection.run(() => this.keyv.getManyRaw<T>(keys));
    return rows.map((row) => (row ? { value: row.value as T, expires: typeof row.expires === 'number' ? row.expires : undefined } : undefined));
  }

  async setMany(entries: { key: string; value: unknown; ttlMs: number }[]): Promise<void> {
    await this.connection.run(() => this.keyv.setMany(entries.map(({ key, value, ttlMs }) => ({ key, value, ttl: ttlMs }))));
  }

  async deleteMany(keys: string[]): Promise<void> {
    await this.connection.run(() => this.keyv.deleteMany(keys));
  }
}
