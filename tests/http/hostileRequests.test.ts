import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ArticlePageDocument } from '../generated/operations';
import { countingSources } from '../support/countingSources';
import { aliasedQuery, directiveQuery, fragmentSpreadQuery, nestedQuery } from '../support/hostileQueries';
import { rawPost, type RawResponse } from '../support/rawPost';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { JSON_HEADERS, REFERENCE_SLUG } from '../support/fixtures';

interface HostileCase {
  name: string;
  send: (url: string) => Promise<RawResponse>;
  status: number;
  code: string;
}

const post = (body: string | Buffer, headers: Record<string, string> = JSON_HEADERS) => (url: string) => rawPost(url, body, headers);
const operation = (query: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query, variables }));

const HOSTILE: HostileCase[] = [
  { name: 'a depth-50 query', send: operation(nestedQuery(50)), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: '10,000 aliases',
    send: operation(aliasedQuery(10_000)),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'a fragment spread 1,000 times',
    send: operation(fragmentSpreadQuery(1000)),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: '1,000 directives',
    send: operation(directiveQuery(1000)),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: 'a 10 MB body', send: post(Buffer.alloc(10 * 1024 * 1024, ' ')), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'a 1 MB string argument',
    send: operation('query($q: String) { posts(search: $q) { totalCount } }', { q: 'x'.repeat(1024 * 1024) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  { name: 'malformed JSON', send: post('{"query": "{ posts { totalCount } }"'), status: 400, code: 'BAD_REQUEST' },
  { name: 'a wrong content type', send: post(JSON.stringify({ query: '{ posts { totalCount } }' }), { 'content-type': 'text/plain' }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a batch of 1,000 operations',
    send: post(JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ posts(first: 1) { totalCount } }' })))),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'invalid variables',
    send: operation('query($slug: String!, $first: Int!) { post(slug: $slug) { relatedStories(first: $first) { title } } }', { slug: ['not', 'a', 'string'], first: 'six' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
];

/** A full collection, for comparing heap sizes without the noise of garbage not yet collected. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('hostile requests in production: refused with a 4xx JSON error before any upstream call', () => {
  const counted = countingSources(demoSources());
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: counted.sources, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => gateway.close());

  const expectStillServing = async () => {
    const { status, body } = await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data as { post: { slug: string } }).post.slug).toBe(REFERENCE_SLUG);
  };

  it('sends the document cases under the body limit, so the query limits are what refuse them', () => {
    for (const query of [nestedQuery(50), aliasedQuery(10_000), fragmentSpreadQuery(1000), directiveQuery(1000)]) {
      expect(Buffer.byteLength(JSON.stringify({ query }))).toBeLessThan(100 * 1024);
    }
  });

  it.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))('%s', async (_name, hostile) => {
    counted.reset();
    const startedAt = performance.now();
    const response = await hostile.send(gateway.url);
    const elapsedMs = performance.now() - startedAt;

    expect(response.status).toBe(hostile.status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors?.length).toBeGreaterThanOrEqual(1);
    expect(body.errors?.[0]?.extensions?.code).toBe(hostile.code);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.(ts|js):\d+/);
    expect(counted.count()).toBe(0);
    // Speed is measured in bench/hostileRequests.ts; this bound only catches a refusal that does real work.
    expect(elapsedMs).toBeLessThan(5000);
    await expectStillServing();
  });

  it('keeps memory near where it was after refusing every case many times', async () => {
    const gc = collectGarbage();
    await expectStillServing();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let round = 0; round < 5; round += 1) {
      for (const hostile of HOSTILE) await hostile.send(gateway.url);
    }
    counted.reset();
    await expectStillServing();
    gc();
    const after = process.memoryUsage().heapUsed;
    // Generous: the test process holds client and server; a leak of the refused bodies (10 MB each) would show.
    expect(after - before).toBeLessThan(40 * 1024 * 1024);
  });
});
