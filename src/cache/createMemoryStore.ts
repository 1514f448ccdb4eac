import Keyv from 'keyv';
import { LRUCache } from 'lru-cache';

/**
 * The Map-like face Keyv expects. Keyv passes a TTL in milliseconds as a third argument to `set`, while
 * lru-cache takes an options object there; this adapter translates, so the LRU also drops expired entries
 * on its own.
 */
class LruMapAdapter {
  constructor(readonly lru: LRUCache<string, object>) {}
  get(key: string): object | undefined {
    return this.lru.get(key);
  }
  set(key: string, value: object, ttlMs?: number): this {
    this.lru.set(key, value, typeof ttlMs === 'number' && ttlMs > 0 ? { ttl: ttlMs } : undefined);
    return this;
  }
  delete(key: string): boolean {
    return this.lru.delete(key);
  }
  has(key: string): boolean {
    return this.lru.has(key);
  }
  clear(): void {
    this.lru.clear();
  }
  keys(): IterableIterator<string> {
    return this.lru.keys();
  }
}

/**
 * The in-process tier: a Keyv over an LRU with a hard entry bound, so memory stays flat however many
 * distinct articles are read. Values are kept as objects (no JSON round trip); records are never mutated.
 */
export function createMemoryStore(maxEntries: number, onError: (error: unknown) => void): { keyv: Keyv; lru: LRUCache<string, object> } {
  const lru = new LRUCache<string, object>({ max: maxEntries });
  const keyv = new Keyv({ store: new LruMapAdapter(lru), namespace: 'gw', serialize: undefined, deserialize: undefined });
  keyv.on('error', onError);
  return { keyv, lru };
}
