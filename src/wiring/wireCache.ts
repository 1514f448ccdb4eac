import type { Logger } from 'pino';
import { GatewayCache } from '../cache/GatewayCache';
import type { MemoRegistry } from '../cache/MemoRegistry';
import type { PurgeLedger } from '../cache/PurgeLedger';
import { RedisConnection, RedisUnavailableError } from '../cache/RedisConnection';
import type { Config } from '../config';
import { RequestEndedError, UpstreamError } from '../errors';
import type { Sources } from '../sources/types';
import type { Telemetry } from '../telemetry';

export interface WiredCache {
  cache: GatewayCache;
  redis: RedisConnection | undefined;
}

/** The Redis connection (when configured) and every cache over it, with errors and lookups reported. */
export function wireCache(
  config: Config,
  deps: { logger: Logger; telemetry: Telemetry; sources: Sources; ledger: PurgeLedger; memos: MemoRegistry; instanceId: string },
): WiredCache {
  const { logger, telemetry } = deps;
  const onError = (error: unknown) => {
    // An unreachable, slow or tripped Redis is reported once by the connection; each miss it causes is routine.
    const code = (error as { code?: string })?.code;
    if (error instanceof RedisUnavailableError || code === 'EOPENBREAKER' || code === 'ETIMEDOUT') logger.debug({ err: error }, 'shared cache skipped; treated as a miss');
    // A background refresh whose upstream failed keeps the old value. The upstream client logged the failure
    // already, and an open breaker refuses a refresh on every request that sees an old entry: not a warning each.
    else if (error instanceof UpstreamError || error instanceof RequestEndedError) logger.debug({ err: error }, 'background refresh failed; the old value stays');
    else logger.warn({ err: error }, 'cache error; treated as a miss');
  };
  let connected = () => {};
  const redis = config.redis
    ? new RedisConnection({
        url: config.redis.url,
        commandTimeoutMs: config.redis.commandTimeoutMs,
        connectTimeoutMs: config.redis.connectTimeoutMs,
        breaker: config.redisBreaker,
        onDown: (error) => logger.warn({ err: error }, 'redis unavailable: serving from the in-process cache and the upstreams until it is back'),
        onUp: () => {
          logger.info('redis connected: the shared cache is in use');
          connected();
        },
        onBreakerState: (state) => telemetry.breakerState('redis', state),
      })
    : undefined;
  redis?.start();

  const { sources } = deps;
  const cache = new GatewayCache({
    policies: config.cache.kinds,
    sourceNames: { posts: sources.posts.name, authors: sources.authors.name, topics: sources.topics.name, related: sources.related.name },
    memory: { maxEntries: config.cache.maxEntries, maxBytes: config.cache.maxBytes },
    responses: { enabled: config.responseCache.enabled, maxBytes: config.responseCache.maxBytes, maxTtlSeconds: config.responseCache.maxTtlSeconds },
    persistedQueries: { memoryEntries: config.persistedQueries.maxEntries },
    shared: redis && config.redis ? { connection: redis, keyPrefix: config.redis.keyPrefix } : undefined,
    purgeChannel: config.purgeChannel,
    instanceId: deps.instanceId,
    ledger: deps.ledger,
    memos: deps.memos,
    onError,
    onLookup: (tier, label, hits, misses) => telemetry.cacheLookup(tier, label, hits, misses),
    onPurgeError: (error) => logger.warn({ err: error }, 'purge could not reach the shared cache'),
    onRemotePurge: (tags) => logger.info({ tags }, "purged on another instance's request"),
    onPurgeChannel: (state) =>
      state === 'down'
        ? logger.warn({ maxAgeSeconds: config.purgeChannel.downMaxAgeSeconds }, "purge channel lost: other instances' purges may go unheard; in-process entries now live at most PURGE_CHANNEL_DOWN_MAX_AGE_SECONDS")
        : logger.info('purge channel heard again: in-process tiers dropped (purges may have been missed)'),
  });
  connected = () => cache.sharedConnected();
  cache.start();
  if (redis?.isReady) cache.sharedConnected();
  return { cache, redis };
}
