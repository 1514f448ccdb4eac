import type { GatewayContext } from '../context';
import { assertIntInRange, BadUserInputError } from '../errors';
import type { BookmarkConnection, BookmarkEdge } from '../schema/BookmarkConnection';
import type { Post } from '../schema/Post';
import type { ViewerLoaders } from '../loaders/ViewerLoaders';

const PREFIX = 'bookmark:';
export const MAX_BOOKMARKS_PER_PAGE = 100;

/** Saved time and post: a cursor still finds its place after its own bookmark was removed. */
function encodeBookmarkCursor(savedAt: Date, postId: string): string {
  return Buffer.from(`${PREFIX}${savedAt.getTime()}:${postId}`, 'utf8').toString('base64url');
}

function decodeBookmarkCursor(cursor: string): { savedAtMs: number; postId: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^bookmark:(\d{1,15}):(.+)$/.exec(decoded);
  if (!match) throw new BadUserInputError('Argument "after" is not a valid cursor. Use a cursor from a previous page.', { argumentName: 'after' });
  return { savedAtMs: Number(match[1]), postId: match[2] as string };
}

interface Saved {
  savedAt: Date;
  node: Post;
}

function offsetAfter(saved: readonly Saved[], after: string): number {
  const { savedAtMs, postId } = decodeBookmarkCursor(after);
  const own = saved.findIndex((each) => each.node.id === postId);
  if (own >= 0) return own + 1;
  const older = saved.findIndex((each) => each.savedAt.getTime() < savedAtMs);
  return older >= 0 ? older : saved.length;
}

/**
 * A page of the reader's bookmarks, newest first. The whole list comes in one reader-source call; its
 * posts come through the public post loaders (public data, cached as usual), and those no longer
 * published (null) are left out before counting and paging.
 */
export async function loadBookmarkConnection({ loaders }: GatewayContext, viewer: ViewerLoaders, first: number, after: string | null | undefined): Promise<BookmarkConnection> {
  assertIntInRange('first', first, 0, MAX_BOOKMARKS_PER_PAGE);
  const bookmarks = await viewer.bookmarks();
  const posts = await loaders.postById.loadMany(bookmarks.map((bookmark) => bookmark.postId));
  const saved: Saved[] = [];
  bookmarks.forEach((bookmark, index) => {
    const post = posts[index];
    if (post instanceof Error) throw post;
    if (post) saved.push({ savedAt: bookmark.savedAt, node: post as Post });
  });
  const offset = after == null ? 0 : offsetAfter(saved, after);
  const edges: BookmarkEdge[] = saved.slice(offset, offset + first).map(({ savedAt, node }) => ({ cursor: encodeBookmarkCursor(savedAt, node.id), savedAt, node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + edges.length < saved.length,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: saved.length,
  };
}

export function emptyBookmarkConnection(): BookmarkConnection {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 };
}
