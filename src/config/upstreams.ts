import { type ServiceName, settingName, SOURCES, type SourceChoice, type SourceName } from './entityKinds';
import { section } from './Section';
import { mapKeys, setting } from './Setting';
import {
  servicePolicy,
  servicePolicySettings,
  sharedPolicySettings,
  type SingleClassPolicy,
  wordPressPolicy,
  wordPressPolicySettings,
  type WordPressPolicy,
} from './upstreamPolicies';
import { alternatives, httpUrl, integer, oneOf } from './valueTypes';

export {
  type BreakerPolicy,
  type ClassedPolicy,
  type EndpointClassPolicy,
  type SingleClassPolicy,
  UPSTREAM_DEFAULTS,
  type UpstreamPolicy,
  WORDPRESS_ENDPOINT_CLASSES,
  type WordPressEndpointClass,
  type WordPressPolicy,
} from './upstreamPolicies';

export interface WordPressConfig {
  /** The site's public URL; the REST root is discovered from it unless `apiRoot` is set. */
  siteUrl: string | undefined;
  /** Explicit REST root, e.g. `https://news.example/wp-json/` or `https://news.example/?rest_route=/`. */
  apiRoot: string | undefined;
  /** `embed`: one call per post batch (`_embed=wp:featuredmedia`); `batch`: a second call to `media?include=`. */
  featuredMedia: 'embed' | 'batch';
  /** Timeout and retries for the site; slots, queue and breaker per endpoint class. */
  upstream: WordPressPolicy;
  /** What the post source just read, kept for the built-in related ranking (see RecentPostSummaries). */
  recentSummaries: { maxEntries: number; ttlMs: number };
}

export interface ServiceConfig {
  url: string;
  upstream: SingleClassPolicy;
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
    ...wordPressPolicySettings(),
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
    ...servicePolicySettings(settingName(name), `services.${name}`, `the ${name} service`),
  })),
  upstream: sharedPolicySettings,
};

export const upstreamsSection = section({
  title: 'Upstreams',
  settings,
  build: (values, context): UpstreamsConfig => {
    const { wordpress, services: serviceValues } = values;
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
        if (url) services[name] = { url, upstream: servicePolicy(serviceValues[name]) };
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
              upstream: wordPressPolicy(wordpress),
              recentSummaries: wordpress.recentSummaries,
            }
          : undefined,
      services,
    };
  },
});
