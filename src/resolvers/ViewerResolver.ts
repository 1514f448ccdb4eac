import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { BadUserInputError } from '../errors';
import { fromGlobalId } from '../globalId';
import type { ViewerLoaders } from '../loaders/ViewerLoaders';
import { BookmarkConnection } from '../schema/BookmarkConnection';
import { Viewer } from '../schema/Viewer';
import { reportDegradation } from './degradeToEmpty';
import { emptyBookmarkConnection, loadBookmarkConnection } from './loadBookmarkConnection';

/** A Viewer exists only for a reader's request, whose context has the reader's loaders. */
function viewerLoaders(context: GatewayContext): ViewerLoaders {
  if (!context.viewer) throw new Error('A Viewer was resolved without a reader.');
  return context.viewer;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: 'The signed-in reader (a reader token in `Authorization: Bearer`); null when anonymous. Any operation asking for it is answered `private, no-store` and never cached. See the README section "Reader features".',
  })
  viewer(@Ctx() context: GatewayContext): Viewer | null {
    // First, so even an anonymous `null` (which says "not signed in") is nobody else's answer.
    context.outcome.markPrivate();
    return context.viewer ? { id: context.viewer.readerId } : null;
  }

  @FieldResolver(() => BookmarkConnection, { description: 'The articles the reader saved, newest first; those no longer published are left out.' })
  async bookmarks(
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many bookmarks (0 to 100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after?: string | null,
  ): Promise<BookmarkConnection> {
    context.outcome.markPrivate();
    try {
      return await loadBookmarkConnection(context, viewerLoaders(context), first, after);
    } catch (error) {
      // A bad cursor or `first` is the client's to fix; an outage of the reader store degrades the box, not the page.
      if (error instanceof BadUserInputError) throw error;
      reportDegradation(context, info, error);
      return emptyBookmarkConnection();
    }
  }

  @FieldResolver(() => Boolean, { description: 'Whether the reader saved this article (`postId`: a Post\'s global `id`).' })
  async hasBookmarked(@Ctx() context: GatewayContext, @Arg('postId', () => ID, { description: 'The Post\'s global `id`.' }) postId: string): Promise<boolean> {
    context.outcome.markPrivate();
    const { type, localId } = fromGlobalId(postId);
    if (type !== 'Post') return false;
    return (await viewerLoaders(context).bookmarkOf(localId)) !== null;
  }
}
