import { z } from 'zod';
import type { AuthorRecord, PostRecord, TopicRecord } from '../records';
import type {
  IncludedRecords,
  PostFilter,
  PostListPage,
  PostListPageWithIncluded,
  PostListParams,
  PostSource,
  PostsWithIncluded,
  SourceCallContext,
} from '../types';
import { alignToKeys, chunk } from '../batchKeys';
import { embeddedAuthor, embeddedFeaturedMedia, embeddedTopics, mapWordPressPost } from './mapWordPressRecords';
import type { RecentPostSummaries } from './RecentPostSummaries';
import type { QueryParams, WordPressApi } from './WordPressApi';
import { isUsableSlug, isWordPressId } from './wordPressIds';
import { totalFrom } from './totalFrom';
import { MEDIA_FIELDS, POST_FIELDS, WpMedia, WpPost } from './wordPressSchemas';

const PostList = z.array(WpPost);
const IdList = z.array(z.object({ id: z.number().int() }));
const MediaList = z.array(z.unknown());

export interface WordPressPostSourceOptions {
  /** `embed`: images come with the posts (`_embed`), one call; `batch`: one `media?include=` call per post batch. */
  featuredMedia: 'embed' | 'batch';
  /** Where posts just read are noted for the built-in related ranking; absent, nothing is noted. */
  summaries?: RecentPostSummaries;
}

/** Authors and terms always come embedded: same call, and their own lookups are then skipped. */
const EMBEDDED_WITH_POSTS = ['author', 'wp:term'];

interface FetchedPosts {
  posts: PostRecord[];
  authors: AuthorRecord[];
  topics: TopicRecord[];
}

/**
 * Posts from WordPress REST API v2. Lookups by id or slug are one `include=`/`slug=` call per 100 keys;
 * listings map to WordPress's own filters, offset paging and `X-WP-Total`. Requests are anonymous, so only
 * published, public posts ever come back; anything else is a miss.
 */
export class WordPressPostSource implements PostSource {
  readonly name = 'wordpress';

  constructor(
    private readonly api: WordPressApi,
    private readonly options: WordPressPostSourceOptions,
  ) {}

  async getPostsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    return (await this.getPostsWithIncludedByIds(ids, call)).posts;
  }

  async getPostsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]> {
    return (await this.getPostsWithIncludedBySlugs(slugs, call)).posts;
  }

  async getPostsWithIncludedByIds(ids: readonly string[], call?: SourceCallContext): Promise<PostsWithIncluded> {
    const batches = chunk(ids.filter(isWordPressId));
    const pages = await Promise.all(batches.map((batch) => this.fetchPosts({ include: batch.join(','), per_page: batch.length }, call)));
    return { posts: alignToKeys(ids, pages.flatMap((page) => page.posts), (post) => post.id), included: this.included(pages) };
  }

  async getPostsWithIncludedBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<PostsWithIncluded> {
    const batches = chunk(slugs.filter(isUsableSlug));
    const pages = await Promise.all(batches.map((batch) => this.fetchPosts({ slug: batch.join(','), per_page: batch.length }, call)));
    return { posts: alignToKeys(slugs, pages.flatMap((page) => page.posts), (post) => post.slug), included: this.included(pages) };
  }

  async listPosts(params: PostListParams, call?: SourceCallContext): Promise<PostListPage> {
    return (await this.listPostsWithIncluded(params, call)).page;
  }

  async listPostsWithIncluded({ filter, offset, limit }: PostListParams, call?: SourceCallContext): Promise<PostListPageWithIncluded> {
    const params = filterParams(filter);
    if (!params) return { page: { items: [], totalCount: 0 }, included: this.included([]) };
    const startedAt = this.options.summaries?.now();
    const response = await this.api.get('posts', { ...params, ...this.postFields(), per_page: limit, offset }, PostList, call);
    this.remember(response.body, startedAt);
    const fetched = await this.toRecords(response.body, call);
    const items = fetched.posts;
    let totalCount = totalFrom(response.headers['x-wp-total']) ?? offset + response.body.length;
    if (response.body.length === 0 && offset > 0 && totalCount === 0) {
      // Past the end, WordPress counts nothing (its count query keeps the offset); ask for the real total.
      const count = await this.api.get('posts', { ...params, per_page: 1, _fields: 'id' }, IdList, call);
      totalCount = totalFrom(count.headers['x-wp-total']) ?? 0;
    }
    return { page: { items, totalCount }, included: this.included([fetched]) };
  }

  private async fetchPosts(params: QueryParams, call?: SourceCallContext): Promise<FetchedPosts> {
    const startedAt = this.options.summaries?.now();
    const response = await this.api.get('posts', { ...params, ...this.postFields() }, PostList, call);
    this.remember(response.body, startedAt);
    return this.toRecords(response.body, call);
  }

  /** `startedAt` is read before the call: a purge that lands while it is in flight keeps its answer out of the memo. */
  private remember(posts: readonly WpPost[], startedAt: number | undefined): void {
    if (startedAt !== undefined) this.options.summaries?.remember(posts, startedAt);
  }

  private postFields(): QueryParams {
    const embed = this.options.featuredMedia === 'batch' ? EMBEDDED_WITH_POSTS : ['wp:featuredmedia', ...EMBEDDED_WITH_POSTS];
    // `_embedded` (and the `_links` it is built from) must be asked for, or `_fields` drops them.
    return { _fields: [...POST_FIELDS, '_links', '_embedded'].join(','), _embed: embed.join(',') };
  }

  private async toRecords(posts: WpPost[], call?: SourceCallContext): Promise<FetchedPosts> {
    const media = this.options.featuredMedia === 'batch' ? await this.fetchMedia(posts, call) : undefined;
    return {
      posts: posts.map((post) => mapWordPressPost(post, media ? (media.get(post.featured_media) ?? null) : embeddedFeaturedMedia(post))),
      authors: posts.flatMap((post) => embeddedAuthor(post) ?? []),
      topics: posts.flatMap(embeddedTopics),
    };
  }

  private included(pages: readonly FetchedPosts[]): IncludedRecords {
    const authors = new Map(pages.flatMap((page) => page.authors).map((author) => [author.id, author]));
    const topics = new Map(pages.flatMap((page) => page.topics).map((topic) => [topic.id, topic]));
    return { source: this.name, authors: [...authors.values()], topics: [...topics.values()] };
  }

  private async fetchMedia(posts: WpPost[], call?: SourceCallContext): Promise<Map<number, WpMedia>> {
    const ids = posts.map((post) => post.featured_media).filter((id) => id > 0);
    const pages = await Promise.all(
      chunk(ids).map((batch) => this.api.get('media', { include: batch.join(','), per_page: batch.length, _fields: MEDIA_FIELDS.join(',') }, MediaList, call)),
    );
    const byId = new Map<number, WpMedia>();
    for (const item of pages.flatMap((page) => page.body)) {
      // One odd attachment costs its post the image, not the post itself.
      const parsed = WpMedia.safeParse(item);
      if (parsed.success) byId.set(parsed.data.id, parsed.data);
    }
    return byId;
  }
}

/**
 * Our filter in WordPress's terms, or null when it can only match nothing. Topic ids are term ids, unique
 * across categories and tags, so one id list under both with `tax_relation=OR` means "filed under any of
 * these" without knowing which taxonomy each id belongs to.
 */
function filterParams(filter: PostFilter): QueryParams | null {
  const params: QueryParams = {};
  if (filter.topicIds) {
    const topicIds = filter.topicIds.filter(isWordPressId);
    if (topicIds.length === 0) return null;
    params.categories = topicIds.join(',');
    params.tags = topicIds.join(',');
    params.tax_relation = 'OR';
  }
  if (filter.authorIds) {
    const authorIds = filter.authorIds.filter(isWordPressId);
    if (authorIds.length === 0) return null;
    params.author = authorIds.join(',');
  }
  if (filter.search) params.search = filter.search;
  const excluded = (filter.excludeIds ?? []).filter(isWordPressId);
  if (excluded.length > 0) params.exclude = excluded.join(',');
  return params;
}
