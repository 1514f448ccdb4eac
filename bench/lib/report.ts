import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bench's contract: these names are read by people and scripts comparing runs. Keep them. */
export interface BenchResults {
  when: string;
  node: string;
  cpus: number;
  upstreamLatencyMs: number;
  scenarios: {
    cold: { upstreamRequests: number; naiveUpstreamRequests: number; medianMs: number; floorMs: number };
    warm: { rps: number; rawRps: number; ratioToRaw: number; cpuMicrosPerRequest: number | null; rawCpuMicrosPerRequest?: number | null; naiveRps?: number };
    responseCache: { rps: number; rawRps: number; ratioToRaw: number; cpuMicrosPerRequest?: number | null };
    herd: { concurrent: number; upstreamRequests: number; singleRequestUpstreamRequests: number };
    mixed: { rps: number; p50Ms: number; p99Ms: number; hitRates: Record<string, number>; rssIdleMb: number; rssAfterMb: number; upstreamRequestsPerSecond?: number };
    listing: { first: number[] | number; upstreamRequests: number[] | number };
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
