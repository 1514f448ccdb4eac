import pino from 'pino';
import { z } from 'zod';
import { type SingleClassPolicy, UPSTREAM_DEFAULTS } from '../../src/config';
import { UpstreamError } from '../../src/errors';
import { UpstreamClient } from '../../src/sources/http/UpstreamClient';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../support/loopbackServer';
import { recordingTelemetry } from '../support/recordingTelemetry';
import { waitFor } from '../support/waitFor';

const Greeting = z.object({ hello: z.string() });

/** Small numbers so failure paths finish fast; each test states what it relies on. */
const policy = (overrides: Partial<Omit<SingleClassPolicy, 'breaker'>> & { breaker?: Partial<SingleClassPolicy['breaker']> } = {}): SingleClassPolicy => ({
  ...UPSTREAM_DEFAULTS,
  timeoutMs: 1000,
  ...overrides,
  breaker: { ...UPSTREAM_DEFAULTS.breaker, ...overrides.breaker },
});

describe('UpstreamClient against loopback servers', () => {
  const servers: LoopbackServer[] = [];
  const clients: UpstreamClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  const serve = async (handler: Parameters<typeof startLoopbackServer>[0]) => {
    const server = await startLoopbackServer(handler);
    servers.push(server);
    return server;
  };
  const clientWith = (upstreamPolicy: SingleClassPolicy) => {
    const telemetry = recordingTelemetry();
    const client = new UpstreamClient({
      serviceName: 'related',
      policy: upstreamPolicy,
      telemetry,
      logger: pino({ level: 'silent' }),
      backoff: { baseMs: 5, maxMs: 20 },
    });
    clients.push(client);
    return { client, telemetry };
  };
  const codeOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    return (error as UpstreamError).extensions;
  };

  it('parses and validates a JSON answer and reports the call', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { hello: 'world', extra: true }));
    const { client, telemetry } = clientWith(policy());
    const response = await client.request({ url: new URL('/greeting?x=1', server.url), schema: Greeting });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ hello: 'world' });
    expect(server.hits).toEqual([{ method: 'GET', url: '/greeting?x=1' }]);
    expect(telemetry.outcomes()).toEqual(['ok']);
  });

  it('retries an idempotent GET after 5xx answers and a reset connection, then succeeds', async () => {
    let count = 0;
    const server = await serve((req, res) => {
      count += 1;
      if (count === 1) return sendJson(res, 503, { error: 'busy' });
      if (count === 2) return void req.socket.destroy();
      return sendJson(res, 200, { hello: 'again' });
    });
    const { client, telemetry } = clientWith(policy({ retries: 2 }));
    const response = await client.request({ url: new URL('/flaky', server.url), schema: Greeting });
    expect(response.body.hello).toBe('again');
    expect(server.hits).toHaveLength(3);
    expect(telemetry.outcomes()).toEqual(['error', 'error', 'ok']);
  });

  it('stops after the configured number of retries', async () => {
    const server = await serve((_req, res) => sendJson(res, 500, {}));
    const { client } = clientWith(policy({ retries: 2 }));
    expect(await codeOf(client.request({ url: new URL('/down', server.url), schema: Greeting }))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'related' });
    expect(server.hits).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}));
    const { client } = clientWith(policy({ retries: 3 }));
    const failure = client.request({ url: new URL('/write', server.url), method: 'POST', body: { a: 1 }, schema: Greeting });
    expect((await codeOf(failure)).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.hits).toEqual([{ method: 'POST', url: '/write' }]);
  });

  it('does not retry answers that will not change: a wrong shape, malformed JSON, a 404', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/shape') return sendJson(res, 200, { hello: 42 });
      if (req.url === '/json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"hello": "wor');
      }
      return sendJson(res, 404, { code: 'rest_no_route' });
    });
    const { client, telemetry } = clientWith(policy({ retries: 2 }));
    for (const path of ['/shape', '/json', '/missing']) {
      expect(await codeOf(client.request({ url: new URL(path, server.url), schema: Greeting }))).toEqual({ code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'related' });
    }
    expect(server.hits.map((hit) => hit.url)).toEqual(['/shape', '/json', '/missing']);
    expect(telemetry.outcomes()).toEqual(['bad_response', 'bad_response', 'bad_response']);
  });

  it('gives up at the deadline when the upstream hangs, without retrying past it', async () => {
    const server = await serve(() => {
      // Never answers.
    });
    const { client, telemetry } = clientWith(policy({ timeoutMs: 150, retries: 2 }));
    const started = performance.now();
    expect(await codeOf(client.request({ url: new URL('/hang', server.url), schema: Greeting }))).toEqual({ code: 'UPSTREAM_TIMEOUT', serviceName: 'related' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    // Generous: the point is that it is the deadline, not the upstream, that decides.
    expect(elapsed).toBeLessThan(1500);
    expect(server.hits).toHaveLength(1);
    expect(telemetry.outcomes()).toEqual(['timeout']);
  });

  it('times out a body that arrives too slowly', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"hello": ');
      // ...and the rest never comes.
    });
    const { client } = clientWith(policy({ timeoutMs: 150, retries: 0 }));
    expect((await codeOf(client.request({ url: new URL('/slow', server.url), schema: Greeting }))).code).toBe('UPSTREAM_TIMEOUT');
  });

  it('keeps the upstream URL and body out of the error it throws', async () => {
    const server = await serve((_req, res) => sendJson(res, 500, { secret: 'stack trace with passwords' }));
    const { client } = clientWith(policy({ retries: 0 }));
    const error = (await client.request({ url: new URL('/private/path?token=abc', server.url), schema: Greeting }).catch((thrown: unknown) => thrown)) as UpstreamError;
    expect(error.message).toBe('The related service is unavailable.');
    expect(JSON.stringify(error.toJSON())).not.toMatch(/127\.0\.0\.1|token|private|passwords/);
  });

  it('opens the breaker after repeated failures, fails fast while open, and closes when the upstream recovers', async () => {
    let healthy = false;
    const server = await serve((_req, res) => (healthy ? sendJson(res, 200, { hello: 'back' }) : sendJson(res, 500, {})));
    const { client, telemetry } = clientWith(policy({ retries: 0, breaker: { minRequests: 3, errorThresholdPercent: 50, resetMs: 200 } }));
    const url = new URL('/breaker', server.url);

    for (let call = 0; call < 3; call += 1) await codeOf(client.request({ url, schema: Greeting }));
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed', 'open']);
    const hitsWhenOpened = server.hits.length;

    // Open: answered at once, without touching the upstream.
    for (let call = 0; call < 5; call += 1) expect((await codeOf(client.request({ url, schema: Greeting }))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.hits).toHaveLength(hitsWhenOpened);
    expect(telemetry.outcomes().filter((outcome) => outcome === 'rejected')).toHaveLength(5);

    healthy = true;
    // The breaker lets a trial call through once its reset time (200 ms) has passed, and says so.
    await waitFor(() => telemetry.breakerStates.some((entry) => entry.state === 'half_open'), { timeoutMs: 2000, description: 'the breaker to half-open' });
    const response = await client.request({ url, schema: Greeting });
    expect(response.body.hello).toBe('back');
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed', 'open', 'half_open', 'closed']);
  });

  it('does not let 4xx answers open the breaker', async () => {
    const server = await serve((_req, res) => sendJson(res, 400, { code: 'rest_invalid_param' }));
    const { client, telemetry } = clientWith(policy({ retries: 0, breaker: { minRequests: 2, errorThresholdPercent: 10 } }));
    for (let call = 0; call < 6; call += 1) await codeOf(client.request({ url: new URL('/bad', server.url), schema: Greeting }));
    expect(server.hits).toHaveLength(6);
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed']);
  });

  it('coalesces identical GETs in flight into one upstream request', async () => {
    const server = await serve((_req, res) => void setTimeout(() => sendJson(res, 200, { hello: 'shared' }), 50));
    const { client, telemetry } = clientWith(policy());
    const same = new URL('/same?ids=1,2', server.url);
    const answers = await Promise.all(Array.from({ length: 50 }, () => client.request({ url: same, schema: Greeting })));
    expect(answers.every((answer) => answer.body.hello === 'shared')).toBe(true);
    expect(server.hits).toHaveLength(1);
    expect(telemetry.outcomes()).toEqual(['ok']);

    // Different URLs are different requests, and a finished request is not reused.
    await Promise.all([client.request({ url: new URL('/other', server.url), schema: Greeting }), client.request({ url: same, schema: Greeting })]);
    expect(server.hits.map((hit) => hit.url)).toEqual(['/same?ids=1,2', '/other', '/same?ids=1,2']);

    // The same URL read with another schema is another question.
    await Promise.all([client.request({ url: same, schema: Greeting }), client.request({ url: same, schema: z.object({ hello: z.string().min(1) }) })]);
    expect(server.hits).toHaveLength(5);
  });

  it('shares one failure among coalesced callers and counts it once', async () => {
    const server = await serve((_req, res) => void setTimeout(() => sendJson(res, 500, {}), 30));
    const { client, telemetry } = clientWith(policy({ retries: 0 }));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => client.request({ url: new URL('/fail', server.url), schema: Greeting })));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(server.hits).toHaveLength(1);
    expect(telemetry.outcomes()).toEqual(['error']);
  });

  it('never coalesces POSTs', async () => {
    const server = await serve((_req, res) => void setTimeout(() => sendJson(res, 200, { hello: 'each' }), 20));
    const { client } = clientWith(policy());
    await Promise.all(Array.from({ length: 3 }, () => client.request({ url: new URL('/post', server.url), method: 'POST', body: {}, schema: Greeting })));
    expect(server.hits).toHaveLength(3);
  });

  it('caps the requests in flight to one upstream; the rest wait their turn', async () => {
    const server = await serve((_req, res) => void setTimeout(() => sendJson(res, 200, { hello: 'capped' }), 40));
    const { client } = clientWith(policy({ maxConcurrency: 3 }));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => client.request({ url: new URL(`/item/${index}`, server.url), schema: Greeting })));
    expect(answers).toHaveLength(12);
    expect(server.hits).toHaveLength(12);
    expect(server.maxConcurrent()).toBe(3);
  });
});
