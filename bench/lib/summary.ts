import { markdownTable, type BenchResults, type GcRun } from './report';
import { fixed, type TargetCheck } from './targets';

const dash = (value: number | null | undefined, digits = 0) => (value == null || !Number.isFinite(value) ? '–' : fixed(value, digits));
const percent = (value: number | undefined) => (value === undefined ? '–' : `${fixed(value * 100, 1)} %`);
const ratio = (value: number | null | undefined) => (value == null ? '–' : fixed(value, value < 0.01 ? 4 : value < 10 ? 2 : 1));

function targetsTable(checks: TargetCheck[]): string {
  return markdownTable(['scenario', 'target', 'measured', 'holds'], checks.map((check) => [check.scenario, check.target, check.measured, check.holds ? 'yes' : '**no**']));
}

function gcTable(runs: GcRun[]): string {
  return markdownTable(
    ['server', 'load', 'rps', 'scavenges', 'promoted KB/scavenge, median', 'max', 'scavenge pause ms, median', 'max', 'full GCs', 'KB allocated/request', 'CPU µs/request'],
    runs.map((run) => [
      run.server,
      run.request,
      fixed(run.rps, 0),
      run.scavenges,
      dash(run.promotedKbMedian, 1),
      dash(run.promotedKbMax, 1),
      dash(run.pauseMsMedian, 2),
      dash(run.pauseMsMax, 2),
      run.markCompacts,
      dash(run.allocatedKbPerRequest, 1),
      dash(run.cpuMicrosPerRequest),
    ]),
  );
}

/** The run as people read it: a throughput table, the scenarios against their targets, and how it was measured. */
export function renderSummary(results: BenchResults, checks: TargetCheck[]): string {
  const { cold, responseCache, herd, mixed, listing, gc, fresh } = results.scenarios;
  const settings = results.settings ?? {};
  const lines: string[] = [];
  lines.push(`# Bench results, ${results.when}`);
  lines.push('');
  const machine = results.machine;
  lines.push(
    `${results.cpus} CPUs${machine ? ` (${machine.cpuModel})` : ''}, Node ${results.node}, upstream latency L = ${results.upstreamLatencyMs} ms.` +
      (machine ? ` Load average ${machine.loadAverageAtStart.map((load) => fixed(load, 2)).join(' / ')} at the start, ${machine.loadAverageAtEnd.map((load) => fixed(load, 2)).join(' / ')} at the end. ${machine.note}` : ''),
  );
  const harness = results.harness;
  if (harness) {
    lines.push('');
    lines.push(
      `Load generator: ${harness.loadGenerator}${harness.loadGenerator === 'wrk' ? ` (${harness.loadGeneratorThreads} thread${harness.loadGeneratorThreads > 1 ? 's' : ''})` : ' (in the bench process)'}; ` +
        (harness.serverCpus
          ? `servers under test pinned to CPU ${harness.serverCpus}, the load generator, the fake WordPress and the bench to CPU ${harness.loadGeneratorCpus ?? '?'}.`
          : 'nothing pinned.'),
    );
  }
  lines.push('');
  lines.push(
    `## Throughput: medians of ${String(settings.rounds ?? '?')} alternated rounds of ${String(settings.durationSeconds ?? '?')} s at ${String(settings.connections ?? '?')} connections`,
  );
  lines.push('');
  const runs = results.throughputRuns ?? {};
  lines.push(
    markdownTable(
      ['server', 'request', 'rps', 'rps × raw', 'p50 ms', 'p99 ms', 'CPU µs/request', 'CPU × raw', 'CPU × Apollo', 'CPU × mercurius', 'server cores busy', 'load generator cores busy'],
      Object.entries(runs).map(([name, run]) => [
        name === 'cached' || name === 'cachedPost' ? `${run.server} (${percent(name === 'cached' ? responseCache.hitShare : responseCache.post?.hitShare)} HIT)` : run.server,
        run.request,
        fixed(run.rps, 0),
        ratio(run.rpsRatioToRaw ?? (name === 'raw' || name === 'rawGet' ? 1 : null)),
        dash(run.p50Ms, 2),
        dash(run.p99Ms, 2),
        dash(run.cpuMicrosPerRequest),
        ratio(run.cpuRatios?.raw),
        ratio(run.cpuRatios?.apollo),
        ratio(run.cpuRatios?.mercurius),
        dash(run.serverCoresBusy, 2),
        fixed(run.loadGeneratorCoresBusy, 2),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    'Ratios are taken round by round (each server against the other\'s run of the same round), then the median is reported; "× raw" is against raw loaded with the same request (POST or GET). ' +
      'CPU is user + system time of the server process from /proc; "cores busy" is CPU time per second of load. ' +
      'Every server answered the same `data` as the gateway before timing; every timed answer was a 2xx without GraphQL errors, and every response-cache answer an X-Cache: HIT.',
  );
  lines.push('');
  lines.push('## Targets of issue 12');
  lines.push('');
  lines.push(targetsTable(checks.filter((check) => check.issue === 12)));
  lines.push('');
  lines.push('## Target of issue 11 (start-up)');
  lines.push('');
  lines.push(targetsTable(checks.filter((check) => check.issue === 11)));
  lines.push('');
  lines.push('## Targets of issue 6');
  lines.push('');
  lines.push(targetsTable(checks.filter((check) => check.issue === 6)));
  lines.push('');
  if (gc) {
    lines.push(`## GC under load: V8's trace over ${String(settings.gcSeconds ?? '?')} s of load per server`);
    lines.push('');
    lines.push(gcTable([gc.gatewayHealthz, gc.rawHealthz, gc.gatewayWarm]));
    lines.push('');
  }
  lines.push('## Details');
  lines.push('');
  const rails = cold.railSizes;
  lines.push(
    markdownTable(
      ['scenario', 'figures'],
      [
        [
          'cold',
          `${cold.upstreamRequests} upstream requests in ${cold.upstreamRoundTrips ?? '?'} dependent round trips; median ${fixed(cold.medianMs, 1)} ms over ${cold.samplesMs?.length ?? '?'} samples (${(cold.samplesMs ?? []).map((ms) => fixed(ms, 0)).join(', ')}); floor 3L = ${cold.floorMs} ms; ` +
            `critical path: upstream ${dash(cold.upstreamCriticalPathMs, 1)} ms, the gateway's own ${dash(cold.gatewayCriticalPathMs, 1)} ms (samples ${(cold.gatewayCriticalPathSamplesMs ?? []).map((ms) => fixed(ms, 1)).join(', ')}); ` +
            `${dash(cold.cpuMicrosPerRequest)} µs gateway CPU per cold request (mean). ` +
            (rails ? `Rail sizes ${rails.first.join(', ')}: ${rails.upstreamRequests.join(', ')} upstream requests (naive ${rails.naiveUpstreamRequests.join(', ')}). ` : '') +
            `Naive: ${cold.naiveUpstreamRequests} requests in ${cold.naiveUpstreamRoundTrips ?? '?'} round trips, median ${dash(cold.naiveMedianMs, 1)} ms, ${dash(cold.naiveCpuMicrosPerRequest)} µs CPU`,
        ],
        ...(fresh
          ? [
              [
                'fresh',
                `${fresh.samplesMs.length} fresh gateways, first ArticlePage right after /readyz said ready: median ${fixed(fresh.firstPageMs, 1)} ms (${fresh.samplesMs.map((ms) => fixed(ms, 0)).join(', ')}), ${fresh.upstreamRequests} WordPress requests from start to that answer; ready ${fresh.readyMs} ms after spawning; warmed instance's cold median ${fixed(fresh.warmedColdMedianMs, 1)} ms`,
              ],
            ]
          : []),
        ['herd', `${herd.concurrent} concurrent cold requests: ${herd.upstreamRequests} upstream requests (one request alone: ${herd.singleRequestUpstreamRequests}); latency median ${dash(herd.medianMs)} ms, max ${dash(herd.maxMs)} ms`],
        [
          'mixed',
          `${dash(mixed.articles)} articles, Zipf s = ${dash(mixed.zipfExponent, 2)}, ${dash(mixed.connections)} connections, ${dash(mixed.durationSeconds)} s: ${fixed(mixed.rps, 0)} rps, p50 ${dash(mixed.p50Ms, 2)} ms, p99 ${dash(mixed.p99Ms, 2)} ms; hit rates ${Object.entries(mixed.hitRates)
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
