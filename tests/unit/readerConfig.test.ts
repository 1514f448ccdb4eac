import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'reader-secret-0123456789-0123456789';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('reader settings', () => {
  it('defaults to the SQLite file under data/, the newsletter limits and no tokens outside development', () => {
    for (const NODE_ENV of ['production', 'test']) {
      expect(loadConfig({ NODE_ENV }).reader).toEqual({
        token: undefined,
        store: { kind: 'sqlite', path: 'data/reader.sqlite' },
        newsletterTopicSlugs: ['politics', 'business', 'technology', 'science', 'culture'],
        newsletterLimits: { perClientAddress: 5, perEmail: 3, windowSeconds: 3600 },
        clientAddressHeader: undefined,
      });
    }
  });

  it('makes a throwaway secret in development only, a new one each start', () => {
    const first = loadConfig({ NODE_ENV: 'development' }).reader.token;
    const second = loadConfig({}).reader.token;
    expect(first?.keys).toEqual({ kind: 'secret', secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), generated: true });
    expect(second?.keys.kind === 'secret' && first?.keys.kind === 'secret' && second.keys.secret !== first.keys.secret).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', READER_JWT_SECRET: SECRET }).reader.token?.keys).toEqual({ kind: 'secret', secret: SECRET, generated: false });
  });

  it('reads a JWKS URL, issuer, audience, the reader service and its policy', () => {
    const reader = loadConfig({
      NODE_ENV: 'production',
      READER_JWKS_URL: 'https://login.example/jwks.json',
      READER_JWT_ISSUER: 'https://login.example',
      READER_JWT_AUDIENCE: 'newsroom',
      READER_SERVICE_URL: 'http://readers.internal/api',
      READER_SERVICE_TIMEOUT_MS: '800',
    }).reader;
    expect(reader.token).toEqual({ keys: { kind: 'jwks', url: 'https://login.example/jwks.json' }, issuer: 'https://login.example', audience: 'newsroom' });
    expect(reader.store).toMatchObject({ kind: 'service', url: 'http://readers.internal/api', upstream: { timeoutMs: 800 } });
  });

  it('refuses reader features configured without a key, naming the variable, in any mode', () => {
    for (const NODE_ENV of ['production', 'development']) {
      expect(problemsOf({ NODE_ENV, READER_JWT_ISSUER: 'https://login.example' })).toEqual([expect.stringMatching(/^READER_JWT_ISSUER: .*READER_JWT_SECRET or READER_JWKS_URL/)]);
      expect(problemsOf({ NODE_ENV, READER_JWT_AUDIENCE: 'newsroom' })).toEqual([expect.stringMatching(/^READER_JWT_AUDIENCE: /)]);
      expect(problemsOf({ NODE_ENV, READER_SERVICE_URL: 'http://readers.internal' })).toEqual([expect.stringMatching(/^READER_SERVICE_URL: .*READER_JWT_SECRET/)]);
    }
  });

  it('refuses a short secret, both kinds of key, and bad limits, without showing the secret', () => {
    const problems = problemsOf({ READER_JWT_SECRET: 'short-secret', READER_NEWSLETTER_LIMIT_PER_EMAIL: '0', READER_NEWSLETTER_TOPICS: 'Politics;Business' });
    expect(problems.join('\n')).toMatch(/READER_JWT_SECRET/);
    expect(problems.join('\n')).toMatch(/READER_NEWSLETTER_LIMIT_PER_EMAIL/);
    expect(problems.join('\n')).toMatch(/READER_NEWSLETTER_TOPICS/);
    expect(problems.join('\n')).not.toContain('short-secret');
    expect(problemsOf({ READER_JWT_SECRET: SECRET, READER_JWKS_URL: 'https://login.example/jwks.json' })).toEqual([
      'READER_JWT_SECRET and READER_JWKS_URL: set one of them, not both',
    ]);
  });
});
