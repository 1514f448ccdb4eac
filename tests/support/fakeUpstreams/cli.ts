import { parseArgs } from 'node:util';
import { loadDemoNewsroom } from '../../../src/sources/demo/loadDemoNewsroom';
import { enlargeNewsroom } from './enlargeNewsroom';
import { type FakeService, startFakeService } from './fakeServices';
import { startFakeWordPress } from './fakeWordPress';

/*
 * Runs the fake upstreams outside the test suite, for benchmarks and manual runs:
 *
 *   npm run fake-upstreams -- --latency 20 --port 8081
 *   npm run fake-upstreams -- --posts 1200     # WordPress serves 1,200 published posts (copies added)
 *
 * Prints one JSON line with the URLs (and the environment to point a gateway at them), then serves until
 * SIGINT/SIGTERM. Every service gets its own port: `--port` for WordPress, the next three for the services
 * (0, the default, picks free ports).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '0' },
    permalinks: { type: 'string', default: 'pretty' },
    'no-services': { type: 'boolean', default: false },
    posts: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const port = Number(values.port);
  const latencyMs = Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || !Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--port and --latency must be whole numbers, 0 or more');
  if (values.permalinks !== 'pretty' && values.permalinks !== 'plain') throw new Error('--permalinks must be pretty or plain');
  const posts = values.posts === undefined ? undefined : Number(values.posts);
  if (posts !== undefined && (!Number.isInteger(posts) || posts < 0)) throw new Error('--posts must be a whole number');
  const host = values.host;
  const newsroom = posts === undefined ? undefined : enlargeNewsroom(loadDemoNewsroom(), posts);
  const wordpress = await startFakeWordPress({ port, host, latencyMs, permalinks: values.permalinks, newsroom });
  let services: Record<'authors' | 'topics' | 'related', FakeService> | undefined;
  if (!values['no-services']) {
    const at = (offset: number) => ({ port: port === 0 ? 0 : port + offset, host, latencyMs });
    const [authors, topics, related] = await Promise.all([startFakeService('authors', at(1)), startFakeService('topics', at(2)), startFakeService('related', at(3))]);
    services = { authors, topics, related };
  }

  const env: Record<string, string> = { WORDPRESS_URL: wordpress.url };
  if (services) {
    env.AUTHORS_URL = services.authors.serviceUrl;
    env.TOPICS_URL = services.topics.serviceUrl;
    env.RELATED_URL = services.related.serviceUrl;
  }
  process.stdout.write(`${JSON.stringify({ wordpress: wordpress.url, restRoot: wordpress.restRoot, ...(services ? { authors: services.authors.serviceUrl, topics: services.topics.serviceUrl, related: services.related.serviceUrl } : {}), env })}\n`);

  const all = [wordpress, ...Object.values(services ?? {})];
  const stop = () => {
    const counts = Object.fromEntries([['wordpress', wordpress.count()], ...Object.entries(services ?? {}).map(([kind, service]) => [kind, service.count()])]);
    process.stderr.write(`fake upstreams stopping; requests served: ${JSON.stringify(counts)}\n`);
    void Promise.all(all.map((upstream) => upstream.close())).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake upstreams failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
