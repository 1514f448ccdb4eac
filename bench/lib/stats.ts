/** Median of the values; the mean of the middle two for an even count. Throws on an empty list: a missing figure is a failed run. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('mean of no values');
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * How many dependent round trips a request made upstream, from the arrival times of its upstream
 * requests: requests that arrive together (within half the upstream latency of the previous one) were
 * sent in parallel; a later group had to wait for an earlier answer.
 */
export function dependentRoundTrips(arrivalsMs: readonly number[], upstreamLatencyMs: number): number | null {
  if (arrivalsMs.length === 0) return 0;
  // Without latency, groups cannot be told apart from scheduling noise.
  if (upstreamLatencyMs < 5) return null;
  const sorted = [...arrivalsMs].sort((a, b) => a - b);
  let rounds = 1;
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as number) - (sorted[i - 1] as number) > upstreamLatencyMs / 2) rounds++;
  }
  return rounds;
}
