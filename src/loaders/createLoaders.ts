import DataLoader from 'dataloader';
import type { EntityScopes } from '../cache/ContentPurger';
import type { EntityCache } from '../cache/EntityCache';
import type { CacheKind } from '../cache/cachePolicies';
import { entityTag, LIST_TAG, slugTag, type ResponseTags, type TaggedType } from '../cache/cacheTags';
import type { AuthorRecord, PostRecord, RelatedRef, TopicRecord } from '../sources/records';
import type { IncludedRecords, PostListPage, PostListParams, SourceCallContext, Sources } from '../sources/types';
import { cachedBatch } from './cachedBatch';

/** Rails are fetched at this length whatever `first` asks, so every rail size shares one upstream call and one cache entry. */
export const RELATED_FETCH_LIMIT = 20;

export interface Loaders {
  postById: DataLoader<string, PostRecord | null>;
  postBySlug: DataLoader<string, PostRecord | null>;
  authorById: DataLoader<string, AuthorRecord | null>;
  authorBySlug: DataLoader<string, AuthorRecord | null>;
  topicById: DataLoader<string, TopicRecord | null>;
  topicBySlug: DataLoader<string, TopicRecord | null>;
  /** Topics with every field, for a field that a topic sent along with a post may lack (`description`). */
  completeTopicById: DataLoader<string, TopicRecord | null>;
  relatedByPostId: DataLoader<string, RelatedRef[] | null>;
  postList: DataLoader<PostListParams, PostListPage | null, string>;
}

export interface LoaderDeps {
  sources: Sources;
  cache: EntityCache;
  onStale?: (kind: CacheKind, key: string) => void;
  /** Collects the cache tags of what the operation resolved; absent when nobody needs them. */
  tags?: ResponseTags;
  /** Called with each batch's size, before the cache is asked: how well DataLoader is batching. */
  onBatch?: (loader: keyof Loaders, size: number) => void;
  /** The request these loaders serve, handed to every source call. */
  call?: SourceCallContext;
}

/** Sources live as long as the gateway; their key spaces are worked out once, not per request. */
const scopesBySources = new WeakMap<Sources, EntityScopes>();

/** The entity cache's key spaces, shared with the purge (which must find the same keys). */
export function entityScopes(sources: Sources): EntityScopes {
  let scopes = scopesBySources.get(sources);
  if (!scopes) {
    scopes = scopesOf(sources);
    scopesBySources.set(sources, scopes);
  }
  return scopes;
}

function scopesOf(sources: Sources): EntityScopes {
  return {
    post: { byId: sources.posts.name, bySlug: `${sources.posts.name}:slug` },
    author: { byId: sources.authors.name, bySlug: `${sources.authors.name}:slug` },
    topic: { byId: sources.topics.name, bySlug: `${sources.topics.name}:slug` },
    related: `${sources.related.name}:${RELATED_FETCH_LIMIT}`,
  };
}

/**
 * One set of loaders per operation: batching and dedupe within a request, never a memo shared across
 * users. Cross-request reuse is the entity cache's job.
 */
export function createLoaders({ sources, cache, onStale, tags, onBatch, call }: LoaderDeps): Loaders {
  const { posts, authors, topics, related } = sources;
  const observed = <K, V>(loader: keyof Loaders, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) =>
    onBatch
      ? (keys: readonly K[]) => {
          onBatch(loader, keys.length);
          return batch(keys);
        }
      : batch;
  const scopes = entityScopes(sources);
  const tagged = (type: TaggedType, by: 'id' | 'slug') => (tags ? tagRecords(tags, cache, type, by) : undefined);

  /**
   * Authors and topics that came with posts stand in for their own lookups, in this request (primed) and
   * for the next ones (cached), when they come from the upstream those lookups would ask.
   */
  const keepIncluded = (included: IncludedRecords, startedAt: number) => {
    keepRecords(included, authors.name, 'author', scopes.author.byId, authorById, startedAt, included.authors);
    keepRecords(included, topics.name, 'topic', scopes.topic.byId, topicById, startedAt, included.topics);
  };
  const keepRecords = <T extends { id: string }>(
    included: IncludedRecords,
    sourceName: string,
    type: 'author' | 'topic',
    scope: string,
    loader: DataLoader<string, T | null>,
    startedAt: number,
    records: readonly T[],
  ) => {
    if (included.source !== sourceName || records.length === 0) return;
    primeAll(loader, records);
    void cache.setMany(type, scope, records.map((record) => ({ key: record.id, value: record })), startedAt);
    // Primed records skip the loader's batch, which is where records are tagged otherwise.
    for (const record of records) tags?.add(entityTag(type, record.id));
  };
  const fetchPostsByIds = async (ids: string[]) => {
    if (!posts.getPostsWithIncludedByIds) return posts.getPostsByIds(ids, call);
    const startedAt = cache.timestamp();
    const { posts: found, included } = await posts.getPostsWithIncludedByIds(ids, call);
    keepIncluded(included, startedAt);
    return found;
  };
  const fetchPostsBySlugs = async (slugs: string[]) => {
    if (!posts.getPostsWithIncludedBySlugs) return posts.getPostsBySlugs(slugs, call);
    const startedAt = cache.timestamp();
    const { posts: found, included } = await posts.getPostsWithIncludedBySlugs(slugs, call);
    keepIncluded(included, startedAt);
    return found;
  };

  const postById = new DataLoader(
    observed('postById', cachedBatch<PostRecord>({ cache, kind: 'post', scope: scopes.post.byId, onStale, onResult: tagged('post', 'id'), fetch: fetchPostsByIds })),
  );
  const postBySlug = new DataLoader(
    observed('postBySlug', cachedBatch<PostRecord>({
      cache,
      kind: 'post',
      scope: scopes.post.bySlug,
      onStale,
      onResult: tagged('post', 'slug'),
      fetch: async (slugs) => {
        const startedAt = cache.timestamp();
        return alsoById(cache, 'post', scopes.post.byId, postById, await fetchPostsBySlugs(slugs), startedAt);
      },
    })),
  );
  const authorById = new DataLoader(
    observed('authorById', cachedBatch<AuthorRecord>({ cache, kind: 'author', scope: scopes.author.byId, onStale, onResult: tagged('author', 'id'), fetch: (ids) => authors.getAuthorsByIds(ids, call) })),
  );
  const authorBySlug = new DataLoader(
    observed('authorBySlug', cachedBatch<AuthorRecord>({
      cache,
      kind: 'author',
      scope: scopes.author.bySlug,
      onStale,
      onResult: tagged('author', 'slug'),
      fetch: async (slugs) => {
        const startedAt = cache.timestamp();
        return alsoById(cache, 'author', scopes.author.byId, authorById, await authors.getAuthorsBySlugs(slugs, call), startedAt);
      },
    })),
  );
  const topicById = new DataLoader(
    observed('topicById', cachedBatch<TopicRecord>({ cache, kind: 'topic', scope: scopes.topic.byId, onStale, onResult: tagged('topic', 'id'), fetch: (ids) => topics.getTopicsByIds(ids, call) })),
  );
  const completeTopicById = new DataLoader(
    observed('completeTopicById', cachedBatch<TopicRecord>({
      cache,
      kind: 'topic',
      scope: scopes.topic.byId,
      onStale,
      onResult: tagged('topic', 'id'),
      complete: (topic) => topic.description !== undefined,
      fetch: (ids) => topics.getTopicsByIds(ids, call),
    })),
  );
  const topicBySlug = new DataLoader(
    observed('topicBySlug', cachedBatch<TopicRecord>({
      cache,
      kind: 'topic',
      scope: scopes.topic.bySlug,
      onStale,
      onResult: tagged('topic', 'slug'),
      fetch: async (slugs) => {
        const startedAt = cache.timestamp();
        return alsoById(cache, 'topic', scopes.topic.byId, topicById, await topics.getTopicsBySlugs(slugs, call), startedAt);
      },
    })),
  );
  const relatedByPostId = new DataLoader(
    observed('relatedByPostId', cachedBatch<RelatedRef[]>({
      cache,
      kind: 'related',
      scope: scopes.related,
      onStale,
      fetch: (postIds) => related.getRelatedByPostIds(postIds, RELATED_FETCH_LIMIT, call),
    })),
  );

  // The included records are kept apart: the cached listing holds only its posts.
  const listPage = async (params: PostListParams): Promise<PostListPage> => {
    if (!posts.listPostsWithIncluded) return posts.listPosts(params, call);
    const startedAt = cache.timestamp();
    const { page, included } = await posts.listPostsWithIncluded(params, call);
    keepIncluded(included, startedAt);
    return page;
  };
  const listBatch = cachedBatch<PostListPage>({
    cache,
    kind: 'postList',
    scope: posts.name,
    onStale,
    // Listings cannot be merged upstream (each has its own filter and page), so each runs on its own.
    fetch: (keys) => Promise.all(keys.map(async (key) => listPage(JSON.parse(key) as PostListParams))),
  });
  const postList = new DataLoader<PostListParams, PostListPage | null, string>(
    observed('postList', async (params: readonly PostListParams[]) => {
      const pages = await listBatch(params.map(listKey));
      for (const page of pages) {
        if (!page || page instanceof Error) continue;
        primeAll(postById, page.items);
        // A listing changes whenever any post is published: its coarse tag is purged with every post.
        tags?.add(LIST_TAG.post);
        for (const item of page.items) tags?.add(entityTag('post', item.id));
      }
      return pages;
    }),
    { cacheKeyFn: listKey },
  );

  return { postById, postBySlug, authorById, authorBySlug, topicById, topicBySlug, completeTopicById, relatedByPostId, postList };
}

/** A canonical key: the same listing asked twice, in any property order, is one entry. */
export function listKey(params: PostListParams): string {
  const { filter } = params;
  return JSON.stringify({
    filter: {
      topicIds: filter.topicIds ? [...filter.topicIds].sort() : undefined,
      authorIds: filter.authorIds ? [...filter.authorIds].sort() : undefined,
      search: filter.search || undefined,
      excludeIds: filter.excludeIds ? [...filter.excludeIds].sort() : undefined,
    },
    offset: params.offset,
    limit: params.limit,
  });
}

/**
 * Records found by slug are also the records by id: prime this request's id loader and keep them in the
 * cache by id too, which is where a purge (that names ids) finds their slugs.
 */
function alsoById<T extends { id: string }>(
  cache: EntityCache,
  kind: CacheKind,
  idScope: string,
  loader: DataLoader<string, T | null>,
  records: readonly (T | null)[],
  startedAt: number,
): (T | null)[] {
  const found = records.filter((record): record is T => record !== null);
  void cache.setMany(kind, idScope, found.map((record) => ({ key: record.id, value: record })), startedAt);
  return primeAll(loader, records);
}

function primeAll<T extends { id: string }>(loader: DataLoader<string, T | null>, records: readonly (T | null)[]): (T | null)[] {
  for (const record of records) {
    if (record) loader.prime(record.id, record);
  }
  return [...records];
}

/** Tags each resolved record (`post:420`); a miss caps the response's age at the cached miss's. */
function tagRecords(tags: ResponseTags, cache: EntityCache, type: TaggedType, by: 'id' | 'slug') {
  const missTtlSeconds = Math.max(1, Math.floor(cache.policyFor(type).missTtlMs / 1000));
  return (keys: readonly string[], results: readonly ({ id: string } | null | Error)[]) => {
    results.forEach((result, index) => {
      if (result instanceof Error) return;
      if (result) {
        tags.add(entityTag(type, result.id));
        return;
      }
      const key = keys[index] as string;
      tags.add(by === 'id' ? entityTag(type, key) : slugTag(type, key));
      tags.capMaxAge(missTtlSeconds);
    });
  };
}
