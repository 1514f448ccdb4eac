import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { decodeCursor } from '../cursor';
import { assertIntInRange, BadUserInputError } from '../errors';
import { fromGlobalId } from '../globalId';
import { normalizeUri } from '../loaders/uriPath';
import { AuthorsArgs, LIST_PAGE, PostsArgs, TopicsArgs } from '../schema/args';
import { AuthorConnection } from '../schema/AuthorConnection';
import { TopicConnection } from '../schema/TopicConnection';
import { Author } from '../schema/Author';
import { Node } from '../schema/Node';
import { Post } from '../schema/Post';
import { PostConnection } from '../schema/PostConnection';
import { Topic } from '../schema/Topic';
import type { PostFilter } from '../sources/types';
import { emptyConnection, loadPostConnection } from './loadPostConnection';
import { connectionOf } from './connectionOf';
import { previewPost } from './previewPost';
import { resolveUri } from './resolveUri';

@Resolver()
export class QueryResolver {
  @Query(() => Post, {
    nullable: true,
    description: 'One article, by `slug` or by `id` (give exactly one). Null when it does not exist or is not public (unless previewed).',
  })
  async post(
    @Ctx() context: GatewayContext,
    @Arg('slug', () => String, { nullable: true, description: 'The article\'s slug, as in its URL.' }) slug?: string | null,
    @Arg('id', () => ID, { nullable: true, description: 'The article\'s global id (drafts without a slug yet are previewed by id).' }) id?: string | null,
    @Arg('preview', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        'The latest revision as editors see it, whatever its status (drafts, pending, scheduled, private, unpublished changes). Needs an editor\'s preview token (FORBIDDEN otherwise); answered privately and never cached. See the README section "Previews".',
    })
    preview?: boolean | null,
  ): Promise<Post | null> {
    const { loaders } = context;
    // Before anything can fail: a preview request's answer is private even when it is an error.
    if (preview === true) context.outcome.markPrivate();
    if ((slug == null) === (id == null)) {
      throw new BadUserInputError('Give exactly one of the arguments "slug" and "id".', { argumentName: slug == null ? 'slug' : 'id' });
    }
    if (preview === true) return previewPost(context, slug ?? null, id ?? null);
    if (slug != null) return loaders.postBySlug.load(slug);
    const { type, localId } = fromGlobalId(id as string);
    return type === 'Post' ? loaders.postById.load(localId) : null;
  }

  @Query(() => PostConnection, { description: 'Articles, newest first, optionally filtered by topic, author or words.' })
  async posts(@Ctx() { loaders }: GatewayContext, @Args(() => PostsArgs) args: PostsArgs): Promise<PostConnection> {
    const filter: PostFilter = {};
    const [topic, author] = await Promise.all([
      args.topic != null ? loaders.topicBySlug.load(args.topic) : undefined,
      args.author != null ? loaders.authorBySlug.load(args.author) : undefined,
    ]);
    // An unknown topic or author matches nothing; it is not an error (a link may simply be old).
    if (topic === null || author === null) return emptyConnection();
    if (topic) filter.topicIds = [topic.id];
    if (author) filter.authorIds = [author.id];
    if (args.search != null && args.search.trim() !== '') filter.search = args.search.trim();
    return loadPostConnection(loaders, filter, args);
  }

  @Query(() => Author, { nullable: true, description: 'One author by slug; null when unknown.' })
  async author(@Ctx() { loaders }: GatewayContext, @Arg('slug', () => String, { description: 'The author\'s slug.' }) slug: string): Promise<Author | null> {
    return loaders.authorBySlug.load(slug);
  }

  @Query(() => Topic, { nullable: true, description: 'One topic (section or tag) by slug; null when unknown.' })
  async topic(@Ctx() { loaders }: GatewayContext, @Arg('slug', () => String, { description: 'The topic\'s slug.' }) slug: string): Promise<Topic | null> {
    return loaders.topicBySlug.load(slug);
  }

  @Query(() => TopicConnection, { description: 'Every topic by name, categories first, then tags: for section navigation and tag indexes.' })
  async topics(@Ctx() { loaders }: GatewayContext, @Args(() => TopicsArgs) args: TopicsArgs): Promise<TopicConnection> {
    assertIntInRange('first', args.first, LIST_PAGE.min, LIST_PAGE.max);
    const offset = args.after ? decodeCursor(args.after) + 1 : 0;
    const page = await loaders.topicList.load({ kind: args.kind ?? undefined, offset, limit: args.first });
    return connectionOf(page?.items ?? [], offset, page?.totalCount ?? 0);
  }

  @Query(() => AuthorConnection, { description: 'Everyone who may appear in a byline, by name: for an author index.' })
  async authors(@Ctx() { loaders }: GatewayContext, @Args(() => AuthorsArgs) args: AuthorsArgs): Promise<AuthorConnection> {
    assertIntInRange('first', args.first, LIST_PAGE.min, LIST_PAGE.max);
    const offset = args.after ? decodeCursor(args.after) + 1 : 0;
    const page = await loaders.authorList.load({ offset, limit: args.first });
    return connectionOf(page?.items ?? [], offset, page?.totalCount ?? 0);
  }

  @Query(() => Node, {
    nullable: true,
    description:
      'The article, topic or author whose page on the newsroom\'s site has this path (its `uri`, or the path of its `url`), as WordPress frontends route pages; null when none does. A full URL is taken by its path; a trailing slash does not matter.',
  })
  async nodeByUri(@Ctx() { loaders }: GatewayContext, @Arg('uri', () => String, { description: 'A path such as `/2026/01/some-slug/` or `/category/world/`.' }) uri: string): Promise<Node | null> {
    const normalized = normalizeUri(uri);
    if (normalized === null) throw new BadUserInputError('Argument "uri" is not a path.', { argumentName: 'uri' });
    return resolveUri(loaders, normalized);
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it no longer exists.' })
  async node(@Ctx() { loaders }: GatewayContext, @Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string): Promise<Node | null> {
    const { type, localId } = fromGlobalId(id);
    switch (type) {
      case 'Post':
        return loaders.postById.load(localId);
      case 'Author':
        return loaders.authorById.load(localId);
      case 'Topic':
        return loaders.topicById.load(localId);
    }
  }
}
