import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors';
import type { RequestScope } from '../requestScope';
import type { Telemetry } from '../telemetry';
import { answerClientError } from './answerClientError';
import type { CorsHandler } from './cors';
import { requestIdFrom } from './requestId';
import type { Route } from './routes/Route';
import { sendError } from './sendJson';

export interface HttpServerOptions {
  routes: Readonly<Record<string, Route>>;
  cors: CorsHandler;
  logger: Logger;
  telemetry: Telemetry;
  /** A request still running after this gets a JSON 504 and its upstream calls are told to stop. */
  requestTimeoutMs: number;
  /** Node's own limits on a slow client: headers, and the whole request. */
  headersTimeoutMs: number;
  receiveTimeoutMs: number;
}

/**
 * The gateway's node:http server: a request scope per request (id, deadline, an abort signal made only
 * when something asks for it), CORS, dispatch to the route table, one log line and one metric per
 * request, and JSON for every failure, including requests Node cannot parse.
 */
export function createHttpServer({ routes, cors, logger, telemetry, requestTimeoutMs, headersTimeoutMs, receiveTimeoutMs }: HttpServerOptions): Server {
  const route = async (req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope): Promise<void> => {
    const { requestId } = scope;
    try {
      if ((await cors(req, res)) === 'answered') return;
      const handler = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
      if (!handler) return sendError(res, 404, ErrorCode.NOT_FOUND, `No route for ${url.pathname}; the GraphQL endpoint is /graphql.`);
      return await handler(req, res, url, scope);
    } catch (error) {
      logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendInternalError(res, requestId);
      else res.destroy();
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const routeName = Object.hasOwn(routes, url.pathname) ? url.pathname : 'unmatched';
    const scope = new ServedRequestScope(requestId);
    logger.debug({ requestId, method: req.method, path: url.pathname }, 'request started');

    // Past the deadline the client gets a JSON 504 at once; work still running is told to stop through the
    // scope's signal (upstream calls abort) and its answer, when it comes, is dropped.
    // The deadline is for the gateway's own work: while the client is still sending its body, the body's
    // own timeout (SERVER_RECEIVE_TIMEOUT_MS, a 408) governs, and the deadline starts over once it is in.
    let closed = false;
    const onDeadline = (): void => {
      if (closed) return;
      if (!req.complete && !req.destroyed) {
        req.once('end', () => {
          if (!closed) timer = setTimeout(onDeadline, requestTimeoutMs);
        });
        return;
      }
      scope.abort(new Error(`request timed out after ${requestTimeoutMs} ms`));
      if (res.headersSent) return;
      sendError(res, 504, ErrorCode.GATEWAY_TIMEOUT, `The request did not complete within ${requestTimeoutMs} ms.`, {
        'x-request-id': requestId,
        connection: 'close',
      });
    };
    let timer = setTimeout(onDeadline, requestTimeoutMs);

    res.once('close', () => {
      closed = true;
      clearTimeout(timer);
      const completed = res.writableFinished;
      if (!completed) scope.abort(new Error('client closed the connection'));
      const durationMs = performance.now() - startedAt;
      telemetry.httpRequest(routeName, req.method ?? 'GET', res.statusCode, durationMs);
      const line = { requestId, method: req.method, path: url.pathname, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10, operationName: scope.operationName, responseCache: res.getHeader('x-cache'), completed };
      if (routeName === '/graphql' || routeName === 'unmatched') logger.info(line, 'request');
      else logger.debug(line, 'request');
    });

    void route(req, res, url, scope);
  };

  // Node checks its header and request timeouts on this interval (30 s by default), so a slowloris client
  // was held for the timeout plus up to 30 s; checking often bounds it by the timeout plus a fraction.
  const server = createServer({ connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeoutMs / 4))) }, handle);
  // A client that sends headers slowly must not hold a socket: answered 408 at SERVER_HEADERS_TIMEOUT_MS.
  server.headersTimeout = headersTimeoutMs;
  // The body's timeout is the routes' own (readBody: a JSON 408 at receiveTimeoutMs after the headers);
  // Node's whole-request timeout stays behind it as the backstop for routes that never read a body.
  server.requestTimeout = headersTimeoutMs + receiveTimeoutMs + 1_000;
  server.on('clientError', answerClientError);
  return server;
}

/**
 * The scope of one request. A class, not an object literal with a `get signal()`: V8 gives every literal
 * whose getter is a fresh closure a hidden class (map) of its own, allocated where the young-generation GC
 * must copy and promote it, so under load each scavenge promoted megabytes and paused for milliseconds,
 * even for /healthz. The signal is made only when something below asks for it (an upstream call): a
 * request answered from the caches never needs one.
 */
class ServedRequestScope implements RequestScope {
  operationName?: string;
  private controller: AbortController | undefined;
  private abortedWith: Error | undefined;

  constructor(readonly requestId: string) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      // Asked for after the deadline or the client's departure: born aborted.
      if (this.abortedWith) this.controller.abort(this.abortedWith);
    }
    return this.controller.signal;
  }

  /** The deadline passed or the client left: work still running is told to stop. */
  abort(reason: Error): void {
    this.abortedWith ??= reason;
    this.controller?.abort(reason);
  }
}

/** Like sendError, with the request id in the body too, so a user reporting the failure can quote it. */
function sendInternalError(res: ServerResponse, requestId: string): void {
  const body = { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } }] };
  const payload = JSON.stringify(body);
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), 'cache-control': 'no-store', 'x-request-id': requestId });
  res.end(payload);
}
