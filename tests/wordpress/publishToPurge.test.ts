import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { waitFor } from '../support/waitFor';
import { assertGatewayUsesWordPress, expectNoErrors, startFederation, type Federation } from './support/federation';
import { seed } from './support/seedData';
import { previewAppPassword } from './support/wordpressSite';

/*
 * Publish-to-purge end to end: integrations/wordpress/newsroom-gateway-purge.php, installed as a must-use
 * plugin in the real WordPress exactly as shipped, tells the gateway what changed when an editor edits
 * through WordPress's own REST API; the gateway purges and answers the new state. Between the two sits a
 * relay that only records each webhook call (what WordPress sent, what the gateway answered), because
 * WordPress must know the gateway's address before the gateway is started.
 *
 * Everything the test edits it makes itself (a post dated 2001, so it never ranks in another post's rail,
 * a category and a tag) and removes at the end; leftovers of an interrupted run are removed first.
 */
const WEBHOOK_SECRET = 'contract-test-webhook-secret-0123456789';
const MARK = 'purge-pipeline';
const EDITS = 10;

interface WebhookCall {
  items: { type: string; id: string; slug?: string }[];
  status: number;
  answer: string;
}

interface Relay {
  url: string;
  calls: WebhookCall[];
  target?: string;
  close(): Promise<void>;
}

async function startRelay(): Promise<Relay> {
  const relay: Relay = { url: '', calls: [], close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'x-signature', 'x-signature-timestamp']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void (async () => {
        let status = 502;
        let answer = 'no gateway yet';
        if (relay.target) {
          const response = await fetch(`${relay.target}${req.url ?? '/'}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
          status = response.status;
          answer = await response.text();
        }
        let items: WebhookCall['items'] = [];
        try {
          items = JSON.parse(body.toString('utf8')) as WebhookCall['items'];
        } catch {
          // Recorded as no items: the assertions on `calls` then say what went wrong.
        }
        relay.calls.push({ items, status, answer });
        res.writeHead(status, { 'content-type': 'application/json' }).end(answer);
      })().catch((error: unknown) => {
        res.writeHead(502).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  relay.close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return relay;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

describe('publish-to-purge with the shipped WordPress plugin', () => {
  let relay: Relay;
  let federation: Federation;
  const editor = () => ({ authorization: `Basic ${Buffer.from(`${seed.preview.editor.slug}:${previewAppPassword()}`).toString('base64')}` });
  /** WordPress's REST API, as the seeded editor. */
  const wp = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${federation.wordpress.url}/wp-json/wp/v2/${path}`, {
      method,
      headers: { ...editor(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`WordPress answered ${method} ${path} with ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  const articlePage = async (slug: string) => {
    const result = await federation.gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug });
    expectNoErrors(result);
    return result.body.data?.post ?? null;
  };
  let postId = 0;
  let postSlug = '';
  let categoryId = 0;
  let tagId = 0;
  let editorId = 0;
  let editorName = '';

  const removeLeftovers = async () => {
    const posts = await wp<{ id: number }[]>('GET', `posts?search=${MARK}&status=publish,draft,trash,pending,private&per_page=100&context=edit&_fields=id`);
    for (const post of posts) await wp('DELETE', `posts/${post.id}?force=true`);
    for (const taxonomy of ['categories', 'tags']) {
      const terms = await wp<{ id: number }[]>('GET', `${taxonomy}?search=${MARK}&per_page=100&hide_empty=false&_fields=id`);
      for (const term of terms) await wp('DELETE', `${taxonomy}/${term.id}?force=true`);
    }
  };

  beforeAll(async () => {
    relay = await startRelay();
    federation = await startFederation({
      env: { NEWSROOM_GATEWAY_URL: relay.url, NEWSROOM_GATEWAY_WEBHOOK_SECRET: WEBHOOK_SECRET },
      gatewayEnv: () => ({ WEBHOOK_SECRET }),
    });
    relay.target = federation.gateway.url;
    await assertGatewayUsesWordPress(federation, seed.reference);
    await removeLeftovers();
    const me = await wp<{ id: number; name: string }>('GET', 'users/me?context=edit');
    editorId = me.id;
    editorName = me.name;
    categoryId = (await wp<{ id: number }>('POST', 'categories', { name: `${MARK} desk`, slug: `${MARK}-desk` })).id;
    tagId = (await wp<{ id: number }>('POST', 'tags', { name: `${MARK} tag`, slug: `${MARK}-tag` })).id;
    const post = await wp<{ id: number; slug: string }>('POST', 'posts', {
      title: 'Pipeline headline, revision 0',
      content: `<p>Harbour authorities confirmed the schedule on Tuesday (${MARK}).</p>`,
      slug: `${MARK}-story`,
      status: 'publish',
      date_gmt: '2001-01-01T09:00:00',
      categories: [categoryId],
      tags: [tagId],
    });
    // WordPress would make the slug unique ("-2") if a post of an earlier run still held it.
    expect(post.slug).toBe(`${MARK}-story`);
    postId = post.id;
    postSlug = post.slug;
    relay.calls.length = 0;
  }, 120_000);

  afterAll(async () => {
    try {
      if (federation) {
        if (editorName) await wp('POST', `users/${editorId}`, { name: editorName });
        await removeLeftovers();
      }
    } finally {
      await federation?.close();
      await relay?.close();
    }
  }, 60_000);

  it(`serves each of ${EDITS} headline edits as soon as WordPress has answered the edit`, async () => {
    expect((await articlePage(postSlug))?.title).toBe('Pipeline headline, revision 0');
    const latencies: number[] = [];
    const editAnswered: number[] = [];
    for (let revision = 1; revision <= EDITS; revision += 1) {
      // Read it again so the cached copy (entity and response caches) is the one the edit must displace.
      expect((await articlePage(postSlug))?.title).toBe(`Pipeline headline, revision ${revision - 1}`);
      const title = `Pipeline headline, revision ${revision}`;
      const started = performance.now();
      await wp('POST', `posts/${postId}`, { title });
      editAnswered.push(performance.now() - started);
      // The plugin sends its call before WordPress's request ends, so the very next read is fresh.
      expect((await articlePage(postSlug))?.title).toBe(title);
      latencies.push(performance.now() - started);
    }
    expect(relay.calls).toHaveLength(EDITS);
    for (const call of relay.calls) {
      expect(call.status).toBe(200);
      expect(call.items).toEqual([{ type: 'post', id: String(postId), slug: postSlug }]);
    }
    const figure = { editsMeasured: EDITS, medianPublishToFreshMs: Math.round(median(latencies)), maxMs: Math.round(Math.max(...latencies)), medianEditAnsweredMs: Math.round(median(editAnswered)) };
    process.stdout.write(`publish-to-fresh: ${JSON.stringify(figure)}\n`);
  }, 120_000);

  it('drops a post that is unpublished, serves it again when republished, and drops it when trashed', async () => {
    expect(await articlePage(postSlug)).not.toBeNull();
    await wp('POST', `posts/${postId}`, { status: 'draft' });
    expect(await articlePage(postSlug)).toBeNull();
    await wp('POST', `posts/${postId}`, { status: 'publish' });
    expect((await articlePage(postSlug))?.slug).toBe(postSlug);
    await wp('DELETE', `posts/${postId}`);
    expect(await articlePage(postSlug)).toBeNull();
    // WordPress names a trashed post "<slug>__trashed"; the plugin purges the slug readers knew.
    expect(relay.calls.at(-1)?.items).toEqual([{ type: 'post', id: String(postId), slug: postSlug }]);
    await wp('POST', `posts/${postId}`, { status: 'publish', slug: postSlug });
    await waitFor(async () => (await articlePage(postSlug))?.slug === postSlug, { description: 'the restored post served again', timeoutMs: 10_000 });
  }, 60_000);

  it('purges the old slug when a published post is renamed', async () => {
    expect(await articlePage(postSlug)).not.toBeNull();
    const renamed = `${MARK}-story-renamed`;
    expect((await wp<{ slug: string }>('POST', `posts/${postId}`, { slug: renamed })).slug).toBe(renamed);
    expect(await articlePage(postSlug)).toBeNull();
    expect((await articlePage(renamed))?.title).toMatch(/^Pipeline headline/);
    await wp('POST', `posts/${postId}`, { slug: postSlug });
    expect(await articlePage(renamed)).toBeNull();
    expect((await articlePage(postSlug))?.slug).toBe(postSlug);
  }, 60_000);

  it("propagates the author's profile change", async () => {
    expect((await articlePage(postSlug))?.author?.name).toBe(editorName);
    await wp('POST', `users/${editorId}`, { name: `${editorName} (${MARK})` });
    expect((await articlePage(postSlug))?.author?.name).toBe(`${editorName} (${MARK})`);
    expect(relay.calls.at(-1)?.items).toEqual([{ type: 'author', id: String(editorId) }]);
  }, 60_000);

  it('propagates a category and a tag rename', async () => {
    const namesOf = async () => (await articlePage(postSlug))?.topics.map((topic) => topic.name).sort();
    expect(await namesOf()).toEqual([`${MARK} desk`, `${MARK} tag`]);
    await wp('POST', `categories/${categoryId}`, { name: `${MARK} desk renamed` });
    expect(await namesOf()).toEqual([`${MARK} desk renamed`, `${MARK} tag`]);
    await wp('POST', `tags/${tagId}`, { name: `${MARK} tag renamed` });
    expect(await namesOf()).toEqual([`${MARK} desk renamed`, `${MARK} tag renamed`]);
    expect(relay.calls.slice(-2).map((call) => call.items)).toEqual([[{ type: 'topic', id: String(categoryId) }], [{ type: 'topic', id: String(tagId) }]]);
  }, 60_000);
});
