import { readFileSync } from 'node:fs';

/** The project's real operations, sent the ways clients send them. */
export interface Operations {
  articlePageBody(slug: string): string;
  /** `GET /graphql?…` with the trusted-document hash instead of the text, as an SSR client behind a CDN sends it. */
  articlePagePersistedPath(slug: string): string;
  latestPostsBody(first: number): string;
}

/** Headers a GET needs to pass Apollo's CSRF prevention. */
export const GET_HEADERS = { 'apollo-require-preflight': 'true' };
export const POST_HEADERS = { 'content-type': 'application/json' };

export function loadOperations(): Operations {
  const articlePage = readFileSync('operations/ArticlePage.graphql', 'utf8');
  const latestPosts = readFileSync('operations/LatestPosts.graphql', 'utf8');
  const manifest = JSON.parse(readFileSync('operations/persisted-query-manifest.json', 'utf8')) as { operations: { id: string; name: string }[] };
  const articlePageId = manifest.operations.find((operation) => operation.name === 'ArticlePage')?.id;
  if (!articlePageId) throw new Error('ArticlePage is not in operations/persisted-query-manifest.json; run npm run codegen');
  return {
    articlePageBody: (slug) => JSON.stringify({ operationName: 'ArticlePage', query: articlePage, variables: { slug } }),
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
