import { ConfigError, loadConfig } from '../../src/config';
import { ENTITY_KINDS, type EntityKindTable } from '../../src/config/entityKinds';
import { resolve, setting, type Layers, type Setting } from '../../src/config/Setting';
import { integer } from '../../src/config/valueTypes';

const FILE = '/etc/gateway.json';

/** loadConfig with `env` and, as the GATEWAY_CONFIG file, `file`. */
function load(env: Record<string, string>, file?: object, options: { entityKinds?: EntityKindTable } = {}) {
  return loadConfig(file ? { GATEWAY_CONFIG: FILE, ...env } : env, { ...options, readFile: () => JSON.stringify(file) });
}

function problemsOf(env: Record<string, string>, file?: object): string[] {
  try {
    load(env, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the precedence rule', () => {
  const general = setting({ env: 'GENERAL', file: 'general', type: integer({ min: 1 }), default: 1, doc: 'for every upstream' });
  const specific = setting({ env: 'SPECIFIC', file: 'specific', type: integer({ min: 1 }), general, default: 2, doc: 'for one upstream' });
  const layers = (env: Map<Setting, number>, file: Map<Setting, number>): Layers => ({ env: (s) => env.get(s), file: (s) => file.get(s) });

  it('takes specific env, general env, specific file, general file, then the default, in that order', () => {
    const env = new Map<Setting, number>([[specific, 10], [general, 20]]);
    const file = new Map<Setting, number>([[specific, 30], [general, 40]]);
    const seen: (number | undefined)[] = [];
    seen.push(resolve(specific, layers(env, file)));
    env.delete(specific);
    seen.push(resolve(specific, layers(env, file)));
    env.delete(general);
    seen.push(resolve(specific, layers(env, file)));
    file.delete(specific);
    seen.push(resolve(specific, layers(env, file)));
    file.delete(general);
    seen.push(resolve(specific, layers(env, file)));
    expect(seen).toEqual([10, 20, 30, 40, 2]);
    expect(resolve(setting({ file: 'x', type: integer({ min: 1 }), general, doc: 'no default of its own' }), layers(env, file))).toBe(1);
  });

  it('puts the environment over the file over the default for a plain setting', () => {
    expect(load({ PORT: '5000' }, { port: 6000 }).port).toBe(5000);
    expect(load({}, { port: 6000 }).port).toBe(6000);
    expect(load({}, {}).port).toBe(4000);
    expect(load({ REDIS_COMMAND_TIMEOUT_MS: '90' }, { redis: { url: 'redis://file:6379', commandTimeoutMs: 120, keyPrefix: 'file' } }).redis).toEqual({
      url: 'redis://file:6379',
      keyPrefix: 'file',
      commandTimeoutMs: 90,
      connectTimeoutMs: 2000,
    });
  });
});

describe('per-kind cache settings', () => {
  it('lets CACHE_TTL_<KIND>_SECONDS win over the file field of the same kind', () => {
    const file = { cache: { post: { ttlSeconds: 30 }, postList: { ttlSeconds: 7 } } };
    const config = load({ CACHE_TTL_POST_SECONDS: '120' }, file);
    expect(config.cache.kinds.post.ttlSeconds).toBe(120);
    expect(config.cache.kinds.postList.ttlSeconds).toBe(7);
    expect(config.cache.kinds.author.ttlSeconds).toBe(ENTITY_KINDS.author.cache.ttlSeconds);
  });

  it('lets the general variable win over both file fields, and the kind field over the general one', () => {
    const file = { cache: { staleIfErrorSeconds: 1, related: { staleIfErrorSeconds: 60 }, missTtlSeconds: 4, author: { missTtlSeconds: 8 } } };
    const fromFile = load({}, file).cache.kinds;
    expect(fromFile.related.staleIfErrorSeconds).toBe(60);
    expect(fromFile.post.staleIfErrorSeconds).toBe(1);
    expect(fromFile.author.missTtlSeconds).toBe(8);
    expect(fromFile.topic.missTtlSeconds).toBe(4);
    const withEnv = load({ CACHE_STALE_IF_ERROR_SECONDS: '3' }, file).cache.kinds;
    expect(Object.values(withEnv).map((kind) => kind.staleIfErrorSeconds)).toEqual(Object.keys(ENTITY_KINDS).map(() => 3));
  });

  it('derives the variables and file fields of a kind added to the table', () => {
    const kinds = {
      ...ENTITY_KINDS,
      readingList: {
        source: 'posts',
        keys: 'query',
        ownedBy: 'post',
        cache: { ttlSeconds: 15, missTtlSeconds: 5, staleWhileRevalidateSeconds: 15, staleIfErrorSeconds: 120 },
        httpMaxAgeSeconds: 15,
        label: 'a reading list',
      },
    } satisfies EntityKindTable;
    const config = load({ CACHE_TTL_READING_LIST_SECONDS: '45' }, { cache: { readingList: { missTtlSeconds: 2 } } }, { entityKinds: kinds });
    expect((config.cache.kinds as Record<string, unknown>).readingList).toEqual({ ttlSeconds: 45, missTtlSeconds: 2, staleWhileRevalidateSeconds: 15, staleIfErrorSeconds: 120 });
    expect(() => load({}, { cache: { readingList: {} } })).toThrow(/cache: Unrecognized key: "readingList"/);
  });

  it('refuses the millisecond fields of earlier files, naming the field that replaced each', () => {
    expect(problemsOf({}, { cache: { staleIfErrorMs: 1000, related: { ttlMs: 5, staleWhileRevalidateMs: 0 } } })).toEqual([
      `GATEWAY_CONFIG (${FILE}) cache.related.ttlMs: no longer read: use cache.related.ttlSeconds (seconds, not milliseconds)`,
      `GATEWAY_CONFIG (${FILE}) cache.related.staleWhileRevalidateMs: no longer read: use cache.related.staleWhileRevalidateSeconds (seconds, not milliseconds)`,
      `GATEWAY_CONFIG (${FILE}) cache.staleIfErrorMs: no longer read: use cache.staleIfErrorSeconds (seconds, not milliseconds)`,
    ]);
  });
});

describe('per-upstream settings', () => {
  const file = { wordpress: { url: 'http://wp.file', timeoutMs: 3000, retries: 0 }, upstream: { timeoutMs: 4000, retries: 4 } };

  it('take the upstream variable, the shared variable, the upstream field, the shared field, then the default', () => {
    const timeout = (env: Record<string, string>, from: object) => load(env, from).wordpress?.upstream.timeoutMs;
    expect(timeout({ WORDPRESS_TIMEOUT_MS: '100', UPSTREAM_TIMEOUT_MS: '200' }, file)).toBe(100);
    expect(timeout({ UPSTREAM_TIMEOUT_MS: '200' }, file)).toBe(200);
    expect(timeout({}, file)).toBe(3000);
    expect(timeout({}, { ...file, wordpress: { url: 'http://wp.file' } })).toBe(4000);
    expect(timeout({}, { wordpress: { url: 'http://wp.file' } })).toBe(1500);
  });

  it('apply to retries and concurrency of every upstream, with a variable of their own', () => {
    const config = load({ WORDPRESS_URL: 'http://wp.env', UPSTREAM_RETRIES: '1', RELATED_URL: 'http://reco.env', RELATED_MAX_CONCURRENCY: '3' }, file);
    expect(config.wordpress?.upstream).toMatchObject({ retries: 1, classes: { articles: { maxConcurrency: 6 }, listings: { maxConcurrency: 4 } } });
    expect(config.services.related?.upstream).toMatchObject({ retries: 1, maxConcurrency: 3, timeoutMs: 4000 });
    expect(load({ WORDPRESS_RETRIES: '5' }, file).wordpress?.upstream.retries).toBe(5);
  });

  it('size each WordPress endpoint class: its variable, WORDPRESS_MAX_CONCURRENCY, its field, wordpress.maxConcurrency, its default', () => {
    const classes = (env: Record<string, string>, from: object) => load({ WORDPRESS_URL: 'http://wp.env', ...env }, from).wordpress?.upstream.classes;
    const fields = { wordpress: { maxConcurrency: 3, listings: { maxConcurrency: 1 } } };
    expect(classes({ WORDPRESS_LISTINGS_MAX_CONCURRENCY: '7', WORDPRESS_MAX_CONCURRENCY: '9' }, fields)).toMatchObject({ listings: { maxConcurrency: 7 }, articles: { maxConcurrency: 9 } });
    expect(classes({ WORDPRESS_MAX_CONCURRENCY: '9' }, fields)).toMatchObject({ listings: { maxConcurrency: 9 }, articles: { maxConcurrency: 9 } });
    expect(classes({}, fields)).toMatchObject({ listings: { maxConcurrency: 1 }, articles: { maxConcurrency: 3 } });
    expect(classes({}, {})).toMatchObject({ listings: { maxConcurrency: 4 }, articles: { maxConcurrency: 6 } });
    // UPSTREAM_MAX_CONCURRENCY is the HTTP services' setting; WordPress is sized per class.
    expect(classes({ UPSTREAM_MAX_CONCURRENCY: '1' }, {})).toMatchObject({ articles: { maxConcurrency: 6 } });
  });

  it('narrow the queue and breaker of one class or service in the file, under the shared variables', () => {
    const from = {
      upstream: { maxQueue: 50, breaker: { resetMs: 4000 } },
      wordpress: { listings: { maxQueue: 8, breaker: { resetMs: 2000, minRequests: 5 } } },
      services: { related: { maxQueue: 2, breaker: { errorThresholdPercent: 80 } } },
    };
    const config = load({ WORDPRESS_URL: 'http://wp.env', RELATED_URL: 'http://reco.env' }, from);
    expect(config.wordpress?.upstream.classes.listings).toMatchObject({ maxQueue: 8, breaker: { resetMs: 2000, minRequests: 5, errorThresholdPercent: 50 } });
    expect(config.wordpress?.upstream.classes.articles).toMatchObject({ maxQueue: 50, breaker: { resetMs: 4000, minRequests: 10 } });
    expect(config.services.related?.upstream).toMatchObject({ maxQueue: 2, breaker: { errorThresholdPercent: 80, resetMs: 4000 } });
    // The shared variable still wins over a class's own file field.
    expect(load({ WORDPRESS_URL: 'http://wp.env', UPSTREAM_MAX_QUEUE: '0' }, from).wordpress?.upstream.classes.listings.maxQueue).toBe(0);
  });
});

describe('settings that were hard-coded', () => {
  it('default to the values the gateway used before', () => {
    const config = loadConfig({});
    expect(config.server).toEqual({ headersTimeoutMs: 10_000, receiveTimeoutMs: 30_000, readinessCheckTimeoutMs: 2_000 });
    expect(config.redisBreaker).toEqual({ errorThresholdPercent: 50, minRequests: 5, resetMs: 1_000, windowMs: 2_000, windowBuckets: 4 });
    expect(config.persistedQueries).toEqual({ maxEntries: 5_000 });
    expect(loadConfig({ WORDPRESS_URL: 'http://wp.test' }).wordpress?.recentSummaries).toEqual({ maxEntries: 2_000, ttlMs: 5_000 });
  });

  it('are read from the environment and the file, and checked together', () => {
    const config = load({ SERVER_HEADERS_TIMEOUT_MS: '5000', REDIS_BREAKER_RESET_MS: '250' }, { server: { receiveTimeoutMs: 8000 }, redis: { breaker: { minRequests: 20 } } });
    expect(config.server).toMatchObject({ headersTimeoutMs: 5000, receiveTimeoutMs: 8000 });
    expect(config.redisBreaker).toMatchObject({ resetMs: 250, minRequests: 20 });
    expect(problemsOf({ SERVER_HEADERS_TIMEOUT_MS: '40000', REDIS_BREAKER_WINDOW_BUCKETS: '3' })).toEqual([
      'SERVER_HEADERS_TIMEOUT_MS: must not be longer than SERVER_RECEIVE_TIMEOUT_MS (30000 ms)',
      'REDIS_BREAKER_WINDOW_BUCKETS: must divide REDIS_BREAKER_WINDOW_MS (2000) evenly',
    ]);
  });
});

describe('the config file', () => {
  it('takes every setting that has a file field, with JSON types', () => {
    const config = load(
      {},
      {
        logLevel: 'warn',
        introspection: false,
        http: { corsOrigins: ['https://www.example.com'], bodyLimitBytes: 2048 },
        limits: { maxDepth: 7 },
        webhook: { secret: 'sixteen-chars-or-more' },
        responseCache: { enabled: false },
      },
    );
    expect(config).toMatchObject({ logLevel: 'warn', introspection: false, fieldSuggestions: false, limits: { maxDepth: 7 }, webhook: { secret: 'sixteen-chars-or-more' } });
    expect(config.http).toMatchObject({ corsOrigins: ['https://www.example.com'], bodyLimitBytes: 2048 });
    expect(config.responseCache.enabled).toBe(false);
  });

  it('refuses unknown and mistyped fields, naming each', () => {
    expect(problemsOf({}, { http: { bodyLimitBytes: '2048', cors: '*' }, metrics: { enabled: 'yes' } })).toEqual([
      `GATEWAY_CONFIG (${FILE}) metrics.enabled: must be true or false`,
      `GATEWAY_CONFIG (${FILE}) http.bodyLimitBytes: bodyLimitBytes must be a number`,
      `GATEWAY_CONFIG (${FILE}) http: Unrecognized key: "cors"`,
    ]);
    // Read from the environment only.
    expect(problemsOf({}, { nodeEnv: 'production' })).toEqual([`GATEWAY_CONFIG (${FILE}) (top level): Unrecognized key: "nodeEnv"`]);
  });
});
