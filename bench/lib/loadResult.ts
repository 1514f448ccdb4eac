export interface LoadOptions {
  /** Origin plus path (and query), e.g. `http://127.0.0.1:4000/graphql?extensions=…`. */
  url: string;
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Varies the body: request i sends `list[sequence[i % sequence.length]]` (e.g. a different article per request). */
  bodies?: { list: string[]; sequence: number[] };
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
  /** The same for the load generator (wrk's process, or this one for autocannon). */
  loadGeneratorCoresBusy: number;
  durationSeconds: number;
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

/** CPU figures of a run from the server's CPU time before and after it. */
export function cpuFigures(cpuBefore: number | undefined, cpuAfter: number | undefined, answered: number, elapsedMicros: number) {
  const known = cpuBefore !== undefined && cpuAfter !== undefined;
  return {
    cpuMicrosPerRequest: known && answered > 0 ? round((cpuAfter - cpuBefore) / answered) : null,
    serverCoresBusy: known ? round((cpuAfter - cpuBefore) / elapsedMicros) : null,
  };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
