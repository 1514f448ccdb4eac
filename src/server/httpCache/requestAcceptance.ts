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
 * once it passed searchRefusal and searchParamsRefusal, which depend on nothing else (a POST body's
 * bytes likewise, once past bodyRefusal).
 */
export function requestRefusal(method: string, headers: IncomingHttpHeaders, search: URLSearchParams | undefined): Refusal | undefined {
  return headerRefusal(method, headers) ?? (search && method !== 'POST' ? (searchRefusal(search) ?? searchParamsRefusal(search)) : undefined);
}

/** With the `u` flag a surrogate pair is one astral code point: only a lone half matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function hasLoneSurrogate(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  // Deeper than any input type of the schema: the query limits refuse such a request anyway.
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (LONE_SURROGATE.test(key) || hasLoneSurrogate(entry, depth + 1)) return true;
  }
  return false;
}

/** A string that is not well-formed UTF-16 (half a surrogate pair) has no UTF-8 form: no slug, id or tag can hold it. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The refusals that depend on one operation's parameters (a POST body's, or a GET's query string,
 * parsed): a persisted query of an unknown version, and variables holding a lone surrogate, which no
 * slug, id or cache tag can spell (JSON's `\ud800` escapes make one; UTF-8 bytes cannot).
 */
export function paramsRefusal(params: { extensions?: unknown; variables?: unknown }): Refusal | undefined {
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown } } | null | undefined)?.persistedQuery;
  if (persisted !== undefined && persisted !== null && persisted.version !== 1) {
    return { status: 400, code: ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, message: 'Unsupported persisted query version: only version 1 is supported.' };
  }
  if (hasLoneSurrogate(params.variables)) {
    return { status: 400, code: ErrorCode.BAD_USER_INPUT, message: 'A variable holds a lone surrogate (half of a UTF-16 pair), which is not text; send well-formed Unicode.' };
  }
  return undefined;
}

/** paramsRefusal for a GET's query string; malformed JSON is left to Apollo's own 400. */
export function searchParamsRefusal(search: URLSearchParams): Refusal | undefined {
  const parse = (name: string): unknown => {
    const value = search.get(name);
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  };
  return paramsRefusal({ extensions: parse('extensions'), variables: parse('variables') });
}

/** paramsRefusal for a POST body: one operation, or each of a batch. */
export function bodyRefusal(body: unknown): Refusal | undefined {
  if (Array.isArray(body)) {
    for (const item of body) {
      const refused = bodyRefusal(item);
      if (refused) return refused;
    }
    return undefined;
  }
  return typeof body === 'object' && body !== null ? paramsRefusal(body as Record<string, unknown>) : undefined;
}

/** Anonymous and not refused on its headers: the only requests the shared response cache serves. */
export function sharedCacheMayAnswer(method: string, headers: IncomingHttpHeaders): boolean {
  return !carriesCredentials(headers) && headerRefusal(method, headers) === undefined;
}
