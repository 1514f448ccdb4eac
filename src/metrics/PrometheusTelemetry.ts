import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BreakerState, CacheTier, SourceOutcome, Telemetry, UpstreamOutcome } from '../telemetry';

export interface PrometheusTelemetryOptions {
  /** Operation names always kept as labels (the trusted documents); others are kept up to `maxOperationNames`. */
  knownOperations?: readonly string[];
  /** Distinct client-chosen operation names kept before the rest count as `other`: a label per name is a series per name. */
  maxOperationNames?: number;
  /** Node's process metrics (heap, event loop lag, GC) alongside the gateway's. */
  processMetrics?: boolean;
}

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half_open'];
const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The Telemetry interface as Prometheus metrics, in a registry of its own (not prom-client's global one),
 * so every gateway in a process, tests included, counts for itself. Served by the /metrics route.
 */
export class PrometheusTelemetry implements Telemetry {
  readonly registry = new Registry();
  private readonly operationNames: Set<string>;
  private readonly maxOperationNames: number;
  private clientOperationNames = 0;

  private readonly httpRequests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'HTTP requests answered, by route, method and status (refusals included).',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Time from request to response, by route.',
    labelNames: ['route'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'gateway_operation_duration_seconds',
    help: 'GraphQL operations executed, by operation name and outcome (error: the response carries errors).',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly upstreamCalls = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'HTTP calls to upstream services, by service, outcome and (for an upstream with several) endpoint class.',
    labelNames: ['service', 'outcome', 'endpoint_class'] as const,
    registers: [this.registry],
  });
  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Duration of HTTP calls to upstream services, by service, outcome and (for an upstream with several) endpoint class.',
    labelNames: ['service', 'outcome', 'endpoint_class'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly sourceCalls = new Counter({
    name: 'gateway_source_calls_total',
    help: 'Source calls (one per loader batch that missed the cache), by entity kind, source, method and outcome.',
    labelNames: ['kind', 'source', 'method', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly sourceDuration = new Histogram({
    name: 'gateway_source_call_duration_seconds',
    help: 'Duration of source calls, by entity kind, source and outcome.',
    labelNames: ['kind', 'source', 'outcome'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly cacheLookups = new Counter({
    name: 'gateway_cache_lookups_total',
    help: 'Entity cache lookups, by tier, entity kind and result (hit: fresh; miss: absent or stale).',
    labelNames: ['tier', 'kind', 'result'] as const,
    registers: [this.registry],
  });
  private readonly loaderBatchSize = new Histogram({
    name: 'gateway_loader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [this.registry],
  });
  private readonly breakerStates = new Gauge({
    name: 'gateway_breaker_state',
    help: 'Circuit breaker state per upstream service (and endpoint class, for an upstream with several): 1 for the current state, 0 for the others.',
    labelNames: ['service', 'state', 'endpoint_class'] as const,
    registers: [this.registry],
  });

  constructor(options: PrometheusTelemetryOptions = {}) {
    this.operationNames = new Set(options.knownOperations ?? []);
    this.maxOperationNames = options.maxOperationNames ?? 100;
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** The text exposition format, as /metrics serves it. */
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  upstreamCall(serviceName: string, outcome: UpstreamOutcome, durationMs: number, endpointClass?: string): void {
    // Without the label for an upstream that is one class: its series stay what they were.
    const labels = endpointClass === undefined ? { service: serviceName, outcome } : { service: serviceName, outcome, endpoint_class: endpointClass };
    this.upstreamCalls.inc(labels);
    this.upstreamDuration.observe(labels, durationMs / 1000);
  }

  sourceCall(kind: string, sourceName: string, method: string, outcome: SourceOutcome, durationMs: number): void {
    this.sourceCalls.inc({ kind, source: sourceName, method, outcome });
    this.sourceDuration.observe({ kind, source: sourceName, outcome }, durationMs / 1000);
  }

  cacheLookup(tier: CacheTier, kind: string, hits: number, misses: number): void {
    if (hits > 0) this.cacheLookups.inc({ tier, kind, result: 'hit' }, hits);
    if (misses > 0) this.cacheLookups.inc({ tier, kind, result: 'miss' }, misses);
  }

  loaderBatch(loader: string, size: number): void {
    this.loaderBatchSize.observe({ loader }, size);
  }

  breakerState(serviceName: string, state: BreakerState, endpointClass?: string): void {
    for (const candidate of BREAKER_STATES) {
      const labels = endpointClass === undefined ? { service: serviceName, state: candidate } : { service: serviceName, state: candidate, endpoint_class: endpointClass };
      this.breakerStates.set(labels, candidate === state ? 1 : 0);
    }
  }

  operation(operationName: string, durationMs: number, hadErrors: boolean): void {
    this.operationDuration.observe({ operation: this.operationLabel(operationName), outcome: hadErrors ? 'error' : 'ok' }, durationMs / 1000);
  }

  httpRequest(route: string, method: string, status: number, durationMs: number): void {
    this.httpRequests.inc({ route, method, status: String(status) });
    this.httpDuration.observe({ route }, durationMs / 1000);
  }

  /** Operation names come from clients: keep known and early ones, and fold the rest so series stay bounded. */
  private operationLabel(name: string): string {
    if (name === '') return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.clientOperationNames >= this.maxOperationNames) return 'other';
    this.operationNames.add(name);
    this.clientOperationNames += 1;
    return name;
  }
}
