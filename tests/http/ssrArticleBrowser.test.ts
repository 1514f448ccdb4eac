import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REFERENCE_SLUG } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(ROOT, 'docs', 'ssr-article.png');

/** What the example asked the gateway: a loopback proxy in front of it writes down every request. */
function recordingProxy(target: URL): { server: Server; requests: { method: string; url: URL }[] } {
  const requests: { method: string; url: URL }[] = [];
  const server = createServer((incoming, outgoing) => {
    requests.push({ method: incoming.method ?? '', url: new URL(incoming.url ?? '/', target) });
    const upstream = forward({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    incoming.pipe(upstream);
  });
  return { server, requests };
}

async function startExample(gatewayUrl: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'examples', 'ssr-article', 'server.mjs')], {
    env: { ...process.env, PORT: '0', GATEWAY_URL: gatewayUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitFor(() => /ssr-article example at (http:\/\/localhost:\d+\/)/.exec(output)?.[1], { description: 'the example to listen', timeoutMs: 10_000 });
  return { child, url };
}

describe('examples/ssr-article in a real headless browser', () => {
  let gateway: TestGateway;
  let proxy: ReturnType<typeof recordingProxy>;
  let example: { child: ChildProcess; url: string };
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: run \`bash scripts/ensureChromium.sh\` (npm test does) or set CHROMIUM_PATH.`);
    gateway = await startTestGateway();
    proxy = recordingProxy(new URL(gateway.url));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    example = await startExample(`http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}/graphql`);
    // Root in CI containers: chromium's sandbox needs user namespaces it may not have.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    example?.child.kill('SIGTERM');
    await new Promise((resolve) => proxy?.server.close(resolve));
    await gateway?.close();
  });

  it('renders the article, byline, topics, a rail of six clean teasers and the newsletter box, from one GET by hash, with no console errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1320 } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const response = await page.goto(example.url);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${example.url}articles/${REFERENCE_SLUG}`);

    expect(await page.locator('h1').textContent()).toMatch(/Lee Jae Myung/);
    expect(await page.locator('.author-name').textContent()).toBeTruthy();
    expect(await page.locator('.topics .topic').count()).toBeGreaterThan(0);
    expect(await page.locator('.body p').count()).toBeGreaterThan(2);

    const teasers = page.locator('.rail-list .teaser');
    expect(await teasers.count()).toBe(6);
    for (const teaser of await teasers.all()) {
      const title = (await teaser.locator('.teaser-title').textContent()) ?? '';
      const excerpt = (await teaser.locator('.teaser-excerpt').textContent()) ?? '';
      for (const text of [title, excerpt]) {
        expect(text.trim().length).toBeGreaterThan(10);
        // Clean text: no markup and no entities, neither left by WordPress nor escaped twice by the page.
        expect(text).not.toMatch(/<[a-z/!][^>]*>/i);
        expect(text).not.toMatch(/&(#\d+|#x[0-9a-f]+|[a-z]+);/i);
      }
      expect(await teaser.locator('a.teaser-title').getAttribute('href')).toMatch(/^\/articles\/[a-z0-9-]+$/);
    }

    // The gateway serves no newsletter count yet: the box says so in words, and the form is there.
    expect(await page.locator('.newsletter-count').textContent()).toBeTruthy();
    expect(await page.locator('.newsletter form input[type=email]').count()).toBe(1);
    // No reader signed in: no bookmarks box.
    expect(await page.locator('.bookmarks').count()).toBe(0);

    expect(consoleErrors).toEqual([]);
    const graphqlRequests = proxy.requests.filter((request) => request.url.pathname === '/graphql');
    expect(graphqlRequests).toHaveLength(1);
    expect(graphqlRequests[0]?.method).toBe('GET');
    expect(graphqlRequests[0]?.url.searchParams.has('query')).toBe(false);
    expect(JSON.parse(graphqlRequests[0]?.url.searchParams.get('extensions') ?? '{}').persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);

    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    await page.close();
  }, 30_000);

  it('answers an unknown article with 404 and its page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${example.url}articles/no-such-article`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Not found');
    await page.close();
  });
});

describe('examples/ssr-article with the reader features a gateway may serve', () => {
  // A gateway that already answers Query.newsletter and Query.viewer (the reader-features issue), faked on
  // loopback: the page shows the count and the reader's bookmarks, from a second, private request.
  const dir = mkdtempSync(join(tmpdir(), 'ssr-reader-'));
  const manifest = join(dir, 'manifest.json');
  writeFileSync(
    manifest,
    JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'a'.repeat(64), name: 'ArticlePage' }, { id: 'b'.repeat(64), name: 'ViewerArticleState' }] }),
  );
  const seen: { method: string; authorization?: string; hash?: string }[] = [];
  const post = {
    id: 'p1', slug: 'one', title: 'One & only', url: 'https://x.example/one', publishedAt: '2026-01-12T08:00:00Z', readingTimeMinutes: 2,
    bodyHtml: '<p>Body.</p>', excerpt: 'Excerpt', author: { id: 'a1', name: 'Ann Writer', slug: 'ann', bio: null, avatarUrl: null, url: 'https://x.example/ann' },
    topics: [{ id: 't1', name: 'World', slug: 'world', kind: 'CATEGORY' }], relatedStories: [],
  };
  const fakeGateway = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const extensions = request.method === 'GET' ? new URL(request.url ?? '/', 'http://x').searchParams.get('extensions') : JSON.stringify((JSON.parse(body) as { extensions: unknown }).extensions);
      const hash = (JSON.parse(extensions ?? '{}') as { persistedQuery?: { sha256Hash?: string } }).persistedQuery?.sha256Hash;
      seen.push({ method: request.method ?? '', authorization: request.headers.authorization, hash });
      const data = hash === 'a'.repeat(64) ? { post, newsletter: { subscriberCount: 12345 } } : { viewer: { bookmarks: { nodes: [{ post: { title: 'Saved <story>', slug: 'saved', url: 'https://x.example/saved' } }] } } };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  let example: { child: ChildProcess; url: string };
  beforeAll(async () => {
    await new Promise<void>((resolve) => fakeGateway.listen(0, '127.0.0.1', resolve));
    example = await startExample(`http://127.0.0.1:${(fakeGateway.address() as AddressInfo).port}/graphql`, { TRUSTED_MANIFEST: manifest });
  });
  afterAll(async () => {
    example?.child.kill('SIGTERM');
    await new Promise((resolve) => fakeGateway.close(resolve));
  });

  it("shows the subscriber count and, for a signed-in reader, their bookmarks from a private POST; the page is then private", async () => {
    const response = await fetch(`${example.url}articles/one`, { headers: { cookie: 'reader_token=tok%20en' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(html).toContain('Join <strong>12,345</strong> readers');
    expect(html).toContain('<a href="/articles/saved">Saved &lt;story&gt;</a>');
    expect(html).toContain('One &amp; only');
    expect(seen).toEqual([
      { method: 'GET', authorization: undefined, hash: 'a'.repeat(64) },
      { method: 'POST', authorization: 'Bearer tok en', hash: 'b'.repeat(64) },
    ]);
  });

  it('hides the bookmarks box without a reader, and the page is public', async () => {
    seen.length = 0;
    const response = await fetch(`${example.url}articles/one`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await response.text()).not.toContain('class="bookmarks"');
    expect(seen.map((request) => request.method)).toEqual(['GET']);
  });
});
