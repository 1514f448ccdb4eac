import { z } from 'zod';

/** Everything a bench run can be told, from BENCH_* environment variables (see the README's Performance section). */
export interface BenchSettings {
  quick: boolean;
  /** Fixed latency of every fake WordPress answer (L). */
  upstreamLatencyMs: number;
  /** Length of one timed load run (warm, response cache, raw, naive). */
  durationSeconds: number;
  /** Timed runs per server, alternating the servers; medians are reported. */
  rounds: number;
  connections: number;
  /** Untimed load on each server before its first timed run, so the JIT has compiled the hot path. */
  warmupSeconds: number;
  /** Cold ArticlePage requests timed, one at a time, each against empty caches. */
  coldSamples: number;
  herdConcurrency: number;
  mixedSeconds: number;
  mixedConnections: number;
  mixedArticles: number;
  /** Zipf exponent of article popularity in the mixed scenario (1: the classic web-traffic skew). */
  zipfExponent: number;
  /** Page sizes of the listing scenario. */
  listingFirst: number[];
  /** Rail sizes (`relatedStories(first: N)`) of the cold ArticlePage, to show its upstream requests do not grow with the rail. */
  railFirst: number[];
  /** Length of each /healthz (and warm ArticlePage) load run of the GC scenario. */
  gcSeconds: number;
  /** Freshly started gateways whose first cold ArticlePage is timed. */
  freshSamples: number;
  /** `wrk`, `autocannon`, or `auto`: wrk when it is installed. */
  loadGenerator: 'auto' | 'wrk' | 'autocannon';
  /** Pin servers and the load generator to different CPUs with taskset (when there are two or more). */
  pinCpus: boolean;
  /** LOG_LEVEL of the gateway under test. */
  gatewayLogLevel: string;
  /** Where latest.json and latest.md go. */
  resultsDir: string;
  /** When set, every gateway runs under `--cpu-prof` and writes its V8 CPU profile here (figures are then slower). */
  cpuProfileDir: string | undefined;
}

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const Env = z.object({
  BENCH_QUICK: z.enum(['0', '1', 'true', 'false']).optional(),
  BENCH_UPSTREAM_LATENCY_MS: whole(0, 1000).optional(),
  BENCH_DURATION_SECONDS: whole(1, 120).optional(),
  BENCH_ROUNDS: whole(1, 20).optional(),
  BENCH_CONNECTIONS: whole(1, 1000).optional(),
  BENCH_WARMUP_SECONDS: whole(0, 60).optional(),
  BENCH_COLD_SAMPLES: whole(1, 100).optional(),
  BENCH_HERD_CONCURRENCY: whole(1, 2000).optional(),
  BENCH_MIXED_SECONDS: whole(1, 300).optional(),
  BENCH_MIXED_CONNECTIONS: whole(1, 1000).optional(),
  BENCH_MIXED_ARTICLES: whole(10, 10_000).optional(),
  BENCH_ZIPF_EXPONENT: z.coerce.number().min(0).max(5).optional(),
  BENCH_LISTING_FIRST: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be page sizes separated by commas, e.g. 10,50,100')
    .transform((value) => value.split(',').map(Number))
    .refine((sizes) => sizes.every((size) => size >= 1 && size <= 100), 'each page size must be 1 to 100')
    .optional(),
  BENCH_RAIL_FIRST: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be rail sizes separated by commas, e.g. 1,6,20')
    .transform((value) => value.split(',').map(Number))
    .refine((sizes) => sizes.every((size) => size >= 1 && size <= 20), 'each rail size must be 1 to 20')
    .optional(),
  BENCH_GC_SECONDS: whole(1, 120).optional(),
  BENCH_FRESH_SAMPLES: whole(1, 20).optional(),
  BENCH_LOAD_GENERATOR: z.enum(['auto', 'wrk', 'autocannon']).optional(),
  BENCH_PIN_CPUS: z.enum(['0', '1', 'true', 'false']).optional(),
  BENCH_GATEWAY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  BENCH_RESULTS_DIR: z.string().min(1).optional(),
  BENCH_CPU_PROFILE_DIR: z.string().min(1).optional(),
});

/** Reads BENCH_* variables (empty ones count as unset); throws one error naming every bad variable. */
export function loadBenchSettings(env: Record<string, string | undefined>): BenchSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([name, value]) => name.startsWith('BENCH_') && value !== undefined && value.trim() !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid bench settings:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const quick = values.BENCH_QUICK === '1' || values.BENCH_QUICK === 'true';
  return {
    quick,
    upstreamLatencyMs: values.BENCH_UPSTREAM_LATENCY_MS ?? 20,
    durationSeconds: values.BENCH_DURATION_SECONDS ?? (quick ? 2 : 5),
    rounds: values.BENCH_ROUNDS ?? (quick ? 1 : 5),
    connections: values.BENCH_CONNECTIONS ?? 20,
    warmupSeconds: values.BENCH_WARMUP_SECONDS ?? (quick ? 1 : 3),
    coldSamples: values.BENCH_COLD_SAMPLES ?? (quick ? 3 : 9),
    herdConcurrency: values.BENCH_HERD_CONCURRENCY ?? 200,
    mixedSeconds: values.BENCH_MIXED_SECONDS ?? (quick ? 5 : 20),
    mixedConnections: values.BENCH_MIXED_CONNECTIONS ?? 50,
    mixedArticles: values.BENCH_MIXED_ARTICLES ?? 1000,
    zipfExponent: values.BENCH_ZIPF_EXPONENT ?? 1,
    listingFirst: values.BENCH_LISTING_FIRST ?? (quick ? [10, 50] : [10, 25, 50, 100]),
    railFirst: values.BENCH_RAIL_FIRST ?? (quick ? [6, 20] : [1, 6, 20]),
    gcSeconds: values.BENCH_GC_SECONDS ?? (quick ? 2 : 5),
    freshSamples: values.BENCH_FRESH_SAMPLES ?? (quick ? 1 : 3),
    loadGenerator: values.BENCH_LOAD_GENERATOR ?? 'auto',
    pinCpus: values.BENCH_PIN_CPUS === undefined || values.BENCH_PIN_CPUS === '1' || values.BENCH_PIN_CPUS === 'true',
    gatewayLogLevel: values.BENCH_GATEWAY_LOG_LEVEL ?? 'info',
    // Quick runs are for development: they never overwrite the committed results.
    resultsDir: values.BENCH_RESULTS_DIR ?? (quick ? 'bench/results/quick' : 'bench/results'),
    cpuProfileDir: values.BENCH_CPU_PROFILE_DIR,
  };
}

/** The GC scenario's load runs: the gateway and raw on /healthz, the gateway on warm ArticlePage; each after a warm-up. */
export const GC_RUNS = 3;

/** Seconds the timed parts take, for the start-up message (start-ups, build and cold requests come on top). */
export function plannedLoadSeconds(settings: BenchSettings, serversPerRound: number): number {
  return (
    settings.rounds * serversPerRound * settings.durationSeconds +
    serversPerRound * settings.warmupSeconds +
    settings.mixedSeconds +
    GC_RUNS * (settings.gcSeconds + settings.warmupSeconds)
  );
}
