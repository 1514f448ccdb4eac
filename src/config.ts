import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type CacheKind, type CachePolicies, resolveCachePolicies } from './cache/cachePolicies';

/**
 * All configuration, read once in src/index.ts and passed down. Every problem is reported at once, so an
 * operator fixes a bad deployment in one go. Values come from environment variables and, optionally, a
 * JSON file named by GATEWAY_CONFIG; an environment variable wins over the file, the file over defaults.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).positive(`${name} must be greater than 0`);

const nonNegativeInt = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(0, `${name} must be 0 or more`);

const percent = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).min(1, `${name} must be 1 to 100`).max(100, `${name} must be 1 to 100`);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

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

  // Upstreams (see docs/services.md and the README's WordPress section).
  GATEWAY_CONFIG: z.string().min(1).optional(),
  WORDPRESS_URL: httpUrl.optional(),
  WORDPRESS_API_ROOT: httpUrl.optional(),
  WORDPRESS_FEATURED_MEDIA: z.enum(['embed', 'batch'], { error: 'must be embed or batch' }).optional(),
  WORDPRESS_TIMEOUT_MS: positiveInt('WORDPRESS_TIMEOUT_MS').optional(),
  AUTHORS_URL: httpUrl.optional(),
  AUTHORS_TIMEOUT_MS: positiveInt('AUTHORS_TIMEOUT_MS').optional(),
  TOPICS_URL: httpUrl.optional(),
  TOPICS_TIMEOUT_MS: positiveInt('TOPICS_TIMEOUT_MS').optional(),
  RELATED_URL: httpUrl.optional(),
  RELATED_TIMEOUT_MS: positiveInt('RELATED_TIMEOUT_MS').optional(),
  UPSTREAM_TIMEOUT_MS: positiveInt('UPSTREAM_TIMEOUT_MS').optional(),
  UPSTREAM_RETRIES: nonNegativeInt('UPSTREAM_RETRIES').max(5, 'UPSTREAM_RETRIES must be 5 or less').optional(),
  UPSTREAM_MAX_CONCURRENCY: positiveInt('UPSTREAM_MAX_CONCURRENCY').optional(),
  UPSTREAM_BREAKER_ERROR_PERCENT: percent('UPSTREAM_BREAKER_ERROR_PERCENT').optional(),
  UPSTREAM_BREAKER_MIN_REQUESTS: positiveInt('UPSTREAM_BREAKER_MIN_REQUESTS').optional(),
  UPSTREAM_BREAKER_RESET_MS: positiveInt('UPSTREAM_BREAKER_RESET_MS').optional(),
  UPSTREAM_BREAKER_WINDOW_MS: positiveInt('UPSTREAM_BREAKER_WINDOW_MS').optional(),
});
type EnvValues = z.infer<typeof EnvSchema>;

/** Per-upstream overrides allowed in the file, next to the upstream's URL. */
const upstreamOverrides = {
  timeoutMs: positiveInt('timeoutMs').optional(),
  retries: nonNegativeInt('retries').max(5, 'retries must be 5 or less').optional(),
  maxConcurrency: positiveInt('maxConcurrency').optional(),
};

const cachePolicyFile = z.strictObject({
  ttlMs: positiveInt('ttlMs').optional(),
  missTtlMs: positiveInt('missTtlMs').optional(),
  staleWhileRevalidateMs: nonNegativeInt('staleWhileRevalidateMs').optional(),
  staleIfErrorMs: nonNegativeInt('staleIfErrorMs').optional(),
});

const serviceFile = z.strictObject({ url: httpUrl.optional(), ...upstreamOverrides });

const FileSchema = z.strictObject({
  sources: z
    .strictObject({
      posts: z.enum(['demo', 'wordpress'], { error: 'must be demo or wordpress' }).optional(),
      authors: z.enum(['demo', 'wordpress', 'service'], { error: 'must be demo, wordpress or service' }).optional(),
      topics: z.enum(['demo', 'wordpress', 'service'], { error: 'must be demo, wordpress or service' }).optional(),
      related: z.enum(['demo', 'wordpress', 'service'], { error: 'must be demo, wordpress or service' }).optional(),
    })
    .optional(),
  wordpress: z
    .strictObject({
      url: httpUrl.optional(),
      apiRoot: httpUrl.optional(),
      featuredMedia: z.enum(['embed', 'batch'], { error: 'must be embed or batch' }).optional(),
      ...upstreamOverrides,
    })
    .optional(),
  services: z.strictObject({ authors: serviceFile.optional(), topics: serviceFile.optional(), related: serviceFile.optional() }).optional(),
  upstream: z
    .strictObject({
      ...upstreamOverrides,
      breaker: z
        .strictObject({
          errorThresholdPercent: percent('errorThresholdPercent').optional(),
          minRequests: positiveInt('minRequests').optional(),
          resetMs: positiveInt('resetMs').optional(),
          windowMs: positiveInt('windowMs').optional(),
        })
        .optional(),
    })
    .optional(),
  cache: z
    .strictObject({
      staleIfErrorMs: nonNegativeInt('staleIfErrorMs').optional(),
      post: cachePolicyFile.optional(),
      postList: cachePolicyFile.optional(),
      author: cachePolicyFile.optional(),
      topic: cachePolicyFile.optional(),
      related: cachePolicyFile.optional(),
    })
    .optional(),
});
type FileValues = z.infer<typeof FileSchema>;

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

export type ServiceName = 'authors' | 'topics' | 'related';

export interface BreakerPolicy {
  /** Failure share (of calls in the window) at which the breaker opens. */
  errorThresholdPercent: number;
  /** Calls in the window before the breaker may open at all, so one early failure does not open it. */
  minRequests: number;
  /** How long an open breaker fails fast before letting one trial call through. */
  resetMs: number;
  /** The rolling window over which failures are counted. */
  windowMs: number;
}

export interface UpstreamPolicy {
  /** Budget for one logical call, retries included: the most an upstream can add to a response. */
  timeoutMs: number;
  /** Extra attempts for idempotent GETs after a connection error or a 5xx, within the budget. */
  retries: number;
  /** Most requests in flight to this upstream at once; more wait for a free connection. */
  maxConcurrency: number;
  breaker: BreakerPolicy;
}

export interface WordPressConfig {
  /** The site's public URL; the REST root is discovered from it unless `apiRoot` is set. */
  siteUrl: string | undefined;
  /** Explicit REST root, e.g. `https://news.example/wp-json/` or `https://news.example/?rest_route=/`. */
  apiRoot: string | undefined;
  /** `embed`: one call per post batch (`_embed=wp:featuredmedia`); `batch`: a second call to `media?include=`. */
  featuredMedia: 'embed' | 'batch';
  upstream: UpstreamPolicy;
}

export interface ServiceConfig {
  url: string;
  upstream: UpstreamPolicy;
}

export interface SourceChoices {
  posts: 'demo' | 'wordpress';
  authors: 'demo' | 'wordpress' | 'service';
  topics: 'demo' | 'wordpress' | 'service';
  /** `wordpress` ranks related stories inside the gateway from WordPress's categories, tags and authors. */
  related: 'demo' | 'wordpress' | 'service';
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  logLevel: LogLevel;
  /** `ttl`: the operator's overrides in seconds; `policies`: what the entity cache uses, overrides applied. */
  cache: { maxEntries: number; ttl: CacheTtlOverrides; policies: CachePolicies };
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
  /** Where each entity kind comes from. Nothing configured: the demo newsroom for everything. */
  sources: SourceChoices;
  /** Set when any kind comes from WordPress. */
  wordpress: WordPressConfig | undefined;
  /** Set for each kind that comes from an HTTP service. */
  services: Partial<Record<ServiceName, ServiceConfig>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Reads the GATEWAY_CONFIG file; injectable so tests need no files. */
  readFile?: (path: string) => string;
}

export const UPSTREAM_DEFAULTS: UpstreamPolicy = {
  timeoutMs: 1500,
  retries: 2,
  maxConcurrency: 32,
  breaker: { errorThresholdPercent: 50, minRequests: 10, resetMs: 10_000, windowMs: 10_000 },
};

export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): Config {
  const problems: string[] = [];
  // Empty variables count as unset: `PORT=` in a .env file means "default", not "zero".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  // Field by field, so a bad value does not hide the problems of the others (or of the file).
  const values: Record<string, unknown> = {};
  const invalid = new Set<string>();
  for (const [name, schema] of Object.entries(EnvSchema.shape)) {
    const result = (schema as z.ZodType).safeParse(present[name]);
    if (result.success) {
      values[name] = result.data;
    } else {
      invalid.add(name);
      problems.push(...result.error.issues.map((issue) => `${name}: ${issue.message}`));
      values[name] = (schema as z.ZodType).safeParse(undefined).data;
    }
  }

  const fileLabel = `GATEWAY_CONFIG (${present.GATEWAY_CONFIG ?? ''})`;
  const file = present.GATEWAY_CONFIG && !invalid.has('GATEWAY_CONFIG') ? readConfigFile(present.GATEWAY_CONFIG, fileLabel, options, problems) : {};

  const config = assemble(values as EnvValues, file, invalid, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readConfigFile(path: string, label: string, options: LoadConfigOptions, problems: string[]): FileValues {
  let text: string;
  try {
    text = (options.readFile ?? ((file) => readFileSync(file, 'utf8')))(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    problems.push(`${label}: cannot read the file: ${reason}`);
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`${label}: not valid JSON: ${(error as Error).message}`);
    return {};
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${label} ${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`));
    return {};
  }
  return parsed.data;
}

/** `invalid` names the variables already reported, so their absence is not reported a second time. */
function assemble(env: EnvValues, file: FileValues, invalid: ReadonlySet<string>, problems: string[]): Config {
  const production = env.NODE_ENV === 'production';
  const base: UpstreamPolicy = {
    timeoutMs: env.UPSTREAM_TIMEOUT_MS ?? file.upstream?.timeoutMs ?? UPSTREAM_DEFAULTS.timeoutMs,
    retries: env.UPSTREAM_RETRIES ?? file.upstream?.retries ?? UPSTREAM_DEFAULTS.retries,
    maxConcurrency: env.UPSTREAM_MAX_CONCURRENCY ?? file.upstream?.maxConcurrency ?? UPSTREAM_DEFAULTS.maxConcurrency,
    breaker: {
      errorThresholdPercent:
        env.UPSTREAM_BREAKER_ERROR_PERCENT ?? file.upstream?.breaker?.errorThresholdPercent ?? UPSTREAM_DEFAULTS.breaker.errorThresholdPercent,
      minRequests: env.UPSTREAM_BREAKER_MIN_REQUESTS ?? file.upstream?.breaker?.minRequests ?? UPSTREAM_DEFAULTS.breaker.minRequests,
      resetMs: env.UPSTREAM_BREAKER_RESET_MS ?? file.upstream?.breaker?.resetMs ?? UPSTREAM_DEFAULTS.breaker.resetMs,
      windowMs: env.UPSTREAM_BREAKER_WINDOW_MS ?? file.upstream?.breaker?.windowMs ?? UPSTREAM_DEFAULTS.breaker.windowMs,
    },
  };
  const policyFor = (overrides: { timeoutMs?: number; retries?: number; maxConcurrency?: number } | undefined, envTimeoutMs: number | undefined): UpstreamPolicy => ({
    ...base,
    // The per-upstream environment variable is the most specific, then the file's per-upstream value.
    timeoutMs: envTimeoutMs ?? overrides?.timeoutMs ?? base.timeoutMs,
    retries: overrides?.retries ?? base.retries,
    maxConcurrency: overrides?.maxConcurrency ?? base.maxConcurrency,
  });

  const siteUrl = env.WORDPRESS_URL ?? file.wordpress?.url;
  const apiRoot = env.WORDPRESS_API_ROOT ?? file.wordpress?.apiRoot;
  const hasWordPress = siteUrl !== undefined || apiRoot !== undefined;
  const serviceUrls: Record<ServiceName, string | undefined> = {
    authors: env.AUTHORS_URL ?? file.services?.authors?.url,
    topics: env.TOPICS_URL ?? file.services?.topics?.url,
    related: env.RELATED_URL ?? file.services?.related?.url,
  };

  // A URL picks its source; the file's `sources` picks explicitly and wins.
  const posts = file.sources?.posts ?? (hasWordPress ? 'wordpress' : 'demo');
  const sources: SourceChoices = {
    posts,
    authors: file.sources?.authors ?? (serviceUrls.authors ? 'service' : posts),
    topics: file.sources?.topics ?? (serviceUrls.topics ? 'service' : posts),
    related: file.sources?.related ?? (serviceUrls.related ? 'service' : posts),
  };

  const services: Partial<Record<ServiceName, ServiceConfig>> = {};
  const envTimeouts: Record<ServiceName, number | undefined> = {
    authors: env.AUTHORS_TIMEOUT_MS,
    topics: env.TOPICS_TIMEOUT_MS,
    related: env.RELATED_TIMEOUT_MS,
  };
  for (const kind of ['authors', 'topics', 'related'] as const) {
    const choice = sources[kind];
    if (choice === 'service') {
      const url = serviceUrls[kind];
      if (url) services[kind] = { url, upstream: policyFor(file.services?.[kind], envTimeouts[kind]) };
      else if (!invalid.has(`${kind.toUpperCase()}_URL`)) problems.push(`sources.${kind}: "service" needs a URL: set ${kind.toUpperCase()}_URL or services.${kind}.url in the config file`);
    } else if (choice !== posts) {
      // Post records carry the author, topic and post ids of their own upstream; only that upstream (or a
      // service keyed by the same ids) can resolve them.
      problems.push(`sources.${kind}: "${choice}" cannot resolve the ids of posts from "${posts}"; use "${posts}" or "service"`);
    }
  }
  const usesWordPress = Object.values(sources).includes('wordpress');
  if (usesWordPress && !hasWordPress && !invalid.has('WORDPRESS_URL') && !invalid.has('WORDPRESS_API_ROOT')) {
    problems.push('sources: "wordpress" is chosen but no site is set: set WORDPRESS_URL (or WORDPRESS_API_ROOT), or wordpress.url in the config file');
  }

  const introspection = env.INTROSPECTION ?? !production;
  const ttl: CacheTtlOverrides = {
    postSeconds: env.CACHE_TTL_POST_SECONDS,
    postListSeconds: env.CACHE_TTL_POST_LIST_SECONDS,
    authorSeconds: env.CACHE_TTL_AUTHOR_SECONDS,
    topicSeconds: env.CACHE_TTL_TOPIC_SECONDS,
    relatedSeconds: env.CACHE_TTL_RELATED_SECONDS,
    missSeconds: env.CACHE_MISS_TTL_SECONDS,
    staleWhileRevalidateSeconds: env.CACHE_STALE_WHILE_REVALIDATE_SECONDS,
    staleIfErrorSeconds: env.CACHE_STALE_IF_ERROR_SECONDS,
  };
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    cache: { maxEntries: env.CACHE_MAX_ENTRIES, ttl, policies: cachePolicies(ttl, file) },
    http: {
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      corsOrigins: env.CORS_ORIGINS ?? (env.NODE_ENV === 'development' ? [APOLLO_SANDBOX_ORIGIN] : []),
      batchMaxOperations: env.BATCH_MAX_OPERATIONS,
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    limits: {
      maxDepth: env.QUERY_MAX_DEPTH,
      maxAliases: env.QUERY_MAX_ALIASES,
      maxDirectives: env.QUERY_MAX_DIRECTIVES,
      maxTokens: env.QUERY_MAX_TOKENS,
      maxCost: env.QUERY_MAX_COST,
      maxErrors: env.QUERY_MAX_ERRORS,
    },
    persistedOperations: { only: env.PERSISTED_OPERATIONS_ONLY, manifestPath: env.PERSISTED_OPERATIONS_MANIFEST },
    metrics: { enabled: env.METRICS_ENABLED },
    redis: env.REDIS_URL
      ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS, connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS }
      : undefined,
    responseCache: { enabled: env.RESPONSE_CACHE, maxBytes: env.RESPONSE_CACHE_MAX_BYTES, maxTtlSeconds: env.RESPONSE_CACHE_MAX_TTL_SECONDS },
    httpCache: {
      sharedMaxAgeSeconds: env.HTTP_CACHE_S_MAXAGE_SECONDS,
      staleWhileRevalidateSeconds: env.HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS,
      staleIfErrorSeconds: env.HTTP_CACHE_STALE_IF_ERROR_SECONDS,
    },
    webhook: env.WEBHOOK_SECRET ? { secret: env.WEBHOOK_SECRET } : undefined,
    introspection,
    landingPage: env.LANDING_PAGE ?? !production,
    fieldSuggestions: env.FIELD_SUGGESTIONS ?? introspection,
    exposeErrorDetails: env.EXPOSE_ERROR_DETAILS ?? !production,
    demo: { latencyMs: env.DEMO_LATENCY_MS },
    sources,
    wordpress:
      usesWordPress && hasWordPress
        ? {
            siteUrl,
            apiRoot,
            featuredMedia: env.WORDPRESS_FEATURED_MEDIA ?? file.wordpress?.featuredMedia ?? 'embed',
            upstream: policyFor(file.wordpress, env.WORDPRESS_TIMEOUT_MS),
          }
        : undefined,
    services,
  };
}

/** Per kind: the file's per-kind value (milliseconds), else the environment's overrides (seconds), else the default. */
function cachePolicies(ttl: CacheTtlOverrides, file: FileValues): CachePolicies {
  const fromEnv = resolveCachePolicies(ttl);
  const window = file.cache?.staleIfErrorMs;
  const kinds = Object.keys(fromEnv) as CacheKind[];
  return Object.fromEntries(
    kinds.map((kind) => {
      const base = fromEnv[kind];
      const overrides = file.cache?.[kind];
      const envSetsWindow = ttl.staleIfErrorSeconds !== undefined;
      return [
        kind,
        {
          ...base,
          ttlMs: overrides?.ttlMs ?? base.ttlMs,
          missTtlMs: overrides?.missTtlMs ?? base.missTtlMs,
          staleWhileRevalidateMs: overrides?.staleWhileRevalidateMs ?? base.staleWhileRevalidateMs,
          staleIfErrorMs: overrides?.staleIfErrorMs ?? (envSetsWindow ? base.staleIfErrorMs : (window ?? base.staleIfErrorMs)),
        },
      ];
    }),
  ) as CachePolicies;
}
