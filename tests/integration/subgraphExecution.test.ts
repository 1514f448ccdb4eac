import type { ApolloServer } from '@apollo/server';
import { isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import type { GatewayCache } from '../../src/cache/GatewayCache';
import { loadConfig } from '../../src/config';
import { createContext, type GatewayContext } from '../../src/context';
import { UpstreamError } from '../../src/errors';
import { ANONYMOUS, type Principal } from '../../src/identity/Authenticator';
import { toGlobalId } from '../../src/globalId';
import { RequestOutcome } from '../../src/requestOutcome';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';
import { createApolloServer } from '../../src/server/createApolloServer';
import type { CompiledQueriesOptions } from '../../src/server/execution/CompiledQueries';
import { buildGatewaySubgraphSchema } from '../../src/server/subgraph/buildGatewaySubgraphSchema';
import type { PreviewPostSource } from '../../src/sources/PreviewPostSource';
import type { Sources } from '../../src/sources/types';
import { wireSchema } from '../../src/wiring/wireSchema';
import { memoryGatewayCache } from '../support/memoryCache';
import { operationFiles, queryOperationFiles } from '../support/operationFiles';
import { TEST_READER, testReaderServices } from '../support/readerContext';

const READER_SERVICES = testReaderServices();
import { demoSources } from '../support/startTestGateway';
import { REFERENCE_AUTHOR, REFERENCE_SLUG } from '../support/fixtures';

type Engine = 'graphql-jit' | 'graphql-js';

const SUBGRAPH = { SUBGRAPH: 'true' };

/**
 * The gateway's Apollo Server as the wiring root builds it for `env` (schema, plugins, execution rules),
 * compiling every operation it may compile at once (graphql-jit) or none (graphql-js).
 */
async function startApollo(env: Record<string, string>, engine: Engine, executed: Engine[] = [], execution: Partial<CompiledQueriesOptions> = {}): Promise<ApolloServer<GatewayContext>> {
  const config = loadConfig({ NODE_ENV: 'production', ...env });
  const served = await wireSchema(config);
  const apollo = createApolloServer({
    config,
    schema: served.schema,
    plugins: served.plugins,
    onUnexpectedError: () => {},
    cache: memoryGatewayCache(),
    onTagsCollapsed: () => {},
    execution: { ...served.execution, compileAfter: engine === 'graphql-jit' ? 0 : Number.POSITIVE_INFINITY, onExecuted: (used) => executed.push(used), ...execution },
  });
  await apollo.start();
  return apollo;
}

/** Editors' operations (previews) run as an editor, reading the demo newsroom's hidden posts. */
async function run(apollo: ApolloServer<GatewayContext>, query: string, variables: Record<string, unknown>, sources: Sources, cache: GatewayCache, as: 'anonymous' | 'editor' | 'reader' = 'anonymous') {
  const principal: Principal = as === 'editor' ? { kind: 'editor', editorId: 'editor-1' } : as === 'reader' ? TEST_READER : ANONYMOUS;
  const previews = as === 'editor' ? (sources.posts as unknown as PreviewPostSource) : undefined;
  const contextValue = createContext({ sources, cache, previews, reader: READER_SERVICES }, { requestId: 'req-1', signal: new AbortController().signal }, new RequestOutcome(false), principal);
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const headers = response.http.headers.get('surrogate-key')?.split(' ');
  return { status: response.http.status, cacheControl: response.http.headers.get('cache-control'), headers, body: response.body.singleResult };
}

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Post { id slug title excerpt(maxLength: 80) publishedAt url author { name } topics { name } relatedStories(first: 3) { title reason post { id } } }
    ... on Author { id name avatarUrl posts(first: 2) { totalCount edges { node { slug } } } }
    ... on Topic { id name kind description }
  }
}`;

describe('the subgraph schema', () => {
  const demo = demoSources();
  const executed: Engine[] = [];
  let jit: ApolloServer<GatewayContext>;
  let js: ApolloServer<GatewayContext>;
  let standalone: ApolloServer<GatewayContext>;
  let representations: { __typename: string; id: string }[];
  let topicSlug: string;
  beforeAll(async () => {
    [jit, js, standalone] = await Promise.all([startApollo(SUBGRAPH, 'graphql-jit', executed), startApollo(SUBGRAPH, 'graphql-js'), startApollo({}, 'graphql-js')]);
    const [reference] = await demo.posts.getPostsBySlugs([REFERENCE_SLUG]);
    topicSlug = (await demo.topics.getTopicsByIds([reference?.topicIds[0] ?? '']))[0]?.slug ?? '';
    const rail = (await demo.related.getRelatedByPostIds([reference?.id ?? ''], 3))[0] ?? [];
    representations = [
      { __typename: 'Post', id: toGlobalId('Post', reference?.id ?? '') },
      ...rail.map((ref) => ({ __typename: 'Post', id: toGlobalId('Post', ref.postId) })),
      { __typename: 'Author', id: toGlobalId('Author', REFERENCE_AUTHOR.id) },
      { __typename: 'Topic', id: toGlobalId('Topic', reference?.topicIds[0] ?? '') },
      { __typename: 'Post', id: toGlobalId('Post', 'no-such-post') },
      { __typename: 'Post', id: 'garbage' },
    ];
  });
  afterAll(() => Promise.all([jit.stop(), js.stop(), standalone.stop()]));
  beforeEach(() => {
    executed.length = 0;
  });

  it('keeps the gateway schema\'s direct resolver calls and remembered scalar output (not type-graphql\'s wrappers)', () => {
    const gateway = buildGatewaySchema();
    const subgraph = buildGatewaySubgraphSchema();
    const fields = (schema: GraphQLSchema, type: string) => {
      const named = schema.getType(type);
      if (!isObjectType(named)) throw new Error(`${type} is not an object type`);
      return named.getFields();
    };
    for (const [type, field] of [['Query', 'post'], ['Post', 'author'], ['Post', 'relatedStories'], ['Post', 'id'], ['Author', 'id'], ['Topic', 'description']] as const) {
      const resolve = fields(subgraph, type)[field]?.resolve;
      expect(resolve).toBe(fields(gateway, type)[field]?.resolve);
      // leanResolvers names its direct calls after their field.
      expect(resolve?.name).toBe(`${type}.${field}`);
    }
    for (const name of ['URL', 'DateTime']) {
      const [ours, theirs] = [subgraph.getType(name), gateway.getType(name)];
      expect(isScalarType(ours) && isScalarType(theirs) && ours.serialize === theirs.serialize).toBe(true);
    }
  });

  it.each(queryOperationFiles().map((file) => [file.name, file.source]))('answers %s exactly as the standalone schema does, on graphql-jit and graphql-js', async (name, source) => {
    const variables =
      { ArticlePage: { slug: REFERENCE_SLUG }, SsrArticlePage: { slug: REFERENCE_SLUG }, PreviewArticlePage: { slug: REFERENCE_SLUG }, AuthorPage: { slug: REFERENCE_AUTHOR.slug }, TopicPage: { slug: topicSlug }, LatestPosts: { first: 3 }, ViewerArticleState: { postId: representations[0]?.id } }[name] ?? {};
    const asEditor = name === 'PreviewArticlePage' ? 'editor' : name === 'ViewerArticleState' ? 'reader' : 'anonymous';
    const expected = await run(standalone, source, variables, demo, memoryGatewayCache(), asEditor);
    expect(expected.body.errors).toBeUndefined();
    // The subgraph adds the answer's cache tags for a router, and nothing else.
    const withoutRouterTags = (answer: Awaited<ReturnType<typeof run>>) => {
      const { apolloCacheTags, ...extensions } = answer.body.extensions ?? {};
      expect(apolloCacheTags).toEqual(answer.headers);
      return { ...answer, body: { ...answer.body, extensions: Object.keys(extensions).length > 0 ? extensions : undefined } };
    };
    expect(withoutRouterTags(await run(js, source, variables, demo, memoryGatewayCache(), asEditor))).toEqual(expected);
    expect(withoutRouterTags(await run(jit, source, variables, demo, memoryGatewayCache(), asEditor))).toEqual(expected);
    expect(executed).toEqual(['graphql-jit']);
  });

  it('runs _entities on graphql-js, one entity per representation in its order, with misses and a bad id', async () => {
    const cache = memoryGatewayCache();
    for (let round = 0; round < 2; round += 1) {
      const expected = await run(js, ENTITIES, { representations }, demo, cache);
      expect(await run(jit, ENTITIES, { representations }, demo, cache)).toEqual(expected);
      const entities = (expected.body.data as { _entities: ({ __typename: string } | null)[] })._entities;
      expect(entities.map((entity) => entity?.__typename ?? null)).toEqual([...representations.slice(0, -2).map((reference) => reference.__typename), null, null]);
      expect(expected.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['_entities', representations.length - 1], 'BAD_USER_INPUT']]);
    }
    // Also when `_entities` hides in a fragment; `_service` and every other operation stay compiled.
    await run(jit, 'query($representations: [_Any!]!) { ...E } fragment E on Query { _entities(representations: $representations) { __typename } }', { representations }, demo, cache);
    await run(jit, '{ _service { sdl } }', {}, demo, cache);
    expect(executed).toEqual(['graphql-js', 'graphql-js', 'graphql-js', 'graphql-jit']);
  });

  it('needs graphql-js for _entities: graphql-jit 0.8.9 drops a last entity that fails before an earlier one has loaded', async () => {
    const compiledAnyway = await startApollo(SUBGRAPH, 'graphql-jit', [], { runOnGraphqlJs: () => false });
    try {
      const variables = { representations: [representations[0], { __typename: 'Post', id: 'garbage' }] };
      const compiled = await run(compiledAnyway, ENTITIES, variables, demo, memoryGatewayCache());
      const interpreted = await run(js, ENTITIES, variables, demo, memoryGatewayCache());
      expect((interpreted.body.data as { _entities: unknown[] })._entities).toHaveLength(2);
      expect((compiled.body.data as { _entities: unknown[] })._entities).toHaveLength(1);
    } finally {
      await compiledAnyway.stop();
    }
  });

  it('degrades inside _entities as anywhere else: a failing upstream empties its field, with its code', async () => {
    const sources = { ...demo, related: Object.assign(Object.create(demo.related) as Sources['related'], { getRelatedByPostIds: () => Promise.reject(new UpstreamError('UPSTREAM_UNAVAILABLE', 'related', 'The related service is unavailable.')) }) };
    const posts = representations.filter((reference) => reference.__typename === 'Post').slice(0, 2);
    const expected = await run(js, ENTITIES, { representations: posts }, sources, memoryGatewayCache());
    expect(await run(jit, ENTITIES, { representations: posts }, sources, memoryGatewayCache())).toEqual(expected);
    const entities = (expected.body.data as { _entities: { relatedStories: unknown[] }[] })._entities;
    expect(entities.map((entity) => entity.relatedStories)).toEqual([[], []]);
    expect(expected.body.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.serviceName])).toEqual([
      [['_entities', 0, 'relatedStories'], 'UPSTREAM_UNAVAILABLE', 'related'],
      [['_entities', 1, 'relatedStories'], 'UPSTREAM_UNAVAILABLE', 'related'],
    ]);
    expect(expected.cacheControl).toBe('no-store');
  });
});
