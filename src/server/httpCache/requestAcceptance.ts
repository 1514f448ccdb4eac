import type { IncomingHttpHeaders } from 'node:http';

/*
 * What decides whether a request may be answered by (and its answer kept in) the shared response cache,
 * before Apollo sees it: one place, used by the cache's fast paths and by the long way alike, so a cached
 * answer is never given where Apollo would have refused or answered differently.
 */

/** A request with credentials may be answered for that caller only: never from or into a shared cache. */
export function carriesCredentials(headers: IncomingHttpHeaders): boolean {
  return Boolean(headers.authorization) || Boolean(headers.cookie);
}

const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'] as const;
const JSON_MEDIA_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/**
 * Whether Apollo's CSRF prevention would let this request through, judged conservatively: a JSON body,
 * or one of Apollo's preflight headers. The fast path serves only such requests, so a cached answer is
 * never given where Apollo would have refused.
 */
export function passesCsrfPrevention(headers: IncomingHttpHeaders): boolean {
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (JSON_MEDIA_TYPES.has(mediaType)) return true;
  return PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

/** Anonymous and accepted by CSRF prevention as it is: the only requests the shared response cache serves. */
export function sharedCacheMayAnswer(headers: IncomingHttpHeaders): boolean {
  return !carriesCredentials(headers) && passesCsrfPrevention(headers);
}
