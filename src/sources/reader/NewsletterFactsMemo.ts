import type { SourceCallContext } from '../types';
import type { BookmarkRecord, NewsletterSignUp, ReaderSource, SignUpStatus } from './ReaderSource';

/**
 * One value read at most once per `ttlMs`. A failed read is forgotten at once (the next caller retries)
 * and answered with the last value read, when there is one: the sign-up box's "10k+" may be old, but a
 * reader store outage should not take the page's newsletter box down with it.
 */
class TtlMemo<T> {
  private entry: { value: Promise<T>; expiresAt: number } | undefined;
  private last: { value: T } | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(read: () => Promise<T>): Promise<T> {
    if (this.entry && this.entry.expiresAt > this.now()) return this.entry.value;
    const last = this.last;
    const entry = {
      value: read().then(
        (value) => {
          this.last = { value };
          return value;
        },
        (error: unknown) => {
          if (this.entry === entry) this.entry = undefined;
          if (last) return last.value;
          throw error;
        },
      ),
      expiresAt: this.now() + this.ttlMs,
    };
    this.entry = entry;
    return entry.value;
  }
}

/**
 * The newsletter's subscriber count and topics are the same for everybody, so they are kept in process
 * for `ttlMs` (a failed read is not kept). Per-reader data passes straight through: it is never kept
 * beyond the request (see src/loaders/ViewerLoaders.ts). This is what keeps a page's reader state
 * at one reader-source call per request.
 */
export class NewsletterFactsMemo implements ReaderSource {
  readonly name: string;
  private readonly count: TtlMemo<number>;
  private readonly topics: TtlMemo<string[]>;

  constructor(
    private readonly source: ReaderSource,
    ttlMs: number,
    now: () => number = Date.now,
  ) {
    this.name = source.name;
    this.count = new TtlMemo(ttlMs, now);
    this.topics = new TtlMemo(ttlMs, now);
  }

  listBookmarksByReaderIds(readerIds: readonly string[], call?: SourceCallContext): Promise<BookmarkRecord[][]> {
    return this.source.listBookmarksByReaderIds(readerIds, call);
  }

  getBookmarksByPostIds(readerId: string, postIds: readonly string[], call?: SourceCallContext): Promise<(BookmarkRecord | null)[]> {
    return this.source.getBookmarksByPostIds(readerId, postIds, call);
  }

  addBookmark(readerId: string, postId: string, call?: SourceCallContext): Promise<BookmarkRecord> {
    return this.source.addBookmark(readerId, postId, call);
  }

  removeBookmark(readerId: string, postId: string, call?: SourceCallContext): Promise<void> {
    return this.source.removeBookmark(readerId, postId, call);
  }

  subscribeToNewsletter(signUp: NewsletterSignUp, call?: SourceCallContext): Promise<SignUpStatus> {
    return this.source.subscribeToNewsletter(signUp, call);
  }

  // Read without the asking request's signal: the answer serves every request of the next minute, and one
  // client going away must not fail it for the others.
  countNewsletterSubscribers(): Promise<number> {
    return this.count.get(() => this.source.countNewsletterSubscribers());
  }

  listNewsletterTopicSlugs(): Promise<string[]> {
    return this.topics.get(() => this.source.listNewsletterTopicSlugs()).then((slugs) => [...slugs]);
  }

  close(): Promise<void> {
    return this.source.close();
  }
}
