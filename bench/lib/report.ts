import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GcFigures } from './gcTrace';

/** One server's timed load runs (alternated rounds), summarised by medians. */
export interface ServerRuns {
  /** Who answered and what was asked, for people reading the table. */
  server: string;
  request: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerRequest: number | null;
  /** Server CPU per second of load (1 = one core busy). */
  serverCoresBusy: number | null;
  /** The load generator's own CPU per second of load. */
  loadGeneratorCoresBusy: number;
  /** Requests per second of each round, in round order. */
  roundsRps: number[];
  /** Server CPU per request of each round, in round order. */
  roundsCpuMicrosPerRequest?: (number | null)[];
  /**
   * CPU per request against each peer's, taken round by round, then the median: `raw` is raw loaded with
   * the same request (POST or GET), `apollo` and `mercurius` the precomputed-tree peers (POST).
   */
  cpuRatios?: { raw: number | null; apollo: number | null; mercurius: number | null };
  /** Requests per second against raw's for the same request, round by round, then the median. */
  rpsRatioToRaw?: number | null;
}

/** One load run of the GC scenario, with V8's GC trace over it. */
export interface GcRun extends GcFigures {
  server: string;
  request: string;
  rps: number;
  requests: number;
  cpuMicrosPerRequest: number | null;
}

/**
 * The bench's contract: these names are read by people and scripts comparing runs. Keep them. Fields
 * marked optional are extras that explain the contract's figures.
 */
export interface BenchResults {
  when: string;
  node: string;
  cpus: number;
  upstreamLatencyMs: number;
  machine?: { cpuModel: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; note: string };
  settings?: Record<string, unknown>;
  /** How load was made: wrk (pinned to its CPUs) or autocannon (in the bench's process), and where servers ran. */
  harness?: { loadGenerator: string; loadGeneratorThreads: number; serverCpus: string | null; loadGeneratorCpus: string | null };
  /** The throughput rounds, per server (raw, warm, rawGet, cached, naive): medians over the rounds. */
  throughputRuns?: Record<string, ServerRuns>;
  scenarios: {
    cold: {
      upstreamRequests: number;
      naiveUpstreamRequests: number;
      medianMs: number;
      floorMs: number;
      samplesMs?: number[];
      /** Dependent upstream round trips of one cold request, from the fake's arrival times. */
      upstreamRoundTrips?: number | null;
      /** Server CPU per cold request: a mean, since /proc counts in 10 ms ticks. */
      cpuMicrosPerRequest?: number;
      naiveMedianMs?: number;
      naiveUpstreamRoundTrips?: number | null;
      naiveCpuMicrosPerRequest?: number;
      /**
       * The gateway's own share of the critical path of a cold page (median over the samples): the
       * client's time minus the time in which some upstream request was being served (see stats.ts
       * criticalPath); with the upstream's share and how the gateway's splits.
       */
      gatewayCriticalPathMs?: number;
      upstreamCriticalPathMs?: number;
      gatewayCriticalPathSamplesMs?: number[];
      /** Of the gateway's share: before the first and after the last upstream request, and between round trips. */
      gatewayEdgesMs?: number;
      gatewayBetweenRoundTripsMs?: number;
      /** Upstream requests of one cold ArticlePage per rail size (`relatedStories(first: N)`), in the same order. */
      railSizes?: { first: number[]; upstreamRequests: number[]; naiveUpstreamRequests: number[] };
    };
    warm: {
      rps: number;
      rawRps: number;
      ratioToRaw: number;
      cpuMicrosPerRequest: number | null;
      rawCpuMicrosPerRequest?: number | null;
      p50Ms?: number;
      p99Ms?: number;
      naiveRps?: number;
      naiveCpuMicrosPerRequest?: number | null;
      /** p99 over p50, per round, then the median. */
      p99ToP50?: number | null;
      apolloRps?: number;
      apolloCpuMicrosPerRequest?: number | null;
      mercuriusRps?: number;
      mercuriusCpuMicrosPerRequest?: number | null;
      /** CPU per request against each peer's (see ServerRuns.cpuRatios). */
      cpuRatioToRaw?: number | null;
      cpuRatioToApollo?: number | null;
      cpuRatioToMercurius?: number | null;
    };
    responseCache: {
      rps: number;
      rawRps: number;
      ratioToRaw: number;
      cpuMicrosPerRequest?: number | null;
      rawCpuMicrosPerRequest?: number | null;
      p50Ms?: number;
      p99Ms?: number;
      /** Share of the timed answers that carried `X-Cache: HIT`. */
      hitShare?: number;
      /** CPU per request against raw's for the same GET, round by round, then the median. */
      cpuRatioToRaw?: number | null;
      /** The same hit, asked by POST (the ArticlePage text), against raw's POST. */
      post?: {
        rps: number;
        rawRps: number;
        ratioToRaw: number;
        cpuMicrosPerRequest: number | null;
        rawCpuMicrosPerRequest: number | null;
        cpuRatioToRaw: number | null;
        p50Ms: number;
        p99Ms: number;
        hitShare: number;
      };
    };
    herd: { concurrent: number; upstreamRequests: number; singleRequestUpstreamRequests: number; medianMs?: number; maxMs?: number };
    mixed: {
      rps: number;
      p50Ms: number;
      p99Ms: number;
      hitRates: Record<string, number>;
      rssIdleMb: number;
      rssAfterMb: number;
      rssAfterToIdle?: number;
      upstreamRequestsPerSecond?: number;
      articles?: number;
      connections?: number;
      durationSeconds?: number;
      zipfExponent?: number;
      gatewayCpuMicrosPerRequest?: number | null;
      gatewayCoresBusy?: number | null;
      /** The fake WordPress's CPU per second of load: past ~1 core it, not the gateway, sets the pace. */
      upstreamCoresBusy?: number;
      loadGeneratorCoresBusy?: number;
      /** V8 heap (from the gateway's /metrics): live objects idle and after, and the heap reserved after. */
      heapUsedIdleMb?: number;
      heapUsedAfterMb?: number;
      heapTotalAfterMb?: number;
    };
    /** Page sizes and the upstream requests of one cold listing of each, in the same order. */
    listing: { first: number[]; upstreamRequests: number[]; naiveUpstreamRequests?: number[] };
    /**
     * Young-generation GC under load, from V8's trace (`--trace-gc --trace-gc-nvp`): the gateway and raw
     * node:http on /healthz (no GraphQL work at all), and the gateway on warm ArticlePage.
     */
    gc?: { gatewayHealthz: GcRun; rawHealthz: GcRun; gatewayWarm: GcRun };
    /**
     * A freshly started gateway's first cold ArticlePage (sent as soon as /readyz answers 200) against the
     * median cold page of a long-running, warmed instance in the same run.
     */
    fresh?: {
      firstPageMs: number;
      samplesMs: number[];
      warmedColdMedianMs: number;
      ratioToWarmed: number;
      /** WordPress requests of the first page (REST-root discovery included, when it is not done at start-up). */
      upstreamRequests: number;
      /** From spawning the process to /readyz answering 200. */
      readyMs: number;
    };
    /** `npm start` on an unchanged checkout (dist/ fresh, demo content): from spawning npm to the first ArticlePage answer. */
    startup?: { answeredMs: number; samplesMs: number[] };
  };
}

export function writeResults(directory: string, results: BenchResults, markdown: string): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(directory, 'latest.md'), markdown);
}

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
