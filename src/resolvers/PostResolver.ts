import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { assertIntInRange } from '../errors';
import { toGlobalId } from '../globalId';
import { uriOf } from '../loaders/uriPath';
import { Author } from '../schema/Author';
import { Post } from '../schema/Post';
import { RelatedStory } from '../schema/RelatedStory';
import { Topic } from '../schema/Topic';
import { readingTimeMinutes } from '../text/truncateAtWord';
import { degradeToEmpty, reportDegradation } from './degradeToEmpty';
import { EXCERPT_LENGTH, excerptOf } from './excerptOf';
import { loadPresent } from './presentRecords';

export const RELATED_PAGE = { default: 6, min: 1, max: 20 } as const;

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id. Stable across requests; do not parse it.' })
  id(@Root() post: Post): string {
    return toGlobalId('Post', post.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The path of the article\'s page on the newsroom\'s site (`/2026/01/some-slug/`), as `nodeByUri(uri:)` takes it.' })
  uri(@Root() post: Post): string | null {
    return uriOf(post.url);
  }

  @FieldResolver(() => String, {
    description:
      'Summary as plain text, cut at a word boundary to at most `maxLength` characters (ending with "…" when cut).',
  })
  excerpt(
    @Root() post: Post,
    @Arg('maxLength', () => Int, { defaultValue: EXCERPT_LENGTH.postDefault, description: `Longest excerpt wanted, ${EXCERPT_LENGTH.min} to ${EXCERPT_LENGTH.max} characters.` })
    maxLength: number,
  ): string {
    return excerptOf(post, maxLength);
  }

  @FieldResolver(() => Int, { description: 'Estimated minutes to read the body, at least 1.' })
  readingTimeMinutes(@Root() post: Post): number {
    return readingTimeMinutes(post.wordCount);
  }

  @FieldResolver(() => Author, { nullable: true, description: 'The primary author (first in the byline); null when unknown or unavailable.' })
  author(@Root() post: Post, @Ctx() { loaders }: GatewayContext): Promise<Author | null> | null {
    const authorId = post.authorIds[0];
    return authorId === undefined ? null : loaders.authorById.load(authorId);
  }

  @FieldResolver(() => [Author], { description: 'Everyone in the byline, primary author first. Empty (with an error) when the authors upstream is unavailable.' })
  authors(@Root() post: Post, @Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<Author[]> {
    return degradeToEmpty(context, info, () => loadPresent(context.loaders.authorById, post.authorIds));
  }

  @FieldResolver(() => [Topic], { description: 'Sections and tags the article is filed under. Empty (with an error) when the topics upstream is unavailable.' })
  topics(@Root() post: Post, @Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<Topic[]> {
    return degradeToEmpty(context, info, () => loadPresent(context.loaders.topicById, post.topicIds));
  }

  @FieldResolver(() => [RelatedStory], {
    description:
      'Teaser rail: stories related to this one, most related first, never this story and never twice. Empty (with an error) when recommendations are unavailable; with an error, and possibly shorter, when it was ranked from part of its inputs.',
  })
  async relatedStories(
    @Root() post: Post,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { defaultValue: RELATED_PAGE.default, description: `How many stories, ${RELATED_PAGE.min} to ${RELATED_PAGE.max}.` })
    first: number,
  ): Promise<RelatedStory[]> {
    assertIntInRange('first', first, RELATED_PAGE.min, RELATED_PAGE.max);
    return degradeToEmpty(context, info, async () => {
      const rail = await context.loaders.relatedByPostId.load(post.id);
      const refs = (rail?.refs ?? []).slice(0, first);
      const posts = await context.loaders.postById.loadMany(refs.map((ref) => ref.postId));
      const stories: RelatedStory[] = [];
      refs.forEach((ref, index) => {
        const related = posts[index];
        if (related instanceof Error) throw related;
        // A recommendation for a story that has since been unpublished is skipped, not an error.
        if (related) stories.push({ post: related, reason: ref.reason, score: ref.score });
      });
      // Ranked from part of its inputs: served, and said so.
      if (rail?.degradation) reportDegradation(context, info, rail.degradation);
      return stories;
    });
  }
}
