/**
 * The gateway's own shapes for upstream content: every source maps its upstream's JSON into these, so
 * loaders, caches and resolvers never see an upstream shape. They are the schema's data classes, held as
 * plain JSON (ISO date strings, no class instances) because they travel through Redis.
 */
export type { Post as PostRecord } from '../schema/Post';
export type { Author as AuthorRecord } from '../schema/Author';
export type { Topic as TopicRecord } from '../schema/Topic';
export type { Image as ImageRecord, ImageRendition } from '../schema/Image';
export { ImageSize } from '../schema/ImageSize';
export { TopicKind } from '../schema/TopicKind';
export { RelatedReason } from '../schema/RelatedReason';

/** One entry of a related-stories rail, before the post itself is loaded. */
export interface RelatedRef {
  postId: string;
  reason: import('../schema/RelatedReason').RelatedReason;
  score: number;
}
