import type { GatewayCache } from './cache/GatewayCache';
import { ANONYMOUS, type Principal } from './identity/Authenticator';
import { createLoaders, type Loaders } from './loaders/createLoaders';
import { createPreviewLoaders, type PreviewLoaders } from './loaders/previewLoaders';
import { ViewerLoaders } from './loaders/ViewerLoaders';
import type { NewsletterLimiter } from './rateLimits/NewsletterLimiter';
import type { RequestOutcome } from './requestOutcome';
import type { RequestScope } from './requestScope';
import type { PreviewPostSource } from './sources/PreviewPostSource';
import type { ReaderSource } from './sources/reader/ReaderSource';
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
  /** The signed-in reader's own state, never cached; only for a reader's request. */
  viewer: ViewerLoaders | undefined;
  /** Bookmarks and newsletter sign-ups, for the mutations and the public newsletter box. */
  reader: ReaderServices | undefined;
  /** The client's address (READER_CLIENT_ADDRESS_HEADER or the socket's peer), for the newsletter limit. */
  clientAddress: string;
}

export interface ReaderServices {
  source: ReaderSource;
  limiter: NewsletterLimiter;
}

export interface ContextDeps {
  sources: Sources;
  cache: GatewayCache;
  telemetry?: Telemetry;
  /** Where previews read posts; absent when previews are off. */
  previews?: PreviewPostSource;
  reader?: ReaderServices;
}

export function createContext(deps: ContextDeps, scope: RequestScope, outcome: RequestOutcome, principal: Principal = ANONYMOUS, clientAddress = ''): GatewayContext {
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
    viewer: principal.kind === 'reader' && deps.reader ? new ViewerLoaders(principal.readerId, deps.reader.source, scope) : undefined,
    reader: deps.reader,
    clientAddress,
  };
}
