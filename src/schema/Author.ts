import { URLResolver } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { Node } from './Node';

@Directive(CACHE_HINT.author)
@ObjectType({ simpleResolvers: true, implements: Node, description: 'A journalist or contributor.' })
export class Author implements Node {
  /** The upstream's own id; the GraphQL `id` field is the opaque global id made from it. */
  id!: string;

  @Field({ description: 'URL-safe name, unique among authors.' })
  slug!: string;

  @Field({ description: 'Display name, as in a byline.' })
  name!: string;

  @Field({ description: 'Short biography as plain text; empty when there is none.' })
  bio!: string;

  @Field(() => URLResolver, { nullable: true, description: 'Portrait image URL, when there is one.' })
  avatarUrl!: string | null;

  @Field(() => URLResolver, { description: 'The author\'s page on the newsroom\'s site.' })
  url!: string;
}
