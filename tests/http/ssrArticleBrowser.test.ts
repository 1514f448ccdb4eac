import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REFERENCE_SLUG } from '../support/fixtures';
import { asReader, readerToken, TEST_READER_SECRET } from '../support/readerTokens';
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
    gateway = await startTestGateway({ env: { READER_JWT_SECRET: TEST_READER_SECRET } });
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

    // The newsletter box (its count comes with the same public answer; no one has signed up yet here).
    expect(await page.locator('.newsletter-count').textContent()).toMatch(/notified about new posts/);
    expect(await page.locator('.newsletter form input[type=email]').count()).toBe(1);
    // No reader signed in: no bookmarks box.
    expect(await page.locator('.bookmarks').count()).toBe(0);

    expect(consoleErrors).toEqual([]);
    const graphqlRequests = proxy.requests.filter((request) => request.url.pathname === '/graphql');
    expect(graphqlRequests).toHaveLength(1);
    expect(graphqlRequests[0]?.method).toBe('GET');
    expect(graphqlRequests[0]?.url.searchParams.has('query')).toBe(false);
    expect(JSON.parse(graphqlRequests[0]?.url.searchParams.get('extensions') ?? '{}').persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);

    await page.close();
  }, 30_000);

  it("adds a signed-in reader's bookmarks from a second, private request, and the page is then private", async () => {
    const reader = await asReader('ssr-reader');
    const article = await gateway.query<{ post: { id: string } }>('query ($slug: String!) { post(slug: $slug) { id } }', { slug: REFERENCE_SLUG });
    const saved = await gateway.query('mutation ($id: ID!) { addBookmark(postId: $id) { bookmarked } }', { id: article.body.data?.post.id }, reader);
    expect(saved.body.errors).toBeUndefined();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1320 } });
    await context.addCookies([{ name: 'reader_token', value: await readerToken('ssr-reader'), url: example.url }]);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    proxy.requests.length = 0;
    const response = await page.goto(`${example.url}articles/${REFERENCE_SLUG}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('private, no-store');
    expect(await page.locator('.bookmarks-this').textContent()).toBe('This article is in your bookmarks.');
    expect(await page.locator('.bookmarks li a').allTextContents()).toEqual([expect.stringMatching(/Lee Jae Myung/)]);
    expect(await page.locator('.rail-list .teaser').count()).toBe(6);
    const methods = proxy.requests.filter((request) => request.url.pathname === '/graphql').map((request) => request.method);
    expect(methods).toEqual(['GET', 'POST']);
    expect(consoleErrors).toEqual([]);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    await context.close();
  }, 30_000);

  it('tells an anonymous reader who signs up for the newsletter what happened, and refuses a bad address in words', async () => {
    const page = await browser.newPage();
    await page.goto(`${example.url}articles/${REFERENCE_SLUG}`);
    await page.fill('#newsletter-email', 'ssr-example-reader@example.com');
    await Promise.all([page.waitForNavigation(), page.click('.newsletter button[type=submit]')]);
    expect(await page.locator('.newsletter-status').textContent()).toMatch(/subscribed|confirm/i);
    // The page answering a sign-up is that reader's alone; the article is still all there.
    expect(await page.locator('h1').textContent()).toMatch(/Lee Jae Myung/);
    // The gateway's answer, not the example's guess: the same address again gets the same answer.
    const again = await gateway.query<{ subscribeToNewsletter: { status: string } }>('mutation { subscribeToNewsletter(email: "ssr-example-reader@example.com") { status } }');
    expect(again.body.data?.subscribeToNewsletter.status).toBe('SUBSCRIBED');
    expect(await page.locator('.newsletter-status').textContent()).toBe('You are subscribed. The next briefing is on its way.');
    const form = await fetch(`${example.url}newsletter`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=not-an-address&slug=${REFERENCE_SLUG}` });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('That does not look like an email address.');
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
