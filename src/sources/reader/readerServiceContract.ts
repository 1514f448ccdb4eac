import { z } from 'zod';

/*
 * The reader service's JSON contract (docs/services.md#reader-service). Unknown fields are ignored so the
 * service can grow; a missing or mistyped field makes the answer a bad response.
 */

const id = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

export const ServiceBookmark = z.object({ postId: id, savedAt: z.iso.datetime({ offset: true }).transform((text) => new Date(text)) });

export const BookmarksOfReadersResponse = z.object({ readers: z.array(z.object({ readerId: id, bookmarks: z.array(ServiceBookmark) })) });
export const BookmarksResponse = z.object({ bookmarks: z.array(ServiceBookmark) });
export const BookmarkResponse = z.object({ bookmark: ServiceBookmark });
export const NewsletterResponse = z.object({ subscriberCount: z.number().int().nonnegative(), topics: z.array(z.string().min(1)) });
export const AcceptedResponse = z.object({}).loose();
export const SignUpResponse = z.object({ status: z.enum(['pending', 'subscribed']) });
