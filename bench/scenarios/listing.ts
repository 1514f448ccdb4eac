import { assertSameData, type BenchContext } from '../lib/benchContext';
import { assertAnswered, graphql } from '../lib/gateway';
import { POST_HEADERS } from '../lib/operations';
import type { BenchResults } from '../lib/report';

/** Touches no article, author or topic, yet makes the gateway find WordPress's REST root (a one-off per process). */
const DISCOVERY_PROBE = JSON.stringify({ query: '{ post(slug: "bench-discovery-probe") { id } }' });

/**
 * Listing: LatestPosts (`posts(first: N)` with authors and topics) with cold caches, for each N. Each N
 * gets a fresh gateway process, so nothing is cached; the REST-root discovery is done first by a probe
 * and not counted, as it happens once per process, not per listing.
 */
export async function measureListing(context: BenchContext): Promise<BenchResults['scenarios']['listing']> {
  const { settings, operations, wordpress, naive } = context;
  const upstreamRequests: number[] = [];
  const naiveUpstreamRequests: number[] = [];
  for (const first of settings.listingFirst) {
    const gateway = await context.startGateway(`gateway (listing, first ${first})`);
    try {
      assertAnswered(`${gateway.name} discovery probe`, await graphql(`${gateway.url}/graphql`, { headers: POST_HEADERS, body: DISCOVERY_PROBE }));
      await wordpress.reset();
      const answer = assertAnswered(gateway.name, await graphql(`${gateway.url}/graphql`, { headers: POST_HEADERS, body: operations.latestPostsBody(first) }));
      upstreamRequests.push(await wordpress.count());

      await wordpress.reset();
      const naiveAnswer = assertAnswered(`naive (listing, first ${first})`, await graphql(`${naive.url}/graphql`, { headers: POST_HEADERS, body: operations.latestPostsBody(first) }));
      naiveUpstreamRequests.push(await wordpress.count());
      assertSameData(gateway.name, answer.body.data, naiveAnswer.body.data);
    } finally {
      await gateway.stop();
    }
  }
  return { first: settings.listingFirst, upstreamRequests, naiveUpstreamRequests };
}
