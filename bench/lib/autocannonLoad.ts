import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { ChildServer } from './childServer';
import { POST_HEADERS } from './operations';
import { cpuFigures, type LoadOptions, type LoadResult, round } from './loadResult';

type AutocannonRequest = { method?: string; path?: string; body?: string; headers?: Record<string, string> };

/** The fallback when wrk is not installed: autocannon in this process (so not pinned to a CPU). */
export async function runAutocannon(options: LoadOptions, server?: ChildServer): Promise<LoadResult> {
  let graphqlErrors = 0;
  const xCache: Record<string, number> = {};
  // The same check for every server, raw included, so the load generator's own cost is the same for all.
  const onResponse = (status: number, body: string, _context: unknown, headers: Record<string, string | string[]> | undefined) => {
    if (status >= 200 && status < 300 && body.includes('"errors":[')) graphqlErrors++;
    const cache = headers?.['x-cache'] ?? headers?.['X-Cache'];
    const key = typeof cache === 'string' ? cache : 'none';
    xCache[key] = (xCache[key] ?? 0) + 1;
  };
  const bodies = options.bodies;
  let position = 0;
  const setupRequest = bodies
    ? (request: AutocannonRequest) => ({ ...request, body: bodies.list[bodies.sequence[position++ % bodies.sequence.length] as number] })
    : undefined;
  const cpuBefore = server?.cpuMicros();
  const ownCpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? 'POST',
    headers: options.headers ?? POST_HEADERS,
    body: options.body,
    requests: [{ ...(setupRequest ? { setupRequest: setupRequest as never } : {}), onResponse: onResponse as never }],
  });
  const cpuAfter = server?.cpuMicros();
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const elapsedMicros = (performance.now() - startedAt) * 1000;
  const answered = result.requests.total;
  return {
    rps: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: round(result.latency.average),
    requests: answered,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    graphqlErrors,
    xCache,
    ...cpuFigures(cpuBefore, cpuAfter, answered, elapsedMicros),
    loadGeneratorCoresBusy: round((ownCpu.user + ownCpu.system) / elapsedMicros),
    durationSeconds: options.durationSeconds,
  };
}
