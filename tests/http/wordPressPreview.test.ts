import { ArticlePageDocument, PreviewArticlePageDocument, type ArticlePageQuery, type PreviewArticlePageQuery } from '../generated/operations';
import { toGlobalId } from '../../src/globalId';
import type { DemoNewsroom } from '../../src/sources/demo/DemoNewsroom';
import { loadDemoNewsroom } from '../../src/sources/demo/loadDemoNewsroom';
import { inlineHtmlToText } from '../../src/text/htmlToText';
import { captureLogs } from '../support/captureLogs';
import { type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_AUTHOR, REFERENCE_AUTOSAVE_BODY, REFERENCE_AUTOSAVE_TITLE, REFERENCE_SLUG, REFERENCE_TITLE, TEST_PREVIEW_SECRET } from '../support/fixtures';
import { bearer, editorToken } from '../support/previewTokens';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * Previews of WordPress posts, over real sockets, against the fake WordPress: the gateway signs in as the
 * configured editor with an application password, asks `context=edit` for any status and reads the
 * autosaves; public calls stay anonymous; a wrong password is a coded error for previews only; and the
 * password appears in no log line and no answer.
 */
const EDITOR = { user: 'desk-editor', appPassword: 'Kq3R 8zPt Lm2w Xv9Y Bn4c Hs7D' };
const WRONG_PASSWORD = 'Wr0n G9pa ss4w rdAA AAAA AAAA';
const basicOf = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

/** The demo newsroom with one draft that has no slug yet, as WordPress keeps a draft nobody named. */
function newsroomWithUnnamedDraft(): { newsroom: DemoNewsroom; unnamedDraftId: number } {
  const newsroom = loadDemoNewsroom();
  const draft = newsroom.posts.find((post) => post.status === 'draft' && post.slug === 'obituary-prepared-in-advance-placeholder');
  if (!draft) throw new Error('the demo newsroom has no draft to unname');
  draft.slug = '';
  return { newsroom, unnamedDraftId: draft.id };
}

describe('previews of WordPress posts', () => {
  const { newsroom, unnamedDraftId } = newsroomWithUnnamedDraft();
  const hidden = newsroom.posts.filter((post) => post.status !== 'publish' && post.slug !== '');
  const logs = captureLogs('trace');
  let wp: FakeWordPress;
  let gateway: TestGateway;
  beforeAll(async () => {
    wp = await startFakeWordPress({ newsroom, editor: EDITOR });
    gateway = await startTestGateway({
      env: { WORDPRESS_URL: wp.url, PREVIEW_JWT_SECRET: TEST_PREVIEW_SECRET, WORDPRESS_PREVIEW_USER: EDITOR.user, WORDPRESS_PREVIEW_APP_PASSWORD: EDITOR.appPassword },
      logger: logs.logger,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await wp.close();
  });

  it('shows an editor each non-public post with its status and content, signing in to WordPress as the preview user', async () => {
    const token = await editorToken();
    const STATUS: Record<string, string> = { draft: 'DRAFT', pending: 'PENDING', future: 'SCHEDULED', private: 'PRIVATE' };
    for (const post of hidden) {
      wp.resetCounts();
      const response = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: post.slug }, bearer(token));
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.post).toMatchObject({ slug: post.slug, status: STATUS[post.status], isPreview: true, title: inlineHtmlToText(post.titleHtml) });
      expect(response.body.data?.post?.bodyHtml).toContain(post.contentHtml);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const asEditor = wp.requests.filter((request) => request.headers.authorization !== undefined);
      expect(asEditor.map((request) => request.route)).toEqual(['/wp/v2/posts', `/wp/v2/posts/${post.id}/autosaves`]);
      expect(asEditor[0]?.query.get('context')).toBe('edit');
      expect(asEditor[0]?.query.get('status')?.split(',').sort()).toEqual(['draft', 'future', 'pending', 'private', 'publish']);
      for (const request of asEditor) expect(request.headers.authorization).toBe(`Basic ${basicOf(EDITOR.user, EDITOR.appPassword)}`);
    }
  });

  it('finds a draft that has no slug yet by its id', async () => {
    const response = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { id: toGlobalId('Post', String(unnamedDraftId)) }, bearer(await editorToken()));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.post).toMatchObject({ slug: '', status: 'DRAFT', isPreview: true, title: 'Obituary Prepared in Advance: Placeholder' });
  });

  it('shows the newer autosave of a published article, with its public byline; readers keep the published version', async () => {
    const preview = await gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: REFERENCE_SLUG }, bearer(await editorToken()));
    expect(preview.body.errors).toBeUndefined();
    expect(preview.body.data?.post).toMatchObject({ title: REFERENCE_AUTOSAVE_TITLE, status: 'PUBLISHED', author: { name: REFERENCE_AUTHOR.name } });
    expect(preview.body.data?.post?.bodyHtml).toContain(REFERENCE_AUTOSAVE_BODY);
    expect(preview.body.data?.post?.relatedStories).toHaveLength(6);

    wp.resetCounts();
    const published = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(published.body.data?.post?.title).toBe(REFERENCE_TITLE);
    expect(JSON.stringify(published.body)).not.toContain(REFERENCE_AUTOSAVE_BODY);
  });

  it('never sends the preview credentials with a public call', async () => {
    wp.resetCounts();
    await gateway.query(ArticlePageDocument, { slug: newsroom.posts.filter((post) => post.status === 'publish')[17]?.slug });
    expect(wp.requests.length).toBeGreaterThan(0);
    expect(wp.requests.filter((request) => request.headers.authorization !== undefined)).toEqual([]);
  });

  it('keeps the application password out of every log line, even at trace level', () => {
    const text = logs.lines().map((line) => JSON.stringify(line)).join('\n');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [EDITOR.appPassword, EDITOR.appPassword.replace(/ /g, ''), basicOf(EDITOR.user, EDITOR.appPassword), TEST_PREVIEW_SECRET]) expect(text).not.toContain(secret);
  });
});

describe.each([
  ['answered as anonymous (WordPress 6.1)', 'anonymous'],
  ['refused with 401 incorrect_password', 'refused'],
] as const)('previews of WordPress posts with a wrong application password, %s', (_how, wrongPassword) => {
  const logs = captureLogs('trace');
  let wp: FakeWordPress;
  let gateway: TestGateway;
  beforeAll(async () => {
    wp = await startFakeWordPress({ editor: EDITOR, wrongPassword });
    gateway = await startTestGateway({
      // Production: what clients see there, error details masked as operators run it.
      env: {
        NODE_ENV: 'production',
        WORDPRESS_URL: wp.url,
        PREVIEW_JWT_SECRET: TEST_PREVIEW_SECRET,
        WORDPRESS_PREVIEW_USER: EDITOR.user,
        WORDPRESS_PREVIEW_APP_PASSWORD: WRONG_PASSWORD,
        UPSTREAM_BREAKER_MIN_REQUESTS: '2',
      },
      logger: logs.logger,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await wp.close();
  });

  it('answers previews UPSTREAM_UNAUTHORIZED while public pages keep working, and never shows or logs the password', async () => {
    const token = await editorToken();
    const bodies: string[] = [];
    // Enough refusals to open a breaker that counted them: the public client must not notice.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ query: `query { post(slug: "${REFERENCE_SLUG}", preview: true) { title } }` }),
      });
      const text = await response.text();
      bodies.push(text);
      const body = JSON.parse(text) as { data: { post: null }; errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(response.status).toBe(200);
      expect(body.data.post).toBeNull();
      expect(body.errors.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
        { message: 'The wordpress-preview service refused the gateway\'s credentials.', extensions: { code: 'UPSTREAM_UNAUTHORIZED', serviceName: 'wordpress-preview' } },
      ]);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }

    const published = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(published.body.errors).toBeUndefined();
    expect(published.body.data?.post?.title).toBe(REFERENCE_TITLE);
    expect(published.body.data?.post?.relatedStories).toHaveLength(6);

    const logged = logs.lines();
    // The refusal is logged for operators, with its status, and without the credentials.
    expect(logged.some((line) => line.msg === 'upstream call failed: upstream refused the credentials (401)' && line.serviceName === 'wordpress-preview')).toBe(true);
    const everything = [...bodies, ...logged.map((line) => JSON.stringify(line))].join('\n');
    for (const secret of [WRONG_PASSWORD, WRONG_PASSWORD.replace(/ /g, ''), basicOf(EDITOR.user, WRONG_PASSWORD)]) expect(everything).not.toContain(secret);
  });
});
