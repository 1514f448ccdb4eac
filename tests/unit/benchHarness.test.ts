import { type CpuProfile, moduleGroup, selfTimes } from '../../bench/lib/cpuProfile';
import { assertCleanLoad, type LoadResult } from '../../bench/lib/load';
import { cacheHitRatesBetween, samplesOf } from '../../bench/lib/prometheus';
import type { BenchResults } from '../../bench/lib/report';
import { loadBenchSettings } from '../../bench/lib/settings';
import { dependentRoundTrips, median } from '../../bench/lib/stats';
import { renderSummary } from '../../bench/lib/summary';
import { checkTargets } from '../../bench/lib/targets';
import { createRng, createZipfSampler, shuffled } from '../../bench/lib/zipf';

describe('bench: Zipf popularity', () => {
  it('draws ranks in range, most often the first, about twice as often as the second for exponent 1', () => {
    const draw = createZipfSampler(1000, 1, createRng(42));
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const rank = draw();
      expect(rank).toBeGreaterThanOrEqual(0);
      expect(rank).toBeLessThan(1000);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    const [first = 0, second = 0] = counts;
    expect(Math.max(...counts)).toBe(first);
    // P(rank 0) = 1 / H(1000) ≈ 0.134; the seed is fixed, so these bounds are not a matter of luck.
    expect(first / 50_000).toBeGreaterThan(0.12);
    expect(first / 50_000).toBeLessThan(0.15);
    expect(first / second).toBeGreaterThan(1.7);
    expect(first / second).toBeLessThan(2.3);
  });

  it('is the same sequence for the same seed, and uniform for exponent 0', () => {
    const sequence = (seed: number) => {
      const draw = createZipfSampler(50, 1.2, createRng(seed));
      return Array.from({ length: 20 }, draw);
    };
    expect(sequence(7)).toEqual(sequence(7));
    expect(sequence(7)).not.toEqual(sequence(8));
    const uniform = createZipfSampler(4, 0, createRng(1));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[uniform()] = (counts[uniform()] ?? 0) + 1;
    expect(Math.min(...counts)).toBeGreaterThan(800);
  });

  it('shuffles into a permutation without touching the input', () => {
    const items = Array.from({ length: 100 }, (_, index) => index);
    const out = shuffled(items, createRng(3));
    expect(out).not.toEqual(items);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});

describe('bench: statistics', () => {
  it('takes medians of odd and even counts and refuses an empty list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('counts dependent upstream round trips from arrival times', () => {
    // Three groups 20 ms apart, a few ms of jitter inside each.
    expect(dependentRoundTrips([0, 1, 2, 23, 24, 45], 20)).toBe(3);
    expect(dependentRoundTrips([45, 0, 23, 2], 20)).toBe(3);
    expect(dependentRoundTrips([], 20)).toBe(0);
    expect(dependentRoundTrips([0, 1], 0)).toBeNull();
  });
});

describe('bench: hit rates from /metrics', () => {
  const scrape = (memoryHit: number, memoryMiss: number, redisHit: number) =>
    [
      '# HELP gateway_cache_lookups_total Entity cache lookups',
      '# TYPE gateway_cache_lookups_total counter',
      `gateway_cache_lookups_total{tier="memory",kind="post",result="hit"} ${memoryHit}`,
      `gateway_cache_lookups_total{tier="memory",kind="post",result="miss"} ${memoryMiss}`,
      `gateway_cache_lookups_total{tier="memory",kind="author",result="hit"} 10`,
      `gateway_cache_lookups_total{tier="redis",kind="post",result="hit"} ${redisHit}`,
      'gateway_cache_lookups_total_created 1',
      'gateway_http_requests_total{route="/graphql",method="POST",status="200"} 5',
    ].join('\n');

  it('reads samples with their labels', () => {
    expect(samplesOf(scrape(1, 2, 3), 'gateway_cache_lookups_total')).toHaveLength(4);
    expect(samplesOf(scrape(1, 2, 3), 'gateway_cache_lookups_total')[0]).toEqual({ labels: { tier: 'memory', kind: 'post', result: 'hit' }, value: 1 });
  });

  it('gives hits over lookups per tier between two scrapes', () => {
    const rates = cacheHitRatesBetween(scrape(100, 50, 0), scrape(190, 60, 0));
    expect(rates).toEqual({ memory: 90 / 100 });
    expect(cacheHitRatesBetween(scrape(0, 0, 0), scrape(3, 1, 4))).toEqual({ memory: 3 / 4, redis: 1 });
  });
});

describe('bench: settings', () => {
  it('has defaults that fit the six-minute budget, and a quick mode that writes elsewhere', () => {
    const defaults = loadBenchSettings({});
    expect(defaults).toMatchObject({ upstreamLatencyMs: 20, mixedSeconds: 20, mixedConnections: 50, mixedArticles: 1000, herdConcurrency: 200, resultsDir: 'bench/results' });
    const quick = loadBenchSettings({ BENCH_QUICK: '1', BENCH_UPSTREAM_LATENCY_MS: '5', BENCH_LISTING_FIRST: '10,100' });
    expect(quick).toMatchObject({ quick: true, upstreamLatencyMs: 5, listingFirst: [10, 100], resultsDir: 'bench/results/quick' });
    expect(quick.durationSeconds).toBeLessThan(defaults.durationSeconds);
  });

  it('names every bad variable at once', () => {
    expect(() => loadBenchSettings({ BENCH_ROUNDS: 'many', BENCH_LISTING_FIRST: '10,500', BENCH_DURATION_SECONDS: '' })).toThrow(
      /BENCH_ROUNDS[\s\S]*BENCH_LISTING_FIRST/,
    );
  });
});

describe('bench: failed measurements give no figure', () => {
  const clean: LoadResult = {
    rps: 100,
    p50Ms: 1,
    p99Ms: 2,
    meanMs: 1,
    requests: 500,
    non2xx: 0,
    errors: 0,
    graphqlErrors: 0,
    xCache: {},
    cpuMicrosPerRequest: 10,
    serverCoresBusy: 0.5,
    loadGeneratorCoresBusy: 0.5,
    durationSeconds: 5,
  };

  it('refuses runs with non-2xx answers, connection errors, GraphQL errors or no answer at all', () => {
    expect(assertCleanLoad('x', clean)).toBe(clean);
    expect(() => assertCleanLoad('x', { ...clean, non2xx: 1 })).toThrow(/non-2xx/);
    expect(() => assertCleanLoad('x', { ...clean, errors: 2 })).toThrow(/connection errors/);
    expect(() => assertCleanLoad('x', { ...clean, graphqlErrors: 1 })).toThrow(/GraphQL errors/);
    expect(() => assertCleanLoad('x', { ...clean, requests: 0 })).toThrow(/no request/);
    expect(assertCleanLoad('x', { ...clean, requests: 0 }, { warmUp: true }).requests).toBe(0);
  });
});

describe('bench: targets and the summary', () => {
  const results: BenchResults = {
    when: '2026-01-01T00:00:00.000Z',
    node: 'v20.0.0',
    cpus: 2,
    upstreamLatencyMs: 20,
    settings: { rounds: 5, durationSeconds: 5, connections: 20 },
    throughputRuns: {
      raw: { server: 'raw', request: 'POST ArticlePage', rps: 10_000, p50Ms: 1, p99Ms: 3, cpuMicrosPerRequest: 30, serverCoresBusy: 0.3, loadGeneratorCoresBusy: 0.9, roundsRps: [10_000] },
      warm: { server: 'gateway, warm', request: 'POST ArticlePage', rps: 1_000, p50Ms: 15, p99Ms: 40, cpuMicrosPerRequest: 900, serverCoresBusy: 0.9, loadGeneratorCoresBusy: 0.1, roundsRps: [1_000] },
    },
    scenarios: {
      cold: { upstreamRequests: 5, naiveUpstreamRequests: 51, medianMs: 70, floorMs: 60, upstreamRoundTrips: 3 },
      warm: { rps: 1_000, rawRps: 10_000, ratioToRaw: 0.1, cpuMicrosPerRequest: 900 },
      responseCache: { rps: 4_000, rawRps: 10_000, ratioToRaw: 0.4, hitShare: 1 },
      herd: { concurrent: 200, upstreamRequests: 5, singleRequestUpstreamRequests: 5 },
      mixed: { rps: 500, p50Ms: 20, p99Ms: 200, hitRates: { response: 0.9, 'entity:memory': 0.95 }, rssIdleMb: 100, rssAfterMb: 250 },
      listing: { first: [10, 50], upstreamRequests: [4, 5], naiveUpstreamRequests: [41, 201] },
    },
  };

  it('checks each target of the issue against the figures', () => {
    const holds = Object.fromEntries(checkTargets(results).map((check) => [`${check.scenario}: ${check.target}`, check.holds]));
    expect(holds).toEqual({
      'cold: ≤ 6 upstream requests (minimum 4)': true,
      'cold: median ≤ 1.1 × 3L = 66 ms': false,
      'warm: ≥ 0.09 × raw': true,
      'responseCache: ≥ 0.5 × raw': false,
      'herd: upstream requests of one request': true,
      'mixed: RSS after ≤ 2 × idle': false,
      'listing: upstream requests constant in `first`': false,
    });
  });

  it('renders the throughput table, the targets and the details in markdown', () => {
    const markdown = renderSummary(results, checkTargets(results));
    expect(markdown).toContain('| gateway, warm | POST ArticlePage | 1000 | 0.100 | 15 | 40 | 900 | 0.90 | 0.10 |');
    expect(markdown).toContain('| warm | ≥ 0.09 × raw | 0.100 × raw (1000 vs 10000 rps) | yes |');
    expect(markdown).toContain('| listing | upstream requests constant in `first` | first 10: 4, first 50: 5 | **no** |');
    expect(markdown).toMatch(/hit rates response 90\.0 %, entity:memory 95\.0 %/);
  });
});

describe('bench: CPU profile summary', () => {
  it('groups code by package, gateway folder or Node module', () => {
    expect(moduleGroup('file:///work/node_modules/@apollo/server/dist/cjs/runHttpQuery.js')).toBe('@apollo/server');
    expect(moduleGroup('/work/node_modules/graphql/execution/execute.js')).toBe('graphql');
    expect(moduleGroup('/work/dist/sources/wordpress/mapWordPressRecords.js')).toBe('gateway sources/wordpress');
    expect(moduleGroup('node:internal/async_hooks')).toBe('node async_hooks');
    expect(moduleGroup('')).toBe('(native, GC, program)');
  });

  it('shares self time out of busy time, idle left out', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
        { id: 2, callFrame: { functionName: 'execute', url: '/w/node_modules/graphql/execution/execute.js', lineNumber: 1 } },
        { id: 3, callFrame: { functionName: 'send', url: '/w/dist/server/sendJson.js', lineNumber: 1 } },
      ],
      samples: [1, 2, 2, 3, 1],
      timeDeltas: [500, 100, 200, 100, 500],
    };
    expect(selfTimes(profile, (frame) => moduleGroup(frame.url), 5)).toEqual([
      { name: 'graphql', share: 0.75 },
      { name: 'gateway server', share: 0.25 },
    ]);
  });
});
