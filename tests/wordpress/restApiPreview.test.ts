import { hiddenPosts, protectedPosts, seed } from './support/seedData';
import { idOf, previewAppPassword, siteManifest, startWordPress, type WordPressServer } from './support/wordpressSite';

/*
 * What the real WordPress answers the preview editor (the seeded Editor, signing in with the application
 * password setup.sh made), and a wrong password: the facts the WordPress preview source and the fake
 * WordPress's editor mode are built on (docs/wordpress-rest-notes.md, "As the preview editor").
 */
interface EditPost {
  id: number;
  slug: string;
  status: string;
  modified_gmt: string;
  title: { raw: string; rendered: string };
  content: { rendered: string; protected: boolean };
}

const STATUSES = 'draft,pending,future,private,publish';

describe('the seeded WordPress, asked as the preview editor', () => {
  let site: WordPressServer;
  const as = (password: string) => ({ authorization: `Basic ${Buffer.from(`${seed.preview.editor.slug}:${password}`).toString('base64')}` });
  const get = async <T>(path: string, headers: Record<string, string>) => {
    const response = await fetch(`${site.url}/wp-json/wp/v2/${path}`, { headers, signal: AbortSignal.timeout(15_000) });
    return { status: response.status, body: (await response.json()) as T };
  };
  beforeAll(async () => {
    site = await startWordPress();
  }, 60_000);
  afterAll(async () => {
    await site?.stop();
  });

  it('lists posts of every status with context=edit, the draft without a slug included, and "Private: " before private titles', async () => {
    const ids = [...hiddenPosts.map((post) => idOf('posts', post.slug)), siteManifest().preview.unnamedDraftId];
    const answer = await get<EditPost[]>(`posts?context=edit&status=${STATUSES}&include=${ids.join(',')}&per_page=100&_fields=id,slug,status,title`, as(previewAppPassword()));
    expect(answer.status).toBe(200);
    const byId = new Map(answer.body.map((post) => [post.id, post]));
    for (const post of hiddenPosts) expect(byId.get(idOf('posts', post.slug))).toMatchObject({ slug: post.slug, status: post.status });
    expect(byId.get(siteManifest().preview.unnamedDraftId)).toMatchObject({ slug: '', status: 'draft' });
    const memo = answer.body.find((post) => post.status === 'private');
    expect(memo?.title.rendered).toBe(`Private: ${memo?.title.raw}`);
  });

  it('shows the password-protected body in edit context, still marked protected', async () => {
    const post = protectedPosts[0];
    const answer = await get<EditPost[]>(`posts?context=edit&status=${STATUSES}&slug=${post?.slug}&_fields=id,content`, as(previewAppPassword()));
    expect(answer.body[0]?.content.protected).toBe(true);
    expect(answer.body[0]?.content.rendered).toContain('PROTECTED-BODY-');
  });

  it('keeps the editor\'s unsaved changes as an autosave revision newer than the post', async () => {
    const { autosavedPostId, autosaveId } = siteManifest().preview;
    const [post] = (await get<EditPost[]>(`posts?context=edit&include=${autosavedPostId}&_fields=id,modified_gmt,title`, as(previewAppPassword()))).body;
    const autosaves = await get<{ id: number; parent: number; modified_gmt: string; title: { rendered: string } }[]>(`posts/${autosavedPostId}/autosaves?context=edit&_fields=id,parent,modified_gmt,title`, as(previewAppPassword()));
    expect(autosaves.body).toEqual([{ id: autosaveId, parent: autosavedPostId, modified_gmt: expect.any(String), title: { raw: seed.preview.autosave.title, rendered: seed.preview.autosave.title } }]);
    expect(Date.parse(`${autosaves.body[0]?.modified_gmt}Z`)).toBeGreaterThan(Date.parse(`${post?.modified_gmt}Z`));
  });

  it('answers a wrong application password as an anonymous request, not with a 401 of its own', async () => {
    const wrong = as('AAAA BBBB CCCC DDDD EEEE FFFF');
    const lookup = await get<{ code: string; data: { details: { status: { code: string } } } }>(`posts?context=edit&status=${STATUSES}&per_page=1`, wrong);
    expect([lookup.status, lookup.body.code, lookup.body.data.details.status.code]).toEqual([400, 'rest_invalid_param', 'rest_forbidden_status']);
    const me = await get<{ code: string }>('users/me?context=edit', wrong);
    expect([me.status, me.body.code]).toEqual([401, 'rest_not_logged_in']);
    const rightMe = await get<{ id: number }>('users/me?context=edit&_fields=id', as(previewAppPassword()));
    expect(rightMe).toEqual({ status: 200, body: { id: siteManifest().preview.editorId } });
  });
});
