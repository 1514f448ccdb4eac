import type { GatewayCache } from './cache/GatewayCache';
import { createLoaders, type Loaders } from './loaders/createLoaders';
import type { RequestOutcome } from './requestOutcome';
import type { RequestScope } from './requestScope';
import type { Sources } from './sources/types';
import { noopTelemetry, type Telemetry } from './telemetry';

/** Everything a resolver may use, built once per operation. */
export interface GatewayContext {
  requestId: string;
  /** The HTTP request this operation serves: its id, its abort signal, and where its log line finds the operation name. */
  scope: RequestScope;
  /** What the request produces besides data (tags, stale entities, degraded fields, cache verdicts); the route reads it. */
  outcome: RequestOutcome;
  loaders: Loaders;
}

export interface ContextDeps {
  sources: Sources;
  cache: GatewayCache;
  telemetry?: Telemetry;
}

export function createContext(deps: ContextDeps, scope: RequestScope, outcome: RequestOutcome): GatewayContext {
  const telemetry = deps.telemetry ?? noopTelemetry;
  return {
    requestId: scope.requestId,
    scope,
    outcome,
    loaders: createLoaders({
      sources: deps.sources,
      cache: deps.cache,
      tags: outcome.tags,
      onStale: (kind, key) => outcome.stale.add(`${kind}:${key}`),
      onBatch: (loader, size) => telemetry.loaderBatch(loader, size),
      call: scope,
    }),
  };
}
