import { performance } from 'node:perf_hooks';
import { articleAndRailIds, assertSameData, type BenchContext } from '../lib/benchContext';
import type { ChildServer } from '../lib/childServer';
import { assertAnswered, graphql, type GatewayProcess } from '../lib/gateway';
import { assertCleanLoad } from '../lib/loadResult';
import { POST_HEADERS } from '../lib/operations';
import type { BenchResults } from '../lib/report';
import { type CriticalPath, criticalPath, dependentRoundTrips, mean, median, round } from '../lib/stats';

/** One cold ArticlePage request, timed at the client, with the upstream requests it caused. */
export interface ColdSample {
  ms: number;
  /** Server CPU time spent on the request (10 ms granularity in /proc: meaningful as a median of many). */
  cpuMicros: number;
  upstreamRequests: number;
  roundTrips: number | null;
  /** The request's time split between upstream work and the server's own (see stats.ts criticalPath). */
  path: CriticalPath;
  xCache: string | null;
}

/**
 * Empties every cache entry the reference ArticlePage touches, through the purge webhook a CMS calls on
 * publish: the article (by id and slug), its rail's posts, and every author and topic of the newsroom. A
 * purged post also loses its cached rail, and every cached response showing any of them goes too.
 */
export async function purgeReferenceArticle(context: BenchContext, gateway: GatewayProcess, data: unknown = context.referenceData): Promise<void> {
  const { articleId, railIds } = articleAndRailIds(data);
  await gateway.purge([
    { type: 'post', id: articleId, slug: context.referenceSlug },
    ...railIds.map((id) => ({ type: 'post' as const, id })),
    ...context.wordpress.content.authorIds.map((id) => ({ type: 'author' as const, id })),
    ...context.wordpress.content.topicIds.map((id) => ({ type: 'topic' as const, id })),
  ]);
}

/**
 * Sends the reference ArticlePage (or `request.body`) once, after `prepare`, checks the answer against
 * `request.expected` (the reference data when absent; null: any data, the answer being the reference of
 * a sample to come), and counts what reached WordPress.
 */
export async function coldSample(
  context: BenchContext,
  server: ChildServer,
  prepare: () => Promise<void>,
  request: { body?: string; expected?: unknown } = {},
): Promise<ColdSample & { data: unknown }> {
  await prepare();
  await context.wordpress.reset();
  const cpuBefore = server.cpuMicros();
  const started = performance.now();
  const answer = await graphql(`${server.url}/graphql`, { headers: POST_HEADERS, body: request.body ?? context.operations.articlePageBody(context.referenceSlug) });
  const ms = performance.now() - started;
  const cpuMicros = server.cpuMicros() - cpuBefore;
  assertAnswered(`${server.name} (cold)`, answer);
  if (request.expected !== null) assertSameData(`${server.name} (cold)`, answer.body.data, request.expected ?? context.referenceData);
  const requests = await context.wordpress.requests();
  const unanswered = requests.filter((upstream) => upstream.answeredAtMs === null);
  if (unanswered.length > 0) throw new Error(`${server.name} (cold): ${unanswered.length} WordPress requests were still unanswered after the page was`);
  return {
    ms,
    cpuMicros,
    upstreamRequests: requests.length,
    roundTrips: dependentRoundTrips(
      requests.map((upstream) => upstream.receivedAtMs),
      context.settings.upstreamLatencyMs,
    ),
    path: criticalPath(
      ms,
      requests.map((upstream) => ({ fromMs: upstream.receivedAtMs, toMs: upstream.answeredAtMs as number })),
    ),
    xCache: answer.headers.get('x-cache'),
    data: answer.body.data,
  };
}

/**
 * Cold: the reference ArticlePage with empty caches, one request at a time. The gateway is a long-running
 * process whose JIT has been warmed on other articles (a fresh process would time V8's compiler, not the
 * gateway); before each sample, every entry the page touches is purged through the webhook, so each sample
 * finds empty caches. The naive server has no cache: every request of it is cold.
 */
export async function measureCold(context: BenchContext, gateway: GatewayProcess): Promise<BenchResults['scenarios']['cold']> {
  const { settings, operations, wordpress } = context;
  const others = wordpress.content.slugs.filter((slug) => slug !== context.referenceSlug).slice(0, 200);
  context.log(`cold: warming ${gateway.name}'s JIT on ${others.length} other articles for ${settings.warmupSeconds} s`);
  if (settings.warmupSeconds > 0) {
    assertCleanLoad(
      `${gateway.name} warm-up`,
      await context.runLoad({
        url: `${gateway.url}/graphql`,
        connections: 10,
        durationSeconds: settings.warmupSeconds,
        bodies: { list: others.map((slug) => operations.articlePageBody(slug)), sequence: others.map((_, index) => index) },
      }),
      { warmUp: true },
    );
    // Requests still in flight when the load stopped must not be counted in the first sample.
    await wordpress.settle(10 * settings.upstreamLatencyMs + 100);
  }

  const gatewaySamples: ColdSample[] = [];
  const naiveSamples: ColdSample[] = [];
  for (let sample = 0; sample < settings.coldSamples; sample++) {
    gatewaySamples.push(await coldSample(context, gateway, () => purgeReferenceArticle(context, gateway)));
    naiveSamples.push(await coldSample(context, context.naive, async () => undefined));
  }
  const notCold = gatewaySamples.filter((sample) => sample.xCache !== 'MISS');
  if (notCold.length > 0) throw new Error(`cold: ${notCold.length} samples were not response-cache misses; the purge did not empty the caches`);
  const counts = new Set(gatewaySamples.map((sample) => sample.upstreamRequests));
  if (counts.size > 1) context.log(`cold: the gateway's upstream requests varied between samples: ${[...counts].join(', ')}`);

  const railSizes = await measureRailSizes(context, gateway);
  const roundTrips = (samples: ColdSample[]) => {
    const known = samples.map((sample) => sample.roundTrips).filter((trips): trips is number => trips !== null);
    return known.length > 0 ? median(known) : null;
  };
  return {
    upstreamRequests: median(gatewaySamples.map((sample) => sample.upstreamRequests)),
    naiveUpstreamRequests: median(naiveSamples.map((sample) => sample.upstreamRequests)),
    medianMs: round(median(gatewaySamples.map((sample) => sample.ms)), 1),
    floorMs: 3 * settings.upstreamLatencyMs,
    samplesMs: gatewaySamples.map((sample) => round(sample.ms, 1)),
    upstreamRoundTrips: roundTrips(gatewaySamples),
    cpuMicrosPerRequest: round(mean(gatewaySamples.map((sample) => sample.cpuMicros)), 0),
    naiveMedianMs: round(median(naiveSamples.map((sample) => sample.ms)), 1),
    naiveCpuMicrosPerRequest: round(mean(naiveSamples.map((sample) => sample.cpuMicros)), 0),
    naiveUpstreamRoundTrips: roundTrips(naiveSamples),
    gatewayCriticalPathMs: round(median(gatewaySamples.map((sample) => sample.path.gatewayMs)), 1),
    upstreamCriticalPathMs: round(median(gatewaySamples.map((sample) => sample.path.upstreamMs)), 1),
    gatewayCriticalPathSamplesMs: gatewaySamples.map((sample) => round(sample.path.gatewayMs, 1)),
    gatewayEdgesMs: round(median(gatewaySamples.map((sample) => sample.path.edgesMs)), 1),
    gatewayBetweenRoundTripsMs: round(median(gatewaySamples.map((sample) => sample.path.betweenMs)), 1),
    railSizes,
  };
}

/**
 * ArticlePage with other rail sizes (`relatedStories(first: N)`), cold, gateway and naive: the gateway's
 * upstream requests should not grow with the rail (the rail's posts come in one batch). Before each
 * gateway sample the article and that rail's posts are purged, as for the reference page.
 */
async function measureRailSizes(context: BenchContext, gateway: GatewayProcess): Promise<NonNullable<BenchResults['scenarios']['cold']['railSizes']>> {
  const upstreamRequests: number[] = [];
  const naiveUpstreamRequests: number[] = [];
  for (const first of context.settings.railFirst) {
    const body = context.operations.articlePageBody(context.referenceSlug, { railFirst: first });
    const naive = await coldSample(context, context.naive, async () => undefined, { body, expected: null });
    const sample = await coldSample(context, gateway, () => purgeReferenceArticle(context, gateway, naive.data), { body, expected: naive.data });
    if (sample.xCache !== 'MISS') throw new Error(`cold: the rail-of-${first} sample was not a response-cache miss; the purge did not empty the caches`);
    upstreamRequests.push(sample.upstreamRequests);
    naiveUpstreamRequests.push(naive.upstreamRequests);
    context.log(`cold: rail of ${first}: ${sample.upstreamRequests} upstream requests (naive ${naive.upstreamRequests})`);
  }
  return { first: context.settings.railFirst, upstreamRequests, naiveUpstreamRequests };
}
