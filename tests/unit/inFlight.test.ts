import { getEventListeners } from 'node:events';
import { RequestEndedError } from '../../src/errors';
import { InFlight } from '../../src/sources/InFlight';

/** An operation the test settles by hand, recording the signal each run was given. */
function controllable<T>() {
  const runs: { signal: AbortSignal | undefined; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const operation = (signal: AbortSignal | undefined) =>
    new Promise<T>((resolve, reject) => {
      runs.push({ signal, resolve, reject });
    });
  return { runs, operation };
}

const outcomeOf = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('InFlight', () => {
  it('without signals shares one run, gives it no signal, and forgets it once settled', async () => {
    const inFlight = new InFlight<string>();
    const { runs, operation } = controllable<string>();
    const first = inFlight.run('k', operation);
    const second = inFlight.run('k', operation);
    expect(first).toBe(second);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.signal).toBeUndefined();
    runs[0]?.resolve('answer');
    await expect(first).resolves.toBe('answer');
    expect(inFlight.size).toBe(0);
    void inFlight.run('k', operation);
    expect(runs).toHaveLength(2);
  });

  it('rejects a waiter whose signal aborts at once, and the others still get the shared answer', async () => {
    const inFlight = new InFlight<string>();
    const { runs, operation } = controllable<string>();
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = outcomeOf(inFlight.run('k', operation, leaving.signal));
    const stays = inFlight.run('k', operation, staying.signal);
    const reason = new Error('request timed out');
    leaving.abort(reason);

    const { error } = (await left) as { error: RequestEndedError };
    expect(error).toBeInstanceOf(RequestEndedError);
    expect(error.extensions.code).toBe('GATEWAY_TIMEOUT');
    expect(error.originalError).toBe(reason);
    // One waiter is left: the run goes on, and a newcomer still joins it.
    expect(runs[0]?.signal?.aborted).toBe(false);
    const newcomer = inFlight.run('k', operation, new AbortController().signal);
    expect(runs).toHaveLength(1);

    runs[0]?.resolve('shared');
    await expect(stays).resolves.toBe('shared');
    await expect(newcomer).resolves.toBe('shared');
  });

  it('aborts the run once every waiter has left, and a later caller starts a fresh one', async () => {
    const inFlight = new InFlight<string>();
    const { runs, operation } = controllable<string>();
    const callers = [new AbortController(), new AbortController()];
    const results = callers.map((caller) => outcomeOf(inFlight.run('k', operation, caller.signal)));
    callers[0]?.abort(new Error('first gone'));
    expect(runs[0]?.signal?.aborted).toBe(false);
    const lastReason = new Error('second gone');
    callers[1]?.abort(lastReason);
    expect(runs[0]?.signal?.aborted).toBe(true);
    expect(runs[0]?.signal?.reason).toBe(lastReason);
    for (const result of await Promise.all(results)) expect((result as { error: unknown }).error).toBeInstanceOf(RequestEndedError);
    // Forgotten at once, before the aborted run has even settled: nobody joins a call being torn down.
    expect(inFlight.size).toBe(0);
    const fresh = inFlight.run('k', operation, new AbortController().signal);
    expect(runs).toHaveLength(2);
    expect(runs[1]?.signal?.aborted).toBe(false);

    // The aborted run settling late touches neither the new run nor its key.
    runs[0]?.reject(new Error('aborted'));
    await Promise.resolve();
    expect(inFlight.size).toBe(1);
    runs[1]?.resolve('fresh');
    await expect(fresh).resolves.toBe('fresh');
  });

  it('never aborts a run someone without a signal waits on', async () => {
    const inFlight = new InFlight<string>();
    const { runs, operation } = controllable<string>();
    const caller = new AbortController();
    const left = outcomeOf(inFlight.run('k', operation, caller.signal));
    const anchored = inFlight.run('k', operation);
    caller.abort(new Error('gone'));
    expect((await left as { error: unknown }).error).toBeInstanceOf(RequestEndedError);
    expect(runs[0]?.signal?.aborted).toBe(false);
    expect(inFlight.size).toBe(1);
    runs[0]?.resolve('kept');
    await expect(anchored).resolves.toBe('kept');
  });

  it('does not start anything for a caller whose signal has already aborted', async () => {
    const inFlight = new InFlight<string>();
    const { runs, operation } = controllable<string>();
    await expect(inFlight.run('k', operation, AbortSignal.abort(new Error('late')))).rejects.toBeInstanceOf(RequestEndedError);
    expect(runs).toHaveLength(0);
    expect(inFlight.size).toBe(0);
  });

  it('hands a failure to every waiter and removes their listeners when the run settles', async () => {
    const inFlight = new InFlight<string>();
    const { runs, operation } = controllable<string>();
    const signals = [new AbortController().signal, new AbortController().signal];
    const results = signals.map((signal) => outcomeOf(inFlight.run('k', operation, signal)));
    expect(signals.map((signal) => getEventListeners(signal, 'abort').length)).toEqual([1, 1]);
    const failure = new Error('upstream down');
    runs[0]?.reject(failure);
    expect((await Promise.all(results)).map((result) => (result as { error: unknown }).error)).toEqual([failure, failure]);
    // Nothing of the run stays attached to the requests' signals, which live as long as their requests.
    expect(signals.map((signal) => getEventListeners(signal, 'abort').length)).toEqual([0, 0]);
    expect(getEventListeners(runs[0]?.signal as AbortSignal, 'abort')).toHaveLength(0);
    expect(inFlight.size).toBe(0);
  });

  it('turns an operation that throws synchronously into a shared rejection', async () => {
    const inFlight = new InFlight<string>();
    const broken = () => {
      throw new Error('bug');
    };
    await expect(inFlight.run('k', broken, new AbortController().signal)).rejects.toThrow('bug');
    expect(inFlight.size).toBe(0);
  });
});
