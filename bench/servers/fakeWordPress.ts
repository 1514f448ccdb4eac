/**
 * The fake WordPress of the bench, in its own process so its CPU never competes with the load generator's
 * event loop: the demo newsroom enlarged to FAKE_POSTS published articles, FAKE_LATENCY_MS on every answer,
 * on WORDPRESS_PORT. A control server on PORT (never counted as WordPress traffic) lets the bench read and
 * reset the request counters:
 *   GET  /content   REST root, visible post slugs (newest first), author and topic ids
 *   GET  /stats     { count }: WordPress requests since the last reset
 *   GET  /requests  every WordPress request since the last reset: route, query, arrival time, and when
 *                   its answer was handed to the socket (for the cold path's critical path)
 *   POST /reset     zeroes the counters
 */
import { subscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { loadDemoNewsroom } from '../../src/sources/demo/loadDemoNewsroom';
import { enlargeNewsroom, startFakeWordPress } from '../../tests/support/fakeUpstreams';

/**
 * When each answer was written, keyed by its request's headers object (the fake keeps that object in its
 * request log). Node's own channel tells, so the shared fake needs no hook for it.
 */
const answeredAtMs = new WeakMap<object, number>();
subscribe('http.server.response.finish', (message) => {
  answeredAtMs.set((message as { request: IncomingMessage }).request.headers, performance.timeOrigin + performance.now());
});

async function main(): Promise<void> {
  const newsroom = enlargeNewsroom(loadDemoNewsroom(), Number(process.env.FAKE_POSTS ?? 0));
  const wordpress = await startFakeWordPress({ port: Number(process.env.WORDPRESS_PORT), latencyMs: Number(process.env.FAKE_LATENCY_MS ?? 0), newsroom });
  const visible = wordpress.content.posts.filter((row) => row.visible).sort((a, b) => b.time - a.time || b.post.id - a.post.id);
  const content = {
    url: wordpress.url,
    restRoot: wordpress.restRoot,
    slugs: visible.map((row) => row.post.slug),
    authorIds: wordpress.content.users.map((user) => String(user.id)),
    topicIds: wordpress.content.terms.map((term) => String(term.id)),
  };

  const control = createServer((req, res) => {
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/content') return reply(content);
    if (req.url === '/stats') return reply({ count: wordpress.count() });
    if (req.url === '/requests') {
      return reply(
        wordpress.requests.map((request) => ({
          route: request.route,
          search: request.url.search,
          receivedAtMs: request.receivedAtMs,
          answeredAtMs: answeredAtMs.get(request.headers) ?? null,
        })),
      );
    }
    if (req.url === '/reset' && req.method === 'POST') {
      wordpress.resetCounts();
      return reply({ count: 0 });
    }
    res.writeHead(404).end();
  });
  control.listen(Number(process.env.PORT), '127.0.0.1');

  const stop = () => {
    control.close();
    void wordpress.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake WordPress failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
