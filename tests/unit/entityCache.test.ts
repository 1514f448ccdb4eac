import { TAGS } from '../../src/cache/cacheTags';
import { EntityCache } from '../../src/cache/EntityCache';
import { KeySpaces, toMilliseconds } from '../../src/cache/KeySpaces';
import { MemoryTier } from '../../src/cache/MemoryTier';
import { PurgeLedger } from '../../src/cache/PurgeLedger';
import { ResponseCache, responseSize } from '../../src/cache/ResponseCache';
import { TieredStore } from '../../src/cache/TieredStore';
import { loadConfig } from '../../src/config';
import { ENTITY_KINDS } from '../../src/config/entityKinds';
import { cachedBatch } from '../../src/loaders/cachedBatch';
import { memoryGatewayCache } from '../support/memoryCache';

const policy = toMilliseconds(ENTITY_KINDS.post.cache);

/** Posts by id, from a source named `name`. */
function postSpace(name: string) {
  return new KeySpaces({ kinds: ENTITY_KINDS, tags: TAGS, policies: {}, sourceNames: { posts: name, authors: name, topics: name, related: name }, version: 'test' }).get('post', 'id');
}
const space = postSpace('s');

function setup(maxEntries = 1000) {
  let now = 1_000_000;
  const errors: unknown[] = [];
  const memory = new MemoryTier({ maxEntries });
  const ledger = new PurgeLedger(() => now);
  const cache = new EntityCache(new TieredStore(memory, undefined, { onError: (error) => errors.push(error) }, ledger), ledger, (error) => errors.push(error));
  return { cache, memory, errors, ledger, advance: (ms: number) => (now += ms) };
}

/** An upstream whose answers and failures the test controls, counting calls. */
function upstream() {
  const calls: string[][] = [];
  let version = 1;
  let failing = false;
  const pending: (() => void)[] = [];
  let hold = false;
  return {
    calls,
    setVersion: (next: number) => (version = next),
    setFailing: (next: boolean) => (failing = next),
    holdAnswers: (next: boolean) => {
      hold = next;
      if (!next) pending.splice(0).forEach((release) => release());
    },
    fetch: async (keys: string[]) => {
      calls.push(keys);
      if (hold) await new Promise<void>((resolve) => pending.push(resolve));
      if (failing) throw new Error('upstream down');
      return keys.map((key) => ({ id: key, title: `${key} v${version}` }));
    },
  };
}

describe('entity cache freshness', () => {
  it('serves a merely old value at once and refreshes it once in the background, however many requests see it', async () => {
    const { cache, advance } = setup();
    const source = upstream();
    const batch = cachedBatch({ cache, space, fetch: source.fetch });
    expect(await batch(['1'])).toEqual([{ id: '1', title: '1 v1' }]);
    await cache.settle();
    expect(source.calls).toHaveLength(1);

    advance(policy.ttlMs + 1);
    source.setVersion(2);
    source.holdAnswers(true);
    // Three concurrent requests (three loaders' batches) during one slow refresh.
    const answers = await Promise.all([batch(['1']), batch(['1']), batch(['1'])]);
    expect(answers).toEqual([[{ id: '1', title: '1 v1' }], [{ id: '1', title: '1 v1' }], [{ id: '1', title: '1 v1' }]]);
    expect(source.calls).toHaveLength(2);
    source.holdAnswers(false);
    await cache.settle();
    expect(await batch(['1'])).toEqual([{ id: '1', title: '1 v2' }]);
    expect(source.calls).toHaveLength(2);
  });

  it('keeps the old value when the background refresh fails', async () => {
    const { cache, advance, errors } = setup();
    const source = upstream();
    const batch = cachedBatch({ cache, space, fetch: source.fetch });
    await batch(['1']);
    await cache.settle();
    advance(policy.ttlMs + 1);
    source.setFailing(true);
    expect(await batch(['1'])).toEqual([{ id: '1', title: '1 v1' }]);
    await cache.settle();
    expect(errors).toHaveLength(1);
    expect(await batch(['1'])).toEqual([{ id: '1', title: '1 v1' }]);
  });

  it('past the revalidate window asks the upstream, and serves the stale value only if it fails (stale-if-error)', async () => {
    const { cache, advance } = setup();
    const source = upstream();
    const stale: string[] = [];
    const batch = cachedBatch({ cache, space, fetch: source.fetch, onStale: (_kind, key) => stale.push(key) });
    await batch(['1']);
    await cache.settle();
    advance(policy.ttlMs + policy.staleWhileRevalidateMs + 1);
    source.setFailing(true);
    const [answer, unknown] = await batch(['1', '2']);
    expect(answer).toEqual({ id: '1', title: '1 v1' });
    expect(unknown).toBeInstanceOf(Error);
    expect(stale).toEqual(['1']);

    source.setFailing(false);
    source.setVersion(3);
    expect(await batch(['1'])).toEqual([{ id: '1', title: '1 v3' }]);
  });

  it('does not write back a value fetched before a purge of its key', async () => {
    const { cache, ledger } = setup();
    const source = upstream();
    const batch = cachedBatch({ cache, space, fetch: source.fetch });
    source.holdAnswers(true);
    const inFlight = batch(['1']);
    await new Promise((resolve) => setImmediate(resolve));
    ledger.advance([TAGS.entity('post', '1')]);
    source.holdAnswers(false);
    await inFlight;
    await cache.settle();
    expect(await cache.getMany(space, ['1'])).toEqual([undefined]);
  });

  it('applies TTL overrides from configuration', () => {
    const cache = memoryGatewayCache({ policies: loadConfig({ CACHE_TTL_POST_SECONDS: '5', CACHE_MISS_TTL_SECONDS: '2', CACHE_STALE_WHILE_REVALIDATE_SECONDS: '0' }).cache.kinds });
    const defaults = { post: toMilliseconds(ENTITY_KINDS.post.cache), author: toMilliseconds(ENTITY_KINDS.author.cache) };
    expect(cache.space('post').policy).toEqual({ ttlMs: 5000, missTtlMs: 2000, staleWhileRevalidateMs: 0, staleIfErrorMs: defaults.post.staleIfErrorMs });
    expect(cache.space('author').policy.ttlMs).toBe(defaults.author.ttlMs);
    expect(cache.space('author').policy.missTtlMs).toBe(2000);
  });
});

describe('in-process tier bound', () => {
  it('stays at its entry bound after 100,000 distinct keys', async () => {
    const { cache, memory } = setup(20_000);
    for (let start = 0; start < 100_000; start += 1000) {
      const entries = Array.from({ length: 1000 }, (_, offset) => ({ key: String(start + offset), value: { id: String(start + offset) } }));
      await cache.setMany(space, entries);
      expect(memory.size).toBeLessThanOrEqual(20_000);
    }
    expect(memory.size).toBe(20_000);
    // The newest are kept, the oldest went.
    const [oldest, newest] = await cache.getMany(space, ['0', '99999']);
    expect(oldest).toBeUndefined();
    expect(newest?.value).toEqual({ id: '99999' });
  });

  it('keeps whole responses within a byte bound', async () => {
    const memory = new MemoryTier({ maxBytes: 1_000_000, sizeOf: responseSize });
    const ledger = new PurgeLedger();
    const responses = new ResponseCache(new TieredStore(memory, undefined, { onError: () => undefined }, ledger), 'test', ledger);
    const body = 'x'.repeat(900);
    for (let index = 0; index < 100_000; index += 1) {
      await responses.set(`key-${index}`, { status: 200, headers: [['content-type', 'application/json']], body, tags: ['post:1'], storedAt: 0 }, 60, ledger.mark());
      if (index % 10_000 === 0) expect(memory.bytes).toBeLessThanOrEqual(1_000_000);
    }
    expect(memory.bytes).toBeLessThanOrEqual(1_000_000);
    expect(memory.bytes).toBeGreaterThan(900_000);
    expect((await responses.get('key-99999'))?.body).toBe(body);
    expect(await responses.get('key-0')).toBeUndefined();
  });
});

describe('EntityCache.freshFromMemory', () => {
  const spaceSrc = postSpace('src');
  function counted() {
    let now = 1_000_000;
    const lookups: string[] = [];
    const ledger = new PurgeLedger(() => now);
    const cache = new EntityCache(
      new TieredStore(new MemoryTier({ maxEntries: 100 }), undefined, { onError: () => {}, onLookup: (tier, label, hits, misses) => lookups.push(`${tier}:${label}:${hits}:${misses}`) }, ledger),
      ledger,
      () => {},
    );
    return { cache, lookups, advance: (ms: number) => (now += ms) };
  }

  it('answers at once, counting the hits, only when every key is fresh in memory', async () => {
    const { cache, lookups, advance } = counted();
    await cache.setMany(spaceSrc, [{ key: 'a', value: { id: 'a' } }, { key: 'b', value: null }]);
    expect(cache.freshFromMemory(spaceSrc, ['a', 'b'])).toEqual([{ id: 'a' }, null]);
    expect(lookups).toEqual(['memory:post:2:0']);
    // One key absent, or one no longer fresh: nothing answered and nothing counted, so getMany counts once.
    expect(cache.freshFromMemory(spaceSrc, ['a', 'c'])).toBeUndefined();
    advance(policy.missTtlMs + 1);
    expect(cache.freshFromMemory(spaceSrc, ['a', 'b'])).toBeUndefined();
    advance(policy.ttlMs);
    expect(cache.freshFromMemory(spaceSrc, ['a'])).toBeUndefined();
    expect(lookups).toEqual(['memory:post:2:0']);
  });

  it('keeps cachedBatch\'s answers the same whichever way they are found', async () => {
    const { cache } = counted();
    const calls: string[][] = [];
    const batch = cachedBatch<{ id: string }>({ cache, space: spaceSrc, fetch: async (keys) => (calls.push(keys), keys.map((key) => (key === 'gone' ? null : { id: key }))) });
    const cold = await batch(['a', 'gone']);
    await cache.settle();
    const warm = await batch(['a', 'gone']);
    expect(warm).toEqual(cold);
    expect(calls).toEqual([['a', 'gone']]);
  });
});
