import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { UpstreamError } from '../../src/errors';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { toGlobalId } from '../../src/globalId';
import type { PostRecord } from '../../src/sources/records';
import type { Sources } from '../../src/sources/types';
import { countingSources } from '../support/countingSources';
import { REFERENCE_SLUG, REFERENCE_TITLE, TEASER_TITLES } from '../support/fixtures';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * Our gateway (SUBGRAPH=true, the real wiring on port 0) composed with a second subgraph written here,
 * with @apollo/composition, and served by @apollo/gateway (the query planner Apollo Router's is a port
 * of; README "Running in a supergraph" says why this engine): the supergraph a newsroom would run, end
 * to end over real sockets.
 */

/** A tiny comments service: it extends our Post by its global id, and ranks the most discussed posts. */
const COMMENTS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

  type Post @key(fields: "id") @cacheControl(maxAge: 120) {
    id: ID!
    "Readers' comments, oldest first."
    comments: [Comment!]!
  }

  type Comment @cacheControl(maxAge: 120) {
    id: ID!
    body: String!
  }

  type Query {
    "The posts with the most comments this week, most first: a rail the article page shows."
    mostDiscussed(first: Int! = 5): [Post]! @cacheControl(maxAge: 120)
  }
`;

interface CommentsService {
  url: string;
  /** The global ids mostDiscussed answers with. */
  discussed: string[];
  /** Representations each `_entities` call received. */
  entityCalls: string[][];
  stop(): Promise<void>;
}

async function startCommentsService(): Promise<CommentsService> {
  const discussed: string[] = [];
  const entityCalls: string[][] = [];
  const schema = buildSubgraphSchema({
    typeDefs: parse(COMMENTS_SDL),
    resolvers: {
      Query: { mostDiscussed: (_root: unknown, { first }: { first: number }) => discussed.slice(0, first).map((id) => ({ id })) },
      Post: {
        __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
        comments: ({ id }: { id: string }) => [1, 2].map((n) => ({ id: `${id}/${n}`, body: `Comment ${n} on ${id}` })),
      },
    },
  });
  const server = new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart({ request }) {
          const representations = (request.variables?.representations ?? undefined) as { id: string }[] | undefined;
          if (representations) entityCalls.push(representations.map((reference) => reference.id));
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, discussed, entityCalls, stop: () => server.stop() };
}

interface SubgraphFetch {
  url: string;
  query: string;
  representations?: { __typename: string; id: string }[];
  /** What the subgraph answered in Cache-Control. */
  cacheControl?: string | null;
}

/** The supergraph served by @apollo/gateway in Apollo Server, on port 0, recording every subgraph request. */
async function startSupergraphGateway(supergraph: string): Promise<{ url: string; fetches: SubgraphFetch[]; stop(): Promise<void> }> {
  const fetches: SubgraphFetch[] = [];
  class RecordingDataSource extends RemoteGraphQLDataSource {
    override async process(options: GraphQLDataSourceProcessOptions<Record<string, unknown>>) {
      const { query = '', variables } = options.request;
      const fetch: SubgraphFetch = { url: this.url, query, representations: variables?.representations as SubgraphFetch['representations'] };
      fetches.push(fetch);
      const response = await super.process(options);
      fetch.cacheControl = response.http?.headers.get('cache-control');
      return response;
    }
  }
  const gateway = new ApolloGateway({ supergraphSdl: supergraph, buildService: ({ url }) => new RecordingDataSource({ url }) });
  // Apollo Server's cache-control plugin (on by default) gives the answer the shortest of the subgraphs' Cache-Control.
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, fetches, stop: () => server.stop() };
}

/** operations/ArticlePage.graphql, plus the comments of the article and of its rail, plus the most-discussed rail. */
const ARTICLE_WITH_COMMENTS = `query ArticlePageWithComments($slug: String!) {
  post(slug: $slug) {
    id slug title url publishedAt readingTimeMinutes bodyHtml
    excerpt(maxLength: 160)
    author { id name slug bio avatarUrl url }
    topics { id name slug kind }
    relatedStories(first: 6) {
      title url publishedAt reason
      excerpt(maxLength: 100)
      post { id slug author { name } topics { name } comments { id } }
    }
    comments { id body }
  }
  mostDiscussed(first: 8) { id slug title author { name } comments { body } }
}`;

type ArticlePagePost = NonNullable<ArticlePageQuery['post']>;
type ArticlePageStory = ArticlePagePost['relatedStories'][number];
interface ArticleWithComments {
  post:
    | (Omit<ArticlePagePost, 'relatedStories'> & {
        comments: { id: string; body: string }[];
        relatedStories: (Omit<ArticlePageStory, 'post'> & { post: ArticlePageStory['post'] & { comments: { id: string }[] } })[];
      })
    | null;
  mostDiscussed: { id: string; slug: string; title: string; author: { name: string } | null; comments: { body: string }[] }[];
}

/** The demo newsroom, with a switch that makes the recommendation upstream fail. */
function switchableSources(): { sources: Sources; failRelated(on: boolean): void } {
  const demo = demoSources();
  let failing = false;
  const related = Object.create(demo.related) as Sources['related'];
  related.getRelatedByPostIds = (...args) =>
    failing ? Promise.reject(new UpstreamError('UPSTREAM_UNAVAILABLE', 'related', 'The related service is unavailable.')) : demo.related.getRelatedByPostIds(...args);
  return { sources: { ...demo, related }, failRelated: (on) => { failing = on; } };
}

describe('our gateway as a subgraph of a supergraph served by @apollo/gateway', () => {
  const switchable = switchableSources();
  const counting = countingSources(switchable.sources);
  let content: TestGateway;
  let comments: CommentsService;
  let supergraph: Awaited<ReturnType<typeof startSupergraphGateway>>;
  /** Posts no other test reads, so each test starts with them out of every cache. */
  const unreadPosts = async (offset: number, count: number) => (await demoSources().posts.listPosts({ filter: {}, offset, limit: count })).items;
  const discuss = (posts: PostRecord[], ...extraIds: string[]) => {
    comments.discussed.splice(0, comments.discussed.length, ...posts.map((post) => toGlobalId('Post', post.id)), ...extraIds);
  };

  const ask = async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(supergraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, cacheControl: response.headers.get('cache-control'), body: (await response.json()) as { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } };
  };
  const fetchesTo = (url: string) => supergraph.fetches.filter((fetch) => fetch.url === url);

  beforeAll(async () => {
    [content, comments] = await Promise.all([startTestGateway({ sources: counting.sources, env: { SUBGRAPH: 'true' } }), startCommentsService()]);
    // What `rover subgraph introspect` reads: each subgraph's own SDL, from `_service { sdl }`.
    const sdlOf = async (url: string) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
      return ((await response.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
    };
    const composed = composeServices([
      { name: 'content', url: content.url, typeDefs: parse(await sdlOf(content.url)) },
      { name: 'comments', url: comments.url, typeDefs: parse(await sdlOf(comments.url)) },
    ]);
    if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((error) => error.message).join('\n')}`);
    supergraph = await startSupergraphGateway(composed.supergraphSdl);
  });
  afterAll(async () => {
    await supergraph?.stop();
    await Promise.all([content?.close(), comments?.stop()]);
  });
  beforeEach(() => {
    counting.reset();
    supergraph.fetches.length = 0;
    comments.entityCalls.length = 0;
    switchable.failRelated(false);
  });

  it('answers the article, its rail and the comments of both, and the most-discussed rail, in one query', async () => {
    const discussedPosts = await unreadPosts(200, 8);
    discuss(discussedPosts);
    const { status, body, cacheControl } = await ask<ArticleWithComments>(ARTICLE_WITH_COMMENTS, { slug: REFERENCE_SLUG });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    // The engine trusted our Cache-Control: our posts (60 s) are shorter than the comments (120 s).
    expect(cacheControl).toBe('max-age=60, public');
    const post = body.data?.post;
    expect(post?.title).toBe(REFERENCE_TITLE);
    expect(post?.author?.name).toBe('Saif Rahman');
    expect(post?.relatedStories.map((story) => story.title).sort()).toEqual([...TEASER_TITLES].sort());
    // Apart from the comments, the article is exactly what our endpoint answers to ArticlePage itself.
    const { comments: _articleComments, ...article } = post as NonNullable<ArticleWithComments['post']>;
    const ownPage = await content.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect({ ...article, relatedStories: article.relatedStories.map(({ post: { comments: _railComments, ...railPost }, ...story }) => ({ ...story, post: railPost })) }).toEqual(ownPage.body.data?.post);
    expect(post?.comments).toEqual([1, 2].map((n) => ({ id: `${post?.id}/${n}`, body: `Comment ${n} on ${post?.id}` })));
    for (const story of post?.relatedStories ?? []) expect(story.post.comments.map((comment) => comment.id)).toEqual([`${story.post.id}/1`, `${story.post.id}/2`]);
    expect(body.data?.mostDiscussed.map((item) => item.slug)).toEqual(discussedPosts.map((item) => item.slug));
    expect(body.data?.mostDiscussed.map((item) => item.title)).toEqual(discussedPosts.map((item) => item.title));
    expect(body.data?.mostDiscussed.every((item) => typeof item.author?.name === 'string' && item.comments.length === 2)).toBe(true);

    // The comments service was asked for the comments of the whole rail at once.
    expect(comments.entityCalls).toContainEqual((post?.relatedStories ?? []).map((story) => story.post.id));
  });

  it('costs our side one batched _entities call, and one source call, for the whole most-discussed rail', async () => {
    const discussedPosts = await unreadPosts(220, 8);
    discuss(discussedPosts);
    await ask<ArticleWithComments>(ARTICLE_WITH_COMMENTS, { slug: REFERENCE_SLUG });
    const entityFetches = fetchesTo(content.url).filter((fetch) => fetch.query.includes('_entities'));
    expect(entityFetches).toHaveLength(1);
    expect(entityFetches[0]?.representations?.map((reference) => reference.id)).toEqual(discussedPosts.map((post) => toGlobalId('Post', post.id)));
    // The subgraph told the engine how long the entities may be cached.
    expect(entityFetches[0]?.cacheControl).toMatch(/^public, max-age=60\b/);
    const postCalls = counting.calls.filter((call) => call.kind === 'posts' && call.method === 'getPostsByIds');
    expect(postCalls.filter((call) => (call.args[0] as string[]).includes(discussedPosts[0]?.id ?? ''))).toEqual([
      expect.objectContaining({ args: [discussedPosts.map((item) => item.id), expect.anything()] }),
    ]);
  });

  it('keeps the extensions.code of errors from our side, for a root field and for an entity', async () => {
    const [article, ...discussedPosts] = await unreadPosts(240, 4);
    discuss(discussedPosts, 'not-a-global-id');
    switchable.failRelated(true);
    const { body, cacheControl } = await ask<ArticleWithComments>(`query($slug: String!) { post(slug: $slug) { title relatedStories { title } } mostDiscussed(first: 4) { title } }`, { slug: article?.slug });
    // Our degraded answer was no-store, and so is the supergraph's.
    expect(cacheControl).toBe('no-store');
    expect(body.data?.post).toEqual({ title: article?.title, relatedStories: [] });
    expect(body.data?.mostDiscussed.map((item) => item?.title ?? null)).toEqual([...discussedPosts.map((item) => item.title), null]);
    const codes = (body.errors ?? []).map((error) => [error.path, error.extensions?.code]);
    // An error that came with data (the emptied rail) and one that nulled an entity, each at its path in
    // the supergraph's answer. (The engine sets serviceName to the subgraph's name: `content`.)
    expect(codes).toEqual([
      [['post', 'relatedStories'], 'UPSTREAM_UNAVAILABLE'],
      [['mostDiscussed', 3], 'BAD_USER_INPUT'],
    ]);
  });
});
