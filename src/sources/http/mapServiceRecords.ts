import { htmlToText, inlineHtmlToText } from '../../text/htmlToText';
import { type AuthorRecord, RelatedReason, type RelatedRef, type TopicRecord, TopicKind } from '../records';
import { RELATED_REASONS, type RelatedResponse, type ServiceAuthor, type ServiceTopic } from './serviceContracts';

export function mapServiceAuthor(author: ServiceAuthor): AuthorRecord {
  return {
    id: author.id,
    slug: author.slug,
    name: inlineHtmlToText(author.name),
    bio: htmlToText(author.bio),
    avatarUrl: author.avatarUrl ?? null,
    url: author.url,
  };
}

export function mapServiceTopic(topic: ServiceTopic): TopicRecord {
  return {
    id: topic.id,
    slug: topic.slug,
    name: inlineHtmlToText(topic.name),
    description: htmlToText(topic.description),
    kind: topic.kind === 'category' ? TopicKind.CATEGORY : TopicKind.TAG,
    // The topics service's contract (docs/services.md) has neither pages nor a hierarchy.
    url: null,
    parentId: null,
  };
}

const KNOWN_REASONS: ReadonlySet<string> = new Set(RELATED_REASONS);

/**
 * A rail as the schema promises it whatever the service sent: best first, never the article itself, never
 * a story twice, at most `limit` long.
 */
export function mapServiceRail(postId: string, entries: RelatedResponse['results'][number]['related'], limit: number): RelatedRef[] {
  const seen = new Set<string>([postId]);
  const rail: RelatedRef[] = [];
  for (const entry of [...entries].sort((a, b) => b.score - a.score)) {
    if (seen.has(entry.postId)) continue;
    seen.add(entry.postId);
    const reason = entry.reason && KNOWN_REASONS.has(entry.reason) ? (entry.reason as RelatedReason) : RelatedReason.RECOMMENDED;
    rail.push({ postId: entry.postId, score: entry.score, reason });
    if (rail.length === limit) break;
  }
  return rail;
}
