import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { ArticlePageDocument } from '../generated/operations';
import { REFERENCE_SLUG } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

type ErrorBody = { data?: unknown; errors?: { message: string; extensions: { code: string; undeclared?: string[] } }[] };

const ARTICLE = print(ArticlePageDocument);

describe('the response-cache key holds only declared variables, and undeclared ones are refused', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => gateway.close());

  const post = (variables: Record<string, unknown>) =>
    fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ARTICLE, variables }) });
  const get = (variables: Record<string, unknown>) => fetch(`${gateway.url}?${new URLSearchParams({ query: ARTICLE, variables: JSON.stringify(variables) })}`);

  async function expectRefused(response: Response, name: string): Promise<void> {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-cache')).not.toBe('HIT');
    const body = (await response.json()) as ErrorBody;
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions.undeclared).toEqual([name]);
    expect(body.errors?.[0]?.message).toMatch(new RegExp(`"\\$${name}" is not declared by operation "ArticlePage"`));
  }

  it('refuses an undeclared variable with 400 BAD_USER_INPUT on a miss, and again once the page is cached, over POST and GET', async () => {
    await expectRefused(await post({ slug: REFERENCE_SLUG, utm: 'x' }), 'utm');
    await expectRefused(await get({ slug: REFERENCE_SLUG, utm: 'x' }), 'utm');
    for (const send of [post, get]) {
      await send({ slug: REFERENCE_SLUG });
      expect((await send({ slug: REFERENCE_SLUG })).headers.get('x-cache')).toBe('HIT');
      await expectRefused(await send({ slug: REFERENCE_SLUG, utm: 'x' }), 'utm');
      await expectRefused(await send({ utm: 'x', slug: REFERENCE_SLUG }), 'utm');
    }
  });

  it('makes no cache entry for requests with undeclared variables, however many', async () => {
    await post({ slug: REFERENCE_SLUG });
    const before = gateway.gateway.memoryEntries();
    for (let index = 0; index < 50; index += 1) {
      await (await get({ slug: REFERENCE_SLUG, [`junk${index}`]: index })).text();
    }
    expect(gateway.gateway.memoryEntries()).toBe(before);
  });

  it('shares one entry between requests whose variables differ only in key order', async () => {
    const query = 'query Latest($first: Int = 2, $topic: String) { posts(first: $first, topic: $topic) { totalCount } }';
    const send = (variables: Record<string, unknown>) => fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    expect((await send({ first: 2, topic: null })).headers.get('x-cache')).toBe('MISS');
    expect((await send({ topic: null, first: 2 })).headers.get('x-cache')).toBe('HIT');
    const undeclared = await send({ first: 2, last: 3 });
    expect(undeclared.status).toBe(400);
  });

  it('keys a persisted query sent by its hash alone, and refuses undeclared variables sent with it', async () => {
    const query = 'query OneTitle($slug: String!) { post(slug: $slug) { title } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const register = await fetch(`${gateway.url}?${new URLSearchParams({ query, extensions, variables: JSON.stringify({ slug: REFERENCE_SLUG }) })}`);
    expect(register.status).toBe(200);
    const byHash = (variables: Record<string, unknown>) => fetch(`${gateway.url}?${new URLSearchParams({ extensions, variables: JSON.stringify(variables) })}`);
    expect((await byHash({ slug: REFERENCE_SLUG })).headers.get('x-cache')).toBe('HIT');
    const refused = await byHash({ slug: REFERENCE_SLUG, extra: 1 });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
