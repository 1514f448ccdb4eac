/**
 * What the gateway reports about itself, as events. Sources, caches and loaders call this interface; the
 * metrics module implements it with Prometheus counters. A leaf module, so every layer may depend on it.
 */
/**
 * `aborted`: every request waiting on the call ended first; not an upstream failure. Never sent:
 * `rejected` (the endpoint class's breaker is open), `overloaded` (its queue was full, or the call's budget
 * ran out while it waited for a slot).
 */
export type UpstreamOutcome = 'ok' | 'error' | 'timeout' | 'bad_response' | 'rejected' | 'overloaded' | 'aborted';
export type CacheTier = 'memory' | 'redis' | 'response';
export type BreakerState = 'closed' | 'open' | 'half_open';
export type SourceOutcome = 'ok' | 'error';

export interface Telemetry {
  /**
   * One HTTP call to an upstream service (`serviceName` as in errors: wordpress, authors, ...), and the
   * upstream's endpoint class when it has several (WordPress: articles, listings, ...).
   */
  upstreamCall(serviceName: string, outcome: UpstreamOutcome, durationMs: number, endpointClass?: string): void;
  /**
   * One call of a source method for an entity kind (posts, authors, topics, related), whatever the source
   * does underneath: one HTTP call, several, or none for the embedded demo newsroom.
   */
  sourceCall(kind: string, sourceName: string, method: string, outcome: SourceOutcome, durationMs: number): void;
  cacheLookup(tier: CacheTier, kind: string, hits: number, misses: number): void;
  loaderBatch(loader: string, size: number): void;
  /** Breakers are per endpoint class: `endpointClass` as for upstreamCall. */
  breakerState(serviceName: string, state: BreakerState, endpointClass?: string): void;
  operation(operationName: string, durationMs: number, hadErrors: boolean): void;
  /** One HTTP request to the gateway, refused ones included (`route` is the matched path, or `unmatched`). */
  httpRequest(route: string, method: string, status: number, durationMs: number): void;
}

export const noopTelemetry: Telemetry = {
  upstreamCall() {},
  sourceCall() {},
  cacheLookup() {},
  loaderBatch() {},
  breakerState() {},
  operation() {},
  httpRequest() {},
};

/** Reports every event to each of several telemetries (the metrics registry and, say, a test's recorder). */
export function fanOutTelemetry(...targets: Telemetry[]): Telemetry {
  return {
    upstreamCall: (...args) => targets.forEach((target) => target.upstreamCall(...args)),
    sourceCall: (...args) => targets.forEach((target) => target.sourceCall(...args)),
    cacheLookup: (...args) => targets.forEach((target) => target.cacheLookup(...args)),
    loaderBatch: (...args) => targets.forEach((target) => target.loaderBatch(...args)),
    breakerState: (...args) => targets.forEach((target) => target.breakerState(...args)),
    operation: (...args) => targets.forEach((target) => target.operation(...args)),
    httpRequest: (...args) => targets.forEach((target) => target.httpRequest(...args)),
  };
}
