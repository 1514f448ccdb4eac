import { section } from './Section';
import { setting } from './Setting';
import { integer, percent, redisUrl, text } from './valueTypes';

export interface RedisConfig {
  url: string;
  keyPrefix: string;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
}

/** The breaker in front of Redis: a short window, so a Redis that just stalled trips it after a few timeouts. */
export interface RedisBreakerPolicy {
  errorThresholdPercent: number;
  minRequests: number;
  resetMs: number;
  windowMs: number;
  /** The window is counted in this many buckets, so old calls leave it a bucket at a time. */
  windowBuckets: number;
}

export interface RedisSectionConfig {
  /** Unset: one instance, in-process cache only. */
  redis: RedisConfig | undefined;
  redisBreaker: RedisBreakerPolicy;
}

const settings = {
  url: setting({
    env: 'REDIS_URL',
    file: 'redis.url',
    type: redisUrl,
    doc: '`redis://` or `rediss://` URL of the shared cache; unset: one instance, in-process cache only',
  }),
  keyPrefix: setting({
    env: 'REDIS_KEY_PREFIX',
    file: 'redis.keyPrefix',
    type: text({ pattern: /^[A-Za-z0-9:_.-]{1,64}$/, message: 'must be 1 to 64 letters, digits, or : _ . -' }),
    default: 'newsroom-gw',
    doc: 'prefix of every Redis key and of the purge channel; give each site (or environment) sharing a Redis its own',
  }),
  commandTimeoutMs: setting({
    env: 'REDIS_COMMAND_TIMEOUT_MS',
    file: 'redis.commandTimeoutMs',
    type: integer({ min: 1 }),
    default: 200,
    doc: 'longest a Redis call may add to a request before it counts as a miss',
  }),
  connectTimeoutMs: setting({
    env: 'REDIS_CONNECT_TIMEOUT_MS',
    file: 'redis.connectTimeoutMs',
    type: integer({ min: 1 }),
    default: 2_000,
    doc: 'connection (and reconnection) attempt timeout',
  }),
  breaker: {
    errorThresholdPercent: setting({
      env: 'REDIS_BREAKER_ERROR_PERCENT',
      file: 'redis.breaker.errorThresholdPercent',
      type: percent,
      default: 50,
      doc: "failure share (timeouts included) that opens the Redis breaker; while open, the cache skips Redis",
    }),
    minRequests: setting({
      env: 'REDIS_BREAKER_MIN_REQUESTS',
      file: 'redis.breaker.minRequests',
      type: integer({ min: 1 }),
      default: 5,
      doc: 'Redis calls in the window before its breaker may open',
    }),
    windowMs: setting({
      env: 'REDIS_BREAKER_WINDOW_MS',
      file: 'redis.breaker.windowMs',
      type: integer({ min: 1 }),
      default: 2_000,
      doc: 'the window Redis failures are counted over; short, so a Redis that just stalled trips it after a few timeouts',
    }),
    windowBuckets: setting({
      env: 'REDIS_BREAKER_WINDOW_BUCKETS',
      file: 'redis.breaker.windowBuckets',
      type: integer({ min: 1 }),
      default: 4,
      doc: 'buckets the window is counted in (it must divide the window evenly)',
    }),
    resetMs: setting({
      env: 'REDIS_BREAKER_RESET_MS',
      file: 'redis.breaker.resetMs',
      type: integer({ min: 1 }),
      default: 1_000,
      doc: 'how long an open Redis breaker skips Redis before a trial call',
    }),
  },
};

export const redisSection = section({
  title: 'Shared cache (Redis)',
  settings,
  build: ({ url, breaker, ...connection }, context): RedisSectionConfig => {
    const { windowBuckets, windowMs } = settings.breaker;
    if (breaker.windowMs % breaker.windowBuckets !== 0 && !context.reported(windowBuckets) && !context.reported(windowMs)) {
      context.problems.push(`${windowBuckets.name}: must divide ${windowMs.name} (${breaker.windowMs}) evenly`);
    }
    return { redis: url ? { url, ...connection } : undefined, redisBreaker: breaker };
  },
});
