import { InFlight } from './InFlight';
import type { PageParams, PostListParams, SourceCallContext, Sources, TopicListParams } from './types';

/**
 * Shares identical source calls in flight across all requests of the process. The HTTP client already
 * coalesces single upstream calls, but a source call may be several (categories and tags together, a
 * ranking in two rounds): without this, a request arriving after the first of them finished would start
 * the rest again. With it, 200 identical cold requests cost the upstreams what one costs.
 *
 * A request that ends (deadline, client gone) stops waiting at once; the shared call, and the upstream
 * calls under it, are aborted only when no request is left waiting on them (see InFlight).
 *
 * `epoch` (the cache's purge epoch) is part of every key: a call begun before a purge is never joined by
 * a request that arrived after it, which would get the answer from before the edit.
 */
export function coalesceSources({ posts, authors, topics, related }: Sources, epoch: () => number = () => 0): Sources {
  const inFlight = new InFlight<unknown>();
  // Keyed by what is asked, not by who asks: a shared call carries the request id of the request that
  // started it, and the shared call's own signal, which aborts only once every request waiting on it left.
  const shared =
    <K, R>(operation: string, run: (keys: K, call?: SourceCallContext) => Promise<R>) =>
    (keys: K, call?: SourceCallContext): Promise<R> =>
      inFlight.run(
        `${operation}:${epoch()}:${JSON.stringify(keys)}`,
        (signal) => run(keys, signal && call ? { requestId: call.requestId, signal } : call),
        call?.signal,
      ) as Promise<R>;

  const relatedRails = shared('related.byPostIds', ([postIds, limit]: [readonly string[], number], call) => related.getRelatedByPostIds(postIds, limit, call));

  return {
    posts: {
      name: posts.name,
      getPostsByIds: shared('posts.byIds', (ids: readonly string[], call) => posts.getPostsByIds(ids, call)),
      getPostsBySlugs: shared('posts.bySlugs', (slugs: readonly string[], call) => posts.getPostsBySlugs(slugs, call)),
      listPosts: shared('posts.list', (params: PostListParams, call) => posts.listPosts(params, call)),
      ...(posts.getPostsWithIncludedByIds && posts.getPostsWithIncludedBySlugs && posts.listPostsWithIncluded
        ? {
            getPostsWithIncludedByIds: shared('posts.withIncludedByIds', (ids: readonly string[], call) => posts.getPostsWithIncludedByIds!(ids, call)),
            getPostsWithIncludedBySlugs: shared('posts.withIncludedBySlugs', (slugs: readonly string[], call) => posts.getPostsWithIncludedBySlugs!(slugs, call)),
            listPostsWithIncluded: shared('posts.listWithIncluded', (params: PostListParams, call) => posts.listPostsWithIncluded!(params, call)),
          }
        : {}),
    },
    authors: {
      name: authors.name,
      getAuthorsByIds: shared('authors.byIds', (ids: readonly string[], call) => authors.getAuthorsByIds(ids, call)),
      getAuthorsBySlugs: shared('authors.bySlugs', (slugs: readonly string[], call) => authors.getAuthorsBySlugs(slugs, call)),
      ...(authors.listAuthors ? { listAuthors: shared('authors.list', (params: PageParams, call) => authors.listAuthors!(params, call)) } : {}),
    },
    topics: {
      name: topics.name,
      getTopicsByIds: shared('topics.byIds', (ids: readonly string[], call) => topics.getTopicsByIds(ids, call)),
      getTopicsBySlugs: shared('topics.bySlugs', (slugs: readonly string[], call) => topics.getTopicsBySlugs(slugs, call)),
      ...(topics.listTopics ? { listTopics: shared('topics.list', (params: TopicListParams, call) => topics.listTopics!(params, call)) } : {}),
      ...(topics.getChildTopicsByParentIds
        ? { getChildTopicsByParentIds: shared('topics.childrenByParentIds', (ids: readonly string[], call) => topics.getChildTopicsByParentIds!(ids, call)) }
        : {}),
    },
    related: {
      name: related.name,
      getRelatedByPostIds: (postIds, limit, call) => relatedRails([postIds, limit], call),
    },
  };
}
