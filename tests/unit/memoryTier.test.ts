import { MemoryTier } from '../../src/cache/MemoryTier';
import { entitySize } from '../../src/cache/EntityCache';
import { loadConfig } from '../../src/config';

const record = (id: number, bodyLength: number) => ({ id: String(id), body: 'x'.repeat(bodyLength) });

describe('the in-process tier bound in entries and bytes', () => {
  it('evicts the least recently used entries when the bytes are reached before the entry count', () => {
    const tier = new MemoryTier({ maxEntries: 1_000, maxBytes: 10_000, sizeOf: entitySize });
    for (let id = 0; id < 10; id += 1) tier.set(`post:${id}`, record(id, 2_000), 60_000);
    expect(tier.bytes).toBeLessThanOrEqual(10_000);
    expect(tier.size).toBe(4);
    expect(tier.get('post:9')).toEqual(record(9, 2_000));
    expect(tier.get('post:0')).toBeUndefined();
  });

  it('evicts by entry count when small entries reach it first', () => {
    const tier = new MemoryTier({ maxEntries: 3, maxBytes: 1_000_000, sizeOf: entitySize });
    for (let id = 0; id < 10; id += 1) tier.set(`post:${id}`, record(id, 10), 60_000);
    expect(tier.size).toBe(3);
    expect(tier.get('post:7')).toBeDefined();
    expect(tier.get('post:6')).toBeUndefined();
  });

  it('does not keep an entry larger than the whole tier, and keeps the others', () => {
    const tier = new MemoryTier({ maxEntries: 100, maxBytes: 5_000, sizeOf: entitySize });
    tier.set('small', record(1, 100), 60_000);
    tier.set('huge', record(2, 50_000), 60_000);
    expect(tier.get('huge')).toBeUndefined();
    expect(tier.get('small')).toBeDefined();
  });

  it('counts an entry by its JSON length', () => {
    const value = record(1, 1_000);
    expect(entitySize(value)).toBe(JSON.stringify(value).length + 64);
  });

  it('reads CACHE_MAX_BYTES, defaults to 64 MiB and refuses nonsense naming the variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).cache.maxBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ NODE_ENV: 'test', CACHE_MAX_BYTES: '2000000' }).cache.maxBytes).toBe(2_000_000);
    expect(() => loadConfig({ NODE_ENV: 'test', CACHE_MAX_BYTES: 'lots' })).toThrow(/CACHE_MAX_BYTES/);
  });
});
