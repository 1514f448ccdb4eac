import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import { ContentPurger } from '../cache/ContentPurger';
import { EntityCache } from '../cache/EntityCache';
import { resolveCachePolicies } from '../cache/cachePolicies';
import { MemoryTier } from '../cache/MemoryTier';
import { PersistedQueryCache } from '../cache/PersistedQueryCache';
import { RedisConnection, RedisUnavailableError } from '../cache/RedisConnection';
import { RedisTagIndex } from '../cache/RedisTagIndex';
import { RedisTier } from '../cache/RedisTier';
import { ResponseCache, responseSize } from '../cache/ResponseCache';
import { TieredStore, type TieredStoreHooks } from '../cache/TieredStore';
import type { Config } from '../config';
import { createContext, type GatewayContext } from '../context';
import { ErrorCode } from '../errors';
import { entityScopes } from '../loaders/createLoaders';
import type { Sources } from '../sources/types';
import { buildGatewaySchema } from './buildGatewaySchema';
import { createApolloServer } from './createApolloServer';
import { createContentChangedRoute } from './routes/contentChangedRoute';
import { createGraphqlRoute } from './routes/graphqlRoute';
import { healthRoute } from './routes/healthRoute';
import { createReadinessRoute, type ReadinessCheck } from './routes/readinessRoute';
import type { Route } from './routes/Route';
import { requestIdFrom } from './requestId';
import { sendError } from './sendJson';
import { noopTelemetry, type Telemetry } from '../telemetry';

/** Bumped when record shapes change, so a shared cache never serves entries of an older shape. */
export const CACHE_VERSION = 'v1';

/** Registered query documents are small; this many cover any real site's operations. */
const PERSISTED_QUERY_MEMORY_ENTRIES = 5_000;

export interface GatewayDeps {
  config: Config;
  sources: Sources;
  logger: Logger;
  telemetry?: Telemetry;
  /** Extra `/readyz` checks (upstreams, …); Redis is added when REDIS_URL is set. */
  readinessChecks?: readonly ReadinessCheck[];
}

export interface Gateway {
  server: Server;
  apollo: ApolloServer<GatewayContext>;
  cache: EntityCache;
  responseCache: ResponseCache | undefined;
  /** Number of entries in the in-process entity tier, for checking its bound. */
  memoryEntries: () => number;
  /** Resolves when background cache writes and refreshes started so far have finished. */
  settle(): Promise<void>;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo and Redis. */
  close(): Promise<void>;
}

export async function createGateway({ config, sources, logger, telemetry = noopTelemetry, readinessChecks = [] }: GatewayDeps): Promise<Gateway> {
  const instanceId = randomUUID();
  const onCacheError = (error: unknown) => {
    // An unreachable, slow or tripped Redis is reported once by the connection; each miss it causes is routine.
    const routine = error instanceof RedisUnavailableError || (error as { code?: string })?.code === 'EOPENBREAKER' || (error as { code?: string })?.code === 'ETIMEDOUT';
    if (routine) logger.debug({ err: error }, 'shared cache skipped; treated as a miss');
    else logger.warn({ err: error }, 'cache error; treated as a miss');
  };
  const hooks: TieredStoreHooks = {
    onError: onCacheError,
    onLookup: (tier, label, hits, misses) => telemetry.cacheLookup(tier, label, hits, misses),
  };

  const redis = config.redis
    ? new RedisConnection({
        url: config.redis.url,
        commandTimeoutMs: config.redis.commandTimeoutMs,
        connectTimeoutMs: config.redis.connectTimeoutMs,
        onDown: (error) => logger.warn({ err: error }, 'redis unavailable: serving from the in-process cache and the upstreams until it is back'),
        onUp: () => logger.info('redis connected: the shared cache is in use'),
        onBreakerState: (state) => telemetry.breakerState('redis', state),
      })
    : undefined;
  redis?.start();
  const prefix = config.redis?.keyPrefix ?? '';
  const sharedTier = (name: string, longestEntryMs: number) =>
    redis ? { tier: new RedisTier(redis, `${prefix}:${name}`), tags: new RedisTagIndex(redis, `${prefix}:${name}:tag:`, longestEntryMs) } : undefined;

  const policies = resolveCachePolicies(config.cache.ttl);
  const listingLifetimeMs = policies.postList.ttlMs + Math.max(policies.postList.staleWhileRevalidateMs, policies.postList.staleIfErrorMs);
  const cache = new EntityCache(new TieredStore(new MemoryTier({ maxEntries: config.cache.maxEntries }), sharedTier('entity', listingLifetimeMs), hooks), {
    policies,
    version: CACHE_VERSION,
    onError: onCacheError,
  });
  const responseCache = config.responseCache.enabled
    ? new ResponseCache(
        new TieredStore(
          new MemoryTier({ maxBytes: config.responseCache.maxBytes, sizeOf: responseSize }),
          sharedTier('response', config.responseCache.maxTtlSeconds * 1000),
          hooks,
        ),
        CACHE_VERSION,
      )
    : undefined;
  const persistedQueryStore = new TieredStore(new MemoryTier({ maxEntries: PERSISTED_QUERY_MEMORY_ENTRIES }), sharedTier('apq', 0), hooks);

  const purger = new ContentPurger({
    entities: cache,
    responses: responseCache,
    scopes: entityScopes(sources),
    bus: redis ? { connection: redis, channel: `${prefix}:purge` } : undefined,
    instanceId,
    onError: (error) => logger.warn({ err: error }, 'purge could not reach the shared cache'),
    onRemotePurge: (tags) => logger.info({ tags }, 'purged on another instance\'s request'),
  });
  purger.start();

  const apollo = createApolloServer({
    config,
    schema: buildGatewaySchema(),
    onUnexpectedError: (error) => logger.error({ err: error }, 'unexpected error while resolving'),
    persistedQueryCache: new PersistedQueryCache(persistedQueryStore, CACHE_VERSION),
    onTagsCollapsed: (kinds) => logger.warn({ kinds }, 'cache tags over the CDN header limit: sent coarse tags for these kinds'),
  });
  await apollo.start();

  const checks: ReadinessCheck[] = [...(redis ? [{ name: 'redis', check: () => redis.ping() }] : []), ...readinessChecks];
  const routes: Record<string, Route> = {
    '/graphql': createGraphqlRoute({
      apollo,
      bodyLimitBytes: config.http.bodyLimitBytes,
      createContext: (requestId, request) => createContext({ sources, cache }, requestId, request),
      responseCache: responseCache ? { cache: responseCache, maxTtlSeconds: config.responseCache.maxTtlSeconds } : undefined,
    }),
    '/healthz': healthRoute,
    '/readyz': createReadinessRoute(checks),
    '/webhooks/content-changed': createContentChangedRoute({
      secret: config.webhook?.secret,
      purger,
      bodyLimitBytes: config.http.bodyLimitBytes,
      onPurged: (report) => logger.info({ purged: report.entities, tags: report.tags, sharedCache: report.shared }, 'content changed: purged'),
    }),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    try {
      const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
      if (!route) return sendError(res, 404, 'NOT_FOUND', `No route for ${url.pathname}; the GraphQL endpoint is /graphql.`);
      return await route(req, res, url, requestId);
    } catch (error) {
      logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', { 'x-request-id': requestId });
      else res.destroy();
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  // A client that sends headers slowly must not hold a socket forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  const settle = async () => {
    await Promise.all([cache.settle(), responseCache?.store.settle(), persistedQueryStore.settle()]);
  };

  return {
    server,
    apollo,
    cache,
    responseCache,
    memoryEntries: () => cache.store.memory.size,
    settle,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      // Writes in flight land (each is bounded by the Redis command timeout) before the connection goes.
      await settle();
      await redis?.close();
    },
  };
}
