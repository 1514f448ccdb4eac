/** What the entity cache holds, one key space each. */
export type CacheKind = 'post' | 'author' | 'topic' | 'related' | 'postList';

export interface CachePolicy {
  /** How long a value is served as fresh. */
  ttlMs: number;
  /** How long a miss (unknown slug, hidden post) is remembered, so repeated misses do not hit the upstream. */
  missTtlMs: number;
  /** How long past `ttlMs` a value is kept to serve when the upstream fails (stale-if-error). */
  staleIfErrorMs: number;
}

export type CachePolicies = Record<CacheKind, CachePolicy>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Articles change (corrections, updates) more often than people and taxonomies. */
export const DEFAULT_CACHE_POLICIES: CachePolicies = {
  post: { ttlMs: 60 * SECOND, missTtlMs: 10 * SECOND, staleIfErrorMs: 10 * MINUTE },
  postList: { ttlMs: 30 * SECOND, missTtlMs: 10 * SECOND, staleIfErrorMs: 10 * MINUTE },
  author: { ttlMs: 5 * MINUTE, missTtlMs: 30 * SECOND, staleIfErrorMs: 60 * MINUTE },
  topic: { ttlMs: 5 * MINUTE, missTtlMs: 30 * SECOND, staleIfErrorMs: 60 * MINUTE },
  related: { ttlMs: 60 * SECOND, missTtlMs: 10 * SECOND, staleIfErrorMs: 10 * MINUTE },
};
