import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { toGlobalId } from '../globalId';
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

  @FieldResolver(() => PostConnection, { description: 'Articles by this author, newest first.' })
  async posts(@Root() author: Author, @Ctx() { loaders }: GatewayContext, @Args(() => PostPageArgs) args: PostPageArgs): Promise<PostConnection> {
    return loadPostConnection(loaders, { authorIds: [author.id] }, args);
  }
}
