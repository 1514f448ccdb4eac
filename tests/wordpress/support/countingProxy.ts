import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path and query as the client sent them, e.g. /wp-json/wp/v2/posts?include=4,6 */
  url: string;
}

export interface CountingProxy {
  /** The site URL to give the gateway: WordPress answers through it and prints links to it. */
  url: string;
  /** Every request that reached WordPress through the proxy, in arrival order. */
  requests: ProxiedRequest[];
  reset(): void;
  /** The requests as one readable block, for failure messages. */
  describe(): string;
  close(): Promise<void>;
}

/**
 * A loopback reverse proxy in front of PHP's server that records each request, so a test can count what
 * the gateway really asked WordPress for. The Host header passes through unchanged: the site answers at
 * the address it is reached by, so every link WordPress prints points back through the proxy.
 */
export async function startCountingProxy(targetPort: number): Promise<CountingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/' });
    const upstream = request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`counting proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reset: () => {
      requests.length = 0;
    },
    describe: () => (requests.length === 0 ? '(no requests)' : requests.map((r) => `  ${r.method} ${decodeURIComponent(r.url)}`).join('\n')),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  delete copy.connection;
  delete copy['keep-alive'];
  delete copy['transfer-encoding'];
  return copy;
}
