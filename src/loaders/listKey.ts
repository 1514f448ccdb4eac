import type { PostListParams } from '../sources/types';

/** A canonical key: the same listing asked twice, in any property order, is one entry. */
export function listKey(params: PostListParams): string {
  const { filter } = params;
  return JSON.stringify({
    filter: {
      topicIds: filter.topicIds ? [...filter.topicIds].sort() : undefined,
      authorIds: filter.authorIds ? [...filter.authorIds].sort() : undefined,
      search: filter.search || undefined,
      excludeIds: filter.excludeIds ? [...filter.excludeIds].sort() : undefined,
    },
    offset: params.offset,
    limit: params.limit,
  });
}
