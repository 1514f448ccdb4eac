import { GraphQLError } from 'graphql';
import { DateTimeResolver, URLResolver } from 'graphql-scalars';
import { encodeCursor, decodeCursor } from '../../src/cursor';
import { fromGlobalId, toGlobalId } from '../../src/globalId';
import type { AuthorRecord, PostRecord, TopicRecord } from '../../src/sources/records';
import { TopicKind } from '../../src/sources/records';
import { rankRelated, type RankablePost } from '../../src/sources/related/rankRelated';
import { embeddedFeaturedMedia, gmtToIso, mapWordPressPost, mapWordPressTerm, mapWordPressUser } from '../../src/sources/wordpress/mapWordPressRecords';
import { POST_FIELDS, POST_SUMMARY_FIELDS, TERM_FIELDS, USER_FIELDS, type WpPost, type WpPostSummary, type WpTerm, type WpUser } from '../../src/sources/wordpress/wordPressSchemas';
import { readingTimeMinutes, truncateAtWord } from '../../src/text/truncateAtWord';

/*
 * The naive baseline: what a GraphQL server in front of WordPress looks like before anyone adds batching
 * or caching. Every field that needs data makes its own request, for every item: one `users/<id>` per
 * author, one `categories/<id>` or `tags/<id>` per topic, one `posts/<id>` per rail story. No DataLoader,
 * no cache, no coalescing. The upstream JSON is turned into the same records the gateway serves (the
 * gateway's own mappers and rail ranking, pure functions), so both answer the same data and only the
 * fetching differs.
 */

type NaivePost = PostRecord & { categoryIds: number[]; tagIds: number[] };
type Params = Record<string, string | number>;

const POST_QUERY: Params = { _fields: [...POST_FIELDS, '_links', '_embedded'].join(','), _embed: 'wp:featuredmedia' };
const MAX_PER_PAGE = 100;

export function createNaiveResolvers(restRoot: string) {
  const get = async <T>(route: string, params: Params): Promise<{ body: T; total: number | undefined } | null> => {
    const url = new URL(`wp/v2/${route}`, restRoot.endsWith('/') ? restRoot : `${restRoot}/`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
    const response = await fetch(url);
    if (response.status === 404 || response.status === 401) {
      await response.arrayBuffer();
      return null;
    }
    if (!response.ok) throw new GraphQLError(`WordPress answered ${response.status}`, { extensions: { code: 'UPSTREAM_BAD_RESPONSE' } });
    const total = Number(response.headers.get('x-wp-total'));
    return { body: (await response.json()) as T, total: Number.isSafeInteger(total) ? total : undefined };
  };

  const toPost = (post: WpPost): NaivePost => ({ ...mapWordPressPost(post, embeddedFeaturedMedia(post)), categoryIds: post.categories, tagIds: post.tags });
  const postById = async (id: string | number) => {
    const found = await get<WpPost>(`posts/${id}`, POST_QUERY);
    return found ? toPost(found.body) : null;
  };
  const userById = async (id: string) => {
    const found = await get<WpUser>(`users/${id}`, { _fields: USER_FIELDS.join(',') });
    return found ? mapWordPressUser(found.body) : null;
  };
  const termById = async (route: 'categories' | 'tags', id: number) => {
    const found = await get<WpTerm>(`${route}/${id}`, { _fields: TERM_FIELDS.join(',') });
    return found ? mapWordPressTerm(found.body, route === 'categories' ? TopicKind.CATEGORY : TopicKind.TAG) : null;
  };
  const termCount = async (route: 'categories' | 'tags', id: number) => {
    const found = await get<{ count: number }>(`${route}/${id}`, { _fields: 'id,count' });
    return [String(id), found?.body.count ?? 0] as const;
  };
  const summaries = async (params: Params) => {
    const found = await get<WpPostSummary[]>('posts', { ...params, per_page: MAX_PER_PAGE, _fields: POST_SUMMARY_FIELDS.join(',') });
    return { posts: (found?.body ?? []).map(toRankable), total: found?.total };
  };

  /** The gateway's rail ranking, fed naively: the same candidate listings, then one request per term for its post count. */
  const relatedTo = async (post: NaivePost, limit: number) => {
    const exclude = post.id;
    const [inCategories, inTags, byAuthor, latest, ...counts] = await Promise.all([
      post.categoryIds.length > 0 ? summaries({ categories: post.categoryIds.join(','), exclude }) : { posts: [] },
      post.tagIds.length > 0 ? summaries({ tags: post.tagIds.join(','), exclude }) : { posts: [] },
      post.authorIds.length > 0 ? summaries({ author: post.authorIds.join(','), exclude }) : { posts: [] },
      summaries({}),
      ...post.categoryIds.map((id) => termCount('categories', id)),
      ...post.tagIds.map((id) => termCount('tags', id)),
    ]);
    const postsPerTerm = new Map(counts);
    const totalPosts = Math.max(latest.total ?? latest.posts.length, 1);
    const topicWeight = (topicId: string) => Math.log(1 + totalPosts / Math.max(postsPerTerm.get(topicId) ?? totalPosts, 1));
    const article: RankablePost = { id: post.id, topicIds: post.topicIds, authorIds: post.authorIds, publishedAt: post.publishedAt };
    return rankRelated(article, [...inCategories.posts, ...inTags.posts, ...byAuthor.posts, ...latest.posts], { limit, topicWeight });
  };

  return {
    DateTime: DateTimeResolver,
    URL: URLResolver,
    Query: {
      post: async (_: unknown, args: { slug?: string | null; id?: string | null }) => {
        if (args.slug != null) {
          const found = await get<WpPost[]>('posts', { ...POST_QUERY, slug: args.slug, per_page: 1 });
          return found?.body[0] ? toPost(found.body[0]) : null;
        }
        const { type, localId } = fromGlobalId(args.id ?? '');
        return type === 'Post' ? postById(localId) : null;
      },
      posts: async (_: unknown, args: { first: number; after?: string | null; topic?: string | null; author?: string | null; search?: string | null }) => {
        if (args.topic != null || args.author != null || args.search != null) throw new GraphQLError('The naive baseline lists all posts only.');
        const offset = args.after ? decodeCursor(args.after) + 1 : 0;
        const found = await get<WpPost[]>('posts', { ...POST_QUERY, per_page: args.first, offset });
        const items = (found?.body ?? []).map(toPost);
        const totalCount = found?.total ?? offset + items.length;
        const edges = items.map((node, index) => ({ node, cursor: encodeCursor(offset + index) }));
        return {
          edges,
          totalCount,
          pageInfo: {
            hasPreviousPage: offset > 0,
            hasNextPage: offset + items.length < totalCount,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges[edges.length - 1]?.cursor ?? null,
          },
        };
      },
    },
    Post: {
      id: (post: NaivePost) => toGlobalId('Post', post.id),
      excerpt: (post: NaivePost, args: { maxLength: number }) => truncateAtWord(post.summaryText, args.maxLength),
      readingTimeMinutes: (post: NaivePost) => readingTimeMinutes(post.wordCount),
      author: (post: NaivePost) => (post.authorIds[0] === undefined ? null : userById(post.authorIds[0])),
      authors: async (post: NaivePost) => present(await Promise.all(post.authorIds.map(userById))),
      topics: async (post: NaivePost) =>
        present(await Promise.all([...post.categoryIds.map((id) => termById('categories', id)), ...post.tagIds.map((id) => termById('tags', id))])),
      relatedStories: async (post: NaivePost, args: { first: number }) => {
        const refs = await relatedTo(post, args.first);
        const posts = await Promise.all(refs.map((ref) => postById(ref.postId)));
        return refs.flatMap((ref, index) => {
          const related = posts[index];
          return related ? [{ post: related, reason: ref.reason, score: ref.score }] : [];
        });
      },
    },
    Author: { id: (author: AuthorRecord) => toGlobalId('Author', author.id) },
    Topic: { id: (topic: TopicRecord) => toGlobalId('Topic', topic.id) },
    RelatedStory: {
      title: (story: { post: NaivePost }) => story.post.title,
      excerpt: (story: { post: NaivePost }, args: { maxLength: number }) => truncateAtWord(story.post.summaryText, args.maxLength),
      url: (story: { post: NaivePost }) => story.post.url,
      publishedAt: (story: { post: NaivePost }) => story.post.publishedAt,
      image: (story: { post: NaivePost }) => story.post.featuredImage,
    },
  };
}

function toRankable(post: WpPostSummary): RankablePost {
  return {
    id: String(post.id),
    topicIds: [...post.categories, ...post.tags].map(String),
    authorIds: post.author > 0 ? [String(post.author)] : [],
    publishedAt: gmtToIso(post.date_gmt),
  };
}

function present<T>(records: (T | null)[]): T[] {
  return records.filter((record): record is T => record !== null);
}
