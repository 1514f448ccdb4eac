import { Bulkhead, BulkheadFullError } from '../../src/sources/http/Bulkhead';

/** Settles on the next turns of the event loop, so a test can see whether a promise has resolved yet. */
const settledYet = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe('Bulkhead', () => {
  const signal = () => new AbortController().signal;

  it('gives slots up to its concurrency at once, then queues first come first served', async () => {
    const bulkhead = new Bulkhead(2, 5);
    const first = await bulkhead.acquire(signal());
    await bulkhead.acquire(signal());
    const order: string[] = [];
    const third = bulkhead.acquire(signal()).then((release) => (order.push('third'), release));
    const fourth = bulkhead.acquire(signal()).then((release) => (order.push('fourth'), release));
    expect(await settledYet(third)).toBe(false);
    expect([bulkhead.inFlight, bulkhead.queued]).toEqual([2, 2]);

    first();
    const releaseThird = await third;
    expect(order).toEqual(['third']);
    expect(await settledYet(fourth)).toBe(false);
    // A slot handed to a waiter stays counted: a newcomer cannot take it in between.
    expect([bulkhead.inFlight, bulkhead.queued]).toEqual([2, 1]);
    releaseThird();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
  });

  it('refuses at once when the queue is full', async () => {
    const bulkhead = new Bulkhead(1, 1);
    await bulkhead.acquire(signal());
    const queued = bulkhead.acquire(signal());
    await expect(bulkhead.acquire(signal())).rejects.toBeInstanceOf(BulkheadFullError);
    expect(await settledYet(queued)).toBe(false);
    // No queue at all: only the slots.
    const unqueued = new Bulkhead(1, 0);
    await unqueued.acquire(signal());
    await expect(unqueued.acquire(signal())).rejects.toBeInstanceOf(BulkheadFullError);
  });

  it('lets a waiter leave when its signal aborts, and its place goes to the next', async () => {
    const bulkhead = new Bulkhead(1, 3);
    const release = await bulkhead.acquire(signal());
    const leaving = new AbortController();
    const left = bulkhead.acquire(leaving.signal);
    const staying = bulkhead.acquire(signal());
    leaving.abort(new Error('request ended'));
    await expect(left).rejects.toThrow('request ended');
    expect(bulkhead.queued).toBe(1);
    release();
    await staying;
    expect([bulkhead.inFlight, bulkhead.queued]).toEqual([1, 0]);
  });

  it('refuses a signal that has already aborted, and counts a release only once', async () => {
    const bulkhead = new Bulkhead(1, 1);
    const ended = new AbortController();
    ended.abort(new Error('gone'));
    await expect(bulkhead.acquire(ended.signal)).rejects.toThrow('gone');
    const release = await bulkhead.acquire(signal());
    release();
    release();
    expect(bulkhead.inFlight).toBe(0);
  });
});
