import { DateTimeResolver, URLResolver } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { Image } from './Image';
import { Node } from './Node';
import type { PostStatus } from './PostStatus';

/** An article as the gateway stores it. Foreign keys are data here; resolvers turn them into objects. */
@Directive(CACHE_HINT.post)
@ObjectType({ simpleResolvers: true, implements: Node, description: 'An article: as readers see it, or, through `post(preview: true)`, as its editors see it.' })
export class Post implements Node {
  /** The upstream's own id; the GraphQL `id` field is the opaque global id made from it. */
  id!: string;

  @Field({ description: 'URL-safe name, unique among posts; what article URLs are built from.' })
  slug!: string;

  @Field({ description: 'Headline as plain text: HTML entities decoded, tags stripped.' })
  title!: string;

  @Field({ description: 'Article body as the newsroom publishes it (HTML). Render it as trusted newsroom markup.' })
  bodyHtml!: string;

  /** Plain text that `excerpt` is cut from: the editor's summary, or the body's opening. */
  summaryText!: string;

  @Field(() => URLResolver, { description: 'Canonical URL of the article on the newsroom\'s site.' })
  url!: string;

  @Field(() => DateTimeResolver, { description: 'When the article was first published.' })
  publishedAt!: string;

  @Field(() => DateTimeResolver, { description: 'When the article was last changed (corrections, updates).' })
  updatedAt!: string;

  /** Primary author first, co-authors after. */
  authorIds!: string[];

  topicIds!: string[];

  @Field(() => Image, { nullable: true, description: 'Lead image, when the article has one.' })
  featuredImage!: Image | null;

  wordCount!: number;

  /** Set by preview sources only; a post read the public way is published (see PostStatusResolver). */
  status?: PostStatus;

  /** Set on records read through the preview path only, which never enter a cache. */
  isPreview?: true;
}
