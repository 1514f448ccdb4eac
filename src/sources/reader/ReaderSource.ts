import type { SourceCallContext } from '../types';

/** One saved article of one reader. `postId` is the post source's own id (not the global id). */
export interface BookmarkRecord {
  postId: string;
  savedAt: Date;
}

export interface NewsletterSignUp {
  /** Normalised (trimmed, lower case). */
  email: string;
  topicSlugs: readonly string[];
}

/** `pending`: a confirmation mail is on its way; `subscribed`: signed up at once (the store sends no confirmation). */
export type SignUpStatus = 'pending' | 'subscribed';

/** The most bookmarks of one reader listed: the newest this many; older ones stay stored. */
export const MAX_LISTED_BOOKMARKS = 500;

/**
 * Where reader data lives: the embedded SQLite store or the reader service (docs/services.md). Batch
 * shaped like the other sources: the bookmarks of many readers, and one reader's bookmark of many posts,
 * each in one call. Nothing returned here may be cached beyond the request that asked for it.
 */
export interface ReaderSource {
  readonly name: string;
  /** Each reader's bookmarks, newest first (at most MAX_LISTED_BOOKMARKS), aligned to `readerIds`. */
  listBookmarksByReaderIds(readerIds: readonly string[], call?: SourceCallContext): Promise<BookmarkRecord[][]>;
  /** One reader's bookmark of each post, or null, aligned to `postIds`. */
  getBookmarksByPostIds(readerId: string, postIds: readonly string[], call?: SourceCallContext): Promise<(BookmarkRecord | null)[]>;
  /** Idempotent: a post bookmarked already keeps its first `savedAt`, which is returned. */
  addBookmark(readerId: string, postId: string, call?: SourceCallContext): Promise<BookmarkRecord>;
  /** Idempotent: removing what is not there is not an error. */
  removeBookmark(readerId: string, postId: string, call?: SourceCallContext): Promise<void>;
  /**
   * Idempotent; signing up again replaces the topics. The answer depends on the store's policy (double
   * opt-in or not), never on whether the address had signed up before.
   */
  subscribeToNewsletter(signUp: NewsletterSignUp, call?: SourceCallContext): Promise<SignUpStatus>;
  countNewsletterSubscribers(call?: SourceCallContext): Promise<number>;
  /** Slugs of the topics readers may choose. */
  listNewsletterTopicSlugs(call?: SourceCallContext): Promise<string[]>;
  close(): Promise<void>;
}
