/**
 * What belongs to the HTTP request being served and must reach the code below it: the request id
 * (upstream clients send it as `x-request-id`, log lines carry it) and a signal that aborts when the
 * request times out or the client goes away (upstream calls stop early).
 *
 * It is passed explicitly (HTTP layer -> context -> loaders -> each source call's last argument) rather
 * than kept in an AsyncLocalStorage: on Node 20 that turns on promise hooks for every promise in the
 * process, a cost paid hundreds of times per request. A leaf module: every layer may import it.
 */
export interface CallContext {
  readonly requestId: string;
  readonly signal: AbortSignal;
}

/** One per HTTP request, created by the HTTP layer. */
export interface RequestScope extends CallContext {
  /** Set once Apollo has resolved the operation, so the request's log line can name it. */
  operationName?: string;
}

/** Headers an upstream call adds so the upstream's logs join up with ours. */
export function requestIdHeaders(call: Partial<CallContext> | undefined): Record<string, string> {
  return call?.requestId ? { 'x-request-id': call.requestId } : {};
}
