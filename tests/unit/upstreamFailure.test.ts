import { classifyThrown, failureForStatus, heldAgainstUpstream, overloadFailure } from '../../src/sources/http/UpstreamFailure';

describe('which failures count against an upstream', () => {
  const timeout = classifyThrown(new Error('aborted'), true);

  it('holds a timeout against the upstream only when the upstream had the call for its fair share of the budget', () => {
    expect(heldAgainstUpstream(timeout, 900, 750)).toBe(timeout);
    const late = heldAgainstUpstream(timeout, 200, 750);
    // Still a timeout for the caller and the metrics; not evidence that the upstream is slow.
    expect([late.code, late.outcome, late.tripsBreaker, late.retryable]).toEqual(['UPSTREAM_TIMEOUT', 'timeout', false, false]);
    expect(late.message).toContain('after 200 ms in flight');
  });

  it('leaves every other failure as it was', () => {
    const status = failureForStatus(503);
    expect(heldAgainstUpstream(status, 10, 750)).toBe(status);
  });

  it('never holds a call the gateway did not send against the upstream', () => {
    expect([overloadFailure('queue_full').code, overloadFailure('queue_full').tripsBreaker]).toEqual(['UPSTREAM_UNAVAILABLE', false]);
    expect([overloadFailure('queue_timeout').code, overloadFailure('queue_timeout').outcome]).toEqual(['UPSTREAM_TIMEOUT', 'overloaded']);
  });
});
