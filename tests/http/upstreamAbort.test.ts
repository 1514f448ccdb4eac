import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { type SingleClassPolicy, UPSTREAM_DEFAULTS } from '../../src/config';
import { RequestEndedError, UpstreamError } from '../../src/errors';
import type { CallContext } from '../../src/requestScope';
import { UpstreamClient } from '../../src/sources/http/UpstreamClient';
import { captureLogs } from '../support/captureLogs';
import { recordingTelemetry } from '../support/recordingTelemetry';
import { waitFor } from '../support/waitFor';

const Greeting = z.object({ hello: z.string() });

/** Far beyond any wait below: when a socket closes, it is because a caller left, not the client's deadline. */
const LONG_TIMEOUT_MS = 60_000;

/**
 * An upstream that holds every request until told to answer, counting the sockets open to it and noting
 * when the socket each request came on closes: what an operator would see of a hung upstream.
 */
async function startHangingUpstream() {
  const sockets = new Set<Socket>();
  const held: ServerResponse[] = [];
  const requests: { url: string; socketClosed: boolean }[] = [];
  const server = createServer((req, res) => {
    const request = { url: req.url ?? '/', socketClosed: false };
    requests.push(request);
    held.push(res);
    req.socket.once('close', () => {
      request.socketClosed = true;
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    open: () => sockets.size,
    /** Requests whose socket has closed. */
    closed: () => requests.filter((request) => request.socketClosed).length,
    answerAll(body: unknown) {
      for (const res of held.splice(0)) {
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const policy = (overrides: Partial<Omit<SingleClassPolicy, 'breaker'>> & { breaker?: Partial<SingleClassPolicy['breaker']> } = {}): SingleClassPolicy => ({
  ...UPSTREAM_DEFAULTS,
  timeoutMs: LONG_TIMEOUT_MS,
  ...overrides,
  breaker: { ...UPSTREAM_DEFAULTS.breaker, ...overrides.breaker },
});

/** A request scope as the HTTP layer makes one: its signal aborts at the deadline or when the client leaves. */
const requestScope = (requestId: string) => {
  const controller = new AbortController();
  const call: CallContext = { requestId, signal: controller.signal };
  return { call, end: () => controller.abort(new Error(`request ${requestId} timed out`)) };
};

const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );

describe('UpstreamClient when the requests waiting on a call end', () => {
  let upstream: Awaited<ReturnType<typeof startHangingUpstream>>;
  const clients: UpstreamClient[] = [];
  beforeEach(async () => {
    upstream = await startHangingUpstream();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await upstream.close();
  });

  const clientWith = (upstreamPolicy: SingleClassPolicy = policy()) => {
    const telemetry = recordingTelemetry();
    const logs = captureLogs('debug');
    const client = new UpstreamClient({ serviceName: 'wordpress', policy: upstreamPolicy, telemetry, logger: logs.logger, backoff: { baseMs: 5, maxMs: 20 } });
    clients.push(client);
    return { client, telemetry, logs };
  };

  it('aborts a call whose only caller left, and frees its socket', async () => {
    const { client, telemetry, logs } = clientWith(policy({ retries: 2 }));
    const scope = requestScope('req-1');
    const call = settled(client.request({ url: new URL('/wp/v2/posts?slug=a', upstream.url), schema: Greeting, call: scope.call }));
    await waitFor(() => upstream.requests.length === 1, { description: 'the upstream to receive the request' });
    expect(upstream.open()).toBe(1);

    scope.end();
    const { error } = await call;
    expect(error).toBeInstanceOf(RequestEndedError);
    expect((error as RequestEndedError).extensions.code).toBe('GATEWAY_TIMEOUT');
    await waitFor(() => upstream.closed() === 1, { description: 'the upstream socket to close' });
    // Not a failure: not retried, reported apart, and no warning about the upstream.
    expect(upstream.requests).toHaveLength(1);
    expect(telemetry.outcomes()).toEqual(['aborted']);
    expect(logs.lines().filter((line) => line.level >= 40)).toEqual([]);
    expect(logs.lines().map((line) => line.msg)).toContain('upstream call abandoned: every request waiting on it has ended');
  });

  it('keeps a shared call going for the caller still waiting when another leaves', async () => {
    const { client, telemetry } = clientWith();
    const [first, second] = [requestScope('req-1'), requestScope('req-2')];
    const url = new URL('/wp/v2/posts?slug=shared', upstream.url);
    const left = settled(client.request({ url, schema: Greeting, call: first.call }));
    const stays = client.request({ url, schema: Greeting, call: second.call });
    await waitFor(() => upstream.requests.length === 1, { description: 'the upstream to receive the request' });

    first.end();
    expect((await left).error).toBeInstanceOf(RequestEndedError);
    upstream.answerAll({ hello: 'still here' });
    expect((await stays).body).toEqual({ hello: 'still here' });
    expect(upstream.requests).toHaveLength(1);
    expect(telemetry.outcomes()).toEqual(['ok']);
  });

  it('aborts a shared call once both its callers have left, and a later caller starts a new one', async () => {
    const { client, telemetry } = clientWith();
    const [first, second] = [requestScope('req-1'), requestScope('req-2')];
    const url = new URL('/wp/v2/posts?slug=both', upstream.url);
    const calls = [first, second].map((scope) => settled(client.request({ url, schema: Greeting, call: scope.call })));
    await waitFor(() => upstream.requests.length === 1, { description: 'the upstream to receive the request' });

    first.end();
    second.end();
    for (const { error } of await Promise.all(calls)) expect(error).toBeInstanceOf(RequestEndedError);
    await waitFor(() => upstream.closed() === 1, { description: 'the upstream socket to close' });
    await waitFor(() => telemetry.outcomes().length === 1, { description: 'the abandoned call to be reported' });
    expect(telemetry.outcomes()).toEqual(['aborted']);

    const later = client.request({ url, schema: Greeting, call: requestScope('req-3').call });
    await waitFor(() => upstream.requests.length === 2, { description: 'a new request upstream' });
    upstream.answerAll({ hello: 'fresh' });
    expect((await later).body.hello).toBe('fresh');
  });

  it('does not let calls abandoned by their callers move the breaker', async () => {
    // With these settings two failures of two calls would open it.
    const { client, telemetry, logs } = clientWith(policy({ retries: 2, breaker: { minRequests: 2, errorThresholdPercent: 1 } }));
    for (let index = 0; index < 10; index += 1) {
      const scope = requestScope(`req-${index}`);
      const call = settled(client.request({ url: new URL(`/wp/v2/posts?slug=s${index}`, upstream.url), schema: Greeting, call: scope.call }));
      await waitFor(() => upstream.requests.length === index + 1, { description: `request ${index} upstream` });
      scope.end();
      expect((await call).error).toBeInstanceOf(RequestEndedError);
    }
    expect(upstream.requests).toHaveLength(10);
    await waitFor(() => telemetry.outcomes().length === 10, { description: 'every abandoned call to be reported' });
    expect(telemetry.outcomes()).toEqual(Array.from({ length: 10 }, () => 'aborted'));
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed']);
    expect(logs.lines().filter((line) => line.level >= 40)).toEqual([]);

    // Still closed: the next call goes upstream and answers.
    const next = client.request({ url: new URL('/wp/v2/posts?slug=next', upstream.url), schema: Greeting, call: requestScope('req-next').call });
    await waitFor(() => upstream.requests.length === 11, { description: 'the next request upstream' });
    upstream.answerAll({ hello: 'closed' });
    expect((await next).body.hello).toBe('closed');
    await waitFor(() => upstream.closed() === 10, { description: 'the abandoned sockets to close' });
  });

  it('aborts a POST its caller left, without retrying it', async () => {
    const { client, telemetry } = clientWith(policy({ retries: 3 }));
    const scope = requestScope('req-post');
    const call = settled(client.request({ url: new URL('/write', upstream.url), method: 'POST', body: { a: 1 }, schema: Greeting, call: scope.call }));
    await waitFor(() => upstream.requests.length === 1, { description: 'the upstream to receive the POST' });
    scope.end();
    expect((await call).error).toBeInstanceOf(RequestEndedError);
    await waitFor(() => upstream.closed() === 1, { description: 'the upstream socket to close' });
    expect(upstream.requests).toHaveLength(1);
    expect(telemetry.outcomes()).toEqual(['aborted']);
  });

  it('sends nothing for a request that has already ended', async () => {
    const { client } = clientWith();
    const scope = requestScope('req-late');
    scope.end();
    for (const method of ['GET', 'POST'] as const) {
      await expect(client.request({ url: new URL('/late', upstream.url), method, schema: Greeting, call: scope.call })).rejects.toBeInstanceOf(RequestEndedError);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('still gives up at its own deadline when no caller leaves', async () => {
    const { client, telemetry } = clientWith(policy({ timeoutMs: 150, retries: 0 }));
    const error = await client.request({ url: new URL('/hang', upstream.url), schema: Greeting, call: requestScope('req-patient').call }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', serviceName: 'wordpress' });
    expect(telemetry.outcomes()).toEqual(['timeout']);
    await waitFor(() => upstream.closed() === 1, { description: 'the timed-out socket to close' });
  });

  it('runs the half-open trial call to its own deadline even when its caller leaves, so the breaker learns the truth', async () => {
    const { client, telemetry } = clientWith(policy({ timeoutMs: 150, retries: 0, breaker: { minRequests: 1, errorThresholdPercent: 1, resetMs: 100 } }));
    const url = new URL('/wp/v2/posts?slug=trial', upstream.url);
    await expect(client.request({ url, schema: Greeting })).rejects.toBeInstanceOf(UpstreamError);
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed', 'open']);
    await waitFor(() => telemetry.breakerStates.at(-1)?.state === 'half_open', { description: 'the breaker to half-open' });

    const scope = requestScope('req-trial');
    const trial = settled(client.request({ url, schema: Greeting, call: scope.call }));
    await waitFor(() => upstream.requests.length === 2, { description: 'the trial call upstream' });
    scope.end();
    // The caller leaves at once...
    expect((await trial).error).toBeInstanceOf(RequestEndedError);
    // ...but the upstream still hangs, and the trial's timeout reopens the breaker rather than closing it.
    await waitFor(() => telemetry.breakerStates.length === 4, { description: 'the trial call to decide' });
    expect(telemetry.breakerStates.map((entry) => entry.state)).toEqual(['closed', 'open', 'half_open', 'open']);
    expect(telemetry.outcomes()).toEqual(['timeout', 'timeout']);
  });
});
