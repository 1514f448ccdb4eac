import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { captureLogs } from '../support/captureLogs';
import { TEST_WEBHOOK_SECRET } from '../support/fixtures';
import { HeldNewsroom } from '../support/heldNewsroom';
import { HoldingRedisProxy } from '../support/holdingRedisProxy';
import { deleteKeysWithPrefix, describeWithRedis, uniqueKeyPrefix, waitUntilReady } from '../support/redis';
import { sendContentChanged } from '../support/signedWebhook';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

/**
 * The four ways a purge used to be lost (issue 13), each on one instance and on two sharing Redis:
 * after the webhook answered, no read anywhere returns what the purge named from before the edit.
 * Calls are held in flight (HeldNewsroom) and Redis replies held back (HoldingRedisProxy) to put the
 * purge exactly where the race needs it.
 */
const TITLE = `query PostTitle($slug: String!) { post(slug: $slug) { id title } }`;

interface Deployment {
  label: string;
  instances: TestGateway[];
  /** Where purges are sent. */
  purger: TestGateway;
  /** Where the race is run: the other instance when there are two. */
  reader: TestGateway;
  prefix: string | undefined;
  /** Purges the reader applied on another instance's word (from its log). */
  remotePurges: () => number;
}

describeWithRedis('lost purges', () => {
  const newsroom = new HeldNewsroom();
  let proxy: HoldingRedisProxy;
  const deployments: Deployment[] = [];
  let posts: { id: string; slug: string }[] = [];
  let nextPost = 0;
  /** A post no earlier test read, so every cache starts cold for it. */
  const freshPost = () => posts[nextPost++] as { id: string; slug: string };

  beforeAll(async () => {
    proxy = await HoldingRedisProxy.start(6379);
    const page = await demoSources().posts.listPosts({ filter: {}, offset: 0, limit: 40 });
    posts = page.items.map((item) => ({ id: item.id, slug: item.slug }));
    const logs = captureLogs();
    const remotePurges = () => logs.lines().filter((line) => line.msg === "purged on another instance's request").length;
    const start = (env: Record<string, string>, logger?: typeof logs.logger) =>
      startTestGateway({ sources: newsroom.sources, logger, env: { WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, ...env } });
    // A held Redis reply must not become a timeout (a miss) before the test lets it through.
    const shared = (prefix: string) => ({ REDIS_URL: proxy.url, REDIS_KEY_PREFIX: prefix, REDIS_COMMAND_TIMEOUT_MS: '5000' });
    const alone = await start({});
    deployments.push({ label: 'one instance, no Redis', instances: [alone], purger: alone, reader: alone, prefix: undefined, remotePurges });
    const onePrefix = uniqueKeyPrefix('lost-one');
    const one = await start(shared(onePrefix));
    deployments.push({ label: 'one instance on Redis', instances: [one], purger: one, reader: one, prefix: onePrefix, remotePurges });
    const twoPrefix = uniqueKeyPrefix('lost-two');
    const [a, b] = await Promise.all([start(shared(twoPrefix)), start(shared(twoPrefix), logs.logger)]);
    deployments.push({ label: 'two instances on Redis', instances: [a as TestGateway, b as TestGateway], purger: a as TestGateway, reader: b as TestGateway, prefix: twoPrefix, remotePurges });
    await Promise.all(deployments.flatMap((deployment) => (deployment.prefix ? deployment.instances.map((instance) => waitUntilReady(instance.url)) : [])));
  });
  afterAll(async () => {
    await Promise.all(deployments.flatMap((deployment) => deployment.instances.map((instance) => instance.close())));
    await proxy?.close();
    for (const deployment of deployments) if (deployment.prefix) await deleteKeysWithPrefix('redis://127.0.0.1:6379', deployment.prefix);
  });

  const titleOn = async (instance: TestGateway, slug: string) => (await instance.query<{ post: { title: string } | null }>(TITLE, { slug })).body.data?.post?.title;
  const settle = (deployment: Deployment) => Promise.all(deployment.instances.map((instance) => instance.gateway.settle()));
  const purge = async (deployment: Deployment, item: Record<string, unknown>) => {
    const response = await sendContentChanged(deployment.purger.baseUrl, item);
    expect(response.status).toBe(200);
    return response.body as { purged: { slugs: string[] }[] };
  };
  // The reader first: a fresh answer cached in Redis by another instance would hide what the reader kept.
  const expectEverywhere = async (deployment: Deployment, slug: string, title: string) => {
    for (const instance of [deployment.reader, ...deployment.instances.filter((other) => other !== deployment.reader)]) expect(await titleOn(instance, slug)).toBe(title);
  };

  describe.each(['one instance, no Redis', 'one instance on Redis', 'two instances on Redis'])('%s', (label) => {
    const deployment = () => deployments.find((candidate) => candidate.label === label) as Deployment;

    it('1: a request that arrives after the purge answered never joins a call in flight from before it', async () => {
      const { id, slug } = freshPost();
      const d = deployment();
      const release = newsroom.holdNext('getPostsBySlugs');
      const before = d.reader.query<ArticlePageQuery>(ArticlePageDocument, { slug });
      await waitFor(() => newsroom.waiting === 1, { description: 'the cold ArticlePage to wait on its post call' });
      newsroom.editPost(id, { title: `${label} edited` });
      await purge(d, { type: 'post', id });

      for (const instance of d.instances) expect((await instance.query<ArticlePageQuery>(ArticlePageDocument, { slug })).body.data?.post?.title).toBe(`${label} edited`);
      release();
      // It began before the edit: its answer may be old, but nothing of it is kept.
      expect((await before).body.data?.post?.title).not.toBe(`${label} edited`);
      await settle(d);
      for (const instance of d.instances) expect((await instance.query<ArticlePageQuery>(ArticlePageDocument, { slug })).body.data?.post?.title).toBe(`${label} edited`);
    });

    it('2: a read racing the purge cannot copy the purged Redis entry back into memory', async () => {
      const d = deployment();
      if (!d.prefix) return;
      const { id, slug } = freshPost();
      // Cached in both tiers by the purging instance; the reader has it only in Redis (the other
      // instance's memory never saw it; one instance: its in-process copy was evicted).
      // (Through a page the race below does not ask for, so no cached response answers it first.)
      expect((await d.purger.query<ArticlePageQuery>(ArticlePageDocument, { slug })).body.data?.post?.slug).toBe(slug);
      await settle(d);
      if (d.reader === d.purger) {
        d.reader.gateway.cache.entities.store.memory.clear();
        d.reader.gateway.cache.responses?.store.memory.clear();
      }
      // The reader's Redis read of the entry runs, and its reply is held until the purge is under way.
      proxy.holdAfter('MGET', `${d.prefix}:entity::v1:post:held:slug:${slug}`);
      let purged: Promise<unknown> = Promise.resolve();
      let racing: Promise<unknown> = Promise.resolve();
      try {
        racing = titleOn(d.reader, slug);
        await waitFor(() => proxy.holdingAny, { description: "the reader's Redis read of the entry" });
        newsroom.editPost(id, { title: `${label} edited 2` });
        purged = purge(d, { type: 'post', id });
        // One instance: the purge's own Redis calls queue behind the held reply; two: it completes meanwhile,
        // and the reader applies it before its old Redis reply comes in.
        const applied = d.remotePurges();
        const byIdKey = `${d.prefix}:entity::v1:post:held:${id}`;
        if (d.reader === d.purger) await waitFor(() => proxy.sent.includes('SMEMBERS') || proxy.sent.includes(byIdKey), { description: "the purge's first Redis call" });
        else {
          await purged;
          await waitFor(() => d.remotePurges() > applied, { description: 'the reader to apply the purge' });
        }
      } finally {
        proxy.release();
      }
      await purged;
      await racing;
      await settle(d);
      await expectEverywhere(d, slug, `${label} edited 2`);
      const second = await d.reader.query<{ post: { title: string } }>(TITLE, { slug });
      expect(second.body.data?.post.title).toBe(`${label} edited 2`);
    });

    it('3: a purge naming only the id finds every slug, even while the first refill is in flight', async () => {
      const { id, slug } = freshPost();
      const d = deployment();
      const release = newsroom.holdNext('getPostsBySlugs');
      const before = titleOn(d.reader, slug);
      await waitFor(() => newsroom.waiting === 1, { description: 'the by-slug read to be in flight' });
      newsroom.editPost(id, { title: `${label} revision 1` });
      await purge(d, { type: 'post', id });
      release();
      await before;
      await settle(d);
      await expectEverywhere(d, slug, `${label} revision 1`);
      // Every later id-only purge finds the slug the entries were written under, even once no by-id
      // entry is left to read it from (evicted, expired).
      for (let revision = 2; revision <= 6; revision += 1) {
        for (const instance of d.instances) await instance.gateway.cache.entities.store.deleteMany([instance.gateway.cache.space('post', 'id').key(id)]);
        newsroom.editPost(id, { title: `${label} revision ${revision}` });
        const report = await purge(d, { type: 'post', id });
        expect(report.purged[0]?.slugs).toEqual([slug]);
        await expectEverywhere(d, slug, `${label} revision ${revision}`);
        await settle(d);
      }
    });
  });
});
