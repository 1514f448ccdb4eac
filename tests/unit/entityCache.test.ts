import Keyv from 'keyv';
import { EntityCache } from '../../src/cache/EntityCache';
import { DEFAULT_CACHE_POLICIES, type CachePolicies } from '../../src/cache/cachePolicies';
import { createMemoryStore } from '../../src/cache/createMemoryStore';
import { cachedBatch } from '../../src/loaders/cachedBatch';

const policies: CachePolicies = {
  ...DEFAULT_CACHE_POLICIES,
  author: { ttlMs: 1_000, missTtlMs: 100, staleIfErrorMs: 5_000 },
};

/** An EntityCache over the real in-process store, with a clock the test moves. */
function cacheWithClock() {
  let now = 1_000_000;
  const errors: unknown[] = [];
  const lookups: { hits: number; misses: number }[] = [];
  const { keyv } = createMemoryStore(100, (error) => errors.push(error));
  const cache = new EntityCache(keyv, {
    policies,
    version: 'test',
    onError: (error) => errors.push(error),
    onLookup: (_kind, hits, misses) => lookups.push({ hits, misses }),
    now: () => now,
  });
  return { cache, errors, lookups, advance: (ms: number) => (now += ms) };
}

/** A Keyv whose store fails every call, like an unreachable Redis. */
function brokenCache() {
  const errors: unknown[] = [];
  const failing = {
    get: async () => {
      throw new Error('store down');
    },
    set: async () => {
      throw new Error('store down');
    },
    delete: async () => {
      throw new Error('store down');
    },
    clear: async () => {},
  };
  const keyv = new Keyv({ store: failing as never });
  // As createMemoryStore and a Redis tier do: Keyv reports some store failures as events, not throws.
  keyv.on('error', (error) => errors.push(error));
  return { cache: new EntityCache(keyv, { policies, version: 'test', onError: (error) => errors.push(error) }), errors };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('EntityCache', () => {
  it('answers fresh within the TTL, stale after it, and nothing once the stale window is over', async () => {
    const { cache, advance, lookups } = cacheWithClock();
    await cache.setMany('author', 'wp', [{ key: '3', value: { name: 'Saif' } }]);
    expect(await cache.getMany('author', 'wp', ['3', '4'])).toEqual([{ value: { name: 'Saif' }, stale: false }, undefined]);
    expect(lookups).toEqual([{ hits: 1, misses: 1 }]);
    advance(1_000);
    expect(await cache.getMany('author', 'wp', ['3'])).toEqual([{ value: { name: 'Saif' }, stale: true }]);
    advance(5_000);
    expect(await cache.getMany('author', 'wp', ['3'])).toEqual([undefined]);
  });

  it('keeps sources apart by scope and versions apart by prefix', async () => {
    const { cache } = cacheWithClock();
    await cache.setMany('author', 'wp', [{ key: '3', value: 'from wordpress' }]);
    expect(await cache.getMany('author', 'authors-service', ['3'])).toEqual([undefined]);
    expect(cache.key('author', 'wp', '3')).toBe('test:author:wp:3');
  });

  it('remembers a miss as null for the short miss TTL, and never serves it stale', async () => {
    const { cache, advance } = cacheWithClock();
    await cache.setMany('author', 'wp', [{ key: 'gone', value: null }]);
    expect(await cache.getMany('author', 'wp', ['gone'])).toEqual([{ value: null, stale: false }]);
    advance(100);
    expect(await cache.getMany('author', 'wp', ['gone'])).toEqual([undefined]);
  });

  it('treats a failing store as a miss, reporting the error instead of throwing', async () => {
    const { cache, errors } = brokenCache();
    expect(await cache.getMany('author', 'wp', ['3'])).toEqual([undefined]);
    await expect(cache.setMany('author', 'wp', [{ key: '3', value: 'x' }])).resolves.toBeUndefined();
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });
});

describe('cachedBatch', () => {
  const author = (id: string) => ({ id, name: `Author ${id}` });

  it('skips the upstream for fresh hits and asks for the rest in one call', async () => {
    const { cache } = cacheWithClock();
    const calls: string[][] = [];
    const batch = cachedBatch({ cache, kind: 'author', scope: 'wp', fetch: async (keys) => (calls.push(keys), keys.map((key) => (key === 'none' ? null : author(key)))) });
    expect(await batch(['1', '2'])).toEqual([author('1'), author('2')]);
    await settle();
    expect(await batch(['1', '2', '3', 'none'])).toEqual([author('1'), author('2'), author('3'), null]);
    await settle();
    expect(await batch(['none', '3'])).toEqual([null, author('3')]);
    expect(calls).toEqual([['1', '2'], ['3', 'none']]);
  });

  it('refreshes stale entries from the upstream when it answers', async () => {
    const { cache, advance } = cacheWithClock();
    let version = 1;
    const batch = cachedBatch({ cache, kind: 'author', scope: 'wp', fetch: async (keys) => keys.map((id) => ({ id, version })) });
    await batch(['1']);
    await settle();
    advance(1_500);
    version = 2;
    const stale: string[] = [];
    const refreshed = cachedBatch({ cache, kind: 'author', scope: 'wp', onStale: (_kind, key) => stale.push(key), fetch: async (keys) => keys.map((id) => ({ id, version })) });
    expect(await refreshed(['1'])).toEqual([{ id: '1', version: 2 }]);
    expect(stale).toEqual([]);
  });

  it('serves stale values when the upstream fails, reports them, and fails only keys it has nothing for', async () => {
    const { cache, advance } = cacheWithClock();
    await cachedBatch({ cache, kind: 'author', scope: 'wp', fetch: async (keys) => keys.map(author) })(['1']);
    await settle();
    advance(1_500);
    const stale: string[] = [];
    const failure = new Error('authors down');
    const batch = cachedBatch({
      cache,
      kind: 'author',
      scope: 'wp',
      onStale: (kind, key) => stale.push(`${kind}:${key}`),
      fetch: async () => {
        throw failure;
      },
    });
    expect(await batch(['1', '2'])).toEqual([author('1'), failure]);
    expect(stale).toEqual(['author:1']);
  });

  it('fails once the stale window has passed too', async () => {
    const { cache, advance } = cacheWithClock();
    await cachedBatch({ cache, kind: 'author', scope: 'wp', fetch: async (keys) => keys.map(author) })(['1']);
    await settle();
    advance(1_000 + 5_000 + 1);
    const failure = new Error('authors down');
    const batch = cachedBatch({ cache, kind: 'author', scope: 'wp', fetch: async () => Promise.reject(failure) });
    expect(await batch(['1'])).toEqual([failure]);
  });

  it('goes to the upstream when the cache itself fails', async () => {
    const { cache } = brokenCache();
    let calls = 0;
    const batch = cachedBatch({ cache, kind: 'author', scope: 'wp', fetch: async (keys) => (calls++, keys.map(author)) });
    expect(await batch(['1'])).toEqual([author('1')]);
    await settle();
    expect(await batch(['1'])).toEqual([author('1')]);
    expect(calls).toBe(2);
  });
});
