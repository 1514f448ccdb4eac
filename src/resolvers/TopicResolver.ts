import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { toGlobalId } from '../globalId';
import { PostPageArgs } from '../schema/args';
import { PostConnection } from '../schema/PostConnection';
import { Topic } from '../schema/Topic';
import { loadPostConnection } from './loadPostConnection';

@Resolver(() => Topic)
export class TopicResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id. Stable across requests; do not parse it.' })
  id(@Root() topic: Topic): string {
    return toGlobalId('Topic', topic.id);
  }

  @FieldResolver(() => String, { description: 'Description as plain text; empty when there is none.' })
  async description(@Root() topic: Topic, @Ctx() { loaders }: GatewayContext): Promise<string> {
    if (topic.description !== undefined) return topic.description;
    // Sent along with a post without it: the whole topic is fetched only when this field is asked for.
    const complete = await loaders.completeTopicById.load(topic.id);
    return complete?.description ?? '';
  }

  @FieldResolver(() => PostConnection, { description: 'Articles filed under this topic, newest first.' })
  async posts(@Root() topic: Topic, @Ctx() { loaders }: GatewayContext, @Args(() => PostPageArgs) args: PostPageArgs): Promise<PostConnection> {
    return loadPostConnection(loaders, { topicIds: [topic.id] }, args);
  }
}
