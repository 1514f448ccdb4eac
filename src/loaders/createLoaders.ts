import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { ResponseTags } from '../cache/cacheTags';
import type { GatewayCache } from '../cache/GatewayCache';
import type { KeySpace } from '../cache/KeySpaces';
import type { PurgeMark } from '../cache/PurgeLedger';
import type { AuthorRecord, PostRecord, RelatedRef, TopicRecord } from '../sources/records';
import type { IncludedRecords, Page, PageParams, PostListPage, PostListParams, SourceCallContext, Sources, TopicListParams } from '../sources/types';
import { cachedBatch } from './cachedBatch';
import { listKey } from './listKey';
import { loaderSpaces } from './loaderSpaces';
import { postFetchers } from './postFetchers';
import { queryLoader } from './queryLoader';

/** Rails are fetched at this length whatever `first` asks, so every rail size shares one upstream call and one cache entry. */
export const RELATED_FETCH_LIMIT = 20;

/** A post's related-story refs, and why they are incomplete when they were ranked from part of their inputs. */
export interface RelatedRail {
  refs: RelatedRef[];
  /** The upstream failure to report with the rail (its code and service), for a partial rail. */
  degradation?: GraphQLError;
}

export interface Loaders {
  postById: DataLoader<string, PostRecord | null>;
  postBySlug: DataLoader<string, PostRecord | null>;
  authorById: DataLoader<string, AuthorRecord | null>;
  authorBySlug: DataLoader<string, AuthorRecord | null>;
  topicById: DataLoader<string, TopicRecord | null>;
  topicBySlug: DataLoader<string, TopicRecord | null>;
  /** Topics with every field, for a field that a topic sent along with a post may lack (`description`). */
  completeTopicById: DataLoader<string, TopicRecord | null>;
  relatedByPostId: DataLoader<string, RelatedRail | null>;
  postList: DataLoader<PostListParams, PostListPage | null, string>;
  topicList: DataLoader<TopicListParams, Page<TopicRecord> | null, string>;
  authorList: DataLoader<PageParams, Page<AuthorRecord> | null, string>;
  /** A category's subcategories, by the parent's id. */
  topicChildren: DataLoader<string, TopicRecord[] | null, string>;
}

export interface LoaderDeps {
  sources: Sources;
  cache: GatewayCache;
  onStale?: (kind: string, key: string) => void;
  /** Collects the cache tags of what the operation resolved; absent when nobody needs them. */
  tags?: ResponseTags;
  /** Called with each batch's size, before the cache is asked: how well DataLoader is batching. */
  onBatch?: (loader: keyof Loaders, size: number) => void;
  /** The request these loaders serve, handed to every source call. */
  call?: SourceCallContext;
}

type Entity = { id: string };

/**
 * One set of loaders per operation: batching and dedupe within a request, never a memo shared across
 * users. Cross-request reuse is the entity cache's job; where each loader's entries live (and which tags
 * they carry) the cache says, through its key spaces.
 */
export function createLoaders({ sources, cache, onStale, tags, onBatch, call }: LoaderDeps): Loaders {
  const { posts, authors, topics, related } = sources;
  const entities = cache.entities;
  const spaces = loaderSpaces(cache);
  const observed = <K, V>(loader: keyof Loaders, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) =>
    onBatch
      ? (keys: readonly K[]) => {
          onBatch(loader, keys.length);
          return batch(keys);
        }
      : batch;
  const tagged = (space: KeySpace) =>
    tags ? (keys: readonly string[], results: readonly unknown[]) => space.tagResults(tags, keys, results) : undefined;

  /**
   * Authors and topics that came with posts stand in for their own lookups, in this request (primed) and
   * for the next ones (cached), when they come from the upstream those lookups would ask.
   */
  const keepIncluded = (included: IncludedRecords, mark: PurgeMark) => {
    keepRecords(included, authors.name, spaces.authorById, authorById, mark, included.authors);
    keepRecords(included, topics.name, spaces.topicById, topicById, mark, included.topics);
  };
  const keepRecords = <T extends Entity>(
    included: IncludedRecords,
    sourceName: string,
    space: KeySpace,
    loader: DataLoader<string, T | null>,
    mark: PurgeMark,
    records: readonly T[],
  ) => {
    if (included.source !== sourceName || records.length === 0) return;
    primeAll(loader, records);
    void entities.setMany(space, records.map((record) => ({ key: record.id, value: record })), mark);
    // Primed records skip the loader's batch, which is where records are tagged otherwise.
    if (tags) space.tagResults(tags, records.map((record) => record.id), records);
  };
  const fetchPosts = postFetchers(posts, call, () => entities.mark(), keepIncluded);

  /** Entities by id: cache, then one upstream call per batch. */
  const byId = <T extends Entity>(name: keyof Loaders, space: KeySpace, fetch: (ids: string[]) => Promise<(T | null)[]>, complete?: (value: T) => boolean) =>
    new DataLoader(observed(name, cachedBatch<T>({ cache: entities, space, onStale, onResult: tagged(space), complete, fetch })));
  /** Entities by slug; what is found is also kept (and primed) by id, so purges by id find it. */
  const bySlug = <T extends Entity>(
    name: keyof Loaders,
    space: KeySpace,
    idSpace: KeySpace,
    idLoader: DataLoader<string, T | null>,
    fetch: (slugs: string[]) => Promise<(T | null)[]>,
  ) =>
    new DataLoader(
      observed(
        name,
        cachedBatch<T>({
          cache: entities,
          space,
          onStale,
          onResult: tagged(space),
          fetch: async (slugs) => {
            const mark = entities.mark();
            const records = await fetch(slugs);
            const found = records.filter((record): record is T => record !== null);
            void entities.setMany(idSpace, found.map((record) => ({ key: record.id, value: record })), mark);
            return primeAll(idLoader, records);
          },
        }),
      ),
    );

  const postById = byId<PostRecord>('postById', spaces.postById, fetchPosts.byIds);
  const postBySlug = bySlug<PostRecord>('postBySlug', spaces.postBySlug, spaces.postById, postById, fetchPosts.bySlugs);
  const authorById = byId<AuthorRecord>('authorById', spaces.authorById, (ids) => authors.getAuthorsByIds(ids, call));
  const authorBySlug = bySlug<AuthorRecord>('authorBySlug', spaces.authorBySlug, spaces.authorById, authorById, (slugs) => authors.getAuthorsBySlugs(slugs, call));
  const topicById = byId<TopicRecord>('topicById', spaces.topicById, (ids) => topics.getTopicsByIds(ids, call));
  // Topics that came embedded with posts lack their description; this loader fetches it when asked for.
  const completeTopicById = byId<TopicRecord>('completeTopicById', spaces.topicById, (ids) => topics.getTopicsByIds(ids, call), isCompleteTopic);
  const topicBySlug = bySlug<TopicRecord>('topicBySlug', spaces.topicBySlug, spaces.topicById, topicById, (slugs) => topics.getTopicsBySlugs(slugs, call));
  // Rails this request got ranked from part of their inputs (never cached as such), with the reason.
  const partialRails = new Map<string, GraphQLError>();
  const relatedBatch = cachedBatch<RelatedRef[]>({
    cache: entities,
    space: spaces.relatedByPostId,
    onStale,
    onPartial: (postId, error) => partialRails.set(postId, error),
    fetch: (postIds) => related.getRelatedByPostIds(postIds, RELATED_FETCH_LIMIT, call),
  });
  const relatedByPostId = new DataLoader<string, RelatedRail | null>(
    observed('relatedByPostId', async (postIds: readonly string[]) =>
      (await relatedBatch(postIds)).map((refs, index) => (refs === null || refs instanceof Error ? refs : { refs, degradation: partialRails.get(postIds[index] as string) })),
    ),
  );

  const listBatch = cachedBatch<PostListPage>({
    cache: entities,
    space: spaces.postList,
    onStale,
    // Listings cannot be merged upstream (each has its own filter and page), so each runs on its own.
    fetch: (keys) => Promise.all(keys.map(async (key) => fetchPosts.list(JSON.parse(key) as PostListParams))),
  });
  const postList = new DataLoader<PostListParams, PostListPage | null, string>(
    observed('postList', async (params: readonly PostListParams[]) => {
      const keys = params.map(listKey);
      const pages = await listBatch(keys);
      pages.forEach((page, index) => {
        if (!page || page instanceof Error) return;
        primeAll(postById, page.items);
        if (!tags) return;
        // A listing changes whenever any post is published: its coarse tag is purged with every post.
        for (const tag of spaces.postList.entryTags(keys[index] as string, page)) tags.add(tag);
        spaces.postById.tagResults(tags, page.items.map((item) => item.id), page.items);
      });
      return pages;
    }),
    { cacheKeyFn: listKey },
  );

  const emptyPage = { items: [], totalCount: 0 };
  const listed = <P, V, T extends Entity>(name: keyof Loaders, space: KeySpace, itemSpace: KeySpace, key: (params: P) => string, itemsOf: (value: V) => readonly T[], prime: DataLoader<string, T | null>, fetch: (params: P[]) => Promise<(V | null)[]>) =>
    queryLoader<P, V, T>({ cache: entities, space, itemSpace, key, itemsOf, fetch, onStale, tags, prime: (items) => primeAll(prime, items), observe: (size) => onBatch?.(name, size) });
  // Lists cannot be merged upstream (each is its own page), so each runs on its own.
  const topicList = listed<TopicListParams, Page<TopicRecord>, TopicRecord>('topicList', spaces.topicList, spaces.topicById, pageKey, (page) => page.items, topicById, (params) =>
    Promise.all(params.map((page) => (topics.listTopics ? topics.listTopics(page, call) : emptyPage))),
  );
  const authorList = listed<PageParams, Page<AuthorRecord>, AuthorRecord>('authorList', spaces.authorList, spaces.authorById, pageKey, (page) => page.items, authorById, (params) =>
    Promise.all(params.map((page) => (authors.listAuthors ? authors.listAuthors(page, call) : emptyPage))),
  );
  const topicChildren = listed<string, TopicRecord[], TopicRecord>('topicChildren', spaces.topicChildren, spaces.topicById, (id) => id, (children) => children, topicById, async (parentIds) =>
    topics.getChildTopicsByParentIds ? topics.getChildTopicsByParentIds(parentIds, call) : parentIds.map(() => []),
  );

  return { postById, postBySlug, authorById, authorBySlug, topicById, topicBySlug, completeTopicById, relatedByPostId, postList, topicList, authorList, topicChildren };
}

/** Topics sent along with posts (WordPress `_embed`) lack these; old cache entries may too. */
function isCompleteTopic(topic: TopicRecord): boolean {
  return topic.description !== undefined && topic.url !== undefined && topic.parentId !== undefined;
}

/** One key per page, whatever the property order. */
function pageKey(params: TopicListParams | PageParams): string {
  return JSON.stringify([('kind' in params ? params.kind : undefined) ?? null, params.offset, params.limit]);
}

function primeAll<T extends Entity>(loader: DataLoader<string, T | null>, records: readonly (T | null)[]): (T | null)[] {
  for (const record of records) {
    if (record) loader.prime(record.id, record);
  }
  return [...records];
}

export { listKey };
