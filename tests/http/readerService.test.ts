import { REFERENCE_SLUG, REFERENCE_TITLE } from '../support/fixtures';
import { type FakeReaderService, startFakeReaderService } from '../support/fakeUpstreams';
import { asReader, TEST_READER_SECRET } from '../support/readerTokens';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * Reader data in the reader service (READER_SERVICE_URL, docs/services.md#reader-service), a fake one on
 * port 0: the same features as with the SQLite file, reads retried and writes not, one service call per
 * request for the reader's state, and an outage that costs the bookmarks box, not the article.
 */
const BOOKMARKS = '{ viewer { id bookmarks { totalCount edges { savedAt node { slug } } } } }';
const ADD = 'mutation($postId: ID!) { addBookmark(postId: $postId) { bookmarked } }';

describe('reader features backed by the reader service', () => {
  let service: FakeReaderService;
  let gateway: TestGateway;
  let referenceId: string;
  let otherIds: string[];

  beforeAll(async () => {
    service = await startFakeReaderService();
    gateway = await startTestGateway({
      env: { READER_JWT_SECRET: TEST_READER_SECRET, READER_SERVICE_URL: service.serviceUrl, READER_SERVICE_RETRIES: '1', UPSTREAM_BREAKER_MIN_REQUESTS: '1000' },
    });
    const reference = await gateway.query<{ post: { id: string } }>(`{ post(slug: "${REFERENCE_SLUG}") { id } }`);
    referenceId = reference.body.data?.post.id as string;
    const listing = await gateway.query<{ posts: { edges: { node: { id: string } }[] } }>('{ posts(first: 6) { edges { node { id } } } }');
    otherIds = (listing.body.data?.posts.edges ?? []).map((edge) => edge.node.id).filter((id) => id !== referenceId);
  });
  afterAll(async () => {
    await gateway.close();
    await service.close();
  });
  afterEach(() => service.clearFaults());

  it('keeps reader A\'s bookmark in the service, listed with savedAt for A; B has none', async () => {
    const added = await gateway.query(ADD, { postId: referenceId }, await asReader('reader-a'));
    expect(added.body).toEqual({ data: { addBookmark: { bookmarked: true } } });
    expect(service.count('/bookmarks/add')).toBe(1);

    const a = await gateway.query<{ viewer: { bookmarks: { edges: { savedAt: string; node: { slug: string } }[] } } }>(BOOKMARKS, {}, await asReader('reader-a'));
    expect(a.body.data?.viewer.bookmarks.edges.map((edge) => edge.node.slug)).toEqual([REFERENCE_SLUG]);
    expect(a.body.data?.viewer.bookmarks.edges[0]?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const b = await gateway.query(BOOKMARKS, {}, await asReader('reader-b'));
    expect(b.body).toEqual({ data: { viewer: { id: 'reader-b', bookmarks: { totalCount: 0, edges: [] } } } });
  });

  it('signs up through the service, whose double opt-in makes the answer PENDING_CONFIRMATION', async () => {
    const subscribe = 'mutation { subscribeToNewsletter(email: "someone@example.com") { status } }';
    const first = await gateway.query(subscribe);
    const second = await gateway.query(subscribe);
    expect(first.body).toEqual({ data: { subscribeToNewsletter: { status: 'PENDING_CONFIRMATION' } } });
    expect(second.body).toEqual(first.body);
    expect([...service.subscriptions.keys()]).toEqual(['someone@example.com']);
  });

  it('asks the service once per request for the reader\'s state, however many posts it asks about', async () => {
    const headers = await asReader('reader-a');
    // The newsletter box's count is public and kept for a minute: read it once first.
    await gateway.query('{ newsletter { subscriberCount } }');
    const asked = [referenceId, ...otherIds].slice(0, 5);
    const flags = asked.map((id, index) => `p${index}: hasBookmarked(postId: "${id}")`).join(' ');

    service.resetCounts();
    const both = await gateway.query<{ viewer: Record<string, unknown> }>(`{ viewer { bookmarks { totalCount } ${flags} } newsletter { subscriberCount } }`, {}, headers);
    expect(both.body.errors).toBeUndefined();
    expect(both.body.data?.viewer).toEqual({ bookmarks: { totalCount: 1 }, p0: true, p1: false, p2: false, p3: false, p4: false });
    expect(service.count()).toBe(1);

    service.resetCounts();
    const onlyFlags = await gateway.query<{ viewer: Record<string, unknown> }>(`{ viewer { ${flags} } }`, {}, headers);
    expect(onlyFlags.body.data?.viewer).toEqual({ p0: true, p1: false, p2: false, p3: false, p4: false });
    expect(service.requests.map((request) => request.route)).toEqual(['/bookmarks/membership']);
  });

  it('retries a failed read, and never a write', async () => {
    const headers = await asReader('reader-retry');
    service.inject({ type: 'status', status: 503 }, { route: '/bookmarks', times: 1, when: (request) => request.method === 'GET' });
    service.resetCounts();
    const read = await gateway.query(BOOKMARKS, {}, headers);
    expect(read.body.errors).toBeUndefined();
    expect(service.count('/bookmarks')).toBe(2);

    service.inject({ type: 'status', status: 503 }, { route: '/bookmarks/add', times: 1 });
    service.resetCounts();
    const write = await gateway.query(ADD, { postId: referenceId }, headers);
    expect(write.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(service.count('/bookmarks/add')).toBe(1);
  });

  it('degrades viewer.bookmarks to an empty connection with UPSTREAM_UNAVAILABLE while the article is served', async () => {
    service.inject({ type: 'status', status: 503 });
    const query = `query($slug: String!) { post(slug: $slug) { title relatedStories(first: 6) { title } } viewer { id bookmarks { totalCount edges { node { id } } } } }`;
    const { status, body, headers } = await gateway.query<{ post: { title: string; relatedStories: unknown[] }; viewer: unknown }>(query, { slug: REFERENCE_SLUG }, await asReader('reader-a'));
    expect(status).toBe(200);
    expect(body.data?.post.title).toBe(REFERENCE_TITLE);
    expect(body.data?.post.relatedStories).toHaveLength(6);
    expect(body.data?.viewer).toEqual({ id: 'reader-a', bookmarks: { totalCount: 0, edges: [] } });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['viewer', 'bookmarks'], extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'reader' }) })]);
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(JSON.stringify(body)).not.toContain(service.serviceUrl);
  });
});
