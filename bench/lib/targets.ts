import type { BenchResults } from './report';

/** One target of an issue against what this run measured. */
export interface TargetCheck {
  /** The issue that set it: 6 (the first performance round) or 12 (the second). */
  issue: 6 | 11 | 12;
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

/** Issue 11's target: `npm start` on an unchanged checkout answers within this. */
export const STARTUP_MAX_MS = 3000;

/** Issue 12's targets. */
export const ROUND_TWO = {
  warmMaxCpuToApollo: 0.75,
  warmMaxP99ToP50: 5,
  hitPostMaxCpuToRaw: 2.0,
  hitGetMaxCpuToRawGet: 1.3,
  healthzMaxPromotedKb: 100,
  mixedMaxRssGrowth: 1.5,
  coldMaxGatewayMs: 5,
  freshMaxToWarmed: 1.3,
} as const;

const known = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);
const shown = (value: number | null | undefined, digits: number) => (known(value) ? fixed(value, digits) : '–');

/** The issues' targets, checked against the figures of a run: issue 12's first, then issue 6's. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  return [...checkRoundTwo(results), ...checkStartup(results), ...checkRoundOne(results)];
}

function checkRoundTwo(results: BenchResults): TargetCheck[] {
  const { cold, warm, responseCache, mixed, gc, fresh } = results.scenarios;
  const post = responseCache.post;
  const rails = cold.railSizes;
  const p99ToP50 = warm.p99ToP50;
  const healthz = gc?.gatewayHealthz;
  const rssGrowth = mixed.rssAfterMb / mixed.rssIdleMb;
  return [
    {
      issue: 12,
      scenario: 'warm',
      target: `CPU/request ≤ ${ROUND_TWO.warmMaxCpuToApollo} × plain Apollo's over the precomputed tree`,
      measured: `${shown(warm.cpuRatioToApollo, 2)} × (${shown(warm.cpuMicrosPerRequest, 0)} vs ${shown(warm.apolloCpuMicrosPerRequest, 0)} µs); mercurius ${shown(warm.mercuriusCpuMicrosPerRequest, 0)} µs (${shown(warm.cpuRatioToMercurius, 2)} ×)`,
      holds: known(warm.cpuRatioToApollo) && warm.cpuRatioToApollo <= ROUND_TWO.warmMaxCpuToApollo,
    },
    {
      issue: 12,
      scenario: 'warm',
      target: `p99 ≤ ${ROUND_TWO.warmMaxP99ToP50} × p50`,
      measured: `${shown(p99ToP50, 2)} × (p50 ${shown(warm.p50Ms, 2)} ms, p99 ${shown(warm.p99Ms, 2)} ms)`,
      holds: known(p99ToP50) && p99ToP50 <= ROUND_TWO.warmMaxP99ToP50,
    },
    {
      issue: 12,
      scenario: 'responseCache',
      target: `POST hit: CPU/request ≤ ${ROUND_TWO.hitPostMaxCpuToRaw} × raw's`,
      measured: post ? `${shown(post.cpuRatioToRaw, 2)} × (${shown(post.cpuMicrosPerRequest, 0)} vs ${shown(post.rawCpuMicrosPerRequest, 0)} µs)` : '–',
      holds: known(post?.cpuRatioToRaw) && (post?.cpuRatioToRaw as number) <= ROUND_TWO.hitPostMaxCpuToRaw,
    },
    {
      issue: 12,
      scenario: 'responseCache',
      target: `GET hit: CPU/request ≤ ${ROUND_TWO.hitGetMaxCpuToRawGet} × raw GET's`,
      measured: `${shown(responseCache.cpuRatioToRaw, 2)} × (${shown(responseCache.cpuMicrosPerRequest, 0)} vs ${shown(responseCache.rawCpuMicrosPerRequest, 0)} µs)`,
      holds: known(responseCache.cpuRatioToRaw) && responseCache.cpuRatioToRaw <= ROUND_TWO.hitGetMaxCpuToRawGet,
    },
    {
      issue: 12,
      scenario: 'gc',
      target: `/healthz load: every scavenge promotes < ${ROUND_TWO.healthzMaxPromotedKb} KB`,
      measured: healthz
        ? `max ${shown(healthz.promotedKbMax, 1)} KB, median ${shown(healthz.promotedKbMedian, 1)} KB over ${healthz.scavenges} scavenges; pauses median ${shown(healthz.pauseMsMedian, 2)} ms, max ${shown(healthz.pauseMsMax, 2)} ms (raw: max ${shown(gc?.rawHealthz.promotedKbMax, 1)} KB, pauses max ${shown(gc?.rawHealthz.pauseMsMax, 2)} ms)`
        : '–',
      holds: healthz !== undefined && healthz.scavenges > 0 && known(healthz.promotedKbMax) && healthz.promotedKbMax < ROUND_TWO.healthzMaxPromotedKb,
    },
    {
      issue: 12,
      scenario: 'mixed',
      target: `RSS after ≤ ${ROUND_TWO.mixedMaxRssGrowth} × idle`,
      measured: `${fixed(mixed.rssIdleMb, 0)} → ${fixed(mixed.rssAfterMb, 0)} MB (${fixed(rssGrowth, 2)} ×)`,
      holds: rssGrowth <= ROUND_TWO.mixedMaxRssGrowth,
    },
    {
      issue: 12,
      scenario: 'cold',
      target: `the gateway's own share of the critical path ≤ ${ROUND_TWO.coldMaxGatewayMs} ms`,
      measured: `${shown(cold.gatewayCriticalPathMs, 1)} ms of ${fixed(cold.medianMs, 1)} ms (upstream ${shown(cold.upstreamCriticalPathMs, 1)} ms; gateway before/after upstream ${shown(cold.gatewayEdgesMs, 1)} ms, between round trips ${shown(cold.gatewayBetweenRoundTripsMs, 1)} ms)`,
      holds: known(cold.gatewayCriticalPathMs) && cold.gatewayCriticalPathMs <= ROUND_TWO.coldMaxGatewayMs,
    },
    {
      issue: 12,
      scenario: 'cold',
      target: `≤ ${COLD_MAX_UPSTREAM_REQUESTS} upstream requests, constant in rail size`,
      measured: `${cold.upstreamRequests}; ${rails ? rails.first.map((first, index) => `rail of ${first}: ${rails.upstreamRequests[index]} (naive ${rails.naiveUpstreamRequests[index]})`).join(', ') : 'rail sizes not measured'}`,
      holds: cold.upstreamRequests <= COLD_MAX_UPSTREAM_REQUESTS && rails !== undefined && rails.upstreamRequests.length > 0 && rails.upstreamRequests.every((count) => count === cold.upstreamRequests),
    },
    {
      issue: 12,
      scenario: 'fresh',
      target: `a fresh instance's first ArticlePage ≤ ${ROUND_TWO.freshMaxToWarmed} × a warmed instance's cold page`,
      measured: fresh ? `${fixed(fresh.ratioToWarmed, 2)} × (${fixed(fresh.firstPageMs, 1)} vs ${fixed(fresh.warmedColdMedianMs, 1)} ms; ${fresh.upstreamRequests} upstream requests)` : '–',
      holds: fresh !== undefined && fresh.ratioToWarmed <= ROUND_TWO.freshMaxToWarmed,
    },
  ];
}

function checkStartup(results: BenchResults): TargetCheck[] {
  const startup = results.scenarios.startup;
  return [
    {
      issue: 11,
      scenario: 'startup',
      target: `\`npm start\` on an unchanged checkout answers ArticlePage in < ${STARTUP_MAX_MS} ms`,
      measured: startup ? `median ${fixed(startup.answeredMs, 0)} ms (${startup.samplesMs.join(', ')})` : '–',
      holds: startup !== undefined && startup.answeredMs < STARTUP_MAX_MS,
    },
  ];
}

function checkRoundOne(results: BenchResults): TargetCheck[] {
  const { cold, warm, responseCache, herd, mixed, listing } = results.scenarios;
  return [
    {
      issue: 6,
      scenario: 'cold',
      target: `≤ ${COLD_MAX_UPSTREAM_REQUESTS} upstream requests (minimum 4)`,
      measured: `${cold.upstreamRequests} (naive: ${cold.naiveUpstreamRequests})`,
      holds: cold.upstreamRequests <= COLD_MAX_UPSTREAM_REQUESTS,
    },
    {
      issue: 6,
      scenario: 'cold',
      target: `median ≤ ${COLD_MAX_FLOOR_FACTOR} × 3L = ${fixed(cold.floorMs * COLD_MAX_FLOOR_FACTOR, 0)} ms`,
      measured: `${fixed(cold.medianMs, 1)} ms (${fixed(cold.medianMs / cold.floorMs, 2)} × 3L)${cold.upstreamRoundTrips != null ? `, ${cold.upstreamRoundTrips} dependent round trips` : ''}`,
      holds: cold.medianMs <= cold.floorMs * COLD_MAX_FLOOR_FACTOR,
    },
    {
      issue: 6,
      scenario: 'warm',
      target: `≥ ${WARM_MIN_RATIO} × raw`,
      measured: `${fixed(warm.ratioToRaw, 3)} × raw (${fixed(warm.rps, 0)} vs ${fixed(warm.rawRps, 0)} rps)`,
      holds: warm.ratioToRaw >= WARM_MIN_RATIO,
    },
    {
      issue: 6,
      scenario: 'responseCache',
      target: `≥ ${RESPONSE_CACHE_MIN_RATIO} × raw`,
      measured: `${fixed(responseCache.ratioToRaw, 3)} × raw (${fixed(responseCache.rps, 0)} vs ${fixed(responseCache.rawRps, 0)} rps)`,
      holds: responseCache.ratioToRaw >= RESPONSE_CACHE_MIN_RATIO,
    },
    {
      issue: 6,
      scenario: 'herd',
      target: 'upstream requests of one request',
      measured: `${herd.upstreamRequests} for ${herd.concurrent} concurrent (one request: ${herd.singleRequestUpstreamRequests})`,
      holds: herd.upstreamRequests <= herd.singleRequestUpstreamRequests,
    },
    {
      issue: 6,
      scenario: 'mixed',
      target: `RSS after ≤ ${MIXED_MAX_RSS_GROWTH} × idle`,
      measured: `${fixed(mixed.rssIdleMb, 0)} → ${fixed(mixed.rssAfterMb, 0)} MB (${fixed(mixed.rssAfterMb / mixed.rssIdleMb, 2)} ×)`,
      holds: mixed.rssAfterMb <= mixed.rssIdleMb * MIXED_MAX_RSS_GROWTH,
    },
    {
      issue: 6,
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
