import { ArticlePageDocument, PreviewArticlePageDocument, type ArticlePageQuery, type PreviewArticlePageQuery } from '../generated/operations';
import { toGlobalId } from '../../src/globalId';
import { loadDemoNewsroom } from '../../src/sources/demo/loadDemoNewsroom';
import { inlineHtmlToText } from '../../src/text/htmlToText';
import { inProcessEntries } from '../support/cacheContents';
import { countingSources } from '../support/countingSources';
import { REFERENCE_AUTHOR, REFERENCE_AUTOSAVE_BODY, REFERENCE_AUTOSAVE_TITLE, REFERENCE_SLUG, REFERENCE_TITLE, TEASER_TITLES, TEST_PREVIEW_SECRET } from '../support/fixtures';
import { bearer, editorToken, OTHER_SECRET, signToken } from '../support/previewTokens';
import { demoSources, startTestGateway, type GraphQLResponse, type TestGateway } from '../support/startTestGateway';

/*
 * Editor previews against the demo newsroom, over HTTP: who may preview (an editor's short-lived token
 * with `preview: true`), what a preview shows (any status, the newest autosave), and that nothing of it is
 * ever shared: private, no-store, untagged, and never in the entity or response cache.
 */
const newsroom = loadDemoNewsroom();
const hidden = newsroom.posts.filter((post) => post.status !== 'publish');
const STATUS = { draft: 'DRAFT', pending: 'PENDING', future: 'SCHEDULED', private: 'PRIVATE' } as const;

/**
 * Every preview answer, whatever it holds: for this caller only. A request with a token never meets the
 * response cache (BYPASS); one without is looked up there like any anonymous request, and misses.
 */
function expectPrivate(response: GraphQLResponse<unknown>, responseCache: 'BYPASS' | 'MISS' = 'BYPASS'): void {
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  expect(response.headers.get('surrogate-key')).toBeNull();
  expect(response.headers.get('cache-tag')).toBeNull();
  expect(response.headers.get('x-cache')).toBe(responseCache);
}

describe('editor previews (demo newsroom, over HTTP)', () => {
  const counted = countingSources(demoSources());
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: counted.sources, env: { PREVIEW_JWT_SECRET: TEST_PREVIEW_SECRET } });
  });
  afterAll(() => gateway.close());

  it('shows an editor every non-public post by slug, with its status and content, marked as a preview', async () => {
    expect(new Set(hidden.map((post) => post.status))).toEqual(new Set(Object.keys(STATUS)));
    const token = await editorToken();
    for (const post of hidden) {
      const response = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: post.slug }, bearer(token));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.post).toMatchObject({
        slug: post.slug,
        status: STATUS[post.status as keyof typeof STATUS],
        isPreview: true,
        title: inlineHtmlToText(post.titleHtml),
        bodyHtml: post.contentHtml,
      });
      expectPrivate(response);
    }
  });

  it('previews by global id too, which is how a draft without a slug yet is asked for', async () => {
    const draft = hidden.find((post) => post.status === 'draft');
    const response = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { id: toGlobalId('Post', String(draft?.id)) }, bearer(await editorToken()));
    expect(response.body.data?.post).toMatchObject({ slug: draft?.slug, status: 'DRAFT', isPreview: true });
    expectPrivate(response);
  });

  it('shows the newest autosave of a published article to an editor, and the published article to everyone else', async () => {
    const preview = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: REFERENCE_SLUG }, bearer(await editorToken()));
    const previewed = preview.body.data?.post;
    expect(previewed).toMatchObject({ title: REFERENCE_AUTOSAVE_TITLE, status: 'PUBLISHED', isPreview: true });
    expect(previewed?.bodyHtml).toContain(REFERENCE_AUTOSAVE_BODY);
    // The byline, topics and rail are the public ones.
    expect(previewed?.author?.name).toBe(REFERENCE_AUTHOR.name);
    expect(previewed?.relatedStories.map((story) => story.title).sort()).toEqual([...TEASER_TITLES].sort());
    expectPrivate(preview);

    const published = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(published.body.data?.post?.title).toBe(REFERENCE_TITLE);
    expect(JSON.stringify(published.body)).not.toContain(REFERENCE_AUTOSAVE_BODY);
    expect(published.headers.get('cache-control')).toMatch(/^public, /);
  });

  it('marks only the previewed post as a preview, not the public posts of its rail', async () => {
    const response = await gateway.query<{ post: { isPreview: boolean; relatedStories: { post: { isPreview: boolean; status: string } }[] } }>(
      `query { post(slug: "${REFERENCE_SLUG}", preview: true) { isPreview relatedStories(first: 3) { post { isPreview status } } } }`,
      undefined,
      bearer(await editorToken()),
    );
    expect(response.body.data?.post.isPreview).toBe(true);
    expect(response.body.data?.post.relatedStories).toEqual([1, 2, 3].map(() => ({ post: { isPreview: false, status: 'PUBLISHED' } })));
  });

  it('answers preview: true without a token FORBIDDEN, privately, showing nothing, and never keeps that answer', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: REFERENCE_SLUG });
      expect(response.status).toBe(200);
      expect(response.body.data?.post).toBeNull();
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(response.body)).not.toContain(REFERENCE_AUTOSAVE_BODY);
      expectPrivate(response, 'MISS');
    }
  });

  it.each([
    ['a token signed with a key no audience of this gateway accepts (a reader\'s, here)', () => signToken({ sub: 'reader-a' }, { secret: OTHER_SECRET })],
    ['an expired editor token', () => signToken({ sub: 'editor-1', preview: true }, { issuedAgoSeconds: 400, expiresInSeconds: -100 })],
    ['an editor-signed token without the preview claim', () => signToken({ sub: 'editor-1' })],
    ['an unexpired token older than PREVIEW_TOKEN_MAX_AGE_SECONDS (600 s)', () => signToken({ sub: 'editor-1', preview: true }, { issuedAgoSeconds: 3_600, expiresInSeconds: 3_600 })],
  ])('refuses %s with 401 UNAUTHENTICATED before any GraphQL work', async (_what, token) => {
    counted.reset();
    const response = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: REFERENCE_SLUG }, bearer(await token()));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data).toBeUndefined();
    expect(counted.count()).toBe(0);
  });

  it('reads a preview from the source on every request, never from a cache', async () => {
    const token = await editorToken();
    const draft = hidden.find((post) => post.status === 'pending');
    counted.reset();
    for (let round = 0; round < 3; round += 1) {
      const response = await gateway.query(`query { post(slug: "${draft?.slug}", preview: true) { title status } }`, undefined, bearer(token));
      expect(response.body.data).toEqual({ post: { title: inlineHtmlToText(draft?.titleHtml ?? ''), status: 'PENDING' } });
    }
    expect(counted.calls.filter((call) => call.method === 'getPreviewPostsBySlugs')).toHaveLength(3);
    // A preview asks nothing of the public post lookups, so it cannot have filled their cache entries.
    expect(counted.calls.filter((call) => call.kind === 'posts' && call.method !== 'getPreviewPostsBySlugs')).toEqual([]);
  });

  it('keeps no preview in the in-process entity or response cache, under any key', async () => {
    const token = await editorToken();
    for (const post of [...hidden, { slug: REFERENCE_SLUG }]) await gateway.query(PreviewArticlePageDocument, { slug: post.slug }, bearer(token));
    await gateway.gateway.settle();
    const entries = inProcessEntries(gateway.gateway);
    // Not vacuous: the public byline, topics and rails the previews showed are cached as usual.
    expect(entries.length).toBeGreaterThan(0);
    const previewTexts = [REFERENCE_AUTOSAVE_TITLE, REFERENCE_AUTOSAVE_BODY, ...hidden.map((post) => inlineHtmlToText(post.titleHtml)), '"isPreview"'];
    for (const { key, text } of entries) {
      for (const previewText of previewTexts) if (text.includes(previewText)) throw new Error(`cache entry ${key} holds preview content (${previewText})`);
    }
  });

  it('answers an editor asking without preview: true as anyone: the published article, privately', async () => {
    const response = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG }, bearer(await editorToken()));
    expect(response.body.data?.post?.title).toBe(REFERENCE_TITLE);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const draft = await gateway.query(`query { post(slug: "${hidden[0]?.slug}") { title } }`, undefined, bearer(await editorToken()));
    expect(draft.body.data).toEqual({ post: null });
  });
});

describe('editor previews, when they are off', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('answers preview: true FORBIDDEN to everyone, and leaves bearer tokens unchecked', async () => {
    const response = await gateway.query(PreviewArticlePageDocument, { slug: REFERENCE_SLUG }, bearer(await editorToken()));
    expect(response.status).toBe(200);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(response.body.data?.post).toBeNull();
    expectPrivate(response);
  });
});
