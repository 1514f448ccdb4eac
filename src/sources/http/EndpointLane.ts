import type CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import type { EndpointClassPolicy } from '../../config';
import { RequestEndedError } from '../../errors';
import type { Telemetry } from '../../telemetry';
import { Bulkhead, BulkheadFullError } from './Bulkhead';
import { CallDeadline } from './CallDeadline';
import { createBreaker } from './createBreaker';
import { overloadFailure } from './UpstreamFailure';

/** A call that got its slot with less than this share of its budget left is not sent... */
const MIN_SHARE_TO_SEND = 0.1;
/** ...nor one with less left than half as long again as the class's calls have lately taken (up to half the budget). */
const TYPICAL_MARGIN = 1.5;
const MAX_SHARE_OF_TYPICAL = 0.5;
/** Weight of the newest answer in the class's typical duration (an exponentially weighted mean). */
const TYPICAL_WEIGHT = 0.2;

export interface EndpointLaneOptions {
  serviceName: string;
  /** Absent for an upstream that is one class: telemetry and logs then name the service only. */
  endpointClass: string | undefined;
  policy: EndpointClassPolicy;
  telemetry: Telemetry;
  logger: Logger;
}

/**
 * One endpoint class of an upstream, as the client lets its calls through: slots of its own with a
 * bounded queue in front (Bulkhead), then a breaker of its own. A slow listing then holds only the
 * listings' slots and opens only the listings' breaker; article lookups keep theirs.
 *
 * A call's budget starts when it is made, so waiting for a slot counts against it. Calls refused for a
 * full queue, still waiting when their budget ends, or given a slot with less budget left than the
 * class's calls have lately needed (within bounds) are not sent, and never reach the breaker: they
 * measure the gateway's own load, not the upstream's health (counting them is what kept a merely busy
 * upstream's breaker opening). While the breaker is open calls fail at once, without taking a place in
 * the queue, and the loaders answer them from stale entries where they have any.
 */
export class EndpointLane<Req, Res> {
  readonly breaker: CircuitBreaker<[Req, CallDeadline], Res>;
  private readonly bulkhead: Bulkhead;
  /** How long the class's answered calls have lately taken; 0 until one has answered. */
  private typicalMs = 0;

  constructor(
    private readonly options: EndpointLaneOptions,
    /** One logical call through the breaker, stopped by `stop`; the half-open trial is told apart by `breaker.halfOpen`. */
    action: (spec: Req, stop: CallDeadline) => Promise<Res>,
  ) {
    this.bulkhead = new Bulkhead(options.policy.maxConcurrency, options.policy.maxQueue);
    this.breaker = createBreaker(options.serviceName, options.policy.breaker, action, options, options.endpointClass);
  }

  get endpointClass(): string | undefined {
    return this.options.endpointClass;
  }

  async call(spec: Req, callers: AbortSignal | undefined, timeoutMs: number): Promise<Res> {
    const stop = new CallDeadline(timeoutMs, callers);
    try {
      // Mirrors opossum's own test: neither closed nor the one trial call of a half-open breaker.
      if (!this.breaker.closed && !this.breaker.pendingClose) return await this.breaker.fire(spec, stop);
      const waitedFrom = performance.now();
      let release: () => void;
      try {
        release = await this.bulkhead.acquire(stop.signal);
      } catch (error) {
        throw this.notSent(stop, error, performance.now() - waitedFrom);
      }
      try {
        // The callers may have left in the turn it took to hand over the slot: nothing to send for them.
        if (stop.abandoned) throw new RequestEndedError(stop.signal.reason);
        // Too little budget left for an answer: sending would only make the upstream do work nobody gets.
        const sentAt = performance.now();
        const needsMs = Math.max(timeoutMs * MIN_SHARE_TO_SEND, Math.min(this.typicalMs * TYPICAL_MARGIN, timeoutMs * MAX_SHARE_OF_TYPICAL));
        if (stop.endsAt - sentAt < needsMs) throw this.notSent(stop, undefined, sentAt - waitedFrom);
        const response = await this.breaker.fire(spec, stop);
        const tookMs = performance.now() - sentAt;
        this.typicalMs = this.typicalMs === 0 ? tookMs : this.typicalMs + TYPICAL_WEIGHT * (tookMs - this.typicalMs);
        return response;
      } finally {
        release();
      }
    } finally {
      stop.dispose();
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  /** Why a call never got a slot: a full queue, its budget spent waiting, or every caller gone. */
  private notSent(stop: CallDeadline, error: unknown, waitedMs: number): Error {
    const { serviceName, endpointClass, telemetry, logger } = this.options;
    if (stop.abandoned) {
      logger.debug({ serviceName, endpointClass, waitedMs }, 'upstream call abandoned while waiting for a slot: every request waiting on it has ended');
      return new RequestEndedError(stop.signal.reason);
    }
    const failure = overloadFailure(error instanceof BulkheadFullError ? 'queue_full' : 'queue_timeout', error);
    telemetry.upstreamCall(serviceName, 'overloaded', waitedMs, endpointClass);
    // Routine under load, and counted in the metrics: one line per refused call would flood the logs.
    logger.debug({ serviceName, endpointClass, inFlight: this.bulkhead.inFlight, queued: this.bulkhead.queued, waitedMs }, `upstream call not sent: ${failure.message}`);
    return failure;
  }
}
