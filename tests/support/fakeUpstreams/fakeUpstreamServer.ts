import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/*
 * The core shared by the fake upstreams: a real node:http server that records every request, adds a
 * configurable fixed latency, and injects faults per route. Handlers are pure: request in, reply out.
 */

export interface FakeRequest {
  method: string;
  /** What the handler dispatches on: a REST route (`/wp/v2/posts`) or a service path (`/related`). */
  route: string;
  query: URLSearchParams;
  url: URL;
  headers: IncomingMessage['headers'];
  /** Arrival time in epoch milliseconds (sub-millisecond precision), so a benchmark can tell dependent round trips apart. */
  receivedAtMs: number;
  /** The request body as text (empty for a GET); complete before the handler runs. */
  body: string;
}

export interface FakeReply {
  status: number;
  /** Serialised as JSON unless `raw` is given. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string | number>;
}

/** What can go wrong with an upstream, as seen from the gateway. */
export type Fault =
  /** Answers this status with a JSON error body in the upstream's own style. */
  | { type: 'status'; status: number }
  /** Accepts the request and never answers (until the server closes). */
  | { type: 'hang' }
  /** Drops the connection without an answer. */
  | { type: 'reset' }
  /** 200 with a JSON body cut short. */
  | { type: 'malformed-json' }
  /** 200 with valid JSON of the wrong shape. */
  | { type: 'wrong-shape' }
  /** 200 with an HTML page where JSON was expected (a proxy's error page, a PHP notice). */
  | { type: 'html' }
  /** Headers at once, then the body in pieces over `totalMs`. */
  | { type: 'slow-body'; totalMs: number }
  /** The normal answer, `ms` late. */
  | { type: 'delay'; ms: number };

export interface FaultRule {
  fault: Fault;
  /** Only requests whose route matches (a prefix string or a pattern); every route when absent. */
  route?: string | RegExp;
  /** Only requests this says yes to (their query, say), besides `route`. */
  when?: (request: FakeRequest) => boolean;
  /** Applies to this many matching requests, then lapses; forever when absent. */
  times?: number;
}

export interface FakeUpstream {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** Every request received, faulted ones included, in arrival order. */
  requests: FakeRequest[];
  /** Requests received, optionally only those whose route matches. */
  count(route?: string | RegExp): number;
  resetCounts(): void;
  /** Adds a fault rule; the first matching rule wins. */
  inject(fault: Fault, options?: { route?: string | RegExp; when?: (request: FakeRequest) => boolean; times?: number }): void;
  clearFaults(): void;
  /** Fixed latency added to every answer, changeable while running. */
  setLatency(ms: number): void;
  /**
   * Answers at most `count` requests at once, like a site with that many PHP workers: the others wait
   * their turn (unanswered, their connection open) before their latency starts. Unlimited when absent.
   */
  setWorkers(count: number | undefined): void;
  /** Connections open to the server right now, idle keep-alive ones included. */
  openConnections(): number;
  /** Requests neither answered nor cut off yet: a hung request counts until its connection closes. */
  openRequests(): number;
  close(): Promise<void>;
}

export interface FakeUpstreamOptions {
  port?: number;
  host?: string;
  latencyMs?: number;
  routeOf: (url: URL) => string;
  handle: (request: FakeRequest, base: string) => FakeReply | Promise<FakeReply>;
  /** The upstream's error body for a status fault. */
  errorBody?: (status: number) => unknown;
}

export async function startFakeUpstream(options: FakeUpstreamOptions): Promise<FakeUpstream> {
  const requests: FakeRequest[] = [];
  const rules: FaultRule[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let latencyMs = options.latencyMs ?? 0;
  let openRequests = 0;
  let workers: number | undefined;
  let busyWorkers = 0;
  const waitingForWorker: (() => void)[] = [];
  /** Runs `work` on a free worker; `work` calls the release it gets once its answer is done. */
  const onWorker = (res: ServerResponse, work: (release: () => void) => void) => {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      busyWorkers -= 1;
      const next = waitingForWorker.shift();
      if (next) next();
    };
    const start = () => {
      busyWorkers += 1;
      // A request its client gave up on while it waited is not worked on.
      if (res.destroyed) return release();
      res.once('close', release);
      work(release);
    };
    if (workers === undefined || busyWorkers < workers) start();
    else waitingForWorker.push(start);
  };
  let base = '';

  const later = (ms: number, run: () => void) => {
    if (ms <= 0) return run();
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const matches = (pattern: string | RegExp | undefined, route: string) =>
    pattern === undefined || (typeof pattern === 'string' ? route.startsWith(pattern) : pattern.test(route));

  const takeFault = (request: FakeRequest): Fault | undefined => {
    const index = rules.findIndex((rule) => matches(rule.route, request.route) && (rule.when === undefined || rule.when(request)));
    const rule = rules[index];
    if (!rule) return undefined;
    if (rule.times !== undefined && --rule.times <= 0) rules.splice(index, 1);
    return rule.fault;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const request: FakeRequest = { method: req.method ?? 'GET', route: options.routeOf(url), query: url.searchParams, url, headers: req.headers, receivedAtMs: performance.timeOrigin + performance.now(), body: '' };
    requests.push(request);
    openRequests += 1;
    res.once('close', () => {
      openRequests -= 1;
    });
    // Read the whole body (handlers of POSTs need it; keep-alive connections stay usable).
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const fault = takeFault(request);
    if (fault?.type === 'reset') return void req.socket.destroy();
    if (fault?.type === 'hang') return;
    req.once('end', () => {
      request.body = Buffer.concat(chunks).toString('utf8');
      onWorker(res, (release) =>
      later(latencyMs + (fault?.type === 'delay' ? fault.ms : 0), () => {
        void answer(fault, request).then((reply) => {
          send(reply, fault, request, res);
          if (fault?.type !== 'slow-body') release();
        });
      }),
      );
    });
  });
  const answer = async (fault: Fault | undefined, request: FakeRequest): Promise<FakeReply> => {
    const faulted = faultReply(fault, options.errorBody);
    if (faulted) return faulted;
    try {
      return await options.handle(request, base);
    } catch (error) {
      return { status: 500, body: { code: 'fake_upstream_bug', message: (error as Error).message } };
    }
  };
  const send = (reply: FakeReply, fault: Fault | undefined, request: FakeRequest, res: ServerResponse) => {
      if (res.destroyed) return;
      const payload = reply.raw ?? JSON.stringify(reply.body ?? null);
      const headers = { 'content-type': reply.raw !== undefined ? 'text/html; charset=UTF-8' : 'application/json; charset=UTF-8', ...reply.headers };
      if (fault?.type === 'slow-body') return writeSlowly(res, reply.status, headers, payload, fault.totalMs, later);
      res.writeHead(reply.status, { ...headers, 'content-length': Buffer.byteLength(payload) });
      res.end(request.method === 'HEAD' ? undefined : payload);
  };
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url: base,
    port,
    requests,
    count: (route) => requests.filter((request) => matches(route, request.route)).length,
    resetCounts: () => {
      requests.length = 0;
    },
    inject: (fault, rule = {}) => {
      rules.push({ fault, ...rule });
    },
    clearFaults: () => {
      rules.length = 0;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setWorkers: (count) => {
      workers = count;
    },
    openConnections: () => sockets.size,
    openRequests: () => openRequests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function faultReply(fault: Fault | undefined, errorBody: FakeUpstreamOptions['errorBody']): FakeReply | undefined {
  switch (fault?.type) {
    case 'status':
      return { status: fault.status, body: errorBody ? errorBody(fault.status) : { error: `status ${fault.status}` } };
    case 'malformed-json':
      return { status: 200, raw: '[{"id": 1, "title": {"rendered": "Cut sh', headers: { 'content-type': 'application/json; charset=UTF-8' } };
    case 'wrong-shape':
      return { status: 200, body: { unexpected: true, items: 'not what you asked for', results: 42, authors: 'none', topics: null } };
    case 'html':
      return { status: 200, raw: '<!DOCTYPE html><html><body><h1>Briefly unavailable for scheduled maintenance.</h1></body></html>' };
    default:
      return undefined;
  }
}

function writeSlowly(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  payload: string,
  totalMs: number,
  later: (ms: number, run: () => void) => void,
): void {
  const bytes = Buffer.from(payload);
  res.writeHead(status, { ...headers, 'content-length': bytes.length });
  const pieces = 10;
  const size = Math.ceil(bytes.length / pieces);
  let sent = 0;
  const next = () => {
    if (res.destroyed) return;
    res.write(bytes.subarray(sent, sent + size));
    sent += size;
    if (sent >= bytes.length) return void res.end();
    later(totalMs / pieces, next);
  };
  next();
}
