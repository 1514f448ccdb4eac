/**
 * The gateway's own shapes for upstream content. Every source maps its upstream's JSON into these, so
 * loaders, caches and resolvers never see an upstream shape. Records are plain JSON (ISO date strings,
 * no class instances) because they travel through Redis.
 */

export type TopicKind = 'CATEGORY' | 'TAG';

export type RelatedReason = 'SHARED_TOPIC' | 'SAME_AUTHOR' | 'LATEST' | 'RECOMMENDED';

export interface ImageRecord {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface PostRecord {
  /** The upstream's own id, unique per entity kind (WordPress post id, demo id). */
  id: string;
  slug: string;
  /** Plain text: tags stripped, entities decoded. */
  title: string;
  bodyHtml: string;
  /** Plain text the `excerpt` field cuts from: the upstream's summary, or the body's opening. */
  summaryText: string;
  url: string;
  /** ISO 8601 instants. */
  publishedAt: string;
  updatedAt: string;
  /** Primary author first; co-authors after. */
  authorIds: string[];
  topicIds: string[];
  featuredImage: ImageRecord | null;
  wordCount: number;
}

export interface AuthorRecord {
  id: string;
  slug: string;
  name: string;
  /** Plain text. */
  bio: string;
  avatarUrl: string | null;
  url: string;
}

export interface TopicRecord {
  id: string;
  slug: string;
  name: string;
  /** Plain text. */
  description: string;
  kind: TopicKind;
}

/** One entry of a related-stories rail, before the post itself is loaded. */
export interface RelatedRef {
  postId: string;
  reason: RelatedReason;
  score: number;
}
