import type { SourceName } from '../config/entityKinds';
import type { CallContext } from '../requestScope';
import type { AuthorRecord, PostRecord, RelatedRef, TopicKind, TopicRecord } from './records';

/**
 * The last, optional argument of every source method: the request the call serves. HTTP sources send
 * `requestIdHeaders(call)` upstream and stop when `call.signal` aborts (the request timed out or its client
 * left). Absent for calls made outside a request (tests, scripts).
 */
export type SourceCallContext = CallContext;

/**
 * Batch-first source interfaces. Each method answers many keys in one upstream call and returns results
 * aligned to its keys, with `null` for a miss (unknown, hidden or unpublished). A thrown error means the
 * upstream failed; a miss is never an error.
 */

export interface PostFilter {
  topicIds?: string[];
  authorIds?: string[];
  search?: string;
  excludeIds?: string[];
}

export interface PostListParams {
  filter: PostFilter;
  /** Zero-based position of the first item; cursors encode it. */
  offset: number;
  limit: number;
}

export interface PostListPage {
  items: PostRecord[];
  totalCount: number;
}

/**
 * Authors and topics an upstream sent along with posts (WordPress `_embed`), tagged with the upstream's
 * name: they may stand in for the authors' and topics' own lookups only when those use the same upstream.
 */
export interface IncludedRecords {
  source: string;
  authors: AuthorRecord[];
  /** Possibly partial: a topic without `description` was sent without it. */
  topics: TopicRecord[];
}

export interface PostsWithIncluded {
  posts: (PostRecord | null)[];
  included: IncludedRecords;
}

export interface PostListPageWithIncluded {
  page: PostListPage;
  included: IncludedRecords;
}

export interface PostSource {
  readonly name: string;
  getPostsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]>;
  getPostsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(PostRecord | null)[]>;
  /**
   * Optional: the same lookups plus the authors and topics the upstream sends with the posts at no extra
   * call, so the loaders can keep them and skip those entities' own upstream calls.
   */
  getPostsWithIncludedByIds?(ids: readonly string[], call?: SourceCallContext): Promise<PostsWithIncluded>;
  getPostsWithIncludedBySlugs?(slugs: readonly string[], call?: SourceCallContext): Promise<PostsWithIncluded>;
  listPostsWithIncluded?(params: PostListParams, call?: SourceCallContext): Promise<PostListPageWithIncluded>;
  /** Newest first. */
  listPosts(params: PostListParams, call?: SourceCallContext): Promise<PostListPage>;
}

/** A page of a root list (topics, authors): by name, as WordPress orders terms and users. */
export interface PageParams {
  /** Zero-based position of the first item; cursors encode it. */
  offset: number;
  limit: number;
}

export interface TopicListParams extends PageParams {
  /** Only categories or only tags; absent, categories first, then tags. */
  kind?: TopicKind;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
}

/*
 * The listings and the hierarchy are optional: the HTTP services' contract (docs/services.md) has no
 * such endpoints. Without them a root list is empty and a topic has no children.
 */

export interface AuthorSource {
  readonly name: string;
  getAuthorsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]>;
  getAuthorsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]>;
  /** Authors who may appear in a byline, by name. */
  listAuthors?(params: PageParams, call?: SourceCallContext): Promise<Page<AuthorRecord>>;
}

export interface TopicSource {
  readonly name: string;
  getTopicsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]>;
  getTopicsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]>;
  listTopics?(params: TopicListParams, call?: SourceCallContext): Promise<Page<TopicRecord>>;
  /** The categories directly below each parent, by name, aligned to the parents' ids (`[]` for none). */
  getChildTopicsByParentIds?(parentIds: readonly string[], call?: SourceCallContext): Promise<TopicRecord[][]>;
}

export interface RelatedSource {
  readonly name: string;
  /** Ranked rails for many articles at once, each at most `limit` long, never containing the article itself. */
  getRelatedByPostIds(postIds: readonly string[], limit: number, call?: SourceCallContext): Promise<RelatedRef[][]>;
}

/** One source per entity kind: each kind may come from a different upstream. That is the federation. */
export interface Sources {
  posts: PostSource;
  authors: AuthorSource;
  topics: TopicSource;
  related: RelatedSource;
}

/** The source slots of the entity-kind table (src/config/entityKinds.ts); `Sources` has exactly these. */
export type EntityKind = SourceName;
type SlotsMatchTable = [keyof Sources] extends [SourceName] ? ([SourceName] extends [keyof Sources] ? true : never) : never;
// Fails to compile when the slots and the table drift apart.
const slotsMatchTable: SlotsMatchTable = true;
void slotsMatchTable;

/**
 * A short-lived in-process memo a source may keep (keys are entity ids), made by the gateway's cache so
 * that purges reach it: a value read before a purge of its entity is not kept (`startedAt` is what
 * `now()` answered before the read began: a purge generation, not a time).
 */
export interface SourceMemo<V> {
  now(): number;
  get(id: string): V | undefined;
  set(id: string, value: V, startedAt: number): void;
}
