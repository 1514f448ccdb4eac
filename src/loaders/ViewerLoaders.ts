import DataLoader from 'dataloader';
import { type BookmarkRecord, MAX_LISTED_BOOKMARKS, type ReaderSource } from '../sources/reader/ReaderSource';
import type { SourceCallContext } from '../sources/types';

/**
 * One signed-in reader's state, read for the request that asks and forgotten with it: no entity cache,
 * no key space, no Redis. Made only for a reader's request; anonymous requests never build it.
 */
export class ViewerLoaders {
  private list: Promise<BookmarkRecord[]> | undefined;
  private membership: DataLoader<string, BookmarkRecord | null>;

  constructor(
    readonly readerId: string,
    private readonly source: ReaderSource,
    private readonly call: SourceCallContext | undefined,
  ) {
    this.membership = this.newMembership();
  }

  /** The reader's bookmarks, newest first: one source call per request, however often asked. */
  bookmarks(): Promise<BookmarkRecord[]> {
    this.list ??= this.source.listBookmarksByReaderIds([this.readerId], this.call).then((lists) => lists[0] ?? []);
    return this.list;
  }

  /** The reader's bookmark of one post (local id), or null; batched over the request. */
  bookmarkOf(postId: string): Promise<BookmarkRecord | null> {
    return this.membership.load(postId);
  }

  /** After a write: what was read before it is out of date. */
  forget(): void {
    this.list = undefined;
    this.membership = this.newMembership();
  }

  private newMembership(): DataLoader<string, BookmarkRecord | null> {
    return new DataLoader((postIds: readonly string[]) => this.lookUp(postIds));
  }

  /**
   * Sibling fields resolve before any batch runs, so when the same request lists the bookmarks too, the
   * answer comes from that list and the request still makes one source call. A full list may have left
   * older bookmarks out: only those not in it are asked for.
   */
  private async lookUp(postIds: readonly string[]): Promise<(BookmarkRecord | null)[]> {
    if (!this.list) return this.source.getBookmarksByPostIds(this.readerId, postIds, this.call);
    const listed = await this.list;
    const byPost = new Map<string, BookmarkRecord | null>(listed.map((bookmark) => [bookmark.postId, bookmark]));
    const unsure = listed.length >= MAX_LISTED_BOOKMARKS ? postIds.filter((id) => !byPost.has(id)) : [];
    if (unsure.length > 0) {
      const found = await this.source.getBookmarksByPostIds(this.readerId, unsure, this.call);
      unsure.forEach((id, index) => byPost.set(id, found[index] ?? null));
    }
    return postIds.map((id) => byPost.get(id) ?? null);
  }
}
