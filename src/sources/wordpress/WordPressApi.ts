import type { Logger } from 'pino';
import type { z } from 'zod';
import { ErrorCode, UpstreamError } from '../../errors';
import type { UpstreamClient, UpstreamResponse } from '../http/UpstreamClient';
import { fallbackRestRoots, onOrigin, restRootFromLinkHeader, restUrl } from './restRoot';
import { DISCOVERY_ENDPOINT_CLASS, wordPressEndpointClass } from './wordPressEndpointClass';
import { WpIndex } from './wordPressSchemas';
import type { CallContext } from '../../requestScope';

export interface WordPressApiOptions {
  siteUrl: string | undefined;
  /** Skips discovery: for sites whose pages do not advertise the API, or to pin it. */
  apiRoot: string | undefined;
  logger: Logger;
}

export type QueryParams = Record<string, string | number | undefined>;

/**
 * WordPress REST API v2 over the upstream client: finds the REST root once (lazily, so the gateway starts
 * while WordPress is still down), keeps it on the configured origin, builds route URLs under it and puts
 * each call in its endpoint class.
 */
export class WordPressApi {
  private root: Promise<string> | undefined;
  private warnedAboutOrigin = false;

  constructor(
    readonly client: UpstreamClient,
    private readonly options: WordPressApiOptions,
  ) {
    if (options.apiRoot) this.root = Promise.resolve(options.apiRoot);
  }

  async get<T>(route: string, params: QueryParams, schema: z.ZodType<T>, call?: CallContext): Promise<UpstreamResponse<T>> {
    const url = restUrl(await this.restRoot(), `wp/v2/${route}`, params);
    return this.client.request({ url, schema, call, endpointClass: wordPressEndpointClass(route, params) });
  }

  restRoot(): Promise<string> {
    if (!this.root) {
      const discovery = this.discover();
      this.root = discovery;
      // A failed discovery is tried again by the next request, not remembered.
      discovery.catch(() => {
        if (this.root === discovery) this.root = undefined;
      });
    }
    return this.root;
  }

  private async discover(): Promise<string> {
    const siteUrl = this.options.siteUrl as string;
    let root: string | undefined;
    try {
      // Error pages of a WordPress site advertise the API too, so a 404 home page still tells us.
      const page = await this.client.request({
        url: new URL(siteUrl),
        schema: WpIndex,
        parse: 'none',
        followRedirects: true,
        acceptStatuses: [200, 401, 403, 404],
        endpointClass: DISCOVERY_ENDPOINT_CLASS,
      });
      const advertised = restRootFromLinkHeader(page.headers.link);
      if (advertised) root = this.pinned(advertised, siteUrl);
    } catch (error) {
      // Down or timing out: nothing else will answer either. An odd answer: the candidates may still.
      if (!(error instanceof UpstreamError) || error.extensions.code !== ErrorCode.UPSTREAM_BAD_RESPONSE) throw error;
    }
    // The URL given may itself be the REST root (`https://site/wp-json/`).
    for (const candidate of root ? [] : [new URL(siteUrl), ...fallbackRestRoots(siteUrl)]) {
      try {
        const index = await this.client.request({ url: candidate, schema: WpIndex, followRedirects: true, endpointClass: DISCOVERY_ENDPOINT_CLASS });
        if (index.body.namespaces.includes('wp/v2')) {
          root = candidate.href;
          break;
        }
      } catch {
        // Not here; try the next candidate.
      }
    }
    if (!root) {
      this.options.logger.error({ siteUrl }, 'WordPress REST API not found at WORDPRESS_URL; set WORDPRESS_API_ROOT');
      throw new UpstreamError(ErrorCode.UPSTREAM_BAD_RESPONSE, this.client.serviceName, `The ${this.client.serviceName} service gave an answer the gateway could not use.`);
    }
    this.options.logger.info({ siteUrl, restRoot: root }, 'found the WordPress REST API');
    return root;
  }

  /** The advertised root on the configured origin, saying so (once) when WordPress advertised another. */
  private pinned(advertised: string, siteUrl: string): string {
    const root = onOrigin(advertised, siteUrl);
    const advertisedOrigin = new URL(advertised, siteUrl).origin;
    if (advertisedOrigin !== root.origin && !this.warnedAboutOrigin) {
      this.warnedAboutOrigin = true;
      this.options.logger.warn(
        { configuredOrigin: root.origin, advertisedOrigin, advertisedRestRoot: advertised, restRoot: root.href },
        `WordPress advertises its REST API at ${advertisedOrigin}, not at WORDPRESS_URL's origin ${root.origin}: calling it at ${root.origin} (set WORDPRESS_API_ROOT to choose otherwise)`,
      );
    }
    return root.href;
  }
}
