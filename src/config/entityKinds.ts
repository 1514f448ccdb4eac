/**
 * The one table of what the gateway caches: each entity kind with the source that reads it, how its
 * entries are keyed, the cache tags it answers to, its default freshness and its HTTP max-age. Every
 * union type, tag pattern, purge enum, cache hint and `CACHE_TTL_*` setting is derived from this table;
 * adding a kind means adding a row here, its source and its resolver (README: "Adding an entity kind").
 *
 * Pure data and a few pure derivations, importing nothing: config, cache, schema and server all read it.
 * The derivations take the table as an argument so a test can extend it with a hypothetical kind.
 */

/** Which member of the gateway's sources reads a kind, and what each may be wired to. */
export const SOURCES = {
  posts: { choices: ['demo', 'wordpress'] },
  authors: { choices: ['demo', 'wordpress', 'service'] },
  topics: { choices: ['demo', 'wordpress', 'service'] },
  related: { choices: ['demo', 'wordpress', 'service'] },
} as const;

export type SourceName = keyof typeof SOURCES;
export type SourceChoice = (typeof SOURCES)[SourceName]['choices'][number];
/** Sources that may be an HTTP service of docs/services.md. */
export type ServiceName = { [S in SourceName]: 'service' extends (typeof SOURCES)[S]['choices'][number] ? S : never }[SourceName];

/** Freshness defaults of a kind, in seconds (Keyv wants milliseconds: the cache converts, once). */
export interface KindCachePolicy {
  /** How long a value is served as fresh. */
  ttlSeconds: number;
  /** How long a miss (unknown slug, hidden post) is remembered, so repeated misses do not hit the upstream. */
  missTtlSeconds: number;
  /** How long past its TTL a value is still served at once while one background refresh runs. */
  staleWhileRevalidateSeconds: number;
  /** How long past its TTL a value is kept, to serve when its upstream fails (stale-if-error). */
  staleIfErrorSeconds: number;
}

export interface EntityKindSpec {
  /**
   * The source slot that reads it (one of SOURCES for the gateway's own kinds); its source's name
   * separates key spaces, so one id from two upstreams never meets.
   */
  source: string;
  /**
   * How entries are keyed. `id` and `slug`: an entity (a slug entry is found again through its id, for
   * purges). `owner`: keyed by the id of another kind's entity (`ownedBy`) and dropped with it. `query`:
   * one entry per distinct request (a listing), dropped whenever any entity of `ownedBy` changes.
   */
  keys: readonly ('id' | 'slug')[] | 'owner' | 'query';
  /** For `owner` and `query` keys: the kind whose purges drop these entries. */
  ownedBy?: string;
  /**
   * Cache tags: `<tag>:<id>` per entity, `<tag>-slug:<slug>` for a slug that found nothing yet, and
   * `<tag>-list` for responses listing the kind (or too many of them to name one by one). Kinds with a
   * tag can be purged by the content-changed webhook.
   */
  tag?: string;
  /** Default freshness in the entity cache. */
  cache: KindCachePolicy;
  /** The `@cacheControl(maxAge:)` hint of the kind's GraphQL type, in seconds. */
  httpMaxAgeSeconds: number;
  /** One line for the README's configuration table. */
  label: string;
}

export const ENTITY_KINDS = {
  post: {
    source: 'posts',
    keys: ['id', 'slug'],
    tag: 'post',
    // Articles are corrected and updated more often than people and taxonomies change.
    cache: { ttlSeconds: 60, missTtlSeconds: 10, staleWhileRevalidateSeconds: 60, staleIfErrorSeconds: 600 },
    httpMaxAgeSeconds: 60,
    label: 'a post',
  },
  author: {
    source: 'authors',
    keys: ['id', 'slug'],
    tag: 'author',
    cache: { ttlSeconds: 300, missTtlSeconds: 30, staleWhileRevalidateSeconds: 300, staleIfErrorSeconds: 3600 },
    httpMaxAgeSeconds: 300,
    label: 'an author',
  },
  topic: {
    source: 'topics',
    keys: ['id', 'slug'],
    tag: 'topic',
    cache: { ttlSeconds: 300, missTtlSeconds: 30, staleWhileRevalidateSeconds: 300, staleIfErrorSeconds: 3600 },
    httpMaxAgeSeconds: 300,
    label: 'a topic',
  },
  related: {
    source: 'related',
    keys: 'owner',
    ownedBy: 'post',
    cache: { ttlSeconds: 60, missTtlSeconds: 10, staleWhileRevalidateSeconds: 60, staleIfErrorSeconds: 600 },
    httpMaxAgeSeconds: 60,
    label: 'a related-story rail',
  },
  postList: {
    source: 'posts',
    keys: 'query',
    // A listing changes whenever any post is published, edited or unpublished.
    ownedBy: 'post',
    cache: { ttlSeconds: 30, missTtlSeconds: 10, staleWhileRevalidateSeconds: 30, staleIfErrorSeconds: 600 },
    httpMaxAgeSeconds: 30,
    label: 'a listing (page of posts)',
  },
  topicList: {
    source: 'topics',
    keys: 'query',
    // A new, renamed or deleted topic changes every page of topics.
    ownedBy: 'topic',
    cache: { ttlSeconds: 300, missTtlSeconds: 30, staleWhileRevalidateSeconds: 300, staleIfErrorSeconds: 3600 },
    httpMaxAgeSeconds: 300,
    label: 'a page of topics (`topics`)',
  },
  topicChildren: {
    source: 'topics',
    keys: 'query',
    // Keyed by the parent's id, but a new subcategory is purged as itself, not as its parent: any topic
    // change drops them all.
    ownedBy: 'topic',
    cache: { ttlSeconds: 300, missTtlSeconds: 30, staleWhileRevalidateSeconds: 300, staleIfErrorSeconds: 3600 },
    httpMaxAgeSeconds: 300,
    label: "a category's subcategories (`Topic.children`)",
  },
  authorList: {
    source: 'authors',
    keys: 'query',
    ownedBy: 'author',
    cache: { ttlSeconds: 300, missTtlSeconds: 30, staleWhileRevalidateSeconds: 300, staleIfErrorSeconds: 3600 },
    httpMaxAgeSeconds: 300,
    label: 'a page of authors (`authors`)',
  },
} as const satisfies Record<string, EntityKindSpec & { source: SourceName }>;

export type EntityKindTable = Readonly<Record<string, EntityKindSpec>>;
export type CacheKind = keyof typeof ENTITY_KINDS;
/** Kinds with their own cache tags: what the content-changed webhook can name. */
export type TaggedKind = { [K in CacheKind]: (typeof ENTITY_KINDS)[K] extends { tag: string } ? K : never }[CacheKind];

export const CACHE_KINDS = Object.keys(ENTITY_KINDS) as CacheKind[];

/** Kinds a purge can name, in table order. */
export function taggedKinds(kinds: EntityKindTable = ENTITY_KINDS): string[] {
  return Object.keys(kinds).filter((kind) => kinds[kind]?.tag !== undefined);
}

export const TAGGED_KINDS = taggedKinds() as TaggedKind[];

/** `postList` -> `POST_LIST`: how a kind appears in setting names such as CACHE_TTL_POST_LIST_SECONDS. */
export function settingName(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The shortest max-age among kinds that can stand behind one field (an interface such as Node). */
export function shortestMaxAge(kinds: readonly string[], table: EntityKindTable = ENTITY_KINDS): number {
  return Math.min(...kinds.map((kind) => table[kind]?.httpMaxAgeSeconds ?? 0));
}
