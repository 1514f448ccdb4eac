import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { Post } from './Post';
import { RelatedReason } from './RelatedReason';

/** A rail entry: the recommended post and why. Title, excerpt, url and image are read from the post. */
@Directive(CACHE_HINT.relatedStory)
@ObjectType({ simpleResolvers: true, description: 'A story in an article\'s related rail: a teaser (title and short excerpt) and the full post behind it.' })
export class RelatedStory {
  @Field(() => Post, { description: 'The related article itself.' })
  post!: Post;

  @Field(() => RelatedReason, { description: 'Why this story is in the rail.' })
  reason!: RelatedReason;

  @Field(() => Float, { description: 'Relevance score; higher is more related. Comparable only within one rail.' })
  score!: number;
}
