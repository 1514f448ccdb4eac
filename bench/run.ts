/**
 * `npm run bench`: the gateway (as built in dist/) side by side with its baselines, in one run, on a fake
 * WordPress with a fixed latency. Writes bench/results/latest.json and latest.md and prints the same
 * tables. Settings: BENCH_* environment variables (README, "Performance"); BENCH_QUICK=1 for a short
 * development run that writes to bench/results/quick/ instead.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from './lib/benchContext';
import { type ChildServer, freePort, startChildServer } from './lib/childServer';
import { commandExists, pinThisProcess, planCpus } from './lib/cpuPlan';
import { startFakeWordPressProcess } from './lib/fakeWordPressProcess';
import { assertAnswered, graphql, startGateway } from './lib/gateway';
import { createLoadRunner, type LoadGeneratorName } from './lib/load';
import { loadOperations, POST_HEADERS } from './lib/operations';
import { type BenchResults, writeResults } from './lib/report';
import { type BenchSettings, loadBenchSettings, plannedLoadSeconds } from './lib/settings';
import { renderSummary } from './lib/summary';
import { checkTargets } from './lib/targets';
import { measureCold } from './scenarios/cold';
import { measureFresh } from './scenarios/fresh';
import { measureGc } from './scenarios/gc';
import { measureHerd } from './scenarios/herd';
import { measureListing } from './scenarios/listing';
import { measureMixed } from './scenarios/mixed';
import { measureStartup } from './scenarios/startup';
import { measureThroughput } from './scenarios/throughput';
import { REFERENCE_SLUG } from '../tests/support/fixtures';

/** Servers in each throughput round: raw (POST and GET), warm, response cache (POST and GET), Apollo and mercurius over the tree. */
const THROUGHPUT_SERVERS = 7;

/** Every child process started, so none outlives the run, however it ends. */
const running = new Set<ChildServer>();
function tracked<T extends ChildServer>(server: T): T {
  running.add(server);
  const stop = server.stop.bind(server);
  server.stop = async () => {
    running.delete(server);
    await stop();
  };
  return server;
}
const stopAll = () => Promise.all([...running].map((server) => server.stop()));

/** wrk when it is installed (or asked for), autocannon otherwise. */
function chooseLoadGenerator(settings: BenchSettings): LoadGeneratorName {
  const wrk = commandExists('wrk');
  if (settings.loadGenerator === 'wrk' && !wrk) throw new Error('BENCH_LOAD_GENERATOR=wrk, but wrk is not installed (apt-get install wrk)');
  if (settings.loadGenerator === 'autocannon') return 'autocannon';
  return wrk ? 'wrk' : 'autocannon';
}

async function main(): Promise<void> {
  const settings = loadBenchSettings(process.env);
  const loadGenerator = chooseLoadGenerator(settings);
  const cpuPlan = planCpus(cpus().length, settings.pinCpus && commandExists('taskset'));
  // The bench (autocannon, when it is the load generator) and the fake WordPress keep off the server's CPU.
  if (cpuPlan.loadGeneratorCpus) pinThisProcess(cpuPlan.loadGeneratorCpus);
  const startedAt = performance.now();
  const log = (message: string) => process.stdout.write(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
  const loadAverageAtStart = loadavg();
  log(
    `bench${settings.quick ? ' (quick)' : ''}: upstream latency ${settings.upstreamLatencyMs} ms; ${settings.rounds} rounds × ${THROUGHPUT_SERVERS} servers × ` +
      `${settings.durationSeconds} s at ${settings.connections} connections; mixed ${settings.mixedSeconds} s at ${settings.mixedConnections}; ` +
      `about ${plannedLoadSeconds(settings, THROUGHPUT_SERVERS)} s of load plus start-ups`,
  );
  log(
    `load generator: ${loadGenerator}${
      loadGenerator === 'wrk'
        ? ` (${cpuPlan.loadGeneratorThreads} thread${cpuPlan.loadGeneratorThreads > 1 ? 's' : ''})`
        : settings.loadGenerator === 'autocannon'
          ? ' (BENCH_LOAD_GENERATOR=autocannon)'
          : ' (wrk is not installed: apt-get install wrk)'
    }; ` +
      (cpuPlan.serverCpus ? `servers under test pinned to CPU ${cpuPlan.serverCpus}, ${loadGenerator}, the fake WordPress and the bench to CPU ${cpuPlan.loadGeneratorCpus}` : 'nothing pinned'),
  );

  const fake = await startFakeWordPressProcess({ latencyMs: settings.upstreamLatencyMs, posts: Math.max(settings.mixedArticles, 320) });
  tracked(fake.process);
  const wordpress = { ...fake, stop: () => fake.process.stop() };
  log(`fake WordPress at ${wordpress.content.url}: ${wordpress.content.slugs.length} published posts`);
  const naive = tracked(
    await startChildServer({
      name: 'naive',
      command: process.execPath,
      args: ['--import', 'tsx', 'bench/servers/naive.ts'],
      env: { NODE_ENV: 'production', WORDPRESS_API_ROOT: wordpress.content.restRoot },
      port: await freePort(),
      readyPath: '/.well-known/apollo/server-health',
      cpus: cpuPlan.serverCpus,
    }),
  );
  const operations = loadOperations();
  const reference = assertAnswered('naive', await graphql(`${naive.url}/graphql`, { headers: POST_HEADERS, body: operations.articlePageBody(REFERENCE_SLUG) }));
  const rail = (reference.body.data as { post?: { relatedStories?: unknown[] } }).post?.relatedStories ?? [];
  if (rail.length !== 6) throw new Error(`the reference article should have a six-story rail; it has ${rail.length}`);

  const context: BenchContext = {
    settings,
    wordpress,
    naive,
    operations,
    referenceSlug: REFERENCE_SLUG,
    referenceData: reference.body.data,
    cpuPlan,
    loadGenerator,
    runLoad: createLoadRunner(loadGenerator, cpuPlan),
    startGateway: async (name, options = {}) =>
      tracked(
        await startGateway({
          ...options,
          name,
          wordpressUrl: wordpress.content.url,
          logLevel: settings.gatewayLogLevel,
          cpuProfileDir: settings.cpuProfileDir ? join(settings.cpuProfileDir, name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')) : undefined,
          cpus: cpuPlan.serverCpus,
        }),
      ),
    startBenchServer: async (name, script, options) =>
      tracked(
        await startChildServer({
          name,
          command: process.execPath,
          args: [...(options.nodeArgs ?? []), '--import', 'tsx', `bench/servers/${script}`],
          env: options.env,
          port: await freePort(),
          readyPath: options.readyPath ?? '/',
          cpus: cpuPlan.serverCpus,
          onStdoutLine: options.onStdoutLine,
        }),
      ),
    log,
  };

  const coldGateway = await context.startGateway('gateway (cold)');
  log('cold: sampling');
  const cold = await measureCold(context, coldGateway);
  log(
    `cold: ${cold.upstreamRequests} upstream requests (naive ${cold.naiveUpstreamRequests}), median ${cold.medianMs} ms, ` +
      `of which the gateway's own ${cold.gatewayCriticalPathMs} ms and upstream ${cold.upstreamCriticalPathMs} ms`,
  );
  const herd = await measureHerd(context, coldGateway);
  log(`herd: ${herd.upstreamRequests} upstream requests for ${herd.concurrent} concurrent (one: ${herd.singleRequestUpstreamRequests})`);
  await coldGateway.stop();
  const fresh = await measureFresh(context, cold.medianMs);
  log(`fresh: first cold page ${fresh.firstPageMs} ms (${fresh.samplesMs.join(', ')}) against ${cold.medianMs} ms warmed: ${fresh.ratioToWarmed} ×`);

  const startup = await measureStartup(context);
  log(`startup: npm start answered ArticlePage in ${startup.answeredMs} ms (${startup.samplesMs.join(', ')})`);

  const listing = await measureListing(context);
  log(`listing: first ${settings.listingFirst.join('/')} -> ${listing.upstreamRequests.join('/')} upstream requests (naive ${listing.naiveUpstreamRequests?.join('/')})`);

  const { warm, responseCache, runs } = await measureThroughput(context);
  const gc = await measureGc(context);
  const mixed = await measureMixed(context);
  log(`mixed: ${mixed.rps} rps, p50 ${mixed.p50Ms} ms, p99 ${mixed.p99Ms} ms, RSS ${mixed.rssIdleMb} -> ${mixed.rssAfterMb} MB`);

  const results: BenchResults = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    upstreamLatencyMs: settings.upstreamLatencyMs,
    machine: {
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverageAtStart: loadAverageAtStart.map((load) => Math.round(load * 100) / 100),
      loadAverageAtEnd: loadavg().map((load) => Math.round(load * 100) / 100),
      note: 'A shared development machine: other work ran alongside, so only same-run ratios compare across runs.',
    },
    harness: {
      loadGenerator,
      loadGeneratorThreads: loadGenerator === 'wrk' ? cpuPlan.loadGeneratorThreads : 1,
      serverCpus: cpuPlan.serverCpus ?? null,
      loadGeneratorCpus: cpuPlan.loadGeneratorCpus ?? null,
    },
    settings: { ...settings },
    throughputRuns: runs,
    scenarios: { cold, warm, responseCache, herd, mixed, listing, gc, fresh, startup },
  };
  const summary = renderSummary(results, checkTargets(results));
  writeResults(settings.resultsDir, results, summary);
  process.stdout.write(`\n${summary}\n`);
  log(`wrote ${settings.resultsDir}/latest.json and latest.md`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

main()
  .then(stopAll, async (error: unknown) => {
    process.stderr.write(`\nbench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .catch(() => {
    process.exitCode = 1;
  });
