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
});
