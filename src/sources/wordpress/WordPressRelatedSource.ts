import { z } from 'zod';
import { UpstreamError } from '../../errors';
import { PartialResultError } from '../PartialResultError';
import type { RelatedRef } from '../records';
import { rankRelated, type RankablePost } from '../related/rankRelated';
import type { RelatedSource, SourceCallContext, SourceMemo } from '../types';
import { MAX_IDS_PER_CALL, chunk } from '../batchKeys';
import { gmtToIso } from './mapWordPressRecords';
import type { QueryParams, WordPressApi } from './WordPressApi';
import { isWordPressId } from './wordPressIds';
import { POST_SUMMARY_FIELDS, WpPostSummary } from './wordPressSchemas';
import type { RecentPostSummaries } from './RecentPostSummaries';

const SummaryList = z.array(WpPostSummary);
const TermCounts = z.array(z.object({ id: z.number().int(), count: z.number().int().nonnegative() }));

/** A rail ranked from part of its inputs, remembered briefly with the failure that made it partial. */
export interface PartialRail {
  limit: number;
  refs: RelatedRef[];
  failure: UpstreamError;
}

/**
 * Related stories when posts come from WordPress and no recommendation service is configured: the gateway
 * ranks them itself (the same ranking as the demo newsroom) from WordPress's categories, tags and authors.
 *
 * The candidate pool is always the same handful of calls, whatever the rail length and however many
 * articles are in the batch: the articles' terms and authors, then in parallel the newest posts in their
 * categories, in their tags and by their authors, the latest posts (backfill), and the terms' post counts
 * (so a niche tag weighs more than a catch-all section). The articles' own terms and authors are taken
 * from the posts just read when the post source noted them, which saves a dependent round trip.
 *
 * When some of those parallel inputs fail, the rails are ranked from the ones that answered (without term
 * counts, every topic weighs the same) and thrown as a PartialResultError: the loaders serve a stale rail
 * before it, and a partial rail is never cached as a complete one. Partial rails are remembered here for
 * a short while (`partialRails`, purged with their post), so a popular article does not rank again from
 * a failing WordPress on every request. Only when nothing answered is the call a plain failure.
 */
export class WordPressRelatedSource implements RelatedSource {
  readonly name = 'wordpress-ranked';

  constructor(
    private readonly api: WordPressApi,
    private readonly recent?: RecentPostSummaries,
    private readonly partialRails?: SourceMemo<PartialRail>,
  ) {}

  async getRelatedByPostIds(postIds: readonly string[], limit: number, call?: SourceCallContext): Promise<RelatedRef[][]> {
    const ids = unique(postIds.filter(isWordPressId));
    if (ids.length === 0 || limit <= 0) return postIds.map(() => []);
    this.recallPartial(postIds, ids, limit);
    const startedAt = this.partialRails?.now();

    const known = ids.flatMap((id) => this.recent?.get(Number(id)) ?? []);
    const unknown = ids.filter((id) => !known.some((summary) => String(summary.id) === id));
    const batches = await Promise.all(chunk(unknown).map((batch) => this.summaries({ include: batch.join(','), per_page: batch.length }, call)));
    const articles = [...known.map(toRankable), ...batches.flatMap((batch) => batch.posts)];
    const articleById = new Map(articles.map((article) => [article.id, article]));
    const categoryIds = unique(articles.flatMap((article) => article.categoryIds));
    const tagIds = unique(articles.flatMap((article) => article.tagIds));
    const authorIds = unique(articles.flatMap((article) => article.authorIds));
    const exclude = ids.join(',');

    const inputs = await Promise.allSettled([
      this.pool(categoryIds, (list) => ({ categories: list, exclude }), call),
      this.pool(tagIds, (list) => ({ tags: list, exclude }), call),
      this.pool(authorIds, (list) => ({ author: list, exclude }), call),
      // Not excluding the articles: its total is the corpus size the term counts are measured against.
      this.summaries({ per_page: MAX_IDS_PER_CALL }, call),
      this.termCounts('categories', categoryIds, call),
      this.termCounts('tags', tagIds, call),
    ]);
    const [inCategories, inTags, byAuthors, latest, categoryCounts, tagCounts] = inputs.map((input) => (input.status === 'fulfilled' ? input.value : undefined)) as [
      RankedSummary[] | undefined,
      RankedSummary[] | undefined,
      RankedSummary[] | undefined,
      { posts: RankedSummary[]; total: number | undefined } | undefined,
      TermCount[] | undefined,
      TermCount[] | undefined,
    ];
    const failures = inputs.flatMap((input) => (input.status === 'rejected' ? [input.reason as unknown] : []));
    const candidates = [...(inCategories ?? []), ...(inTags ?? []), ...(byAuthors ?? []), ...(latest?.posts ?? [])];
    // A request that ended, or something other than an upstream failing: nothing to rank for.
    const unexpected = failures.find((failure) => !(failure instanceof UpstreamError));
    if (unexpected !== undefined) throw unexpected;
    if (failures.length > 0 && candidates.length === 0) throw failures[0];

    const counts = new Map([...(categoryCounts ?? []), ...(tagCounts ?? [])].map((term) => [String(term.id), term.count]));
    // The same inverse document frequency as the demo ranking, from WordPress's own counts. Without the
    // latest posts' total, the largest term count is the best lower bound of the corpus there is.
    const totalPosts = Math.max(latest ? (latest.total ?? latest.posts.length) : Math.max(candidates.length, ...counts.values()), 1);
    const topicWeight = (topicId: string) => Math.log(1 + totalPosts / Math.max(counts.get(topicId) ?? totalPosts, 1));

    const rails = postIds.map((postId) => {
      const article = articleById.get(postId);
      return article ? rankRelated(article, candidates, { limit, topicWeight }) : [];
    });
    if (failures.length === 0) return rails;
    const failure = failures[0] as UpstreamError;
    postIds.forEach((postId, index) => {
      if (startedAt !== undefined && articleById.has(postId)) this.partialRails?.set(postId, { limit, refs: rails[index] as RelatedRef[], failure }, startedAt);
    });
    throw partialRails(rails, failure);
  }

  /** Rails ranked from part of their inputs a moment ago, thrown again as they were, when every article has one. */
  private recallPartial(postIds: readonly string[], ids: readonly string[], limit: number): void {
    if (!this.partialRails) return;
    const remembered = ids.map((id) => this.partialRails?.get(id));
    if (!remembered.every((rail): rail is PartialRail => rail !== undefined && rail.limit >= limit)) return;
    const byId = new Map(ids.map((id, index) => [id, remembered[index] as PartialRail]));
    throw partialRails(
      postIds.map((postId) => byId.get(postId)?.refs.slice(0, limit) ?? []),
      (remembered[0] as PartialRail).failure,
    );
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

  private async termCounts(route: 'categories' | 'tags', termIds: string[], call?: SourceCallContext): Promise<TermCount[]> {
    const pages = await Promise.all(
      chunk(termIds).map((batch) => this.api.get(route, { include: batch.join(','), per_page: batch.length, _fields: 'id,count' }, TermCounts, call)),
    );
    return pages.flatMap((page) => page.body);
  }
}

type TermCount = z.infer<typeof TermCounts>[number];

function partialRails(rails: RelatedRef[][], failure: UpstreamError): PartialResultError<RelatedRef[]> {
  return new PartialResultError(rails, failure, `${failure.message} The related stories are ranked from the part of their inputs that answered.`);
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
