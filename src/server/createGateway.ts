import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import { EntityCache } from '../cache/EntityCache';
import { createMemoryStore } from '../cache/createMemoryStore';
import type { Config } from '../config';
import { createContext, type GatewayContext } from '../context';
import { ErrorCode } from '../errors';
import type { Sources } from '../sources/types';
import { buildGatewaySchema } from './buildGatewaySchema';
import { createApolloServer } from './createApolloServer';
import { createGraphqlRoute } from './routes/graphqlRoute';
import { healthRoute } from './routes/healthRoute';
import type { Route } from './routes/Route';
import { requestIdFrom } from './requestId';
import { sendError } from './sendJson';
import { noopTelemetry, type Telemetry } from '../telemetry';

/** Bumped when record shapes change, so a shared cache never serves entries of an older shape. */
export const CACHE_VERSION = 'v1';

export interface GatewayDeps {
  config: Config;
  sources: Sources;
  logger: Logger;
  telemetry?: Telemetry;
}

export interface Gateway {
  server: Server;
  apollo: ApolloServer<GatewayContext>;
  cache: EntityCache;
  /** Number of entries in the in-process tier, for checking its bound. */
  memoryEntries: () => number;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  close(): Promise<void>;
}

export async function createGateway({ config, sources, logger, telemetry = noopTelemetry }: GatewayDeps): Promise<Gateway> {
  const onCacheError = (error: unknown) => logger.warn({ err: error }, 'cache error; treated as a miss');
  const memory = createMemoryStore(config.cache.maxEntries, onCacheError);
  const cache = new EntityCache(memory.keyv, {
    policies: config.cache.policies,
    version: CACHE_VERSION,
    onError: onCacheError,
    onLookup: (kind, hits, misses) => telemetry.cacheLookup('memory', kind, hits, misses),
  });

  const apollo = createApolloServer({
    config,
    schema: buildGatewaySchema(),
    onUnexpectedError: (error) => logger.error({ err: error }, 'unexpected error while resolving'),
  });
  await apollo.start();

  const routes: Record<string, Route> = {
    '/graphql': createGraphqlRoute({
      apollo,
      bodyLimitBytes: config.http.bodyLimitBytes,
      createContext: (requestId) => createContext({ sources, cache }, requestId),
    }),
    '/healthz': healthRoute,
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

  return {
    server,
    apollo,
    cache,
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
  };
}
