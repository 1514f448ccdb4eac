import autocannon from 'autocannon';
import type { ChildServer } from './childServer';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Varies each request (e.g. a different article per request). */
  setupRequest?: (request: { method?: string; path?: string; body?: string; headers?: Record<string, string> }) => typeof request;
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Server CPU time per answered request, in microseconds; null when no server process is given. */
  cpuMicrosPerRequest: number | null;
}

/** Drives a server with autocannon at fixed connections and duration, and reads the server's CPU time. */
export async function runLoad(options: LoadOptions, server?: ChildServer): Promise<LoadResult> {
  const cpuBefore = server?.cpuMicros();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? 'POST',
    headers: options.headers ?? { 'content-type': 'application/json' },
    body: options.body,
    requests: options.setupRequest ? [{ setupRequest: options.setupRequest as never }] : undefined,
  });
  const cpuAfter = server?.cpuMicros();
  const answered = result.requests.total;
  return {
    rps: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: round(result.latency.average),
    requests: answered,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpuMicrosPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && answered > 0 ? round((cpuAfter - cpuBefore) / answered) : null,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
