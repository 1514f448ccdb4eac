import { z } from 'zod';
import type { RelatedRef } from '../records';
import { rankRelated, type RankablePost } from '../related/rankRelated';
import type { RelatedSource, SourceCallContext } from '../types';
import { MAX_IDS_PER_CALL, chunk } from '../batchKeys';
import { gmtToIso } from './mapWordPressRecords';
import type { QueryParams, WordPressApi } from './WordPressApi';
import { isWordPressId } from './wordPressIds';
import { POST_SUMMARY_FIELDS, WpPostSummary } from './wordPressSchemas';
import type { RecentPostSummaries } from './RecentPostSummaries';

const SummaryList = z.array(WpPostSummary);
const TermCounts = z.array(z.object({ id: z.number().int(), count: z.number().int().nonnegative() }));

/**
 * Related stories when posts come from WordPress and no recommendation service is configured: the gateway
 * ranks them itself (the same ranking as the demo newsroom) from WordPress's categories, tags and authors.
 *
 * The candidate pool is always the same handful of calls, whatever the rail length and however many
 * articles are in the batch: the articles' terms and authors, then in parallel the newest posts in their
 * categories, in their tags and by their authors, the latest posts (backfill), and the terms' post counts
 * (so a niche tag weighs more than a catch-all section). The articles' own terms and authors are taken
 * from the posts just read when the post source noted them, which saves a dependent round trip.
 */
export class WordPressRelatedSource implements RelatedSource {
  readonly name = 'wordpress-ranked';

  constructor(
    private readonly api: WordPressApi,
    private readonly recent?: RecentPostSummaries,
  ) {}

  async getRelatedByPostIds(postIds: readonly string[], limit: number, call?: SourceCallContext): Promise<RelatedRef[][]> {
    const ids = unique(postIds.filter(isWordPressId));
    if (ids.length === 0 || limit <= 0) return postIds.map(() => []);

    const known = ids.flatMap((id) => this.recent?.get(Number(id)) ?? []);
    const unknown = ids.filter((id) => !known.some((summary) => String(summary.id) === id));
    const batches = await Promise.all(chunk(unknown).map((batch) => this.summaries({ include: batch.join(','), per_page: batch.length }, call)));
    const articles = [...known.map(toRankable), ...batches.flatMap((batch) => batch.posts)];
    const articleById = new Map(articles.map((article) => [article.id, article]));
    const categoryIds = unique(articles.flatMap((article) => article.categoryIds));
    const tagIds = unique(articles.flatMap((article) => article.tagIds));
    const authorIds = unique(articles.flatMap((article) => article.authorIds));
    const exclude = ids.join(',');

    const [inCategories, inTags, byAuthors, latest, counts] = await Promise.all([
      this.pool(categoryIds, (list) => ({ categories: list, exclude }), call),
      this.pool(tagIds, (list) => ({ tags: list, exclude }), call),
      this.pool(authorIds, (list) => ({ author: list, exclude }), call),
      // Not excluding the articles: its total is the corpus size the term counts are measured against.
      this.summaries({ per_page: MAX_IDS_PER_CALL }, call),
      this.termCounts(categoryIds, tagIds, call),
    ]);
    const candidates = [...inCategories, ...inTags, ...byAuthors, ...latest.posts];
    // The same inverse document frequency as the demo ranking, from WordPress's own counts.
    const totalPosts = Math.max(latest.total ?? latest.posts.length, 1);
    const topicWeight = (topicId: string) => Math.log(1 + totalPosts / Math.max(counts.get(topicId) ?? totalPosts, 1));

    return postIds.map((postId) => {
      const article = articleById.get(postId);
      return article ? rankRelated(article, candidates, { limit, topicWeight }) : [];
    });
  }

  private async pool(ids: string[], params: (list: string) => QueryParams, call?: SourceCallContext): Promise<RankedSummary[]> {
    if (ids.length === 0) return [];
    return (await this.summaries({ ...params(ids.slice(0, MAX_IDS_PER_CALL).join(',')), per_page: MAX_IDS_PER_CALL }, call)).posts;
  }

  private async summaries(params: QueryParams, call?: SourceCallContext): Promise<{ posts: RankedSummary[]; total: number | undefined }> {
    const response = await this.api.get('posts', { ...params, _fields: POST_SUMMARY_FIELDS.join(',') }, SummaryList, call);
    const total = Number(response.headers['x-wp-total']);
    return { posts: response.body.map(toRankable), total: Number.isSafeInteger(total) ? total : undefined };
  }

  private async termCounts(categoryIds: string[], tagIds: string[], call?: SourceCallContext): Promise<Map<string, number>> {
    const fetchCounts = async (route: 'categories' | 'tags', termIds: string[]) => {
      const pages = await Promise.all(
        chunk(termIds).map((batch) => this.api.get(route, { include: batch.join(','), per_page: batch.length, _fields: 'id,count' }, TermCounts, call)),
      );
      return pages.flatMap((page) => page.body);
    };
    const [categories, tags] = await Promise.all([fetchCounts('categories', categoryIds), fetchCounts('tags', tagIds)]);
    return new Map([...categories, ...tags].map((term) => [String(term.id), term.count]));
  }
}

interface RankedSummary extends RankablePost {
  categoryIds: string[];
  tagIds: string[];
}

function toRankable(post: WpPostSummary): RankedSummary {
  const categoryIds = post.categories.map(String);
  const tagIds = post.tags.map(String);
  return {
    id: String(post.id),
    topicIds: [...categoryIds, ...tagIds],
    categoryIds,
    tagIds,
    authorIds: post.author > 0 ? [String(post.author)] : [],
    publishedAt: gmtToIso(post.date_gmt),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
