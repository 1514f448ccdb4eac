import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { TagVocabulary } from '../../cache/cacheTags';
import type { GatewayContext } from '../../context';
import { cacheControlFor, type HttpCacheSettings } from './cacheControlHeader';
import type { CacheableHint } from './operationCachePolicy';

/** The operation's cache policy from the schema's `@cacheControl` hints (see operationCachePolicy). */
export type OperationCachePolicy = (document: DocumentNode, operation: OperationDefinitionNode, data: unknown) => CacheableHint;

/**
 * Turns the operation's cache policy into the response's Cache-Control, and names the entities inside in
 * Surrogate-Key and Cache-Tag when shared caches may keep it; the verdict goes on the request outcome,
 * where the route reads it. Errors, credentials and mutations make it uncacheable; an operation that
 * resolved something for this caller alone (outcome.privateAnswer) makes it `private, no-store`.
 */
export function httpCachePlugin(
  settings: HttpCacheSettings,
  cachePolicyOf: OperationCachePolicy,
  tags: TagVocabulary,
  onTagsCollapsed: (kinds: string[]) => void,
): ApolloServerPlugin<GatewayContext> {
  // Holds no per-request state, so every request shares one listener.
  const listener: GraphQLRequestListener<GatewayContext> = {
    async willSendResponse({ response, contextValue, document, operation }) {
      const { outcome } = contextValue;
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      const hasErrors = !result || (result.errors?.length ?? 0) > 0 || outcome.degraded;
      // Only an error-free query can be cached, so only then is its policy worth computing.
      const policy = !hasErrors && document && operation?.operation === 'query' ? cachePolicyOf(document, operation, result?.data) : null;
      const cap = outcome.tags.maxAgeCapSeconds;
      const maxAgeSeconds = Math.min(policy?.maxAge ?? 0, cap ?? Number.POSITIVE_INFINITY);
      const decision = cacheControlFor(
        {
          maxAgeSeconds,
          scope: policy?.scope ?? 'PUBLIC',
          hasErrors,
          credentialed: outcome.credentialed,
          isQuery: operation?.operation === 'query',
          privateAnswer: outcome.privateAnswer,
        },
        settings,
      );
      response.http.headers.set('cache-control', decision.header);
      const updatedAtMs = outcome.tags.newestUpdatedAtMs;
      if (!hasErrors && updatedAtMs !== undefined) response.http.headers.set('last-modified', new Date(updatedAtMs).toUTCString());
      if (!decision.shared) return;
      const tagHeaders = tags.headers(outcome.tags.tags);
      if (tagHeaders.collapsed.length > 0) onTagsCollapsed(tagHeaders.collapsed);
      if (tagHeaders.tags.length > 0) {
        response.http.headers.set('surrogate-key', tagHeaders.surrogateKey);
        response.http.headers.set('cache-tag', tagHeaders.cacheTag);
      }
      outcome.shared = { maxAgeSeconds: decision.maxAgeSeconds, tags: tagHeaders.tags };
    },
  };
  return { requestDidStart: async () => listener };
}
