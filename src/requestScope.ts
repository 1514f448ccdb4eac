import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What belongs to the HTTP request being served, readable anywhere below it without threading it through
 * every call: the request id (upstream clients send it as `x-request-id`, log lines carry it) and a signal
 * that aborts when the request times out or the client goes away (upstream calls stop early).
 * A leaf module: every layer may read it; only the HTTP layer starts a scope.
 */
export interface RequestScope {
  readonly requestId: string;
  readonly signal: AbortSignal;
  /** Set once Apollo has resolved the operation, so the request's log line can name it. */
  operationName?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** The id of the request being served, or undefined outside of one (start-up, background work). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Headers an upstream call adds so the upstream's logs join up with ours. */
export function requestIdHeaders(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { 'x-request-id': requestId } : {};
}
