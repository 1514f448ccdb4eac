import { type ServiceName, settingName, SOURCES, type SourceChoice, type SourceName } from './entityKinds';
import { section } from './Section';
import { defaultsOf, mapKeys, setting } from './Setting';
import { alternatives, httpUrl, integer, oneOf, percent } from './valueTypes';

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
  /** What the post source just read, kept for the built-in related ranking (see RecentPostSummaries). */
  recentSummaries: { maxEntries: number; ttlMs: number };
}

export interface ServiceConfig {
  url: string;
  upstream: UpstreamPolicy;
}

/** Where each source reads from; `related: 'wordpress'` ranks related stories inside the gateway. */
export type SourceChoices = { [S in SourceName]: (typeof SOURCES)[S]['choices'][number] };

export interface UpstreamsConfig {
  demo: { latencyMs: number };
  /** Nothing configured: the demo newsroom for everything. */
  sources: SourceChoices;
  /** Set when any source reads from WordPress. */
  wordpress: WordPressConfig | undefined;
  /** Set for each source that reads from an HTTP service. */
  services: Partial<Record<ServiceName, ServiceConfig>>;
}

const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[];
/** Sources that may be an HTTP service of docs/services.md. */
export const SERVICE_NAMES = SOURCE_NAMES.filter((name) => (SOURCES[name].choices as readonly string[]).includes('service')) as ServiceName[];

const SERVICE_DOCS: Record<ServiceName, string> = {
  authors: 'people service base URL ([contract](docs/services.md#authors-people-service)); authors then come from it',
  topics: 'taxonomy service base URL ([contract](docs/services.md#topics-taxonomy-service)); topics then come from it',
  related: 'recommendation service base URL ([contract](docs/services.md#related-stories-recommendation-service)); rails then come from it',
};

/** What every upstream uses unless its own settings say otherwise. */
const shared = {
  timeoutMs: setting({ env: 'UPSTREAM_TIMEOUT_MS', file: 'upstream.timeoutMs', type: integer({ min: 1 }), default: 1500, doc: 'budget of one upstream call, retries included' }),
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
    doc: 'most requests in flight to one upstream',
  }),
  breaker: {
    errorThresholdPercent: setting({
      env: 'UPSTREAM_BREAKER_ERROR_PERCENT',
      file: 'upstream.breaker.errorThresholdPercent',
      type: percent,
      default: 50,
      doc: "failure share that opens an upstream's breaker",
    }),
    minRequests: setting({
      env: 'UPSTREAM_BREAKER_MIN_REQUESTS',
      file: 'upstream.breaker.minRequests',
      type: integer({ min: 1 }),
      default: 10,
      doc: 'calls in the window before the breaker may open',
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
  },
};

export const UPSTREAM_DEFAULTS: Readonly<UpstreamPolicy> = defaultsOf(shared);

/** One upstream's own policy: `<PREFIX>_TIMEOUT_MS` and `<path>.timeoutMs`, …, each narrowing the shared setting. */
function policySettings(prefix: string, path: string, label: string) {
  return {
    timeoutMs: setting({ env: `${prefix}_TIMEOUT_MS`, file: `${path}.timeoutMs`, general: shared.timeoutMs, type: shared.timeoutMs.type, doc: `timeout of each call to ${label}` }),
    retries: setting({ env: `${prefix}_RETRIES`, file: `${path}.retries`, general: shared.retries, type: shared.retries.type, doc: `extra attempts for GETs to ${label}` }),
    maxConcurrency: setting({
      env: `${prefix}_MAX_CONCURRENCY`,
      file: `${path}.maxConcurrency`,
      general: shared.maxConcurrency,
      type: shared.maxConcurrency.type,
      doc: `most requests in flight to ${label}`,
    }),
  };
}

const settings = {
  demo: {
    latencyMs: setting({ env: 'DEMO_LATENCY_MS', file: 'demo.latencyMs', type: integer({ min: 0 }), default: 0, doc: 'simulated round trip of the demo newsroom' }),
  },
  sources: mapKeys(SOURCE_NAMES, (name) =>
    setting<SourceChoice>({
      file: `sources.${name}`,
      type: oneOf(SOURCES[name].choices),
      defaultDoc: name === 'posts' ? '`wordpress` when a WordPress site is set, else `demo`' : "`service` when the service's URL is set, else as `posts`",
      doc: `what the ${name} source reads from: ${alternatives(SOURCES[name].choices.map((choice) => `\`${choice}\``))}`,
    }),
  ),
  wordpress: {
    url: setting({
      env: 'WORDPRESS_URL',
      file: 'wordpress.url',
      type: httpUrl,
      defaultDoc: 'none',
      doc: "the WordPress site's URL; posts, authors, topics and rails then come from it",
    }),
    apiRoot: setting({
      env: 'WORDPRESS_API_ROOT',
      file: 'wordpress.apiRoot',
      type: httpUrl,
      defaultDoc: 'discovered from `WORDPRESS_URL`',
      doc: 'the REST API root, e.g. `https://site/wp-json/` or `https://site/?rest_route=/`; enough on its own',
    }),
    featuredMedia: setting({
      env: 'WORDPRESS_FEATURED_MEDIA',
      file: 'wordpress.featuredMedia',
      type: oneOf(['embed', 'batch']),
      default: 'embed',
      doc: '`embed`: images come with the posts (`_embed`); `batch`: one `media?include=` call per batch',
    }),
    ...policySettings('WORDPRESS', 'wordpress', 'WordPress'),
    recentSummaries: {
      maxEntries: setting({
        env: 'WORDPRESS_RECENT_SUMMARIES_MAX_ENTRIES',
        file: 'wordpress.recentSummaries.maxEntries',
        type: integer({ min: 1 }),
        default: 2_000,
        doc: 'posts whose dates, authors and terms are remembered for the built-in related ranking (enough for the requests in flight)',
      }),
      ttlMs: setting({
        env: 'WORDPRESS_RECENT_SUMMARIES_TTL_MS',
        file: 'wordpress.recentSummaries.ttlMs',
        type: integer({ min: 1 }),
        default: 5_000,
        doc: 'how long they are remembered: it bridges a post lookup and its ranking; an edited post may rank with its old terms this long',
      }),
    },
  },
  services: mapKeys(SERVICE_NAMES, (name) => ({
    url: setting({ env: `${settingName(name)}_URL`, file: `services.${name}.url`, type: httpUrl, defaultDoc: 'none', doc: SERVICE_DOCS[name] }),
    ...policySettings(settingName(name), `services.${name}`, `the ${name} service`),
  })),
  upstream: shared,
};

export const upstreamsSection = section({
  title: 'Upstreams',
  settings,
  build: (values, context): UpstreamsConfig => {
    const { wordpress, services: serviceValues } = values;
    const policy = (own: { timeoutMs: number; retries: number; maxConcurrency: number }): UpstreamPolicy => ({
      timeoutMs: own.timeoutMs,
      retries: own.retries,
      maxConcurrency: own.maxConcurrency,
      breaker: values.upstream.breaker,
    });
    const hasWordPress = wordpress.url !== undefined || wordpress.apiRoot !== undefined;
    const isService = (name: SourceName): name is ServiceName => (SERVICE_NAMES as SourceName[]).includes(name);
    const urlOf = (name: SourceName) => (isService(name) ? serviceValues[name].url : undefined);

    // A URL picks its source; the file's `sources` picks explicitly and wins.
    const posts = (values.sources.posts ?? (hasWordPress ? 'wordpress' : 'demo')) as SourceChoices['posts'];
    const sources = mapKeys(SOURCE_NAMES, (name) => values.sources[name] ?? (name === 'posts' ? posts : urlOf(name) ? 'service' : posts)) as SourceChoices;

    const services: Partial<Record<ServiceName, ServiceConfig>> = {};
    for (const name of SOURCE_NAMES.filter((each) => each !== 'posts')) {
      const choice = sources[name];
      if (choice === 'service' && isService(name)) {
        const url = serviceValues[name].url;
        const urlSetting = settings.services[name].url;
        if (url) services[name] = { url, upstream: policy(serviceValues[name]) };
        else if (!context.reported(urlSetting)) context.problems.push(`sources.${name}: "service" needs a URL: set ${urlSetting.env} or ${urlSetting.file} in the config file`);
      } else if (choice !== posts) {
        // Post records carry the author, topic and post ids of their own upstream; only that upstream (or a
        // service keyed by the same ids) can resolve them.
        context.problems.push(`sources.${name}: "${choice}" cannot resolve the ids of posts from "${posts}"; use "${posts}" or "service"`);
      }
    }
    const usesWordPress = Object.values(sources).includes('wordpress');
    const site = settings.wordpress;
    if (usesWordPress && !hasWordPress && !context.reported(site.url) && !context.reported(site.apiRoot)) {
      context.problems.push(`sources: "wordpress" is chosen but no site is set: set ${site.url.env} (or ${site.apiRoot.env}), or ${site.url.file} in the config file`);
    }

    return {
      demo: values.demo,
      sources,
      wordpress:
        usesWordPress && hasWordPress
          ? {
              siteUrl: wordpress.url,
              apiRoot: wordpress.apiRoot,
              featuredMedia: wordpress.featuredMedia,
              upstream: policy(wordpress),
              recentSummaries: wordpress.recentSummaries,
            }
          : undefined,
      services,
    };
  },
});
