import { EmailAddressResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { BadUserInputError, RateLimitedError, UnauthenticatedError } from '../errors';
import { fromGlobalId } from '../globalId';
import type { ViewerLoaders } from '../loaders/ViewerLoaders';
import { BookmarkPayload } from '../schema/BookmarkPayload';
import { NewsletterSubscriptionPayload } from '../schema/NewsletterSubscriptionPayload';
import { NewsletterSubscriptionStatus } from '../schema/NewsletterSubscriptionStatus';
import type { Post } from '../schema/Post';
import { readerServices } from './NewsletterResolver';

function signedInReader(context: GatewayContext): ViewerLoaders {
  if (!context.viewer) throw new UnauthenticatedError('Bookmarks need a signed-in reader: send a reader token in "Authorization: Bearer <token>".');
  return context.viewer;
}

/** The published post a global id names, or BAD_USER_INPUT. */
async function postNamed(context: GatewayContext, postId: string): Promise<Post> {
  const { type, localId } = fromGlobalId(postId);
  const post = type === 'Post' ? await context.loaders.postById.load(localId) : null;
  if (!post) throw new BadUserInputError('No published post has this id.', { argumentName: 'postId' });
  return post;
}

@Resolver()
export class ReaderMutationResolver {
  @Mutation(() => BookmarkPayload, { description: 'Saves an article to the signed-in reader\'s bookmarks; saving it again changes nothing (it keeps its first `savedAt`).' })
  async addBookmark(@Ctx() context: GatewayContext, @Arg('postId', () => ID, { description: 'The Post\'s global `id`.' }) postId: string): Promise<BookmarkPayload> {
    context.outcome.markPrivate();
    const viewer = signedInReader(context);
    const post = await postNamed(context, postId);
    await readerServices(context).source.addBookmark(viewer.readerId, post.id, context.scope);
    viewer.forget();
    return { post, bookmarked: true, viewer: { id: viewer.readerId } };
  }

  @Mutation(() => BookmarkPayload, { description: 'Takes an article out of the signed-in reader\'s bookmarks; taking it out again changes nothing.' })
  async removeBookmark(@Ctx() context: GatewayContext, @Arg('postId', () => ID, { description: 'The Post\'s global `id`.' }) postId: string): Promise<BookmarkPayload> {
    context.outcome.markPrivate();
    const viewer = signedInReader(context);
    const post = await postNamed(context, postId);
    await readerServices(context).source.removeBookmark(viewer.readerId, post.id, context.scope);
    viewer.forget();
    return { post, bookmarked: false, viewer: { id: viewer.readerId } };
  }

  @Mutation(() => NewsletterSubscriptionPayload, {
    description:
      'Signs an address up to the newsletter; anonymous readers may. Signing up again is not an error, and the answer never says whether the address had signed up before. Limited per client address and per address (RATE_LIMITED, with `retryAfterSeconds`).',
  })
  async subscribeToNewsletter(
    @Ctx() context: GatewayContext,
    @Arg('email', () => EmailAddressResolver, { description: 'The address to send the newsletter to.' }) email: string,
    @Arg('topicIds', () => [ID], { nullable: true, description: 'Global ids of `newsletter.topics` to receive; all of them when left out.' }) topicIds?: string[] | null,
  ): Promise<NewsletterSubscriptionPayload> {
    context.outcome.markPrivate();
    const { source, limiter } = readerServices(context);
    const address = email.trim().toLowerCase();
    // Before anything else is looked at, so refused attempts cost the stores nothing.
    const refusal = await limiter.consume(context.clientAddress, address);
    if (refusal) throw new RateLimitedError(`Too many sign-ups; try again in ${refusal.retryAfterSeconds} seconds.`, refusal.retryAfterSeconds);
    const offered = await source.listNewsletterTopicSlugs(context.scope);
    const topicSlugs = topicIds == null ? offered : await chosenTopics(context, topicIds, offered);
    const status = await source.subscribeToNewsletter({ email: address, topicSlugs }, context.scope);
    return { status: status === 'subscribed' ? NewsletterSubscriptionStatus.SUBSCRIBED : NewsletterSubscriptionStatus.PENDING_CONFIRMATION };
  }
}

async function chosenTopics(context: GatewayContext, topicIds: readonly string[], offered: readonly string[]): Promise<string[]> {
  const refuse = () => new BadUserInputError('Each of "topicIds" must be the id of one of `newsletter.topics`.', { argumentName: 'topicIds' });
  const ids = topicIds.map((id) => fromGlobalId(id));
  if (ids.some((id) => id.type !== 'Topic')) throw refuse();
  const topics = await context.loaders.topicById.loadMany(ids.map((id) => id.localId));
  const slugs = topics.map((topic) => {
    if (topic instanceof Error) throw topic;
    if (!topic || !offered.includes(topic.slug)) throw refuse();
    return topic.slug;
  });
  return [...new Set(slugs)];
}
