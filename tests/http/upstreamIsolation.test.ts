import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { captureLogs } from '../support/captureLogs';
import { type FakeRequest, type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_SLUG } from '../support/fixtures';
import { recordingTelemetry } from '../support/recordingTelemetry';
import { type GraphQLResponse, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

/** Well above WordPress's call budget (the default 1.5 s), so a page waits on a hung listing no longer than that. */
const REQUEST_TIMEOUT_MS = 8_000;
const PAGES = 100;

/** A listing of posts (the related ranking's four among them), as opposed to an article lookup by slug or id. */
const isListing = (request: FakeRequest) => request.route === '/wp/v2/posts' && !request.query.has('slug') && !request.query.has('include');

/**
 * A gateway wired from its environment, with the default concurrency, queue and breaker settings, in front
 * of a fake WordPress whose listings fail: the article pages must still get their articles, and only their
 * rails may degrade.
 */
describe('a WordPress whose listings fail, under 100 concurrent cold article pages', () => {
  let wp: FakeWordPress;
  let gateway: TestGateway | undefined;
  let slugs: string[];
  beforeAll(async () => {
    wp = await startFakeWordPress();
    slugs = wp.content.posts
      .filter((row) => row.visible && row.post.slug !== REFERENCE_SLUG)
      .map((row) => row.post.slug)
      .slice(0, PAGES);
    expect(slugs).toHaveLength(PAGES);
  });
  afterAll(async () => {
    await wp.close();
  });
  afterEach(async () => {
    wp.clearFaults();
    wp.resetCounts();
    await gateway?.close();
    gateway = undefined;
  });

  const start = async () => {
    const telemetry = recordingTelemetry();
    const logs = captureLogs('warn');
    gateway = await startTestGateway({ telemetry, logger: logs.logger, env: { WORDPRESS_URL: wp.url, REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) } });
    // The REST root and the pools, found and warmed by a page that is not among the hundred.
    const warm = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(warm.body.errors).toBeUndefined();
    wp.resetCounts();
    telemetry.reset();
    return { gateway, telemetry, logs };
  };

  /** Every page has its article; only its rail is empty, with a coded WordPress error on it. */
  const expectArticlesWithDegradedRails = (responses: GraphQLResponse<ArticlePageQuery>[]) => {
    responses.forEach((response, index) => {
      expect(response.status).toBe(200);
      expect(response.body.data?.post?.slug).toBe(slugs[index]);
      expect(response.body.data?.post?.title).toMatch(/\S/);
      expect(response.body.data?.post?.author?.name).toMatch(/\S/);
      expect(response.body.data?.post?.relatedStories).toEqual([]);
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          path: ['post', 'relatedStories'],
          extensions: { code: expect.stringMatching(/^UPSTREAM_(TIMEOUT|UNAVAILABLE)$/), serviceName: 'wordpress' },
        }),
      ]);
    });
  };

  it('hanging listings: every page gets its article within the request deadline, and the hung sockets close', async () => {
    const { gateway, telemetry } = await start();
    wp.inject({ type: 'hang' }, { route: '/wp/v2/posts', when: isListing });
    const responses = await Promise.all(slugs.map((slug) => gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug })));
    expectArticlesWithDegradedRails(responses);

    // Each hung listing the gateway sent was aborted at its own deadline, its socket closed.
    expect(wp.requests.filter(isListing).length).toBeGreaterThan(0);
    await waitFor(() => wp.openRequests() === 0, { description: 'the hung listings\' connections to close' });
    // The article lookups never shared a slot, a queue or a breaker with them.
    const states = (endpointClass: string) => telemetry.breakerStates.filter((entry) => entry.endpointClass === endpointClass).map((entry) => entry.state);
    // (The articles' breaker was made, closed, by the warm-up page; it never moved.)
    expect(states('articles')).toEqual([]);
    expect(telemetry.outcomes('wordpress', 'articles').length).toBeGreaterThanOrEqual(PAGES);
    expect(telemetry.outcomes('wordpress', 'articles').every((outcome) => outcome === 'ok')).toBe(true);
    expect(telemetry.outcomes('wordpress', 'listings')).toContain('timeout');
  });

  it('listings answering 500: every page gets its article, the listings\' breaker opens and its refusals are not logged one by one', async () => {
    const { gateway, telemetry, logs } = await start();
    wp.inject({ type: 'status', status: 500 }, { route: '/wp/v2/posts', when: isListing });
    const responses = await Promise.all(slugs.map((slug) => gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug })));
    expectArticlesWithDegradedRails(responses);

    const states = (endpointClass: string) => telemetry.breakerStates.filter((entry) => entry.endpointClass === endpointClass).map((entry) => entry.state);
    expect(states('listings')).toContain('open');
    expect(states('articles')).toEqual([]);
    const listingOutcomes = telemetry.outcomes('wordpress', 'listings');
    expect(listingOutcomes).toContain('rejected');
    // A warning per listing WordPress actually answered with its 500, and one for the breaker: the calls
    // refused while it was open (or for a full queue) are counted in the metrics, not logged.
    const warnings = logs.lines().filter((line) => line.level >= 40);
    const failed = warnings.filter((line) => line.msg === 'upstream call failed: upstream answered 500');
    expect(failed).toHaveLength(wp.requests.filter(isListing).length);
    // Each names the request that made the call, so the failure can be found from the page that degraded.
    const requestIds = new Set(responses.map((response) => response.headers.get('x-request-id')));
    for (const line of failed) expect(requestIds.has(line.requestId as string)).toBe(true);
    expect(warnings.filter((line) => line.msg === 'upstream circuit breaker opened: failing fast')).toEqual([expect.objectContaining({ serviceName: 'wordpress', endpointClass: 'listings' })]);
    expect(warnings).toHaveLength(wp.requests.filter(isListing).length + 1);
  });
});
