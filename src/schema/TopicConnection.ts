import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { PageInfo } from './PageInfo';
import { Topic } from './Topic';

@Directive(CACHE_HINT.inherit)
@ObjectType({ simpleResolvers: true, description: 'A topic in a page of topics.' })
export class TopicEdge {
  @Field({ description: 'Opaque position of this topic; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Topic, { description: 'The topic.' })
  node!: Topic;
}

@Directive(CACHE_HINT.topicList)
@ObjectType({ simpleResolvers: true, description: 'A page of topics by name: categories first, then tags.' })
export class TopicConnection {
  @Field(() => [TopicEdge], { description: 'The topics of this page with their cursors.' })
  edges!: TopicEdge[];

  @Field(() => [Topic], { description: 'The topics of this page, without cursors.' })
  nodes!: Topic[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many topics match, across all pages.' })
  totalCount!: number;
}
