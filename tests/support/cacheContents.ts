import { createClient } from '@keyv/redis';
import type { Gateway } from '../../src/wiring/createGateway';
import { keysWithPrefix } from './redis';

/** Every entry of the gateway's in-process tiers (entities and responses), as JSON text with its key. */
export function inProcessEntries(gateway: Gateway): { key: string; text: string }[] {
  const entries: { key: string; text: string }[] = [];
  // The tiers offer a scan only as a purge by predicate; one that keeps everything reads them.
  const read = (key: string, value: object) => {
    entries.push({ key, text: JSON.stringify(value) });
    return false;
  };
  gateway.cache.entities.store.memory.deleteWhere(read);
  gateway.cache.responses?.store.memory.deleteWhere(read);
  return entries;
}

/** Every key under `prefix` in Redis with what it holds, whatever its type, as text. */
export async function redisEntries(url: string, prefix: string): Promise<{ key: string; text: string }[]> {
  const keys = await keysWithPrefix(url, prefix);
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const entries: { key: string; text: string }[] = [];
    for (const key of keys) {
      const type = await client.type(key);
      let value: unknown;
      if (type === 'string') value = await client.get(key);
      else if (type === 'set') value = await client.sMembers(key);
      else if (type === 'hash') value = await client.hGetAll(key);
      else if (type === 'list') value = await client.lRange(key, 0, -1);
      else if (type === 'zset') value = await client.zRange(key, 0, -1);
      else if (type === 'none') continue; // expired between the scan and the read
      else throw new Error(`Redis key ${key} has a type this scan does not read: ${type}`);
      entries.push({ key, text: typeof value === 'string' ? value : JSON.stringify(value) });
    }
    return entries;
  } finally {
    client.destroy();
  }
}
