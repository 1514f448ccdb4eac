import type { Logger } from 'pino';
import type { Config, ServiceName, UpstreamPolicy } from '../config';
import { noopTelemetry, type Telemetry } from '../telemetry';
import { DemoNewsroomSource } from './demo/DemoNewsroomSource';
import { AuthorsServiceSource } from './http/AuthorsServiceSource';
import { RelatedServiceSource } from './http/RelatedServiceSource';
import { TopicsServiceSource } from './http/TopicsServiceSource';
import { UpstreamClient } from './http/UpstreamClient';
import type { PreviewPostSource } from './PreviewPostSource';
import type { SourceMemo, Sources } from './types';
import { WordPressApi } from './wordpress/WordPressApi';
import { WordPressAuthorSource } from './wordpress/WordPressAuthorSource';
import { WordPressPostSource } from './wordpress/WordPressPostSource';
import { WordPressPreviewSource } from './wordpress/WordPressPreviewSource';
import { type PartialRail, WordPressRelatedSource } from './wordpress/WordPressRelatedSource';
import { WordPressTopicSource } from './wordpress/WordPressTopicSource';
import { RecentPostSummaries } from './wordpress/RecentPostSummaries';
import type { WpPostSummary } from './wordpress/wordPressSchemas';

export interface SourceDeps {
  logger: Logger;
  telemetry?: Telemetry;
  /** Makes the memos sources keep, so that purges reach them (the gateway's cache makes them). */
  memo: <V extends object>(kind: 'post', options: { max: number; ttlMs: number }) => SourceMemo<V>;
  /** The cache's purge epoch, part of the upstream clients' coalescing keys (see coalesceSources). */
  purgeEpoch?: () => number;
}

export interface GatewaySources {
  sources: Sources;
  /** Where editors' previews read posts, when previews are on (never cached; see PreviewPostSource). */
  previews?: PreviewPostSource;
  /**
   * Work a fresh instance would otherwise do on its first request (WordPress's REST-root discovery),
   * started at once. Resolves when done; rejects when the upstream cannot be reached yet (the next
   * request, or a readiness probe, tries again).
   */
  warmUp(): Promise<void>;
  /** What `/readyz` checks of the upstreams: each throws with a short, safe reason when not ready. */
  readinessChecks: UpstreamReadinessCheck[];
  /** Closes upstream connection pools and breaker timers; call after the server stopped taking requests. */
  close(): Promise<void>;
}

export interface UpstreamReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * Builds each entity kind's source, as config chose: the demo newsroom, WordPress or an HTTP service.
 * Each upstream gets one client (pool, breaker, coalescing of identical GETs), shared by the kinds it
 * serves. The wiring root puts source-level coalescing and instrumentation around what this returns.
 */
export function createSources(config: Config, deps: SourceDeps): GatewaySources {
  const telemetry = deps.telemetry ?? noopTelemetry;
  const clients: UpstreamClient[] = [];
  const clientFor = (serviceName: string, policy: UpstreamPolicy) => {
    const client = new UpstreamClient({ serviceName, policy, telemetry, logger: deps.logger.child({ upstream: serviceName }), coalescingEpoch: deps.purgeEpoch });
    clients.push(client);
    return client;
  };

  let demo: DemoNewsroomSource | undefined;
  const demoSource = () => (demo ??= new DemoNewsroomSource({ latencyMs: config.demo.latencyMs }));

  let wordpress: WordPressApi | undefined;
  const wordpressApi = () => {
    if (!config.wordpress) throw new Error('WordPress is chosen as a source but not configured');
    const { siteUrl, apiRoot, upstream } = config.wordpress;
    return (wordpress ??= new WordPressApi(clientFor('wordpress', upstream), { siteUrl, apiRoot, logger: deps.logger }));
  };

  const serviceClient = (kind: ServiceName) => {
    const service = config.services[kind];
    if (!service) throw new Error(`The ${kind} service is chosen as a source but has no URL`);
    return { client: clientFor(kind, service.upstream), url: service.url };
  };

  const { sources: choice } = config;
  // Only worth keeping when the posts and the built-in ranking both come from WordPress.
  const memo = choice.posts === 'wordpress' && choice.related === 'wordpress' ? config.wordpress?.recentSummaries : undefined;
  const summaries = memo ? new RecentPostSummaries(deps.memo<WpPostSummary>('post', { max: memo.maxEntries, ttlMs: memo.ttlMs })) : undefined;
  const posts =
    choice.posts === 'wordpress' ? new WordPressPostSource(wordpressApi(), { featuredMedia: config.wordpress?.featuredMedia ?? 'embed', summaries }) : demoSource();

  let authors: Sources['authors'];
  if (choice.authors === 'service') {
    const { client, url } = serviceClient('authors');
    authors = new AuthorsServiceSource(client, url);
  } else {
    authors = choice.authors === 'wordpress' ? new WordPressAuthorSource(wordpressApi()) : demoSource();
  }

  let topics: Sources['topics'];
  if (choice.topics === 'service') {
    const { client, url } = serviceClient('topics');
    topics = new TopicsServiceSource(client, url);
  } else {
    topics = choice.topics === 'wordpress' ? new WordPressTopicSource(wordpressApi()) : demoSource();
  }

  let related: Sources['related'];
  if (choice.related === 'service') {
    const { client, url } = serviceClient('related');
    related = new RelatedServiceSource(client, url);
  } else {
    related = choice.related === 'wordpress' ? new WordPressRelatedSource(wordpressApi(), summaries, partialRailsMemo(config, deps)) : demoSource();
  }

  // Previews read the posts' own upstream: the demo newsroom, or WordPress as the configured editor on a
  // client of its own (pool, breaker), so that nothing it answers is ever shared with a public call.
  let previews: PreviewPostSource | undefined;
  const previewLogin = config.preview?.wordpress;
  if (config.preview && choice.posts === 'demo') previews = demoSource();
  else if (config.preview && previewLogin && config.wordpress) {
    const api = wordpressApi();
    previews = new WordPressPreviewSource(clientFor('wordpress-preview', config.wordpress.upstream), {
      restRoot: () => api.restRoot(),
      user: previewLogin.user,
      appPassword: previewLogin.appPassword,
    });
  }

  const api = wordpress;
  return {
    sources: { posts, authors, topics, related },
    previews,
    warmUp: async () => {
      await api?.restRoot();
    },
    // WordPress is ready once its REST API is found: a probe must not cost an upstream call each time.
    readinessChecks: api ? [{ name: 'wordpress', check: async () => void (await api.restRoot()) }] : [],
    close: async () => {
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}

/**
 * Rails the built-in ranking made from part of its inputs, kept as long as a rail's miss (and purged with
 * their post): long enough that a popular article does not rank again from a failing WordPress on every
 * request, short enough that the complete rail is back soon after WordPress is.
 */
function partialRailsMemo(config: Config, deps: SourceDeps): SourceMemo<PartialRail> {
  return deps.memo<PartialRail>('post', { max: 1_000, ttlMs: config.cache.kinds.related.missTtlSeconds * 1000 });
}
