import type { BenchContext } from '../lib/benchContext';
import type { ChildServer } from '../lib/childServer';
import { assertAnswered, graphql } from '../lib/gateway';
import { type GcEvent, parseGcLine, summariseGc } from '../lib/gcTrace';
import { assertCleanLoad, type LoadOptions } from '../lib/loadResult';
import { POST_HEADERS } from '../lib/operations';
import { startRaw } from '../lib/peers';
import type { BenchResults, GcRun } from '../lib/report';

/** V8 prints one name=value line per collection on stdout: cheap, so the figures stay those of a normal run. */
const GC_TRACE_FLAGS = ['--trace-gc', '--trace-gc-nvp'];

/** Collects the GC lines a process prints, only while recording (so start-up and warm-up are left out). */
function gcRecorder() {
  let recording = false;
  const events: GcEvent[] = [];
  return {
    onStdoutLine: (line: string) => {
      if (!recording) return;
      const event = parseGcLine(line);
      if (event) events.push(event);
    },
    record: <T>(run: () => Promise<T>): Promise<T> => {
      events.length = 0;
      recording = true;
      return run().finally(() => {
        recording = false;
      });
    },
    events: () => [...events],
  };
}

/**
 * GC: what survives young-generation collections under load. A server whose requests leave nothing
 * behind promotes little per scavenge and pauses briefly; what is promoted is kept until a full GC and
 * costs pause time on every scavenge. Each run: a process under V8's GC trace, an untimed warm-up, then
 * `gcSeconds` of load during which every collection line is kept.
 *   gatewayHealthz  the gateway as users run it, GET /healthz (no GraphQL work at all)
 *   rawHealthz      node:http answering the gateway's /healthz bytes, the same load
 *   gatewayWarm     the gateway with RESPONSE_CACHE=false, warm POST ArticlePage (allocation per request)
 */
export async function measureGc(context: BenchContext): Promise<NonNullable<BenchResults['scenarios']['gc']>> {
  const { settings } = context;
  const measure = async (server: ChildServer, recorder: ReturnType<typeof gcRecorder>, request: string, load: Omit<LoadOptions, 'connections' | 'durationSeconds'>): Promise<GcRun> => {
    const options = { connections: settings.connections, ...load };
    if (settings.warmupSeconds > 0) assertCleanLoad(`${server.name} GC warm-up`, await context.runLoad({ ...options, durationSeconds: settings.warmupSeconds }, server), { warmUp: true });
    const result = assertCleanLoad(`${server.name} GC`, await recorder.record(() => context.runLoad({ ...options, durationSeconds: settings.gcSeconds }, server)));
    const gc = summariseGc(recorder.events(), result.requests);
    if (gc.scavenges === 0) context.log(`gc: ${server.name} did no scavenge in ${settings.gcSeconds} s of load`);
    context.log(
      `gc: ${server.name}, ${request}: ${result.rps} rps, ${gc.scavenges} scavenges, promoted median ${gc.promotedKbMedian ?? '–'} KB max ${gc.promotedKbMax ?? '–'} KB, ` +
        `pause median ${gc.pauseMsMedian ?? '–'} ms max ${gc.pauseMsMax ?? '–'} ms, ${gc.allocatedKbPerRequest ?? '–'} KB allocated/request`,
    );
    return { server: server.name, request, rps: result.rps, requests: result.requests, cpuMicrosPerRequest: result.cpuMicrosPerRequest, ...gc };
  };

  const healthz = { method: 'GET' as const, headers: {} };
  const gatewayTrace = gcRecorder();
  const gateway = await context.startGateway('gateway (GC trace)', { nodeArgs: GC_TRACE_FLAGS, onStdoutLine: gatewayTrace.onStdoutLine });
  let healthzBytes: Buffer;
  let healthzType: string;
  let gatewayHealthz: GcRun;
  try {
    const answer = await fetch(`${gateway.url}/healthz`);
    if (answer.status !== 200) throw new Error(`${gateway.name}: /healthz answered ${answer.status}`);
    healthzType = answer.headers.get('content-type') ?? 'application/json';
    healthzBytes = Buffer.from(await answer.arrayBuffer());
    gatewayHealthz = await measure(gateway, gatewayTrace, 'GET /healthz', { url: `${gateway.url}/healthz`, ...healthz });
  } finally {
    await gateway.stop();
  }

  const rawTrace = gcRecorder();
  const raw = await startRaw(context, 'raw (GC trace)', healthzBytes, { contentType: healthzType, nodeArgs: GC_TRACE_FLAGS, onStdoutLine: rawTrace.onStdoutLine });
  let rawHealthz: GcRun;
  try {
    rawHealthz = await measure(raw, rawTrace, "GET /healthz (the gateway's bytes)", { url: `${raw.url}/healthz`, ...healthz });
  } finally {
    await raw.stop();
  }

  const warmTrace = gcRecorder();
  const warm = await context.startGateway('gateway (warm, GC trace)', { env: { RESPONSE_CACHE: 'false' }, nodeArgs: GC_TRACE_FLAGS, onStdoutLine: warmTrace.onStdoutLine });
  let gatewayWarm: GcRun;
  try {
    const body = context.operations.articlePageBody(context.referenceSlug);
    assertAnswered(warm.name, await graphql(`${warm.url}/graphql`, { headers: POST_HEADERS, body }));
    gatewayWarm = await measure(warm, warmTrace, 'POST ArticlePage, warm', { url: `${warm.url}/graphql`, method: 'POST', headers: POST_HEADERS, body });
  } finally {
    await warm.stop();
  }
  return { gatewayHealthz, rawHealthz, gatewayWarm };
}
