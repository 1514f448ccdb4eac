import type { PurgeMark } from '../cache/PurgeLedger';
import type { PostRecord } from '../sources/records';
import type { IncludedRecords, PostListPage, PostListParams, PostSource, SourceCallContext } from '../sources/types';

export interface PostFetchers {
  byIds(ids: string[]): Promise<(PostRecord | null)[]>;
  bySlugs(slugs: string[]): Promise<(PostRecord | null)[]>;
  list(params: PostListParams): Promise<PostListPage>;
}

/**
 * The post source's calls for the loaders. When the source can send authors and topics along with posts
 * (WordPress `_embed`), its variants that do are used and what came along is handed to `keep`, with the
 * mark taken before the call (so a purge that raced the call wins); the loaders get only the posts.
 */
export function postFetchers(
  posts: PostSource,
  call: SourceCallContext | undefined,
  mark: () => PurgeMark,
  keep: (included: IncludedRecords, mark: PurgeMark) => void,
): PostFetchers {
  const keeping =
    <K, R>(plain: (keys: K) => Promise<R>, withIncluded: ((keys: K) => Promise<{ result: R; included: IncludedRecords }>) | undefined) =>
    async (keys: K): Promise<R> => {
      if (!withIncluded) return plain(keys);
      const before = mark();
      const { result, included } = await withIncluded(keys);
      keep(included, before);
      return result;
    };
  const { getPostsWithIncludedByIds: byIds, getPostsWithIncludedBySlugs: bySlugs, listPostsWithIncluded: list } = posts;
  return {
    byIds: keeping(
      (ids: string[]) => posts.getPostsByIds(ids, call),
      byIds && (async (ids: string[]) => {
        const { posts: result, included } = await byIds.call(posts, ids, call);
        return { result, included };
      }),
    ),
    bySlugs: keeping(
      (slugs: string[]) => posts.getPostsBySlugs(slugs, call),
      bySlugs && (async (slugs: string[]) => {
        const { posts: result, included } = await bySlugs.call(posts, slugs, call);
        return { result, included };
      }),
    ),
    // The included records are kept apart: the cached listing holds only its posts.
    list: keeping(
      (params: PostListParams) => posts.listPosts(params, call),
      list && (async (params: PostListParams) => {
        const { page: result, included } = await list.call(posts, params, call);
        return { result, included };
      }),
    ),
  };
}
