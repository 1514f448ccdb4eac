import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import type { BreakerPolicy } from '../../config';
import { RequestEndedError } from '../../errors';
import type { Telemetry } from '../../telemetry';
import { UpstreamFailure } from './UpstreamFailure';

/**
 * One circuit breaker per upstream endpoint class (opossum): after enough failures in the window it fails
 * fast for `resetMs`, so a dead upstream (or a dead part of one) costs a response nothing, then lets one
 * trial call through and closes again when that succeeds. Every state change is reported and logged.
 * `endpointClass` is absent for an upstream that is one class.
 */
export function createBreaker<A extends unknown[], R>(
  serviceName: string,
  policy: BreakerPolicy,
  action: (...args: A) => Promise<R>,
  deps: { telemetry: Telemetry; logger: Logger },
  endpointClass?: string,
): CircuitBreaker<A, R> {
  const breaker: CircuitBreaker<A, R> = new CircuitBreaker<A, R>(action, {
    name: endpointClass === undefined ? serviceName : `${serviceName}/${endpointClass}`,
    // The client enforces its own deadline per call (retries included) and aborts the request with it;
    // opossum's timeout could not abort the request.
    timeout: false,
    errorThresholdPercentage: policy.errorThresholdPercent,
    volumeThreshold: policy.minRequests,
    resetTimeout: policy.resetMs,
    rollingCountTimeout: policy.windowMs,
    rollingCountBuckets: 10,
    // A 4xx means our request was wrong, not that the upstream is unhealthy; a call abandoned by its
    // callers says nothing about the upstream either. Filtered errors count as successes, and a success
    // while half-open closes the breaker: an abandoned call settling then (it started before the breaker
    // opened; the half-open trial itself is never abandoned) counts as a failure instead, reopening it.
    errorFilter: (error: unknown): boolean => (error instanceof RequestEndedError ? !breaker.halfOpen : error instanceof UpstreamFailure && !error.tripsBreaker),
    enableSnapshots: false,
  });
  const names = endpointClass === undefined ? { serviceName } : { serviceName, endpointClass };
  deps.telemetry.breakerState(serviceName, 'closed', endpointClass);
  breaker.on('open', () => {
    deps.telemetry.breakerState(serviceName, 'open', endpointClass);
    deps.logger.warn({ ...names, resetMs: policy.resetMs }, 'upstream circuit breaker opened: failing fast');
  });
  breaker.on('halfOpen', () => {
    deps.telemetry.breakerState(serviceName, 'half_open', endpointClass);
    deps.logger.info(names, 'upstream circuit breaker half-open: trying one call');
  });
  breaker.on('close', () => {
    deps.telemetry.breakerState(serviceName, 'closed', endpointClass);
    deps.logger.info(names, 'upstream circuit breaker closed: upstream recovered');
  });
  return breaker;
}
