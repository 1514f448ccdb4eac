import { assertSameData, type BenchContext } from '../lib/benchContext';
import type { ChildServer } from '../lib/childServer';
import { assertAnswered, graphql, type GatewayProcess } from '../lib/gateway';
import { assertCleanLoad, type LoadOptions, type LoadResult } from '../lib/loadResult';
import { GET_HEADERS, POST_HEADERS } from '../lib/operations';
import { startRaw, startTreePeer } from '../lib/peers';
import { purgeReferenceArticle } from './cold';
import type { BenchResults, ServerRuns } from '../lib/report';
import { median, medianOfRoundRatios, round } from '../lib/stats';

interface Target {
  name: string;
  /** How the table names it. */
  label: string;
  request: string;
  server: ChildServer;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Every timed answer must carry `X-Cache: HIT` (the response-cache runs). */
  allHits?: boolean;
  /** The raw run its ratios to raw are taken against: the same request. */
  rawPeer: 'raw' | 'rawGet';
}

/**
 * Warm and response cache against their peers, all answering the gateway's exact ArticlePage, in
 * alternated rounds: every round runs each server once (the order rotating from round to round) at the
 * same connections and duration, so a burst of noise from the shared machine hits one run of each, not
 * one server. Ratios are taken within a round, then the median of the rounds is reported.
 *   raw         node:http sending the gateway's own warm answer, stored (the ceiling for Node here), POST
 *   rawGet      the same raw server, loaded with the response-cache scenario's GET request
 *   warm        the gateway with RESPONSE_CACHE=false, entity cache warm: every request executes
 *   cachedPost  the gateway as users run it, POST ArticlePage answered from the response cache
 *   cached      the gateway as users run it, GET with the persisted-query hash, from the response cache
 *   apollo      plain Apollo Server 5 over the precomputed `data` tree, default resolvers
 *   mercurius   fastify + mercurius with graphql-jit over the same tree
 */
export async function measureThroughput(context: BenchContext): Promise<{
  warm: BenchResults['scenarios']['warm'];
  responseCache: BenchResults['scenarios']['responseCache'];
  runs: Record<string, ServerRuns>;
}> {
  const { settings, operations } = context;
  const postBody = operations.articlePageBody(context.referenceSlug);
  const persistedPath = operations.articlePagePersistedPath(context.referenceSlug);
  const started: ChildServer[] = [];
  const start = async <T extends ChildServer>(server: Promise<T>): Promise<T> => {
    const running = await server;
    started.push(running);
    return running;
  };
  try {
    const warmGateway = await start(context.startGateway('gateway (warm, response cache off)', { env: { RESPONSE_CACHE: 'false' } }));
    const cachedGateway = await start(context.startGateway('gateway (response cache)'));

    // The first answer fills the entity cache; every peer then serves exactly what the warm gateway answers.
    assertAnswered(warmGateway.name, await graphql(`${warmGateway.url}/graphql`, { headers: POST_HEADERS, body: postBody }));
    const warmAnswer = await fetch(`${warmGateway.url}/graphql`, { method: 'POST', headers: POST_HEADERS, body: postBody });
    const rawBytes = Buffer.from(await warmAnswer.arrayBuffer());
    const gatewayData = (JSON.parse(rawBytes.toString('utf8')) as { data: unknown }).data;
    assertSameData(warmGateway.name, gatewayData, context.referenceData);
    const raw = await start(startRaw(context, 'raw', rawBytes));
    const apollo = await start(startTreePeer(context, 'apollo', gatewayData));
    const mercurius = await start(startTreePeer(context, 'mercurius', gatewayData));

    const post = { method: 'POST' as const, path: '/graphql', headers: POST_HEADERS, body: postBody, rawPeer: 'raw' as const };
    const get = { method: 'GET' as const, path: persistedPath, headers: GET_HEADERS, rawPeer: 'rawGet' as const };
    const targets: Target[] = [
      { name: 'raw', label: 'raw: stored bytes from node:http', request: 'POST ArticlePage', server: raw, ...post },
      { name: 'warm', label: 'gateway, warm, RESPONSE_CACHE=false', request: 'POST ArticlePage', server: warmGateway, ...post },
      { name: 'apollo', label: 'plain Apollo Server 5 over the precomputed tree', request: 'POST ArticlePage', server: apollo, ...post },
      { name: 'mercurius', label: 'fastify + mercurius (graphql-jit) over the precomputed tree', request: 'POST ArticlePage', server: mercurius, ...post },
      { name: 'cachedPost', label: 'gateway, response-cache hit', request: 'POST ArticlePage', server: cachedGateway, ...post, allHits: true },
      { name: 'rawGet', label: 'raw: stored bytes from node:http', request: 'GET persisted ArticlePage', server: raw, ...get },
      { name: 'cached', label: 'gateway, response-cache hit', request: 'GET persisted ArticlePage', server: cachedGateway, ...get, allHits: true },
    ];
    for (const target of targets) {
      const answer = assertAnswered(`${target.name} check`, await graphql(`${target.server.url}${target.path}`, target));
      assertSameData(`${target.server.name} (${target.request})`, answer.body.data, gatewayData, "the gateway's warm answer");
    }
    for (const target of targets.filter((candidate) => candidate.allHits)) await expectHit(target, cachedGateway);
    // A stored response lives for its max-age: one that expired in the middle of a run would be a miss.
    // Before each timed response-cache run the article is purged and its response stored anew.
    const refresh = async (target: Target) => {
      await purgeReferenceArticle(context, cachedGateway);
      await expectHit(target, cachedGateway);
    };

    const load = (target: Target, durationSeconds: number): LoadOptions => ({
      url: `${target.server.url}${target.path}`,
      connections: settings.connections,
      durationSeconds,
      method: target.method,
      headers: target.headers,
      body: target.body,
    });
    if (settings.warmupSeconds > 0) {
      for (const target of targets) {
        context.log(`throughput: warming up ${target.name} for ${settings.warmupSeconds} s`);
        assertCleanLoad(`${target.name} warm-up`, await context.runLoad(load(target, settings.warmupSeconds), target.server), { warmUp: true });
      }
    }

    const runs = new Map<string, LoadResult[]>(targets.map((target) => [target.name, []]));
    for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex++) {
      const order = targets.map((_, index) => targets[(index + roundIndex) % targets.length] as Target);
      for (const target of order) {
        if (target.allHits) await refresh(target);
        const result = assertCleanLoad(`${target.name} (round ${roundIndex + 1})`, await context.runLoad(load(target, settings.durationSeconds), target.server));
        if (target.allHits && (result.xCache.HIT ?? 0) !== result.requests) {
          throw new Error(`${target.name} (round ${roundIndex + 1}): failed measurement, ${result.requests - (result.xCache.HIT ?? 0)} of ${result.requests} answers were not X-Cache: HIT (${JSON.stringify(result.xCache)})`);
        }
        runs.get(target.name)?.push(result);
        context.log(
          `throughput: round ${roundIndex + 1}/${settings.rounds} ${target.name.padEnd(10)} ${String(result.rps).padStart(9)} rps  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  ${result.cpuMicrosPerRequest ?? '–'} µs CPU/request`,
        );
      }
    }
    return summariseThroughput(targets, runs);
  } finally {
    await Promise.all(started.map((server) => server.stop()));
  }
}

/** The response cache fills on the first answer: a few requests until it answers HIT, or the run stops. */
async function expectHit(target: Target, gateway: GatewayProcess): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await graphql(`${gateway.url}${target.path}`, target);
    if (answer.headers.get('x-cache') === 'HIT') return;
  }
  throw new Error(`${gateway.name}: ${target.request} is not answered from the response cache (no X-Cache: HIT after 3 requests)`);
}

/** A figure of one server against a peer's, round by round, then the median over the rounds. */
function roundRatios(of: (name: string) => LoadResult[], name: string, peer: string, figure: (result: LoadResult) => number | null): number | null {
  return medianOfRoundRatios(of(name).map(figure), of(peer).map(figure));
}

function summariseThroughput(
  targets: readonly Target[],
  runs: ReadonlyMap<string, LoadResult[]>,
): { warm: BenchResults['scenarios']['warm']; responseCache: BenchResults['scenarios']['responseCache']; runs: Record<string, ServerRuns> } {
  const of = (name: string) => runs.get(name) as LoadResult[];
  const cpu = (result: LoadResult) => result.cpuMicrosPerRequest;
  const rps = (result: LoadResult) => result.rps;
  const summaries: Record<string, ServerRuns> = {};
  for (const target of targets) {
    summaries[target.name] = {
      ...summarise(target.label, target.request, of(target.name)),
      cpuRatios: {
        raw: roundRatios(of, target.name, target.rawPeer, cpu),
        apollo: roundRatios(of, target.name, 'apollo', cpu),
        mercurius: roundRatios(of, target.name, 'mercurius', cpu),
      },
      rpsRatioToRaw: roundRatios(of, target.name, target.rawPeer, rps),
    };
  }
  const summary = (name: string) => summaries[name] as ServerRuns;
  const hitShare = (name: string) => {
    const answers = of(name).reduce((sum, result) => sum + result.requests, 0);
    const hits = of(name).reduce((sum, result) => sum + (result.xCache.HIT ?? 0), 0);
    return round(hits / Math.max(answers, 1), 4);
  };
  const p99ToP50 = (name: string) => {
    const ratios = of(name).flatMap((result) => (result.p50Ms > 0 ? [result.p99Ms / result.p50Ms] : []));
    return ratios.length > 0 ? round(median(ratios), 2) : null;
  };
  const [rawPost, warm, rawGet, cached, cachedPost, apollo, mercurius] = ['raw', 'warm', 'rawGet', 'cached', 'cachedPost', 'apollo', 'mercurius'].map(summary) as ServerRuns[];
  if (!rawPost || !warm || !rawGet || !cached || !cachedPost || !apollo || !mercurius) throw new Error('a throughput server is missing');
  return {
    warm: {
      rps: warm.rps,
      rawRps: rawPost.rps,
      ratioToRaw: roundRatios(of, 'warm', 'raw', rps) ?? Number.NaN,
      cpuMicrosPerRequest: warm.cpuMicrosPerRequest,
      rawCpuMicrosPerRequest: rawPost.cpuMicrosPerRequest,
      p50Ms: warm.p50Ms,
      p99Ms: warm.p99Ms,
      p99ToP50: p99ToP50('warm'),
      apolloRps: apollo.rps,
      apolloCpuMicrosPerRequest: apollo.cpuMicrosPerRequest,
      mercuriusRps: mercurius.rps,
      mercuriusCpuMicrosPerRequest: mercurius.cpuMicrosPerRequest,
      cpuRatioToRaw: warm.cpuRatios?.raw ?? null,
      cpuRatioToApollo: warm.cpuRatios?.apollo ?? null,
      cpuRatioToMercurius: warm.cpuRatios?.mercurius ?? null,
    },
    responseCache: {
      rps: cached.rps,
      rawRps: rawGet.rps,
      ratioToRaw: roundRatios(of, 'cached', 'rawGet', rps) ?? Number.NaN,
      cpuMicrosPerRequest: cached.cpuMicrosPerRequest,
      rawCpuMicrosPerRequest: rawGet.cpuMicrosPerRequest,
      cpuRatioToRaw: cached.cpuRatios?.raw ?? null,
      p50Ms: cached.p50Ms,
      p99Ms: cached.p99Ms,
      hitShare: hitShare('cached'),
      post: {
        rps: cachedPost.rps,
        rawRps: rawPost.rps,
        ratioToRaw: roundRatios(of, 'cachedPost', 'raw', rps) ?? Number.NaN,
        cpuMicrosPerRequest: cachedPost.cpuMicrosPerRequest,
        rawCpuMicrosPerRequest: rawPost.cpuMicrosPerRequest,
        cpuRatioToRaw: cachedPost.cpuRatios?.raw ?? null,
        p50Ms: cachedPost.p50Ms,
        p99Ms: cachedPost.p99Ms,
        hitShare: hitShare('cachedPost'),
      },
    },
    runs: summaries,
  };
}

/** Medians over the rounds of one server. */
export function summarise(server: string, request: string, results: readonly LoadResult[]): ServerRuns {
  const medianOf = (values: (number | null)[], digits: number) => {
    const known = values.filter((value): value is number => value !== null);
    return known.length > 0 ? round(median(known), digits) : null;
  };
  return {
    server,
    request,
    rps: round(median(results.map((result) => result.rps)), 1),
    p50Ms: median(results.map((result) => result.p50Ms)),
    p99Ms: median(results.map((result) => result.p99Ms)),
    cpuMicrosPerRequest: medianOf(results.map((result) => result.cpuMicrosPerRequest), 1),
    serverCoresBusy: medianOf(results.map((result) => result.serverCoresBusy), 2),
    loadGeneratorCoresBusy: medianOf(results.map((result) => result.loadGeneratorCoresBusy), 2) ?? 0,
    roundsRps: results.map((result) => result.rps),
    roundsCpuMicrosPerRequest: results.map((result) => result.cpuMicrosPerRequest),
  };
}
