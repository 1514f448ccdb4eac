import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { toGlobalId } from '../globalId';
import { uriOf } from '../loaders/uriPath';
import { PostPageArgs } from '../schema/args';
import { Author } from '../schema/Author';
import { PostConnection } from '../schema/PostConnection';
import { loadPostConnection } from './loadPostConnection';

@Resolver(() => Author)
export class AuthorResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id. Stable across requests; do not parse it.' })
  id(@Root() author: Author): string {
    return toGlobalId('Author', author.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The path of the author\'s page on the newsroom\'s site (`/author/some-slug/`), as `nodeByUri(uri:)` takes it.' })
  uri(@Root() author: Author): string | null {
    return uriOf(author.url);
  }

  @FieldResolver(() => PostConnection, { description: 'Articles by this author, newest first.' })
  async posts(@Root() author: Author, @Ctx() { loaders }: GatewayContext, @Args(() => PostPageArgs) args: PostPageArgs): Promise<PostConnection> {
    return loadPostConnection(loaders, { authorIds: [author.id] }, args);
  }
}
