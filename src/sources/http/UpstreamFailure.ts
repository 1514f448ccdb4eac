import type { UpstreamErrorCode } from '../../errors';
import type { UpstreamOutcome } from '../../telemetry';

/**
 * Why one attempt at an upstream failed, with the details operators need (status, URL) kept here, in the
 * logs, and never in the client-facing UpstreamError built from it.
 */
export class UpstreamFailure extends Error {
  constructor(
    readonly code: UpstreamErrorCode,
    readonly outcome: Exclude<UpstreamOutcome, 'ok' | 'rejected' | 'aborted'>,
    message: string,
    readonly options: {
      /** Worth another attempt: the connection failed or the upstream said it is overloaded. */
      retryable: boolean;
      /** Counts towards opening the breaker. A 4xx is our request's fault, not the upstream's health. */
      tripsBreaker: boolean;
      status?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'UpstreamFailure';
  }

  get retryable(): boolean {
    return this.options.retryable;
  }

  get tripsBreaker(): boolean {
    return this.options.tripsBreaker;
  }
}

/** Connection-level errors where the request surely or probably never reached the application. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Turns whatever undici threw into a classified failure. `timedOut` wins: the budget is spent either way. */
export function classifyThrown(error: unknown, timedOut: boolean): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  if (timedOut) return new UpstreamFailure('UPSTREAM_TIMEOUT', 'timeout', 'no answer within the timeout', { retryable: false, tripsBreaker: true, cause: error });
  const code = errorCode(error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new UpstreamFailure('UPSTREAM_TIMEOUT', 'timeout', `upstream too slow (${code})`, { retryable: true, tripsBreaker: true, cause: error });
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new UpstreamFailure('UPSTREAM_BAD_RESPONSE', 'bad_response', 'response larger than allowed', { retryable: false, tripsBreaker: true, cause: error });
  }
  return new UpstreamFailure('UPSTREAM_UNAVAILABLE', 'error', `request failed (${code ?? (error as Error)?.message ?? 'unknown'})`, {
    retryable: code !== undefined && RETRYABLE_NETWORK_CODES.has(code),
    tripsBreaker: true,
    cause: error,
  });
}

/**
 * A call its endpoint class could not take: the queue was full (refused at once), or the budget ran out
 * while it waited for a slot. It was never sent, so it says nothing about the upstream's health.
 */
export function overloadFailure(why: 'queue_full' | 'queue_timeout', cause?: unknown): UpstreamFailure {
  return why === 'queue_full'
    ? new UpstreamFailure('UPSTREAM_UNAVAILABLE', 'overloaded', 'endpoint class saturated: its queue is full', { retryable: false, tripsBreaker: false, cause })
    : new UpstreamFailure('UPSTREAM_TIMEOUT', 'overloaded', 'endpoint class saturated: no slot came free in time for an answer', { retryable: false, tripsBreaker: false, cause });
}

/**
 * A timeout of an attempt the upstream had for less than `fairShareMs`: the call spent its budget waiting
 * for a slot or on earlier attempts, so running out of time says little about the upstream. It is
 * reported as a timeout but does not count towards the breaker.
 */
export function heldAgainstUpstream(failure: UpstreamFailure, inFlightMs: number, fairShareMs: number): UpstreamFailure {
  if (failure.outcome !== 'timeout' || !failure.tripsBreaker || inFlightMs >= fairShareMs) return failure;
  return new UpstreamFailure(failure.code, failure.outcome, `${failure.message}, after ${Math.round(inFlightMs)} ms in flight`, { ...failure.options, tripsBreaker: false });
}

/** An HTTP status the caller did not accept. */
export function failureForStatus(status: number): UpstreamFailure {
  if (status >= 500 || status === 429 || status === 408) {
    return new UpstreamFailure('UPSTREAM_UNAVAILABLE', 'error', `upstream answered ${status}`, { retryable: true, tripsBreaker: true, status });
  }
  // The upstream refused the gateway's own credentials: a configuration problem, not the upstream's health.
  if (status === 401 || status === 403) {
    return new UpstreamFailure('UPSTREAM_UNAUTHORIZED', 'bad_response', `upstream refused the credentials (${status})`, { retryable: false, tripsBreaker: false, status });
  }
  return new UpstreamFailure('UPSTREAM_BAD_RESPONSE', 'bad_response', `upstream answered ${status}`, { retryable: false, tripsBreaker: status < 400, status });
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // undici wraps socket errors; the useful code may sit on the cause.
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
