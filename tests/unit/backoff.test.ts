import { jitteredBackoffMs } from '../../src/sources/http/backoff';

describe('jitteredBackoffMs', () => {
  const options = { baseMs: 25, maxMs: 400 };

  it('waits between nothing and an exponentially growing ceiling', () => {
    expect([0, 1, 2, 3].map((attempt) => jitteredBackoffMs(attempt, options, () => 0.999999))).toEqual([25, 50, 100, 200]);
    expect(jitteredBackoffMs(3, options, () => 0)).toBe(0);
  });

  it('never exceeds the cap', () => {
    expect(jitteredBackoffMs(10, options, () => 0.999999)).toBe(400);
  });

  it('spreads retries out: different draws give different waits', () => {
    const waits = new Set(Array.from({ length: 50 }, () => jitteredBackoffMs(4, options)));
    expect(waits.size).toBeGreaterThan(10);
  });
});
