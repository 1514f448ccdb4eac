import { print } from 'graphql';
import { SqliteReaderStore } from '../../src/sources/reader/SqliteReaderStore';
import { ArticlePageDocument, ViewerArticleStateDocument } from '../generated/operations';
import { countingReaderSource } from '../support/countingReaderSource';
import { REFERENCE_SLUG } from '../support/fixtures';
import { asReader, TEST_READER_SECRET } from '../support/readerTokens';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/* What reader features cost in reader-source calls: at most one per request for the reader's state. */
describe('reader-source calls per request', () => {
  const counting = countingReaderSource(new SqliteReaderStore(':memory:', ['politics']));
  let gateway: TestGateway;
  let postIds: string[];
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { READER_JWT_SECRET: TEST_READER_SECRET }, reader: counting.source });
    const listing = await gateway.query<{ posts: { edges: { node: { id: string } }[] } }>('{ posts(first: 12) { edges { node { id } } } }');
    postIds = (listing.body.data?.posts.edges ?? []).map((edge) => edge.node.id);
    const headers = await asReader('reader-a');
    for (const postId of postIds.slice(0, 3)) await gateway.query('mutation($postId: ID!) { addBookmark(postId: $postId) { bookmarked } }', { postId }, headers);
    // The newsletter count and topics are public and kept for a minute.
    await gateway.query('{ newsletter { subscriberCount topics { slug } } }');
  });
  afterAll(() => gateway.close());
  beforeEach(() => counting.calls.splice(0));

  it('makes one call for ViewerArticleState', async () => {
    const { body } = await gateway.query(print(ViewerArticleStateDocument), { postId: postIds[0] }, await asReader('reader-a'));
    expect(body.errors).toBeUndefined();
    expect(counting.calls.map((call) => call.method)).toEqual(['listBookmarksByReaderIds']);
  });

  it('makes one call for the bookmarks and 12 posts asked about (aliases are limited to 15), or for the 12 alone', async () => {
    const flags = postIds.map((id, index) => `p${index}: hasBookmarked(postId: "${id}")`).join(' ');
    const both = await gateway.query<{ viewer: Record<string, unknown> }>(`{ viewer { bookmarks(first: 2) { totalCount } ${flags} } }`, {}, await asReader('reader-a'));
    expect(both.body.errors).toBeUndefined();
    expect(Object.values(both.body.data?.viewer ?? {}).filter((value) => value === true)).toHaveLength(3);
    expect(counting.calls.map((call) => call.method)).toEqual(['listBookmarksByReaderIds']);

    counting.calls.splice(0);
    const flagsOnly = await gateway.query<{ viewer: Record<string, unknown> }>(`{ viewer { ${flags} } }`, {}, await asReader('reader-a'));
    expect(Object.values(flagsOnly.body.data?.viewer ?? {}).filter((value) => value === true)).toHaveLength(3);
    expect(counting.calls.map((call) => call.method)).toEqual(['getBookmarksByPostIds']);
    expect(counting.calls[0]?.args[1]).toHaveLength(postIds.length);
  });

  it('makes none for the ArticlePage, anonymous or with a reader token', async () => {
    const anonymous = await gateway.query(print(ArticlePageDocument), { slug: REFERENCE_SLUG });
    const withToken = await gateway.query(print(ArticlePageDocument), { slug: REFERENCE_SLUG }, await asReader('reader-a'));
    expect(withToken.body).toEqual(anonymous.body);
    // A credentialed request asking only public fields keeps today's answer for credentialed requests.
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    expect(counting.calls).toEqual([]);
  });
});
