import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertSameData, type BenchContext } from '../lib/benchContext';
import { type ChildServer, freePort, startChildServer } from '../lib/childServer';
import { assertAnswered, graphql } from '../lib/gateway';
import { assertCleanLoad, type LoadOptions, type LoadResult, runLoad } from '../lib/load';
import { GET_HEADERS, POST_HEADERS } from '../lib/operations';
import type { BenchResults, ServerRuns } from '../lib/report';
import { median, round } from '../lib/stats';

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
}

/**
 * Warm and response cache, with their ceilings, in alternated rounds: every round runs each server once
 * (the order rotating from round to round) at the same connections and duration, so a burst of noise
 * from the shared machine hits one run of each, not one server. Ratios are taken within a round, then
 * the median of the rounds is reported.
 *   raw       node:http sending the gateway's own warm answer, stored (the ceiling for Node here)
 *   warm      the gateway with RESPONSE_CACHE=false, entity cache warm: every request executes
 *   raw GET   the same raw server, loaded with the response-cache scenario's GET request
 *   cached    the gateway as users run it, GET with the persisted-query hash: answered from the response cache
 *   naive     plain Apollo Server, a WordPress request per field and item, at upstream latency L
 */
export async function measureThroughput(context: BenchContext): Promise<{
  warm: BenchResults['scenarios']['warm'];
  responseCache: BenchResults['scenarios']['responseCache'];
  runs: Record<string, ServerRuns>;
}> {
  const { settings, operations } = context;
  const postBody = operations.articlePageBody(context.referenceSlug);
  const persistedPath = operations.articlePagePersistedPath(context.referenceSlug);
  const warmGateway = await context.startGateway('gateway (warm, response cache off)', { RESPONSE_CACHE: 'false' });
  const cachedGateway = await context.startGateway('gateway (response cache)');

  // The first answer fills the entity cache; raw then serves exactly what the warm gateway answers.
  assertAnswered(warmGateway.name, await graphql(`${warmGateway.url}/graphql`, { headers: POST_HEADERS, body: postBody }));
  const warmAnswer = await fetch(`${warmGateway.url}/graphql`, { method: 'POST', headers: POST_HEADERS, body: postBody });
  const rawBytes = Buffer.from(await warmAnswer.arrayBuffer());
  const directory = mkdtempSync(join(tmpdir(), 'newsroom-bench-'));
  const rawBodyFile = join(directory, 'article-page.json');
  writeFileSync(rawBodyFile, rawBytes);
  let raw: ChildServer;
  try {
    raw = await startChildServer({
      name: 'raw',
      command: process.execPath,
      args: ['--import', 'tsx', 'bench/servers/raw.ts'],
      env: { RAW_BODY_FILE: rawBodyFile },
      port: await freePort(),
      readyPath: '/',
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }

  try {
    const targets: Target[] = [
      { name: 'raw', label: 'raw: stored bytes from node:http', request: 'POST ArticlePage', server: raw, method: 'POST', path: '/graphql', headers: POST_HEADERS, body: postBody },
      { name: 'warm', label: 'gateway, warm, RESPONSE_CACHE=false', request: 'POST ArticlePage', server: warmGateway, method: 'POST', path: '/graphql', headers: POST_HEADERS, body: postBody },
      { name: 'rawGet', label: 'raw: stored bytes from node:http', request: 'GET persisted ArticlePage', server: raw, method: 'GET', path: persistedPath, headers: GET_HEADERS },
      { name: 'cached', label: 'gateway, response-cache hit', request: 'GET persisted ArticlePage', server: cachedGateway, method: 'GET', path: persistedPath, headers: GET_HEADERS },
      { name: 'naive', label: `naive Apollo Server 5, no loaders or cache (L = ${settings.upstreamLatencyMs} ms)`, request: 'POST ArticlePage', server: context.naive, method: 'POST', path: '/graphql', headers: POST_HEADERS, body: postBody },
    ];
    for (const target of targets) {
      const answer = assertAnswered(`${target.name} check`, await graphql(`${target.server.url}${target.path}`, target));
      assertSameData(target.server.name, answer.body.data, context.referenceData);
    }
    const hit = await graphql(`${cachedGateway.url}${persistedPath}`, { method: 'GET', headers: GET_HEADERS });
    if (hit.headers.get('x-cache') !== 'HIT') throw new Error(`${cachedGateway.name}: the persisted GET was not answered from the response cache (X-Cache: ${hit.headers.get('x-cache')})`);

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
        assertCleanLoad(`${target.name} warm-up`, await runLoad(load(target, settings.warmupSeconds), target.server), { warmUp: true });
      }
    }

    const runs = new Map<string, LoadResult[]>(targets.map((target) => [target.name, []]));
    for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex++) {
      const order = targets.map((_, index) => targets[(index + roundIndex) % targets.length] as Target);
      for (const target of order) {
        const result = assertCleanLoad(`${target.name} (round ${roundIndex + 1})`, await runLoad(load(target, settings.durationSeconds), target.server));
        runs.get(target.name)?.push(result);
        context.log(
          `throughput: round ${roundIndex + 1}/${settings.rounds} ${target.name.padEnd(7)} ${String(result.rps).padStart(9)} rps  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  ${result.cpuMicrosPerRequest ?? '–'} µs CPU/request`,
        );
      }
    }

    const of = (name: string) => runs.get(name) as LoadResult[];
    const summaries = Object.fromEntries(targets.map((target) => [target.name, summarise(target.label, target.request, of(target.name))]));
    const summary = (name: string) => summaries[name] as ServerRuns;
    const ratios = (name: string, ceiling: string) => median(of(name).map((result, index) => result.rps / (of(ceiling)[index] as LoadResult).rps));
    const rawPost = summary('raw');
    const warm = summary('warm');
    const rawGet = summary('rawGet');
    const cached = summary('cached');
    const naive = summary('naive');
    const cachedAnswers = of('cached').reduce((sum, result) => sum + result.requests, 0);
    const cachedHits = of('cached').reduce((sum, result) => sum + (result.xCache.HIT ?? 0), 0);
    return {
      warm: {
        rps: warm.rps,
        rawRps: rawPost.rps,
        ratioToRaw: round(ratios('warm', 'raw'), 4),
        cpuMicrosPerRequest: warm.cpuMicrosPerRequest,
        rawCpuMicrosPerRequest: rawPost.cpuMicrosPerRequest,
        p50Ms: warm.p50Ms,
        p99Ms: warm.p99Ms,
        naiveRps: naive.rps,
        naiveCpuMicrosPerRequest: naive.cpuMicrosPerRequest,
      },
      responseCache: {
        rps: cached.rps,
        rawRps: rawGet.rps,
        ratioToRaw: round(ratios('cached', 'rawGet'), 4),
        cpuMicrosPerRequest: cached.cpuMicrosPerRequest,
        rawCpuMicrosPerRequest: rawGet.cpuMicrosPerRequest,
        p50Ms: cached.p50Ms,
        p99Ms: cached.p99Ms,
        hitShare: round(cachedHits / Math.max(cachedAnswers, 1), 4),
      },
      runs: summaries,
    };
  } finally {
    await Promise.all([raw.stop(), warmGateway.stop(), cachedGateway.stop()]);
  }
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
  };
}
