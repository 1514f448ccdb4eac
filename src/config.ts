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

const nonNegativeInt = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(0, `${name} must be 0 or more`);

const redisUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), { error: 'must be a redis:// or rediss:// URL' });

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

  // Entity cache: per-kind freshness overrides (defaults in src/cache/cachePolicies.ts).
  CACHE_TTL_POST_SECONDS: positiveInt('CACHE_TTL_POST_SECONDS').optional(),
  CACHE_TTL_POST_LIST_SECONDS: positiveInt('CACHE_TTL_POST_LIST_SECONDS').optional(),
  CACHE_TTL_AUTHOR_SECONDS: positiveInt('CACHE_TTL_AUTHOR_SECONDS').optional(),
  CACHE_TTL_TOPIC_SECONDS: positiveInt('CACHE_TTL_TOPIC_SECONDS').optional(),
  CACHE_TTL_RELATED_SECONDS: positiveInt('CACHE_TTL_RELATED_SECONDS').optional(),
  CACHE_MISS_TTL_SECONDS: positiveInt('CACHE_MISS_TTL_SECONDS').optional(),
  CACHE_STALE_WHILE_REVALIDATE_SECONDS: nonNegativeInt('CACHE_STALE_WHILE_REVALIDATE_SECONDS').optional(),
  CACHE_STALE_IF_ERROR_SECONDS: nonNegativeInt('CACHE_STALE_IF_ERROR_SECONDS').optional(),

  // Shared tier.
  REDIS_URL: redisUrl.optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, or : _ . -' }).default('newsroom-gw'),
  REDIS_COMMAND_TIMEOUT_MS: positiveInt('REDIS_COMMAND_TIMEOUT_MS').default(200),
  REDIS_CONNECT_TIMEOUT_MS: positiveInt('REDIS_CONNECT_TIMEOUT_MS').default(2_000),

  // Full-response cache and HTTP caching headers.
  RESPONSE_CACHE: booleanFromEnv.default(true),
  RESPONSE_CACHE_MAX_BYTES: positiveInt('RESPONSE_CACHE_MAX_BYTES').default(64 * 1024 * 1024),
  RESPONSE_CACHE_MAX_TTL_SECONDS: positiveInt('RESPONSE_CACHE_MAX_TTL_SECONDS').default(300),
  HTTP_CACHE_S_MAXAGE_SECONDS: positiveInt('HTTP_CACHE_S_MAXAGE_SECONDS').optional(),
  HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS: nonNegativeInt('HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS').default(60),
  HTTP_CACHE_STALE_IF_ERROR_SECONDS: nonNegativeInt('HTTP_CACHE_STALE_IF_ERROR_SECONDS').default(86_400),

  // Purge on publish.
  WEBHOOK_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
});

/** Entity cache overrides in seconds; unset ones keep the per-kind defaults. */
export interface CacheTtlOverrides {
  postSeconds?: number;
  postListSeconds?: number;
  authorSeconds?: number;
  topicSeconds?: number;
  relatedSeconds?: number;
  missSeconds?: number;
  staleWhileRevalidateSeconds?: number;
  staleIfErrorSeconds?: number;
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  cache: { maxEntries: number; ttl: CacheTtlOverrides };
  /** Unset: one instance, in-process cache only. */
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number; connectTimeoutMs: number } | undefined;
  responseCache: { enabled: boolean; maxBytes: number; maxTtlSeconds: number };
  httpCache: { sharedMaxAgeSeconds: number | undefined; staleWhileRevalidateSeconds: number; staleIfErrorSeconds: number };
  /** Unset: the content-changed webhook answers 404. */
  webhook: { secret: string } | undefined;
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
    cache: {
      maxEntries: values.CACHE_MAX_ENTRIES,
      ttl: {
        postSeconds: values.CACHE_TTL_POST_SECONDS,
        postListSeconds: values.CACHE_TTL_POST_LIST_SECONDS,
        authorSeconds: values.CACHE_TTL_AUTHOR_SECONDS,
        topicSeconds: values.CACHE_TTL_TOPIC_SECONDS,
        relatedSeconds: values.CACHE_TTL_RELATED_SECONDS,
        missSeconds: values.CACHE_MISS_TTL_SECONDS,
        staleWhileRevalidateSeconds: values.CACHE_STALE_WHILE_REVALIDATE_SECONDS,
        staleIfErrorSeconds: values.CACHE_STALE_IF_ERROR_SECONDS,
      },
    },
    redis: values.REDIS_URL
      ? {
          url: values.REDIS_URL,
          keyPrefix: values.REDIS_KEY_PREFIX,
          commandTimeoutMs: values.REDIS_COMMAND_TIMEOUT_MS,
          connectTimeoutMs: values.REDIS_CONNECT_TIMEOUT_MS,
        }
      : undefined,
    responseCache: {
      enabled: values.RESPONSE_CACHE,
      maxBytes: values.RESPONSE_CACHE_MAX_BYTES,
      maxTtlSeconds: values.RESPONSE_CACHE_MAX_TTL_SECONDS,
    },
    httpCache: {
      sharedMaxAgeSeconds: values.HTTP_CACHE_S_MAXAGE_SECONDS,
      staleWhileRevalidateSeconds: values.HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS,
      staleIfErrorSeconds: values.HTTP_CACHE_STALE_IF_ERROR_SECONDS,
    },
    webhook: values.WEBHOOK_SECRET ? { secret: values.WEBHOOK_SECRET } : undefined,
    http: { bodyLimitBytes: values.BODY_LIMIT_BYTES },
    introspection: values.INTROSPECTION ?? !production,
    landingPage: values.LANDING_PAGE ?? !production,
    exposeErrorDetails: values.EXPOSE_ERROR_DETAILS ?? !production,
    demo: { latencyMs: values.DEMO_LATENCY_MS },
  };
}
