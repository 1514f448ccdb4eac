import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext, ReaderServices } from '../context';
import { Newsletter } from '../schema/Newsletter';
import { Topic } from '../schema/Topic';
import { degradeToEmpty } from './degradeToEmpty';

export function readerServices(context: GatewayContext): ReaderServices {
  if (!context.reader) throw new Error('No reader store is wired.');
  return context.reader;
}

@Resolver(() => Newsletter)
export class NewsletterResolver {
  @Query(() => Newsletter, { description: 'The newsletter sign-up box: subscriber count and the topics a reader may choose. Public and cacheable.' })
  async newsletter(@Ctx() context: GatewayContext): Promise<Newsletter> {
    const { source } = readerServices(context);
    const [subscriberCount, topicSlugs] = await Promise.all([source.countNewsletterSubscribers(context.scope), source.listNewsletterTopicSlugs(context.scope)]);
    return { subscriberCount, topicSlugs };
  }

  @FieldResolver(() => [Topic], { description: 'Topics a reader may choose when signing up (pass their `id`s as `topicIds`).' })
  topics(@Root() newsletter: Newsletter, @Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<Topic[]> {
    return degradeToEmpty(context, info, async () => {
      const topics = await context.loaders.topicBySlug.loadMany(newsletter.topicSlugs);
      const failed = topics.find((topic) => topic instanceof Error);
      if (failed) throw failed;
      // A slug the topic source no longer knows is left out rather than failing the box.
      return topics.filter((topic): topic is Topic => topic !== null && !(topic instanceof Error));
    });
  }
}
