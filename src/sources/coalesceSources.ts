import { InFlight } from './InFlight';
import type { Sources } from './types';

/**
 * Shares identical source calls in flight across all requests of the process. The HTTP client already
 * coalesces single upstream calls, but a source call may be several (categories and tags together, a
 * ranking in two rounds): without this, a request arriving after the first of them finished would start
 * the rest again. With it, 200 identical cold requests cost the upstreams what one costs.
 */
export function coalesceSources({ posts, authors, topics, related }: Sources): Sources {
  const inFlight = new InFlight<unknown>();
  const shared =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      inFlight.run(`${operation}:${JSON.stringify(args)}`, () => call(...args)) as Promise<R>;

  return {
    posts: {
      name: posts.name,
      getPostsByIds: shared('posts.byIds', (ids) => posts.getPostsByIds(ids)),
      getPostsBySlugs: shared('posts.bySlugs', (slugs) => posts.getPostsBySlugs(slugs)),
      listPosts: shared('posts.list', (params) => posts.listPosts(params)),
    },
    authors: {
      name: authors.name,
      getAuthorsByIds: shared('authors.byIds', (ids) => authors.getAuthorsByIds(ids)),
      getAuthorsBySlugs: shared('authors.bySlugs', (slugs) => authors.getAuthorsBySlugs(slugs)),
    },
    topics: {
      name: topics.name,
      getTopicsByIds: shared('topics.byIds', (ids) => topics.getTopicsByIds(ids)),
      getTopicsBySlugs: shared('topics.bySlugs', (slugs) => topics.getTopicsBySlugs(slugs)),
    },
    related: {
      name: related.name,
      getRelatedByPostIds: shared('related.byPostIds', (postIds, limit) => related.getRelatedByPostIds(postIds, limit)),
    },
  };
}
