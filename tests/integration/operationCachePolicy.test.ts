import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { createContext } from '../../src/context';
import { ANONYMOUS, type Principal } from '../../src/identity/Authenticator';
import { toGlobalId } from '../../src/globalId';
import { RequestOutcome } from '../../src/requestOutcome';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';
import { buildGatewaySubgraphSchema } from '../../src/server/subgraph/buildGatewaySubgraphSchema';
import { createOperationCachePolicy, type CacheableHint } from '../../src/server/httpCache/operationCachePolicy';
import { readsPreviews } from '../../src/sources/PreviewPostSource';
import { memoryGatewayCache } from '../support/memoryCache';
import { operationFiles, queryOperationFiles } from '../support/operationFiles';
import { TEST_READER, testReaderServices, viewerStateVariables } from '../support/readerContext';
import { demoSources } from '../support/startTestGateway';
import { REFERENCE_SLUG } from '../support/fixtures';

interface Observed {
  apollo: CacheableHint;
  ours: CacheableHint;
  errors: number;
}

/**
 * Runs each operation through Apollo with its own cache-control plugin on, and compares the policy that
 * plugin arrives at with the one computed from the operation and its result.
 */
async function startComparison(schema: GraphQLSchema, contextValue: () => BaseContext, rootValue?: unknown) {
  const cachePolicyOf = createOperationCachePolicy(schema, { defaultMaxAge: 0 });
  let observed: Observed | undefined;
  const probe: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ overallCachePolicy, document, operation, response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          observed = {
            apollo: overallCachePolicy.policyIfCacheable(),
            ours: document && operation ? cachePolicyOf(document, operation, result?.data) : null,
            errors: result?.errors?.length ?? 0,
          };
        },
      };
    },
  };
  const server = new ApolloServer({
    schema,
    rootValue,
    plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: false }), probe],
  });
  await server.start();
  return {
    async run(query: string, variables: Record<string, unknown> = {}): Promise<Observed> {
      observed = undefined;
      await server.executeOperation({ query, variables }, { contextValue: contextValue() });
      if (!observed) throw new Error('the probe saw no response');
      return observed;
    },
    stop: () => server.stop(),
  };
}

describe('the operation cache policy matches Apollo\'s cache-control plugin', () => {
  const sources = demoSources();
  const cache = memoryGatewayCache();
  let comparison: Awaited<ReturnType<typeof startComparison>>;
  /** Who asks: an editor for previews, anonymous otherwise. */
  let principal: Principal = ANONYMOUS;
  const reader = testReaderServices();
  beforeAll(async () => {
    const previews = readsPreviews(sources.posts) ? sources.posts : undefined;
    comparison = await startComparison(buildGatewaySchema(), () =>
      createContext({ sources, cache, previews, reader }, { requestId: 'test-request', signal: new AbortController().signal }, new RequestOutcome(false), principal),
    );
  });
  afterAll(() => comparison.stop());

  const expectSame = async (query: string, variables?: Record<string, unknown>) => {
    const observed = await comparison.run(query, variables);
    expect(observed.errors).toBe(0);
    expect(observed.ours).toEqual(observed.apollo);
    return observed.ours;
  };

  it.each(queryOperationFiles().map((file) => [file.name, file.source]))('for %s, with entities found and missing', async (name, source) => {
    const [reference] = await sources.posts.getPostsBySlugs([REFERENCE_SLUG]);
    const [author] = await sources.authors.getAuthorsByIds(reference?.authorIds ?? []);
    const [topic] = await sources.topics.getTopicsByIds(reference?.topicIds ?? []);
    const found = { ArticlePage: REFERENCE_SLUG, SsrArticlePage: REFERENCE_SLUG, PreviewArticlePage: REFERENCE_SLUG, AuthorPage: author?.slug, TopicPage: topic?.slug }[name];
    principal = name === 'PreviewArticlePage' ? { kind: 'editor', editorId: 'ed-1' } : name === 'ViewerArticleState' ? TEST_READER : ANONYMOUS;
    const variableSets =
      name === 'LatestPosts'
        ? [{}, { first: 3 }, { topic: 'no-such-topic' }, { search: 'no-such-words-anywhere' }]
        : name === 'ViewerArticleState'
          ? viewerStateVariables(reference?.id ?? '')
          : [{ slug: found }, { slug: 'no-such-slug' }];
    const policies = [];
    for (const variables of variableSets) policies.push(await expectSame(source, variables));
    // Found and missing entities must be covered: they take different paths through the hints. A reader's
    // state is never cacheable (maxAge 0, PRIVATE), by the hints as by Apollo's plugin.
    expect(policies.some((policy) => policy !== null)).toBe(name !== 'ViewerArticleState');
  });

  it('for node(id:) with fragments on several types, with and without __typename', async () => {
    const [reference] = await sources.posts.getPostsBySlugs([REFERENCE_SLUG]);
    const ids = [toGlobalId('Post', reference?.id ?? ''), toGlobalId('Author', reference?.authorIds[0] ?? ''), toGlobalId('Topic', reference?.topicIds[0] ?? '')];
    const selections = [
      '... on Post { title author { name } }',
      '... on Author { name posts(first: 2) { totalCount } }',
      '... on Topic { name }',
    ].join(' ');
    for (const id of ids) {
      await expectSame(`query($id: ID!) { node(id: $id) { id ${selections} } }`, { id });
      await expectSame(`query($id: ID!) { node(id: $id) { __typename ${selections} } }`, { id });
      await expectSame(`query($id: ID!) { node(id: $id) { ...N } } fragment N on Node { id ${selections} }`, { id });
    }
  });

  it('for skipped and included fields, aliases, inherited wrappers and meta fields', async () => {
    const query = `query($withAuthor: Boolean!, $withTopics: Boolean!) {
      post(slug: "${REFERENCE_SLUG}") {
        headline: title
        featuredImage { url }
        author @include(if: $withAuthor) { name posts(first: 1) { totalCount } }
        topics @skip(if: $withTopics) { name }
      }
    }`;
    const policies = [];
    for (const withAuthor of [true, false]) for (const withTopics of [true, false]) policies.push(await expectSame(query, { withAuthor, withTopics }));
    // The author's listing (30 s) shortens the article's 60 s only when it is included.
    expect(policies.map((policy) => policy?.maxAge)).toEqual([30, 30, 60, 60]);
    const rootQuery = `query($withListing: Boolean!) { post(slug: "${REFERENCE_SLUG}") { title } posts(first: 1) @include(if: $withListing) { totalCount } }`;
    expect((await expectSame(rootQuery, { withListing: true }))?.maxAge).toBe(30);
    expect((await expectSame(rootQuery, { withListing: false }))?.maxAge).toBe(60);
    await expectSame('{ __typename }');
    await expectSame('{ posts(first: 2) { pageInfo { hasNextPage } edges { cursor node { featuredImage { url } } } } }');
    await expectSame('{ posts(first: 2) { totalCount } post(slug: "no-such-slug") { title } }');
  });
});

describe('the operation cache policy matches Apollo\'s plugin for a subgraph\'s _entities (with @apollo/subgraph\'s entitiesResolver)', () => {
  const sources = demoSources();
  const cache = memoryGatewayCache();
  let comparison: Awaited<ReturnType<typeof startComparison>>;
  beforeAll(async () => {
    comparison = await startComparison(buildGatewaySubgraphSchema(), () => createContext({ sources, cache }, { requestId: 'test-request', signal: new AbortController().signal }, new RequestOutcome(false)));
  });
  afterAll(() => comparison.stop());

  const entities = (selection: string) => `query($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
  const references = async () => {
    const [reference] = await sources.posts.getPostsBySlugs([REFERENCE_SLUG]);
    return {
      post: { __typename: 'Post', id: toGlobalId('Post', reference?.id ?? '') },
      author: { __typename: 'Author', id: toGlobalId('Author', reference?.authorIds[0] ?? '') },
      topic: { __typename: 'Topic', id: toGlobalId('Topic', reference?.topicIds[0] ?? '') },
    };
  };
  const selections = '... on Post { title } ... on Author { name } ... on Topic { name }';

  it.each([
    ['posts', ['post'], selections, 60],
    ['an author', ['author'], selections, 300],
    ['a topic, with __typename', ['topic'], `__typename ${selections}`, 300],
    ['an author and a post', ['author', 'post'], selections, 60],
    ["a post's author and its listing inside the entity", ['post', 'author'], '... on Post { author { name posts(first: 1) { totalCount } } } ... on Author { name }', 30],
    ['no representations', [], selections, null],
  ] as const)('for %s', async (_name, kinds, selection, maxAge) => {
    const known = await references();
    const observed = await comparison.run(entities(selection), { representations: kinds.map((kind) => known[kind]) });
    expect(observed.errors).toBe(0);
    expect(observed.ours).toEqual(observed.apollo);
    expect(observed.ours?.maxAge ?? null).toBe(maxAge);
  });

  it('where the result does not tell an entity\'s type (not found, nothing selected): never longer than Apollo, as short as the shortest entity type', async () => {
    const known = await references();
    const missingPost = { __typename: 'Post', id: toGlobalId('Post', 'no-such-post') };
    const withMissingPost = await comparison.run(entities(selections), { representations: [known.author, missingPost] });
    expect(withMissingPost.ours).toEqual(withMissingPost.apollo);
    // Apollo reads the type of the representation; the result of a miss has none, so the shortest stands in.
    const missingAuthor = await comparison.run(entities(selections), { representations: [known.author, { __typename: 'Author', id: toGlobalId('Author', 'no-such-author') }] });
    expect(missingAuthor.apollo?.maxAge).toBe(300);
    expect(missingAuthor.ours?.maxAge).toBe(60);
    const nothingSelected = await comparison.run(entities('... on Post { title }'), { representations: [known.author] });
    expect(nothingSelected.apollo?.maxAge).toBe(300);
    expect(nothingSelected.ours?.maxAge).toBe(60);
  });
});

describe('the operation cache policy follows every rule of the @cacheControl directive', () => {
  // A schema with what the gateway's own does not use yet: PRIVATE scope, field hints, inheritMaxAge on a
  // field, a union, and root scalars (which Apollo makes uncacheable unless hinted).
  const schema = buildSchema(`
    enum CacheControlScope { PUBLIC PRIVATE }
    directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
    type Query {
      me: User
      article: Article
      feed: [FeedItem!]!
      version: String
      hinted: String @cacheControl(maxAge: 20)
    }
    type User @cacheControl(maxAge: 100, scope: PRIVATE) { name: String friends: [User!]! @cacheControl(maxAge: 50) }
    type Article @cacheControl(maxAge: 200) { title: String box: Box @cacheControl(inheritMaxAge: true) plain: Box teaser: Box @cacheControl(maxAge: 40) }
    type Box { label: String }
    type Video @cacheControl(maxAge: 90) { title: String article: Article }
    union FeedItem @cacheControl(maxAge: 150) = Article | Video
  `);
  const rootValue = {
    me: { name: 'a', friends: [{ name: 'b', friends: [] }] },
    article: { title: 't', box: { label: 'x' }, plain: { label: 'y' }, teaser: { label: 'z' } },
    feed: [
      { __typename: 'Article', title: 'a', box: null, plain: null, teaser: null },
      { __typename: 'Video', title: 'v', article: { title: 'nested', box: null, plain: null, teaser: null } },
    ],
    version: '1',
    hinted: 'h',
  };
  let comparison: Awaited<ReturnType<typeof startComparison>>;
  beforeAll(async () => {
    comparison = await startComparison(schema, () => ({}), rootValue);
  });
  afterAll(() => comparison.stop());

  it.each([
    ['a PRIVATE type', '{ me { name } }'],
    ['a field hint below a PRIVATE type', '{ me { friends { name } } }'],
    ['inheritMaxAge on a field', '{ article { box { label } } }'],
    ['a composite field with no hint', '{ article { plain { label } } }'],
    ['a field maxAge', '{ article { teaser { label } } }'],
    ['a union with both members', '{ feed { ... on Article { title } ... on Video { title article { title } } } }'],
    ['a union with __typename', '{ feed { __typename ... on Video { article { teaser { label } } } } }'],
    ['a root scalar', '{ version }'],
    ['a hinted root scalar', '{ hinted article { title } }'],
  ])('for %s', async (_name, query) => {
    const observed = await comparison.run(query);
    expect(observed.errors).toBe(0);
    expect(observed.ours).toEqual(observed.apollo);
  });
});
