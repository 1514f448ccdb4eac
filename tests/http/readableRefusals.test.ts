import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PostSource } from '../../src/sources/types';
import { captureLogs } from '../support/captureLogs';
import { REFERENCE_SLUG, TEST_WEBHOOK_SECRET } from '../support/fixtures';
import { sendContentChanged } from '../support/signedWebhook';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';

const run = promisify(execFile);
const TEN_MB = 10 * 1024 * 1024;
const EMOJI_SLUG = '🦄-unicorns-🏳️‍🌈-ünïcödé';

/** Opens a raw connection, writes `head`, and resolves with everything the server sent until it closed. */
function heldConnection(port: number, head: string): Promise<{ reply: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('utf8')));
    socket.on('close', () => resolve({ reply, socket }));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve({ reply, socket }) : reject(error)));
  });
}

describe('readable refusals and safe input', () => {
  const logs = captureLogs('info');
  let gateway: TestGateway;
  beforeAll(async () => {
    // The demo newsroom, with one article also reachable by an emoji slug (WordPress allows any Unicode).
    const demo = demoSources();
    const posts: PostSource = {
      name: 'unicode',
      getPostsByIds: (ids, call) => demo.posts.getPostsByIds(ids, call),
      getPostsBySlugs: async (slugs, call) => {
        const found = await demo.posts.getPostsBySlugs(slugs.map((slug) => (slug === EMOJI_SLUG ? REFERENCE_SLUG : slug)), call);
        return found.map((post, index) => (post && slugs[index] === EMOJI_SLUG ? { ...post, slug: EMOJI_SLUG } : post));
      },
      listPosts: (params, call) => demo.posts.listPosts(params, call),
    };
    gateway = await startTestGateway({ sources: { ...demo, posts }, logger: logs.logger, env: { NODE_ENV: 'production', WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
  });
  afterAll(() => gateway.close());

  describe('a 10 MB body', () => {

    // The client in a process of its own, as in production: in the gateway's own event loop the upload
    // always finishes before the answer's connection close, and the EPIPE never shows.
    it.each(['/graphql', '/webhooks/content-changed'])('is answered 413 with a JSON error that Node\'s fetch reads, every time (%s)', async (path) => {
      const script = `(async () => {
        const out = [];
        for (let attempt = 0; attempt < 5; attempt += 1) {
          try {
            const response = await fetch(process.argv[1], { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(${TEN_MB}) });
            out.push([response.status, (await response.json()).errors[0].extensions.code]);
          } catch (error) {
            out.push(['failed', String(error.cause?.code ?? error.message)]);
          }
        }
        console.log(JSON.stringify(out));
      })();`;
      const { stdout } = await run(process.execPath, ['-e', script, `${gateway.baseUrl}${path}`]);
      expect(JSON.parse(stdout)).toEqual(Array.from({ length: 5 }, () => [413, 'PAYLOAD_TOO_LARGE']));
    });

    it('is answered 413 with a JSON error that curl reads', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gateway-413-'));
      try {
        const file = join(dir, 'body.json');
        await writeFile(file, Buffer.alloc(TEN_MB, 'x'));
        const { stdout } = await run('curl', ['-sS', '-o', '-', '-w', '\n%{http_code}', '-H', 'content-type: application/json', '--data-binary', `@${file}`, gateway.url]);
        const [json, status] = [stdout.slice(0, stdout.lastIndexOf('\n')), stdout.slice(stdout.lastIndexOf('\n') + 1)];
        expect(status).toBe('413');
        expect((JSON.parse(json) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('slow clients get 408 at the configured timeouts', () => {
    let slow: TestGateway;
    let port: number;
    beforeAll(async () => {
      // A request deadline shorter than the body's timeout: a slow upload is the client's 408, never our 504.
      slow = await startTestGateway({ env: { NODE_ENV: 'production', REQUEST_TIMEOUT_MS: '100', SERVER_HEADERS_TIMEOUT_MS: '300', SERVER_RECEIVE_TIMEOUT_MS: '400' } });
      port = Number(new URL(slow.baseUrl).port);
    });
    afterAll(() => slow.close());

    it('answers a body that stops arriving with a JSON 408 REQUEST_TIMEOUT, not a 504', async () => {
      const { reply } = await heldConnection(port, 'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query":');
      expect(reply).toMatch(/^HTTP\/1\.1 408/);
      expect(reply).toMatch(/"code":"REQUEST_TIMEOUT"/);
      expect(reply).toMatch(/within 400 ms/);
    });

    it('answers headers that stop arriving with a JSON 408, and holds the connection about as long as configured, not Node\'s 30 s check interval', async () => {
      const startedAt = Date.now();
      const { reply } = await heldConnection(port, 'GET /graphql HTTP/1.1\r\nHost: x\r\nx-slow: ');
      const heldMs = Date.now() - startedAt;
      expect(reply).toMatch(/^HTTP\/1\.1 408/);
      expect(reply).toMatch(/"code":"REQUEST_TIMEOUT"/);
      // A bound, not a speed: before, Node checked every 30 s and such a client was held 30 s and more.
      expect(heldMs).toBeGreaterThanOrEqual(250);
      expect(heldMs).toBeLessThan(10_000);
    });

    it('still answers a request whose body arrives in time', async () => {
      const response = await fetch(slow.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ posts(first: 1) { totalCount } }"}' });
      expect(response.status).toBe(200);
    });
  });

  describe('Unicode in slugs, ids and tags', () => {
    it('resolves an emoji slug, caches it and tags it', async () => {
      const query = 'query($slug: String!) { post(slug: $slug) { slug title } }';
      for (const expected of ['MISS', 'HIT']) {
        const response = await gateway.query<{ post: { slug: string; title: string } }>(query, { slug: EMOJI_SLUG });
        expect(response.status).toBe(200);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.post.slug).toBe(EMOJI_SLUG);
        expect(response.headers.get('x-cache')).toBe(expected);
        expect(response.headers.get('surrogate-key')).toMatch(/^[\x21-\x7e ]+$/);
      }
      const unknown = await gateway.query('{ author(slug: "🦄") { name } topic(slug: "💥") { name } }');
      expect([unknown.status, unknown.body.errors, unknown.body.data]).toEqual([200, undefined, { author: null, topic: null }]);
    });

    it('refuses a lone surrogate in any variable with BAD_USER_INPUT', async () => {
      for (const variables of ['{"slug":"a\\ud800b"}', '{"slug":"\\udc00"}', '{"nested":{"deep":["ok","\\ud83d"]}}']) {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `{"query":"query($slug: String) { post(slug: $slug) { id } }","variables":${variables}}`,
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
      }
      const search = `?query=${encodeURIComponent('query($id: ID!) { node(id: $id) { id } }')}&variables=${encodeURIComponent('{"id":"\\udfff"}')}`;
      const get = await fetch(`${gateway.url}${search}`);
      expect(get.status).toBe(400);
      expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('webhook batches', () => {
    it('purges emoji slugs and ids', async () => {
      const response = await sendContentChanged(gateway.baseUrl, [{ type: 'post', id: '1', slug: EMOJI_SLUG }, { type: 'topic', id: '🏷️' }]);
      expect(response.status).toBe(200);
      const cdn = response.body.cdn as { tags: string[] };
      expect(cdn.tags).toEqual(expect.arrayContaining([`post-slug:${encodeURIComponent(EMOJI_SLUG)}`, `topic:${encodeURIComponent('🏷️')}`]));
    });

    it('validates every item first and refuses a batch with a bad item with 400, purging none of it', async () => {
      const query = 'query($slug: String!) { post(slug: $slug) { slug } }';
      await gateway.query(query, { slug: REFERENCE_SLUG });
      expect((await gateway.query(query, { slug: REFERENCE_SLUG })).headers.get('x-cache')).toBe('HIT');
      const body = `[{"type":"post","id":"1"},{"type":"post","id":"2","slug":"a\\ud800"},{"type":"post","id":"\\udc00"}]`;
      const response = await sendContentChanged(gateway.baseUrl, body);
      expect(response.status).toBe(400);
      const problems = (response.body.errors as { extensions: { code: string; problems: string[] } }[])[0]?.extensions;
      expect(problems?.code).toBe('BAD_REQUEST');
      expect(problems?.problems.join(' ')).toMatch(/1\.slug: .*lone surrogate/);
      expect(problems?.problems.join(' ')).toMatch(/2\.id: .*lone surrogate/);
      // Nothing was purged: the cached page is still there.
      expect((await gateway.query(query, { slug: REFERENCE_SLUG })).headers.get('x-cache')).toBe('HIT');
    });
  });

  describe('Automatic Persisted Queries of an unknown version', () => {
    it('get 400 PERSISTED_QUERY_NOT_SUPPORTED over POST and GET, logged below error', async () => {
      const extensions = { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } };
      const post = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions }) });
      const get = await fetch(`${gateway.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`);
      const withQuery = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ posts(first: 1) { totalCount } }', extensions: { persistedQuery: { version: 3 } } }),
      });
      for (const response of [post, get, withQuery]) {
        expect(response.status).toBe(400);
        expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
      }
      expect(logs.lines().filter((line) => line.level >= 50)).toEqual([]);
    });
  });
});
