import type { CacheTtlOverrides } from '../config';

/** What the entity cache holds, one key space each. */
export type CacheKind = 'post' | 'author' | 'topic' | 'related' | 'postList';

export interface CachePolicy {
  /** How long a value is served as fresh. */
  ttlMs: number;
  /** How long a miss (unknown slug, hidden post) is remembered, so repeated misses do not hit the upstream. */
  missTtlMs: number;
  /**
   * How long past `ttlMs` a value is still served at once while one background refresh fetches a new one
   * (stale-while-revalidate): readers never wait for the upstream on a merely old entry.
   */
  staleWhileRevalidateMs: number;
  /** How long past `ttlMs` a value is kept to serve when the upstream fails (stale-if-error). */
  staleIfErrorMs: number;
}

export type CachePolicies = Record<CacheKind, CachePolicy>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Articles change (corrections, updates) more often than people and taxonomies. */
export const DEFAULT_CACHE_POLICIES: CachePolicies = {
  post: { ttlMs: 60 * SECOND, missTtlMs: 10 * SECOND, staleWhileRevalidateMs: 60 * SECOND, staleIfErrorMs: 10 * MINUTE },
  postList: { ttlMs: 30 * SECOND, missTtlMs: 10 * SECOND, staleWhileRevalidateMs: 30 * SECOND, staleIfErrorMs: 10 * MINUTE },
  author: { ttlMs: 5 * MINUTE, missTtlMs: 30 * SECOND, staleWhileRevalidateMs: 5 * MINUTE, staleIfErrorMs: 60 * MINUTE },
  topic: { ttlMs: 5 * MINUTE, missTtlMs: 30 * SECOND, staleWhileRevalidateMs: 5 * MINUTE, staleIfErrorMs: 60 * MINUTE },
  related: { ttlMs: 60 * SECOND, missTtlMs: 10 * SECOND, staleWhileRevalidateMs: 60 * SECOND, staleIfErrorMs: 10 * MINUTE },
};

/** Seconds, from config; unset ones keep the defaults. */
export type CachePolicyOverrides = CacheTtlOverrides;

const TTL_OVERRIDE: Record<CacheKind, keyof CachePolicyOverrides> = {
  post: 'postSeconds',
  postList: 'postListSeconds',
  author: 'authorSeconds',
  topic: 'topicSeconds',
  related: 'relatedSeconds',
};

/** The defaults with the operator's overrides (seconds, from config) applied. */
export function resolveCachePolicies(overrides: CachePolicyOverrides, defaults: CachePolicies = DEFAULT_CACHE_POLICIES): CachePolicies {
  const seconds = (value: number | undefined, fallbackMs: number) => (value === undefined ? fallbackMs : value * SECOND);
  const resolved = {} as CachePolicies;
  for (const kind of Object.keys(defaults) as CacheKind[]) {
    const base = defaults[kind];
    resolved[kind] = {
      ttlMs: seconds(overrides[TTL_OVERRIDE[kind]], base.ttlMs),
      missTtlMs: seconds(overrides.missSeconds, base.missTtlMs),
      staleWhileRevalidateMs: seconds(overrides.staleWhileRevalidateSeconds, base.staleWhileRevalidateMs),
      staleIfErrorMs: seconds(overrides.staleIfErrorSeconds, base.staleIfErrorMs),
    };
  }
  return resolved;
}
