import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';

@Directive(CACHE_HINT.newsletter)
@ObjectType({ simpleResolvers: true, description: 'The newsletter sign-up box: the same for every reader.' })
export class Newsletter {
  @Field(() => Int, { description: 'How many addresses are signed up ("Join 10k+ people"); refreshed about once a minute.' })
  subscriberCount!: number;

  /** Slugs of the topics readers may choose; `topics` resolves them. */
  topicSlugs!: string[];
}
