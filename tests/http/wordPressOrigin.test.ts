import { ArticlePageDocument, type ArticlePageQuery, AuthorPageDocument, LatestPostsDocument, TopicPageDocument } from '../generated/operations';
import { captureLogs } from '../support/captureLogs';
import { type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_AUTHOR, REFERENCE_SLUG } from '../support/fixtures';
import { startTestGateway } from '../support/startTestGateway';
import { type CountingProxy, startCountingProxy } from '../wordpress/support/countingProxy';

/**
 * WORDPRESS_URL names an internal origin (a proxy in front of the site, as a cluster's service address
 * would be), while WordPress advertises its REST root under another origin (its "Site Address", here the
 * fake's own address). Every REST call must still go where the gateway was pointed.
 */
describe('a WordPress that advertises its REST API at another origin than WORDPRESS_URL', () => {
  let wp: FakeWordPress;
  let proxy: CountingProxy;
  beforeAll(async () => {
    wp = await startFakeWordPress();
    proxy = await startCountingProxy(wp.port);
  });
  afterAll(async () => {
    await proxy.close();
    await wp.close();
  });
  beforeEach(() => {
    wp.resetCounts();
    proxy.reset();
  });

  /** Pages that between them use every endpoint class: posts by slug and id, listings, terms, users, media. */
  const browse = async (gateway: Awaited<ReturnType<typeof startTestGateway>>) => {
    const article = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(article.body.errors).toBeUndefined();
    expect(article.body.data?.post?.relatedStories).toHaveLength(6);
    for (const [document, variables] of [
      [TopicPageDocument, { slug: 'politics' }],
      [AuthorPageDocument, { slug: REFERENCE_AUTHOR.slug }],
      [LatestPostsDocument, { first: 5 }],
    ] as const) {
      const page = await gateway.query(document, variables);
      expect(page.body.errors).toBeUndefined();
    }
  };

  it('sends every REST call to the configured origin, and says once that WordPress advertised another', async () => {
    // The premise: what WordPress advertises is not the origin the gateway is given.
    const advertisedOrigin = new URL(wp.restRoot).origin;
    const configuredOrigin = new URL(proxy.url).origin;
    expect(advertisedOrigin).not.toBe(configuredOrigin);

    const logs = captureLogs('info');
    // Images from their own `media` call, so every endpoint class is used.
    const gateway = await startTestGateway({ logger: logs.logger, env: { WORDPRESS_URL: proxy.url, WORDPRESS_FEATURED_MEDIA: 'batch', RESPONSE_CACHE: 'false' } });
    try {
      await browse(gateway);
      // Everything WordPress received came through the configured origin: nothing went to the advertised one.
      expect(wp.requests.length).toBeGreaterThan(0);
      expect(proxy.requests).toHaveLength(wp.requests.length);
      const restRoutes = new Set(proxy.requests.map((request) => new URL(request.url, proxy.url).pathname).filter((path) => path.startsWith('/wp-json/')));
      expect([...restRoutes].sort()).toEqual(['/wp-json/wp/v2/categories', '/wp-json/wp/v2/media', '/wp-json/wp/v2/posts', '/wp-json/wp/v2/tags', '/wp-json/wp/v2/users']);

      const warnings = logs.lines().filter((line) => line.level === 40);
      expect(warnings).toEqual([expect.objectContaining({ configuredOrigin, advertisedOrigin, restRoot: `${configuredOrigin}/wp-json/` })]);
      expect(warnings[0]?.msg).toContain(advertisedOrigin);
      expect(warnings[0]?.msg).toContain(configuredOrigin);
    } finally {
      await gateway.close();
    }
  });

  it('still calls WORDPRESS_API_ROOT when it is set, whatever WORDPRESS_URL says', async () => {
    const gateway = await startTestGateway({ env: { WORDPRESS_URL: proxy.url, WORDPRESS_API_ROOT: wp.restRoot, RESPONSE_CACHE: 'false' } });
    try {
      await browse(gateway);
      expect(wp.requests.length).toBeGreaterThan(0);
      expect(proxy.requests).toEqual([]);
    } finally {
      await gateway.close();
    }
  });
});
