import type { Logger } from 'pino';
import type { z } from 'zod';
import { ErrorCode, UpstreamError } from '../../errors';
import type { UpstreamClient, UpstreamResponse } from '../http/UpstreamClient';
import { fallbackRestRoots, restRootFromLinkHeader, restUrl } from './restRoot';
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
 * while WordPress is still down) and builds route URLs under it.
 */
export class WordPressApi {
  private root: Promise<string> | undefined;

  constructor(
    readonly client: UpstreamClient,
    private readonly options: WordPressApiOptions,
  ) {
    if (options.apiRoot) this.root = Promise.resolve(options.apiRoot);
  }

  async get<T>(route: string, params: QueryParams, schema: z.ZodType<T>, call?: CallContext): Promise<UpstreamResponse<T>> {
    const url = restUrl(await this.restRoot(), `wp/v2/${route}`, params);
    return this.client.request({ url, schema, call });
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
      const page = await this.client.request({ url: new URL(siteUrl), schema: WpIndex, parse: 'none', followRedirects: true, acceptStatuses: [200, 401, 403, 404] });
      root = restRootFromLinkHeader(page.headers.link);
    } catch (error) {
      // Down or timing out: nothing else will answer either. An odd answer: the candidates may still.
      if (!(error instanceof UpstreamError) || error.extensions.code !== ErrorCode.UPSTREAM_BAD_RESPONSE) throw error;
    }
    // The URL given may itself be the REST root (`https://site/wp-json/`).
    for (const candidate of root ? [] : [new URL(siteUrl), ...fallbackRestRoots(siteUrl)]) {
      try {
        const index = await this.client.request({ url: candidate, schema: WpIndex, followRedirects: true });
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
}
