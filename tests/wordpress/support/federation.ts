import { Kind, visit, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ArticlePageDocument, type ArticlePageQuery } from '../../generated/operations';
import { startCountingProxy, type CountingProxy } from './countingProxy';
import { startGatewayProcess, type GatewayProcess, type GraphQLResult } from './gatewayProcess';
import { NON_PUBLIC_MARKER, hiddenPosts } from './seedData';
import { startWordPress, type WordPressOptions, type WordPressServer } from './wordpressSite';

/**
 * One real WordPress (PHP's server), a counting proxy in front of it, and the gateway federating it through
 * that proxy: WORDPRESS_URL is the proxy's address, so every request the gateway makes is seen and counted.
 */
export interface Federation {
  wordpress: WordPressServer;
  proxy: CountingProxy;
  gateway: GatewayProcess;
  /** The site URL the gateway was given (the proxy), which WordPress's own links point to. */
  siteUrl: string;
  /** Starts a further, cold gateway against the same site (same proxy), e.g. to count a cold request. */
  startColdGateway(): Promise<GatewayProcess>;
  close(): Promise<void>;
}

export interface FederationOptions extends WordPressOptions {
  /** Extra gateway environment, given the site URL (e.g. WORDPRESS_API_ROOT for a site without pretty permalinks). */
  gatewayEnv?: (siteUrl: string) => Record<string, string>;
}

export async function startFederation(options: FederationOptions = {}): Promise<Federation> {
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const wordpress = await startWordPress(options);
    stops.push(() => wordpress.stop());
    const proxy = await startCountingProxy(wordpress.port);
    stops.push(() => proxy.close());
    const env = (): Record<string, string> => ({
      WORDPRESS_URL: proxy.url,
      // WordPress's dates without an offset are UTC (date_gmt); a gateway far from UTC shows whether they
      // are read as such or, wrongly, as local time.
      TZ: 'Asia/Seoul',
      ...(options.gatewayEnv?.(proxy.url) ?? {}),
    });
    const gateways: GatewayProcess[] = [];
    const startColdGateway = async () => {
      const gateway = await startGatewayProcess(env());
      gateways.push(gateway);
      return gateway;
    };
    stops.push(async () => {
      for (const gateway of gateways) await gateway.stop();
    });
    const gateway = await startColdGateway();
    return { wordpress, proxy, gateway, siteUrl: proxy.url, startColdGateway, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Fails fast, with one clear message, when the gateway does not federate WordPress at all (for instance a
 * build without the WordPress source, which ignores WORDPRESS_URL and serves its demo newsroom): every
 * test after it would otherwise fail with a confusing diff.
 */
export async function assertGatewayUsesWordPress(federation: Federation, slug: string): Promise<void> {
  federation.proxy.reset();
  const { status, text } = await federation.gateway.query(ArticlePageDocument, { slug });
  if (federation.proxy.requests.length === 0) {
    throw new Error(
      `The gateway made no request to WordPress (WORDPRESS_URL=${federation.siteUrl}) while answering ArticlePage for "${slug}": ` +
        `it does not federate a WordPress site yet. It answered ${status}: ${text.slice(0, 300)}\nGateway output:\n${federation.gateway.output().slice(-2_000) || '(none)'}`,
    );
  }
}

/** Nothing that WordPress keeps from anonymous readers may appear anywhere in a response. */
export function expectNothingNonPublic(result: GraphQLResult<unknown>): void {
  const marker = NON_PUBLIC_MARKER.exec(result.text);
  if (marker) throw new Error(`The response contains non-public content (${marker[0]}): ${result.text.slice(0, 500)}`);
  for (const post of hiddenPosts) {
    if (result.text.includes(post.slug)) throw new Error(`The response mentions the ${post.status} post "${post.slug}": ${result.text.slice(0, 500)}`);
  }
}

/** A full GraphQL success: HTTP 200 and no errors, reported with the errors when not. */
export function expectNoErrors(result: GraphQLResult<unknown>): void {
  if (result.status !== 200 || result.body.errors !== undefined) {
    throw new Error(`Expected 200 without errors, got ${result.status}: ${JSON.stringify(result.body.errors ?? result.body).slice(0, 1_000)}`);
  }
}

/**
 * ArticlePage exactly as operations/ArticlePage.graphql has it, except that the rail's length is a
 * variable, so the same page can be asked for with 3 or 20 related stories.
 */
export const ArticlePageWithRailSizeDocument = visit(ArticlePageDocument as DocumentNode, {
  OperationDefinition(node) {
    return {
      ...node,
      name: { kind: Kind.NAME, value: 'ArticlePageWithRailSize' },
      variableDefinitions: [
        ...(node.variableDefinitions ?? []),
        {
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'railSize' } },
          type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Int' } } },
        },
      ],
    };
  },
  Field(node) {
    if (node.name.value !== 'relatedStories') return undefined;
    return {
      ...node,
      arguments: (node.arguments ?? []).map((argument) =>
        argument.name.value === 'first' ? { ...argument, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'railSize' } } } : argument,
      ),
    };
  },
}) as TypedDocumentNode<ArticlePageQuery, { slug: string; railSize: number }>;
