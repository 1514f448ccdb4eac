import { APOLLO_SANDBOX_ORIGIN, ConfigError, DEFAULT_PERSISTED_OPERATIONS_MANIFEST, loadConfig, QUERY_LIMIT_DEFAULTS } from '../../src/config';

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
    expect(config.http).toEqual({ bodyLimitBytes: 102400, requestTimeoutMs: 10000, corsOrigins: [], batchMaxOperations: 0 });
    expect(config.persistedOperations).toEqual({ only: false, manifestPath: DEFAULT_PERSISTED_OPERATIONS_MANIFEST });
    expect(config).toMatchObject({ fieldSuggestions: false, logLevel: 'info', shutdownGraceMs: 25000, metrics: { enabled: true } });
  });

  it('allows Apollo Sandbox by default in development only', () => {
    expect(loadConfig({}).http.corsOrigins).toEqual([APOLLO_SANDBOX_ORIGIN]);
    expect(loadConfig({ NODE_ENV: 'production' }).http.corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://www.example.com, https://app.example.com' }).http.corsOrigins).toEqual([
      'https://www.example.com',
      'https://app.example.com',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).http.corsOrigins).toEqual(['*']);
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
    expect(config.cache.ttl).toEqual({});
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
    expect(config.cache.ttl).toMatchObject({ postSeconds: 120, staleWhileRevalidateSeconds: 0 });
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
