import type { ApolloServer } from '@apollo/server';
import type { GatewayCache } from '../../src/cache/GatewayCache';
import { loadConfig } from '../../src/config';
import { createContext, type GatewayContext } from '../../src/context';
import { ANONYMOUS, type Principal } from '../../src/identity/Authenticator';
import { RequestOutcome } from '../../src/requestOutcome';
import { UpstreamError } from '../../src/errors';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';
import { createApolloServer } from '../../src/server/createApolloServer';
import { readsPreviews } from '../../src/sources/PreviewPostSource';
import type { Sources } from '../../src/sources/types';
import { memoryGatewayCache } from '../support/memoryCache';
import { operationFiles, queryOperationFiles } from '../support/operationFiles';
import { TEST_READER, testReaderServices, viewerStateVariables } from '../support/readerContext';
import { demoSources } from '../support/startTestGateway';
import { REFERENCE_AUTHOR, REFERENCE_SLUG } from '../support/fixtures';

const ARTICLE_PAGE = operationFiles().find((file) => file.name === 'ArticlePage')?.source as string;

type Engine = 'graphql-jit' | 'graphql-js';

/** The gateway's Apollo Server, running every operation on one engine only. */
async function startApollo(engine: Engine, executed: Engine[]): Promise<ApolloServer<GatewayContext>> {
  const apollo = createApolloServer({
    config: loadConfig({ NODE_ENV: 'production' }),
    schema: buildGatewaySchema(),
    onUnexpectedError: () => {},
    cache: memoryGatewayCache(),
    onTagsCollapsed: () => {},
    execution: { compileAfter: engine === 'graphql-jit' ? 0 : Number.POSITIVE_INFINITY, onExecuted: (used) => executed.push(used) },
  });
  await apollo.start();
  return apollo;
}

function newCache(now: () => number = Date.now): GatewayCache {
  return memoryGatewayCache({ now });
}

/** The demo newsroom with some of its methods replaced. */
function failing(overrides: { [K in keyof Sources]?: Partial<Sources[K]> }): Sources {
  const demo = demoSources();
  const kinds = Object.keys(demo) as (keyof Sources)[];
  return Object.fromEntries(kinds.map((kind) => [kind, Object.assign(Object.create(demo[kind]) as object, overrides[kind] ?? {})])) as unknown as Sources;
}

const recommendationsDown = () => Promise.reject(new UpstreamError('UPSTREAM_UNAVAILABLE', 'recommendations', 'The recommendations service is unavailable.'));
const peopleDown = () => Promise.reject(new UpstreamError('UPSTREAM_TIMEOUT', 'people', 'The people service did not answer in time.'));
const postsBroken = () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'rows')"));

describe('graphql-jit answers exactly as graphql-js does', () => {
  const reader = testReaderServices();
  const executed: Engine[] = [];
  let jit: ApolloServer<GatewayContext>;
  let reference: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    [jit, reference] = await Promise.all([startApollo('graphql-jit', executed), startApollo('graphql-js', [])]);
  });
  afterAll(() => Promise.all([jit.stop(), reference.stop()]));
  beforeEach(() => {
    executed.length = 0;
  });

  /** Runs one request on both engines, each with a fresh context over the given sources and cache. */
  const answers = async (query: string, variables: Record<string, unknown>, sources: Sources, cache: GatewayCache, principal: Principal = ANONYMOUS) => {
    const run = async (apollo: ApolloServer<GatewayContext>) => {
      const previews = readsPreviews(sources.posts) ? sources.posts : undefined;
      const contextValue = createContext({ sources, cache, previews, reader }, { requestId: 'req-1', signal: new AbortController().signal }, new RequestOutcome(false), principal);
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return { status: response.http.status, cacheControl: response.http.headers.get('cache-control'), body: response.body.singleResult };
    };
    const expected = await run(reference);
    const actual = await run(jit);
    expect(actual).toEqual(expected);
    return actual;
  };

  it.each(queryOperationFiles().map((file) => [file.name, file.source]))('for %s, found and missing, warm and cold', async (name, source) => {
    const cache = newCache();
    const sources = demoSources();
    const [referencePost] = await sources.posts.getPostsBySlugs([REFERENCE_SLUG]);
    const variableSets =
      name === 'LatestPosts'
        ? [{ first: 3 }, { topic: 'no-such-topic' }]
        : name === 'ViewerArticleState'
          ? viewerStateVariables(referencePost?.id ?? '')
          : [{ slug: name.endsWith('ArticlePage') ? REFERENCE_SLUG : REFERENCE_AUTHOR.slug }, { slug: 'no-such-slug' }];
    // Previews are an editor's: anyone else gets FORBIDDEN, on both engines alike; the viewer is a reader's (null otherwise).
    const principals: Principal[] = name === 'PreviewArticlePage' ? [{ kind: 'editor', editorId: 'ed-1' }, ANONYMOUS] : name === 'ViewerArticleState' ? [TEST_READER, ANONYMOUS] : [ANONYMOUS];
    for (const principal of principals) {
      for (const variables of variableSets) {
        await answers(source, variables, sources, cache, principal);
        await answers(source, variables, sources, cache, principal);
      }
    }
    expect(executed.length).toBeGreaterThan(0);
    expect(new Set(executed)).toEqual(new Set(['graphql-jit']));
  });

  it('resolves node(id) to each type', async () => {
    const { body } = await answers(`{ post(slug: "${REFERENCE_SLUG}") { id author { id } topics { id } } }`, {}, demoSources(), newCache());
    const post = body.data?.post as { id: string; author: { id: string }; topics: { id: string }[] };
    const query = 'query($id: ID!) { node(id: $id) { __typename id ... on Post { slug } ... on Author { name } ... on Topic { kind } } }';
    for (const id of [post.id, post.author.id, post.topics[0]?.id]) {
      const { body: found } = await answers(query, { id }, demoSources(), newCache());
      expect((found.data?.node as { id: string }).id).toBe(id);
    }
    expect(new Set(executed)).toEqual(new Set(['graphql-jit']));
  });

  it('degrades the rail to [] with an UPSTREAM error carrying its path', async () => {
    const { body, cacheControl } = await answers(ARTICLE_PAGE, { slug: REFERENCE_SLUG }, failing({ related: { getRelatedByPostIds: recommendationsDown } }), newCache());
    expect((body.data?.post as { relatedStories: unknown[] }).relatedStories).toEqual([]);
    expect(body.errors).toEqual([
      { message: 'The recommendations service is unavailable.', path: ['post', 'relatedStories'], extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'recommendations' } },
    ]);
    expect(cacheControl).toBe('no-store');
    expect(executed).toEqual(['graphql-jit']);
  });

  it('answers a null author with an error at each author\'s path when the people upstream fails', async () => {
    const sources = failing({ authors: { getAuthorsByIds: peopleDown } });
    const { body } = await answers(ARTICLE_PAGE, { slug: REFERENCE_SLUG }, sources, newCache());
    const paths = (body.errors ?? []).map((error) => error.path);
    expect(paths).toContainEqual(['post', 'author']);
    expect(paths).toContainEqual(['post', 'relatedStories', 0, 'post', 'author']);
    expect(new Set((body.errors ?? []).map((error) => error.extensions?.code))).toEqual(new Set(['UPSTREAM_TIMEOUT']));
    expect(executed).toEqual(['graphql-jit']);
  });

  it('masks an unexpected error, keeping its path and naming the request', async () => {
    const { body } = await answers(ARTICLE_PAGE, { slug: REFERENCE_SLUG }, failing({ posts: { getPostsBySlugs: postsBroken } }), newCache());
    expect(body.data).toEqual({ post: null });
    expect(body.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 3, column: 3 }], path: ['post'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } }]);
  });

  it.each([
    ['an excerpt length out of range', `{ post(slug: "${REFERENCE_SLUG}") { excerpt(maxLength: 0) } }`],
    ['a rail length out of range', `{ post(slug: "${REFERENCE_SLUG}") { title relatedStories(first: 99) { title } } }`],
    ['both slug and id', '{ post(slug: "a", id: "b") { id } }'],
    ['a page size out of range', '{ posts(first: 0) { totalCount } }'],
  ])('answers BAD_USER_INPUT for %s', async (_name, query) => {
    const { body } = await answers(query, {}, demoSources(), newCache());
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(executed).toEqual(['graphql-jit']);
  });

  it('leaves variables that do not coerce to graphql-js, which answers 400 in the spec\'s words', async () => {
    const { status, body } = await answers(ARTICLE_PAGE, { slug: 7 }, demoSources(), newCache());
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/^Variable "\$slug" got invalid value 7/);
    expect(executed).toEqual(['graphql-js']);
  });

  it('serves stale entities when their upstream fails, and says which in extensions.stale', async () => {
    let now = Date.now();
    const cache = newCache(() => now);
    await answers(ARTICLE_PAGE, { slug: REFERENCE_SLUG }, demoSources(), cache);
    // Past the article's freshness and its stale-while-revalidate window: the upstream is asked again, and fails.
    now += 3 * 60_000;
    const sources = failing({ posts: { getPostsBySlugs: postsBroken, getPostsByIds: postsBroken }, related: { getRelatedByPostIds: recommendationsDown } });
    const { body, cacheControl } = await answers(ARTICLE_PAGE, { slug: REFERENCE_SLUG }, sources, cache);
    expect(body.errors).toBeUndefined();
    expect((body.data?.post as { slug: string }).slug).toBe(REFERENCE_SLUG);
    expect(body.extensions?.stale).toEqual(expect.arrayContaining([`post:${REFERENCE_SLUG}`]));
    expect(cacheControl).toBe('no-store');
  });
});
