import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { countingSources } from '../support/countingSources';
import { DedicatedRedis } from '../support/dedicatedRedis';
import { describeWithRedis, keysWithPrefix, uniqueKeyPrefix, waitUntilReady } from '../support/redis';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

/**
 * Redis trouble never fails a request. This test stops, freezes and restarts a redis-server of its own
 * (never the machine's shared one).
 */
describeWithRedis('Redis going away and coming back', () => {
  const prefix = uniqueKeyPrefix('outage');
  let redis: DedicatedRedis;
  let gateway: TestGateway;
  let slugs: string[];

  beforeAll(async () => {
    redis = await DedicatedRedis.start();
    gateway = await startTestGateway({ env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, REDIS_COMMAND_TIMEOUT_MS: '100' } });
    await waitUntilReady(gateway.url);
    const page = await demoSources().posts.listPosts({ filter: {}, offset: 0, limit: 90 });
    slugs = page.items.map((item) => item.slug);
  });
  afterAll(async () => {
    await gateway?.close();
    await redis?.stop();
  });

  const article = (slug: string) => gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
  const expectServed = (response: Awaited<ReturnType<typeof article>>, slug: string) => {
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.post?.slug).toBe(slug);
  };
  const readiness = async () => {
    const response = await fetch(`${gateway.baseUrl}/readyz`);
    return { status: response.status, body: (await response.json()) as { failing: string[]; degraded: string[] } };
  };

  it('serves every request of a run while Redis is stopped in the middle, then uses it again once it is back', async () => {
    // Distinct articles, so every request needs the caches and the upstream, not the response cache.
    for (const slug of slugs.slice(0, 10)) expectServed(await article(slug), slug);
    await gateway.gateway.settle();
    expect((await keysWithPrefix(redis.url, prefix)).length).toBeGreaterThan(0);

    await redis.stop();
    for (const slug of slugs.slice(10, 30)) expectServed(await article(slug), slug);
    // Already-cached articles still come from the in-process tier.
    for (const slug of slugs.slice(0, 5)) expectServed(await article(slug), slug);
    // Degraded, not unready: every instance shares this Redis, and a 503 on all of them would empty the pool.
    const degraded = await waitFor(async () => {
      const seen = await readiness();
      return seen.body.degraded.length === 2 && seen;
    }, { description: 'the readiness to name Redis and the purge channel' });
    expect(degraded).toEqual({ status: 200, body: expect.objectContaining({ status: 'degraded', failing: [], degraded: ['redis', 'purge-channel'] }) });

    // A fresh, empty Redis on the same port: the gateway reconnects by itself and writes to it again.
    await redis.start();
    await waitUntilReady(gateway.url);
    expect((await keysWithPrefix(redis.url, prefix)).length).toBe(0);
    for (const slug of slugs.slice(30, 35)) expectServed(await article(slug), slug);
    await gateway.gateway.settle();
    const keys = await keysWithPrefix(redis.url, prefix);
    expect(keys.length).toBeGreaterThan(0);

    // And reads from it: another instance on the same Redis answers those articles with no upstream call.
    const counted = countingSources(demoSources());
    const other = await startTestGateway({ sources: counted.sources, env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix } });
    try {
      await waitUntilReady(other.url);
      const response = await other.query<ArticlePageQuery>(ArticlePageDocument, { slug: slugs[30] });
      expect(response.body.data?.post?.slug).toBe(slugs[30]);
      expect(counted.count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('serves every request while Redis hangs (no answers at all), and recovers when it answers again', async () => {
    redis.pause();
    try {
      for (const slug of slugs.slice(40, 60)) expectServed(await article(slug), slug);
      // Degraded but in rotation; the purge channel is noticed lost by its missing echo, not by an error.
      expect(await waitFor(async () => {
        const seen = await readiness();
        return seen.body.degraded.length === 2 && seen;
      }, { description: 'the readiness to name Redis and the purge channel' })).toEqual({ status: 200, body: expect.objectContaining({ status: 'degraded', degraded: ['redis', 'purge-channel'] }) });
    } finally {
      redis.resume();
    }
    await waitUntilReady(gateway.url);
    for (const slug of slugs.slice(60, 63)) expectServed(await article(slug), slug);
    await gateway.gateway.settle();
    const keys = await keysWithPrefix(redis.url, prefix);
    expect(keys.some((key) => key.includes(slugs[61] as string))).toBe(true);
  });
});
