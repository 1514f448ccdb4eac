import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { GatewayContext } from '../context';
import type { PersistedQueryCache } from '../cache/PersistedQueryCache';
import type { TaggedType } from '../cache/cacheTags';
import { createFormatError } from '../errors';
import { httpCachePlugin } from './httpCache/httpCachePlugin';

export interface ApolloDeps {
  config: Config;
  schema: GraphQLSchema;
  onUnexpectedError: (error: unknown, requestId?: string) => void;
  /** Automatic Persisted Queries live in the shared cache, so every instance knows every registered hash. */
  persistedQueryCache: PersistedQueryCache;
  onTagsCollapsed: (kinds: TaggedType[]) => void;
}

export function createApolloServer({ config, schema, onUnexpectedError, persistedQueryCache, onTagsCollapsed }: ApolloDeps): ApolloServer<GatewayContext> {
  const formatError = createFormatError({ exposeInternals: config.exposeErrorDetails, onUnexpectedError });
  return new ApolloServer<GatewayContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.exposeErrorDetails,
    // "Did you mean …?" hints reveal the schema when introspection is off.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError,
    persistedQueries: { cache: persistedQueryCache },
    plugins: [
      // Computes each operation's cache policy from the schema's @cacheControl hints; our plugin writes the headers.
      ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: false }),
      httpCachePlugin(config.httpCache, onTagsCollapsed),
      config.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }) : ApolloServerPluginLandingPageDisabled(),
      partialResultsPlugin(formatError),
    ],
  });
}

/**
 * Adds what resolvers recorded while still returning data: errors of degraded fields (an empty rail when
 * recommendations are down) and which entities were served stale because their upstream failed.
 */
function partialResultsPlugin(formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (contextValue.degradations.length > 0) {
            const added = contextValue.degradations.map((error) => formatError(error.toJSON(), error));
            result.errors = [...(result.errors ?? []), ...added];
          }
          if (contextValue.staleEntities.size > 0) {
            result.extensions = { ...result.extensions, stale: [...contextValue.staleEntities] };
          }
        },
      };
    },
  };
}
