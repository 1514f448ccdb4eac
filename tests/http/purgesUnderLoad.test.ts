import { TEST_WEBHOOK_SECRET } from '../support/fixtures';
import { HeldNewsroom } from '../support/heldNewsroom';
import { deleteKeysWithPrefix, describeWithRedis, SHARED_REDIS_URL, uniqueKeyPrefix, waitUntilReady } from '../support/redis';
import { sendContentChanged } from '../support/signedWebhook';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';

const ARTICLE = `query PostTitle($slug: String!) { post(slug: $slug) { id title } }`;
const LISTING = `query Latest { posts(first: 5) { edges { node { slug title } } } }`;
const PURGES = 200;
const READERS = 6;

interface Read {
  /** Purges answered when the read began: it must show at least this revision. */
  mustSee: number;
  saw: number;
  what: string;
}

/**
 * Issue 13's load test: 200 edits, each purged through the webhook of one of two instances sharing
 * Redis, while readers keep both busy with the article and a listing showing it (upstream calls take a
 * random few milliseconds, so calls overlap purges). After each purge answered, no read that began
 * later, on either instance, shows an older revision.
 */
describeWithRedis('200 purges interleaved with reads under load', () => {
  const prefix = uniqueKeyPrefix('purge-load');
  const newsroom = new HeldNewsroom({ jitterMs: 8 });
  let instances: TestGateway[];

  beforeAll(async () => {
    const env = { REDIS_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: prefix, WEBHOOK_SECRET: TEST_WEBHOOK_SECRET };
    instances = await Promise.all([startTestGateway({ sources: newsroom.sources, env }), startTestGateway({ sources: newsroom.sources, env })]);
    await Promise.all(instances.map((instance) => waitUntilReady(instance.url)));
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await deleteKeysWithPrefix(SHARED_REDIS_URL, prefix);
  });

  it('never answers a read begun after a purge answered with data from before it', async () => {
    // The newest post: the first of the listing the readers ask for.
    const first = await (instances[0] as TestGateway).query<{ posts: { edges: { node: { slug: string } }[] } }>(LISTING);
    const slug = first.body.data?.posts.edges[0]?.node.slug as string;
    const [record] = await demoSources().posts.getPostsBySlugs([slug]);
    const id = record?.id as string;
    expect(id).toBeDefined();
    const revisionOf = (title: string | undefined) => (title?.startsWith('rev ') ? Number(title.slice(4)) : title === undefined ? -1 : 0);

    let answered = 0;
    let running = true;
    const reads: Read[] = [];
    const reader = async (index: number) => {
      for (let round = 0; running; round += 1) {
        const instance = instances[(index + round) % instances.length] as TestGateway;
        const mustSee = answered;
        if ((index + round) % 2 === 0) {
          const response = await instance.query<{ post: { title: string } | null }>(ARTICLE, { slug });
          reads.push({ mustSee, saw: revisionOf(response.body.data?.post?.title), what: `article on ${instance.baseUrl}` });
        } else {
          const response = await instance.query<{ posts: { edges: { node: { slug: string; title: string } }[] } }>(LISTING);
          const node = response.body.data?.posts.edges.find((edge) => edge.node.slug === slug)?.node;
          reads.push({ mustSee, saw: revisionOf(node?.title), what: `listing on ${instance.baseUrl}` });
        }
      }
    };
    const readers = Array.from({ length: READERS }, (_, index) => reader(index));

    for (let revision = 1; revision <= PURGES; revision += 1) {
      newsroom.editPost(id, { title: `rev ${revision}` });
      const purge = await sendContentChanged((instances[revision % instances.length] as TestGateway).baseUrl, { type: 'post', id });
      expect(purge.status).toBe(200);
      expect(purge.body.instances).toEqual({ told: 1, acknowledged: 1 });
      answered = revision;
    }
    running = false;
    await Promise.all(readers);

    const stale = reads.filter((read) => read.saw < read.mustSee);
    expect(stale).toEqual([]);
    // The run was a real interleaving: reads during it, and some saw revisions between the first and the last.
    expect(reads.length).toBeGreaterThan(PURGES);
    expect(new Set(reads.map((read) => read.saw)).size).toBeGreaterThan(10);
    for (const instance of instances) {
      const response = await instance.query<{ post: { title: string } }>(ARTICLE, { slug });
      expect(response.body.data?.post.title).toBe(`rev ${PURGES}`);
    }
  }, 180_000);
});
