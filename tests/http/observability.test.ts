import type { SourceCallContext, Sources } from '../../src/sources/types';
import { ArticlePageDocument } from '../generated/operations';
import { captureLogs } from '../support/captureLogs';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_SLUG } from '../support/fixtures';

/** Reads one sample's value from the exposition text; 0 when the series does not exist yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function scrape(gateway: TestGateway): Promise<string> {
  const response = await fetch(gateway.url.replace('/graphql', '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** The demo newsroom, recording the request id each source call sees. */
function sourcesRecordingRequestIds(seen: (string | undefined)[]): Sources {
  const demo = demoSources();
  const record = <T extends object>(source: T): T =>
    new Proxy(source, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          // Every source method takes the request it serves as its last argument.
          seen.push((args[args.length - 1] as SourceCallContext | undefined)?.requestId);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return { posts: record(demo.posts), authors: record(demo.authors), topics: record(demo.topics), related: record(demo.related) };
}

describe('/metrics', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', RESPONSE_CACHE: 'false' } });
  });
  afterAll(() => gateway.close());

  it('moves source, cache, loader and operation series when ArticlePage runs', async () => {
    const before = await scrape(gateway);
    await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
    const afterFirst = await scrape(gateway);

    const delta = (text: string, series: string) => sample(text, series) - sample(before, series);
    expect(delta(afterFirst, 'gateway_source_calls_total{kind="posts",source="demo",method="getPostsBySlugs",outcome="ok"}')).toBe(1);
    expect(delta(afterFirst, 'gateway_source_calls_total{kind="posts",source="demo",method="getPostsByIds",outcome="ok"}')).toBe(1);
    expect(delta(afterFirst, 'gateway_source_calls_total{kind="authors",source="demo",method="getAuthorsByIds",outcome="ok"}')).toBe(2);
    expect(delta(afterFirst, 'gateway_source_calls_total{kind="related",source="demo",method="getRelatedByPostIds",outcome="ok"}')).toBe(1);
    expect(delta(afterFirst, 'gateway_source_call_duration_seconds_count{kind="topics",source="demo",outcome="ok"}')).toBe(2);
    expect(delta(afterFirst, 'gateway_cache_lookups_total{tier="memory",kind="post",result="miss"}')).toBeGreaterThanOrEqual(7);
    // The rail's six posts went to the source in one batch of six.
    expect(delta(afterFirst, 'gateway_loader_batch_size_sum{loader="postById"}')).toBe(6);
    expect(delta(afterFirst, 'gateway_loader_batch_size_count{loader="postById"}')).toBe(1);
    expect(delta(afterFirst, 'gateway_operation_duration_seconds_count{operation="ArticlePage",outcome="ok"}')).toBe(1);
    expect(delta(afterFirst, 'gateway_http_requests_total{route="/graphql",method="POST",status="200"}')).toBe(1);

    // The second run is answered from the entity cache: hits move, sources do not.
    await new Promise((resolve) => setImmediate(resolve));
    await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
    const afterSecond = await scrape(gateway);
    expect(sample(afterSecond, 'gateway_cache_lookups_total{tier="memory",kind="post",result="hit"}')).toBeGreaterThan(sample(afterFirst, 'gateway_cache_lookups_total{tier="memory",kind="post",result="hit"}'));
    expect(sample(afterSecond, 'gateway_source_calls_total{kind="posts",source="demo",method="getPostsBySlugs",outcome="ok"}')).toBe(
      sample(afterFirst, 'gateway_source_calls_total{kind="posts",source="demo",method="getPostsBySlugs",outcome="ok"}'),
    );
  });

  it('counts refusals by status, and includes Node process metrics', async () => {
    await gateway.query('{ nope }');
    const text = await scrape(gateway);
    expect(sample(text, 'gateway_http_requests_total{route="/graphql",method="POST",status="400"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('counts failed source calls', async () => {
    const demo = demoSources();
    const failingRelated = { name: 'recommendations', getRelatedByPostIds: async () => Promise.reject(new Error('recommendations down')) };
    const failing = await startTestGateway({ sources: { ...demo, related: failingRelated }, env: { NODE_ENV: 'production' } });
    try {
      await failing.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
      const text = await scrape(failing);
      expect(sample(text, 'gateway_source_calls_total{kind="related",source="recommendations",method="getRelatedByPostIds",outcome="error"}')).toBe(1);
    } finally {
      await failing.close();
    }
  });

  it('can be turned off', async () => {
    const quiet = await startTestGateway({ env: { METRICS_ENABLED: 'false' } });
    try {
      expect((await fetch(quiet.url.replace('/graphql', '/metrics'))).status).toBe(404);
    } finally {
      await quiet.close();
    }
  });
});

describe('request ids', () => {
  it('keeps the caller’s X-Request-Id, answers with it, hands it to every source call and logs it', async () => {
    const seen: (string | undefined)[] = [];
    const logs = captureLogs();
    const gateway = await startTestGateway({ sources: sourcesRecordingRequestIds(seen), logger: logs.logger, env: { NODE_ENV: 'production' } });
    try {
      const { status, headers } = await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG }, { 'x-request-id': 'edge-7f3a' });
      expect(status).toBe(200);
      expect(headers.get('x-request-id')).toBe('edge-7f3a');
      expect(seen.length).toBeGreaterThanOrEqual(5);
      expect(new Set(seen)).toEqual(new Set(['edge-7f3a']));

      const line = logs.lines().find((candidate) => candidate.msg === 'request');
      expect(line).toMatchObject({ requestId: 'edge-7f3a', method: 'POST', path: '/graphql', status: 200, operationName: 'ArticlePage', completed: true });
      expect(typeof line?.durationMs).toBe('number');
      // Whether the response cache answered, in the same line: a miss first, then a hit.
      expect(line?.responseCache).toBe('MISS');
      await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG }, { 'x-request-id': 'edge-7f3b' });
      expect(logs.lines().find((candidate) => candidate.msg === 'request' && candidate.requestId === 'edge-7f3b')).toMatchObject({ responseCache: 'HIT', status: 200 });
    } finally {
      await gateway.close();
    }
  });

  it('keeps concurrent requests apart', async () => {
    const seen: (string | undefined)[] = [];
    const gateway = await startTestGateway({ sources: sourcesRecordingRequestIds(seen) });
    try {
      const slugs = ['a', 'b', 'c', 'd'];
      await Promise.all(slugs.map((slug) => gateway.query('query($s: String!) { post(slug: $s) { title } }', { s: slug }, { 'x-request-id': `req-${slug}` })));
      expect(new Set(seen)).toEqual(new Set(slugs.map((slug) => `req-${slug}`)));
    } finally {
      await gateway.close();
    }
  });
});
