import { LRUCache } from 'lru-cache';
import type { WpPostSummary } from './wordPressSchemas';

export interface RecentPostSummariesOptions {
  /** How many posts are remembered at most. */
  max: number;
  /** How long a summary is trusted after its post was fetched. */
  ttlMs: number;
}

/**
 * What the WordPress post source has just read about posts (date, author, categories, tags), kept for a
 * few seconds so the built-in related ranking need not ask WordPress again for the article it was called
 * for: on a cold article page the post is fetched by slug and its rail is ranked right after.
 *
 * The life is short on purpose: it bridges one request's post lookup and its ranking, never more than a
 * cache would, so a post edited and purged is not ranked with its old terms for longer than `ttlMs`.
 */
export class RecentPostSummaries {
  private readonly byId: LRUCache<number, WpPostSummary>;

  constructor(options: RecentPostSummariesOptions) {
    this.byId = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  remember(posts: readonly WpPostSummary[]): void {
    for (const post of posts) this.byId.set(post.id, { id: post.id, date_gmt: post.date_gmt, author: post.author, categories: post.categories, tags: post.tags });
  }

  get(id: number): WpPostSummary | undefined {
    return this.byId.get(id);
  }
}
