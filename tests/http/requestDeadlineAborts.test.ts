import { captureLogs } from '../support/captureLogs';
import { type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_SLUG } from '../support/fixtures';
import { recordingTelemetry } from '../support/recordingTelemetry';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

const REQUEST_TIMEOUT_MS = 300;
/** Far longer than any wait below: a connection that closes was closed by the request deadline, not by this. */
const WORDPRESS_TIMEOUT_MS = 60_000;

const POST_TITLE = 'query ($slug: String!) { post(slug: $slug) { title } }';

/**
 * A gateway wired from its environment (sources, coalescing, upstream client) in front of a fake WordPress
 * that hangs: the request deadline must free the upstream connections the requests alone were waiting on.
 */
describe('the request deadline and the upstream calls it was waiting on', () => {
  let wp: FakeWordPress;
  let gateway: TestGateway | undefined;
  let slugs: string[];
  beforeAll(async () => {
    wp = await startFakeWordPress();
    slugs = wp.content.posts.filter((row) => row.visible && row.post.slug !== REFERENCE_SLUG).map((row) => row.post.slug);
  });
  afterAll(async () => {
    await wp.close();
  });
  afterEach(async () => {
    wp.clearFaults();
    wp.resetCounts();
    gateway?.gateway.closeAllConnections();
    await gateway?.close();
    gateway = undefined;
  });

  const start = async () => {
    const recording = recordingTelemetry();
    // Entity cache misses for posts: after its miss, a request's source call follows without I/O.
    let postMisses = 0;
    const telemetry = {
      ...recording,
      cacheLookup: (tier: string, kind: string, _hits: number, misses: number) => {
        if (tier === 'memory' && kind === 'post') postMisses += misses;
      },
    };
    const logs = captureLogs('info');
    gateway = await startTestGateway({
      telemetry,
      logger: logs.logger,
      env: {
        WORDPRESS_URL: wp.url,
        // Discovery is shared by every request and rightly runs to its own end; here it is not the point.
        WORDPRESS_API_ROOT: wp.restRoot,
        REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        WORDPRESS_TIMEOUT_MS: String(WORDPRESS_TIMEOUT_MS),
        // Room for every request's article lookup at once: this is about sockets, not about queueing.
        WORDPRESS_ARTICLES_MAX_CONCURRENCY: '16',
      },
    });
    return { gateway, telemetry: recording, logs, postMisses: () => postMisses };
  };

  it('answers 504 at the deadline and closes the connections to a hung WordPress right after', async () => {
    const { gateway, telemetry, logs } = await start();
    wp.inject({ type: 'hang' });
    const responses = await Promise.all(slugs.slice(0, 10).map((slug) => gateway.query(POST_TITLE, { slug })));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 10 }, () => 504));
    expect(responses[0]?.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_TIMEOUT');
    expect(wp.count('/wp/v2/posts')).toBe(10);

    // Without the abort these ten would stay open for WORDPRESS_TIMEOUT_MS.
    await waitFor(() => wp.openRequests() === 0, { description: 'the connections of the hung requests to close' });
    await waitFor(() => telemetry.outcomes('wordpress').length === 10, { description: 'every upstream call to be reported' });
    expect(telemetry.outcomes('wordpress')).toEqual(Array.from({ length: 10 }, () => 'aborted'));
    // Neither an upstream failure nor an unexpected error: the requests ended, nothing broke.
    expect(logs.lines().filter((line) => line.level >= 40)).toEqual([]);
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed']);
    // undici 7 opens a spare connection after each aborted request (nodejs/undici#5845); it carries
    // nothing and the pool drops it at its keep-alive timeout (4 s), far inside WORDPRESS_TIMEOUT_MS.
    await waitFor(() => wp.openConnections() === 0, { description: 'every connection to WordPress to close', timeoutMs: 8000 });
  });

  it('keeps a call shared with a request still waiting when another request\'s client leaves', async () => {
    const { gateway, telemetry, postMisses } = await start();
    const slug = slugs[20] as string;
    // Slow but inside the deadline, so the request that stays gets its article.
    wp.inject({ type: 'delay', ms: 150 }, { route: '/wp/v2/posts' });
    const leaving = new AbortController();
    const left = fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: POST_TITLE, variables: { slug } }),
      signal: leaving.signal,
    }).catch((error: unknown) => error);
    await waitFor(() => wp.count('/wp/v2/posts') === 1, { description: 'the first request to reach WordPress' });
    const stays = gateway.query<{ post: { title: string } | null }>(POST_TITLE, { slug });
    // Missed the cache too, so (one turn of the event loop later) it has joined the call in flight.
    await waitFor(() => postMisses() === 2, { description: 'the second request to ask for the post' });
    leaving.abort();
    expect((await left as Error).name).toBe('AbortError');

    const { status, body } = await stays;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.post?.title).toMatch(/\S/);
    expect(wp.count('/wp/v2/posts')).toBe(1);
    expect(telemetry.outcomes('wordpress')).toEqual(['ok']);
  });
});
