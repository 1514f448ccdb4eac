import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'preview-secret-0123456789-0123456789';
const APP_PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('preview settings', () => {
  it('leaves previews off unless a token key is set', () => {
    expect(loadConfig({}).preview).toBeUndefined();
  });

  it('turns previews on with a secret, with the default maximum token age', () => {
    expect(loadConfig({ PREVIEW_JWT_SECRET: SECRET }).preview).toEqual({
      token: { keys: { kind: 'secret', secret: SECRET }, issuer: undefined, audience: undefined, maxAgeSeconds: 600 },
      wordpress: undefined,
    });
  });

  it('reads a JWKS URL, issuer, audience, maximum age and the WordPress login', () => {
    const config = loadConfig({
      WORDPRESS_URL: 'https://news.example',
      PREVIEW_JWKS_URL: 'https://login.example/.well-known/jwks.json',
      PREVIEW_JWT_ISSUER: 'https://login.example',
      PREVIEW_JWT_AUDIENCE: 'newsroom-previews',
      PREVIEW_TOKEN_MAX_AGE_SECONDS: '120',
      WORDPRESS_PREVIEW_USER: 'desk-editor',
      WORDPRESS_PREVIEW_APP_PASSWORD: APP_PASSWORD,
    });
    expect(config.preview).toEqual({
      token: { keys: { kind: 'jwks', url: 'https://login.example/.well-known/jwks.json' }, issuer: 'https://login.example', audience: 'newsroom-previews', maxAgeSeconds: 120 },
      wordpress: { user: 'desk-editor', appPassword: APP_PASSWORD },
    });
  });

  it('reads the same from the config file', () => {
    const file = JSON.stringify({ preview: { jwtSecret: SECRET, tokenMaxAgeSeconds: 60 }, wordpress: { url: 'https://news.example', previewUser: 'desk-editor', previewAppPassword: APP_PASSWORD } });
    const config = loadConfig({ GATEWAY_CONFIG: 'gateway.json' }, { readFile: () => file });
    expect(config.preview?.token.maxAgeSeconds).toBe(60);
    expect(config.preview?.wordpress).toEqual({ user: 'desk-editor', appPassword: APP_PASSWORD });
  });

  it('refuses combinations that cannot work, naming the variables and never the secrets', () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ PREVIEW_JWT_SECRET: 'short-secret' }, ['PREVIEW_JWT_SECRET: must be at least 32 characters']],
      [{ PREVIEW_JWT_SECRET: SECRET, PREVIEW_JWKS_URL: 'https://login.example/jwks' }, ['PREVIEW_JWT_SECRET and PREVIEW_JWKS_URL: set one of them, not both']],
      [{ PREVIEW_JWT_SECRET: SECRET, WORDPRESS_PREVIEW_APP_PASSWORD: APP_PASSWORD }, ['WORDPRESS_PREVIEW_USER: needed with WORDPRESS_PREVIEW_APP_PASSWORD']],
      [
        { WORDPRESS_PREVIEW_USER: 'desk-editor', WORDPRESS_PREVIEW_APP_PASSWORD: APP_PASSWORD },
        ['WORDPRESS_PREVIEW_USER: previews are off without PREVIEW_JWT_SECRET or PREVIEW_JWKS_URL, so nobody could ask for one'],
      ],
      [
        { WORDPRESS_URL: 'https://news.example', PREVIEW_JWT_SECRET: SECRET },
        ['WORDPRESS_PREVIEW_USER and WORDPRESS_PREVIEW_APP_PASSWORD: previews of WordPress posts need the application password of an editor'],
      ],
      [{ PREVIEW_JWT_SECRET: SECRET, PREVIEW_TOKEN_MAX_AGE_SECONDS: '0' }, ['PREVIEW_TOKEN_MAX_AGE_SECONDS: PREVIEW_TOKEN_MAX_AGE_SECONDS must be 1 to 86400']],
    ];
    for (const [env, expected] of cases) {
      const problems = problemsOf(env);
      expect(problems).toEqual(expected);
      for (const secret of [SECRET, APP_PASSWORD, 'short-secret']) expect(problems.join('\n')).not.toContain(secret);
    }
  });

  it('needs no WordPress login when posts come from the demo newsroom', () => {
    expect(loadConfig({ PREVIEW_JWT_SECRET: SECRET }).preview?.wordpress).toBeUndefined();
  });
});
