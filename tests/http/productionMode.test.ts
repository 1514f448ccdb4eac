import { ArticlePageDocument } from '../generated/operations';
import { captureLogs } from '../support/captureLogs';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import type { Sources } from '../../src/sources/types';
import { REFERENCE_SLUG } from '../support/fixtures';

const SECRET = 'postgres://gateway:hunter2@10.1.2.3:5432/cms';

/** The demo newsroom, except that looking posts up by slug fails the way a broken driver would. */
function brokenPostSources(): Sources {
  const demo = demoSources();
  const posts = Object.create(demo.posts) as Sources['posts'];
  posts.getPostsBySlugs = async () => {
    throw new TypeError(`Cannot read properties of undefined (reading 'rows') at ${SECRET}`);
  };
  return { ...demo, posts };
}

async function getWithHeaders(url: string, headers: Record<string, string>): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(url, { headers });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

describe('production mode', () => {
  let gateway: TestGateway;
  const logs = captureLogs();
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: brokenPostSources(), env: { NODE_ENV: 'production' }, logger: logs.logger });
  });
  afterAll(() => gateway.close());

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Post") { fields { name } } }']) {
      const { status, body } = await gateway.query(query);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.data).toBeUndefined();
    }
  });

  it('gives no "Did you mean" hints', async () => {
    const { status, body } = await gateway.query('{ postz(slug: "a") { titl } posts(firts: 1) { totalCount } }');
    expect(status).toBe(400);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
  });

  it('serves no landing page: a browser opening /graphql is told so in plain text, never HTML', async () => {
    for (const headers of [{ accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, { accept: 'text/html', 'apollo-require-preflight': 'true' }] as Record<string, string>[]) {
      const { status, contentType, text } = await getWithHeaders(gateway.url, headers);
      expect(status).toBe(200);
      expect(contentType).toMatch(/^text\/plain/);
      expect(text).toMatch(/^GraphQL endpoint; landing page disabled/);
      expect(text).not.toMatch(/<html|<!DOCTYPE/i);
    }
    // A client asking for JSON without a query is told what is missing, in JSON.
    const { status, contentType } = await getWithHeaders(gateway.url, { accept: 'application/json' });
    expect(status).toBe(400);
    expect(contentType).toMatch(/^application\/json/);
  });

  it('never shows stack traces', async () => {
    const responses = [
      await gateway.query('{ posts(first: 0) { totalCount } }'),
      await gateway.query('{ nope }'),
      await gateway.query('query($n: Int!) { posts(first: $n) { totalCount } }', { n: 'x' }),
      await gateway.query('{ post(slug: "a") { title } }'),
    ];
    for (const response of responses) {
      expect(response.body.errors?.length).toBeGreaterThan(0);
      for (const error of response.body.errors ?? []) expect(error.extensions).not.toHaveProperty('stacktrace');
    }
  });

  it('masks an unexpected error to a code and a request id, which the log line carries too', async () => {
    const requestId = 'support-ticket-4711';
    const { status, headers, body } = await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG }, { 'x-request-id': requestId });
    expect(status).toBe(200);
    expect(headers.get('x-request-id')).toBe(requestId);
    expect(body.data).toEqual({ post: null });
    expect(body.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 2, column: 3 }], path: ['post'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(JSON.stringify(body)).not.toContain('rows');

    const logged = logs.lines().find((line) => line.msg === 'unexpected error while resolving' && line.requestId === requestId);
    expect(logged?.level).toBe(50);
    expect(logged?.err?.message).toContain('reading \'rows\'');
    const accessLine = logs.lines().find((line) => line.msg === 'request' && line.requestId === requestId);
    expect(accessLine).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operationName: 'ArticlePage', completed: true });
  });

  it('gives every request its own id when the caller sends none (or an unsafe one)', async () => {
    const generated = await gateway.query('{ post(slug: "x") { title } }', undefined, { 'x-request-id': 'has spaces and\u00e9' });
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.errors?.[0]?.extensions?.requestId).toBe(id);
  });
});

describe('production switches are each overridable, and development keeps its conveniences', () => {
  it('INTROSPECTION, FIELD_SUGGESTIONS, LANDING_PAGE and EXPOSE_ERROR_DETAILS turn each back on in production', async () => {
    const gateway = await startTestGateway({
      sources: brokenPostSources(),
      env: { NODE_ENV: 'production', INTROSPECTION: 'true', FIELD_SUGGESTIONS: 'true', LANDING_PAGE: 'true', EXPOSE_ERROR_DETAILS: 'true' },
    });
    try {
      expect((await gateway.query('{ __type(name: "Post") { name } }')).body.data).toEqual({ __type: { name: 'Post' } });
      expect(JSON.stringify((await gateway.query('{ postz(slug: "a") { id } }')).body)).toMatch(/Did you mean/);
      const page = await getWithHeaders(gateway.url, { accept: 'text/html' });
      expect(page.contentType).toMatch(/^text\/html/);
      const failed = await gateway.query('{ post(slug: "a") { title } }');
      expect(failed.body.errors?.[0]?.extensions).toHaveProperty('stacktrace');
      expect(failed.body.errors?.[0]?.message).toContain("reading 'rows'");
    } finally {
      await gateway.close();
    }
  });

  it('development shows hints and the landing page by default', async () => {
    const gateway = await startTestGateway({ env: { NODE_ENV: 'development' } });
    try {
      expect(JSON.stringify((await gateway.query('{ postz(slug: "a") { id } }')).body)).toMatch(/Did you mean/);
      const page = await getWithHeaders(gateway.url, { accept: 'text/html' });
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/<html|<!DOCTYPE/i);
    } finally {
      await gateway.close();
    }
  });
});
