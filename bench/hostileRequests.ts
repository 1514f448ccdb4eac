/**
 * How fast the gateway refuses each hostile request of issue 5, in production mode, over a real socket.
 * Run: npm run bench:hostile. Prints the median, p95 and max per case after a warm-up; a second table
 * loosens the token and body limits to show what the next layer (validation rules, graphql-js's own
 * bounds on fragment validation) costs when the first one is not there.
 */
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createGateway } from '../src/wiring/createGateway';
import { DemoNewsroomSource } from '../src/sources/demo/DemoNewsroomSource';
import { aliasedQuery, directiveQuery, fragmentSpreadQuery, nestedQuery } from '../tests/support/hostileQueries';
import { rawPost } from '../tests/support/rawPost';

const ROUNDS = Number(process.env.ROUNDS ?? 30);
const JSON_HEADERS = { 'content-type': 'application/json' };
const op = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

const CASES: [string, string | Buffer, Record<string, string>][] = [
  ['depth-50 query', op(nestedQuery(50)), JSON_HEADERS],
  ['10,000 aliases', op(aliasedQuery(10_000)), JSON_HEADERS],
  ['fragment spread 1,000 times', op(fragmentSpreadQuery(1000)), JSON_HEADERS],
  ['1,000 directives', op(directiveQuery(1000)), JSON_HEADERS],
  ['10 MB body', Buffer.alloc(10 * 1024 * 1024, ' '), JSON_HEADERS],
  ['1 MB string argument', op('query($q: String) { posts(search: $q) { totalCount } }', { q: 'x'.repeat(1024 * 1024) }), JSON_HEADERS],
  ['malformed JSON', '{"query": "{ posts { totalCount } }"', JSON_HEADERS],
  ['wrong content type', op('{ posts { totalCount } }'), { 'content-type': 'text/plain' }],
  ['batch of 1,000 operations', JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ posts(first: 1) { totalCount } }' }))), JSON_HEADERS],
  ['invalid variables', op('query($slug: String!, $first: Int!) { post(slug: $slug) { relatedStories(first: $first) { title } } }', { slug: ['x'], first: 'six' }), JSON_HEADERS],
];

async function measure(env: Record<string, string>, cases: typeof CASES): Promise<void> {
  const demo = new DemoNewsroomSource();
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', ...env });
  const gateway = await createGateway(config, { sources: { posts: demo, authors: demo, topics: demo, related: demo }, logger: pino({ level: 'silent' }) });
  const { port } = await gateway.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const rows = [];
  for (const [name, body, headers] of cases) {
    for (let warm = 0; warm < 3; warm += 1) await rawPost(url, body, headers);
    const timings: number[] = [];
    let response;
    for (let round = 0; round < ROUNDS; round += 1) {
      const startedAt = performance.now();
      response = await rawPost(url, body, headers);
      timings.push(performance.now() - startedAt);
    }
    timings.sort((a, b) => a - b);
    const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]?.toFixed(1);
    const extensions = response?.status === 200 ? undefined : response?.json().errors?.[0]?.extensions;
    const code = extensions ? `${String(extensions.code)}${extensions.limit ? ` (${String(extensions.limit)})` : ''}` : '-';
    rows.push({ case: name, status: response?.status, code, 'median ms': at(0.5), 'p95 ms': at(0.95), 'max ms': timings[timings.length - 1]?.toFixed(1) });
  }
  console.table(rows);
  await gateway.close();
}

async function main(): Promise<void> {
  console.log(`Production defaults, ${ROUNDS} rounds per case (node ${process.version}):`);
  await measure({}, CASES);
  console.log('Token and body limits loosened (QUERY_MAX_TOKENS=1000000, BODY_LIMIT_BYTES=20000000): the next layer decides.');
  await measure({ QUERY_MAX_TOKENS: '1000000', BODY_LIMIT_BYTES: '20000000' }, CASES.slice(0, 4));
}

void main();
