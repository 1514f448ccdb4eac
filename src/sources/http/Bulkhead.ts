/** The queue in front of the slots is full: the call is refused at once rather than queued. */
export class BulkheadFullError extends Error {
  constructor(
    readonly maxConcurrency: number,
    readonly maxQueue: number,
  ) {
    super(`all ${maxConcurrency} slots busy and ${maxQueue} calls already waiting`);
    this.name = 'BulkheadFullError';
  }
}

interface Waiter {
  readonly signal: AbortSignal;
  readonly grant: () => void;
  readonly leave: () => void;
}

/**
 * Slots for the calls of one endpoint class, and a bounded first-come-first-served queue in front of them.
 * A call waits for a slot only while its signal allows (its budget, its callers); a call that finds the
 * queue full is refused at once, so a flood fails fast instead of piling up behind a slow class.
 *
 * A released slot goes straight to the next waiter, so a burst of new calls cannot overtake the queue.
 */
export class Bulkhead {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly maxConcurrency: number,
    readonly maxQueue: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with the slot's release (call it once, when the call has settled). Rejects with a
   * BulkheadFullError when no slot is free and the queue is full, or with the signal's reason when it
   * aborts first.
   */
  acquire(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.active < this.maxConcurrency) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxQueue) return Promise.reject(new BulkheadFullError(this.maxConcurrency, this.maxQueue));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        grant: () => {
          signal.removeEventListener('abort', waiter.leave);
          resolve(this.releaser());
        },
        leave: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal.reason);
        },
      };
      this.waiting.push(waiter);
      signal.addEventListener('abort', waiter.leave, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes to the next waiter as it is: `active` counts it throughout.
      if (next) next.grant();
      else this.active -= 1;
    };
  }
}
