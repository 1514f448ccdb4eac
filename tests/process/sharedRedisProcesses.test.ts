import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createClient } from '@keyv/redis';
import { print } from 'graphql';
import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { startFakeWordPress, type FakeWordPress } from '../support/fakeUpstreams';
import { REPO_ROOT, TEST_WEBHOOK_SECRET } from '../support/fixtures';
import { deleteKeysWithPrefix, describeWithRedis, SHARED_REDIS_URL, uniqueKeyPrefix } from '../support/redis';
import { sendContentChanged } from '../support/signedWebhook';
import { waitFor } from '../support/waitFor';

interface GatewayProcess {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
}

/** The real entry point in its own process: what an operator runs, several times behind a load balancer. */
async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/index.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${stderr}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = JSON.parse(line) as { port?: unknown };
      if (typeof parsed.port === 'number') {
        clearTimeout(timer);
        resolve(parsed.port);
      }
    });
    void exited.then((code) => reject(new Error(`gateway exited with ${code} before listening: ${stderr}`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}`, exited };
}

async function stop(gateway: GatewayProcess | undefined): Promise<void> {
  if (!gateway || gateway.child.exitCode !== null) return;
  gateway.child.kill('SIGTERM');
  await gateway.exited;
}

async function articlePage(gateway: GatewayProcess, slug: string): Promise<{ post: ArticlePageQuery['post']; xCache: string | null }> {
  const response = await fetch(`${gateway.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(ArticlePageDocument), variables: { slug } }),
  });
  const body = (await response.json()) as { data?: ArticlePageQuery; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { post: body.data?.post ?? null, xCache: response.headers.get('x-cache') };
}

describeWithRedis('two gateway processes sharing one Redis', () => {
  const prefix = uniqueKeyPrefix('processes');
  let wordpress: FakeWordPress;
  let a: GatewayProcess | undefined;
  let b: GatewayProcess | undefined;
  const redis = createClient({ url: SHARED_REDIS_URL });
  redis.on('error', () => undefined);

  beforeAll(async () => {
    await redis.connect();
    wordpress = await startFakeWordPress();
    const env = {
      WORDPRESS_URL: wordpress.url,
      REDIS_URL: SHARED_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    };
    [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
    // Redis and the purge channel connect after the port opens: until then an instance shares nothing.
    const ready = async (gateway: GatewayProcess) => ((await (await fetch(`${gateway.baseUrl}/readyz`)).json()) as { status?: string }).status === 'ready';
    await Promise.all([a, b].map((gateway) => waitFor(() => ready(gateway as GatewayProcess), { timeoutMs: 20_000, description: 'both processes ready' })));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await wordpress?.close();
    await deleteKeysWithPrefix(SHARED_REDIS_URL, prefix);
    redis.destroy();
  });

  /**
   * Shared responses that the purge index lists under `post:<id>`. Writes to Redis happen after the
   * answer, the entry first and then the tags indexing it, so once this count has grown, an answer is
   * both readable by B and reachable by a purge.
   */
  const indexedAnswersAbout = (postId: number) => redis.sCard(`${prefix}:response:tag:post:${postId}`);
  const answerIndexed = (postId: number, before: number) =>
    waitFor(async () => (await indexedAnswersAbout(postId)) > before, {
      timeoutMs: 5_000,
      description: `A's answer about post ${postId} in the shared response cache`,
    });

  it('a request on A warms the cache; the same request on B makes no upstream call', async () => {
    const row = wordpress.content.posts.find((candidate) => candidate.visible && candidate.post.slug.includes('semeru'));
    const slug = row?.post.slug as string;
    const postId = row?.post.id as number;
    const indexed = await indexedAnswersAbout(postId);
    wordpress.resetCounts();
    const onA = await articlePage(a as GatewayProcess, slug);
    expect(onA.post?.relatedStories).toHaveLength(6);
    expect(wordpress.count()).toBeGreaterThan(0);

    await answerIndexed(postId, indexed);
    wordpress.resetCounts();
    const onB = await articlePage(b as GatewayProcess, slug);
    expect(onB.post).toEqual(onA.post);
    expect(wordpress.count()).toBe(0);
  });

  it('after an edit upstream and a signed webhook to A, the next request on B shows the new content', async () => {
    const row = wordpress.content.posts.find((candidate) => candidate.visible && candidate.post.slug.includes('bushfires'));
    if (!row) throw new Error('the demo newsroom has no bushfires story');
    const slug = row.post.slug;
    const indexed = await indexedAnswersAbout(row.post.id);
    const before = await articlePage(a as GatewayProcess, slug);
    await answerIndexed(row.post.id, indexed);
    expect((await articlePage(b as GatewayProcess, slug)).post?.title).toBe(before.post?.title);

    row.post.titleHtml = 'Bushfires in Victoria: Correction &amp; Update';
    const purge = await sendContentChanged((a as GatewayProcess).baseUrl, { type: 'post', id: String(row.post.id) });
    expect(purge.status).toBe(200);

    // Other instances learn of the purge over Redis pub/sub; the issue allows them a second.
    const after = await waitFor(
      async () => {
        const answer = await articlePage(b as GatewayProcess, slug);
        return answer.post?.title === 'Bushfires in Victoria: Correction & Update' && answer;
      },
      { timeoutMs: 1000, intervalMs: 50, description: 'B to serve the corrected title' },
    );
    expect(after.post?.title).toBe('Bushfires in Victoria: Correction & Update');
    expect(after.xCache).not.toBe('HIT');
  });
});
