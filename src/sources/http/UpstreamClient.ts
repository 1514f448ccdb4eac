import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { Agent, type Dispatcher, interceptors, request } from 'undici';
import type { z } from 'zod';
import type { EndpointClassPolicy, UpstreamPolicy } from '../../config';
import { ErrorCode, RequestEndedError, UpstreamError } from '../../errors';
import type { Telemetry } from '../../telemetry';
import { type BackoffOptions, DEFAULT_BACKOFF, jitteredBackoffMs } from './backoff';
import type { CallDeadline } from './CallDeadline';
import { EndpointLane } from './EndpointLane';
import { InFlight } from '../InFlight';
import { classifyThrown, failureForStatus, heldAgainstUpstream, UpstreamFailure } from './UpstreamFailure';
import { type CallContext, requestIdHeaders } from '../../requestScope';

export interface UpstreamClientOptions {
  /** Names the upstream in errors, logs and metrics: `wordpress`, `authors`, `topics`, `related`. */
  serviceName: string;
  policy: UpstreamPolicy;
  telemetry: Telemetry;
  logger: Logger;
  /** Largest response body accepted; a bigger one is a bad response, not an out-of-memory. */
  maxResponseBytes?: number;
  backoff?: BackoffOptions;
  /**
   * Part of the coalescing key (the cache's purge epoch): a GET begun before a purge is never joined by
   * a call made after it, which would get the answer from before the edit.
   */
  coalescingEpoch?: () => number;
}

export interface UpstreamRequest<T> {
  url: URL;
  method?: 'GET' | 'POST';
  /** Sent as JSON (POST only). */
  body?: unknown;
  /** Validates the JSON body: a wrong shape is UPSTREAM_BAD_RESPONSE, never a crash further in. */
  schema: z.ZodType<T>;
  /** Statuses whose body is parsed; any other status is a failure. */
  acceptStatuses?: readonly number[];
  /** `none` skips the body (for headers-only answers such as REST API discovery). */
  parse?: 'json' | 'none';
  followRedirects?: boolean;
  /**
   * Extra request headers, such as the preview source's `authorization`. Never logged. A request with
   * headers of its own is never coalesced with another: its answer is for its caller only.
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * The upstream's endpoint class the call belongs to (WordPress: `articles`, `listings`, ...): its slots,
   * queue and breaker are the ones the call waits in and counts towards. Absent, or a class the upstream's
   * policy does not have: its first class.
   */
  endpointClass?: string;
  /**
   * The request this call serves: its id goes upstream as `x-request-id`, and when its signal aborts the
   * request stops waiting (RequestEndedError). Not part of the coalescing key.
   */
  call?: CallContext;
}

export interface UpstreamResponse<T> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

type AnyRequest = UpstreamRequest<unknown>;
type Lane = EndpointLane<AnyRequest, UpstreamResponse<unknown>>;

const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
/** Identifies schemas in coalescing keys: two callers share an answer only if they read it the same way. */
const schemaIds = new WeakMap<object, number>();
let lastSchemaId = 0;
const schemaId = (schema: object): number => {
  let id = schemaIds.get(schema);
  if (id === undefined) {
    id = ++lastSchemaId;
    schemaIds.set(schema, id);
  }
  return id;
};
const IDEMPOTENT = new Set(['GET', 'HEAD']);

/**
 * The one way sources speak HTTP. Per upstream: a keep-alive pool (undici), a deadline on every call,
 * jittered retries for idempotent GETs only, coalescing of identical in-flight GETs across all requests of
 * the process, and per endpoint class (the whole upstream, unless its policy names classes) slots with a
 * bounded queue and a circuit breaker (see EndpointLane).
 *
 * A call stops at its own deadline or when every request waiting on it has ended (their signals aborted):
 * the undici request is aborted and its socket closed. A call its callers abandoned is not an upstream
 * failure: it is not retried, not counted by the breaker, and logged at debug only.
 *
 * Errors leaving the client are UpstreamErrors carrying only a code and the service name (URLs, statuses
 * and bodies go to the logs), or a RequestEndedError for a caller whose request ended first.
 */
export class UpstreamClient {
  readonly serviceName: string;
  private readonly agent: Agent;
  private readonly redirectingAgent: Dispatcher;
  /** Each endpoint class's policy, the first also taking calls that name no class (or an unknown one). */
  private readonly classPolicies: ReadonlyMap<string | undefined, EndpointClassPolicy>;
  private readonly defaultClass: string | undefined;
  /** Made on first use, so a class never called has no breaker to report. */
  private readonly lanes = new Map<string | undefined, Lane>();
  private readonly inFlight = new InFlight<UpstreamResponse<unknown>>();

  constructor(private readonly options: UpstreamClientOptions) {
    this.serviceName = options.serviceName;
    const { policy } = options;
    const classes: [string | undefined, EndpointClassPolicy][] = 'classes' in policy ? Object.entries(policy.classes) : [[undefined, policy]];
    if (classes.length === 0) throw new Error(`${options.serviceName}: an upstream policy needs at least one endpoint class`);
    this.classPolicies = new Map(classes);
    this.defaultClass = classes[0]?.[0];
    this.agent = new Agent({
      // The lanes cap the calls in flight, class by class; with one request per connection (no pipelining)
      // the pool never needs more connections than their sum, and nothing waits in undici's own queue.
      connections: classes.reduce((sum, [, each]) => sum + each.maxConcurrency, 0),
      pipelining: 1,
      keepAliveTimeout: 4_000,
      maxResponseSize: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
    this.redirectingAgent = this.agent.compose(interceptors.redirect({ maxRedirections: 3 }));
  }

  async request<T>(spec: UpstreamRequest<T>): Promise<UpstreamResponse<T>> {
    const method = spec.method ?? 'GET';
    const lane = this.laneFor(spec.endpointClass);
    // Identical GETs in flight share one upstream call, one breaker outcome and one parse: a burst of
    // cold requests for the same article costs the upstream one request. (Coalescing happens above the
    // breaker on purpose; opossum's own coalescing counts every waiter as a call and skews its error rate.)
    // A shared call gets the signal InFlight keeps for it, which aborts only once all its callers left.
    const send = (callers: AbortSignal | undefined) =>
      lane.call(spec as AnyRequest, callers, this.options.policy.timeoutMs).catch((error: unknown) => {
        throw this.toUpstreamError(error, lane);
      });
    const signal = spec.call?.signal;
    if (method !== 'GET' || spec.headers) {
      if (signal?.aborted) return Promise.reject(new RequestEndedError(signal.reason));
      return send(signal) as Promise<UpstreamResponse<T>>;
    }
    const epoch = this.options.coalescingEpoch?.() ?? 0;
    return this.inFlight.run(`${epoch}:${spec.parse ?? 'json'}:${schemaId(spec.schema)} ${spec.url.href}`, send, signal) as Promise<UpstreamResponse<T>>;
  }

  async close(): Promise<void> {
    for (const lane of this.lanes.values()) lane.shutdown();
    await this.agent.close();
  }

  private laneFor(endpointClass: string | undefined): Lane {
    const name = endpointClass !== undefined && this.classPolicies.has(endpointClass) ? endpointClass : this.defaultClass;
    let lane = this.lanes.get(name);
    if (!lane) {
      const { serviceName, telemetry, logger } = this.options;
      const policy = this.classPolicies.get(name) as EndpointClassPolicy;
      const made: Lane = new EndpointLane({ serviceName, endpointClass: name, policy, telemetry, logger }, (spec, stop) => this.attempt(made, spec, stop));
      lane = made;
      this.lanes.set(name, lane);
    }
    return lane;
  }

  /**
   * One logical call: attempts within the call's budget, retrying only idempotent requests, stopped early
   * when its callers leave. Not while the breaker is half-open: that trial call's outcome is what decides
   * whether the breaker closes, so it runs to its own deadline even if its callers leave (they still leave
   * at once).
   */
  private async attempt(lane: Lane, spec: AnyRequest, stop: CallDeadline): Promise<UpstreamResponse<unknown>> {
    const { policy, telemetry, logger } = this.options;
    const { endpointClass } = lane;
    const method = spec.method ?? 'GET';
    if (lane.breaker.halfOpen) stop.ignoreCallers();
    const retries = IDEMPOTENT.has(method) ? policy.retries : 0;

    for (let attempt = 0; ; attempt += 1) {
      const started = performance.now();
      try {
        const response = await this.send(spec, method, stop.signal);
        telemetry.upstreamCall(this.serviceName, 'ok', performance.now() - started, endpointClass);
        return response;
      } catch (error) {
        if (stop.abandoned) throw this.abandoned(lane, spec, method, attempt, error, performance.now() - started);
        const inFlightMs = performance.now() - started;
        // Only an attempt the upstream had for half the budget or more tells of a slow upstream.
        const failure = heldAgainstUpstream(classifyThrown(error, stop.timedOut), inFlightMs, policy.timeoutMs / 2);
        telemetry.upstreamCall(this.serviceName, failure.outcome, inFlightMs, endpointClass);
        logger.warn(
          // The id of the request that started the call (a shared call's other waiters have it in their own lines).
          { requestId: spec.call?.requestId, serviceName: this.serviceName, endpointClass, method, url: spec.url.href, attempt: attempt + 1, status: failure.options.status, err: failure.options.cause ?? failure },
          `upstream call failed: ${failure.message}`,
        );
        const delayMs = jitteredBackoffMs(attempt, this.options.backoff ?? DEFAULT_BACKOFF);
        // undici retries nothing by itself here; its retry handler has no jitter and no shared deadline.
        if (attempt >= retries || !failure.retryable || performance.now() + delayMs >= stop.endsAt) throw failure;
        try {
          await sleep(delayMs, undefined, { signal: stop.signal });
        } catch {
          if (stop.abandoned) throw this.abandoned(lane, spec, method, attempt, error);
          throw classifyThrown(error, true);
        }
      }
    }
  }

  /**
   * Every request waiting on the call has ended: reported apart from failures, and never retried. Without
   * `durationMs` it ended during a backoff wait, with no upstream request in flight to report.
   */
  private abandoned(lane: Lane, spec: AnyRequest, method: string, attempt: number, error: unknown, durationMs?: number): RequestEndedError {
    const { endpointClass } = lane;
    if (durationMs !== undefined) this.options.telemetry.upstreamCall(this.serviceName, 'aborted', durationMs, endpointClass);
    this.options.logger.debug(
      { requestId: spec.call?.requestId, serviceName: this.serviceName, endpointClass, method, url: spec.url.href, attempt: attempt + 1, err: error },
      'upstream call abandoned: every request waiting on it has ended',
    );
    return new RequestEndedError(error);
  }

  private async send(spec: AnyRequest, method: string, signal: AbortSignal): Promise<UpstreamResponse<unknown>> {
    const response = await request(spec.url, {
      method,
      signal,
      dispatcher: spec.followRedirects ? this.redirectingAgent : this.agent,
      headers: {
        accept: 'application/json',
        'user-agent': 'newsroom-gateway',
        // Upstream logs join up with ours. A coalesced call carries the id of the request that started it.
        ...requestIdHeaders(spec.call),
        ...(spec.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...spec.headers,
      },
      body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
    });
    const accepted = spec.acceptStatuses ?? [200];
    if (!accepted.includes(response.statusCode)) {
      await response.body.dump();
      throw failureForStatus(response.statusCode);
    }
    if (spec.parse === 'none') {
      await response.body.dump();
      return { status: response.statusCode, headers: response.headers, body: undefined };
    }
    const text = await response.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UpstreamFailure('UPSTREAM_BAD_RESPONSE', 'bad_response', 'response body is not JSON', { retryable: false, tripsBreaker: true, status: response.statusCode, cause: error });
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
      throw new UpstreamFailure('UPSTREAM_BAD_RESPONSE', 'bad_response', `response has an unexpected shape (${where})`, {
        retryable: false,
        tripsBreaker: true,
        status: response.statusCode,
      });
    }
    return { status: response.statusCode, headers: response.headers, body: parsed.data };
  }

  private toUpstreamError(error: unknown, lane: Lane): UpstreamError | RequestEndedError {
    if (error instanceof UpstreamError || error instanceof RequestEndedError) return error;
    const name = this.serviceName;
    if (error instanceof UpstreamFailure) {
      const message =
        error.code === ErrorCode.UPSTREAM_TIMEOUT
          ? `The ${name} service did not answer in time.`
          : error.code === ErrorCode.UPSTREAM_BAD_RESPONSE
            ? `The ${name} service gave an answer the gateway could not use.`
            : error.code === ErrorCode.UPSTREAM_UNAUTHORIZED
              ? `The ${name} service refused the gateway's credentials.`
              : `The ${name} service is unavailable.`;
      return new UpstreamError(error.code, name, message, { cause: error });
    }
    if ((error as { code?: unknown })?.code === 'EOPENBREAKER') {
      this.options.telemetry.upstreamCall(name, 'rejected', 0, lane.endpointClass);
      return new UpstreamError(ErrorCode.UPSTREAM_UNAVAILABLE, name, `The ${name} service is unavailable.`, { cause: error });
    }
    this.options.logger.error({ serviceName: name, endpointClass: lane.endpointClass, err: error }, 'unexpected error in the upstream client');
    return new UpstreamError(ErrorCode.UPSTREAM_UNAVAILABLE, name, `The ${name} service is unavailable.`, { cause: error });
  }
}
