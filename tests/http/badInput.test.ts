import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_SLUG } from '../support/fixtures';

describe('bad input gets a clear error and the gateway keeps serving', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  const expectStillServing = async () => {
    const { status, body } = await gateway.query(`{ posts(first: 1) { totalCount } }`);
    expect(status).toBe(200);
    expect((body.data as { posts: { totalCount: number } }).posts.totalCount).toBeGreaterThanOrEqual(300);
  };

  it.each([
    ['posts', '{ posts(first: 0) { totalCount } }', 'first', 1, 100],
    ['posts', '{ posts(first: 1000) { totalCount } }', 'first', 1, 100],
    ['relatedStories', '{ posts(first: 1) { edges { node { relatedStories(first: 0) { title } } } } }', 'first', 1, 20],
    ['relatedStories', '{ posts(first: 1) { edges { node { relatedStories(first: 1000) { title } } } } }', 'first', 1, 20],
    ['excerpt', '{ posts(first: 1) { edges { node { excerpt(maxLength: 0) } } } }', 'maxLength', 1, 1000],
    ['excerpt', '{ posts(first: 1) { edges { node { excerpt(maxLength: 1001) } } } }', 'maxLength', 1, 1000],
  ])('%s out of range: BAD_USER_INPUT naming %s and its range', async (_field, query, argumentName, min, max) => {
    const { status, body } = await gateway.query(query);
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName, min, max });
    expect(error?.message).toContain(`"${argumentName}"`);
    expect(error?.message).toContain(`${min} and ${max}`);
    await expectStillServing();
  });

  it('rejects a bad cursor with BAD_USER_INPUT', async () => {
    const { body } = await gateway.query(`{ posts(first: 2, after: "not-a-cursor") { totalCount } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('"after"');
    await expectStillServing();
  });

  it('pages with cursors', async () => {
    type Page = { posts: { edges: { cursor: string; node: { slug: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await gateway.query<Page>(`{ posts(first: 3) { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }`);
    const endCursor = first.body.data?.posts.pageInfo.endCursor;
    const second = await gateway.query<Page>(`query($after: String) { posts(first: 3, after: $after) { edges { node { slug } } } }`, { after: endCursor });
    const all = await gateway.query<Page>(`{ posts(first: 6) { edges { node { slug } } } }`);
    const paged = [...(first.body.data?.posts.edges ?? []), ...(second.body.data?.posts.edges ?? [])].map((edge) => edge.node.slug);
    expect(paged).toEqual(all.body.data?.posts.edges.map((edge) => edge.node.slug));
  });

  it('answers a malformed JSON body with a 400 and a JSON error body', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ posts' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toMatch(/not valid JSON/);
    await expectStillServing();
  });

  it('rejects an invalid global id and asks for exactly one of slug and id', async () => {
    const badId = await gateway.query(`{ node(id: "bm9wZQ") { id } }`);
    expect(badId.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await gateway.query(`{ post(slug: "a", id: "b") { id } }`);
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await gateway.query(`{ post { id } }`);
    expect(neither.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves any object through node(id)', async () => {
    const { body } = await gateway.query<{ post: { id: string; author: { id: string }; topics: { id: string }[] } }>(
      `{ post(slug: "${REFERENCE_SLUG}") { id author { id } topics { id } } }`,
    );
    const post = body.data?.post;
    const ids = [post?.id, post?.author.id, post?.topics[0]?.id];
    const nodes = await gateway.query<Record<string, { __typename: string; id: string }>>(
      `query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { __typename id } b: node(id: $b) { __typename id } c: node(id: $c) { __typename id } }`,
      { a: ids[0], b: ids[1], c: ids[2] },
    );
    expect(nodes.body.data).toEqual({
      a: { __typename: 'Post', id: ids[0] },
      b: { __typename: 'Author', id: ids[1] },
      c: { __typename: 'Topic', id: ids[2] },
    });
    const byId = await gateway.query<{ post: { slug: string } }>(`query($id: ID!) { post(id: $id) { slug } }`, { id: ids[0] });
    expect(byId.body.data?.post.slug).toBe(REFERENCE_SLUG);
  });

  it('answers unknown routes and methods with JSON', async () => {
    const notFound = await fetch(gateway.url.replace('/graphql', '/nope'));
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    const wrongMethod = await fetch(gateway.url, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('content-type')).toMatch(/application\/json/);
  });
});
