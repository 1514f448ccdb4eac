import { z } from 'zod';

/*
 * The JSON contracts of the in-house services (documented in docs/services.md). Unknown fields are
 * ignored so services can grow; a missing or mistyped field we need makes the whole answer a bad
 * response, never a half-mapped record.
 */

/** Ids travel as strings; numeric ids (as many services and WordPress use) are accepted and normalised. */
const id = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const url = z.url({ protocol: /^https?$/ });

export const ServiceAuthor = z.object({
  id,
  slug: z.string().min(1),
  name: z.string(),
  /** Plain text; HTML is accepted and reduced to text. */
  bio: z.string().nullish(),
  avatarUrl: url.nullish(),
  url,
});
export type ServiceAuthor = z.infer<typeof ServiceAuthor>;
export const AuthorsResponse = z.object({ authors: z.array(ServiceAuthor) });

export const ServiceTopic = z.object({
  id,
  slug: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  kind: z.enum(['category', 'tag']),
});
export type ServiceTopic = z.infer<typeof ServiceTopic>;
export const TopicsResponse = z.object({ topics: z.array(ServiceTopic) });

export const RELATED_REASONS = ['SHARED_TOPIC', 'SAME_AUTHOR', 'LATEST', 'RECOMMENDED'] as const;

export const ServiceRelatedEntry = z.object({
  postId: id,
  score: z.number().finite(),
  /** Optional; anything we do not know yet reads as RECOMMENDED rather than failing the rail. */
  reason: z.string().optional(),
});
export const RelatedResponse = z.object({
  results: z.array(z.object({ postId: id, related: z.array(ServiceRelatedEntry) })),
});
export type RelatedResponse = z.infer<typeof RelatedResponse>;
