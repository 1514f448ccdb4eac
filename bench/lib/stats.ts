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
 * The median over rounds of `mine[i] / theirs[i]`: each ratio within one round, so a burst of noise on
 * the shared machine moves one round's ratio rather than one server. Rounds missing either figure are
 * left out; null when none is left.
 */
export function medianOfRoundRatios(mine: readonly (number | null)[], theirs: readonly (number | null)[]): number | null {
  const ratios = mine.flatMap((value, index) => {
    const other = theirs[index];
    return value != null && other != null && other > 0 ? [value / other] : [];
  });
  return ratios.length > 0 ? round(median(ratios), 3) : null;
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

/** Where the time of one request went, between the upstream's work and the gateway's own. */
export interface CriticalPath {
  /** The request as the client timed it. */
  totalMs: number;
  /** Time during which at least one upstream request was being served (arrived, not yet answered). */
  upstreamMs: number;
  /** The rest: time in which the request waited on nothing but the gateway (and loopback). */
  gatewayMs: number;
  /** Of gatewayMs: from the client's request to the first upstream arrival plus from the last upstream answer to the client's answer. */
  edgesMs: number;
  /** Of gatewayMs: gaps between upstream round trips, when no upstream request was in flight. */
  betweenMs: number;
}

/**
 * The gateway's share of a request's critical path: the client's time minus the time covered by upstream
 * work (the union of every upstream request's [arrived, answered] interval, as the upstream clocked it).
 * Gateway CPU spent while an upstream request is in flight is hidden behind it and not counted; the
 * gateway's work before the first request, between dependent round trips and after the last answer is.
 * Every figure is a difference of times from one clock, so the two processes' clocks need not agree.
 */
export function criticalPath(totalMs: number, upstream: readonly { fromMs: number; toMs: number }[]): CriticalPath {
  if (upstream.length === 0) return { totalMs, upstreamMs: 0, gatewayMs: totalMs, edgesMs: totalMs, betweenMs: 0 };
  const sorted = [...upstream].sort((a, b) => a.fromMs - b.fromMs);
  let upstreamMs = 0;
  let coveredFrom = (sorted[0] as { fromMs: number }).fromMs;
  let coveredTo = coveredFrom;
  for (const { fromMs, toMs } of sorted) {
    if (fromMs > coveredTo) {
      upstreamMs += coveredTo - coveredFrom;
      coveredFrom = fromMs;
    }
    coveredTo = Math.max(coveredTo, toMs);
  }
  upstreamMs += coveredTo - coveredFrom;
  const spanMs = coveredTo - (sorted[0] as { fromMs: number }).fromMs;
  const gatewayMs = Math.max(0, totalMs - upstreamMs);
  return { totalMs, upstreamMs, gatewayMs, edgesMs: Math.max(0, totalMs - spanMs), betweenMs: spanMs - upstreamMs };
}
