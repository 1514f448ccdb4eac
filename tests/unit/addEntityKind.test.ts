import { ENTITY_KINDS, type EntityKindTable } from '../../src/config/entityKinds';
import { createPurgeItemsParser } from '../../src/server/webhooks/parsePurgeItems';
import { memoryGatewayCache } from '../support/memoryCache';

/**
 * A kind added through the entity-kind table alone: podcasts read from a `podcasts` source, with their
 * own tags and freshness, and episode listings dropped whenever a podcast changes. Nothing else is
 * declared for it; tags, TTLs, key spaces and purges all follow from the row.
 */
const WITH_PODCASTS: EntityKindTable = {
  ...ENTITY_KINDS,
  podcast: {
    source: 'podcasts',
    keys: ['id', 'slug'],
    tag: 'podcast',
    cache: { ttlSeconds: 120, missTtlSeconds: 5, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0 },
    httpMaxAgeSeconds: 120,
    label: 'a podcast',
  },
  episodeList: {
    source: 'podcasts',
    keys: 'query',
    ownedBy: 'podcast',
    cache: { ttlSeconds: 30, missTtlSeconds: 5, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0 },
    httpMaxAgeSeconds: 30,
    label: 'a page of episodes',
  },
};

function setup() {
  let now = 1_000_000;
  const cache = memoryGatewayCache({ kinds: WITH_PODCASTS, sourceNames: { podcasts: 'pods' }, now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('an entity kind added through the table alone', () => {
  it('has its tags: per entity, per slug, coarse, and collapsing under the header limit', () => {
    const { cache } = setup();
    expect(cache.tags.kinds).toEqual(['post', 'author', 'topic', 'podcast']);
    expect(cache.tags.entity('podcast', '7')).toBe('podcast:7');
    expect(cache.tags.slug('podcast', 'the daily')).toBe('podcast-slug:the%20daily');
    expect(cache.tags.toPurge('podcast', '7', ['daily'])).toEqual(['podcast:7', 'podcast-slug:daily', 'podcast-list']);
    expect(cache.tags.kindOf('podcast-slug:daily')).toBe('podcast');
    const many = Array.from({ length: 40 }, (_, index) => `podcast:${index}`);
    expect(cache.tags.headers([...many, 'post:1'], 100)).toMatchObject({ tags: ['podcast-list', 'post:1'], collapsed: ['podcast'] });
  });

  it('keeps its own freshness and miss lifetime, in its own key space', async () => {
    const { cache, advance } = setup();
    const byId = cache.space('podcast', 'id');
    expect(byId.prefix).toBe('test:podcast:pods:');
    expect(byId.policy).toEqual({ ttlMs: 120_000, missTtlMs: 5_000, staleWhileRevalidateMs: 0, staleIfErrorMs: 0 });
    await cache.entities.setMany(byId, [{ key: '7', value: { id: '7', slug: 'daily' } }, { key: '8', value: null }]);
    expect((await cache.entities.getMany(byId, ['7', '8'])).map((lookup) => lookup?.freshness)).toEqual(['fresh', 'fresh']);
    advance(5_001);
    expect((await cache.entities.getMany(byId, ['7', '8'])).map((lookup) => lookup?.freshness)).toEqual(['fresh', undefined]);
    advance(115_000);
    expect(await cache.entities.getMany(byId, ['7'])).toEqual([undefined]);
  });

  it('is purged by the webhook body, with its slug, what it owns and the responses showing it', async () => {
    const { cache } = setup();
    const byId = cache.space('podcast', 'id');
    const bySlug = cache.space('podcast', 'slug');
    const episodes = cache.space('episodeList');
    const record = { id: '7', slug: 'daily' };
    await cache.entities.setMany(byId, [{ key: '7', value: record }]);
    await cache.entities.setMany(bySlug, [{ key: 'daily', value: record }]);
    await cache.entities.setMany(episodes, [{ key: '{"podcast":"7","page":1}', value: { items: [] } }]);
    await cache.responses?.set('podcast-page', { status: 200, headers: [], body: '{}', tags: ['podcast:7'], storedAt: 0 }, 60, cache.entities.mark());
    const otherPost = cache.space('post', 'id');
    await cache.entities.setMany(otherPost, [{ key: '1', value: { id: '1', slug: 'p' } }]);

    const parsed = createPurgeItemsParser(cache.tags.kinds)(Buffer.from(JSON.stringify({ type: 'podcast', id: 7 })));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const report = await cache.purge(parsed.items);

    expect(report.entities).toEqual([{ type: 'podcast', id: '7', slugs: ['daily'] }]);
    expect(report.tags).toEqual(['podcast-list', 'podcast-slug:daily', 'podcast:7']);
    expect(await cache.entities.getMany(byId, ['7'])).toEqual([undefined]);
    expect(await cache.entities.getMany(bySlug, ['daily'])).toEqual([undefined]);
    expect(await cache.entities.getMany(episodes, ['{"podcast":"7","page":1}'])).toEqual([undefined]);
    expect(await cache.responses?.get('podcast-page')).toBeUndefined();
    // Other kinds are untouched.
    expect((await cache.entities.getMany(otherPost, ['1']))[0]?.value).toEqual({ id: '1', slug: 'p' });
  });

  it('refuses a write read before the purge, under any of its keys', async () => {
    const { cache } = setup();
    const bySlug = cache.space('podcast', 'slug');
    const mark = cache.entities.mark();
    await cache.purge([{ type: 'podcast', id: '7' }]);
    await cache.entities.setMany(bySlug, [{ key: 'daily', value: { id: '7', slug: 'daily' } }], mark);
    expect(await cache.entities.getMany(bySlug, ['daily'])).toEqual([undefined]);
  });
});
