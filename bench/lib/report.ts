import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
    };
    herd: { concurrent: number; upstreamRequests: number; singleRequestUpstreamRequests: number; medianMs?: number; maxMs?: number };
    mixed: {
      rps: number;
      p50Ms: number;
      p99Ms: number;
      hitRates: Record<string, number>;
      rssIdleMb: number;
      rssAfterMb: number;
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
