import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import type { RedisConnection } from './RedisConnection';
import { WRITE_UNLESS_PURGED } from './redisScripts';
import type { SharedGenerations } from './SharedGenerations';

export interface RemoteEntry<T> {
  value: T;
  /** Epoch milliseconds; lets the in-process tier keep a copy exactly as long as Redis does. */
  expires: number | undefined;
}

/** An entry for `writeUnlessPurged`: what it depends on, and the index sets it joins (member absent: the entry's own key). */
export interface SharedWrite {
  key: string;
  value: unknown;
  ttlMs: number;
  dependsOn: readonly string[];
  indexes: readonly { setKey: string; member?: string; ttlMs: number }[];
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

  /**
   * Writes the entries none of whose dependencies was purged after `mark` (a shared generation), each
   * with its index sets, in one atomic step; stored as Keyv stores them, so `getMany` reads them back.
   */
  async writeUnlessPurged(entries: readonly SharedWrite[], mark: number, generations: SharedGenerations): Promise<number> {
    const keys = [generations.counterKey];
    const args = [String(mark), String(entries.length)];
    const expiresFrom = Date.now();
    for (const entry of entries) {
      const serialized = await (this.keyv.serialize ?? JSON.stringify)({ value: entry.value, expires: expiresFrom + entry.ttlMs });
      keys.push(this.redisKey(entry.key), ...entry.dependsOn.map((name) => generations.stampKey(name)), ...entry.indexes.map((index) => index.setKey));
      args.push(serialized, String(Math.max(1, Math.ceil(entry.ttlMs))), String(entry.dependsOn.length), String(entry.indexes.length));
      for (const index of entry.indexes) args.push(index.member ?? '', String(Math.max(1, Math.ceil(index.ttlMs))));
    }
    const [counter, written] = (await this.connection.run((client) => WRITE_UNLESS_PURGED.run(client, keys, args))) as [number, number];
    generations.seen(Number(counter), mark);
    return Number(written);
  }

  async setMembers(setKeys: string[]): Promise<string[][]> {
    return this.connection.run(async (client) => {
      const multi = client.multi();
      for (const setKey of setKeys) multi.sMembers(setKey);
      return (await multi.exec()) as unknown as string[][];
    });
  }

  async deleteMany(keys: string[]): Promise<void> {
    await this.connection.run(() => this.keyv.deleteMany(keys));
  }
}
