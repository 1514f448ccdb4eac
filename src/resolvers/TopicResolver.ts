import { Args, Ctx, Directive, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { toGlobalId } from '../globalId';
import type { Loaders } from '../loaders/createLoaders';
import { uriOf } from '../loaders/uriPath';
import { PostPageArgs } from '../schema/args';
import { CACHE_HINT } from '../schema/cacheControl';
import { PostConnection } from '../schema/PostConnection';
import { Topic } from '../schema/Topic';
import { TopicKind } from '../schema/TopicKind';
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
    return (await completeTopic(loaders, topic))?.description ?? '';
  }


  @FieldResolver(() => String, {
    nullable: true,
    description: 'The path of the topic\'s page on the newsroom\'s site (`/category/world/asia/`), as `nodeByUri(uri:)` takes it; null when its upstream gives no page.',
  })
  uri(@Root() topic: Topic, @Ctx() { loaders }: GatewayContext): string | null | Promise<string | null> {
    if (topic.url !== undefined) return uriOf(topic.url);
    return completeTopic(loaders, topic).then((complete) => uriOf(complete?.url));
  }

  @FieldResolver(() => Topic, { nullable: true, description: 'The parent category; null for a top-level category and for tags.' })
  async parent(@Root() topic: Topic, @Ctx() { loaders }: GatewayContext): Promise<Topic | null> {
    const parentId = topic.parentId !== undefined ? topic.parentId : (await completeTopic(loaders, topic))?.parentId;
    return parentId ? loaders.topicById.load(parentId) : null;
  }

  @Directive(CACHE_HINT.topicChildren)
  @FieldResolver(() => [Topic], { description: 'The categories directly below this one, by name; empty for tags.' })
  async children(@Root() topic: Topic, @Ctx() { loaders }: GatewayContext): Promise<Topic[]> {
    if (topic.kind === TopicKind.TAG) return [];
    return (await loaders.topicChildren.load(topic.id)) ?? [];
  }

  @FieldResolver(() => PostConnection, { description: 'Articles filed under this topic, newest first.' })
  async posts(@Root() topic: Topic, @Ctx() { loaders }: GatewayContext, @Args(() => PostPageArgs) args: PostPageArgs): Promise<PostConnection> {
    return loadPostConnection(loaders, { topicIds: [topic.id] }, args);
  }
}

/** Topics sent along with posts lack some fields; the whole topic is fetched once, only when one is asked for. */
function completeTopic(loaders: Loaders, topic: Topic): Promise<Topic | null> {
  return loaders.completeTopicById.load(topic.id);
}
