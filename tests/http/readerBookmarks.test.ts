import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toGlobalId } from '../../src/globalId';
import { SqliteReaderStore } from '../../src/sources/reader/SqliteReaderStore';
import { REFERENCE_SLUG, REFERENCE_TITLE } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { asReader, TEST_READER_SECRET } from '../support/readerTokens';

const BOOKMARKS = `query Bookmarks($first: Int, $after: String) {
  viewer { id bookmarks(first: $first, after: $after) { totalCount edges { savedAt cursor node { id slug title } } pageInfo { hasNextPage endCursor } } }
}`;
const ADD = `mutation Add($postId: ID!) { addBookmark(postId: $postId) { bookmarked post { slug } viewer { id bookmarks { totalCount } } } }`;
const REMOVE = `mutation Remove($postId: ID!) { removeBookmark(postId: $postId) { bookmarked post { slug } viewer { bookmarks { totalCount } } } }`;
/** A draft of the demo newsroom: not published, so never listed. */
const DRAFT_ID = '41710';

interface BookmarksData {
  viewer: { id: string; bookmarks: { totalCount: number; edges: { savedAt: string; cursor: string; node: { id: string; slug: string; title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null;
}

describe('Bookmarks over HTTP, kept in the SQLite file', () => {
  let directory: string;
  let dbPath: string;
  let gateway: TestGateway;
  let referenceId: string;
  const start = () => startTestGateway({ env: { READER_JWT_SECRET: TEST_READER_SECRET, READER_DB_PATH: dbPath } });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'reader-bookmarks-'));
    dbPath = join(directory, 'nested', 'reader.sqlite');
    gateway = await start();
    const { body } = await gateway.query<{ post: { id: string } }>(`query { post(slug: "${REFERENCE_SLUG}") { id } }`);
    referenceId = body.data?.post.id as string;
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lists what reader A saved, with savedAt, for A alone; B has none; answers are private', async () => {
    const before = Date.now();
    const added = await gateway.query(ADD, { postId: referenceId }, await asReader('reader-a'));
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data).toEqual({ addBookmark: { bookmarked: true, post: { slug: REFERENCE_SLUG }, viewer: { id: 'reader-a', bookmarks: { totalCount: 1 } } } });
    expect(added.headers.get('cache-control')).toBe('private, no-store');
    expect(added.headers.get('surrogate-key')).toBeNull();

    const a = await gateway.query<BookmarksData>(BOOKMARKS, {}, await asReader('reader-a'));
    expect(a.status).toBe(200);
    expect(a.headers.get('cache-control')).toBe('private, no-store');
    expect(a.headers.get('surrogate-key')).toBeNull();
    expect(a.headers.get('cache-tag')).toBeNull();
    const edges = a.body.data?.viewer?.bookmarks.edges ?? [];
    expect(edges.map((edge) => edge.node.title)).toEqual([REFERENCE_TITLE]);
    expect(new Date(edges[0]?.savedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(a.body.data?.viewer?.bookmarks.totalCount).toBe(1);

    const b = await gateway.query<BookmarksData>(BOOKMARKS, {}, await asReader('reader-b'));
    expect(b.body.data?.viewer).toEqual({ id: 'reader-b', bookmarks: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } });
  });

  it('is idempotent: saving again keeps the first savedAt; removing twice is no error', async () => {
    const headers = await asReader('reader-c');
    await gateway.query(ADD, { postId: referenceId }, headers);
    const first = await gateway.query<BookmarksData>(BOOKMARKS, {}, headers);
    const again = await gateway.query(ADD, { postId: referenceId }, headers);
    expect(again.body.errors).toBeUndefined();
    const second = await gateway.query<BookmarksData>(BOOKMARKS, {}, headers);
    expect(second.body.data?.viewer?.bookmarks.edges).toEqual(first.body.data?.viewer?.bookmarks.edges);

    for (const round of [1, 2]) {
      const removed = await gateway.query(REMOVE, { postId: referenceId }, headers);
      expect({ round, body: removed.body }).toEqual({ round, body: { data: { removeBookmark: { bookmarked: false, post: { slug: REFERENCE_SLUG }, viewer: { bookmarks: { totalCount: 0 } } } } } });
    }
  });

  it('lists newest first, pages with cursors, and leaves out posts that are not published', async () => {
    const headers = await asReader('reader-pages');
    const { body } = await gateway.query<{ posts: { edges: { node: { id: string } }[] } }>('{ posts(first: 3) { edges { node { id } } } }');
    const ids = body.data?.posts.edges.map((edge) => edge.node.id) ?? [];
    for (const id of ids) expect((await gateway.query(ADD, { postId: id }, headers)).body.errors).toBeUndefined();
    // A bookmark of a post that is not (or no longer) published, as the store may hold one.
    const store = new SqliteReaderStore(dbPath, []);
    await store.addBookmark('reader-pages', DRAFT_ID);
    await store.close();

    const page1 = await gateway.query<BookmarksData>(BOOKMARKS, { first: 2 }, headers);
    const connection = page1.body.data?.viewer?.bookmarks;
    expect(connection?.totalCount).toBe(3);
    expect(connection?.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1]]);
    expect(connection?.pageInfo.hasNextPage).toBe(true);
    const page2 = await gateway.query<BookmarksData>(BOOKMARKS, { first: 2, after: connection?.pageInfo.endCursor }, headers);
    expect(page2.body.data?.viewer?.bookmarks.edges.map((edge) => edge.node.id)).toEqual([ids[0]]);
    expect(page2.body.data?.viewer?.bookmarks.pageInfo.hasNextPage).toBe(false);
    expect(JSON.stringify(page2.body)).not.toContain(toGlobalId('Post', DRAFT_ID));

    const badCursor = await gateway.query(BOOKMARKS, { after: 'not-a-cursor' }, headers);
    expect(badCursor.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers hasBookmarked for the reader only', async () => {
    const query = `query($postId: ID!) { viewer { hasBookmarked(postId: $postId) } }`;
    const a = await gateway.query(query, { postId: referenceId }, await asReader('reader-a'));
    expect(a.body).toEqual({ data: { viewer: { hasBookmarked: true } } });
    const b = await gateway.query(query, { postId: referenceId }, await asReader('reader-b'));
    expect(b.body).toEqual({ data: { viewer: { hasBookmarked: false } } });
  });

  it('refuses an unknown or unpublished post as BAD_USER_INPUT, and bookmarks without a reader as UNAUTHENTICATED', async () => {
    for (const postId of [toGlobalId('Post', '999999999'), toGlobalId('Post', DRAFT_ID), toGlobalId('Author', '3')]) {
      const { body } = await gateway.query(ADD, { postId }, await asReader('reader-a'));
      expect({ postId, code: body.errors?.[0]?.extensions?.code }).toEqual({ postId, code: 'BAD_USER_INPUT' });
    }
    for (const mutation of [ADD, REMOVE]) {
      const anonymous = await gateway.query(mutation, { postId: referenceId });
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.data).toBeNull();
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('answers viewer: null to anonymous requests, privately', async () => {
    const { status, body, headers } = await gateway.query('{ viewer { id } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: null } });
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(headers.get('surrogate-key')).toBeNull();
  });

  it('keeps A\'s bookmark across a restart with the same READER_DB_PATH', async () => {
    await gateway.close();
    gateway = await start();
    const a = await gateway.query<BookmarksData>(BOOKMARKS, {}, await asReader('reader-a'));
    expect(a.body.data?.viewer?.bookmarks.edges.map((edge) => edge.node.slug)).toEqual([REFERENCE_SLUG]);
  });
});
