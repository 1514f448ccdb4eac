import { SEEDED_CATEGORY_SLUG, SEEDED_TAG_SLUG } from '../support/fixtures';
import { NON_PUBLIC_MARKER, hiddenPosts, listedPosts, protectedPosts, referencePost, seed, seedPost } from './support/seedData';
import { idOf, siteManifest, startWordPress, type WordPressServer } from './support/wordpressSite';

/*
 * What the real WordPress answers anonymously, checked against the seeded site. These are the facts
 * docs/wordpress-rest-notes.md reports and that the gateway's WordPress source and the fake WordPress
 * upstream in the fast tests are built on; if a Debian update changes one, this fails first.
 */

interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

interface RestPost {
  id: number;
  slug: string;
  status: string;
  link: string;
  title: { rendered: string };
  content?: { rendered: string; protected: boolean };
  excerpt?: { rendered: string; protected: boolean };
}

async function get<T = unknown>(site: WordPressServer, path: string): Promise<Answer<T>> {
  const response = await fetch(`${site.url}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  let body: unknown = undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T, text };
}

const slugsOf = (posts: { slug: string }[]) => posts.map((post) => post.slug);

describe('the seeded WordPress, asked anonymously', () => {
  let site: WordPressServer;
  beforeAll(async () => {
    site = await startWordPress();
  }, 60_000);
  afterAll(async () => {
    await site?.stop();
  });

  it('is the Debian package\'s WordPress on PHP 8, and advertises its REST root in a Link header', async () => {
    expect(siteManifest().wordpress).toMatch(/^6\./);
    expect(siteManifest().php).toMatch(/^8\./);
    const home = await get(site, '/');
    expect(home.status).toBe(200);
    expect(home.headers.get('link')).toContain(`<${site.url}/wp-json/>; rel="https://api.w.org/"`);
    const root = await get<{ namespaces: string[]; url: string }>(site, '/wp-json/');
    expect(root.status).toBe(200);
    expect(root.body.namespaces).toContain('wp/v2');
    expect(root.body.url).toBe(site.url);
  });

  it('lists published posts only (password-protected included), newest first, with totals in headers', async () => {
    const page = await get<RestPost[]>(site, '/wp-json/wp/v2/posts?per_page=100&_fields=id,slug,status');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-wp-total')).toBe(String(listedPosts.length));
    expect(page.headers.get('x-wp-totalpages')).toBe('1');
    const newestFirst = [...listedPosts].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    expect(slugsOf(page.body)).toEqual(slugsOf(newestFirst));
    expect(page.body.every((post) => post.status === 'publish')).toBe(true);

    const firstPage = await get<RestPost[]>(site, '/wp-json/wp/v2/posts?_fields=id');
    expect(firstPage.body).toHaveLength(10);
    expect(firstPage.headers.get('x-wp-totalpages')).toBe(String(Math.ceil(listedPosts.length / 10)));
    expect(firstPage.headers.get('link')).toBe(`<${site.url}/wp-json/wp/v2/posts?_fields=id&page=2>; rel="next"`);
  });

  it('answers ?slug= of a draft, pending, private or scheduled post with [] and a total of 0', async () => {
    expect(hiddenPosts.map((post) => post.status).sort()).toEqual(['draft', 'draft', 'future', 'pending', 'private', 'private']);
    for (const post of hiddenPosts) {
      const answer = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?slug=${post.slug}`);
      expect({ slug: post.slug, status: answer.status, body: answer.body, total: answer.headers.get('x-wp-total') }).toEqual({ slug: post.slug, status: 200, body: [], total: '0' });
    }
  });

  it('answers a hidden post by id with 401 rest_forbidden, and an unknown id with 404 rest_post_invalid_id', async () => {
    for (const post of hiddenPosts) {
      const answer = await get<{ code: string; data: { status: number } }>(site, `/wp-json/wp/v2/posts/${idOf('posts', post.slug)}`);
      expect({ slug: post.slug, status: answer.status, code: answer.body.code }).toEqual({ slug: post.slug, status: 401, code: 'rest_forbidden' });
      expect(answer.text).not.toMatch(NON_PUBLIC_MARKER);
    }
    const unknown = await get<{ code: string }>(site, '/wp-json/wp/v2/posts/999999');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'rest_post_invalid_id']);
  });

  it('shows a password-protected post\'s title but neither its body nor its excerpt', async () => {
    expect(protectedPosts).toHaveLength(1);
    const post = protectedPosts[0]!;
    const answer = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?slug=${post.slug}`);
    expect(answer.body).toHaveLength(1);
    const [listed] = answer.body;
    expect(listed?.title.rendered).toBe(post.title);
    expect(listed?.content).toEqual({ rendered: '', protected: true });
    expect(listed?.excerpt).toEqual({ rendered: '', protected: true });
    expect(answer.text).not.toMatch(NON_PUBLIC_MARKER);
  });

  it('renders titles and excerpts as HTML with typographic entities, and this theme ends automatic excerpts with a "Continue reading" link', async () => {
    const reference = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?slug=${referencePost.slug}&_fields=title,excerpt`);
    expect(reference.body[0]?.title.rendered).toBe('Seoul&#8217;s &#8220;bold&#8221; plan &amp; more');
    expect(reference.body[0]?.excerpt?.rendered).toBe(
      '<p>Seoul&#8217;s mayor says the &#8220;bold&#8221; plan will add 80,000 homes &amp; cap rents <strong>by 2030</strong>.</p>\n',
    );
    const automatic = await get<RestPost[]>(site, '/wp-json/wp/v2/posts?slug=busan-port-expansion&_fields=excerpt,link');
    const excerpt = automatic.body[0]?.excerpt?.rendered ?? '';
    expect(excerpt).toMatch(/&hellip; <a class="more-link" href="[^"]+">Continue reading <span class="screen-reader-text">Busan&#8217;s port expansion: what&#8217;s next\?<\/span><\/a><\/p>\n$/);
    const withTag = await get<RestPost[]>(site, '/wp-json/wp/v2/posts?slug=k-drama-exports-soar&_fields=title');
    expect(withTag.body[0]?.title.rendered).toBe('K-drama exports <em>soar</em> 30%');
  });

  it('answers include= with the visible posts only, newest first unless orderby=include, 10 per page by default', async () => {
    const ids = ['busan-film-festival-line-up', referencePost.slug, 'seoul-mayor-to-resign', protectedPosts[0]!.slug].map((slug) => idOf('posts', slug));
    const asked = [...ids, 999999].join(',');
    const byDate = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?include=${asked}&_fields=id,slug`);
    expect(byDate.headers.get('x-wp-total')).toBe('3');
    expect(slugsOf(byDate.body)).toEqual([referencePost.slug, protectedPosts[0]!.slug, 'busan-film-festival-line-up']);
    const inOrder = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?include=${asked}&orderby=include&_fields=id,slug`);
    expect(slugsOf(inOrder.body)).toEqual(['busan-film-festival-line-up', referencePost.slug, protectedPosts[0]!.slug]);

    const twelve = listedPosts.slice(0, 12).map((post) => idOf('posts', post.slug));
    const defaultPage = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?include=${twelve.join(',')}&_fields=id`);
    expect(defaultPage.body).toHaveLength(10);
    expect(defaultPage.headers.get('x-wp-total')).toBe('12');
    const wholeBatch = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?include=${twelve.join(',')}&per_page=100&_fields=id`);
    expect(wholeBatch.body).toHaveLength(12);
  });

  it('filters by category (without child categories unless asked), tag, author and search', async () => {
    const inCategory = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?categories=${idOf('categories', SEEDED_CATEGORY_SLUG)}&per_page=100&_fields=slug`);
    expect(slugsOf(inCategory.body).sort()).toEqual(slugsOf(listedPosts.filter((post) => post.categories.includes(SEEDED_CATEGORY_SLUG))).sort());

    const world = listedPosts.filter((post) => post.categories.includes('world'));
    const worldOnly = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?categories=${idOf('categories', 'world')}&per_page=100&_fields=slug`);
    expect(slugsOf(worldOnly.body).sort()).toEqual(slugsOf(world).sort());
    const withChildren = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?categories[terms]=${idOf('categories', 'world')}&categories[include_children]=true&per_page=100&_fields=slug`);
    const worldOrAsia = listedPosts.filter((post) => post.categories.includes('world') || post.categories.includes('asia'));
    expect(slugsOf(withChildren.body).sort()).toEqual(slugsOf(worldOrAsia).sort());

    const tagged = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?tags=${idOf('tags', 'seoul')}&per_page=100&_fields=slug`);
    expect(slugsOf(tagged.body).sort()).toEqual(slugsOf(listedPosts.filter((post) => post.tags.includes('seoul'))).sort());

    const byAuthor = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?author=${idOf('authors', 'tomas-oconnor')}&per_page=100&_fields=slug`);
    expect(slugsOf(byAuthor.body).sort()).toEqual(slugsOf(listedPosts.filter((post) => post.author === 'tomas-oconnor')).sort());

    const unpublishedAuthor = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?author=${idOf('authors', 'riley-draft')}`);
    expect([unpublishedAuthor.status, unpublishedAuthor.body]).toEqual([200, []]);

    const search = await get<RestPost[]>(site, '/wp-json/wp/v2/posts?search=jeonse&_fields=slug');
    expect(slugsOf(search.body)).toEqual(['jeonse-deposits-explained']);
  });

  it('rejects pages past the end and per_page over 100 with 400, and unknown routes with 404 rest_no_route', async () => {
    const pastEnd = await get<{ code: string }>(site, `/wp-json/wp/v2/posts?per_page=10&page=${Math.ceil(listedPosts.length / 10) + 1}`);
    expect([pastEnd.status, pastEnd.body.code]).toEqual([400, 'rest_post_invalid_page_number']);
    const tooMany = await get<{ code: string }>(site, '/wp-json/wp/v2/posts?per_page=101');
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'rest_invalid_param']);
    const unknownRoute = await get<{ code: string }>(site, '/wp-json/wp/v2/articles');
    expect([unknownRoute.status, unknownRoute.body.code]).toEqual([404, 'rest_no_route']);
    // Users and terms answer a page past the end with 200 and [], not 400.
    const usersPastEnd = await get<unknown[]>(site, '/wp-json/wp/v2/users?page=5');
    expect([usersPastEnd.status, usersPastEnd.body]).toEqual([200, []]);
  });

  it('lists as users only authors with published posts; another user by id is 401', async () => {
    const users = await get<{ id: number; slug: string; name: string; description: string; avatar_urls: Record<string, string> }[]>(site, '/wp-json/wp/v2/users?per_page=100');
    const withPublishedPosts = seed.authors.filter((author) => listedPosts.some((post) => post.author === author.slug));
    expect(slugsOf(users.body).sort()).toEqual(slugsOf(withPublishedPosts).sort());
    expect(users.headers.get('x-wp-total')).toBe(String(withPublishedPosts.length));
    const minJi = users.body.find((user) => user.slug === 'min-ji-park');
    expect(minJi?.description).toBe('Seoul correspondent covering politics &amp; housing. Previously at the <em>Korea Herald</em>.');
    expect(Object.keys(minJi?.avatar_urls ?? {})).toEqual(['24', '48', '96']);

    const riley = await get<{ code: string }>(site, `/wp-json/wp/v2/users/${idOf('authors', 'riley-draft')}`);
    expect([riley.status, riley.body.code]).toEqual([401, 'rest_user_cannot_view']);
    const bySlug = await get<unknown[]>(site, '/wp-json/wp/v2/users?slug=riley-draft');
    expect(bySlug.body).toEqual([]);
  });

  it('lists every category and tag, empty ones included, with names HTML-escaped and counts of published posts', async () => {
    const categories = await get<{ slug: string; name: string; count: number }[]>(site, '/wp-json/wp/v2/categories?per_page=100');
    expect(slugsOf(categories.body).sort()).toEqual([...seed.categories.map((term) => term.slug), 'uncategorized'].sort());
    const markets = categories.body.find((term) => term.slug === SEEDED_CATEGORY_SLUG);
    expect(markets?.name).toBe('Markets &amp; Economy');
    expect(markets?.count).toBe(listedPosts.filter((post) => post.categories.includes(SEEDED_CATEGORY_SLUG)).length);
    const tags = await get<{ slug: string; name: string }[]>(site, '/wp-json/wp/v2/tags?per_page=100');
    expect(tags.body.find((term) => term.slug === SEEDED_TAG_SLUG)?.name).toBe('Q&amp;A');
  });

  it('omits a hidden post\'s image from media listings, though X-WP-Total still counts it', async () => {
    const visible = ['seoul-skyline', 'stadium', 'trading-floor'].map((key) => idOf('media', key));
    const hidden = idOf('media', 'embargoed-photo');
    const listing = await get<{ id: number; source_url: string; alt_text: string; media_details: { width: number; height: number } }[]>(
      site,
      `/wp-json/wp/v2/media?include=${[...visible, hidden].join(',')}&_fields=id,source_url,alt_text,media_details`,
    );
    expect(listing.body.map((media) => media.id).sort()).toEqual([...visible].sort());
    expect(listing.headers.get('x-wp-total')).toBe('4');
    const skyline = listing.body.find((media) => media.id === idOf('media', 'seoul-skyline'));
    expect(skyline?.alt_text).toBe('Seoul\'s skyline at dusk & the Han river');
    expect(skyline?.media_details).toMatchObject({ width: 1200, height: 675 });
    expect(skyline?.source_url).toBe(`${site.url}/wp-content/uploads/2025/06/seoul-skyline.jpg`);
    const byId = await get<{ code: string }>(site, `/wp-json/wp/v2/media/${hidden}`);
    expect([byId.status, byId.body.code]).toEqual([401, 'rest_forbidden']);
  });

  it('embeds author, featured image and terms with _embed only when _fields keeps _links and _embedded', async () => {
    const withoutLinks = await get<Record<string, unknown>[]>(site, `/wp-json/wp/v2/posts?slug=${referencePost.slug}&_embed&_fields=id,title`);
    expect(Object.keys(withoutLinks.body[0] ?? {}).sort()).toEqual(['id', 'title']);
    const embedded = await get<{ _embedded: Record<string, unknown[]> }[]>(site, `/wp-json/wp/v2/posts?slug=${referencePost.slug}&_embed&_fields=id,_links,_embedded`);
    expect(Object.keys(embedded.body[0]?._embedded ?? {}).sort()).toEqual(['author', 'wp:featuredmedia', 'wp:term']);
    // What the gateway reads from the embeds: the author's user fields, the terms without description.
    const some = await get<{ _embedded: { author: Record<string, unknown>[]; 'wp:term': Record<string, unknown>[][] } }[]>(
      site,
      `/wp-json/wp/v2/posts?slug=${referencePost.slug}&_embed=author,wp:term&_fields=id,_links,_embedded`,
    );
    const { author, 'wp:term': terms } = some.body[0]?._embedded ?? { author: [], 'wp:term': [] };
    expect(Object.keys(some.body[0]?._embedded ?? {}).sort()).toEqual(['author', 'wp:term']);
    expect(Object.keys(author[0] ?? {}).sort()).toEqual(['_links', 'avatar_urls', 'description', 'id', 'link', 'name', 'slug', 'url']);
    expect(terms.map((list) => [...new Set(list.map((term) => term.taxonomy))])).toEqual([['category'], ['post_tag']]);
    for (const term of terms.flat()) expect(Object.keys(term).sort()).toEqual(['_links', 'id', 'link', 'name', 'slug', 'taxonomy']);
  });

  it('answers the same at ?rest_route= as at /wp-json/', async () => {
    const pretty = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?slug=${referencePost.slug}&_fields=id,slug,link`);
    const plain = await get<RestPost[]>(site, `/?rest_route=/wp/v2/posts&slug=${referencePost.slug}&_fields=id,slug,link`);
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual(pretty.body);
    expect(plain.body[0]?.link).toBe(`${site.url}/2025/06/${referencePost.slug}/`);
  });
});

describe('the seeded WordPress under twentytwentythree', () => {
  let site: WordPressServer;
  beforeAll(async () => {
    site = await startWordPress({ theme: 'twentytwentythree' });
  }, 60_000);
  afterAll(async () => {
    await site?.stop();
  });

  it('ends automatic excerpts with WordPress\'s own [&hellip;] and leaves hand-written ones alone', async () => {
    const automatic = await get<RestPost[]>(site, '/wp-json/wp/v2/posts?slug=busan-port-expansion&_fields=excerpt');
    expect(automatic.body[0]?.excerpt?.rendered).toMatch(/conducted \[&hellip;\]<\/p>\n$/);
    const handWritten = await get<RestPost[]>(site, `/wp-json/wp/v2/posts?slug=${seedPost('seoul-rent-cap-vote').slug}&_fields=excerpt`);
    expect(handWritten.body[0]?.excerpt?.rendered).toBe('<p>The &#8220;temporary&#8221; cap could last until 2027, critics say.</p>\n');
  });
});

describe('the seeded WordPress without pretty permalinks', () => {
  let site: WordPressServer;
  beforeAll(async () => {
    site = await startWordPress({ plainPermalinks: true });
  }, 60_000);
  afterAll(async () => {
    await site?.stop();
  });

  it('advertises index.php?rest_route=/ as its REST root, and /wp-json/ paths are no REST API at all', async () => {
    const home = await get(site, '/');
    expect(home.headers.get('link')).toContain(`<${site.url}/index.php?rest_route=/>; rel="https://api.w.org/"`);
    const prettyPath = await get(site, '/wp-json/wp/v2/posts');
    expect(prettyPath.status).toBe(301);
    const prettyRoot = await get(site, '/wp-json/');
    expect(prettyRoot.status).toBe(200);
    expect(prettyRoot.headers.get('content-type')).toContain('text/html');

    const posts = await get<RestPost[]>(site, `/index.php?rest_route=/wp/v2/posts&slug=${referencePost.slug}&_fields=id,link`);
    expect(posts.status).toBe(200);
    expect(posts.body[0]?.link).toBe(`${site.url}/?p=${idOf('posts', referencePost.slug)}`);
  });
});
