import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { GatewayCache } from '../cache/GatewayCache';
import type { Config } from '../config';
import { createContext } from '../context';
import { Authenticator } from '../identity/Authenticator';
import { PrometheusTelemetry } from '../metrics/PrometheusTelemetry';
import { createApolloServer } from '../server/createApolloServer';
import { createCors } from '../server/cors';
import { ResponseCacheFront } from '../server/httpCache/ResponseCacheFront';
import { createHttpServer } from '../server/httpServer';
import { createContentChangedRoute } from '../server/routes/contentChangedRoute';
import { createGraphqlRoute } from '../server/routes/graphqlRoute';
import { healthRoute } from '../server/routes/healthRoute';
import { createMetricsRoute } from '../server/routes/metricsRoute';
import { createReadinessRoute, type ReadinessCheck } from '../server/routes/readinessRoute';
import type { Route } from '../server/routes/Route';
import type { TrustedDocuments } from '../server/trusted/TrustedDocuments';
import type { ReaderSource } from '../sources/reader/ReaderSource';
import type { Sources } from '../sources/types';
import { fanOutTelemetry, type Telemetry } from '../telemetry';
import { wireCache } from './wireCache';
import { wireSchema } from './wireSchema';
import { wirePreviewAudience } from './wirePreview';
import { wireReader } from './wireReader';
import { wireSources } from './wireSources';
import { wireTrustedDocuments } from './wireTrustedDocuments';

/**
 * What a caller may swap: leaf adapters only. Everything between them (coalescing, instrumentation,
 * caches, Apollo, routes, the HTTP server) is built here, the same way for production and for tests.
 */
export interface GatewayAdapters {
  /** Sources used in place of what config would wire for their slot (a fake or editable newsroom). */
  sources?: Partial<Sources>;
  /** The reader store in place of the SQLite file or reader service config names (a counting or failing one). */
  reader?: ReaderSource;
  /** Defaults to a pino logger at config.logLevel on stdout. */
  logger?: Logger;
  /** Told every event the metrics see (tests, other exporters). */
  telemetry?: Telemetry;
  /** Extra `/readyz` checks; Redis is one when REDIS_URL is set. */
  readinessChecks?: readonly ReadinessCheck[];
}

export interface Gateway {
  server: Server;
  cache: GatewayCache;
  metrics: PrometheusTelemetry;
  trustedDocuments: TrustedDocuments;
  logger: Logger;
  /** Number of entries in the in-process entity tier, for checking its bound. */
  memoryEntries: () => number;
  /** Resolves when background cache writes and refreshes started so far have finished. */
  settle(): Promise<void>;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo, Redis and the upstream pools. */
  close(): Promise<void>;
  /** Ends every connection at once, in-flight requests included: for when a graceful close takes too long. */
  closeAllConnections(): void;
}

/** The one wiring root: src/index.ts and the tests both build the gateway here, once. */
export async function createGateway(config: Config, adapters: GatewayAdapters = {}): Promise<Gateway> {
  const logger = adapters.logger ?? pino({ level: config.logLevel });
  const trustedDocuments = await wireTrustedDocuments(config, logger);
  // Built before the sources, so upstream clients report to the same registry /metrics serves.
  const metrics = new PrometheusTelemetry({ knownOperations: trustedDocuments.names() });
  const telemetry = adapters.telemetry ? fanOutTelemetry(metrics, adapters.telemetry) : metrics;

  // Memos are made before the sources that keep them; the cache's key spaces need the sources' names.
  const { ledger, memos } = GatewayCache.prepare();
  const wired = wireSources(config, { logger, telemetry, memos, purgeEpoch: () => ledger.epoch, adapters: adapters.sources });
  const { sources, previews } = wired;
  // Started now, so it overlaps building the schema and Apollo; see settleWarmUp below.
  const warmUp = wired.warmUp().then(
    () => true,
    (error: unknown) => {
      logger.warn({ err: error }, 'an upstream could not be reached at start-up; the gateway serves and tries again (see /readyz)');
      return false;
    },
  );
  const { cache, redis } = wireCache(config, { logger, telemetry, sources, ledger, memos, instanceId: randomUUID() });

  const served = await wireSchema(config);
  const apollo = createApolloServer({
    config,
    schema: served.schema,
    plugins: served.plugins,
    telemetry,
    cache,
    onUnexpectedError: (error, requestId) => logger.error({ err: error, requestId }, 'unexpected error while resolving'),
    onTagsCollapsed: (kinds) => logger.warn({ kinds }, 'cache tags over the CDN header limit: sent coarse tags for these kinds'),
    execution: { ...served.execution, onCompileError: (error) => logger.warn({ err: error }, 'graphql-jit could not compile an operation; it runs on graphql-js') },
  });
  await apollo.start();

  // Editors first: their tokens carry a claim reader tokens lack. Each feature adds its audience here.
  const editors = wirePreviewAudience(config, { logger, telemetry });
  const readers = wireReader(config, { logger, telemetry, adapter: adapters.reader });
  const audiences = [editors.audience, readers.audience].filter((audience) => audience !== undefined);

  // Redis and the purge channel are shared by every instance: when they go, all instances go at once, and
  // all still serve (memory and upstreams, in-process entries bounded by PURGE_CHANNEL_DOWN_MAX_AGE_SECONDS).
  // So they degrade readiness rather than fail it: an orchestrator must not empty the whole pool.
  const purgeChannel: ReadinessCheck = {
    name: 'purge-channel',
    degrades: true,
    check: async () => {
      if (cache.purgeChannel !== 'listening') throw new Error(`purge channel ${cache.purgeChannel}: in-process entries live at most ${config.purgeChannel.downMaxAgeSeconds} s`);
    },
  };
  const checks: ReadinessCheck[] = [
    ...(redis ? [{ name: 'redis', degrades: true, check: () => redis.ping() }, purgeChannel] : []),
    ...wired.readinessChecks,
    ...(adapters.readinessChecks ?? []),
  ];
  const bodyLimits = { limitBytes: config.http.bodyLimitBytes, drainLimitBytes: config.http.bodyDrainLimitBytes, receiveTimeoutMs: config.server.receiveTimeoutMs };
  const routes: Record<string, Route> = {
    '/graphql': createGraphqlRoute({
      apollo,
      landingPage: config.landingPage,
      compression: config.http.compression,
      bodyLimits,
      batchMaxOperations: config.http.batchMaxOperations,
      trustedDocuments: { documents: trustedDocuments, only: config.persistedOperations.only },
      createContext: (scope, outcome, principal, clientAddress) => createContext({ sources, cache, telemetry, previews, reader: readers.services }, scope, outcome, principal, clientAddress),
      clientAddressOf: readers.clientAddressOf,
      authenticator: new Authenticator(audiences),
      responseCache: cache.responses ? new ResponseCacheFront(cache.responses, cache.responseMaxTtlSeconds, config.http.compression) : undefined,
    }),
    '/healthz': healthRoute,
    '/readyz': createReadinessRoute(checks, { checkTimeoutMs: config.server.readinessCheckTimeoutMs }),
    ...(config.metrics.enabled ? { '/metrics': createMetricsRoute(metrics) } : {}),
    '/webhooks/content-changed': createContentChangedRoute({
      secret: config.webhook?.secret,
      kinds: cache.tags.kinds,
      purge: (items) => cache.purge(items),
      bodyLimits,
      onPurged: (report) => logger.info({ purged: report.entities, tags: report.tags, sharedCache: report.shared }, 'content changed: purged'),
    }),
  };

  const server = createHttpServer({
    routes,
    cors: createCors({ origins: config.http.corsOrigins, allowedHeaders: config.http.corsAllowedHeaders }),
    logger,
    telemetry,
    requestTimeoutMs: config.http.requestTimeoutMs,
    headersTimeoutMs: config.server.headersTimeoutMs,
    receiveTimeoutMs: config.server.receiveTimeoutMs,
  });

  // A fresh instance's first page should cost what a warmed one's does, so start-up waits for the warm-up,
  // but no longer than a readiness probe would: a WordPress that is down never keeps the gateway from starting.
  await settleWarmUp(warmUp, config.server.readinessCheckTimeoutMs);

  return {
    server,
    cache,
    metrics,
    trustedDocuments,
    logger,
    memoryEntries: () => cache.memoryEntries(),
    settle: () => cache.settle(),
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
      cache.stop();
      // Writes in flight land (each is bounded by the Redis command timeout) before the connection goes.
      await cache.settle();
      await redis?.close();
      // Upstream pools close last: requests still finishing needed them.
      await wired.close();
      await editors.close();
      await readers.close();
    },
    closeAllConnections: () => server.closeAllConnections(),
  };
}

async function settleWarmUp(warmUp: Promise<boolean>, waitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([warmUp, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}
