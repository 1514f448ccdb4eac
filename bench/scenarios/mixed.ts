import type { BenchContext } from '../lib/benchContext';
import { assertCleanLoad } from '../lib/loadResult';
import { cacheHitRatesBetween, samplesOf } from '../lib/prometheus';
import type { BenchResults } from '../lib/report';
import { round } from '../lib/stats';
import { createRng, createZipfSampler, shuffled } from '../lib/zipf';

const POPULARITY_SEED = 0x6e657773;
const IDLE_SETTLE_MS = 1000;
/** Articles drawn in advance, used in turn: more than a mixed run sends on this machine. */
const DRAWS = 200_000;

/**
 * Mixed: a fresh gateway as users run it (response cache on), `mixedArticles` distinct articles with
 * Zipf popularity (which articles are popular is a seeded shuffle, not publication order), at upstream
 * latency L. Hit rates come from the gateway's own counters (`gateway_cache_lookups_total` by tier,
 * between two scrapes of /metrics) and from each answer's X-Cache header (the response-cache tier).
 */
export async function measureMixed(context: BenchContext): Promise<BenchResults['scenarios']['mixed']> {
  const { settings, operations, wordpress } = context;
  const slugs = wordpress.content.slugs.slice(0, settings.mixedArticles);
  if (slugs.length < settings.mixedArticles) throw new Error(`mixed: the fake WordPress has ${slugs.length} articles, ${settings.mixedArticles} are needed`);
  const byPopularity = shuffled(slugs, createRng(POPULARITY_SEED));
  const bodies = byPopularity.map((slug) => operations.articlePageBody(slug));
  const nextArticle = createZipfSampler(bodies.length, settings.zipfExponent, createRng(POPULARITY_SEED + 1));
  const sequence = Array.from({ length: DRAWS }, nextArticle);

  const gateway = await context.startGateway('gateway (mixed)');
  try {
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
    const rssIdleMb = gateway.rssMb();
    const metricsBefore = await gateway.metrics();
    await wordpress.reset();
    const upstreamCpuBefore = wordpress.process.cpuMicros();
    context.log(`mixed: ${bodies.length} articles, Zipf s = ${settings.zipfExponent}, ${settings.mixedConnections} connections, ${settings.mixedSeconds} s`);
    const result = assertCleanLoad(
      'mixed',
      await context.runLoad(
        {
          url: `${gateway.url}/graphql`,
          connections: settings.mixedConnections,
          durationSeconds: settings.mixedSeconds,
          bodies: { list: bodies, sequence },
        },
        gateway,
      ),
    );
    const rssAfterMb = gateway.rssMb();
    const upstreamRequests = await wordpress.count();
    const upstreamCoresBusy = (wordpress.process.cpuMicros() - upstreamCpuBefore) / (settings.mixedSeconds * 1e6);
    const metricsAfter = await gateway.metrics();

    // What V8 says it holds, next to RSS: live objects (used) against what it has reserved (total).
    const heapMb = (text: string, metric: string) => round((samplesOf(text, metric)[0]?.value ?? Number.NaN) / 2 ** 20, 1);
    const hits = result.xCache.HIT ?? 0;
    const misses = result.xCache.MISS ?? 0;
    const hitRates: Record<string, number> = { response: hits / Math.max(hits + misses, 1) };
    for (const [tier, rate] of Object.entries(cacheHitRatesBetween(metricsBefore, metricsAfter))) hitRates[`entity:${tier}`] = rate;
    return {
      rps: result.rps,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      hitRates: Object.fromEntries(Object.entries(hitRates).map(([tier, rate]) => [tier, round(rate, 4)])),
      rssIdleMb: round(rssIdleMb, 1),
      rssAfterMb: round(rssAfterMb, 1),
      rssAfterToIdle: round(rssAfterMb / rssIdleMb, 2),
      upstreamRequestsPerSecond: round(upstreamRequests / settings.mixedSeconds, 1),
      articles: bodies.length,
      connections: settings.mixedConnections,
      durationSeconds: settings.mixedSeconds,
      zipfExponent: settings.zipfExponent,
      gatewayCpuMicrosPerRequest: result.cpuMicrosPerRequest,
      gatewayCoresBusy: result.serverCoresBusy,
      upstreamCoresBusy: round(upstreamCoresBusy, 2),
      loadGeneratorCoresBusy: result.loadGeneratorCoresBusy,
      heapUsedIdleMb: heapMb(metricsBefore, 'nodejs_heap_size_used_bytes'),
      heapUsedAfterMb: heapMb(metricsAfter, 'nodejs_heap_size_used_bytes'),
      heapTotalAfterMb: heapMb(metricsAfter, 'nodejs_heap_size_total_bytes'),
    };
  } finally {
    await gateway.stop();
  }
}
