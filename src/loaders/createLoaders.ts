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
  /** A post source call that may bring authors and topics along: those are kept, the posts returned. */
  const keepingIncluded =
    <K, R>(plain: (keys: K) => Promise<R>, withIncluded: ((keys: K) => Promise<{ result: R; included: IncludedRecords }>) | undefined) =>
    async (keys: K): Promise<R> => {
      if (!withIncluded) return plain(keys);
      const startedAt = cache.timestamp();
      const { result, included } = await withIncluded(keys);
      keepIncluded(included, startedAt);
      return result;
    };
  const fetchPostsByIds = keepingIncluded(
    (ids: string[]) => posts.getPostsByIds(ids, call),
    posts.getPostsWithIncludedByIds && (async (ids: string[]) => {
      const { posts: result, included } = await posts.getPostsWithIncludedByIds!(ids, call);
      return { result, included };
    }),
  );
  const fetchPostsBySlugs = keepingIncluded(
    (slugs: string[]) => posts.getPostsBySlugs(slugs, call),
    posts.getPostsWithIncludedBySlugs && (async (slugs: string[]) => {
      const { posts: result, included } = await posts.getPostsWithIncludedBySlugs!(slugs, call);
      return { result, included };
    }),
  );

  /** Entities by id: cache, then one upstream call per batch. */
  const byId = <T extends { id: string }>(name: keyof Loaders, type: 'post' | 'author' | 'topic', fetch: (ids: string[]) => Promise<(T | null)[]>, complete?: (value: T) => boolean) =>
    new DataLoader(observed(name, cachedBatch<T>({ cache, kind: type, scope: scopes[type].byId, onStale, onResult: tagged(type, 'id'), complete, fetch })));
  /** Entities by slug; what is found is also kept (and primed) by id, so purges by id find it. */
  const bySlug = <T extends { id: string }>(name: keyof Loaders, type: 'post' | 'author' | 'topic', idLoader: DataLoader<string, T | null>, fetch: (slugs: string[]) => Promise<(T | null)[]>) =>
    new DataLoader(
      observed(name, cachedBatch<T>({
        cache,
        kind: type,
        scope: scopes[type].bySlug,
        onStale,
        onResult: tagged(type, 'slug'),
        fetch: async (slugs) => {
          const startedAt = cache.timestamp();
          return alsoById(cache, type, scopes[type].byId, idLoader, await fetch(slugs), startedAt);
        },
      })),
    );

  const postById = byId<PostRecord>('postById', 'post', fetchPostsByIds);
  const postBySlug = bySlug<PostRecord>('postBySlug', 'post', postById, fetchPostsBySlugs);
  const authorById = byId<AuthorRecord>('authorById', 'author', (ids) => authors.getAuthorsByIds(ids, call));
  const authorBySlug = bySlug<AuthorRecord>('authorBySlug', 'author', authorById, (slugs) => authors.getAuthorsBySlugs(slugs, call));
  const topicById = byId<TopicRecord>('topicById', 'topic', (ids) => topics.getTopicsByIds(ids, call));
  // Topics that came embedded with posts lack their description; this loader fetches it when asked for.
  const completeTopicById = byId<TopicRecord>('completeTopicById', 'topic', (ids) => topics.getTopicsByIds(ids, call), (topic) => topic.description !== undefined);
  const topicBySlug = bySlug<TopicRecord>('topicBySlug', 'topic', topicById, (slugs) => topics.getTopicsBySlugs(slugs, call));
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
  const listPage = keepingIncluded(
    (params: PostListParams) => posts.listPosts(params, call),
    posts.listPostsWithIncluded && (async (params: PostListParams) => {
      const { page: result, included } = await posts.listPostsWithIncluded!(params, call);
      return { result, included };
    }),
  );
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
