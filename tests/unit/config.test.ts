import { ConfigError, loadConfig } from '../../src/config';

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
