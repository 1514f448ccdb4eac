import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { PageInfo } from './PageInfo';
import { Post } from './Post';

@Directive(CACHE_HINT.inherit)
@ObjectType({ simpleResolvers: true, description: 'A post in a page of posts.' })
export class PostEdge {
  @Field({ description: 'Opaque position of this post; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Post, { description: 'The post.' })
  node!: Post;
}

@Directive(CACHE_HINT.listing)
@ObjectType({ simpleResolvers: true, description: 'A page of posts, newest first.' })
export class PostConnection {
  @Field(() => [PostEdge], { description: 'The posts of this page with their cursors.' })
  edges!: PostEdge[];

  @Field(() => [Post], { description: 'The posts of this page, without cursors.' })
  nodes!: Post[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many posts match, across all pages.' })
  totalCount!: number;
}
