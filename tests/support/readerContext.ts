import type { ReaderServices } from '../../src/context';
import { toGlobalId } from '../../src/globalId';
import type { Principal } from '../../src/identity/Authenticator';
import { NewsletterLimiter } from '../../src/rateLimits/NewsletterLimiter';
import { NewsletterFactsMemo } from '../../src/sources/reader/NewsletterFactsMemo';
import { SqliteReaderStore } from '../../src/sources/reader/SqliteReaderStore';

/** The reader the reader operations (ViewerArticleState) run as, in tests that run every operation file. */
export const TEST_READER: Principal = { kind: 'reader', readerId: 'reader-1' };

/**
 * Reader services over an in-memory SQLite store in which TEST_READER saved `postIds` (local ids), for
 * tests that build contexts themselves (engine and cache-policy comparisons).
 */
export function testReaderServices(postIds: readonly string[] = []): ReaderServices {
  const store = new SqliteReaderStore(':memory:', ['politics', 'business']);
  for (const postId of postIds) void store.addBookmark('reader-1', postId);
  return { source: new NewsletterFactsMemo(store, 60_000), limiter: new NewsletterLimiter({ perClientAddress: 1000, perEmail: 1000, windowSeconds: 60 }) };
}

/** ViewerArticleState's variables: the saved article, and a post nobody has. */
export function viewerStateVariables(referenceLocalId: string): Record<string, unknown>[] {
  return [{ postId: toGlobalId('Post', referenceLocalId) }, { postId: toGlobalId('Post', 'no-such-post') }];
}
