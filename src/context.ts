import type { GraphQLError } from 'graphql';
import type { EntityCache } from './cache/EntityCache';
import { createLoaders, type Loaders } from './loaders/createLoaders';
import type { Sources } from './sources/types';
import { noopTelemetry, type Telemetry } from './telemetry';

/** Everything a resolver may use, built once per operation. */
export interface GatewayContext {
  requestId: string;
  loaders: Loaders;
  /** Entities answered from stale cache because their upstream failed; reported in `extensions.stale`. */
  staleEntities: Set<string>;
  /**
   * Errors for fields that still returned usable data (an empty rail when the recommendation upstream is
   * down): the client gets both the data and the reason.
   */
  degradations: GraphQLError[];
}

export interface ContextDeps {
  sources: Sources;
  cache: EntityCache;
  telemetry?: Telemetry;
}

export function createContext(deps: ContextDeps, requestId: string): GatewayContext {
  const staleEntities = new Set<string>();
  const telemetry = deps.telemetry ?? noopTelemetry;
  return {
    requestId,
    staleEntities,
    degradations: [],
    loaders: createLoaders({
      sources: deps.sources,
      cache: deps.cache,
      onStale: (kind, key) => staleEntities.add(`${kind}:${key}`),
      onBatch: (loader, size) => telemetry.loaderBatch(loader, size),
    }),
  };
}
