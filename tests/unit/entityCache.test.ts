import { EntityCache } from '../../src/cache/EntityCache';
import { DEFAULT_CACHE_POLICIES, toCachePolicies } from '../../src/cache/cachePolicies';
import { MemoryTier } from '../../src/cache/MemoryTier';
import { ResponseCache, responseSize } from '../../src/cache/ResponseCache';
import { TieredStore } from '../../src/cache/TieredStore';
import { loadConfig } from '../../src/config';
import { cachedBatch } from '../../src/loaders/cachedBatch';

const policy = DEFAULT_CACHE_POLICIES.post;

function setup(maxEntries = 1000) {
  let now = 1_000_000;
  const errors: unknown[] = [];
  const memory = new MemoryTier({ maxEntries });
  const cache = new EntityCache(new TieredStore(memory, undefined, { onError: (error) => errors.push(error) }, () => now), {
    policies: DEFAULT_CACHE_POLICIES,
    version: 'test',
    onError: (error) => errors.push(error),
    now: () => now,
  });
  return { cache, memory, errors, advance: (ms: number) => (now += ms) };
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
    const batch = cachedBatch({ cache, kind: 'post', scope: 's', fetch: source.fetch });
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
    const batch = cachedBatch({ cache, kind: 'post', scope: 's', fetch: source.fetch });
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
    const batch = cachedBatch({ cache, kind: 'post', scope: 's', fetch: source.fetch, onStale: (_kind, key) => stale.push(key) });
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
    const { cache } = setup();
    const source = upstream();
    const batch = cachedBatch({ cache, kind: 'post', scope: 's', fetch: source.fetch });
    source.holdAnswers(true);
    const inFlight = batch(['1']);
    await new Promise((resolve) => setImmediate(resolve));
    cache.notePurged([cache.key('post', 's', '1')], false);
    source.holdAnswers(false);
    await inFlight;
    await cache.settle();
    expect(await cache.getMany('post', 's', ['1'])).toEqual([undefined]);
  });

  it('applies TTL overrides from configuration', () => {
    const policies = toCachePolicies(loadConfig({ CACHE_TTL_POST_SECONDS: '5', CACHE_MISS_TTL_SECONDS: '2', CACHE_STALE_WHILE_REVALIDATE_SECONDS: '0' }).cache.kinds);
    expect(policies.post).toEqual({ ttlMs: 5000, missTtlMs: 2000, staleWhileRevalidateMs: 0, staleIfErrorMs: DEFAULT_CACHE_POLICIES.post.staleIfErrorMs });
    expect(policies.author.ttlMs).toBe(DEFAULT_CACHE_POLICIES.author.ttlMs);
    expect(policies.author.missTtlMs).toBe(2000);
  });
});

describe('in-process tier bound', () => {
  it('stays at its entry bound after 100,000 distinct keys', async () => {
    const { cache, memory } = setup(20_000);
    for (let start = 0; start < 100_000; start += 1000) {
      const entries = Array.from({ length: 1000 }, (_, offset) => ({ key: String(start + offset), value: { id: String(start + offset) } }));
      await cache.setMany('post', 's', entries);
      expect(memory.size).toBeLessThanOrEqual(20_000);
    }
    expect(memory.size).toBe(20_000);
    // The newest are kept, the oldest went.
    const [oldest, newest] = await cache.getMany('post', 's', ['0', '99999']);
    expect(oldest).toBeUndefined();
    expect(newest?.value).toEqual({ id: '99999' });
  });

  it('keeps whole responses within a byte bound', async () => {
    const memory = new MemoryTier({ maxBytes: 1_000_000, sizeOf: responseSize });
    const responses = new ResponseCache(new TieredStore(memory, undefined, { onError: () => undefined }), 'test');
    const body = 'x'.repeat(900);
    for (let index = 0; index < 100_000; index += 1) {
      await responses.set(`key-${index}`, { status: 200, headers: [['content-type', 'application/json']], body, tags: ['post:1'], storedAt: 0 }, 60, 0);
      if (index % 10_000 === 0) expect(memory.bytes).toBeLessThanOrEqual(1_000_000);
    }
    expect(memory.bytes).toBeLessThanOrEqual(1_000_000);
    expect(memory.bytes).toBeGreaterThan(900_000);
    expect((await responses.get('key-99999'))?.body).toBe(body);
    expect(await responses.get('key-0')).toBeUndefined();
  });
});

describe('EntityCache.freshFromMemory', () => {
  function counted() {
    let now = 1_000_000;
    const lookups: string[] = [];
    const cache = new EntityCache(
      new TieredStore(new MemoryTier({ maxEntries: 100 }), undefined, { onError: () => {}, onLookup: (tier, label, hits, misses) => lookups.push(`${tier}:${label}:${hits}:${misses}`) }, () => now),
      { policies: DEFAULT_CACHE_POLICIES, version: 'test', onError: () => {}, now: () => now },
    );
    return { cache, lookups, advance: (ms: number) => (now += ms) };
  }

  it('answers at once, counting the hits, only when every key is fresh in memory', async () => {
    const { cache, lookups, advance } = counted();
    await cache.setMany('post', 'src', [{ key: 'a', value: { id: 'a' } }, { key: 'b', value: null }]);
    expect(cache.freshFromMemory('post', 'src', ['a', 'b'])).toEqual([{ id: 'a' }, null]);
    expect(lookups).toEqual(['memory:post:2:0']);
    // One key absent, or one no longer fresh: nothing answered and nothing counted, so getMany counts once.
    expect(cache.freshFromMemory('post', 'src', ['a', 'c'])).toBeUndefined();
    advance(policy.missTtlMs + 1);
    expect(cache.freshFromMemory('post', 'src', ['a', 'b'])).toBeUndefined();
    advance(policy.ttlMs);
    expect(cache.freshFromMemory('post', 'src', ['a'])).toBeUndefined();
    expect(lookups).toEqual(['memory:post:2:0']);
  });

  it('keeps cachedBatch\'s answers the same whichever way they are found', async () => {
    const { cache } = counted();
    const calls: string[][] = [];
    const batch = cachedBatch<{ id: string }>({ cache, kind: 'post', scope: 'src', fetch: async (keys) => (calls.push(keys), keys.map((key) => (key === 'gone' ? null : { id: key }))) });
    const cold = await batch(['a', 'gone']);
    await cache.settle();
    const warm = await batch(['a', 'gone']);
    expect(warm).toEqual(cold);
    expect(calls).toEqual([['a', 'gone']]);
  });
});
