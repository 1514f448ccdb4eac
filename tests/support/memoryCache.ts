import { GatewayCache } from '../../src/cache/GatewayCache';
import { ENTITY_KINDS, type EntityKindTable, type KindCachePolicy } from '../../src/config/entityKinds';

export interface MemoryCacheOptions {
  /** Source names, for the key spaces; the demo newsroom's by default. */
  sourceNames?: Record<string, string>;
  kinds?: EntityKindTable;
  /** Per-kind freshness (config.cache.kinds); the table's defaults otherwise. */
  policies?: Readonly<Record<string, KindCachePolicy>>;
  now?: () => number;
  maxEntries?: number;
  /** Byte bound of the in-process entity tier. */
  maxBytes?: number;
  responses?: boolean;
  onError?: (error: unknown) => void;
}

/** The gateway's cache facade with in-process tiers only and the table's default policies, for tests below HTTP. */
export function memoryGatewayCache(options: MemoryCacheOptions = {}): GatewayCache {
  const kinds = options.kinds ?? ENTITY_KINDS;
  const { ledger, memos } = GatewayCache.prepare({ kinds, now: options.now });
  return new GatewayCache({
    kinds,
    policies: options.policies ?? Object.fromEntries(Object.entries(kinds).map(([kind, spec]) => [kind, spec.cache])),
    sourceNames: { posts: 'demo', authors: 'demo', topics: 'demo', related: 'demo', ...options.sourceNames },
    memory: { maxEntries: options.maxEntries ?? 10_000, maxBytes: options.maxBytes ?? 64 * 1024 * 1024 },
    responses: { enabled: options.responses ?? true, maxBytes: 16 * 1024 * 1024, maxTtlSeconds: 300 },
    persistedQueries: { memoryEntries: 100 },
    instanceId: 'test',
    ledger,
    memos,
    version: 'test',
    onError: options.onError ?? (() => {}),
  });
}
