import { join } from 'node:path';
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

/** `*`, or a comma-separated list of exact origins such as `https://www.example.com`. */
const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .refine((origins) => origins.every((origin) => origin === '*' || /^https?:\/\/[^/\s]+$/.test(origin)), {
    error: 'must be * or a comma-separated list of origins such as https://www.example.com (scheme and host, no path)',
  });

/** The origin Apollo Sandbox runs on: allowed in development so developers can explore a local gateway. */
export const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

/** Where `npm run codegen` writes the trusted-documents manifest (the same path from src/ and dist/). */
export const DEFAULT_PERSISTED_OPERATIONS_MANIFEST = join(__dirname, '..', 'operations', 'persisted-query-manifest.json');

/**
 * Query limits. Defaults come from the project's real operations (operations/*.graphql, measured by
 * tests/unit/queryLimitDefaults.test.ts): the deepest is TopicPage at depth 6, the longest LatestPosts at
 * 94 tokens, none uses aliases or directives, and the dearest is LatestPosts at cost 2,401 with a full page
 * of 100 posts. Each default leaves room for clients' own queries (and Apollo Sandbox's ~190-token
 * introspection query) while keeping hostile ones cheap to refuse.
 */
export const QUERY_LIMIT_DEFAULTS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
  maxCost: 5000,
  maxErrors: 5,
} as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const redisUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), { error: 'must be a redis:// or rediss:// URL' });

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535').default(4000),
  HOST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  CACHE_MAX_ENTRIES: positiveInt('CACHE_MAX_ENTRIES').default(20_000),
  BODY_LIMIT_BYTES: positiveInt('BODY_LIMIT_BYTES').default(100 * 1024),
  REQUEST_TIMEOUT_MS: positiveInt('REQUEST_TIMEOUT_MS').default(10_000),
  SHUTDOWN_GRACE_MS: positiveInt('SHUTDOWN_GRACE_MS').default(25_000),
  CORS_ORIGINS: originList.optional(),
  BATCH_MAX_OPERATIONS: nonNegativeInt('BATCH_MAX_OPERATIONS').default(0),
  INTROSPECTION: booleanFromEnv.optional(),
  LANDING_PAGE: booleanFromEnv.optional(),
  EXPOSE_ERROR_DETAILS: booleanFromEnv.optional(),
  FIELD_SUGGESTIONS: booleanFromEnv.optional(),
  QUERY_MAX_DEPTH: positiveInt('QUERY_MAX_DEPTH').default(QUERY_LIMIT_DEFAULTS.maxDepth),
  QUERY_MAX_ALIASES: nonNegativeInt('QUERY_MAX_ALIASES').default(QUERY_LIMIT_DEFAULTS.maxAliases),
  QUERY_MAX_DIRECTIVES: nonNegativeInt('QUERY_MAX_DIRECTIVES').default(QUERY_LIMIT_DEFAULTS.maxDirectives),
  QUERY_MAX_TOKENS: positiveInt('QUERY_MAX_TOKENS').default(QUERY_LIMIT_DEFAULTS.maxTokens),
  QUERY_MAX_COST: positiveInt('QUERY_MAX_COST').default(QUERY_LIMIT_DEFAULTS.maxCost),
  QUERY_MAX_ERRORS: positiveInt('QUERY_MAX_ERRORS').default(QUERY_LIMIT_DEFAULTS.maxErrors),
  PERSISTED_OPERATIONS_ONLY: booleanFromEnv.default(false),
  PERSISTED_OPERATIONS_MANIFEST: z.string().min(1).default(DEFAULT_PERSISTED_OPERATIONS_MANIFEST),
  METRICS_ENABLED: booleanFromEnv.default(true),
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

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface QueryLimits {
  /** Deepest field nesting, fragments expanded. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the document; the parser stops at this many (Apollo's `parseOptions.maxTokens`). */
  maxTokens: number;
  /** Fields that would be resolved, list pages counted at their `first` (see src/server/limits/operationCost.ts). */
  maxCost: number;
  /** Validation errors reported before validation stops: bounds the work and the size of an error reply. */
  maxErrors: number;
}

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
  logLevel: LogLevel;
  http: {
    bodyLimitBytes: number;
    /** A request still running after this is answered 504 GATEWAY_TIMEOUT. */
    requestTimeoutMs: number;
    /** Browser origins allowed to call the gateway; `['*']` allows any. Empty: same-origin only. */
    corsOrigins: string[];
    /** Largest batch (JSON array of operations); 0 turns batching off. */
    batchMaxOperations: number;
  };
  /** How long SIGTERM waits for in-flight requests before closing what is left. */
  shutdownGraceMs: number;
  limits: QueryLimits;
  persistedOperations: {
    /** Accept only the operations in the manifest (trusted documents). */
    only: boolean;
    manifestPath: string;
  };
  metrics: { enabled: boolean };
  cache: { maxEntries: number; ttl: CacheTtlOverrides };
  /** Unset: one instance, in-process cache only. */
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number; connectTimeoutMs: number } | undefined;
  responseCache: { enabled: boolean; maxBytes: number; maxTtlSeconds: number };
  httpCache: { sharedMaxAgeSeconds: number | undefined; staleWhileRevalidateSeconds: number; staleIfErrorSeconds: number };
  /** Unset: the content-changed webhook answers 404. */
  webhook: { secret: string } | undefined;
  /** Schema exploration for developers: on in development, off in production unless asked for. */
  introspection: boolean;
  landingPage: boolean;
  /** "Did you mean …?" hints in errors: they reveal the schema, so they follow introspection unless set. */
  fieldSuggestions: boolean;
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
  const introspection = values.INTROSPECTION ?? !production;
  return {
    nodeEnv: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL ?? (values.NODE_ENV === 'test' ? 'silent' : 'info'),
    http: {
      bodyLimitBytes: values.BODY_LIMIT_BYTES,
      requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
      corsOrigins: values.CORS_ORIGINS ?? (values.NODE_ENV === 'development' ? [APOLLO_SANDBOX_ORIGIN] : []),
      batchMaxOperations: values.BATCH_MAX_OPERATIONS,
    },
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    limits: {
      maxDepth: values.QUERY_MAX_DEPTH,
      maxAliases: values.QUERY_MAX_ALIASES,
      maxDirectives: values.QUERY_MAX_DIRECTIVES,
      maxTokens: values.QUERY_MAX_TOKENS,
      maxCost: values.QUERY_MAX_COST,
      maxErrors: values.QUERY_MAX_ERRORS,
    },
    persistedOperations: { only: values.PERSISTED_OPERATIONS_ONLY, manifestPath: values.PERSISTED_OPERATIONS_MANIFEST },
    metrics: { enabled: values.METRICS_ENABLED },
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
    introspection,
    landingPage: values.LANDING_PAGE ?? !production,
    fieldSuggestions: values.FIELD_SUGGESTIONS ?? introspection,
    exposeErrorDetails: values.EXPOSE_ERROR_DETAILS ?? !production,
    demo: { latencyMs: values.DEMO_LATENCY_MS },
  };
}
