import { DedicatedRedis } from '../support/dedicatedRedis';
import { TEST_WEBHOOK_SECRET } from '../support/fixtures';
import { HeldNewsroom } from '../support/heldNewsroom';
import { describeWithRedis, waitUntilReady } from '../support/redis';
import { sendContentChanged } from '../support/signedWebhook';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

const TITLE = `query PostTitle($slug: String!) { post(slug: $slug) { id title } }`;
const MAX_AGE_SECONDS = 2;

/**
 * Lost purge 4 (issue 13): while Redis is away, a purge reaches only the instance it was sent to (503),
 * and the others cannot hear it. Their in-process entries then live at most
 * PURGE_CHANNEL_DOWN_MAX_AGE_SECONDS, so the edit shows everywhere within that bound, however long the
 * outage; /readyz says `degraded` but keeps every instance in rotation.
 */
describeWithRedis('purges while the purge channel is down', () => {
  const newsroom = new HeldNewsroom();
  let redis: DedicatedRedis;
  let a: TestGateway;
  let b: TestGateway;
  let posts: { id: string; slug: string }[];

  beforeAll(async () => {
    redis = await DedicatedRedis.start();
    const env = { REDIS_URL: redis.url, WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, PURGE_CHANNEL_DOWN_MAX_AGE_SECONDS: String(MAX_AGE_SECONDS) };
    [a, b] = await Promise.all([startTestGateway({ sources: newsroom.sources, env }), startTestGateway({ sources: newsroom.sources, env })]);
    await Promise.all([waitUntilReady(a.url), waitUntilReady(b.url)]);
    posts = (await demoSources().posts.listPosts({ filter: {}, offset: 0, limit: 3 })).items.map((item) => ({ id: item.id, slug: item.slug }));
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  const titleOn = async (instance: TestGateway, slug: string) => (await instance.query<{ post: { title: string } | null }>(TITLE, { slug })).body.data?.post?.title;
  const readiness = async (instance: TestGateway) => {
    const response = await fetch(`${instance.baseUrl}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string; degraded: string[] } };
  };

  it.each([
    ['stopped', () => redis.stop(), () => redis.start()],
    ['paused (connections open, nothing answers)', async () => redis.pause(), async () => redis.resume()],
  ])('bounds every instance’s stale copies while Redis is %s, and is whole again once it is back', async (_how, takeAway, giveBack) => {
    const post = posts.shift() as { id: string; slug: string };
    const original = await titleOn(a, post.slug);
    expect(await titleOn(b, post.slug)).toBe(original);
    await Promise.all([a.gateway.settle(), b.gateway.settle()]);

    await takeAway();
    try {
      newsroom.editPost(post.id, { title: `edited during the outage (${_how})` });
      const purge = await sendContentChanged(a.baseUrl, { type: 'post', id: post.id });
      expect(purge.status).toBe(503);
      // The instance that got the webhook purged itself at once.
      expect(await titleOn(a, post.slug)).toBe(`edited during the outage (${_how})`);
      // The other one could not hear it: it learns within the bound, not when Redis returns.
      await waitFor(async () => (await titleOn(b, post.slug)) === `edited during the outage (${_how})`, {
        timeoutMs: MAX_AGE_SECONDS * 1000 + 3_000,
        intervalMs: 100,
        description: 'the other instance to stop serving its copy from before the edit',
      });
      const seen = await waitFor(async () => {
        const ready = await readiness(b);
        return ready.body.degraded.includes('purge-channel') && ready;
      }, { description: 'the readiness to report the purge channel' });
      expect(seen.status).toBe(200);
      expect(seen.body.status).toBe('degraded');
    } finally {
      await giveBack();
    }
    await Promise.all([waitUntilReady(a.url), waitUntilReady(b.url)]);
    newsroom.editPost(post.id, { title: `edited after the outage (${_how})` });
    expect((await sendContentChanged(a.baseUrl, { type: 'post', id: post.id })).status).toBe(200);
    expect(await titleOn(a, post.slug)).toBe(`edited after the outage (${_how})`);
    expect(await titleOn(b, post.slug)).toBe(`edited after the outage (${_how})`);
  });
});
