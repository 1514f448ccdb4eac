import { toGlobalId } from '../../src/globalId';
import type { PostRecord } from '../../src/sources/records';
import { countingSources } from '../support/countingSources';
import { REFERENCE_AUTHOR, REFERENCE_SLUG, TEST_WEBHOOK_SECRET } from '../support/fixtures';
import { sendContentChanged } from '../support/signedWebhook';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';

/** What a router sends to fetch entities: one `_entities` field, the representations as a variable. */
const POST_ENTITIES = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Post { id slug title author { name } } } }';
const AUTHOR_ENTITIES = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Author { id name } } }';

const postReference = (post: PostRecord) => ({ __typename: 'Post', id: toGlobalId('Post', post.id) });

async function newestPosts(count: number): Promise<PostRecord[]> {
  const page = await demoSources().posts.listPosts({ filter: {}, offset: 0, limit: count });
  return page.items;
}

describe('SUBGRAPH=true: the endpoint is an Apollo Federation 2 subgraph', () => {
  const counting = countingSources(demoSources());
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: counting.sources, env: { SUBGRAPH: 'true', WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => counting.reset());

  it('answers _service { sdl } with the schema, its federation link and the keys on Post, Author and Topic', async () => {
    const { status, body, headers } = await gateway.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(status).toBe(200);
    const sdl = body.data?._service.sdl ?? '';
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    for (const type of ['Post', 'Author', 'Topic']) expect(sdl).toMatch(new RegExp(`type ${type} implements Node[^{]*@key\\(fields: "id"\\)`));
    // The cache hints travel with the SDL: a router composing it sees what the subgraph will send.
    expect(sdl).toMatch(/type Post implements Node\s+@cacheControl\(maxAge: 60\)/);
    expect(sdl).toContain('relatedStories(');
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('resolves 20 posts of one _entities call with one source call, and the same 20 again from the entity cache', async () => {
    const posts = await newestPosts(20);
    const { status, body } = await gateway.query<{ _entities: { id: string; slug: string; title: string; author: { name: string } | null }[] }>(POST_ENTITIES, {
      representations: posts.map(postReference),
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities.map((entity) => entity.slug)).toEqual(posts.map((post) => post.slug));
    expect(body.data?._entities.map((entity) => entity.id)).toEqual(posts.map((post) => toGlobalId('Post', post.id)));
    expect(body.data?._entities.every((entity) => typeof entity.author?.name === 'string')).toBe(true);
    const postCalls = counting.calls.filter((call) => call.kind === 'posts');
    expect(postCalls).toHaveLength(1);
    expect(postCalls[0]?.method).toBe('getPostsByIds');
    expect(postCalls[0]?.args[0]).toEqual(posts.map((post) => post.id));
    // The authors of all 20 came in one batch too.
    expect(counting.count('authors')).toBe(1);

    counting.reset();
    // Another order and a subset: not the same request, so not the response cache; the entity cache answers.
    const again = await gateway.query<{ _entities: { slug: string }[] }>(POST_ENTITIES, { representations: posts.slice(0, 10).reverse().map(postReference) });
    expect(again.body.data?._entities.map((entity) => entity.slug)).toEqual(posts.slice(0, 10).reverse().map((post) => post.slug));
    expect(again.headers.get('x-cache')).toBe('MISS');
    expect(counting.count()).toBe(0);
  });

  it('sends the Cache-Control and cache tags the entities deserve, in headers and in the extensions Apollo Router reads', async () => {
    const posts = await newestPosts(3);
    const postAnswer = await gateway.query<{ _entities: unknown[] }>(POST_ENTITIES, { representations: posts.map(postReference) });
    // Posts are 60 s (their authors 300 s): the shortest wins, as for any other answer.
    expect(postAnswer.headers.get('cache-control')).toMatch(/^public, max-age=60, s-maxage=60\b/);
    const surrogateKey = postAnswer.headers.get('surrogate-key')?.split(' ') ?? [];
    for (const post of posts) expect(surrogateKey).toContain(`post:${post.id}`);
    for (const authorId of new Set(posts.map((post) => post.authorIds[0]))) expect(surrogateKey).toContain(`author:${authorId}`);
    expect(postAnswer.body.extensions?.apolloEntityCacheTags).toEqual(posts.map(() => [...surrogateKey].sort()));

    const authorAnswer = await gateway.query<{ _entities: { name: string }[] }>(AUTHOR_ENTITIES, {
      representations: [{ __typename: 'Author', id: toGlobalId('Author', REFERENCE_AUTHOR.id) }],
    });
    expect(authorAnswer.body.data?._entities).toEqual([{ id: toGlobalId('Author', REFERENCE_AUTHOR.id), name: REFERENCE_AUTHOR.name }]);
    expect(authorAnswer.headers.get('cache-control')).toMatch(/^public, max-age=300\b/);
    expect(authorAnswer.headers.get('surrogate-key')).toBe(`author:${REFERENCE_AUTHOR.id}`);

    // A post that does not exist is remembered as a miss for 10 s: the answer says no longer, and names it.
    const withMiss = await gateway.query(POST_ENTITIES, { representations: [postReference(posts[0] as PostRecord), { __typename: 'Post', id: toGlobalId('Post', 'no-such-post') }] });
    expect(withMiss.body.errors).toBeUndefined();
    expect(withMiss.headers.get('cache-control')).toMatch(/^public, max-age=10\b/);
    expect(withMiss.headers.get('surrogate-key')?.split(' ')).toContain('post:no-such-post');

    // A root fetch carries the flat list Apollo Router reads for root fields.
    const rootAnswer = await gateway.query(`{ post(slug: "${REFERENCE_SLUG}") { title } }`);
    expect(rootAnswer.body.extensions?.apolloCacheTags).toEqual(rootAnswer.headers.get('surrogate-key')?.split(' '));
  });

  it('keeps the purge webhook working for _entities answers kept by the response cache', async () => {
    const editable = await newestPosts(2);
    const variables = { representations: editable.map(postReference) };
    await gateway.query(POST_ENTITIES, variables);
    expect((await gateway.query(POST_ENTITIES, variables)).headers.get('x-cache')).toBe('HIT');
    const purge = await sendContentChanged(gateway.baseUrl, { type: 'post', id: editable[1]?.id });
    expect(purge.status).toBe(200);
    counting.reset();
    const afterPurge = await gateway.query<{ _entities: { slug: string }[] }>(POST_ENTITIES, variables);
    expect(afterPurge.headers.get('x-cache')).toBe('MISS');
    expect(afterPurge.body.data?._entities.map((entity) => entity.slug)).toEqual(editable.map((post) => post.slug));
    // Only the purged post was fetched again; the other still came from the entity cache.
    expect(counting.calls.filter((call) => call.kind === 'posts').map((call) => call.args[0])).toEqual([[editable[1]?.id]]);
  });

  it('answers an unknown entity with null and a malformed id with BAD_USER_INPUT for that entity only', async () => {
    const [post] = await newestPosts(1);
    const { status, body, headers } = await gateway.query<{ _entities: ({ slug: string } | null)[] }>(POST_ENTITIES, {
      representations: [postReference(post as PostRecord), { __typename: 'Post', id: toGlobalId('Post', 'no-such-post') }, { __typename: 'Post', id: 'not a global id' }, { __typename: 'Post', id: toGlobalId('Author', REFERENCE_AUTHOR.id) }],
    });
    expect(status).toBe(200);
    expect(body.data?._entities.map((entity) => entity?.slug ?? null)).toEqual([post?.slug, null, null, null]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ path: ['_entities', 2], extensions: { code: 'BAD_USER_INPUT' } });
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('sends no federated trace (ftv1) even when a router asks for one: it would wrap every resolver', async () => {
    const [post] = await newestPosts(1);
    const { body } = await gateway.query(POST_ENTITIES, { representations: [postReference(post as PostRecord)] }, { 'apollo-federation-include-trace': 'ftv1' });
    expect(body.data).toBeDefined();
    expect(body.extensions?.ftv1).toBeUndefined();
  });

  it('counts every representation in the query cost', async () => {
    const posts = await newestPosts(20);
    const wide = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Post { relatedStories(first: 20) { post { title author { name } topics { name } } } } } }';
    const { status, body } = await gateway.query(wide, { representations: [...posts, ...posts, ...posts].map(postReference) });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
    expect(counting.count()).toBe(0);
  });
});

describe('SUBGRAPH=true follows the rules of production mode', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { SUBGRAPH: 'true', NODE_ENV: 'production' } });
  });
  afterAll(() => gateway.close());

  it('refuses introspection and serves no landing page, while _service { sdl } still works for composition', async () => {
    const introspection = await gateway.query('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const page = await fetch(gateway.url, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await page.text()).toMatch(/^GraphQL endpoint; landing page disabled/);
    const service = await gateway.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(service.status).toBe(200);
    expect(service.body.data?._service.sdl).toContain('@key(fields: "id")');
  });
});

describe('SUBGRAPH unset: the standalone endpoint', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('has no _service or _entities field and no router cache tags', async () => {
    for (const query of ['{ _service { sdl } }', 'query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }']) {
      const { status, body } = await gateway.query(query, { representations: [] });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const answer = await gateway.query(`{ post(slug: "${REFERENCE_SLUG}") { title } }`);
    expect(answer.headers.get('surrogate-key')).toBeTruthy();
    expect(answer.body.extensions).toBeUndefined();
  });
});
