import { APOLLO_SANDBOX_ORIGIN, ConfigError, CORS_BASE_HEADERS, LOCAL_DEVELOPMENT_ORIGINS, DEFAULT_PERSISTED_OPERATIONS_MANIFEST, loadConfig, QUERY_LIMIT_DEFAULTS } from '../../src/config';
import { ENTITY_KINDS } from '../../src/config/entityKinds';

describe('loadConfig', () => {
  it('has development defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 4000, introspection: true, landingPage: true, exposeErrorDetails: true });
    expect(config.http.bodyLimitBytes).toBe(102400);
  });

  it('locks production down unless overridden', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, landingPage: false, exposeErrorDetails: false });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('refuses the retired single-manifest variable and file field, naming what replaced them', () => {
    expect(() => loadConfig({ PERSISTED_OPERATIONS_MANIFEST: '/srv/app/manifest.json' })).toThrow(/PERSISTED_OPERATIONS_MANIFEST: renamed PERSISTED_OPERATIONS_MANIFESTS/);
    const file = JSON.stringify({ persistedOperations: { manifestPath: '/srv/app/manifest.json' } });
    expect(() => loadConfig({ GATEWAY_CONFIG: '/etc/gateway.json' }, { readFile: () => file })).toThrow(/persistedOperations\.manifests/);
    expect(loadConfig({ PERSISTED_OPERATIONS_MANIFESTS: '/a.json,/b.json' }).persistedOperations.manifests).toEqual(['/a.json', '/b.json']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
  });

  it('reports every bad value at once', () => {
    expect.assertions(4);
    try {
      loadConfig({ PORT: 'eighty', CACHE_MAX_ENTRIES: '-5', NODE_ENV: 'staging' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('CACHE_MAX_ENTRIES');
      expect(message).toContain('NODE_ENV');
    }
  });

  it('has production-safe defaults for limits, HTTP and trusted documents', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config.limits).toEqual(QUERY_LIMIT_DEFAULTS);
    expect(config.limits).toEqual({ maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxTokens: 1000, maxCost: 5000, maxErrors: 5 });
    expect(config.http).toEqual({ bodyLimitBytes: 102400, requestTimeoutMs: 10000, corsOrigins: [], bodyDrainLimitBytes: 16777216, corsAllowedHeaders: CORS_BASE_HEADERS, batchMaxOperations: 0, compression: true });
    expect(config.persistedOperations).toEqual({ only: false, manifests: [DEFAULT_PERSISTED_OPERATIONS_MANIFEST] });
    expect(config).toMatchObject({ fieldSuggestions: false, logLevel: 'info', shutdownGraceMs: 25000, metrics: { enabled: true } });
  });

  it('reads several trusted-documents manifests, files and URLs, and refuses an empty list naming the variable', () => {
    expect(loadConfig({ PERSISTED_OPERATIONS_MANIFESTS: ' web.json, https://cdn.example.com/app/persisted-documents.json ,' }).persistedOperations.manifests).toEqual([
      'web.json',
      'https://cdn.example.com/app/persisted-documents.json',
    ]);
    expect(() => loadConfig({ PERSISTED_OPERATIONS_MANIFESTS: ' , ' })).toThrow(/PERSISTED_OPERATIONS_MANIFESTS/);
  });

  it('allows Apollo Sandbox and localhost on any port by default in development only', () => {
    expect(loadConfig({}).http.corsOrigins).toEqual([APOLLO_SANDBOX_ORIGIN, ...LOCAL_DEVELOPMENT_ORIGINS]);
    expect(loadConfig({ CORS_ORIGINS: 'http://localhost:*,https://app.example.com:8443' }).http.corsOrigins).toEqual(['http://localhost:*', 'https://app.example.com:8443']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://*.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({ NODE_ENV: 'production' }).http.corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://www.example.com, https://app.example.com' }).http.corsOrigins).toEqual([
      'https://www.example.com',
      'https://app.example.com',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).http.corsOrigins).toEqual(['*']);
  });

  it('allows the base CORS request headers plus the configured ones', () => {
    expect(CORS_BASE_HEADERS).toEqual(expect.arrayContaining(['apollographql-client-name', 'apollographql-client-version', 'content-type']));
    expect(loadConfig({ CORS_ALLOWED_HEADERS: 'X-Tenant, baggage' }).http.corsAllowedHeaders).toEqual([...CORS_BASE_HEADERS, 'x-tenant', 'baggage']);
    expect(() => loadConfig({ CORS_ALLOWED_HEADERS: 'bad header' })).toThrow(/CORS_ALLOWED_HEADERS/);
  });

  it('overrides each limit and production switch', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      QUERY_MAX_DEPTH: '12',
      QUERY_MAX_ALIASES: '0',
      QUERY_MAX_DIRECTIVES: '3',
      QUERY_MAX_TOKENS: '2000',
      QUERY_MAX_COST: '900',
      QUERY_MAX_ERRORS: '2',
      FIELD_SUGGESTIONS: 'true',
      PERSISTED_OPERATIONS_ONLY: 'true',
      BATCH_MAX_OPERATIONS: '5',
      REQUEST_TIMEOUT_MS: '2500',
      LOG_LEVEL: 'debug',
    });
    expect(config.limits).toEqual({ maxDepth: 12, maxAliases: 0, maxDirectives: 3, maxTokens: 2000, maxCost: 900, maxErrors: 2 });
    expect(config).toMatchObject({ fieldSuggestions: true, logLevel: 'debug', persistedOperations: { only: true }, http: { batchMaxOperations: 5, requestTimeoutMs: 2500 } });
  });

  it('ties suggestions to introspection unless set', () => {
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).fieldSuggestions).toBe(true);
    expect(loadConfig({ INTROSPECTION: 'false' }).fieldSuggestions).toBe(false);
  });

  it('names bad limits, origins and log levels', () => {
    expect.assertions(4);
    try {
      loadConfig({ QUERY_MAX_DEPTH: '0', CORS_ORIGINS: 'example.com/path', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('QUERY_MAX_DEPTH');
      expect(message).toContain('CORS_ORIGINS');
      expect(message).toContain('LOG_LEVEL');
      expect(error).toBeInstanceOf(ConfigError);
    }
  });

  it('runs without Redis, with the response cache on and the webhook off, by default', () => {
    const config = loadConfig({});
    expect(config.redis).toBeUndefined();
    expect(config.webhook).toBeUndefined();
    expect(config.responseCache).toEqual({ enabled: true, maxBytes: 64 * 1024 * 1024, maxTtlSeconds: 300 });
    expect(config.httpCache).toEqual({ sharedMaxAgeSeconds: undefined, staleWhileRevalidateSeconds: 60, staleIfErrorSeconds: 86400 });
    // No overrides: every kind has the entity-kind table's freshness.
    expect(config.cache.kinds).toEqual(Object.fromEntries(Object.entries(ENTITY_KINDS).map(([kind, spec]) => [kind, spec.cache])));
  });

  it('reads the shared cache, webhook, response cache and TTL settings', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://cache.internal:6380/2',
      REDIS_KEY_PREFIX: 'site-a',
      REDIS_COMMAND_TIMEOUT_MS: '150',
      WEBHOOK_SECRET: 'sixteen-chars-or-more',
      RESPONSE_CACHE: 'false',
      HTTP_CACHE_S_MAXAGE_SECONDS: '3600',
      CACHE_TTL_POST_SECONDS: '120',
      CACHE_STALE_WHILE_REVALIDATE_SECONDS: '0',
    });
    expect(config.redis).toEqual({ url: 'redis://cache.internal:6380/2', keyPrefix: 'site-a', commandTimeoutMs: 150, connectTimeoutMs: 2000 });
    expect(config.webhook).toEqual({ secret: 'sixteen-chars-or-more' });
    expect(config.responseCache.enabled).toBe(false);
    expect(config.httpCache.sharedMaxAgeSeconds).toBe(3600);
    expect(config.cache.kinds.post).toMatchObject({ ttlSeconds: 120, staleWhileRevalidateSeconds: 0 });
  });

  it('reports every bad caching setting at once', () => {
    expect.assertions(6);
    try {
      loadConfig({ REDIS_URL: 'http://localhost:6379', WEBHOOK_SECRET: 'short', CACHE_TTL_POST_SECONDS: '0', REDIS_KEY_PREFIX: 'has spaces', RESPONSE_CACHE: 'maybe' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('REDIS_URL: must be a redis:// or rediss:// URL');
      expect(message).toContain('WEBHOOK_SECRET: must be at least 16 characters');
      expect(message).toContain('CACHE_TTL_POST_SECONDS');
      expect(message).toContain('REDIS_KEY_PREFIX');
      expect(message).toContain('RESPONSE_CACHE');
      expect((error as ConfigError).problems).toHaveLength(5);
    }
  });
});

describe('loadConfig: upstreams', () => {
  it('uses the demo newsroom for everything when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.sources).toEqual({ posts: 'demo', authors: 'demo', topics: 'demo', related: 'demo' });
    expect(config.wordpress).toBeUndefined();
    expect(config.services).toEqual({});
  });

  it('takes posts, authors, topics and a ranked rail from WordPress when WORDPRESS_URL is set', () => {
    const config = loadConfig({ WORDPRESS_URL: 'http://wp.test:8080' });
    expect(config.sources).toEqual({ posts: 'wordpress', authors: 'wordpress', topics: 'wordpress', related: 'wordpress' });
    expect(config.wordpress).toMatchObject({ siteUrl: 'http://wp.test:8080', apiRoot: undefined, featuredMedia: 'embed' });
    const breaker = { errorThresholdPercent: 50, minRequests: 10, resetMs: 10_000, windowMs: 10_000 };
    // Per endpoint class: 16 calls in flight at most, the largest share for article lookups.
    expect(config.wordpress?.upstream).toEqual({
      timeoutMs: 1500,
      retries: 2,
      classes: {
        articles: { maxConcurrency: 6, maxQueue: 128, breaker },
        listings: { maxConcurrency: 4, maxQueue: 128, breaker },
        terms: { maxConcurrency: 2, maxQueue: 128, breaker },
        users: { maxConcurrency: 2, maxQueue: 128, breaker },
        media: { maxConcurrency: 2, maxQueue: 128, breaker },
      },
    });
  });

  it('lets a service URL take its kind, with per-upstream timeouts over the shared one', () => {
    const config = loadConfig({
      WORDPRESS_API_ROOT: 'http://wp.test/?rest_route=/',
      RELATED_URL: 'http://reco.test/api',
      AUTHORS_URL: 'http://people.test',
      UPSTREAM_TIMEOUT_MS: '800',
      RELATED_TIMEOUT_MS: '250',
    });
    expect(config.sources).toEqual({ posts: 'wordpress', authors: 'service', topics: 'wordpress', related: 'service' });
    expect(config.wordpress?.apiRoot).toBe('http://wp.test/?rest_route=/');
    expect(config.wordpress?.upstream.timeoutMs).toBe(800);
    expect(config.services.related).toMatchObject({ url: 'http://reco.test/api', upstream: { timeoutMs: 250 } });
    expect(config.services.authors?.upstream.timeoutMs).toBe(800);
  });

  it('reads a config file that picks a source per kind; the environment wins over the file', () => {
    const file = JSON.stringify({
      sources: { posts: 'wordpress', authors: 'service', related: 'service' },
      wordpress: { url: 'http://wp.file', featuredMedia: 'batch', timeoutMs: 3000 },
      services: { authors: { url: 'http://people.file', retries: 0 }, related: { url: 'http://reco.file', maxConcurrency: 4 } },
      upstream: { breaker: { resetMs: 500 } },
      cache: { staleIfErrorSeconds: 1, related: { ttlSeconds: 5, staleIfErrorSeconds: 60 } },
    });
    const config = loadConfig({ GATEWAY_CONFIG: '/etc/gateway.json', WORDPRESS_URL: 'http://wp.env' }, { readFile: () => file });
    expect(config.sources).toEqual({ posts: 'wordpress', authors: 'service', topics: 'wordpress', related: 'service' });
    expect(config.wordpress).toMatchObject({ siteUrl: 'http://wp.env', featuredMedia: 'batch', upstream: { timeoutMs: 3000 } });
    expect(config.services.authors?.upstream).toMatchObject({ retries: 0, breaker: { resetMs: 500 } });
    expect(config.services.related?.upstream.maxConcurrency).toBe(4);
    expect(config.cache.kinds.related).toEqual({ ttlSeconds: 5, missTtlSeconds: 10, staleWhileRevalidateSeconds: 60, staleIfErrorSeconds: 60 });
    expect(config.cache.kinds.post.staleIfErrorSeconds).toBe(1);
  });

  it('sets one stale-if-error window for every kind from CACHE_STALE_IF_ERROR_SECONDS', () => {
    const { kinds } = loadConfig({ CACHE_STALE_IF_ERROR_SECONDS: '3' }).cache;
    expect(Object.values(kinds).map((policy) => policy.staleIfErrorSeconds)).toEqual(Object.keys(ENTITY_KINDS).map(() => 3));
  });

  it('names every bad upstream value at once', () => {
    const problems = problemsOf({
      WORDPRESS_URL: 'wp.example.com',
      RELATED_URL: 'ftp://reco',
      UPSTREAM_TIMEOUT_MS: 'soon',
      UPSTREAM_RETRIES: '9',
      WORDPRESS_FEATURED_MEDIA: 'inline',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^LOG_LEVEL: /),
      expect.stringMatching(/^WORDPRESS_URL: must be an http:\/\/ or https:\/\/ URL/),
      expect.stringMatching(/^WORDPRESS_FEATURED_MEDIA: must be embed or batch/),
      expect.stringMatching(/^RELATED_URL: must be an http/),
      expect.stringMatching(/^UPSTREAM_TIMEOUT_MS: /),
      expect.stringMatching(/^UPSTREAM_RETRIES: /),
    ]);
  });

  it('reports a missing, unreadable or invalid config file with the problems of the environment', () => {
    expect(problemsOf({ GATEWAY_CONFIG: '/nope.json', PORT: 'x' }, () => { throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }); })).toEqual([
      expect.stringMatching(/^PORT: /),
      'GATEWAY_CONFIG (/nope.json): cannot read the file: file not found',
    ]);
    expect(problemsOf({ GATEWAY_CONFIG: '/bad.json' }, () => '{ "sources": ')[0]).toMatch(/^GATEWAY_CONFIG \(\/bad\.json\): not valid JSON: /);
    expect(
      problemsOf({ GATEWAY_CONFIG: '/typo.json' }, () => JSON.stringify({ source: {}, sources: { posts: 'drupal' }, services: { related: { url: 'x', timeoutMs: -1 } } })),
    ).toEqual(
      expect.arrayContaining([
        'GATEWAY_CONFIG (/typo.json) sources.posts: must be demo or wordpress',
        'GATEWAY_CONFIG (/typo.json) services.related.url: must be an http:// or https:// URL',
        expect.stringMatching(/^GATEWAY_CONFIG \(\/typo\.json\) services\.related\.timeoutMs: /),
        expect.stringMatching(/^GATEWAY_CONFIG \(\/typo\.json\) \(top level\): Unrecognized key: "source"/),
      ]),
    );
  });

  it('refuses source choices that cannot work together', () => {
    const file = (sources: object) => () => JSON.stringify({ sources });
    expect(problemsOf({ GATEWAY_CONFIG: 'f' }, file({ authors: 'service' }))).toEqual([
      'sources.authors: "service" needs a URL: set AUTHORS_URL or services.authors.url in the config file',
    ]);
    expect(problemsOf({ GATEWAY_CONFIG: 'f' }, file({ posts: 'wordpress' }))).toEqual([
      expect.stringMatching(/^sources: "wordpress" is chosen but no site is set: set WORDPRESS_URL/),
    ]);
    // Demo authors cannot resolve WordPress user ids.
    expect(problemsOf({ GATEWAY_CONFIG: 'f', WORDPRESS_URL: 'http://wp.test' }, file({ authors: 'demo' }))).toEqual([
      'sources.authors: "demo" cannot resolve the ids of posts from "wordpress"; use "wordpress" or "service"',
    ]);
  });
});

function problemsOf(env: Record<string, string>, readFile?: (path: string) => string): string[] {
  try {
    loadConfig(env, readFile ? { readFile } : {});
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: subgraph mode', () => {
  it('is off by default and turned on by SUBGRAPH or the file field subgraph.enabled', () => {
    expect(loadConfig({}).subgraph).toEqual({ enabled: false });
    expect(loadConfig({ SUBGRAPH: 'true' }).subgraph).toEqual({ enabled: true });
    expect(loadConfig({ GATEWAY_CONFIG: '/etc/gateway.json' }, { readFile: () => '{ "subgraph": { "enabled": true } }' }).subgraph).toEqual({ enabled: true });
    expect(loadConfig({ GATEWAY_CONFIG: '/etc/gateway.json', SUBGRAPH: 'false' }, { readFile: () => '{ "subgraph": { "enabled": true } }' }).subgraph).toEqual({ enabled: false });
  });

  it('refuses SUBGRAPH with PERSISTED_OPERATIONS_ONLY, whose manifest cannot hold a router\'s query plans, with the other problems', () => {
    expect.assertions(3);
    try {
      loadConfig({ SUBGRAPH: 'true', PERSISTED_OPERATIONS_ONLY: 'true', PORT: 'eighty' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toContainEqual(expect.stringMatching(/^SUBGRAPH: .*PERSISTED_OPERATIONS_ONLY/));
      expect((error as ConfigError).problems).toContainEqual(expect.stringMatching(/^PORT/));
    }
  });
});
