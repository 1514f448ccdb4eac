import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { ArticlePageDocument, ViewerArticleStateDocument } from '../generated/operations';
import { inProcessEntries, redisEntries } from '../support/cacheContents';
import { REFERENCE_SLUG, REFERENCE_TITLE } from '../support/fixtures';
import { asReader, TEST_READER_SECRET } from '../support/readerTokens';
import { deleteKeysWithPrefix, describeWithRedis, SHARED_REDIS_URL, uniqueKeyPrefix, waitUntilReady } from '../support/redis';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * Issue 10's guarantee under load: two readers with different bookmarks and anonymous readers of the same
 * article, interleaved. Each reader gets exactly their own state; anonymous readers keep getting the one
 * public page from the response cache; no private answer is shareable; and afterwards no cache tier, in
 * memory or in Redis, holds anything of a reader.
 */

/** What main answered an anonymous ArticlePage GET before reader features existed (sha256 of the body). */
const MAIN_ARTICLE_PAGE = {
  bodySha256: '788d86bd9c74e4c7009d8c78315cb4bbe9850c904d684935cd51a219ecb59605',
  bodyBytes: 7658,
  cacheControl: 'public, max-age=60, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400',
  surrogateKey:
    'author:11 author:12 author:13 author:3 author:4 author:9 post:41670 post:41677 post:41682 post:41696 post:41703 post:41722 post:41743 topic:10 topic:11 topic:13 topic:17 topic:2 topic:3 topic:32 topic:33 topic:34 topic:35 topic:36 topic:37 topic:4 topic:5 topic:6 topic:7',
};

/** The one-query variant an SSR page may send per reader: the article and the reader's state together. */
const ARTICLE_WITH_VIEWER = `query ArticleWithViewer($slug: String!, $postId: ID!) {
  post(slug: $slug) { id title relatedStories(first: 6) { title } }
  viewer { id hasBookmarked(postId: $postId) bookmarks(first: 10) { totalCount edges { savedAt node { id title } } } }
}`;

const articlePageGet = (url: string) =>
  fetch(`${url}?${new URLSearchParams({ query: print(ArticlePageDocument), variables: JSON.stringify({ slug: REFERENCE_SLUG }) })}`, { headers: { 'apollo-require-preflight': 'true' } });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the anonymous ArticlePage with reader features on', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { READER_JWT_SECRET: TEST_READER_SECRET } });
  });
  afterAll(() => gateway.close());

  it('is answered exactly as main answered it: status, body bytes, Cache-Control, Surrogate-Key; then from the response cache', async () => {
    for (const expectedCache of ['MISS', 'HIT']) {
      const response = await articlePageGet(gateway.url);
      const body = await response.text();
      expect({
        status: response.status,
        bodySha256: sha256(body),
        bodyBytes: Buffer.byteLength(body),
        cacheControl: response.headers.get('cache-control'),
        surrogateKey: response.headers.get('surrogate-key'),
        xCache: response.headers.get('x-cache'),
      }).toEqual({ status: 200, ...MAIN_ARTICLE_PAGE, xCache: expectedCache });
      await gateway.gateway.settle();
    }
  });
});

describeWithRedis('readers A and B interleaved with anonymous readers of the same article', () => {
  const prefix = uniqueKeyPrefix('reader');
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { REDIS_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: prefix, READER_JWT_SECRET: TEST_READER_SECRET } });
    await waitUntilReady(gateway.url);
  });
  afterAll(async () => {
    await gateway?.close();
    await deleteKeysWithPrefix(SHARED_REDIS_URL, prefix);
  });

  it('gives 200 concurrent requests exactly their own reader\'s data, and the anonymous ones the one cached page', async () => {
    const { body: listing } = await gateway.query<{ posts: { edges: { node: { id: string; title: string } }[] } }>('{ posts(first: 20) { edges { node { id title } } } }');
    const reference = await gateway.query<{ post: { id: string } }>(`{ post(slug: "${REFERENCE_SLUG}") { id } }`);
    const referenceId = reference.body.data?.post.id as string;
    const others = (listing.data?.posts.edges ?? []).map((edge) => edge.node).filter((node) => node.id !== referenceId);
    const saved = { 'reader-a': [referenceId, others[0]?.id as string], 'reader-b': [others[1]?.id as string, others[2]?.id as string, others[3]?.id as string] };
    const headers = { 'reader-a': await asReader('reader-a'), 'reader-b': await asReader('reader-b') };
    for (const [reader, ids] of Object.entries(saved) as [keyof typeof saved, string[]][]) {
      for (const id of ids) {
        const added = await gateway.query('mutation($id: ID!) { addBookmark(postId: $id) { bookmarked } }', { id }, headers[reader]);
        expect(added.body.errors).toBeUndefined();
      }
    }

    const first = await articlePageGet(gateway.url);
    const publicBody = await first.text();
    expect(first.headers.get('x-cache')).toBe('MISS');
    await gateway.gateway.settle();

    const kinds = ['reader-a', 'anonymous', 'reader-b'] as const;
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const kind = kinds[index % 3] as (typeof kinds)[number];
        if (kind === 'anonymous') {
          const response = await articlePageGet(gateway.url);
          return { kind, index, response, body: await response.text() };
        }
        // Alternate the two private shapes: the second request of the recommended pattern, and the one-query SSR variant.
        const request =
          index % 2 === 0
            ? { query: print(ViewerArticleStateDocument), variables: { postId: referenceId } }
            : { query: ARTICLE_WITH_VIEWER, variables: { slug: REFERENCE_SLUG, postId: referenceId } };
        const response = await post(gateway.url, request, headers[kind]);
        return { kind, index, response, body: await response.text() };
      }),
    );

    expect(answers.filter((answer) => answer.kind === 'anonymous')).toHaveLength(67);
    for (const { kind, index, response, body } of answers) {
      if (kind === 'anonymous') {
        expect({ index, status: response.status, same: body === publicBody, cache: response.headers.get('x-cache') }).toEqual({ index, status: 200, same: true, cache: 'HIT' });
        expect(response.headers.get('cache-control')).toBe(MAIN_ARTICLE_PAGE.cacheControl);
        continue;
      }
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('surrogate-key')).toBeNull();
      expect(response.headers.get('cache-tag')).toBeNull();
      expect(response.headers.get('x-cache')).toBe('BYPASS');
      const parsed = JSON.parse(body) as {
        errors?: unknown;
        data: { post?: { title: string }; viewer: { id: string; hasBookmarked: boolean; bookmarks: { totalCount: number; edges: { node: { id: string } }[] } } };
      };
      expect(parsed.errors).toBeUndefined();
      expect(parsed.data.viewer.id).toBe(kind);
      const ids = parsed.data.viewer.bookmarks.edges.map((edge) => edge.node.id);
      expect({ index, ids: [...ids].sort() }).toEqual({ index, ids: [...saved[kind]].sort() });
      expect(parsed.data.viewer.bookmarks.totalCount).toBe(saved[kind].length);
      expect(parsed.data.viewer.hasBookmarked).toBe(kind === 'reader-a');
      if (parsed.data.post) expect(parsed.data.post.title).toBe(REFERENCE_TITLE);
    }

    // Every cache tier read back: public pages and entities are there, nothing of either reader is.
    await gateway.gateway.settle();
    const entries = [...(await redisEntries(SHARED_REDIS_URL, prefix)), ...inProcessEntries(gateway.gateway)];
    expect(entries.some((entry) => entry.key.includes(':response:'))).toBe(true);
    for (const { key, text } of entries) {
      for (const readerText of ['reader-a', 'reader-b', 'savedAt', 'hasBookmarked', '"viewer"']) {
        if (key.includes(readerText) || text.includes(readerText)) throw new Error(`${key} holds reader data (${readerText}): ${text.slice(0, 300)}`);
      }
    }
  });
});
