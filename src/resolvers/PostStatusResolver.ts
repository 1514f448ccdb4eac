import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Post } from '../schema/Post';
import { PostStatus } from '../schema/PostStatus';

/**
 * The workflow fields of a post. Public sources read published posts only, so their records carry no
 * status: absent means published, and a record cached before these fields existed reads the same.
 */
@Resolver(() => Post)
export class PostStatusResolver {
  @FieldResolver(() => PostStatus, { description: 'Where the article is in the newsroom\'s workflow; PUBLISHED unless this is a preview.' })
  status(@Root() post: Post): PostStatus {
    return post.status ?? PostStatus.PUBLISHED;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the article was read through `post(preview: true)`: its latest revision as an editor sees it, answered for this caller only and never cached. False for posts read the public way, such as those in a preview\'s related stories.',
  })
  isPreview(@Root() post: Post): boolean {
    return post.isPreview === true;
  }
}
