import { RelatedReason, type RelatedRef } from '../records';

export interface RankablePost {
  id: string;
  topicIds: readonly string[];
  authorIds: readonly string[];
  publishedAt: string;
}

export interface RankOptions {
  limit: number;
  /**
   * How much sharing a topic says about two stories. Callers pass inverse document frequency so that
   * sharing a niche tag outweighs sharing a catch-all section such as "World".
   */
  topicWeight: (topicId: string) => number;
  /** Sharing an author counts a little: enough to break ties, not to beat a shared topic. */
  sameAuthorBonus?: number;
}

const DEFAULT_SAME_AUTHOR_BONUS = 0.25;

/** Inverse document frequency over a corpus: rare topics weigh more. */
export function topicWeightsFrom(posts: readonly Pick<RankablePost, 'topicIds'>[]): (topicId: string) => number {
  const postsPerTopic = new Map<string, number>();
  for (const post of posts) {
    for (const topicId of new Set(post.topicIds)) postsPerTopic.set(topicId, (postsPerTopic.get(topicId) ?? 0) + 1);
  }
  const total = Math.max(posts.length, 1);
  return (topicId) => Math.log(1 + total / (postsPerTopic.get(topicId) ?? total));
}

/**
 * Ranks candidates for an article's related rail: weighted topic overlap first, a small bonus for a
 * shared author, recency breaking ties, then the latest stories as backfill so the rail is full whenever
 * enough content exists. Never includes the article itself and never repeats a story.
 */
export function rankRelated(article: RankablePost, candidates: readonly RankablePost[], options: RankOptions): RelatedRef[] {
  if (options.limit <= 0) return [];
  const bonus = options.sameAuthorBonus ?? DEFAULT_SAME_AUTHOR_BONUS;
  const articleTopics = new Set(article.topicIds);
  const articleAuthors = new Set(article.authorIds);
  const seen = new Set<string>([article.id]);
  const scored: { ref: RelatedRef; publishedAt: string }[] = [];

  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    let topicScore = 0;
    for (const topicId of new Set(candidate.topicIds)) {
      if (articleTopics.has(topicId)) topicScore += options.topicWeight(topicId);
    }
    const sharesAuthor = candidate.authorIds.some((authorId) => articleAuthors.has(authorId));
    const score = topicScore + (sharesAuthor ? bonus : 0);
    const reason = topicScore > 0 ? RelatedReason.SHARED_TOPIC : sharesAuthor ? RelatedReason.SAME_AUTHOR : RelatedReason.LATEST;
    scored.push({ ref: { postId: candidate.id, reason, score: roundScore(score) }, publishedAt: candidate.publishedAt });
  }

  scored.sort(
    (a, b) =>
      b.ref.score - a.ref.score ||
      compareDesc(a.publishedAt, b.publishedAt) ||
      (a.ref.postId < b.ref.postId ? -1 : a.ref.postId > b.ref.postId ? 1 : 0),
  );
  return scored.slice(0, options.limit).map((entry) => entry.ref);
}

function compareDesc(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return tb - ta;
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
