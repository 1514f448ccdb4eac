import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { ArticlePageDocument, LatestPostsDocument } from '../generated/operations';
import { countingSources } from '../support/countingSources';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_SLUG } from '../support/fixtures';

const PUBLIC_60 = 'public, max-age=60, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('HTTP caching headers and the response cache', () => {
  const counted = countingSources(demoSources());
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: counted.sources });
  });
  afterAll(() => gateway.close());

  it('marks ArticlePage public for 60 s and tags every entity it shows', async () => {
    const [reference] = await demoSources().posts.getPostsBySlugs([REFERENCE_SLUG]);
    const response = await post(gateway.url, { query: print(ArticlePageDocument), variables: { slug: REFERENCE_SLUG } });
    const body = (await response.json()) as { data: { post: { relatedStories: { post: { id: string } }[] } } };
    expect(response.headers.get('cache-control')).toBe(PUBLIC_60);

    const surrogateKeys = (response.headers.get('surrogate-key') ?? '').split(' ');
    expect(surrogateKeys).toEqual(expect.arrayContaining([`post:${reference?.id}`, `author:${reference?.authorIds[0]}`]));
    for (const topicId of reference?.topicIds ?? []) expect(surrogateKeys).toContain(`topic:${topicId}`);
    // The six teaser posts are in the page, so they are in the tags.
    const railIds = body.data.post.relatedStories.map((story) => Buffer.from(story.post.id, 'base64url').toString().split(':')[1]);
    for (const id of railIds) expect(surrogateKeys).toContain(`post:${id}`);
    expect(response.headers.get('cache-tag')?.split(',')).toEqual(surrogateKeys);
  });

  it('marks a listing public for 30 s with the list tag and each post', async () => {
    const response = await post(gateway.url, { query: print(LatestPostsDocument), variables: { first: 5 } });
    const body = (await response.json()) as { data: { posts: { edges: { node: { id: string } }[] } } };
    expect(response.headers.get('cache-control')).toBe('public, max-age=30, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400');
    const tags = (response.headers.get('surrogate-key') ?? '').split(' ');
    expect(tags).toContain('post-list');
    expect(body.data.posts.edges).toHaveLength(5);
    for (const edge of body.data.posts.edges) expect(tags).toContain(`post:${Buffer.from(edge.node.id, 'base64url').toString().split(':')[1]}`);
  });

  it('answers an error response with no-store, no tags, and never keeps it', async () => {
    const request = { query: '{ posts(first: 0) { totalCount } }' };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await post(gateway.url, request);
      expect(((await response.json()) as { errors: unknown[] }).errors).toHaveLength(1);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('surrogate-key')).toBeNull();
      expect(response.headers.get('cache-tag')).toBeNull();
      expect(response.headers.get('x-cache')).toBe('MISS');
    }
  });

  it.each([['authorization', 'Bearer abc'], ['cookie', 'session=abc']])('answers a request with %s as private, untagged, and never from or into the response cache', async (name, value) => {
    const request = { query: `query Credentialed${name} { posts(first: 3) { totalCount } }` };
    const check = async (response: Response) => {
      await response.text();
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('x-cache')).toBe('BYPASS');
      expect(response.headers.get('surrogate-key')).toBeNull();
      expect(response.headers.get('cache-tag')).toBeNull();
    };
    await check(await post(gateway.url, request, { [name]: value }));
    // Not stored: the first anonymous request misses.
    const anonymous = await post(gateway.url, request);
    await anonymous.text();
    expect(anonymous.headers.get('x-cache')).toBe('MISS');
    expect(anonymous.headers.get('cache-control')).toMatch(/^public, /);
    // Not served either, though the anonymous answer is cached now.
    await check(await post(gateway.url, request, { [name]: value }));
  });

  it('serves a repeated anonymous query from the response cache, byte for byte, without any upstream call', async () => {
    const request = { query: print(LatestPostsDocument), variables: { first: 7, topic: 'world' } };
    const first = await post(gateway.url, request);
    const firstBody = await first.text();
    expect(first.headers.get('x-cache')).toBe('MISS');
    counted.reset();
    // Same variables in another order: the same entry.
    const second = await post(gateway.url, { query: request.query, variables: { topic: 'world', first: 7 } });
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(second.headers.get('surrogate-key')).toBe(first.headers.get('surrogate-key'));
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(counted.count()).toBe(0);

    // Anything that changes the answer is another entry: variables, operation text, accepted media type.
    const otherVariables = await post(gateway.url, { query: request.query, variables: { first: 8, topic: 'world' } });
    expect(otherVariables.headers.get('x-cache')).toBe('MISS');
    const otherAccept = await post(gateway.url, request, { accept: 'application/graphql-response+json' });
    expect(otherAccept.headers.get('x-cache')).toBe('MISS');
    expect(otherAccept.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
  });

  it('answers the very same bytes again from the cache, but never past credentials, CSRF or another Accept', async () => {
    const bytes = JSON.stringify({ query: print(ArticlePageDocument), variables: { slug: REFERENCE_SLUG }, operationName: 'ArticlePage' });
    const send = (headers: Record<string, string>) => fetch(gateway.url, { method: 'POST', headers, body: bytes });
    const first = await send({ 'content-type': 'application/json' });
    const firstBody = await first.text();
    expect(first.headers.get('x-cache')).toBe('MISS');
    for (let repeat = 0; repeat < 2; repeat += 1) {
      const again = await send({ 'content-type': 'application/json' });
      expect(again.headers.get('x-cache')).toBe('HIT');
      expect(await again.text()).toBe(firstBody);
    }
    const withCookie = await send({ 'content-type': 'application/json', cookie: 'session=abc' });
    expect(withCookie.headers.get('x-cache')).toBe('BYPASS');
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store');
    // The same bytes as a simple (CSRF-able) request: Apollo refuses it, as it would without the cache.
    const simple = await send({ 'content-type': 'text/plain' });
    expect(simple.status).toBe(400);
    expect(simple.headers.get('x-cache')).not.toBe('HIT');
    const otherAccept = await send({ 'content-type': 'application/json', accept: 'application/graphql-response+json' });
    expect(otherAccept.headers.get('x-cache')).toBe('MISS');
    expect(otherAccept.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
  });

  it('works over GET (CDN-cacheable URLs), with or without a preflight header, and refuses on a hit what it refuses on a miss', async () => {
    const query = `query Titles($first: Int!) { posts(first: $first) { edges { node { title } } } }`;
    const search = new URLSearchParams({ query, variables: JSON.stringify({ first: 2 }) });
    const url = `${gateway.url}?${search}`;
    const refusals = async () => {
      const duplicated = new URLSearchParams(search);
      duplicated.append('query', query);
      const twice = await fetch(`${gateway.url}?${duplicated}`);
      const typed = await fetch(url, { headers: { 'content-type': 'application/graphql-response+json' } });
      const doubled = new URLSearchParams(search);
      doubled.append('variables', JSON.stringify({ first: 2 }));
      const twiceVariables = await fetch(`${gateway.url}?${doubled}`);
      return [
        [twice.status, twice.headers.get('x-cache'), ((await twice.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code],
        [typed.status, typed.headers.get('x-cache'), ((await typed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code],
        [twiceVariables.status, twiceVariables.headers.get('x-cache')],
      ];
    };
    const expected = [
      [400, null, 'BAD_REQUEST'],
      [415, null, 'BAD_REQUEST'],
      [400, null],
    ];
    expect(await refusals()).toEqual(expected);
    const first = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=30/);
    const second = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(second.headers.get('x-cache')).toBe('HIT');
    // A GET without content-type or preflight header is a query a browser may send: answered, from the cache.
    const simple = await fetch(url);
    expect(simple.status).toBe(200);
    expect(simple.headers.get('x-cache')).toBe('HIT');
    // With the answer cached, what the cold path refuses is still refused, the same way.
    expect(await refusals()).toEqual(expected);
  });

  it('supports Automatic Persisted Queries over GET', async () => {
    const query = `query LatestTitle { posts(first: 1) { edges { node { title } } } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const headers = { 'apollo-require-preflight': 'true' };
    const unknown = await fetch(`${gateway.url}?${new URLSearchParams({ extensions })}`, { headers });
    const unknownBody = (await unknown.json()) as { errors: { extensions: { code: string } }[] };
    expect(unknownBody.errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('no-store');

    const registered = await fetch(`${gateway.url}?${new URLSearchParams({ query, extensions })}`, { headers });
    expect(registered.status).toBe(200);
    const byHash = await fetch(`${gateway.url}?${new URLSearchParams({ extensions })}`, { headers });
    const body = (await byHash.json()) as { data: { posts: { edges: unknown[] } } };
    expect(body.data.posts.edges).toHaveLength(1);
    expect(byHash.headers.get('cache-control')).toMatch(/^public, max-age=30/);
    // Hash and full text are one document: the hash-only request was answered from the response cache.
    expect(byHash.headers.get('x-cache')).toBe('HIT');
  });

  it('gives a "not found" the short life of a cached miss, tagged by slug', async () => {
    const response = await post(gateway.url, { query: '{ post(slug: "not-published-yet") { title } }' });
    expect(await response.json()).toEqual({ data: { post: null } });
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=10, s-maxage=10/);
    expect(response.headers.get('surrogate-key')).toBe('post-slug:not-published-yet');
  });
});

describe('response cache turned off', () => {
  it('still sends caching headers, but every request runs', async () => {
    const counted = countingSources(demoSources());
    const gateway = await startTestGateway({ sources: counted.sources, env: { RESPONSE_CACHE: 'false' } });
    try {
      const request = { query: '{ posts(first: 2) { totalCount } }' };
      await (await post(gateway.url, request)).text();
      const second = await post(gateway.url, request);
      await second.text();
      expect(second.headers.get('x-cache')).toBe('BYPASS');
      expect(second.headers.get('cache-control')).toMatch(/^public, max-age=30/);
    } finally {
      await gateway.close();
    }
  });
});
