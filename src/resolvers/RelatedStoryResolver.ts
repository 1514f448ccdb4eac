import { DateTimeResolver, URLResolver } from 'graphql-scalars';
import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Image } from '../schema/Image';
import { RelatedStory } from '../schema/RelatedStory';
import { EXCERPT_LENGTH, excerptOf } from './excerptOf';

/** Teaser fields, read from the related post so a rail needs no second query. */
@Resolver(() => RelatedStory)
export class RelatedStoryResolver {
  @FieldResolver(() => String, { description: 'The related article\'s headline, plain text.' })
  title(@Root() story: RelatedStory): string {
    return story.post.title;
  }

  @FieldResolver(() => String, { description: 'Teaser text, cut at a word boundary to at most `maxLength` characters (ending with "…" when cut).' })
  excerpt(
    @Root() story: RelatedStory,
    @Arg('maxLength', () => Int, { defaultValue: EXCERPT_LENGTH.teaserDefault, description: `Longest excerpt wanted, ${EXCERPT_LENGTH.min} to ${EXCERPT_LENGTH.max} characters.` })
    maxLength: number,
  ): string {
    return excerptOf(story.post, maxLength);
  }

  @FieldResolver(() => URLResolver, { description: 'Canonical URL of the related article.' })
  url(@Root() story: RelatedStory): string {
    return story.post.url;
  }

  @FieldResolver(() => DateTimeResolver, { description: 'When the related article was published.' })
  publishedAt(@Root() story: RelatedStory): string {
    return story.post.publishedAt;
  }

  @FieldResolver(() => Image, { nullable: true, description: 'The related article\'s lead image, when it has one.' })
  image(@Root() story: RelatedStory): Image | null {
    return story.post.featuredImage;
  }
}
