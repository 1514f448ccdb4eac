import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayContext } from '../../context';
import { ErrorCode } from '../../errors';
import type { Authenticator, Principal } from '../../identity/Authenticator';
import { RequestOutcome } from '../../requestOutcome';
import type { RequestScope } from '../../requestScope';
import { bodyRefusal, carriesCredentials, mediaTypeOf, requestRefusal } from '../httpCache/requestAcceptance';
import { PreparedAnswer } from '../httpCache/PreparedAnswer';
import type { ResponseCacheFront } from '../httpCache/ResponseCacheFront';
import { readBodyOrAnswer, type BodyLimits } from '../readBody';
import { sendError } from '../sendJson';
import { resolveTrustedDocument, resolveTrustedSearch, type GraphQLRequestParams, type TrustedDocumentOptions } from '../trusted/resolveTrustedDocument';
import type { Route } from './Route';

export interface GraphqlRouteDeps {
  apollo: ApolloServer<GatewayContext>;
  /** Apollo's landing page is on; when off, a browser opening /graphql is told so in plain text. */
  landingPage: boolean;
  /** gzip and brotli per Accept-Encoding (COMPRESSION); false leaves it to a CDN or proxy. */
  compression: boolean;
  /** BODY_LIMIT_BYTES, BODY_DRAIN_LIMIT_BYTES and SERVER_RECEIVE_TIMEOUT_MS. */
  bodyLimits: BodyLimits;
  /** Largest batch accepted when batching is on (0: off, and Apollo refuses every batch). */
  batchMaxOperations: number;
  trustedDocuments: TrustedDocumentOptions;
  createContext: (scope: RequestScope, outcome: RequestOutcome, principal: Principal, clientAddress: string) => GatewayContext;
  /** The client's address, for per-address limits (a header the proxy in front sets, or the socket's peer). */
  clientAddressOf?: (req: IncomingMessage) => string;
  /** Verifies bearer tokens; a token it refuses gets a 401 before any GraphQL work. */
  authenticator: Authenticator;
  /** The full-response cache for anonymous queries; absent when turned off. */
  responseCache?: ResponseCacheFront;
}

/**
 * `GET` and `POST /graphql` straight into Apollo's transport-neutral entry point: no framework in between,
 * because Apollo's own pipeline is already the expensive part of a request. In front of it, the response
 * cache answers anonymous queries with the stored bytes and headers, without parsing or executing
 * anything. The route creates the request's outcome, hands it to the context, and reads it to answer.
 */
export function createGraphqlRoute({ apollo, landingPage, compression, bodyLimits, batchMaxOperations, trustedDocuments, createContext, authenticator, responseCache, clientAddressOf }: GraphqlRouteDeps): Route {
  return async (req, res, url, scope) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') {
      sendError(res, 405, ErrorCode.METHOD_NOT_ALLOWED, `Method ${method} is not allowed on /graphql; use GET or POST.`, { allow: 'GET, POST' });
      return;
    }
    const headOnly = method === 'HEAD';

    let body: unknown;
    /** A POST's JSON body as received, to remember its response-cache key by. */
    let rawJson: Buffer | undefined;
    if (method === 'POST') {
      const raw = await readBodyOrAnswer(req, res, bodyLimits);
      if (!raw) return;
      const refused = requestRefusal(method, req.headers, undefined);
      if (refused) return sendError(res, refused.status, refused.code, refused.message);
      rawJson = mediaTypeOf(req.headers['content-type']) === 'application/json' ? raw : undefined;
      // The same bytes as an earlier request whose answer is in memory: nothing to parse or resolve.
      if (responseCache && rawJson && responseCache.answerKnownBody(res, rawJson, req.headers)) return;
      const parsed = parseBody(raw, req.headers['content-type']);
      if (!parsed.ok) {
        sendError(res, 400, ErrorCode.BAD_REQUEST, parsed.message);
        return;
      }
      body = parsed.value;
      const refusedBody = bodyRefusal(body);
      if (refusedBody) return sendError(res, refusedBody.status, refusedBody.code, refusedBody.message);
    }
    // A slow upload can outlast the request deadline, which has answered already.
    if (res.headersSent) return;
    if (method !== 'POST') {
      if (responseCache?.answerKnownSearch(res, url.search, req.headers, headOnly)) return;
      const refused = requestRefusal(method, req.headers, url.searchParams);
      if (refused) return sendError(res, refused.status, refused.code, refused.message);
      if (!landingPage && url.search === '' && acceptsHtml(req.headers.accept)) return sendNoLandingPage(res, headOnly);
    }

    // Trusted documents are swapped in (or anything else refused) before Apollo parses a single token.
    let search = url.search;
    if (method === 'POST') {
      const trusted = resolveTrustedBody(body, trustedDocuments, batchMaxOperations);
      if (!trusted.ok) return sendError(res, trusted.status, trusted.code, trusted.message);
      body = trusted.body;
    } else {
      const trusted = resolveTrustedSearch(url.searchParams, trustedDocuments);
      if (!trusted.ok) return sendError(res, trusted.status, trusted.code, trusted.message);
      search = trusted.search.size > 0 ? `?${trusted.search.toString()}` : '';
    }

    // After the fast paths, which never answer a request with credentials; before anything is parsed.
    const pending = authenticator.authenticate(req.headers.authorization);
    const authentication = pending instanceof Promise ? await pending : pending;
    if (!authentication.ok) {
      sendError(res, 401, ErrorCode.UNAUTHENTICATED, authentication.rejection.message, { 'www-authenticate': 'Bearer error="invalid_token"' });
      return;
    }
    if (res.headersSent) return;

    const cacheKey = responseCache?.keyFor({ method, headers: req.headers, body, search, originalSearch: url.search, rawJson });
    if (responseCache && cacheKey && (await responseCache.answerFromCache(res, cacheKey, req.headers, headOnly))) return;
    const outcome = new RequestOutcome(carriesCredentials(req.headers), cacheKey ? 'MISS' : 'BYPASS');
    res.setHeader('x-cache', outcome.responseCache);

    const mark = responseCache?.mark();
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: headOnly ? 'GET' : method, headers, search, body },
      context: async () => createContext(scope, outcome, authentication.principal, clientAddressOf?.(req) ?? req.socket.remoteAddress ?? ''),
    });

    // The request timed out, or the client left, while Apollo was working: the answer has nowhere to go.
    if (res.headersSent || res.destroyed) return;
    if (response.body.kind === 'complete') {
      // Encoded once: a string would be scanned for Content-Length and again for the socket. A credentialed
      // answer is never compressed: secrets next to reflected input are what BREACH reads through sizes.
      const answer = new PreparedAnswer(response.status ?? 200, response.headers, Buffer.from(response.body.string), {
        compression: compression && !outcome.credentialed,
      });
      answer.send(res, req.headers, headOnly);
      if (responseCache && cacheKey && mark) responseCache.store(cacheKey, outcome, answer, response.headers, response.body.string, mark);
      return;
    }
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

type TrustedBody = { ok: true; body: unknown } | { ok: false; status: number; code: ErrorCode; message: string };

function resolveTrustedBody(body: unknown, options: TrustedDocumentOptions, batchMaxOperations: number): TrustedBody {
  if (Array.isArray(body)) {
    // With batching off Apollo refuses any batch itself; with it on, a batch is as big as we allow.
    if (batchMaxOperations === 0) return { ok: true, body };
    if (body.length > batchMaxOperations) {
      return { ok: false, status: 400, code: ErrorCode.BAD_REQUEST, message: `A batch may hold at most ${batchMaxOperations} operations; this one holds ${body.length}.` };
    }
    const resolved: unknown[] = [];
    for (const item of body) {
      const one = resolveTrustedBody(item, options, 0);
      if (!one.ok) return one;
      resolved.push(one.body);
    }
    return { ok: true, body: resolved };
  }
  // Not a JSON object (a text/plain body, say): Apollo refuses it with its own 400.
  if (typeof body !== 'object' || body === null) return { ok: true, body };
  const resolution = resolveTrustedDocument(body as GraphQLRequestParams, options);
  return resolution.ok ? { ok: true, body: resolution.params } : resolution;
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

/** A browser's navigation: it asks for HTML first. */
function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/html');
}

/** What a person who opens /graphql in a browser sees where the landing page is off (production). */
function sendNoLandingPage(res: ServerResponse, headOnly: boolean): void {
  const body = 'GraphQL endpoint; landing page disabled. Send queries with POST (content-type: application/json) or GET ?query=…\n';
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', vary: 'Accept' });
  res.end(headOnly ? undefined : body);
}

function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const mediaType = mediaTypeOf(contentType);
  // Non-JSON bodies go to Apollo as they are, which rejects them with its own 400 (and CSRF rules).
  if (mediaType !== 'application/json' && mediaType !== 'application/graphql-response+json') {
    return { ok: true, value: raw.length > 0 ? raw.toString('utf8') : undefined };
  }
  if (raw.length === 0) return { ok: false, message: 'The request body is empty; send a JSON object with a "query".' };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch (error) {
    return { ok: false, message: `The request body is not valid JSON: ${(error as Error).message}` };
  }
}
