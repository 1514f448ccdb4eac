import { alignToKeys, chunk } from '../batchKeys';
import { serviceUrl } from '../http/serviceUrl';
import type { UpstreamClient } from '../http/UpstreamClient';
import type { SourceCallContext } from '../types';
import { type BookmarkRecord, MAX_LISTED_BOOKMARKS, type NewsletterSignUp, type ReaderSource, type SignUpStatus } from './ReaderSource';
import { AcceptedResponse, BookmarkResponse, BookmarksOfReadersResponse, BookmarksResponse, NewsletterResponse, SignUpResponse } from './readerServiceContract';

/** Repeated parameters (`readerId=a&readerId=b`): reader ids come from tokens and may hold commas. */
function withRepeated(url: URL, name: string, values: readonly string[]): URL {
  for (const value of values) url.searchParams.append(name, value);
  return url;
}

/**
 * Bookmarks and newsletter sign-ups kept by the reader service (contract: docs/services.md), shared by
 * every gateway instance. Reads are GETs (retried, coalesced when identical); writes are POSTs, never
 * retried, so a write the service received but did not answer is not made twice.
 */
export class ReaderServiceSource implements ReaderSource {
  readonly name = 'reader-service';

  constructor(
    private readonly client: UpstreamClient,
    private readonly baseUrl: string,
  ) {}

  async listBookmarksByReaderIds(readerIds: readonly string[], call?: SourceCallContext): Promise<BookmarkRecord[][]> {
    const pages = await Promise.all(
      chunk(readerIds).map(async (batch) => {
        const url = withRepeated(serviceUrl(this.baseUrl, 'bookmarks', { limit: MAX_LISTED_BOOKMARKS }), 'readerId', batch);
        return (await this.client.request({ url, schema: BookmarksOfReadersResponse, call })).body.readers;
      }),
    );
    return alignToKeys(readerIds, pages.flat(), (reader) => reader.readerId).map((reader) => reader?.bookmarks.slice(0, MAX_LISTED_BOOKMARKS) ?? []);
  }

  async getBookmarksByPostIds(readerId: string, postIds: readonly string[], call?: SourceCallContext): Promise<(BookmarkRecord | null)[]> {
    const pages = await Promise.all(
      chunk(postIds).map(async (batch) => {
        const url = serviceUrl(this.baseUrl, 'bookmarks/membership', { readerId, postIds: batch.join(',') });
        return (await this.client.request({ url, schema: BookmarksResponse, call })).body.bookmarks;
      }),
    );
    return alignToKeys(postIds, pages.flat(), (bookmark) => bookmark.postId);
  }

  async addBookmark(readerId: string, postId: string, call?: SourceCallContext): Promise<BookmarkRecord> {
    const url = serviceUrl(this.baseUrl, 'bookmarks/add', {});
    return (await this.client.request({ url, method: 'POST', body: { readerId, postId }, schema: BookmarkResponse, call })).body.bookmark;
  }

  async removeBookmark(readerId: string, postId: string, call?: SourceCallContext): Promise<void> {
    const url = serviceUrl(this.baseUrl, 'bookmarks/remove', {});
    await this.client.request({ url, method: 'POST', body: { readerId, postId }, schema: AcceptedResponse, call });
  }

  async subscribeToNewsletter(signUp: NewsletterSignUp, call?: SourceCallContext): Promise<SignUpStatus> {
    const url = serviceUrl(this.baseUrl, 'newsletter/subscriptions', {});
    return (await this.client.request({ url, method: 'POST', body: { email: signUp.email, topics: signUp.topicSlugs }, schema: SignUpResponse, acceptStatuses: [200, 202], call })).body.status;
  }

  async countNewsletterSubscribers(call?: SourceCallContext): Promise<number> {
    return (await this.newsletter(call)).subscriberCount;
  }

  async listNewsletterTopicSlugs(call?: SourceCallContext): Promise<string[]> {
    return (await this.newsletter(call)).topics;
  }

  /** Count and topics in one answer: asked together, the identical GETs are one call. */
  private async newsletter(call?: SourceCallContext) {
    return (await this.client.request({ url: serviceUrl(this.baseUrl, 'newsletter', {}), schema: NewsletterResponse, call })).body;
  }

  /** The client belongs to the wiring, which closes it. */
  async close(): Promise<void> {}
}
