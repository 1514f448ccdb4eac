/**
 * Shares one promise among identical operations while the first is in flight, across every request of the
 * process. Once it settles the key is forgotten: this never serves an old answer (that is the cache's job),
 * it only stops a burst of identical cold requests from each asking the upstream.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  run(key: string, operation: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) return existing;
    const promise = operation();
    this.pending.set(key, promise);
    const forget = () => {
      if (this.pending.get(key) === promise) this.pending.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  get size(): number {
    return this.pending.size;
  }
}
