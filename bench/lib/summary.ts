import { markdownTable, type BenchResults } from './report';
import { fixed, type TargetCheck } from './targets';

const dash = (value: number | null | undefined, digits = 0) => (value == null ? '–' : fixed(value, digits));
const percent = (value: number | undefined) => (value === undefined ? '–' : `${fixed(value * 100, 1)} %`);

/** The run as people read it: a throughput table, the scenarios against their targets, and how it was measured. */
export function renderSummary(results: BenchResults, checks: TargetCheck[]): string {
  const { cold, warm, responseCache, herd, mixed, listing } = results.scenarios;
  const settings = results.settings ?? {};
  const lines: string[] = [];
  lines.push(`# Bench results, ${results.when}`);
  lines.push('');
  const machine = results.machine;
  lines.push(
    `${results.cpus} CPUs${machine ? ` (${machine.cpuModel})` : ''}, Node ${results.node}, upstream latency L = ${results.upstreamLatencyMs} ms.` +
      (machine ? ` Load average ${machine.loadAverageAtStart.map((load) => fixed(load, 2)).join(' / ')} at the start, ${machine.loadAverageAtEnd.map((load) => fixed(load, 2)).join(' / ')} at the end. ${machine.note}` : ''),
  );
  lines.push('');
  lines.push(
    `## Throughput: medians of ${String(settings.rounds ?? '?')} alternated rounds of ${String(settings.durationSeconds ?? '?')} s at ${String(settings.connections ?? '?')} connections`,
  );
  lines.push('');
  const runs = results.throughputRuns ?? {};
  const ratioTo = (name: string) => (name === 'raw' || name === 'rawGet' ? undefined : name === 'cached' ? 'rawGet' : 'raw');
  lines.push(
    markdownTable(
      ['server', 'request', 'rps', 'ratio to raw', 'p50 ms', 'p99 ms', 'server CPU µs/request', 'server cores busy', 'load generator cores busy'],
      Object.entries(runs).map(([name, run]) => {
        const ceiling = ratioTo(name);
        const ratio = name === 'warm' ? warm.ratioToRaw : name === 'cached' ? responseCache.ratioToRaw : ceiling ? run.rps / (runs[ceiling]?.rps ?? Number.NaN) : 1;
        return [
          name === 'cached' ? `${run.server} (${percent(responseCache.hitShare)} HIT)` : run.server,
          run.request,
          fixed(run.rps, 0),
          fixed(ratio, ratio < 0.01 ? 4 : 3),
          fixed(run.p50Ms, 0),
          fixed(run.p99Ms, 0),
          dash(run.cpuMicrosPerRequest),
          dash(run.serverCoresBusy, 2),
          fixed(run.loadGeneratorCoresBusy, 2),
        ];
      }),
    ),
  );
  lines.push('');
  lines.push(
    'Ratios are taken round by round (each server against the raw run of the same round), then the median is reported. ' +
      'CPU is user + system time of the server process from /proc; "cores busy" is CPU time per second of load.',
  );
  lines.push('');
  lines.push('## Targets of issue 6');
  lines.push('');
  lines.push(markdownTable(['scenario', 'target', 'measured', 'holds'], checks.map((check) => [check.scenario, check.target, check.measured, check.holds ? 'yes' : '**no**'])));
  lines.push('');
  lines.push('## Details');
  lines.push('');
  lines.push(
    markdownTable(
      ['scenario', 'figures'],
      [
        [
          'cold',
          `${cold.upstreamRequests} upstream requests in ${cold.upstreamRoundTrips ?? '?'} dependent round trips; median ${fixed(cold.medianMs, 1)} ms over ${cold.samplesMs?.length ?? '?'} samples (${(cold.samplesMs ?? []).map((ms) => fixed(ms, 0)).join(', ')}); floor 3L = ${cold.floorMs} ms; ${dash(cold.cpuMicrosPerRequest)} µs gateway CPU per cold request (mean). Naive: ${cold.naiveUpstreamRequests} requests in ${cold.naiveUpstreamRoundTrips ?? '?'} round trips, median ${dash(cold.naiveMedianMs, 1)} ms, ${dash(cold.naiveCpuMicrosPerRequest)} µs CPU`,
        ],
        ['herd', `${herd.concurrent} concurrent cold requests: ${herd.upstreamRequests} upstream requests (one request alone: ${herd.singleRequestUpstreamRequests}); latency median ${dash(herd.medianMs)} ms, max ${dash(herd.maxMs)} ms`],
        [
          'mixed',
          `${dash(mixed.articles)} articles, Zipf s = ${dash(mixed.zipfExponent, 2)}, ${dash(mixed.connections)} connections, ${dash(mixed.durationSeconds)} s: ${fixed(mixed.rps, 0)} rps, p50 ${mixed.p50Ms} ms, p99 ${mixed.p99Ms} ms; hit rates ${Object.entries(mixed.hitRates)
            .map(([tier, rate]) => `${tier} ${percent(rate)}`)
            .join(', ')}; ${dash(mixed.upstreamRequestsPerSecond, 1)} upstream requests/s; RSS idle ${fixed(mixed.rssIdleMb, 0)} MB, after ${fixed(mixed.rssAfterMb, 0)} MB (V8 heap used ${dash(mixed.heapUsedIdleMb)} → ${dash(mixed.heapUsedAfterMb)} MB, heap reserved after ${dash(mixed.heapTotalAfterMb)} MB); gateway ${dash(mixed.gatewayCpuMicrosPerRequest)} µs CPU/request, cores busy: gateway ${dash(mixed.gatewayCoresBusy, 2)}, fake WordPress ${dash(mixed.upstreamCoresBusy, 2)}, load generator ${dash(mixed.loadGeneratorCoresBusy, 2)}`,
        ],
        ['listing', listing.first.map((first, index) => `first ${first}: ${listing.upstreamRequests[index]} upstream requests (naive ${listing.naiveUpstreamRequests?.[index] ?? '?'})`).join('; ')],
      ],
    ),
  );
  lines.push('');
  return lines.join('\n');
}
