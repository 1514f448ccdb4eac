import { readFileSync } from 'node:fs';

/** The project's real operations, sent the ways clients send them. */
export interface Operations {
  /** ArticlePage as committed, or with another rail size (`relatedStories(first: N)`). */
  articlePageBody(slug: string, options?: { railFirst?: number }): string;
  /** `GET /graphql?…` with the trusted-document hash instead of the text, as an SSR client behind a CDN sends it. */
  articlePagePersistedPath(slug: string): string;
  latestPostsBody(first: number): string;
}

/**
 * Every request states its Accept: the response cache keys answers by it, and fetch (which adds a
 * wildcard Accept when none is given) and wrk (which sends none) must ask for the same entry.
 */
const ACCEPT = { accept: 'application/json' };
/** A GET with Apollo's preflight header, as earlier rounds sent it (the gateway no longer needs it on a GET query; kept so figures stay comparable). */
export const GET_HEADERS = { ...ACCEPT, 'apollo-require-preflight': 'true' };
export const POST_HEADERS = { ...ACCEPT, 'content-type': 'application/json' };

/** The rail argument of operations/ArticlePage.graphql, which the rail-size samples change. */
const RAIL_ARGUMENT = /relatedStories\(first: \d+\)/;

export function loadOperations(): Operations {
  const articlePage = readFileSync('operations/ArticlePage.graphql', 'utf8');
  const latestPosts = readFileSync('operations/LatestPosts.graphql', 'utf8');
  const manifest = JSON.parse(readFileSync('operations/persisted-query-manifest.json', 'utf8')) as { operations: { id: string; name: string }[] };
  const articlePageId = manifest.operations.find((operation) => operation.name === 'ArticlePage')?.id;
  if (!articlePageId) throw new Error('ArticlePage is not in operations/persisted-query-manifest.json; run npm run codegen');
  if (!RAIL_ARGUMENT.test(articlePage)) throw new Error('operations/ArticlePage.graphql no longer asks relatedStories(first: N): the rail-size samples cannot vary it');
  return {
    articlePageBody: (slug, options = {}) => {
      const query = options.railFirst === undefined ? articlePage : articlePage.replace(RAIL_ARGUMENT, `relatedStories(first: ${options.railFirst})`);
      return JSON.stringify({ operationName: 'ArticlePage', query, variables: { slug } });
    },
    articlePagePersistedPath: (slug) => {
      const search = new URLSearchParams({
        operationName: 'ArticlePage',
        variables: JSON.stringify({ slug }),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: articlePageId } }),
      });
      return `/graphql?${search.toString()}`;
    },
    latestPostsBody: (first) => JSON.stringify({ operationName: 'LatestPosts', query: latestPosts, variables: { first } }),
  };
}
