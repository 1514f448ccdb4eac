import { decodeCursor, encodeCursor } from '../cursor';
import { assertIntInRange } from '../errors';
import type { Loaders } from '../loaders/createLoaders';
import { POSTS_PAGE, type PostPageArgs } from '../schema/args';
import type { PostConnection } from '../schema/PostConnection';
import type { PostFilter } from '../sources/types';

/** Connection plumbing shared by `Query.posts`, `Author.posts` and `Topic.posts`: args in, one listing call, edges out. */
export async function loadPostConnection(loaders: Loaders, filter: PostFilter, args: PostPageArgs): Promise<PostConnection> {
  assertIntInRange('first', args.first, POSTS_PAGE.min, POSTS_PAGE.max);
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  const page = await loaders.postList.load({ filter, offset, limit: args.first });
  const items = page?.items ?? [];
  const totalCount = page?.totalCount ?? 0;
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
}

export function emptyConnection(): PostConnection {
  return {
    edges: [],
    totalCount: 0,
    pageInfo: { hasPreviousPage: false, hasNextPage: false, startCursor: null, endCursor: null },
  };
}
