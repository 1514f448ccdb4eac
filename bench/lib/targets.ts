import type { BenchResults } from './report';

/** One target of issue 6 against what this run measured. */
export interface TargetCheck {
  scenario: string;
  target: string;
  measured: string;
  holds: boolean;
}

const COLD_MAX_UPSTREAM_REQUESTS = 6;
const COLD_MAX_FLOOR_FACTOR = 1.1;
const WARM_MIN_RATIO = 0.09;
const RESPONSE_CACHE_MIN_RATIO = 0.5;
const MIXED_MAX_RSS_GROWTH = 2;

/** The issue's targets, checked against the figures of a run. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const { cold, warm, responseCache, herd, mixed, listing } = results.scenarios;
  return [
    {
      scenario: 'cold',
      target: `≤ ${COLD_MAX_UPSTREAM_REQUESTS} upstream requests (minimum 4)`,
      measured: `${cold.upstreamRequests} (naive: ${cold.naiveUpstreamRequests})`,
      holds: cold.upstreamRequests <= COLD_MAX_UPSTREAM_REQUESTS,
    },
    {
      scenario: 'cold',
      target: `median ≤ ${COLD_MAX_FLOOR_FACTOR} × 3L = ${fixed(cold.floorMs * COLD_MAX_FLOOR_FACTOR, 0)} ms`,
      measured: `${fixed(cold.medianMs, 1)} ms (${fixed(cold.medianMs / cold.floorMs, 2)} × 3L)${cold.upstreamRoundTrips != null ? `, ${cold.upstreamRoundTrips} dependent round trips` : ''}`,
      holds: cold.medianMs <= cold.floorMs * COLD_MAX_FLOOR_FACTOR,
    },
    {
      scenario: 'warm',
      target: `≥ ${WARM_MIN_RATIO} × raw`,
      measured: `${fixed(warm.ratioToRaw, 3)} × raw (${fixed(warm.rps, 0)} vs ${fixed(warm.rawRps, 0)} rps)`,
      holds: warm.ratioToRaw >= WARM_MIN_RATIO,
    },
    {
      scenario: 'responseCache',
      target: `≥ ${RESPONSE_CACHE_MIN_RATIO} × raw`,
      measured: `${fixed(responseCache.ratioToRaw, 3)} × raw (${fixed(responseCache.rps, 0)} vs ${fixed(responseCache.rawRps, 0)} rps)`,
      holds: responseCache.ratioToRaw >= RESPONSE_CACHE_MIN_RATIO,
    },
    {
      scenario: 'herd',
      target: 'upstream requests of one request',
      measured: `${herd.upstreamRequests} for ${herd.concurrent} concurrent (one request: ${herd.singleRequestUpstreamRequests})`,
      holds: herd.upstreamRequests <= herd.singleRequestUpstreamRequests,
    },
    {
      scenario: 'mixed',
      target: `RSS after ≤ ${MIXED_MAX_RSS_GROWTH} × idle`,
      measured: `${fixed(mixed.rssIdleMb, 0)} → ${fixed(mixed.rssAfterMb, 0)} MB (${fixed(mixed.rssAfterMb / mixed.rssIdleMb, 2)} ×)`,
      holds: mixed.rssAfterMb <= mixed.rssIdleMb * MIXED_MAX_RSS_GROWTH,
    },
    {
      scenario: 'listing',
      target: 'upstream requests constant in `first`',
      measured: listing.first.map((first, index) => `first ${first}: ${listing.upstreamRequests[index]}`).join(', '),
      holds: listing.upstreamRequests.length > 0 && listing.upstreamRequests.every((count) => count === listing.upstreamRequests[0]),
    },
  ];
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}
