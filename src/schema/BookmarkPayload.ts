import { Directive, Field, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { Post } from './Post';
import { Viewer } from './Viewer';

@Directive(CACHE_HINT.privateData)
@ObjectType({ simpleResolvers: true, description: 'What `addBookmark` and `removeBookmark` leave behind.' })
export class BookmarkPayload {
  @Field(() => Post, { nullable: true, description: 'The article; null when it is no longer published.' })
  post!: Post | null;

  @Field({ description: 'Whether the article is now in the reader\'s bookmarks.' })
  bookmarked!: boolean;

  @Field(() => Viewer, { description: 'The reader, to read the bookmarks again in the same request.' })
  viewer!: Viewer;
}
