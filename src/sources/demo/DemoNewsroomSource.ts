import { setTimeout as sleep } from 'node:timers/promises';
import { type AuthorRecord, type PostRecord, type RelatedRef, TopicKind, type TopicRecord } from '../records';
import { rankRelated, topicWeightsFrom } from '../related/rankRelated';
import type { PreviewPostSource } from '../PreviewPostSource';
import type { AuthorSource, Page, PageParams, PostListPage, PostListParams, PostSource, RelatedSource, SourceCallContext, TopicListParams, TopicSource } from '../types';
import type { DemoNewsroom } from './DemoNewsroom';
import { demoPreviewRecords } from './demoPreviews';
import { loadDemoNewsroom } from './loadDemoNewsroom';
import { mapDemoAuthor, mapDemoPost, mapDemoTopic } from './mapDemoRecords';

export interface DemoSourceOptions {
  /** Simulated upstream round trip, for demos and benchmarks of a slow CMS. */
  latencyMs?: number;
}

/**
 * The embedded demo newsroom, behind the same batch interfaces as a real upstream: async answers,
 * results aligned to keys, `null` for unknown or unpublished content, newest-first listings.
 * It also ranks related stories itself, the way a recommendation service would, and previews every post
 * for editors (drafts, pending, scheduled and private posts, and unpublished autosaves) as a CMS would.
 */
export class DemoNewsroomSource implements PostSource, AuthorSource, TopicSource, RelatedSource, PreviewPostSource {
  readonly name = 'demo';
  private readonly posts: PostRecord[];
  private readonly postsById: Map<string, PostRecord>;
  private readonly postsBySlug: Map<string, PostRecord>;
  private readonly searchText: Map<string, string>;
  private readonly authorsById: Map<string, AuthorRecord>;
  private readonly authorsBySlug: Map<string, AuthorRecord>;
  private readonly topicsById: Map<string, TopicRecord>;
  private readonly topicsBySlug: Map<string, TopicRecord>;
  private readonly topicsByName: TopicRecord[];
  private readonly authorsByName: AuthorRecord[];
  private readonly topicWeight: (topicId: string) => number;
  private readonly newsroom: DemoNewsroom;
  private previews: { byId: Map<string, PostRecord>; bySlug: Map<string, PostRecord> } | undefined;

  constructor(private readonly options: DemoSourceOptions = {}) {
    const newsroom = loadDemoNewsroom();
    this.newsroom = newsroom;
    // Drafts and private posts exist in the CMS but are never visible anonymously: they are misses.
    this.posts = newsroom.posts
      .filter((post) => post.status === 'publish')
      .map(mapDemoPost)
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || Number(b.id) - Number(a.id));
    this.postsById = new Map(this.posts.map((post) => [post.id, post]));
    this.postsBySlug = new Map(this.posts.map((post) => [post.slug, post]));
    this.searchText = new Map(this.posts.map((post) => [post.id, `${post.title} ${post.summaryText} ${post.bodyHtml}`.toLowerCase()]));
    const authors = newsroom.authors.map(mapDemoAuthor);
    this.authorsById = new Map(authors.map((author) => [author.id, author]));
    this.authorsBySlug = new Map(authors.map((author) => [author.slug, author]));
    const demoTopicsById = new Map(newsroom.topics.map((topic) => [topic.id, topic]));
    const topics = newsroom.topics.map((topic) => mapDemoTopic(topic, demoTopicsById));
    this.topicsById = new Map(topics.map((topic) => [topic.id, topic]));
    this.topicsBySlug = new Map(topics.map((topic) => [topic.slug, topic]));
    // As WordPress lists terms and users: by name; categories before tags when both are asked for.
    this.topicsByName = [...topics].sort((a, b) => Number(a.kind !== TopicKind.CATEGORY) - Number(b.kind !== TopicKind.CATEGORY) || byName(a, b));
    this.authorsByName = [...authors].sort(byName);
    this.topicWeight = topicWeightsFrom(this.posts);
  }

  async getPostsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    await this.roundTrip(call);
    return ids.map((id) => this.postsById.get(id) ?? null);
  }

  async getPostsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    await this.roundTrip(call);
    return slugs.map((slug) => this.postsBySlug.get(slug) ?? null);
  }

  async listPosts({ filter, offset, limit }: PostListParams, call?: SourceCallContext): Promise<PostListPage> {
    await this.roundTrip(call);
    const topicIds = filter.topicIds && new Set(filter.topicIds);
    const authorIds = filter.authorIds && new Set(filter.authorIds);
    const excluded = new Set(filter.excludeIds ?? []);
    const terms = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = this.posts.filter(
      (post) =>
        !excluded.has(post.id) &&
        (!topicIds || post.topicIds.some((id) => topicIds.has(id))) &&
        (!authorIds || post.authorIds.some((id) => authorIds.has(id))) &&
        terms.every((term) => this.searchText.get(post.id)?.includes(term)),
    );
    return { items: matching.slice(offset, offset + limit), totalCount: matching.length };
  }

  async getAuthorsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]> {
    await this.roundTrip(call);
    return ids.map((id) => this.authorsById.get(id) ?? null);
  }

  async getAuthorsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]> {
    await this.roundTrip(call);
    return slugs.map((slug) => this.authorsBySlug.get(slug) ?? null);
  }

  async getTopicsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]> {
    await this.roundTrip(call);
    return ids.map((id) => this.topicsById.get(id) ?? null);
  }

  async getTopicsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]> {
    await this.roundTrip(call);
    return slugs.map((slug) => this.topicsBySlug.get(slug) ?? null);
  }

  async listTopics({ kind, offset, limit }: TopicListParams, call?: SourceCallContext): Promise<Page<TopicRecord>> {
    await this.roundTrip(call);
    const matching = kind ? this.topicsByName.filter((topic) => topic.kind === kind) : this.topicsByName;
    return { items: matching.slice(offset, offset + limit), totalCount: matching.length };
  }

  async getChildTopicsByParentIds(parentIds: readonly string[], call?: SourceCallContext): Promise<TopicRecord[][]> {
    await this.roundTrip(call);
    return parentIds.map((parentId) => this.topicsByName.filter((topic) => topic.parentId === parentId));
  }

  async listAuthors({ offset, limit }: PageParams, call?: SourceCallContext): Promise<Page<AuthorRecord>> {
    await this.roundTrip(call);
    return { items: this.authorsByName.slice(offset, offset + limit), totalCount: this.authorsByName.length };
  }

  async getRelatedByPostIds(postIds: readonly string[], limit: number, call?: SourceCallContext): Promise<RelatedRef[][]> {
    await this.roundTrip(call);
    return postIds.map((postId) => {
      const article = this.postsById.get(postId);
      return article ? rankRelated(article, this.posts, { limit, topicWeight: this.topicWeight }) : [];
    });
  }

  async getPreviewPostsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    await this.roundTrip(call);
    const { byId } = this.previewRecords();
    return ids.map((id) => byId.get(id) ?? null);
  }

  async getPreviewPostsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    await this.roundTrip(call);
    const { bySlug } = this.previewRecords();
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  }

  /** Built on the first preview: most gateways never show one. */
  private previewRecords(): { byId: Map<string, PostRecord>; bySlug: Map<string, PostRecord> } {
    if (!this.previews) {
      const records = demoPreviewRecords(this.newsroom);
      this.previews = { byId: new Map(records.map((post) => [post.id, post])), bySlug: new Map(records.filter((post) => post.slug !== '').map((post) => [post.slug, post])) };
    }
    return this.previews;
  }

  /** Like a real upstream call, the simulated one stops when the request it serves times out or goes away. */
  private async roundTrip(call: SourceCallContext | undefined): Promise<void> {
    const latencyMs = this.options.latencyMs ?? 0;
    if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: call?.signal });
  }
}

/** Plain code-unit order, not localeCompare: the order must not depend on the ICU build. */
function byName(a: { name: string; slug: string }, b: { name: string; slug: string }): number {
  const left = a.name.toLowerCase();
  const right = b.name.toLowerCase();
  return left < right ? -1 : left > right ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
