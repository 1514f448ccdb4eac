import type { SourceMemo } from '../types';
import type { WpPostSummary } from './wordPressSchemas';

/**
 * What the WordPress post source has just read about posts (date, author, categories, tags), kept for a
 * few seconds so the built-in related ranking need not ask WordPress again for the article it was called
 * for: on a cold article page the post is fetched by slug and its rail is ranked right after.
 *
 * The memo is made by the gateway's cache, so a purge of a post drops its summary at once and a summary
 * read before the purge is not kept after it: an edited post is never ranked with its old terms.
 */
export class RecentPostSummaries {
  constructor(private readonly memo: SourceMemo<WpPostSummary>) {}

  /** The memo's clock: read before the call whose answer is remembered. */
  now(): number {
    return this.memo.now();
  }

  remember(posts: readonly WpPostSummary[], startedAt: number): void {
    for (const post of posts) {
      this.memo.set(String(post.id), { id: post.id, date_gmt: post.date_gmt, author: post.author, categories: post.categories, tags: post.tags }, startedAt);
    }
  }

  get(id: number): WpPostSummary | undefined {
    return this.memo.get(String(id));
  }
}
