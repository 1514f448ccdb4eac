import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { ChildServer } from './childServer';

type LoadRequest = { method?: string; path?: string; body?: string; headers?: Record<string, string> };

export interface LoadOptions {
  /** Origin plus path (and query), e.g. `http://127.0.0.1:4000/graphql?extensions=…`. */
  url: string;
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Varies each request (e.g. a different article per request). */
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  /** Answers with a status outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** 2xx answers whose JSON carries a top-level `errors` list (a degraded or failed operation). */
  graphqlErrors: number;
  /** Answers by X-Cache header value (`HIT`, `MISS`, `BYPASS`; `none` when absent). */
  xCache: Record<string, number>;
  /** Server CPU time (user + system, from /proc) per answered request, in microseconds; null without a server process. */
  cpuMicrosPerRequest: number | null;
  /** CPU the server process used per second of the run (1 = one core busy); null without a server process. */
  serverCoresBusy: number | null;
  /** The same for this process, the load generator: on 2 cores, raw's ceiling is partly autocannon's own limit. */
  loadGeneratorCoresBusy: number;
  durationSeconds: number;
}

/** Drives a server with autocannon at fixed connections and duration, and reads the server's CPU time. */
export async function runLoad(options: LoadOptions, server?: ChildServer): Promise<LoadResult> {
  let graphqlErrors = 0;
  const xCache: Record<string, number> = {};
  // The same check for every server, raw included, so the load generator's own cost is the same for all.
  const onResponse = (status: number, body: string, _context: unknown, headers: Record<string, string | string[]> | undefined) => {
    if (status >= 200 && status < 300 && body.includes('"errors":[')) graphqlErrors++;
    const cache = headers?.['x-cache'] ?? headers?.['X-Cache'];
    const key = typeof cache === 'string' ? cache : 'none';
    xCache[key] = (xCache[key] ?? 0) + 1;
  };
  const cpuBefore = server?.cpuMicros();
  const ownCpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? 'POST',
    headers: options.headers ?? { 'content-type': 'application/json' },
    body: options.body,
    requests: [{ ...(options.setupRequest ? { setupRequest: options.setupRequest as never } : {}), onResponse: onResponse as never }],
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
    cpuMicrosPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && answered > 0 ? round((cpuAfter - cpuBefore) / answered) : null,
    serverCoresBusy: cpuBefore !== undefined && cpuAfter !== undefined ? round((cpuAfter - cpuBefore) / elapsedMicros) : null,
    loadGeneratorCoresBusy: round((ownCpu.user + ownCpu.system) / elapsedMicros),
    durationSeconds: options.durationSeconds,
  };
}

/** A run with failed answers measured something other than the server doing its job: refuse its numbers. */
export function assertCleanLoad(name: string, result: LoadResult, options: { warmUp?: boolean } = {}): LoadResult {
  const problems: string[] = [];
  // A warm-up may end before a cold server's first answers: only failures count against it.
  if (result.requests === 0 && !options.warmUp) problems.push('no request was answered');
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx answers`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors or timeouts`);
  if (result.graphqlErrors > 0) problems.push(`${result.graphqlErrors} answers with GraphQL errors`);
  if (problems.length > 0) throw new Error(`${name}: failed measurement (${problems.join(', ')}); no figure is reported for it`);
  return result;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
