import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode } from '../../errors';

/*
 * What the gateway refuses before Apollo sees a request, and what the shared response cache may answer:
 * one place, used by the cache's fast paths and by the long way alike, so a cached answer is never given
 * where the cold path would have refused or answered differently.
 */

/** A request with credentials may be answered for that caller only: never from or into a shared cache. */
export function carriesCredentials(headers: IncomingHttpHeaders): boolean {
  return Boolean(headers.authorization) || Boolean(headers.cookie);
}

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
}

const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'] as const;
/** What a browser may send cross-site without a preflight (the Fetch standard's CORS-safelisted types). */
const SIMPLE_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
/** Apollo reads each of these once from a GET's query string and refuses a request that repeats one. */
const SINGLE_SEARCH_PARAMS = ['query', 'operationName', 'variables', 'extensions'] as const;

export const CSRF_MESSAGE =
  'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Send a POST with ' +
  "'content-type: application/json', or a non-empty 'apollo-require-preflight' or 'x-apollo-operation-name' header.";

export function mediaTypeOf(contentType: string | undefined): string {
  // Nearly every client sends exactly this; anything else is parsed.
  if (contentType === 'application/json') return contentType;
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function hasPreflightHeader(headers: IncomingHttpHeaders): boolean {
  return PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

/**
 * The refusals that depend on the method and headers alone.
 *
 * CSRF: a POST a browser could send cross-site without a preflight (no content-type, or a form or text
 * one) is refused unless it carries one of Apollo's preflight headers; such a POST could run a mutation
 * with the victim's ambient credentials. A GET is not refused for lacking a content-type (urql and
 * graphql-request send none): Apollo runs only queries over GET (a mutation gets 405 before anything
 * executes), and the schema's queries have no side effects, so a cross-site GET can only read, and CORS
 * keeps its answer from the page that sent it.
 *
 * A GET's content-type, when present, must be application/json (as Apollo rules: 415 otherwise).
 */
export function headerRefusal(method: string, headers: IncomingHttpHeaders): Refusal | undefined {
  const contentType = headers['content-type'];
  if (method === 'POST') {
    const mediaType = mediaTypeOf(contentType);
    if ((mediaType === '' || SIMPLE_MEDIA_TYPES.has(mediaType)) && !hasPreflightHeader(headers)) {
      return { status: 400, code: ErrorCode.BAD_REQUEST, message: CSRF_MESSAGE };
    }
    return undefined;
  }
  if (contentType !== undefined && mediaTypeOf(contentType) !== 'application/json') {
    return { status: 415, code: ErrorCode.BAD_REQUEST, message: 'GET requests may not have a content-type header other than application/json.' };
  }
  return undefined;
}

/** A GET's query string that repeats a GraphQL parameter: refused, as Apollo would. */
export function searchRefusal(search: URLSearchParams): Refusal | undefined {
  for (const name of SINGLE_SEARCH_PARAMS) {
    if (search.getAll(name).length > 1) {
      return { status: 400, code: ErrorCode.BAD_REQUEST, message: `The '${name}' search parameter may only be specified once.` };
    }
  }
  return undefined;
}

/**
 * Everything the gateway refuses before GraphQL work, for the long way. The fast paths call
 * headerRefusal only: they are keyed by the exact query string, and a query string is remembered only
 * once it passed searchRefusal, which depends on nothing else.
 */
export function requestRefusal(method: string, headers: IncomingHttpHeaders, search: URLSearchParams | undefined): Refusal | undefined {
  return headerRefusal(method, headers) ?? (search && method !== 'POST' ? searchRefusal(search) : undefined);
}

/** Anonymous and not refused on its headers: the only requests the shared response cache serves. */
export function sharedCacheMayAnswer(method: string, headers: IncomingHttpHeaders): boolean {
  return !carriesCredentials(headers) && headerRefusal(method, headers) === undefined;
}
