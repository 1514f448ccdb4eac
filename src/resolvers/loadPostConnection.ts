import { decodeCursor } from '../cursor';
import { assertIntInRange } from '../errors';
import type { Loaders } from '../loaders/createLoaders';
import { POSTS_PAGE, type PostPageArgs } from '../schema/args';
import type { PostConnection } from '../schema/PostConnection';
import type { PostFilter } from '../sources/types';
import { connectionOf } from './connectionOf';

/** Connection plumbing shared by `Query.posts`, `Author.posts` and `Topic.posts`: args in, one listing call, edges out. */
export async function loadPostConnection(loaders: Loaders, filter: PostFilter, args: PostPageArgs): Promise<PostConnection> {
  assertIntInRange('first', args.first, POSTS_PAGE.min, POSTS_PAGE.max);
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  const page = await loaders.postList.load({ filter, offset, limit: args.first });
  return connectionOf(page?.items ?? [], offset, page?.totalCount ?? 0);
}

export function emptyConnection(): PostConnection {
  return connectionOf([], 0, 0);
}
