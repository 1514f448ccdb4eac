import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { REFERENCE_SLUG } from '../support/fixtures';
import { startFakeWordPress, type FakeWordPress } from '../support/fakeUpstreams';
import { startTestGateway } from '../support/startTestGateway';
import { waitFor } from '../support/waitFor';

/*
 * A fresh instance finds WordPress's REST API while it starts, not on its first reader's request, and a
 * WordPress that is down at start-up does not keep it from starting: /readyz says so until it is back.
 */
describe('start-up warm-up against WordPress', () => {
  let wp: FakeWordPress;
  beforeAll(async () => {
    wp = await startFakeWordPress();
  });
  afterAll(async () => {
    await wp.close();
  });
  beforeEach(() => {
    wp.clearFaults();
    wp.resetCounts();
  });

  it('has found the REST API before it takes its first request, so the first page makes only its own calls', async () => {
    const gateway = await startTestGateway({ env: { WORDPRESS_URL: wp.url, RESPONSE_CACHE: 'false' } });
    try {
      const atStart = wp.requests.map((request) => request.route);
      expect(atStart.length).toBeGreaterThan(0);
      expect(atStart.every((route) => !route.startsWith('/wp/v2/'))).toBe(true);
      wp.resetCounts();
      const page = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
      expect(page.body.errors).toBeUndefined();
      expect(page.body.data?.post?.slug).toBe(REFERENCE_SLUG);
      // Only REST routes: no discovery on the request path.
      expect(wp.requests.map((request) => request.route).filter((route) => !route.startsWith('/wp/v2/'))).toEqual([]);
      const ready = await fetch(`${gateway.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { checks: { name: string; ok: boolean }[] }).checks).toContainEqual({ name: 'wordpress', ok: true });
    } finally {
      await gateway.close();
    }
  });

  it('starts while WordPress is down, reports it in /readyz without the upstream URL, and is ready once WordPress answers', async () => {
    wp.inject({ type: 'status', status: 503 });
    const gateway = await startTestGateway({ env: { WORDPRESS_URL: wp.url, UPSTREAM_RETRIES: '0' } });
    try {
      expect((await fetch(`${gateway.baseUrl}/healthz`)).status).toBe(200);
      const notReady = await fetch(`${gateway.baseUrl}/readyz`);
      const text = await notReady.text();
      expect(notReady.status).toBe(503);
      expect(JSON.parse(text)).toMatchObject({ status: 'not_ready', failing: ['wordpress'] });
      expect(text).not.toContain(String(wp.port));
      wp.clearFaults();
      await waitFor(async () => (await fetch(`${gateway.baseUrl}/readyz`)).status === 200, { description: '/readyz ready once WordPress answers', timeoutMs: 10_000 });
      const page = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
      expect(page.body.data?.post?.slug).toBe(REFERENCE_SLUG);
    } finally {
      await gateway.close();
    }
  });
});
