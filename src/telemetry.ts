/**
 * What the gateway reports about itself, as events. Sources, caches and loaders call this interface; the
 * metrics module implements it with Prometheus counters. A leaf module, so every layer may depend on it.
 */
export type UpstreamOutcome = 'ok' | 'error' | 'timeout' | 'bad_response' | 'rejected';
export type CacheTier = 'memory' | 'redis' | 'response';
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface Telemetry {
  /** One HTTP call to an upstream service (`serviceName` as in errors: wordpress, authors, ...). */
  upstreamCall(serviceName: string, outcome: UpstreamOutcome, durationMs: number): void;
  cacheLookup(tier: CacheTier, kind: string, hits: number, misses: number): void;
  loaderBatch(loader: string, size: number): void;
  breakerState(serviceName: string, state: BreakerState): void;
  operation(operationName: string, durationMs: number, hadErrors: boolean): void;
}

export const noopTelemetry: Telemetry = {
  upstreamCall() {},
  cacheLookup() {},
  loaderBatch() {},
  breakerState() {},
  operation() {},
};
