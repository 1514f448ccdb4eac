import { print } from 'graphql';
import { ArticlePageDocument, PreviewArticlePageDocument } from '../generated/operations';
import { loadDemoNewsroom } from '../../src/sources/demo/loadDemoNewsroom';
import { inlineHtmlToText } from '../../src/text/htmlToText';
import { inProcessEntries, redisEntries } from '../support/cacheContents';
import { REFERENCE_AUTOSAVE_BODY, REFERENCE_AUTOSAVE_TITLE, REFERENCE_SLUG, REFERENCE_TITLE, TEST_PREVIEW_SECRET } from '../support/fixtures';
import { bearer, editorToken } from '../support/previewTokens';
import { deleteKeysWithPrefix, describeWithRedis, SHARED_REDIS_URL, uniqueKeyPrefix, waitUntilReady } from '../support/redis';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * The guarantee of issue 14 under load: previews and anonymous requests for the same article, interleaved,
 * on a gateway with the shared Redis. Anonymous readers keep getting the published article from the
 * response cache, tagged for the CDN; no preview answer is shared-cacheable; and afterwards no key in
 * Redis (nor in memory) holds anything of a preview.
 */
const hidden = loadDemoNewsroom().posts.filter((post) => post.status !== 'publish');
/** Text that only previews show: the reference article's autosave, and every hidden post's title. */
const PREVIEW_ONLY = [REFERENCE_AUTOSAVE_TITLE, REFERENCE_AUTOSAVE_BODY, ...hidden.map((post) => inlineHtmlToText(post.titleHtml))];

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describeWithRedis('previews interleaved with anonymous requests for the same article', () => {
  const prefix = uniqueKeyPrefix('preview');
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { REDIS_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: prefix, PREVIEW_JWT_SECRET: TEST_PREVIEW_SECRET } });
    await waitUntilReady(gateway.url);
  });
  afterAll(async () => {
    await gateway?.close();
    await deleteKeysWithPrefix(SHARED_REDIS_URL, prefix);
  });

  it('keeps 100 interleaved preview and anonymous answers apart, and leaves nothing of a preview in Redis or memory', async () => {
    const anonymousRequest = { query: print(ArticlePageDocument), variables: { slug: REFERENCE_SLUG } };
    const previewRequest = { query: print(PreviewArticlePageDocument), variables: { slug: REFERENCE_SLUG } };
    // The published page as the CDN first sees it: a miss that the response cache keeps.
    const first = await post(gateway.url, anonymousRequest);
    const publishedBody = await first.text();
    expect(first.headers.get('x-cache')).toBe('MISS');
    const surrogateKey = first.headers.get('surrogate-key');
    expect(surrogateKey).toMatch(/\bpost:\d+\b/);
    expect(JSON.parse(publishedBody).data.post.title).toBe(REFERENCE_TITLE);
    await gateway.gateway.settle();

    const token = await editorToken();
    const answers = await Promise.all(
      Array.from({ length: 100 }, async (_, index) => {
        const kind = index % 2 === 0 ? ('preview' as const) : ('anonymous' as const);
        const response = kind === 'preview' ? await post(gateway.url, previewRequest, bearer(token)) : await post(gateway.url, anonymousRequest);
        return { kind, response, body: await response.text() };
      }),
    );

    const anonymous = answers.filter((answer) => answer.kind === 'anonymous');
    const previews = answers.filter((answer) => answer.kind === 'preview');
    expect([anonymous.length, previews.length]).toEqual([50, 50]);
    for (const { response, body } of anonymous) {
      expect(response.status).toBe(200);
      expect(body).toBe(publishedBody);
      expect(response.headers.get('x-cache')).toBe('HIT');
      expect(response.headers.get('surrogate-key')).toBe(surrogateKey);
      expect(response.headers.get('cache-control')).toMatch(/^public, /);
      for (const text of PREVIEW_ONLY) expect(body).not.toContain(text);
    }
    for (const { response, body } of previews) {
      expect(response.status).toBe(200);
      const parsed = JSON.parse(body) as { data: { post: { title: string; isPreview: boolean } }; errors?: unknown };
      expect(parsed.errors).toBeUndefined();
      expect(parsed.data.post).toMatchObject({ title: REFERENCE_AUTOSAVE_TITLE, isPreview: true });
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('x-cache')).toBe('BYPASS');
      expect(response.headers.get('surrogate-key')).toBeNull();
      expect(response.headers.get('cache-tag')).toBeNull();
    }

    // Every hidden post previewed too, then every cache tier read back in full.
    for (const hiddenPost of hidden) {
      const response = await post(gateway.url, { query: print(PreviewArticlePageDocument), variables: { slug: hiddenPost.slug } }, bearer(token));
      expect(((await response.json()) as { data: { post: { title: string } } }).data.post.title).toBe(inlineHtmlToText(hiddenPost.titleHtml));
    }
    await gateway.gateway.settle();
    const inRedis = await redisEntries(SHARED_REDIS_URL, prefix);
    const inMemory = inProcessEntries(gateway.gateway);
    // Not vacuous: the published page, its entities and the public data the previews showed are there.
    expect(inRedis.some((entry) => entry.text.includes(REFERENCE_TITLE))).toBe(true);
    expect(inRedis.some((entry) => entry.key.includes(':response:'))).toBe(true);
    for (const { key, text } of [...inRedis, ...inMemory]) {
      for (const previewText of [...PREVIEW_ONLY, '"isPreview"']) {
        if (text.includes(previewText)) throw new Error(`${key} holds preview content (${previewText}): ${text.slice(0, 300)}`);
      }
    }

    // And right after all that, an anonymous reader still gets the published version.
    const after = await post(gateway.url, anonymousRequest);
    expect(await after.text()).toBe(publishedBody);
  });
});
