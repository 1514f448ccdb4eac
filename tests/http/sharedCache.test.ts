import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { countingSources } from '../support/countingSources';
import { EditableNewsroom } from '../support/editableNewsroom';
import { deleteKeysWithPrefix, describeWithRedis, SHARED_REDIS_URL, uniqueKeyPrefix, waitUntilReady } from '../support/redis';
import { sendContentChanged } from '../support/signedWebhook';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';
import { REFERENCE_AUTHOR, REFERENCE_SLUG, REFERENCE_TITLE, TEST_WEBHOOK_SECRET } from '../support/fixtures';

/** Two instances, each with its own in-process tier, sharing one Redis: what a scaled-out deployment looks like. */
describeWithRedis('two gateway instances sharing one Redis', () => {
  const prefix = uniqueKeyPrefix('shared');
  const newsroom = new EditableNewsroom();
  const counted = countingSources(newsroom.sources);
  let a: TestGateway;
  let b: TestGateway;
  let referenceId: string;

  beforeAll(async () => {
    const env = { REDIS_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: prefix, WEBHOOK_SECRET: TEST_WEBHOOK_SECRET };
    [a, b] = await Promise.all([startTestGateway({ sources: counted.sources, env }), startTestGateway({ sources: counted.sources, env })]);
    await Promise.all([waitUntilReady(a.url), waitUntilReady(b.url)]);
    const [reference] = await newsroom.sources.posts.getPostsBySlugs([REFERENCE_SLUG]);
    referenceId = reference?.id ?? '';
    expect(referenceId).not.toBe('');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await deleteKeysWithPrefix(SHARED_REDIS_URL, prefix);
  });

  it('answers on B from what A cached, without calling any upstream', async () => {
    counted.reset();
    const onA = await a.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(onA.body.data?.post?.title).toBe(REFERENCE_TITLE);
    expect(counted.count()).toBeGreaterThan(0);
    await a.gateway.settle();

    counted.reset();
    const onB = await b.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(counted.count()).toBe(0);
    expect(onB.body).toEqual(onA.body);
    expect(onB.headers.get('x-cache')).toBe('HIT');

    // A different query over the same entities misses the response cache but still needs no upstream:
    // the entity tier is shared too.
    const partial = await b.query<{ post: { title: string; author: { name: string } } }>(
      `query($slug: String!) { post(slug: $slug) { title author { name } topics { slug } } }`,
      { slug: REFERENCE_SLUG },
    );
    expect(partial.headers.get('x-cache')).toBe('MISS');
    expect(partial.body.data?.post.author.name).toBe(REFERENCE_AUTHOR.name);
    expect(counted.count()).toBe(0);
  });

  it('shares persisted queries: a hash registered on A is known on B', async () => {
    const query = `query PersistedTitle($slug: String!) { post(slug: $slug) { title } }`;
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const variables = JSON.stringify({ slug: REFERENCE_SLUG });
    const headers = { 'apollo-require-preflight': 'true' };
    const register = await fetch(`${a.url}?${new URLSearchParams({ query, variables, extensions })}`, { headers });
    expect(((await register.json()) as { data: { post: { title: string } } }).data.post.title).toBe(REFERENCE_TITLE);
    await a.gateway.settle();

    const byHashOnB = await fetch(`${b.url}?${new URLSearchParams({ variables, extensions })}`, { headers });
    const body = (await byHashOnB.json()) as { data?: { post: { title: string } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.post.title).toBe(REFERENCE_TITLE);
  });

  it('refuses an unsigned purge and keeps serving what it had', async () => {
    await b.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
    const unsigned = await sendContentChanged(a.baseUrl, { type: 'post', id: referenceId }, { signature: null });
    expect(unsigned.status).toBe(401);
    const forged = await sendContentChanged(a.baseUrl, { type: 'post', id: referenceId }, { secret: 'not-the-secret-at-all-0000' });
    expect(forged.status).toBe(401);
    const stillCached = await b.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(stillCached.headers.get('x-cache')).toBe('HIT');
  });

  it('after an edit and a signed webhook on A, B shows the new content at once, from every cache', async () => {
    // Both instances hold the article and a listing in every tier.
    const listing = `{ posts(first: 5, search: "Lee Jae Myung") { edges { node { id title } } } }`;
    for (const gateway of [a, b]) {
      await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
      await gateway.query(listing);
    }
    await Promise.all([a.gateway.settle(), b.gateway.settle()]);
    expect((await b.query(ArticlePageDocument, { slug: REFERENCE_SLUG })).headers.get('x-cache')).toBe('HIT');

    const correctedTitle = `${REFERENCE_TITLE} (corrected)`;
    newsroom.editPost(referenceId, { title: correctedTitle });
    const purge = await sendContentChanged(a.baseUrl, { type: 'post', id: referenceId });
    expect(purge.status).toBe(200);
    expect(purge.body.sharedCache).toBe('purged');
    // The cached article and listing responses are counted in both tiers: A's memory and Redis.
    const byTier = purge.body.responsesPurgedByTier as { memory: number; shared: number };
    expect(byTier.memory).toBeGreaterThanOrEqual(1);
    expect(byTier.shared).toBeGreaterThanOrEqual(1);
    expect(purge.body.responsesPurged).toBe(byTier.memory + byTier.shared);
    const cdn = purge.body.cdn as { tags: string[]; surrogateKey: string };
    expect(cdn.tags).toEqual(expect.arrayContaining([`post:${referenceId}`, `post-slug:${REFERENCE_SLUG}`, 'post-list']));
    expect(cdn.surrogateKey.split(' ')).toEqual(cdn.tags);

    // B learns of the purge over pub/sub; the issue allows it a second.
    const onB = await waitFor(
      async () => {
        const answer = await b.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
        return answer.body.data?.post?.title === correctedTitle && answer;
      },
      { timeoutMs: 1000, intervalMs: 20, description: 'B to serve the corrected title' },
    );
    expect(onB.body.data?.post?.title).toBe(correctedTitle);
    expect(onB.headers.get('x-cache')).toBe('MISS');

    // The response cache never answers with the old article again, on either instance, nor do listings.
    for (const gateway of [a, b]) {
      const again = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
      expect(again.body.data?.post?.title).toBe(correctedTitle);
      const list = await gateway.query<{ posts: { edges: { node: { title: string } }[] } }>(listing);
      const titles = list.body.data?.posts.edges.map((edge) => edge.node.title) ?? [];
      expect(titles).toContain(correctedTitle);
      expect(titles).not.toContain(REFERENCE_TITLE);
    }
  });
});
