import { RequestEndedError } from '../errors';

interface Waiter<T> {
  readonly signal: AbortSignal;
  readonly leave: () => void;
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface SharedCall<T> {
  readonly promise: Promise<T>;
  /** Present when the call can be stopped: its starter could leave. */
  readonly controller: AbortController | undefined;
  /** Waiters that may still leave, made only once one with a signal joins. */
  waiters: Set<Waiter<T>> | undefined;
  /** Someone without a signal waits: nobody can end it, so the call runs to its own end. */
  anchored: boolean;
}

/**
 * Shares one operation among identical calls in flight, across every request of the process. Once it
 * settles the key is forgotten: this never serves an old answer (that is the cache's job), it only stops a
 * burst of identical cold requests from each asking the upstream.
 *
 * Reference-counted: a caller whose signal aborts (its request timed out, its client left) is rejected at
 * once with a RequestEndedError while the others keep waiting; only when every caller has left is the
 * operation's own signal aborted and the key forgotten, so a later caller starts afresh instead of joining
 * a call being torn down. A caller without a signal never leaves. Nothing is allocated for signals nobody
 * passed, and every listener is removed when the operation settles.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, SharedCall<T>>();

  run(key: string, operation: (signal: AbortSignal | undefined) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new RequestEndedError(signal.reason));
    const shared = this.pending.get(key) ?? this.start(key, operation, signal);
    if (!signal) {
      shared.anchored = true;
      return shared.promise;
    }
    return this.wait(key, shared, signal);
  }

  get size(): number {
    return this.pending.size;
  }

  private start(key: string, operation: (signal: AbortSignal | undefined) => Promise<T>, signal: AbortSignal | undefined): SharedCall<T> {
    const controller = signal ? new AbortController() : undefined;
    let promise: Promise<T>;
    try {
      promise = operation(controller?.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    const shared: SharedCall<T> = { promise, controller, waiters: undefined, anchored: false };
    this.pending.set(key, shared);
    promise.then(
      (value) => this.settle(key, shared, (waiter) => waiter.resolve(value)),
      (error: unknown) => this.settle(key, shared, (waiter) => waiter.reject(error)),
    );
    return shared;
  }

  private wait(key: string, shared: SharedCall<T>, signal: AbortSignal): Promise<T> {
    const waiters = (shared.waiters ??= new Set());
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        signal,
        resolve,
        reject,
        leave: () => {
          waiters.delete(waiter);
          reject(new RequestEndedError(signal.reason));
          if (waiters.size > 0 || shared.anchored) return;
          this.forget(key, shared);
          shared.controller?.abort(signal.reason);
        },
      };
      waiters.add(waiter);
      signal.addEventListener('abort', waiter.leave, { once: true });
    });
  }

  private settle(key: string, shared: SharedCall<T>, tell: (waiter: Waiter<T>) => void): void {
    this.forget(key, shared);
    if (!shared.waiters) return;
    for (const waiter of shared.waiters) {
      waiter.signal.removeEventListener('abort', waiter.leave);
      tell(waiter);
    }
    shared.waiters.clear();
  }

  private forget(key: string, shared: SharedCall<T>): void {
    if (this.pending.get(key) === shared) this.pending.delete(key);
  }
}
