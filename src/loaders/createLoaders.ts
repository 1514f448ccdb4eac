import DataLoader from 'dataloader';
import type { EntityCache } from '../cache/EntityCache';
import type { CacheKind } from '../cache/cachePolicies';
import type { AuthorRecord, PostRecord, RelatedRef, TopicRecord } from '../sources/records';
import type { PostListPage, PostListParams, Sources } from '../sources/types';
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
  relatedByPostId: DataLoader<string, RelatedRef[] | null>;
  postList: DataLoader<PostListParams, PostListPage | null, string>;
}

export interface LoaderDeps {
  sources: Sources;
  cache: EntityCache;
  onStale?: (kind: CacheKind, key: string) => void;
  /** Called with each batch's size, before the cache is asked: how well DataLoader is batching. */
  onBatch?: (loader: keyof Loaders, size: number) => void;
}

/**
 * One set of loaders per operation: batching and dedupe within a request, never a memo shared across
 * users. Cross-request reuse is the entity cache's job.
 */
export function createLoaders({ sources, cache, onStale, onBatch }: LoaderDeps): Loaders {
  const { posts, authors, topics, related } = sources;
  const observed = <K, V>(loader: keyof Loaders, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) =>
    onBatch
      ? (keys: readonly K[]) => {
          onBatch(loader, keys.length);
          return batch(keys);
        }
      : batch;

  const postById = new DataLoader(
    observed('postById', cachedBatch<PostRecord>({ cache, kind: 'post', scope: posts.name, onStale, fetch: (ids) => posts.getPostsByIds(ids) })),
  );
  const postBySlug = new DataLoader(
    observed('postBySlug', cachedBatch<PostRecord>({
      cache,
      kind: 'post',
      scope: `${posts.name}:slug`,
      onStale,
      fetch: async (slugs) => primeAll(postById, await posts.getPostsBySlugs(slugs)),
    })),
  );
  const authorById = new DataLoader(
    observed('authorById', cachedBatch<AuthorRecord>({ cache, kind: 'author', scope: authors.name, onStale, fetch: (ids) => authors.getAuthorsByIds(ids) })),
  );
  const authorBySlug = new DataLoader(
    observed('authorBySlug', cachedBatch<AuthorRecord>({
      cache,
      kind: 'author',
      scope: `${authors.name}:slug`,
      onStale,
      fetch: async (slugs) => primeAll(authorById, await authors.getAuthorsBySlugs(slugs)),
    })),
  );
  const topicById = new DataLoader(
    observed('topicById', cachedBatch<TopicRecord>({ cache, kind: 'topic', scope: topics.name, onStale, fetch: (ids) => topics.getTopicsByIds(ids) })),
  );
  const topicBySlug = new DataLoader(
    observed('topicBySlug', cachedBatch<TopicRecord>({
      cache,
      kind: 'topic',
      scope: `${topics.name}:slug`,
      onStale,
      fetch: async (slugs) => primeAll(topicById, await topics.getTopicsBySlugs(slugs)),
    })),
  );
  const relatedByPostId = new DataLoader(
    observed('relatedByPostId', cachedBatch<RelatedRef[]>({
      cache,
      kind: 'related',
      scope: `${related.name}:${RELATED_FETCH_LIMIT}`,
      onStale,
      fetch: (postIds) => related.getRelatedByPostIds(postIds, RELATED_FETCH_LIMIT),
    })),
  );

  const listBatch = cachedBatch<PostListPage>({
    cache,
    kind: 'postList',
    scope: posts.name,
    onStale,
    // Listings cannot be merged upstream (each has its own filter and page), so each runs on its own.
    fetch: (keys) => Promise.all(keys.map(async (key) => posts.listPosts(JSON.parse(key) as PostListParams))),
  });
  const postList = new DataLoader<PostListParams, PostListPage | null, string>(
    observed('postList', async (params: readonly PostListParams[]) => {
      const pages = await listBatch(params.map(listKey));
      for (const page of pages) {
        if (page && !(page instanceof Error)) primeAll(postById, page.items);
      }
      return pages;
    }),
    { cacheKeyFn: listKey },
  );

  return { postById, postBySlug, authorById, authorBySlug, topicById, topicBySlug, relatedByPostId, postList };
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

function primeAll<T extends { id: string }>(loader: DataLoader<string, T | null>, records: readonly (T | null)[]): (T | null)[] {
  for (const record of records) {
    if (record) loader.prime(record.id, record);
  }
  return [...records];
}
