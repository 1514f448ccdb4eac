import type { ServerResponse } from 'node:http';
import pino from 'pino';
import { z } from 'zod';
import { type BreakerPolicy, type ClassedPolicy, type EndpointClassPolicy, UPSTREAM_DEFAULTS } from '../../src/config';
import { UpstreamError } from '../../src/errors';
import { UpstreamClient } from '../../src/sources/http/UpstreamClient';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../support/loopbackServer';
import { recordingTelemetry } from '../support/recordingTelemetry';
import { waitFor } from '../support/waitFor';

const Greeting = z.object({ hello: z.string() });
/** How long `/steady/…` takes to answer. */
const STEADY_MS = 400;

/** Two classes, as WordPress has five: each test states the sizes and the breaker it relies on. */
const classed = (
  classes: { articles?: Partial<EndpointClassPolicy>; listings?: Partial<EndpointClassPolicy> },
  options: { timeoutMs?: number; retries?: number; breaker?: Partial<BreakerPolicy> } = {},
): ClassedPolicy => {
  const lane = (own: Partial<EndpointClassPolicy> = {}): EndpointClassPolicy => ({
    maxConcurrency: 2,
    maxQueue: 10,
    ...own,
    breaker: { ...UPSTREAM_DEFAULTS.breaker, ...options.breaker, ...own.breaker },
  });
  return { timeoutMs: options.timeoutMs ?? 5_000, retries: options.retries ?? 0, classes: { articles: lane(classes.articles), listings: lane(classes.listings) } };
};

/**
 * An upstream where `/slow/…` holds every request until the test releases them, `/fail/…` answers 500
 * and anything else answers at once.
 */
async function startUpstream(): Promise<LoopbackServer & { held: () => number; release: () => void }> {
  const held: ServerResponse[] = [];
  const server = await startLoopbackServer((req, res) => {
    if (req.url?.startsWith('/slow/')) return void held.push(res);
    if (req.url?.startsWith('/fail/')) return sendJson(res, 500, { error: 'broken' });
    if (req.url?.startsWith('/steady/')) return void setTimeout(() => sendJson(res, 200, { hello: req.url ?? '' }), STEADY_MS);
    sendJson(res, 200, { hello: req.url ?? '' });
  });
  return {
    ...server,
    held: () => held.filter((res) => !res.destroyed).length,
    release: () => {
      for (const res of held.splice(0)) if (!res.destroyed) sendJson(res, 200, { hello: 'late' });
    },
  };
}

const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );

describe('UpstreamClient with endpoint classes', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  const clients: UpstreamClient[] = [];
  beforeEach(async () => {
    upstream = await startUpstream();
  });
  afterEach(async () => {
    upstream.release();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await upstream.close();
  });

  const clientWith = (policy: ClassedPolicy) => {
    const telemetry = recordingTelemetry();
    const client = new UpstreamClient({ serviceName: 'wordpress', policy, telemetry, logger: pino({ level: 'silent' }), backoff: { baseMs: 5, maxMs: 20 } });
    clients.push(client);
    return { client, telemetry };
  };
  const get = (client: UpstreamClient, path: string, endpointClass?: string) => client.request({ url: new URL(path, upstream.url), schema: Greeting, endpointClass });

  it('keeps a hung class to its own slots: calls of another class go at once', async () => {
    const { client } = clientWith(classed({ listings: { maxConcurrency: 2 } }));
    const listings = Array.from({ length: 6 }, (_, index) => settled(get(client, `/slow/listing-${index}`, 'listings')));
    await waitFor(() => upstream.held() === 2, { description: 'the listings to fill their two slots' });

    const articles = await Promise.all(Array.from({ length: 5 }, (_, index) => get(client, `/article-${index}`, 'articles')));
    expect(articles.map((answer) => answer.body.hello)).toEqual(Array.from({ length: 5 }, (_, index) => `/article-${index}`));
    // The four other listings still wait for a listings slot, not for an article's.
    expect(upstream.hits.filter((hit) => hit.url.startsWith('/slow/'))).toHaveLength(2);

    const slowHits = () => upstream.hits.filter((hit) => hit.url.startsWith('/slow/')).length;
    for (const sent of [4, 6]) {
      upstream.release();
      await waitFor(() => slowHits() === sent && upstream.held() === 2, { description: `the queued listings to go two at a time (${sent} sent)` });
    }
    upstream.release();
    expect((await Promise.all(listings)).every((result) => result.error === undefined)).toBe(true);
  });

  it('puts a call naming no class, or an unknown one, in the first class', async () => {
    const { client, telemetry } = clientWith(classed({ articles: { maxConcurrency: 1 } }));
    const holding = settled(get(client, '/slow/a', 'articles'));
    await waitFor(() => upstream.held() === 1, { description: 'the one article slot to be taken' });
    const unnamed = settled(get(client, '/b'));
    const unknown = settled(get(client, '/c', 'comments'));
    upstream.release();
    expect((await unnamed).error).toBeUndefined();
    expect((await unknown).error).toBeUndefined();
    await holding;
    // Both waited behind the article for its one slot, and were counted as articles.
    expect(upstream.hits.map((hit) => hit.url)).toEqual(['/slow/a', '/b', '/c']);
    expect(upstream.maxConcurrent()).toBe(1);
    expect(telemetry.upstreamCalls.map((call) => call.endpointClass)).toEqual(['articles', 'articles', 'articles']);
  });

  it('refuses a call at once with UPSTREAM_UNAVAILABLE when its class\'s queue is full, without moving the breaker', async () => {
    // Two failures of two calls would open this breaker.
    const { client, telemetry } = clientWith(classed({ listings: { maxConcurrency: 1, maxQueue: 1 } }, { breaker: { minRequests: 2, errorThresholdPercent: 1 } }));
    const inFlight = settled(get(client, '/slow/1', 'listings'));
    const queued = settled(get(client, '/slow/2', 'listings'));
    await waitFor(() => upstream.held() === 1, { description: 'the first listing to be sent' });
    const refused = await Promise.all([1, 2, 3].map((index) => settled(get(client, `/slow/refused-${index}`, 'listings'))));
    for (const { error } of refused) {
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'wordpress' });
    }
    expect(telemetry.outcomes('wordpress', 'listings')).toEqual(['overloaded', 'overloaded', 'overloaded']);
    expect(telemetry.breakerStates).toEqual([{ serviceName: 'wordpress', state: 'closed', endpointClass: 'listings' }]);

    upstream.release();
    await waitFor(() => upstream.held() === 1, { description: 'the queued listing to be sent' });
    upstream.release();
    expect((await inFlight).error).toBeUndefined();
    expect((await queued).error).toBeUndefined();
    expect(upstream.hits).toHaveLength(2);
  });

  it('fails a call still queued at the end of its budget with UPSTREAM_TIMEOUT, held against the gateway, not the upstream', async () => {
    // Two failures would open it if calls that never left the queue counted.
    const { client, telemetry } = clientWith(classed({ listings: { maxConcurrency: 1 } }, { timeoutMs: 200, breaker: { minRequests: 2, errorThresholdPercent: 1 } }));
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => settled(get(client, `/slow/${index}`, 'listings'))));
    for (const { error } of results) expect((error as UpstreamError).extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', serviceName: 'wordpress' });
    // One call reached the upstream and timed out there; seven never got a slot.
    expect(upstream.hits).toHaveLength(1);
    expect(telemetry.outcomes('wordpress', 'listings').sort()).toEqual(['timeout', ...Array.from({ length: 7 }, () => 'overloaded')].sort());
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed']);
    await waitFor(() => upstream.held() === 0, { description: 'the timed-out request\'s socket to close' });
  });

  it('does not send a call whose slot comes free with less budget left than the class\'s calls have lately needed', async () => {
    const { client, telemetry } = clientWith(classed({ listings: { maxConcurrency: 1 } }, { timeoutMs: 1_000 }));
    // The class learns that its calls take 400 ms.
    await get(client, '/steady/first', 'listings');
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => settled(get(client, `/steady/${name}`, 'listings'))));
    // `b` got the slot with about 600 ms left, enough for 400; `c` with about 200, not enough: refused unsent.
    expect(a?.error).toBeUndefined();
    expect(b?.error).toBeUndefined();
    expect((c?.error as UpstreamError).extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', serviceName: 'wordpress' });
    expect(upstream.hits.map((hit) => hit.url)).toEqual(['/steady/first', '/steady/a', '/steady/b']);
    expect(telemetry.outcomes('wordpress', 'listings')).toEqual(['ok', 'ok', 'ok', 'overloaded']);
  });

  it('opens only the failing class\'s breaker, and fails its calls at once while the other class answers', async () => {
    const { client, telemetry } = clientWith(classed({}, { breaker: { minRequests: 3, errorThresholdPercent: 50, resetMs: 60_000 } }));
    for (let index = 0; index < 3; index += 1) await settled(get(client, `/fail/${index}`, 'listings'));
    expect(telemetry.breakerStates).toEqual([
      { serviceName: 'wordpress', state: 'closed', endpointClass: 'listings' },
      { serviceName: 'wordpress', state: 'open', endpointClass: 'listings' },
    ]);
    const hitsWhenOpened = upstream.hits.length;
    const rejected = await settled(get(client, '/fail/again', 'listings'));
    expect((rejected.error as UpstreamError).extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'wordpress' });
    expect(upstream.hits).toHaveLength(hitsWhenOpened);
    expect(telemetry.outcomes('wordpress', 'listings').at(-1)).toBe('rejected');

    expect((await get(client, '/article', 'articles')).body.hello).toBe('/article');
    expect(telemetry.breakerStates.filter((entry) => entry.endpointClass === 'articles').map((entry) => entry.state)).toEqual(['closed']);
  });
});
