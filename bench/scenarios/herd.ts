import { performance } from 'node:perf_hooks';
import { assertSameData, type BenchContext } from '../lib/benchContext';
import { assertAnswered, graphql, type GatewayProcess } from '../lib/gateway';
import { POST_HEADERS } from '../lib/operations';
import type { BenchResults } from '../lib/report';
import { median, round } from '../lib/stats';
import { coldSample, purgeReferenceArticle } from './cold';

/**
 * Herd: many readers open the same article the moment its caches are empty (a push notification, a
 * purge on publish). The upstream requests of `herdConcurrency` simultaneous cold requests against those
 * of one cold request, both right after the same purge.
 */
export async function measureHerd(context: BenchContext, gateway: GatewayProcess): Promise<BenchResults['scenarios']['herd']> {
  const concurrent = context.settings.herdConcurrency;
  const single = await coldSample(context, gateway, () => purgeReferenceArticle(context, gateway));

  await purgeReferenceArticle(context, gateway);
  await context.wordpress.reset();
  const body = context.operations.articlePageBody(context.referenceSlug);
  const latencies: number[] = [];
  const answers = await Promise.all(
    Array.from({ length: concurrent }, async () => {
      const started = performance.now();
      const answer = await graphql(`${gateway.url}/graphql`, { headers: POST_HEADERS, body });
      latencies.push(performance.now() - started);
      return answer;
    }),
  );
  for (const answer of answers) {
    assertAnswered(`${gateway.name} (herd)`, answer);
    assertSameData(`${gateway.name} (herd)`, answer.body.data, context.referenceData);
  }
  return {
    concurrent,
    upstreamRequests: await context.wordpress.count(),
    singleRequestUpstreamRequests: single.upstreamRequests,
    medianMs: round(median(latencies), 1),
    maxMs: round(Math.max(...latencies), 1),
  };
}
