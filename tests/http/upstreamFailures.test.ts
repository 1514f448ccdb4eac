import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { type Fault, type FakeService, type FakeWordPress, startFakeService, startFakeWordPress } from '../support/fakeUpstreams';
import { recordingTelemetry } from '../support/recordingTelemetry';
import { type GraphQLResponse, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_SLUG } from '../support/fixtures';
import { waitFor } from '../support/waitFor';

/** Kept small so failure paths finish fast; the WordPress budget is larger so only the failing upstream decides. */
const RELATED_TIMEOUT_MS = 200;
const AUTHORS_TIMEOUT_MS = 200;
const BREAKER_RESET_MS = 300;

/**
 * ArticlePage with posts and topics from (fake) WordPress, authors and related stories from (fake) HTTP
 * services, when those services fail in every way an upstream can.
 */
describe('ArticlePage when the related-stories or authors upstream fails', () => {
  let wp: FakeWordPress;
  let authors: FakeService;
  let related: FakeService;
  let slugs: string[];
  let nextSlug = 0;
  /** A published article not asked for before: cold for the entity cache. */
  const freshSlug = () => slugs[nextSlug++] as string;

  beforeAll(async () => {
    [wp, authors, related] = await Promise.all([startFakeWordPress(), startFakeService('authors'), startFakeService('related')]);
    slugs = wp.content.posts.filter((row) => row.visible && row.post.slug !== REFERENCE_SLUG).map((row) => row.post.slug);
  });
  afterAll(async () => {
    await Promise.all([wp.close(), authors.close(), related.close()]);
  });
  beforeEach(() => {
    for (const upstream of [wp, authors, related]) {
      upstream.clearFaults();
      upstream.resetCounts();
    }
  });

  const startGateway = async (env: Record<string, string> = {}) => {
    const telemetry = recordingTelemetry();
    const gateway = await startTestGateway({
      telemetry,
      env: {
        WORDPRESS_URL: wp.url,
        AUTHORS_URL: authors.serviceUrl,
        RELATED_URL: related.serviceUrl,
        WORDPRESS_TIMEOUT_MS: '2000',
        RELATED_TIMEOUT_MS: String(RELATED_TIMEOUT_MS),
        AUTHORS_TIMEOUT_MS: String(AUTHORS_TIMEOUT_MS),
        UPSTREAM_RETRIES: '1',
        UPSTREAM_BREAKER_MIN_REQUESTS: '3',
        UPSTREAM_BREAKER_RESET_MS: String(BREAKER_RESET_MS),
        ...env,
      },
    });
    // Warm up: the REST root, connection pools and the code paths, so a timing measures the failure only.
    const warm = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: freshSlug() });
    expect(warm.body.errors).toBeUndefined();
    telemetry.reset();
    return { gateway, telemetry };
  };

  /**
   * Times an ArticlePage whose rail and byline are cold. The article itself is loaded first, so the time
   * measured is what the failing upstream costs the page, not WordPress's share of a cold page.
   */
  const timedArticlePage = async (gateway: TestGateway, slug = freshSlug()) => {
    await gateway.query('query($slug: String!) { post(slug: $slug) { title } }', { slug });
    const started = performance.now();
    const response = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
    return { response, elapsedMs: performance.now() - started, slug };
  };

  /** Content links to the WordPress site legitimately; nothing may name the failing services or their answers. */
  const expectNoLeaks = (response: GraphQLResponse) => {
    const text = JSON.stringify(response.body);
    for (const service of [authors, related]) expect(text).not.toContain(`:${service.port}`);
    expect(text).not.toMatch(/not what you asked for|Briefly unavailable|internal error|answered \d{3}/);
  };

  describe('related stories', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      // The breaker is the next test's subject; here every failure must reach the upstream.
      ({ gateway } = await startGateway({ UPSTREAM_BREAKER_MIN_REQUESTS: '1000' }));
    });
    afterAll(() => gateway.close());

    it.each<[string, Fault, string]>([
      ['down (500)', { type: 'status', status: 500 }, 'UPSTREAM_UNAVAILABLE'],
      ['refusing connections (reset)', { type: 'reset' }, 'UPSTREAM_UNAVAILABLE'],
      ['hanging', { type: 'hang' }, 'UPSTREAM_TIMEOUT'],
      ['sending its body too slowly', { type: 'slow-body', totalMs: 2000 }, 'UPSTREAM_TIMEOUT'],
      ['returning the wrong shape', { type: 'wrong-shape' }, 'UPSTREAM_BAD_RESPONSE'],
      ['returning malformed JSON', { type: 'malformed-json' }, 'UPSTREAM_BAD_RESPONSE'],
      ['returning an HTML page', { type: 'html' }, 'UPSTREAM_BAD_RESPONSE'],
    ])('%s: the article with an empty rail and %s, within the timeout plus 50 ms', async (_case, fault, code) => {
      related.inject(fault, { route: '/related' });
      const { response, elapsedMs, slug } = await timedArticlePage(gateway);
      const post = response.body.data?.post;
      expect(post?.slug).toBe(slug);
      expect(post?.author?.name).toBeTruthy();
      expect(post?.topics.length).toBeGreaterThan(0);
      expect(post?.relatedStories).toEqual([]);
      expect(response.body.errors).toEqual([
        { message: expect.stringMatching(/^The related service /), path: ['post', 'relatedStories'], extensions: { code, serviceName: 'related' } },
      ]);
      expectNoLeaks(response);
      expect(elapsedMs).toBeLessThan(RELATED_TIMEOUT_MS + 50);
    });
  });

  it('authors down: the article with author: null and a coded error, rail intact; no internals in production', async () => {
    const { gateway } = await startGateway({ NODE_ENV: 'production', UPSTREAM_BREAKER_MIN_REQUESTS: '1000' });
    try {
      authors.inject({ type: 'status', status: 503 }, { route: '/authors' });
      const { response, elapsedMs } = await timedArticlePage(gateway);
      const post = response.body.data?.post;
      expect(post?.title).toBeTruthy();
      expect(post?.author).toBeNull();
      expect(post?.relatedStories).toHaveLength(6);
      expect(post?.relatedStories.every((story) => story.post.author === null)).toBe(true);
      const errors = response.body.errors ?? [];
      expect(errors).toContainEqual(
        expect.objectContaining({ message: 'The authors service is unavailable.', path: ['post', 'author'], extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'authors' } }),
      );
      expect(errors).toHaveLength(7);
      expect(errors.every((error) => error.extensions?.code === 'UPSTREAM_UNAVAILABLE' && error.extensions.serviceName === 'authors')).toBe(true);
      expect(JSON.stringify(errors)).not.toMatch(/stacktrace|UpstreamFailure/);
      expectNoLeaks(response);
      expect(elapsedMs).toBeLessThan(AUTHORS_TIMEOUT_MS + 50);
    } finally {
      await gateway.close();
    }
  });

  it('opens the breaker so a dead upstream costs nothing, then closes it and brings the rail back on recovery', async () => {
    const { gateway, telemetry } = await startGateway();
    try {
      related.inject({ type: 'hang' }, { route: '/related' });
      // Timeouts until enough of the window has failed (minimum 3 calls, warm-up included, over 50%).
      for (let request = 0; request < 5 && telemetry.breakerStates.length === 0; request += 1) {
        const { response } = await timedArticlePage(gateway);
        expect(response.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
      }
      expect(telemetry.breakerStates).toEqual([{ serviceName: 'related', state: 'open' }]);

      // Open: the rail fails at once, without waiting for the timeout or touching the upstream.
      const callsWhenOpened = related.count();
      const { response, elapsedMs } = await timedArticlePage(gateway);
      expect(response.body.data?.post?.relatedStories).toEqual([]);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: ['post', 'relatedStories'], extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'related' } })]);
      expect(related.count()).toBe(callsWhenOpened);
      expect(elapsedMs).toBeLessThan(RELATED_TIMEOUT_MS);

      related.clearFaults();
      // After BREAKER_RESET_MS the breaker lets a trial call through, and says so.
      await waitFor(() => telemetry.breakerStates.some((entry) => entry.state === 'half_open'), {
        timeoutMs: BREAKER_RESET_MS + 2000,
        description: 'the related breaker to half-open',
      });
      const recovered = await timedArticlePage(gateway);
      expect(recovered.response.body.errors).toBeUndefined();
      expect(recovered.response.body.data?.post?.relatedStories).toHaveLength(6);
      expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['open', 'half_open', 'closed']);
    } finally {
      await gateway.close();
    }
  });

  it('serves a rail and an author past their TTL when their upstreams fail, and says so in extensions.stale', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gateway-config-'));
    const configFile = join(directory, 'gateway.json');
    // Rails and authors go stale after a second (the shortest TTL there is), and stay usable on error for a minute.
    const shortLived = { ttlSeconds: 1, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 60 };
    writeFileSync(configFile, JSON.stringify({ cache: { related: shortLived, author: shortLived } }));
    // Whole responses would be answered from the response cache; this is about the entity cache.
    const { gateway } = await startGateway({ GATEWAY_CONFIG: configFile, RESPONSE_CACHE: 'false' });
    try {
      const slug = freshSlug();
      const first = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
      expect(first.body.errors).toBeUndefined();
      const rail = first.body.data?.post?.relatedStories.map((story) => story.post.slug);
      expect(rail).toHaveLength(6);
      // Past the one-second TTL of what the first request cached.
      await new Promise((resolve) => setTimeout(resolve, 1_050));

      related.inject({ type: 'status', status: 500 }, { route: '/related' });
      authors.inject({ type: 'status', status: 500 }, { route: '/authors' });
      const stale = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
      expect(stale.body.errors).toBeUndefined();
      expect(stale.body.data).toEqual(first.body.data);
      const postId = wp.content.posts.find((row) => row.post.slug === slug)?.post.id;
      const authorId = wp.content.posts.find((row) => row.post.slug === slug)?.post.authorIds[0];
      expect(stale.body.extensions?.stale).toEqual(expect.arrayContaining([`related:${postId}`, `author:${authorId}`]));
      // The failed upstreams were asked (stale-if-error, not stale-while-revalidate).
      expect(related.count('/related')).toBeGreaterThan(1);
    } finally {
      await gateway.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
