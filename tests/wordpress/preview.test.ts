import { SignJWT, type JWTPayload } from 'jose';
import { ArticlePageDocument, PreviewArticlePageDocument, type PreviewArticlePageQuery } from '../generated/operations';
import { toGlobalId } from '../../src/globalId';
import { startGatewayProcess } from './support/gatewayProcess';
import { assertGatewayUsesWordPress, expectNoErrors, expectNothingNonPublic, startFederation, type Federation } from './support/federation';
import { hiddenPosts, protectedPosts, seed, seedPost } from './support/seedData';
import { previewAppPassword, siteManifest } from './support/wordpressSite';

/*
 * Editor previews against the real, seeded WordPress: the gateway signs in as the seeded editor with the
 * application password setup.sh made, and answers an editor's preview token with any post at its latest
 * revision. Everyone else still sees only what WordPress shows anonymously.
 */
const PREVIEW_SECRET = 'contract-test-preview-secret-0123456789';
const STATUS: Record<string, string> = { publish: 'PUBLISHED', draft: 'DRAFT', pending: 'PENDING', future: 'SCHEDULED', private: 'PRIVATE' };
const WRONG_PASSWORD = 'AAAA BBBB CCCC DDDD EEEE FFFF';

const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: JWTPayload, secret: string, expiresAt = now() + 300) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** The marker a non-public post's title starts with (`DRAFT-TITLE-9a1e`): WordPress's typography changes the rest. */
const markerOf = (title: string) => title.split(':')[0] as string;
const codesOf = (result: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => result.body.errors?.map((error) => error.extensions?.code);

describe('editor previews against a real WordPress', () => {
  let federation: Federation;
  let editor: Record<string, string>;
  beforeAll(async () => {
    const appPassword = previewAppPassword();
    federation = await startFederation({
      gatewayEnv: () => ({ PREVIEW_JWT_SECRET: PREVIEW_SECRET, WORDPRESS_PREVIEW_USER: seed.preview.editor.slug, WORDPRESS_PREVIEW_APP_PASSWORD: appPassword }),
    });
    await assertGatewayUsesWordPress(federation, seed.reference);
    editor = bearer(await sign({ sub: 'contract-editor', preview: true }, PREVIEW_SECRET));
  }, 90_000);
  afterAll(async () => {
    await federation?.close();
  });

  it('returns each non-public post of the seed to an editor, with its status and content', async () => {
    expect(new Set(hiddenPosts.map((post) => post.status))).toEqual(new Set(['draft', 'pending', 'private', 'future']));
    for (const post of hiddenPosts) {
      const result = await federation.gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: post.slug }, editor);
      expectNoErrors(result);
      const previewed = result.body.data?.post;
      expect({ slug: previewed?.slug, status: previewed?.status, isPreview: previewed?.isPreview }).toEqual({ slug: post.slug, status: STATUS[post.status], isPreview: true });
      // WordPress titles a private post "Private: …", as its own themes show it to editors.
      expect(previewed?.title).toMatch(post.status === 'private' ? new RegExp(`^Private: ${markerOf(post.title)}`) : new RegExp(`^${markerOf(post.title)}`));
      expect(previewed?.bodyHtml).toContain(markerOf(post.paragraphs[0] as string));
      expect(result.headers.get('cache-control')).toBe('private, no-store');
      expect(result.headers.get('surrogate-key')).toBeNull();
    }
  });

  it('shows an editor the body of the password-protected post', async () => {
    const post = protectedPosts[0];
    expect(post).toBeDefined();
    const result = await federation.gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: post?.slug }, editor);
    expectNoErrors(result);
    expect(result.body.data?.post?.status).toBe('PUBLISHED');
    expect(result.body.data?.post?.bodyHtml).toContain(markerOf(post?.paragraphs[0] as string));
  });

  it('finds the draft that has no slug yet by its id', async () => {
    const { unnamedDraftId } = siteManifest().preview;
    const result = await federation.gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { id: toGlobalId('Post', String(unnamedDraftId)) }, editor);
    expectNoErrors(result);
    expect(result.body.data?.post).toMatchObject({ slug: '', status: 'DRAFT', isPreview: true });
    expect(result.body.data?.post?.title.startsWith(markerOf(seed.preview.unnamedDraft.title))).toBe(true);
  });

  it('returns the autosave\'s title for a published post edited into an autosave; readers keep the published one', async () => {
    const { autosave } = seed.preview;
    const preview = await federation.gateway.query<PreviewArticlePageQuery>(PreviewArticlePageDocument, { slug: autosave.post }, editor);
    expectNoErrors(preview);
    expect(preview.body.data?.post).toMatchObject({ title: autosave.title, status: 'PUBLISHED', isPreview: true });
    expect(preview.body.data?.post?.bodyHtml).toContain(markerOf(autosave.paragraphs[0] as string));
    // Its byline and topics are the public ones.
    expect(preview.body.data?.post?.author?.slug).toBe(seedPost(autosave.post).author);

    const published = await federation.gateway.query(ArticlePageDocument, { slug: autosave.post });
    expectNoErrors(published);
    expectNothingNonPublic(published);
    expect((published.body.data as { post: { title: string } }).post.title).not.toBe(autosave.title);
  });

  it('answers preview: true without a token FORBIDDEN, and with an expired or foreign token 401, showing nothing non-public', async () => {
    for (const post of [...hiddenPosts.slice(0, 2), seedPost(seed.preview.autosave.post)]) {
      const anonymous = await federation.gateway.query(PreviewArticlePageDocument, { slug: post.slug });
      expect(codesOf(anonymous)).toEqual(['FORBIDDEN']);
      expect(anonymous.body.data).toEqual({ post: null });
      expectNothingNonPublic(anonymous);
    }
    const expired = await sign({ sub: 'contract-editor', preview: true }, PREVIEW_SECRET, now() - 60);
    const foreign = await sign({ sub: 'reader-a' }, 'a-reader-secret-of-another-audience-0123456789');
    for (const token of [expired, foreign]) {
      const refused = await federation.gateway.query(PreviewArticlePageDocument, { slug: hiddenPosts[0]?.slug }, bearer(token));
      expect(refused.status).toBe(401);
      expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
      expectNothingNonPublic(refused);
    }
  });

  it('with a wrong application password answers previews UPSTREAM_UNAUTHORIZED, keeps public pages working, and never shows or logs the password', async () => {
    const gateway = await startGatewayProcess({
      WORDPRESS_URL: federation.siteUrl,
      PREVIEW_JWT_SECRET: PREVIEW_SECRET,
      WORDPRESS_PREVIEW_USER: seed.preview.editor.slug,
      WORDPRESS_PREVIEW_APP_PASSWORD: WRONG_PASSWORD,
      LOG_LEVEL: 'debug',
    });
    try {
      const preview = await gateway.query(PreviewArticlePageDocument, { slug: hiddenPosts[0]?.slug }, editor);
      expect(preview.body.data).toEqual({ post: null });
      expect(preview.body.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'UPSTREAM_UNAUTHORIZED', serviceName: 'wordpress-preview' })]);
      expectNothingNonPublic(preview);

      const published = await gateway.query(ArticlePageDocument, { slug: seed.reference });
      expectNoErrors(published);
      expectNothingNonPublic(published);

      const basic = Buffer.from(`${seed.preview.editor.slug}:${WRONG_PASSWORD}`).toString('base64');
      const seen = [preview.text, published.text, gateway.output()].join('\n');
      for (const secret of [WRONG_PASSWORD, WRONG_PASSWORD.replace(/ /g, ''), basic, previewAppPassword()]) expect(seen).not.toContain(secret);
      expect(gateway.output()).toContain('upstream refused the credentials (401)');
    } finally {
      await gateway.stop();
    }
  });
});
