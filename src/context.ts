import type { GatewayCache } from './cache/GatewayCache';
import { ANONYMOUS, type Principal } from './identity/Authenticator';
import { createLoaders, type Loaders } from './loaders/createLoaders';
import { createPreviewLoaders, type PreviewLoaders } from './loaders/previewLoaders';
import type { RequestOutcome } from './requestOutcome';
import type { RequestScope } from './requestScope';
import type { PreviewPostSource } from './sources/PreviewPostSource';
import type { Sources } from './sources/types';
import { noopTelemetry, type Telemetry } from './telemetry';

/** Everything a resolver may use, built once per operation. */
export interface GatewayContext {
  requestId: string;
  /** The HTTP request this operation serves: its id, its abort signal, and where its log line finds the operation name. */
  scope: RequestScope;
  /** What the request produces besides data (tags, stale entities, degraded fields, cache verdicts); the route reads it. */
  outcome: RequestOutcome;
  /** Who asked: anonymous, a reader or an editor (verified at the HTTP edge). */
  principal: Principal;
  loaders: Loaders;
  /** Editors' previews, never cached; only for an editor, and only when previews are on. */
  previews: PreviewLoaders | undefined;
}

export interface ContextDeps {
  sources: Sources;
  cache: GatewayCache;
  telemetry?: Telemetry;
  /** Where previews read posts; absent when previews are off. */
  previews?: PreviewPostSource;
}

export function createContext(deps: ContextDeps, scope: RequestScope, outcome: RequestOutcome, principal: Principal = ANONYMOUS): GatewayContext {
  const telemetry = deps.telemetry ?? noopTelemetry;
  return {
    requestId: scope.requestId,
    scope,
    outcome,
    principal,
    loaders: createLoaders({
      sources: deps.sources,
      cache: deps.cache,
      tags: outcome.tags,
      onStale: (kind, key) => outcome.stale.add(`${kind}:${key}`),
      onBatch: (loader, size) => telemetry.loaderBatch(loader, size),
      call: scope,
    }),
    previews: principal.kind === 'editor' && deps.previews ? createPreviewLoaders(deps.previews, scope) : undefined,
  };
}
