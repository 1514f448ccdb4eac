import { z } from 'zod';

/**
 * All configuration, read once in src/index.ts and passed down. Every problem is reported at once, so an
 * operator fixes a bad deployment in one go.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).positive(`${name} must be greater than 0`);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535').default(4000),
  HOST: z.string().min(1).optional(),
  CACHE_MAX_ENTRIES: positiveInt('CACHE_MAX_ENTRIES').default(20_000),
  BODY_LIMIT_BYTES: positiveInt('BODY_LIMIT_BYTES').default(100 * 1024),
  INTROSPECTION: booleanFromEnv.optional(),
  LANDING_PAGE: booleanFromEnv.optional(),
  EXPOSE_ERROR_DETAILS: booleanFromEnv.optional(),
  DEMO_LATENCY_MS: z.coerce.number({ error: 'must be a number' }).int().min(0, 'must be 0 or more').default(0),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  cache: { maxEntries: number };
  http: { bodyLimitBytes: number };
  /** Schema exploration for developers: on in development, off in production unless asked for. */
  introspection: boolean;
  landingPage: boolean;
  /** Stack traces and unmasked messages; never in production unless asked for. */
  exposeErrorDetails: boolean;
  demo: { latencyMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty variables count as unset: `PORT=` in a .env file means "default", not "zero".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  return {
    nodeEnv: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    cache: { maxEntries: values.CACHE_MAX_ENTRIES },
    http: { bodyLimitBytes: values.BODY_LIMIT_BYTES },
    introspection: values.INTROSPECTION ?? !production,
    landingPage: values.LANDING_PAGE ?? !production,
    exposeErrorDetails: values.EXPOSE_ERROR_DETAILS ?? !production,
    demo: { latencyMs: values.DEMO_LATENCY_MS },
  };
}
