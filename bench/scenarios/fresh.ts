import { performance } from 'node:perf_hooks';
import { assertSameData, type BenchContext } from '../lib/benchContext';
import { assertAnswered, graphql } from '../lib/gateway';
import { POST_HEADERS } from '../lib/operations';
import type { BenchResults } from '../lib/report';
import { median, round } from '../lib/stats';

/** /readyz is polled this often, so the first page follows readiness closely rather than up to 100 ms later. */
const READY_POLL_MS = 5;

/**
 * Fresh instance: what the first reader of a newly deployed gateway waits. Each sample starts a new
 * gateway process, waits until /readyz answers 200, and at once sends the reference ArticlePage (every
 * cache of a new process is empty; REST-root discovery and V8's compiling of the hot code are whatever
 * the gateway has not done at start-up). Compared with the median cold page of the long-running, warmed
 * instance of the cold scenario in the same run.
 */
export async function measureFresh(context: BenchContext, warmedColdMedianMs: number): Promise<NonNullable<BenchResults['scenarios']['fresh']>> {
  const { settings, operations, wordpress } = context;
  const samples: { ms: number; upstreamRequests: number; readyMs: number }[] = [];
  for (let sample = 0; sample < settings.freshSamples; sample++) {
    await wordpress.settle(2 * settings.upstreamLatencyMs + 50);
    await wordpress.reset();
    const gateway = await context.startGateway(`gateway (fresh ${sample + 1})`, { readyPath: '/readyz', pollMs: READY_POLL_MS });
    try {
      const started = performance.now();
      const answer = await graphql(`${gateway.url}/graphql`, { headers: POST_HEADERS, body: operations.articlePageBody(context.referenceSlug) });
      const ms = performance.now() - started;
      assertAnswered(`${gateway.name} first page`, answer);
      assertSameData(`${gateway.name} first page`, answer.body.data, context.referenceData);
      samples.push({ ms, upstreamRequests: await wordpress.count(), readyMs: gateway.startupMs });
    } finally {
      await gateway.stop();
    }
  }
  const firstPageMs = round(median(samples.map((sample) => sample.ms)), 1);
  return {
    firstPageMs,
    samplesMs: samples.map((sample) => round(sample.ms, 1)),
    warmedColdMedianMs,
    ratioToWarmed: round(firstPageMs / warmedColdMedianMs, 2),
    upstreamRequests: median(samples.map((sample) => sample.upstreamRequests)),
    readyMs: round(median(samples.map((sample) => sample.readyMs)), 0),
  };
}
