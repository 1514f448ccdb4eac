import { Directive, Field, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { Node } from './Node';
import { TopicKind } from './TopicKind';

@Directive(CACHE_HINT.topic)
@ObjectType({ simpleResolvers: true, implements: Node, description: 'A section or tag that articles are filed under.' })
export class Topic implements Node {
  /** The upstream's own id; the GraphQL `id` field is the opaque global id made from it. */
  id!: string;

  @Field({ description: 'URL-safe name, unique among topics of all kinds.' })
  slug!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  /**
   * Absent when the upstream sent the topic without it (WordPress embeds terms with posts that way);
   * the resolver then fetches the whole topic, only if the field is asked for.
   */
  @Field({ description: 'Description as plain text; empty when there is none.' })
  description?: string;

  @Field(() => TopicKind, { description: 'Whether this is a section (category) or a tag.' })
  kind!: TopicKind;

  /** The topic's page on the newsroom's site; null when its upstream gives none; absent as for `description`. */
  url?: string | null;

  /** The parent category's id (null for top-level categories and for tags); absent as for `description`. */
  parentId?: string | null;
}
