import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import { EntityCache } from '../cache/EntityCache';
import { DEFAULT_CACHE_POLICIES } from '../cache/cachePolicies';
import { createMemoryStore } from '../cache/createMemoryStore';
import type { Config } from '../config';
import { createContext, type GatewayContext } from '../context';
import { ErrorCode } from '../errors';
import { PrometheusTelemetry } from '../metrics/PrometheusTelemetry';
import { runInRequestScope, type RequestScope } from '../requestScope';
import { instrumentSources } from '../sources/instrumentSources';
import type { Sources } from '../sources/types';
import { fanOutTelemetry, type Telemetry } from '../telemetry';
import { answerClientError } from './answerClientError';
import { buildGatewaySchema } from './buildGatewaySchema';
import { createApolloServer } from './createApolloServer';
import { createCors } from './cors';
import { createGraphqlRoute } from './routes/graphqlRoute';
import { healthRoute } from './routes/healthRoute';
import { createMetricsRoute } from './routes/metricsRoute';
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
}

export interface Gateway {
  server: Server;
  apollo: ApolloServer<GatewayContext>;
  cache: EntityCache;
  metrics: PrometheusTelemetry;
  /** Number of entries in the in-process tier, for checking its bound. */
  memoryEntries: () => number;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  close(): Promise<void>;
  /** Ends every connection at once, in-flight requests included: for when a graceful close takes too long. */
  closeAllConnections(): void;
}

export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const { config, logger } = deps;
  const trustedDocuments =
    deps.trustedDocuments ??
    TrustedDocuments.load(config.persistedOperations, (error) =>
      logger.warn({ err: error, path: config.persistedOperations.manifestPath }, 'no trusted-documents manifest; operations are accepted as text only'),
    );
  const metrics = deps.metrics ?? new PrometheusTelemetry({ knownOperations: trustedDocuments.names() });
  const telemetry = deps.telemetry ? fanOutTelemetry(metrics, deps.telemetry) : metrics;
  const sources = instrumentSources(deps.sources, telemetry);

  const onCacheError = (error: unknown) => logger.warn({ err: error }, 'cache error; treated as a miss');
  const memory = createMemoryStore(config.cache.maxEntries, onCacheError);
  const cache = new EntityCache(memory.keyv, {
    policies: DEFAULT_CACHE_POLICIES,
    version: CACHE_VERSION,
    onError: onCacheError,
    onLookup: (kind, hits, misses) => telemetry.cacheLookup('memory', kind, hits, misses),
  });

  const apollo = createApolloServer({
    config,
    schema: buildGatewaySchema(),
    telemetry,
    onUnexpectedError: (error, requestId) => logger.error({ err: error, requestId }, 'unexpected error while resolving'),
  });
  await apollo.start();

  const routes: Record<string, Route> = {
    '/graphql': createGraphqlRoute({
      apollo,
      bodyLimitBytes: config.http.bodyLimitBytes,
      batchMaxOperations: config.http.batchMaxOperations,
      trustedDocuments: { documents: trustedDocuments, only: config.persistedOperations.only },
      createContext: (requestId) => createContext({ sources, cache, telemetry }, requestId),
    }),
    '/healthz': healthRoute,
    ...(config.metrics.enabled ? { '/metrics': createMetricsRoute(metrics) } : {}),
  };
  const cors = createCors(config.http.corsOrigins);

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    try {
      if ((await cors(req, res)) === 'answered') return;
      const handler = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
      if (!handler) return sendError(res, 404, 'NOT_FOUND', `No route for ${url.pathname}; the GraphQL endpoint is /graphql.`);
      return await handler(req, res, url, requestId);
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
    const controller = new AbortController();
    const scope: RequestScope = { requestId, signal: controller.signal };
    logger.debug({ requestId, method: req.method, path: url.pathname }, 'request started');

    // Past the deadline the client gets a JSON 504 at once; work still running is told to stop through the
    // scope's signal (upstream calls abort) and its answer, when it comes, is dropped.
    const timer = setTimeout(() => {
      controller.abort(new Error(`request timed out after ${config.http.requestTimeoutMs} ms`));
      if (res.headersSent) return;
      sendError(res, 504, ErrorCode.GATEWAY_TIMEOUT, `The request did not complete within ${config.http.requestTimeoutMs} ms.`, {
        'x-request-id': requestId,
        connection: 'close',
      });
    }, config.http.requestTimeoutMs);

    res.once('close', () => {
      clearTimeout(timer);
      const completed = res.writableFinished;
      if (!completed) controller.abort(new Error('client closed the connection'));
      const durationMs = performance.now() - startedAt;
      telemetry.httpRequest(routeName, req.method ?? 'GET', res.statusCode, durationMs);
      const line = { requestId, method: req.method, path: url.pathname, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10, operationName: scope.operationName, completed };
      if (routeName === '/graphql' || routeName === 'unmatched') logger.info(line, 'request');
      else logger.debug(line, 'request');
    });

    void runInRequestScope(scope, () => route(req, res, url, requestId));
  };

  const server = createServer(handle);
  // A client that sends headers slowly must not hold a socket forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', answerClientError);

  return {
    server,
    apollo,
    cache,
    metrics,
    memoryEntries: () => memory.lru.size,
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
