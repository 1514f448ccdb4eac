import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GatewayContext } from '../../context';

/**
 * Hands a router the answer's cache tags in the response extensions Apollo Router's response cache reads
 * for active invalidation (Router 2.10+): `apolloEntityCacheTags`, one list per `_entities` item, and
 * `apolloCacheTags` for a root fetch. They are the tags of `Surrogate-Key` (`post:420`, `author:3`,
 * `post-list`, …), so the webhook's `cdn.tags` purge the router too (`{"kind": "cache_tag", ...}`).
 *
 * The loaders collect tags per request, not per entity, so each entity gets every tag of its answer: a
 * superset, which can only invalidate more, never keep an entity that should go. Only answers that shared
 * caches may keep carry them, as with the headers; it runs after the HTTP cache plugin has decided that.
 */
export function routerCacheTagsPlugin(): ApolloServerPlugin<GatewayContext> {
  const listener: GraphQLRequestListener<GatewayContext> = {
    async willSendResponse({ response, contextValue }) {
      const shared = contextValue.outcome.shared;
      if (!shared || shared.tags.length === 0 || response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      const entities = (result.data as Record<string, unknown> | null | undefined)?._entities;
      const tags = Array.isArray(entities) ? { apolloEntityCacheTags: entities.map(() => shared.tags) } : { apolloCacheTags: shared.tags };
      result.extensions = { ...result.extensions, ...tags };
    },
  };
  return { requestDidStart: async () => listener };
}
