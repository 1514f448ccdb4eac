import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { type FakeRequest, type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_SLUG } from '../support/fixtures';
import { recordingTelemetry } from '../support/recordingTelemetry';
import { startTestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

const isListing = (request: FakeRequest) => request.route === '/wp/v2/posts' && !request.query.has('slug') && !request.query.has('include');
/** The ranking's listing of the newest posts in the article's tags: one of its several inputs. */
const isTagListing = (request: FakeRequest) => isListing(request) && request.query.has('tags');

/**
 * The built-in related ranking (posts, authors, topics and rails from WordPress) when some of the
 * listings and term counts it ranks from fail: the rail is ranked from the rest and says so.
 */
describe('partial rails', () => {
  let wp: FakeWordPress;
  let slugs: string[];
  let nextSlug = 0;
  const freshSlug = () => slugs[nextSlug++] as string;
  const postIdOf = (slug: string) => wp.content.posts.find((row) => row.post.slug === slug)?.post.id;
  const listingsAsked = () => wp.requests.filter(isListing).length;
  let directory: string;

  beforeAll(async () => {
    wp = await startFakeWordPress();
    // Articles filed under tags as well as sections, so the ranking has a tags listing to lose.
    const tagIds = new Set(wp.content.terms.filter((term) => term.taxonomy === 'post_tag').map((term) => term.id));
    slugs = wp.content.posts
      .filter((row) => row.visible && row.post.slug !== REFERENCE_SLUG && row.post.topicIds.some((id) => tagIds.has(id)))
      .map((row) => row.post.slug);
    directory = mkdtempSync(join(tmpdir(), 'gateway-config-'));
  });
  afterAll(async () => {
    await wp.close();
    rmSync(directory, { recursive: true, force: true });
  });
  beforeEach(() => {
    wp.clearFaults();
    wp.resetCounts();
  });

  const startGateway = async (file: object = {}, env: Record<string, string> = {}) => {
    const configFile = join(directory, `gateway-${nextSlug}.json`);
    writeFileSync(configFile, JSON.stringify(file));
    const telemetry = recordingTelemetry();
    // Whole responses would be answered from the response cache; this is about the rails.
    const gateway = await startTestGateway({ telemetry, env: { WORDPRESS_URL: wp.url, RESPONSE_CACHE: 'false', GATEWAY_CONFIG: configFile, ...env } });
    return { gateway, telemetry };
  };

  it('ranks from the inputs that answered, reports the failure on relatedStories, and keeps the partial rail only briefly', async () => {
    // A partial rail is kept as long as a rail's miss: a second here.
    const { gateway } = await startGateway({ cache: { related: { missTtlSeconds: 1 } } });
    try {
      const slug = freshSlug();
      wp.inject({ type: 'status', status: 500 }, { route: '/wp/v2/posts', when: isTagListing });
      const partial = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
      expect(partial.status).toBe(200);
      expect(partial.body.data?.post?.slug).toBe(slug);
      // Categories, the author and the latest posts answered: a rail, ranked without the tags' listing.
      const rail = partial.body.data?.post?.relatedStories.map((story) => story.post.slug);
      expect(rail?.length).toBeGreaterThan(0);
      expect(partial.body.errors).toEqual([
        {
          message: expect.stringContaining('ranked from the part of their inputs that answered'),
          path: ['post', 'relatedStories'],
          extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'wordpress' },
        },
      ]);
      // Incomplete: no shared cache may keep it.
      expect(partial.headers.get('cache-control')).toBe('no-store');
      expect(wp.requests.filter(isTagListing).length).toBeGreaterThan(0);

      // Within its short life the partial rail is served again, with its error, without ranking again.
      const asked = listingsAsked();
      const again = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
      expect(again.body.data?.post?.relatedStories.map((story) => story.post.slug)).toEqual(rail);
      expect(again.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'wordpress' }]);
      expect(listingsAsked()).toBe(asked);

      // WordPress recovers: once the partial rail has lapsed the complete one is ranked, and cached as such.
      wp.clearFaults();
      const complete = await waitFor(
        async () => {
          const response = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
          return response.body.errors === undefined ? response : undefined;
        },
        { description: 'the complete rail once the partial one has lapsed' },
      );
      expect(complete.body.data?.post?.relatedStories).toHaveLength(6);
      const afterRecovery = listingsAsked();
      const cached = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
      expect(cached.body.errors).toBeUndefined();
      expect(cached.body.data).toEqual(complete.body.data);
      expect(listingsAsked()).toBe(afterRecovery);
    } finally {
      await gateway.close();
    }
  });

  it('serves a stale complete rail before a partial one, and while the listings\' breaker refuses every call', async () => {
    // Rails go stale after a second and stay usable on error for a minute; three failures open a breaker.
    const { gateway, telemetry } = await startGateway(
      { cache: { related: { ttlSeconds: 1, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 60, missTtlSeconds: 1 } } },
      { UPSTREAM_BREAKER_MIN_REQUESTS: '3', UPSTREAM_BREAKER_RESET_MS: '60000', UPSTREAM_RETRIES: '0' },
    );
    try {
      const slug = freshSlug();
      const first = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data?.post?.relatedStories).toHaveLength(6);

      // One input fails once the cached rail is past its TTL: the stale complete rail, not a partial one.
      wp.inject({ type: 'status', status: 500 }, { route: '/wp/v2/posts', when: isTagListing });
      const asked = listingsAsked();
      const stale = await waitFor(
        async () => {
          const response = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
          return listingsAsked() > asked ? response : undefined;
        },
        { description: 'the rail to go stale and be ranked again' },
      );
      expect(stale.body.errors).toBeUndefined();
      expect(stale.body.data).toEqual(first.body.data);
      expect(stale.body.extensions?.stale).toEqual([`related:${postIdOf(slug)}`]);

      // Every listing fails now, and cold rails open the listings' breaker.
      wp.clearFaults();
      wp.inject({ type: 'status', status: 500 }, { route: '/wp/v2/posts', when: isListing });
      await waitFor(
        async () => {
          await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: freshSlug() });
          return telemetry.breakerStates.some((entry) => entry.endpointClass === 'listings' && entry.state === 'open');
        },
        { description: "the listings' breaker to open" },
      );
      // The stale rail is still served, with no error, while the breaker refuses the ranking's listings.
      const rejectedBefore = telemetry.outcomes('wordpress', 'listings').filter((outcome) => outcome === 'rejected').length;
      const listingsBefore = listingsAsked();
      const refused = await waitFor(
        async () => {
          const response = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
          return telemetry.outcomes('wordpress', 'listings').filter((outcome) => outcome === 'rejected').length > rejectedBefore ? response : undefined;
        },
        { description: 'the ranking to be refused by the open breaker' },
      );
      expect(refused.body.errors).toBeUndefined();
      expect(refused.body.data).toEqual(first.body.data);
      expect(refused.body.extensions?.stale).toEqual([`related:${postIdOf(slug)}`]);
      expect(listingsAsked()).toBe(listingsBefore);
    } finally {
      await gateway.close();
    }
  });
});
