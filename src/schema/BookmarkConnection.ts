import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { PageInfo } from './PageInfo';
import { Post } from './Post';

@Directive(CACHE_HINT.privateData)
@ObjectType({ simpleResolvers: true, description: 'An article the reader saved.' })
export class BookmarkEdge {
  @Field({ description: 'Opaque position of this bookmark; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => DateTimeResolver, { description: 'When the reader saved it.' })
  savedAt!: Date;

  @Field(() => Post, { description: 'The saved article.' })
  node!: Post;
}

@Directive(CACHE_HINT.privateData)
@ObjectType({ simpleResolvers: true, description: 'A page of the reader\'s bookmarks, newest first; articles no longer published are left out.' })
export class BookmarkConnection {
  @Field(() => [BookmarkEdge], { description: 'The bookmarks of this page with their cursors.' })
  edges!: BookmarkEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many bookmarks the reader has (of published articles), across all pages.' })
  totalCount!: number;
}
