import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import { toCachePolicies } from '../cache/cachePolicies';
import { ContentPurger } from '../cache/ContentPurger';
import { EntityCache } from '../cache/EntityCache';
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
import { PrometheusTelemetry } from '../metrics/PrometheusTelemetry';
import type { RequestScope } from '../requestScope';
import { instrumentSources } from '../sources/instrumentSources';
import type { Sources } from '../sources/types';
import { fanOutTelemetry, type Telemetry } from '../telemetry';
import { answerClientError } from './answerClientError';
import { buildGatewaySchema } from './buildGatewaySchema';
import { createApolloServer } from './createApolloServer';
import { createCors } from './cors';
import { createContentChangedRoute } from './routes/contentChangedRoute';
import { createGraphqlRoute } from './routes/graphqlRoute';
import { healthRoute } from './routes/healthRoute';
import { createMetricsRoute } from './routes/metricsRoute';
import { createReadinessRoute, type ReadinessCheck } from './routes/readinessRoute';
import type { Route } from './routes/Route';
import { requestIdFrom } from './requestId';
import { sendError } from './sendJson';
import { TrustedDocuments } from './trusted/TrustedDocuments';

/** Bumped when record shapes change, so a shared cache never serves entries of an older shape. */
export const CACHE_VERSION = 'v1';

export interface GatewayDeps {
  config: Config;
  sources: Sources;
  logger: Logger;
  /**
   * The Prometheus registry behind /metrics. Pass one when sources report to it too (src/index.ts builds it
   * before the sources); otherwise each gateway makes its own.
   */
  metrics?: PrometheusTelemetry;
  /** Also told every event the metrics see (tests, other exporters). */
  telemetry?: Telemetry;
  /** Trusted documents; read from config.persistedOperations.manifestPath when absent. */
  trustedDocuments?: TrustedDocuments;
  /** Extra `/readyz` checks (upstreams, …); Redis is added when REDIS_URL is set. */
  readinessChecks?: readonly ReadinessCheck[];
}

export interface Gateway {
  server: Server;
  apollo: ApolloServer<GatewayContext>;
  cache: EntityCache;
  metrics: PrometheusTelemetry;
  responseCache: ResponseCache | undefined;
  /** Number of entries in the in-process entity tier, for checking its bound. */
  memoryEntries: () => number;
  /** Resolves when background cache writes and refreshes started so far have finished. */
  settle(): Promise<void>;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo and Redis. */
  close(): Promise<void>;
  /** Ends every connection at once, in-flight requests included: for when a graceful close takes too long. */
  closeAllConnections(): void;
}

export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const { config, logger, readinessChecks = [] } = deps;
  const trustedDocuments =
    deps.trustedDocuments ??
    TrustedDocuments.load(config.persistedOperations, (error) =>
      logger.warn({ err: error, path: config.persistedOperations.manifestPath }, 'no trusted-documents manifest; operations are accepted as text only'),
    );
  const metrics = deps.metrics ?? new PrometheusTelemetry({ knownOperations: trustedDocuments.names() });
  const telemetry = deps.telemetry ? fanOutTelemetry(metrics, deps.telemetry) : metrics;
  const sources = instrumentSources(deps.sources, telemetry);

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
        breaker: config.redisBreaker,
        onDown: (error) => logger.warn({ err: error }, 'redis unavailable: serving from the in-process cache and the upstreams until it is back'),
        onUp: () => logger.info('redis connected: the shared cache is in use'),
        onBreakerState: (state) => telemetry.breakerState('redis', state),
      })
    : undefined;
  redis?.start();
  const prefix = config.redis?.keyPrefix ?? '';
  const sharedTier = (name: string, longestEntryMs: number) =>
    redis ? { tier: new RedisTier(redis, `${prefix}:${name}`), tags: new RedisTagIndex(redis, `${prefix}:${name}:tag:`, longestEntryMs) } : undefined;

  const policies = toCachePolicies(config.cache.kinds);
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
  const persistedQueryStore = new TieredStore(new MemoryTier({ maxEntries: config.persistedQueries.maxEntries }), sharedTier('apq', 0), hooks);

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
    telemetry,
    onUnexpectedError: (error, requestId) => logger.error({ err: error, requestId }, 'unexpected error while resolving'),
    persistedQueryCache: new PersistedQueryCache(persistedQueryStore, CACHE_VERSION),
    onTagsCollapsed: (kinds) => logger.warn({ kinds }, 'cache tags over the CDN header limit: sent coarse tags for these kinds'),
    execution: { onCompileError: (error) => logger.warn({ err: error }, 'graphql-jit could not compile an operation; it runs on graphql-js') },
  });
  await apollo.start();

  const checks: ReadinessCheck[] = [...(redis ? [{ name: 'redis', check: () => redis.ping() }] : []), ...readinessChecks];
  const routes: Record<string, Route> = {
    '/graphql': createGraphqlRoute({
      apollo,
      bodyLimitBytes: config.http.bodyLimitBytes,
      batchMaxOperations: config.http.batchMaxOperations,
      trustedDocuments: { documents: trustedDocuments, only: config.persistedOperations.only },
      createContext: (scope, request) => createContext({ sources, cache, telemetry }, scope, request),
      responseCache: responseCache ? { cache: responseCache, maxTtlSeconds: config.responseCache.maxTtlSeconds } : undefined,
    }),
    '/healthz': healthRoute,
    '/readyz': createReadinessRoute(checks, { checkTimeoutMs: config.server.readinessCheckTimeoutMs }),
    ...(config.metrics.enabled ? { '/metrics': createMetricsRoute(metrics) } : {}),
    '/webhooks/content-changed': createContentChangedRoute({
      secret: config.webhook?.secret,
      purger,
      bodyLimitBytes: config.http.bodyLimitBytes,
      onPurged: (report) => logger.info({ purged: report.entities, tags: report.tags, sharedCache: report.shared }, 'content changed: purged'),
    }),
  };
  const cors = createCors(config.http.corsOrigins);

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope): Promise<void> => {
    const { requestId } = scope;
    try {
      if ((await cors(req, res)) === 'answered') return;
      const handler = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
      if (!handler) return sendError(res, 404, 'NOT_FOUND', `No route for ${url.pathname}; the GraphQL endpoint is /graphql.`);
      return await handler(req, res, url, scope);
    } catch (error) {
      logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendInternalError(res, requestId);
      else res.destroy();
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const routeName = Object.hasOwn(routes, url.pathname) ? url.pathname : 'unmatched';
    // Made only when something below asks for the signal (an upstream call): a request answered from
    // the caches never needs one.
    let controller: AbortController | undefined;
    let abortedWith: Error | undefined;
    const abort = (reason: Error) => {
      abortedWith ??= reason;
      controller?.abort(reason);
    };
    const scope: RequestScope = {
      requestId,
      get signal() {
        if (!controller) {
          controller = new AbortController();
          // Asked for after the deadline or the client's departure: born aborted.
          if (abortedWith) controller.abort(abortedWith);
        }
        return controller.signal;
      },
    };
    logger.debug({ requestId, method: req.method, path: url.pathname }, 'request started');

    // Past the deadline the client gets a JSON 504 at once; work still running is told to stop through the
    // scope's signal (upstream calls abort) and its answer, when it comes, is dropped.
    const timer = setTimeout(() => {
      abort(new Error(`request timed out after ${config.http.requestTimeoutMs} ms`));
      if (res.headersSent) return;
      sendError(res, 504, ErrorCode.GATEWAY_TIMEOUT, `The request did not complete within ${config.http.requestTimeoutMs} ms.`, {
        'x-request-id': requestId,
        connection: 'close',
      });
    }, config.http.requestTimeoutMs);

    res.once('close', () => {
      clearTimeout(timer);
      const completed = res.writableFinished;
      if (!completed) abort(new Error('client closed the connection'));
      const durationMs = performance.now() - startedAt;
      telemetry.httpRequest(routeName, req.method ?? 'GET', res.statusCode, durationMs);
      const line = { requestId, method: req.method, path: url.pathname, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10, operationName: scope.operationName, completed };
      if (routeName === '/graphql' || routeName === 'unmatched') logger.info(line, 'request');
      else logger.debug(line, 'request');
    });

    void route(req, res, url, scope);
  };

  const server = createServer(handle);
  // A client that sends headers slowly must not hold a socket forever.
  server.headersTimeout = config.server.headersTimeoutMs;
  server.requestTimeout = config.server.receiveTimeoutMs;
  server.on('clientError', answerClientError);

  const settle = async () => {
    await Promise.all([cache.settle(), responseCache?.store.settle(), persistedQueryStore.settle()]);
  };

  return {
    server,
    apollo,
    cache,
    metrics,
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
    closeAllConnections: () => server.closeAllConnections(),
  };
}

/** Like sendError, with the request id in the body too, so a user reporting the failure can quote it. */
function sendInternalError(res: ServerResponse, requestId: string): void {
  const body = { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } }] };
  const payload = JSON.stringify(body);
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), 'cache-control': 'no-store', 'x-request-id': requestId });
  res.end(payload);
}
