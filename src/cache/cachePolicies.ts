import { type CacheKind, ENTITY_KINDS, type KindCachePolicy } from '../config/entityKinds';

export type { CacheKind };

/** A kind's freshness in milliseconds, as Keyv takes TTLs; config holds the same settings in seconds. */
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

/** `config.cache.kinds` (seconds) as the entity cache uses it (milliseconds). */
export function toCachePolicies(kinds: Readonly<Record<CacheKind, KindCachePolicy>>): CachePolicies {
  const policies = {} as CachePolicies;
  for (const kind of Object.keys(kinds) as CacheKind[]) {
    const seconds = kinds[kind];
    policies[kind] = {
      ttlMs: seconds.ttlSeconds * SECOND,
      missTtlMs: seconds.missTtlSeconds * SECOND,
      staleWhileRevalidateMs: seconds.staleWhileRevalidateSeconds * SECOND,
      staleIfErrorMs: seconds.staleIfErrorSeconds * SECOND,
    };
  }
  return policies;
}

/** The entity-kind table's defaults, for caches built without a config (tests, tools). */
export const DEFAULT_CACHE_POLICIES: CachePolicies = toCachePolicies(
  Object.fromEntries(Object.entries(ENTITY_KINDS).map(([kind, spec]) => [kind, spec.cache])) as Record<CacheKind, KindCachePolicy>,
);
