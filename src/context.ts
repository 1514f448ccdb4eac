import type { GraphQLError } from 'graphql';
import type { EntityCache } from './cache/EntityCache';
import { ResponseTags } from './cache/cacheTags';
import { createLoaders, type Loaders } from './loaders/createLoaders';
import type { RequestScope } from './requestScope';
import type { Sources } from './sources/types';
import { noopTelemetry, type Telemetry } from './telemetry';

/** Everything a resolver may use, built once per operation. */
export interface GatewayContext {
  requestId: string;
  /** The HTTP request this operation serves: its id, its abort signal, and where its log line finds the operation name. */
  scope: RequestScope;
  loaders: Loaders;
  /** Entities answered from stale cache because their upstream failed; reported in `extensions.stale`. */
  staleEntities: Set<string>;
  /**
   * Errors for fields that still returned usable data (an empty rail when the recommendation upstream is
   * down): the client gets both the data and the reason.
   */
  degradations: GraphQLError[];
  /** The request carried Authorization or Cookie: never cached by shared caches. */
  credentialed: boolean;
  /** Cache tags of the records resolved for this operation (Surrogate-Key, purges). */
  cacheTags: ResponseTags;
  /**
   * Filled by the HTTP cache plugin when shared caches may keep this response: for how long, under which
   * tags. A holder object because Apollo hands plugins a shallow copy of the context.
   */
  cacheOutcome: { shared?: { maxAgeSeconds: number; tags: string[] } };
}

export interface ContextDeps {
  sources: Sources;
  cache: EntityCache;
  telemetry?: Telemetry;
}

export interface RequestFacts {
  credentialed: boolean;
}

export function createContext(deps: ContextDeps, scope: RequestScope, request: RequestFacts = { credentialed: false }): GatewayContext {
  const staleEntities = new Set<string>();
  const cacheTags = new ResponseTags();
  const telemetry = deps.telemetry ?? noopTelemetry;
  return {
    requestId: scope.requestId,
    scope,
    staleEntities,
    degradations: [],
    credentialed: request.credentialed,
    cacheTags,
    cacheOutcome: {},
    loaders: createLoaders({
      sources: deps.sources,
      cache: deps.cache,
      tags: cacheTags,
      onStale: (kind, key) => staleEntities.add(`${kind}:${key}`),
      onBatch: (loader, size) => telemetry.loaderBatch(loader, size),
      call: scope,
    }),
  };
}
