import { connect } from 'node:net';
import { serverAudits } from 'graphql-http';
import { DemoNewsroomSource } from '../../src/sources/demo/DemoNewsroomSource';
import type { SourceCallContext } from '../../src/sources/types';
import { noopTelemetry } from '../../src/telemetry';
import { countingSources } from '../support/countingSources';
import { rawPost } from '../support/rawPost';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

const SANDBOX = 'https://studio.apollographql.com';

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
}

describe('GraphQL over HTTP conformance (graphql-http audit) in production', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // The audit's own queries ask for `__type`, so introspection is on; everything else is production.
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', INTROSPECTION: 'true' } });
  });
  afterAll(() => gateway.close());

  it('passes every MUST audit', async () => {
    // Apollo's CSRF prevention wants a non-simple header on GET; servers and apps send one, browsers are
    // forced to preflight by it. Everything else the audit sends goes as it is.
    const fetchFn = (input: string | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('apollo-require-preflight', 'true');
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: gateway.url, fetchFn });
    const results = [];
    for (const audit of audits) results.push(await audit.fn());
    const mustFailures = results.filter((result) => result.name.startsWith('MUST') && result.status !== 'ok');
    expect(mustFailures.map((failure) => `${failure.id} ${failure.name}: ${'reason' in failure ? failure.reason : ''}`)).toEqual([]);
    expect(results.filter((result) => result.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});

describe('HTTP hygiene', () => {
  it('allows Apollo Sandbox’s origin in development and no foreign origin in production unless configured', async () => {
    const development = await startTestGateway({ env: { NODE_ENV: 'development' } });
    const production = await startTestGateway({ env: { NODE_ENV: 'production' } });
    const configured = await startTestGateway({ env: { NODE_ENV: 'production', CORS_ORIGINS: 'https://www.example.com' } });
    try {
      const sandbox = await preflight(development.url, SANDBOX);
      expect(sandbox.status).toBe(204);
      expect(sandbox.headers.get('access-control-allow-origin')).toBe(SANDBOX);
      expect(sandbox.headers.get('access-control-allow-headers')).toMatch(/apollo-require-preflight/);
      expect((await preflight(development.url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      // A local frontend on any port, and Apollo Client's client-awareness headers in its preflight.
      for (const origin of ['http://localhost:3000', 'http://localhost:5173', 'http://127.0.0.1:8080']) {
        const local = await fetch(development.url, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,apollographql-client-name,apollographql-client-version' },
        });
        expect(local.status).toBe(204);
        expect(local.headers.get('access-control-allow-origin')).toBe(origin);
        expect(local.headers.get('access-control-allow-headers')).toMatch(/apollographql-client-name,apollographql-client-version/);
        expect(local.headers.get('vary')).toMatch(/Origin/);
      }
      for (const origin of ['http://localhost.evil.example', 'http://localhost:3000.evil.example', 'https://localhost:3000']) {
        expect((await preflight(development.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
      expect((await preflight(production.url, 'http://localhost:3000')).headers.get('access-control-allow-origin')).toBeNull();

      expect((await preflight(production.url, SANDBOX)).headers.get('access-control-allow-origin')).toBeNull();

      const allowed = await fetch(configured.url, { method: 'POST', headers: { origin: 'https://www.example.com', 'content-type': 'application/json' }, body: '{"query":"{ posts(first: 1) { totalCount } }"}' });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
      expect(allowed.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
      expect((await preflight(configured.url, SANDBOX)).headers.get('access-control-allow-origin')).toBeNull();
      const custom = await startTestGateway({ env: { NODE_ENV: 'production', CORS_ORIGINS: 'https://www.example.com', CORS_ALLOWED_HEADERS: 'x-tenant' } });
      try {
        const withTenant = await fetch(custom.url, {
          method: 'OPTIONS',
          headers: { origin: 'https://www.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-tenant' },
        });
        expect(withTenant.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['content-type', 'x-tenant', 'apollographql-client-name']));
      } finally {
        await custom.close();
      }
    } finally {
      await Promise.all([development.close(), production.close(), configured.close()]);
    }
  });

  describe('CSRF prevention', () => {
    const counted = countingSources(demoSources());
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway({ sources: counted.sources, env: { NODE_ENV: 'production' } });
    });
    afterAll(() => gateway.close());
    beforeEach(() => counted.reset());

    it('runs a GET query that has no content-type and no preflight header (urql and graphql-request send such GETs)', async () => {
      const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ posts(first: 1) { totalCount } }')}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { posts: { totalCount: expect.any(Number) } } });
    });

    it('runs the same GET with a header that forces a preflight (apollo-require-preflight or x-apollo-operation-name)', async () => {
      for (const header of [{ 'apollo-require-preflight': 'true' }, { 'x-apollo-operation-name': 'Count' }] as Record<string, string>[]) {
        const response = await fetch(`${gateway.url}?query=${encodeURIComponent('query Count { posts(first: 1) { totalCount } }')}`, { headers: header });
        expect(response.status).toBe(200);
      }
    });

    // Every request a page on another site can make without a preflight: none may run an operation that
    // is not a query, and none of the POSTs may run anything at all. No source is called.
    const simpleRequests: [string, RequestInit & { search?: string }][] = [
      ['form POST', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=mutation%20%7B%20x%20%7D' }],
      ['multipart form POST', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\ncontent-disposition: form-data; name="query"\r\n\r\nmutation { x }\r\n--x--' }],
      ['text/plain POST (JSON inside)', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '{"query":"mutation { x }"}' }],
      ['text/plain POST of a query', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ posts(first: 1) { totalCount } }"}' }],
      ['POST without content-type', { method: 'POST', body: new Blob(['{"query":"mutation { x }"}']) }],
      ['GET mutation', { search: `?query=${encodeURIComponent('mutation { x }')}` }],
      ['GET mutation with operationName', { search: `?query=${encodeURIComponent('mutation M { x } query Q { posts(first: 1) { totalCount } }')}&operationName=M` }],
      ['GET subscription', { search: `?query=${encodeURIComponent('subscription { x }')}` }],
    ];
    it.each(simpleRequests)('refuses a %s with a JSON 4xx, before any source is called', async (_name, { search = '', ...init }) => {
      const response = await fetch(`${gateway.url}${search}`, init);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]?.extensions.code).toMatch(/^(BAD_REQUEST|GRAPHQL_VALIDATION_FAILED)$/);
      expect(counted.count()).toBe(0);
    });

    it('answers the POSTs as CSRF refusals, not as bad JSON', async () => {
      for (const [, init] of simpleRequests.filter(([name]) => name.includes('POST'))) {
        const response = await fetch(gateway.url, init);
        expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
      }
    });
  });

  it('turns batching on only when configured, and bounds the batch', async () => {
    const off = await startTestGateway({ env: { NODE_ENV: 'production' } });
    const on = await startTestGateway({ env: { NODE_ENV: 'production', BATCH_MAX_OPERATIONS: '2' } });
    const batch = (size: number) => JSON.stringify(Array.from({ length: size }, () => ({ query: '{ posts(first: 1) { totalCount } }' })));
    try {
      const refused = await rawPost(off.url, batch(2), { 'content-type': 'application/json' });
      expect(refused.status).toBe(400);
      expect(refused.json().errors?.[0]?.message).toMatch(/batching disabled/i);

      const answered = await rawPost(on.url, batch(2), { 'content-type': 'application/json' });
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.text)).toHaveLength(2);
      const tooBig = await rawPost(on.url, batch(3), { 'content-type': 'application/json' });
      expect(tooBig.status).toBe(400);
      expect(tooBig.json().errors?.[0]).toMatchObject({ message: 'A batch may hold at most 2 operations; this one holds 3.', extensions: { code: 'BAD_REQUEST' } });
    } finally {
      await Promise.all([off.close(), on.close()]);
    }
  });

  it('answers a request that outlives REQUEST_TIMEOUT_MS with a JSON 504, stops its upstream work, and keeps serving', async () => {
    const slow = new DemoNewsroomSource({ latencyMs: 5000 });
    const sourceCalls: { outcome: string; durationMs: number }[] = [];
    const telemetry = { ...noopTelemetry, sourceCall: (_kind: string, _source: string, _method: string, outcome: string, durationMs: number) => sourceCalls.push({ outcome, durationMs }) };
    const gateway = await startTestGateway({
      sources: { posts: slow, authors: slow, topics: slow, related: slow },
      env: { NODE_ENV: 'production', REQUEST_TIMEOUT_MS: '200' },
      telemetry,
    });
    try {
      const { status, headers, body } = await gateway.query('{ posts(first: 1) { totalCount } }', undefined, { 'x-request-id': 'slow-one' });
      expect(status).toBe(504);
      expect(headers.get('content-type')).toMatch(/^application\/json/);
      expect(headers.get('x-request-id')).toBe('slow-one');
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'GATEWAY_TIMEOUT' } });
      expect(body.errors?.[0]?.message).toContain('200 ms');
      const health = await fetch(gateway.url.replace('/graphql', '/healthz'));
      expect(health.status).toBe(200);
      // The request scope's signal aborted the simulated upstream call instead of letting it run 5 s.
      await waitFor(() => sourceCalls.length > 0, { timeoutMs: 3000, intervalMs: 10, description: 'the aborted source call to be recorded' });
      expect(sourceCalls[0]?.outcome).toBe('error');
      expect(sourceCalls[0]?.durationMs).toBeLessThan(4000);
    } finally {
      gateway.gateway.closeAllConnections();
      await gateway.close();
    }
  });

  it('hands a source that asks for the request\'s signal only after the deadline an aborted one', async () => {
    const seen: boolean[] = [];
    const demo = demoSources();
    const late = Object.assign(Object.create(demo.posts) as typeof demo.posts, {
      getPostsBySlugs: async (slugs: readonly string[], call?: SourceCallContext) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        seen.push(call?.signal.aborted ?? false);
        return demo.posts.getPostsBySlugs(slugs);
      },
    });
    const gateway = await startTestGateway({ sources: { ...demo, posts: late }, env: { NODE_ENV: 'production', REQUEST_TIMEOUT_MS: '100' } });
    try {
      expect((await gateway.query('{ post(slug: "anything") { title } }')).status).toBe(504);
      await waitFor(() => seen.length > 0, { timeoutMs: 3000, intervalMs: 10, description: 'the late source call to look at its signal' });
      expect(seen).toEqual([true]);
    } finally {
      gateway.gateway.closeAllConnections();
      await gateway.close();
    }
  });

  it('answers what Node cannot parse as HTTP with JSON too', async () => {
    const gateway = await startTestGateway({ env: { NODE_ENV: 'production' } });
    try {
      const port = new URL(gateway.url).port;
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400 /);
      expect(reply).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toEqual({ errors: [{ message: 'The request is not valid HTTP.', extensions: { code: 'BAD_REQUEST' } }] });
    } finally {
      await gateway.close();
    }
  });
});
