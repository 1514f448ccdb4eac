import { defaultsOf, mapKeys, type Setting, setting, type ValuesOf } from './Setting';
import { integer, percent } from './valueTypes';

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

/**
 * How the calls of one endpoint class get through: slots of their own, a bounded queue in front of them
 * and a breaker of their own, so a slow or failing class never takes the others' slots.
 */
export interface EndpointClassPolicy {
  /** Most calls of the class in flight at once; the upstream sees at most the sum over its classes. */
  maxConcurrency: number;
  /** Most calls waiting for a free slot; beyond it a call fails at once (UPSTREAM_UNAVAILABLE). */
  maxQueue: number;
  breaker: BreakerPolicy;
}

export interface CallPolicy {
  /** Budget for one logical call, queueing and retries included: the most an upstream can add to a response. */
  timeoutMs: number;
  /** Extra attempts for idempotent GETs after a connection error or a 5xx, within the budget. */
  retries: number;
}

/** An upstream that is one endpoint class (each HTTP service). */
export type SingleClassPolicy = CallPolicy & EndpointClassPolicy;

/**
 * An upstream split into endpoint classes (WordPress). A request names its class; one that names none, or
 * a class the upstream does not have, is in the first.
 */
export type ClassedPolicy = CallPolicy & { classes: Readonly<Record<string, EndpointClassPolicy>> };

export type UpstreamPolicy = SingleClassPolicy | ClassedPolicy;

/**
 * WordPress's endpoint classes, the first taking whatever names no class. Article lookups are what a page
 * cannot do without; listings (the ranking's too) are the slow, heavy calls; terms, users and media are
 * small lookups, mostly answered embedded with the posts.
 */
export const WORDPRESS_ENDPOINT_CLASSES = ['articles', 'listings', 'terms', 'users', 'media'] as const;
export type WordPressEndpointClass = (typeof WORDPRESS_ENDPOINT_CLASSES)[number];

/** WordPress's policy: every one of its endpoint classes, in the order above. */
export type WordPressPolicy = CallPolicy & { classes: Readonly<Record<WordPressEndpointClass, EndpointClassPolicy>> };

/**
 * Sized for a WordPress that answers about 30 requests/s (a few PHP workers): 16 calls in flight at most,
 * so even saturated each call waits about half a second inside WordPress, well within the 1.5 s budget.
 * Article lookups get the largest share, since a page cannot do without its article.
 */
const WORDPRESS_CLASS_CONCURRENCY: Record<WordPressEndpointClass, { maxConcurrency: number; label: string }> = {
  articles: { maxConcurrency: 6, label: 'article lookups (posts by id or slug, REST API discovery)' },
  listings: { maxConcurrency: 4, label: 'listings (pages of posts, the related ranking\'s listings)' },
  terms: { maxConcurrency: 2, label: 'term lookups (categories and tags, term counts)' },
  users: { maxConcurrency: 2, label: 'user lookups (authors)' },
  media: { maxConcurrency: 2, label: 'media lookups (`WORDPRESS_FEATURED_MEDIA=batch`)' },
};

const breakerSettings = {
  errorThresholdPercent: setting({
    env: 'UPSTREAM_BREAKER_ERROR_PERCENT',
    file: 'upstream.breaker.errorThresholdPercent',
    type: percent,
    default: 50,
    doc: "failure share that opens an endpoint class's breaker (calls refused for a full queue or still queued at their timeout do not count)",
  }),
  minRequests: setting({
    env: 'UPSTREAM_BREAKER_MIN_REQUESTS',
    file: 'upstream.breaker.minRequests',
    type: integer({ min: 1 }),
    default: 10,
    doc: 'calls sent in the window before the breaker may open',
  }),
  windowMs: setting({
    env: 'UPSTREAM_BREAKER_WINDOW_MS',
    file: 'upstream.breaker.windowMs',
    type: integer({ min: 1 }),
    default: 10_000,
    doc: 'the window failures are counted over',
  }),
  resetMs: setting({
    env: 'UPSTREAM_BREAKER_RESET_MS',
    file: 'upstream.breaker.resetMs',
    type: integer({ min: 1 }),
    default: 10_000,
    doc: 'how long an open breaker fails fast before a trial call',
  }),
};

/** What every upstream uses unless its own settings say otherwise. */
export const sharedPolicySettings = {
  timeoutMs: setting({
    env: 'UPSTREAM_TIMEOUT_MS',
    file: 'upstream.timeoutMs',
    type: integer({ min: 1 }),
    default: 1500,
    doc: 'budget of one upstream call: waiting for a slot, every attempt and the waits between them',
  }),
  retries: setting({
    env: 'UPSTREAM_RETRIES',
    file: 'upstream.retries',
    type: integer({ min: 0, max: 5 }),
    default: 2,
    doc: 'extra attempts for GETs after a connection error or 5xx/429/408 (0 to 5)',
  }),
  maxConcurrency: setting({
    env: 'UPSTREAM_MAX_CONCURRENCY',
    file: 'upstream.maxConcurrency',
    type: integer({ min: 1 }),
    default: 32,
    doc: 'most calls in flight to one HTTP service (WordPress has a setting per endpoint class)',
  }),
  maxQueue: setting({
    env: 'UPSTREAM_MAX_QUEUE',
    file: 'upstream.maxQueue',
    type: integer({ min: 0 }),
    default: 128,
    doc: 'most calls waiting for a free slot, per endpoint class; more fail at once with `UPSTREAM_UNAVAILABLE`',
  }),
  breaker: breakerSettings,
};

export const UPSTREAM_DEFAULTS: Readonly<SingleClassPolicy> = defaultsOf(sharedPolicySettings);

/** File fields narrowing the shared queue and breaker settings for one class: `<path>.maxQueue`, `<path>.breaker.*`. */
function classLimitSettings(path: string, docAs: string, label: string) {
  const narrowing = (general: Setting<number, true>, field: string) =>
    setting({ file: `${path}.${field}`, docAs: `${docAs}.${field}`, general, type: general.type, doc: `${general.doc}, for ${label}` });
  return {
    maxQueue: narrowing(sharedPolicySettings.maxQueue, 'maxQueue'),
    breaker: mapKeys(Object.keys(breakerSettings) as (keyof typeof breakerSettings)[], (field) => narrowing(breakerSettings[field], `breaker.${field}`)),
  };
}

/** One HTTP service's own policy: `<PREFIX>_TIMEOUT_MS` and `<path>.timeoutMs`, …, each narrowing the shared setting. */
export function servicePolicySettings(prefix: string, path: string, label: string) {
  const shared = sharedPolicySettings;
  return {
    timeoutMs: setting({ env: `${prefix}_TIMEOUT_MS`, file: `${path}.timeoutMs`, general: shared.timeoutMs, type: shared.timeoutMs.type, doc: `timeout of each call to ${label}` }),
    retries: setting({ env: `${prefix}_RETRIES`, file: `${path}.retries`, general: shared.retries, type: shared.retries.type, doc: `extra attempts for GETs to ${label}` }),
    maxConcurrency: setting({
      env: `${prefix}_MAX_CONCURRENCY`,
      file: `${path}.maxConcurrency`,
      general: shared.maxConcurrency,
      type: shared.maxConcurrency.type,
      doc: `most calls in flight to ${label}`,
    }),
    ...classLimitSettings(path, 'services.<service>', label),
  };
}

/** WordPress's policy: timeout and retries for the whole site, slots, queue and breaker per endpoint class. */
export function wordPressPolicySettings() {
  const shared = sharedPolicySettings;
  const maxConcurrency = setting({
    env: 'WORDPRESS_MAX_CONCURRENCY',
    file: 'wordpress.maxConcurrency',
    type: shared.maxConcurrency.type,
    defaultDoc: "each class's own (below)",
    doc: 'most calls in flight to each WordPress endpoint class without a setting of its own; WordPress sees at most the sum over the classes',
  });
  return {
    timeoutMs: setting({ env: 'WORDPRESS_TIMEOUT_MS', file: 'wordpress.timeoutMs', general: shared.timeoutMs, type: shared.timeoutMs.type, doc: 'timeout of each call to WordPress' }),
    retries: setting({ env: 'WORDPRESS_RETRIES', file: 'wordpress.retries', general: shared.retries, type: shared.retries.type, doc: 'extra attempts for GETs to WordPress' }),
    maxConcurrency,
    classes: mapKeys(WORDPRESS_ENDPOINT_CLASSES, (name) => ({
      maxConcurrency: setting({
        env: `WORDPRESS_${name.toUpperCase()}_MAX_CONCURRENCY`,
        file: `wordpress.${name}.maxConcurrency`,
        general: maxConcurrency,
        type: maxConcurrency.type,
        default: WORDPRESS_CLASS_CONCURRENCY[name].maxConcurrency,
        doc: `most calls in flight for WordPress ${WORDPRESS_CLASS_CONCURRENCY[name].label}`,
      }),
      ...classLimitSettings(`wordpress.${name}`, 'wordpress.<class>', `WordPress ${name}`),
    })),
  };
}

type ServiceValues = ValuesOf<ReturnType<typeof servicePolicySettings>>;
type WordPressValues = ValuesOf<ReturnType<typeof wordPressPolicySettings>>;

export function servicePolicy(values: ServiceValues): SingleClassPolicy {
  return { timeoutMs: values.timeoutMs, retries: values.retries, maxConcurrency: values.maxConcurrency, maxQueue: values.maxQueue, breaker: values.breaker };
}

export function wordPressPolicy(values: WordPressValues): WordPressPolicy {
  return {
    timeoutMs: values.timeoutMs,
    retries: values.retries,
    classes: mapKeys(WORDPRESS_ENDPOINT_CLASSES, (name) => {
      const own = values.classes[name];
      return { maxConcurrency: own.maxConcurrency, maxQueue: own.maxQueue, breaker: own.breaker };
    }),
  };
}
