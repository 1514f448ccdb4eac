import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { GatewayContext } from '../context';
import type { GatewayCache } from '../cache/GatewayCache';
import { createFormatError } from '../errors';
import { noopTelemetry, type Telemetry } from '../telemetry';
import { httpCachePlugin } from './httpCache/httpCachePlugin';
import { createOperationCachePolicy } from './httpCache/operationCachePolicy';
import type { CompiledQueriesOptions } from './execution/CompiledQueries';
import { jitGateway } from './execution/jitGateway';
import { costLimitPlugin } from './limits/costLimitPlugin';
import { createQueryLimitRules } from './limits/createQueryLimitRules';
import { ErrorRequestIds } from './plugins/errorRequestIds';
import { operationTelemetryPlugin } from './plugins/operationTelemetryPlugin';
import { undeclaredVariablesPlugin } from './plugins/undeclaredVariablesPlugin';

export interface ApolloDeps {
  config: Config;
  schema: GraphQLSchema;
  telemetry?: Telemetry;
  onUnexpectedError: (error: unknown, requestId?: string) => void;
  /** Persisted queries and the cache-tag vocabulary come from the gateway's caches. */
  cache: GatewayCache;
  onTagsCollapsed: (kinds: string[]) => void;
  /** How operations are executed; see CompiledQueriesOptions. Default: compiled from their second use. */
  execution?: Partial<CompiledQueriesOptions>;
  /** Run after the gateway's own plugins (the subgraph's router cache tags). */
  plugins?: ApolloServerPlugin<GatewayContext>[];
}

export function createApolloServer({
  config,
  schema,
  telemetry = noopTelemetry,
  onUnexpectedError,
  cache,
  onTagsCollapsed,
  execution,
  plugins = [],
}: ApolloDeps): ApolloServer<GatewayContext> {
  const errorRequestIds = new ErrorRequestIds();
  const formatError = createFormatError({
    exposeInternals: config.exposeErrorDetails,
    hideSuggestions: !config.fieldSuggestions,
    requestId: errorRequestIds.requestIdOf,
    onUnexpectedError,
  });
  const { limits } = config;
  return new ApolloServer<GatewayContext>({
    // Apollo's pipeline with graphql-jit executing: see jitGateway.
    gateway: jitGateway(schema, { compileAfter: 1, ...execution }),
    // Set explicitly so Apollo never reads NODE_ENV itself: config is read once, in src/index.ts.
    nodeEnv: config.nodeEnv,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.exposeErrorDetails,
    // "Did you mean …?" hints reveal the schema when introspection is off.
    hideSchemaDetailsFromClientErrors: !config.fieldSuggestions,
    // The parser stops counting at the limit: a huge document costs no more than a small one (400, not 500).
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: createQueryLimitRules(limits),
    validationOptions: { maxErrors: limits.maxErrors },
    allowBatchedHttpRequests: config.http.batchMaxOperations > 0,
    // Automatic Persisted Queries live in the shared cache, so every instance knows every registered hash.
    // Only the manifest's operations run in trusted-documents mode, so nothing may register new ones then.
    persistedQueries: config.persistedOperations.only ? false : { cache: cache.persistedQueries },
    // The route applies CSRF prevention itself (requestRefusal), so a GET query without a content-type
    // (urql's and graphql-request's default) runs, and every refusal is decided in one place.
    csrfPrevention: false,
    // src/index.ts owns SIGTERM: it drains HTTP first, then stops Apollo. Apollo's own handler would stop it
    // alongside and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      // Apollo's cache-control plugin would wrap every resolver of the schema to watch each field resolve;
      // the HTTP cache plugin computes the same policy from the operation and its result instead.
      ApolloServerPluginCacheControlDisabled(),
      httpCachePlugin(config.httpCache, createOperationCachePolicy(schema, { defaultMaxAge: 0 }), cache.tags, onTagsCollapsed),
      config.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }) : ApolloServerPluginLandingPageDisabled(),
      undeclaredVariablesPlugin<GatewayContext>(),
      costLimitPlugin<GatewayContext>(limits.maxCost),
      errorRequestIds.plugin(),
      partialResultsPlugin(formatError, errorRequestIds),
      // After partialResultsPlugin, so degraded fields count as errors.
      operationTelemetryPlugin(telemetry),
      ...plugins,
    ],
  });
}

/**
 * Adds what resolvers recorded while still returning data: errors of degraded fields (an empty rail when
 * recommendations are down) and which entities were served stale because their upstream failed.
 */
function partialResultsPlugin(
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  errorRequestIds: ErrorRequestIds,
): ApolloServerPlugin<GatewayContext> {
  // Holds no per-request state, so every request shares one listener.
  const listener: GraphQLRequestListener<GatewayContext> = {
    async willSendResponse({ response, contextValue }) {
      if (response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      const { degradations, stale } = contextValue.outcome;
      if (degradations.length > 0) {
        errorRequestIds.note(degradations, contextValue.requestId);
        const added = degradations.map((error) => formatError(error.toJSON(), error));
        result.errors = [...(result.errors ?? []), ...added];
      }
      if (stale.size > 0) {
        result.extensions = { ...result.extensions, stale: [...stale] };
      }
    },
  };
  return { requestDidStart: async () => listener };
}
