import { print } from 'graphql';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { EditableNewsroom } from '../support/editableNewsroom';
import { sendContentChanged } from '../support/signedWebhook';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_SLUG, TEST_WEBHOOK_SECRET } from '../support/fixtures';

describe('POST /webhooks/content-changed on a single instance', () => {
  const newsroom = new EditableNewsroom();
  let gateway: TestGateway;
  let referenceId: string;
  let authorId: string;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: newsroom.sources, env: { WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
    const [reference] = await newsroom.sources.posts.getPostsBySlugs([REFERENCE_SLUG]);
    referenceId = reference?.id ?? '';
    authorId = reference?.authorIds[0] ?? '';
  });
  afterAll(() => gateway.close());

  const articleTitle = async () => {
    const response = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    return { title: response.body.data?.post?.title, cache: response.headers.get('x-cache') };
  };

  it('refuses a missing or wrong signature with 401 and purges nothing', async () => {
    const before = await articleTitle();
    newsroom.editPost(referenceId, { title: 'Edited, but not announced' });
    for (const signature of [null, 'sha256=deadbeef', `sha256=${'0'.repeat(64)}`, 'md5=abc']) {
      const response = await sendContentChanged(gateway.baseUrl, { type: 'post', id: referenceId }, { signature });
      expect(response.status).toBe(401);
      expect((response.body.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    const signedWithAnotherSecret = await sendContentChanged(gateway.baseUrl, { type: 'post', id: referenceId }, { secret: 'another-secret-0123456789' });
    expect(signedWithAnotherSecret.status).toBe(401);
    expect(await articleTitle()).toEqual({ title: before.title, cache: 'HIT' });
  });

  it('refuses a replayed, an old, a future or an undated signed body with 401, and purges nothing', async () => {
    const before = await articleTitle();
    newsroom.editPost(referenceId, { title: 'Edited, announced too late' });
    const now = Math.floor(Date.now() / 1000);
    for (const [timestamp, problem] of [
      [String(now - 10 * 60), /seconds from the gateway's clock/],
      [String(now + 10 * 60), /seconds from the gateway's clock/],
      [null, /X-Signature-Timestamp/],
      ['soon', /X-Signature-Timestamp/],
    ] as const) {
      // Signed correctly for its own timestamp: only the time is wrong.
      const response = await sendContentChanged(gateway.baseUrl, { type: 'post', id: referenceId }, { timestamp });
      expect(response.status).toBe(401);
      const [error] = response.body.errors as { message: string; extensions: { code: string } }[];
      expect(error?.extensions.code).toBe('UNAUTHENTICATED');
      expect(error?.message).toMatch(problem);
    }
    expect(await articleTitle()).toEqual({ title: before.title, cache: 'HIT' });
  });

  it('refuses a signed but malformed body with 400 naming the problem, and purges nothing', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"type": "post", "id": ', /not valid JSON/],
      [{ type: 'page', id: '1' }, /type/],
      [{ type: 'post' }, /id/],
      [[], /at least one/],
      [{ type: 'post', id: '' }, /id/],
    ];
    for (const [payload, problem] of cases) {
      const response = await sendContentChanged(gateway.baseUrl, payload);
      expect(response.status).toBe(400);
      const [error] = response.body.errors as { message: string; extensions: { code: string } }[];
      expect(error?.extensions.code).toBe('BAD_REQUEST');
      expect(error?.message).toMatch(problem);
    }
    expect((await articleTitle()).cache).toBe('HIT');
  });

  it('purges the article (by id and slug), its cached responses and listings, and lists the CDN tags', async () => {
    newsroom.editPost(referenceId, { title: 'Corrected headline' });
    const response = await sendContentChanged(gateway.baseUrl, { type: 'post', id: referenceId });
    expect(response.status).toBe(200);
    expect(response.body.purged).toEqual([{ type: 'post', id: referenceId, slugs: [REFERENCE_SLUG] }]);
    expect(response.body.sharedCache).toBe('not-configured');
    // The cached article page was in memory only (no Redis here): counted all the same.
    const byTier = response.body.responsesPurgedByTier as { memory: number; shared: number };
    expect(byTier.memory).toBeGreaterThanOrEqual(1);
    expect(byTier.shared).toBe(0);
    expect(response.body.responsesPurged).toBe(byTier.memory);
    const cdn = response.body.cdn as { tags: string[]; surrogateKey: string; cacheTag: string };
    expect(cdn.tags).toEqual(['post-list', `post-slug:${REFERENCE_SLUG}`, `post:${referenceId}`]);
    expect(cdn.cacheTag).toBe(cdn.tags.join(','));
    expect(await articleTitle()).toEqual({ title: 'Corrected headline', cache: 'MISS' });
  });

  it('accepts a batch of posts, authors and topics', async () => {
    await articleTitle();
    const response = await sendContentChanged(gateway.baseUrl, [
      { type: 'author', id: authorId },
      { type: 'topic', id: 3 },
      { type: 'post', id: '999999', slug: 'brand-new-story' },
    ]);
    expect(response.status).toBe(200);
    const tags = (response.body.cdn as { tags: string[] }).tags;
    expect(tags).toEqual(expect.arrayContaining([`author:${authorId}`, 'author-list', 'topic:3', 'topic-list', 'post:999999', 'post-slug:brand-new-story']));
    // The article showed that author: its cached response went with the purge.
    expect((await articleTitle()).cache).toBe('MISS');
  });

  it('answers other methods with 405', async () => {
    const response = await fetch(`${gateway.baseUrl}/webhooks/content-changed`);
    expect(response.status).toBe(405);
  });
});

describe('content-changed webhook without WEBHOOK_SECRET', () => {
  it('is turned off and says how to turn it on', async () => {
    const gateway = await startTestGateway();
    try {
      const response = await sendContentChanged(gateway.baseUrl, { type: 'post', id: '1' });
      expect(response.status).toBe(404);
      const [error] = response.body.errors as { message: string; extensions: { code: string } }[];
      expect(error?.extensions.code).toBe('NOT_FOUND');
      expect(error?.message).toContain('WEBHOOK_SECRET');
      // The GraphQL endpoint is unaffected.
      const query = await gateway.query(print(ArticlePageDocument), { slug: REFERENCE_SLUG });
      expect(query.status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});
