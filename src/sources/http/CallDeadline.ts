/**
 * What stops one logical upstream call (its wait for a slot, its attempts and the waits between them): its
 * own deadline, or its callers leaving. One controller and one timer, both released by `dispose()` when
 * the call settles: cheaper than `AbortSignal.timeout` per call, whose timer and signal live on until the
 * GC finds them, and without `AbortSignal.any`, whose followers stay attached to a long-lived signal.
 */
export class CallDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private why: 'timeout' | 'abandoned' | undefined;
  /** When the budget ends, on `performance.now()`'s clock. */
  readonly endsAt: number;

  constructor(
    timeoutMs: number,
    /** Aborts when nobody waits for the answer any more; absent, only the deadline stops the call. */
    private readonly callers?: AbortSignal,
  ) {
    this.endsAt = performance.now() + timeoutMs;
    this.timer = setTimeout(this.timeOut, timeoutMs);
    if (callers?.aborted) this.abandon();
    else callers?.addEventListener('abort', this.abandon, { once: true });
  }

  /** Passed to undici and to the backoff waits. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get timedOut(): boolean {
    return this.why === 'timeout';
  }

  /** Every caller left before the deadline: not the upstream's doing. */
  get abandoned(): boolean {
    return this.why === 'abandoned';
  }

  /**
   * From now on only the deadline stops the call, whoever leaves: for a breaker's half-open trial, whose
   * outcome decides whether the breaker closes.
   */
  ignoreCallers(): void {
    this.callers?.removeEventListener('abort', this.abandon);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.callers?.removeEventListener('abort', this.abandon);
  }

  private readonly timeOut = () => {
    this.stop('timeout');
  };

  private readonly abandon = () => {
    this.stop('abandoned');
  };

  private stop(why: 'timeout' | 'abandoned'): void {
    if (this.why) return;
    this.why = why;
    this.dispose();
    this.controller.abort(new Error(why === 'timeout' ? 'upstream call timed out' : 'every request waiting on the call has ended'));
  }
}
