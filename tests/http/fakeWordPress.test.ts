import { loadDemoNewsroom } from '../../src/sources/demo/loadDemoNewsroom';
import { enlargeNewsroom, type FakeWordPress, startFakeService, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_AUTHOR, REFERENCE_SLUG } from '../support/fixtures';

/**
 * The fake WordPress stands in for a real one in the suite and in benchmarks, so it must answer the way
 * WordPress does: these are the behaviours the gateway (or a benchmark) relies on.
 */
describe('fake WordPress speaks REST API v2 like WordPress', () => {
  let wp: FakeWordPress;
  beforeAll(async () => {
    wp = await startFakeWordPress();
  });
  afterAll(() => wp.close());
  beforeEach(() => {
    wp.clearFaults();
    wp.resetCounts();
  });

  const get = async (route: string) => {
    const response = await fetch(`${wp.restRoot}${route}`);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text: some faults answer HTML or cut JSON on purpose.
    }
    return { status: response.status, headers: response.headers, body: body as never };
  };
  const draftId = () => wp.content.posts.find((row) => row.post.status === 'draft')?.post.id;

  it('lists newest first with totals and paging headers, 10 per page by default', async () => {
    const { status, headers, body } = await get('wp/v2/posts?_fields=id,date_gmt');
    expect(status).toBe(200);
    expect(headers.get('x-wp-total')).toBe('320');
    expect(headers.get('x-wp-totalpages')).toBe('32');
    expect(headers.get('link')).toMatch(/<[^>]+page=2>; rel="next"/);
    const dates = (body as { date_gmt: string }[]).map((post) => post.date_gmt);
    expect(dates).toHaveLength(10);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('refuses per_page above 100 and pages past the end, like WordPress', async () => {
    const tooMany = await get('wp/v2/posts?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ code: 'rest_invalid_param', data: { status: 400, params: { per_page: expect.any(String) } } });
    const pastEnd = await get('wp/v2/posts?per_page=100&page=5');
    expect(pastEnd.status).toBe(400);
    expect(pastEnd.body).toMatchObject({ code: 'rest_post_invalid_page_number' });
    // With an offset past the end, WordPress answers an empty page whose count query found nothing.
    const offsetPastEnd = await get('wp/v2/posts?per_page=10&offset=400');
    expect(offsetPastEnd.status).toBe(200);
    expect(offsetPastEnd.body).toEqual([]);
    expect(offsetPastEnd.headers.get('x-wp-total')).toBe('0');
  });

  it('answers include= in date order unless orderby=include, and never shows drafts', async () => {
    const [newest, older] = wp.content.posts.filter((row) => row.visible).sort((a, b) => b.time - a.time).map((row) => row.post.id);
    const ids = `${older},${draftId()},${newest}`;
    expect(((await get(`wp/v2/posts?include=${ids}&_fields=id`)).body as { id: number }[]).map((post) => post.id)).toEqual([newest, older]);
    expect(((await get(`wp/v2/posts?include=${ids}&orderby=include&_fields=id`)).body as { id: number }[]).map((post) => post.id)).toEqual([older, newest]);
    expect((await get(`wp/v2/posts/${draftId()}`)).body).toMatchObject({ code: 'rest_forbidden', data: { status: 401 } });
    expect((await get('wp/v2/posts/1')).body).toMatchObject({ code: 'rest_post_invalid_id', data: { status: 404 } });
    expect(await get('wp/v2/posts?status=draft')).toMatchObject({ status: 400, body: { code: 'rest_invalid_param', data: { details: { status: { code: 'rest_forbidden_status' } } } } });
  });

  it('renders posts as WordPress does: entities in titles, <p> excerpts with a more link, GMT dates without a zone', async () => {
    const { body } = await get(`wp/v2/posts?slug=${REFERENCE_SLUG}`);
    const [post] = body as Record<string, unknown>[];
    expect(post).toMatchObject({
      slug: REFERENCE_SLUG,
      status: 'publish',
      type: 'post',
      title: { rendered: expect.any(String) },
      content: { rendered: expect.stringMatching(/^<p>/), protected: false },
      excerpt: { rendered: expect.stringMatching(/^<p>[\s\S]*class="more-link">Continue reading/), protected: false },
      date_gmt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
      _links: { self: [expect.objectContaining({ href: expect.stringContaining('/wp-json/wp/v2/posts/') })] },
    });
  });

  it('filters fields with _fields, nested ones too, and embeds with _embed', async () => {
    const withImage = wp.content.posts.find((row) => row.visible && row.mediaId > 0)?.post.id;
    const { body } = await get(`wp/v2/posts?include=${withImage}&_fields=id,title.rendered,_embedded&_embed=wp:featuredmedia`);
    const [post] = body as Record<string, unknown>[];
    expect(Object.keys(post ?? {}).sort()).toEqual(['_embedded', '_links', 'id', 'title']);
    expect(Object.keys(post?.title as object)).toEqual(['rendered']);
    expect(post?._embedded).toEqual({ 'wp:featuredmedia': [expect.objectContaining({ source_url: expect.stringMatching(/^https:/), media_details: expect.objectContaining({ width: expect.any(Number) }) })] });
  });

  it('embeds the author with its user fields and the terms without description or count, as WordPress does', async () => {
    const row = wp.content.posts.find((candidate) => candidate.visible && candidate.post.topicIds.length > 1);
    const { body } = await get(`wp/v2/posts?include=${row?.post.id}&_fields=id,_links,_embedded&_embed=author,wp:term`);
    const embedded = (body as { _embedded: { author: Record<string, unknown>[]; 'wp:term': Record<string, unknown>[][] } }[])[0]?._embedded;
    expect(Object.keys(embedded ?? {}).sort()).toEqual(['author', 'wp:term']);
    expect(Object.keys(embedded?.author[0] ?? {}).sort()).toEqual(['_links', 'avatar_urls', 'description', 'id', 'link', 'name', 'slug', 'url']);
    expect(embedded?.['wp:term'].map((terms) => terms.map((term) => term.taxonomy))).toEqual([
      expect.arrayContaining(['category']),
      expect.any(Array),
    ]);
    for (const term of embedded?.['wp:term'].flat() ?? []) expect(Object.keys(term).sort()).toEqual(['_links', 'id', 'link', 'name', 'slug', 'taxonomy']);
    expect(embedded?.['wp:term'].flat().map((term) => term.id).sort()).toEqual([...(row?.post.topicIds ?? [])].sort());
  });

  it('filters by categories and tags (with tax_relation), author, search and exclude', async () => {
    const total = async (query: string) => Number((await get(`wp/v2/posts?per_page=1&_fields=id&${query}`)).headers.get('x-wp-total'));
    const world = wp.content.terms.find((term) => term.slug === 'world');
    const tennis = wp.content.terms.find((term) => term.slug === 'tennis');
    expect(await total(`categories=${world?.id}`)).toBe(world?.count);
    expect(await total(`tags=${tennis?.id}`)).toBe(tennis?.count);
    // Both taxonomies given: AND by default, OR when asked.
    expect(await total(`categories=${world?.id}&tags=${world?.id}`)).toBe(0);
    expect(await total(`categories=${world?.id}&tags=${world?.id}&tax_relation=OR`)).toBe(world?.count);
    expect(await total('author=3')).toBeGreaterThan(5);
    expect(await total('search=takaichi')).toBeGreaterThanOrEqual(1);
    expect(await total('search=zzzz-nothing')).toBe(0);
    const inWorld = wp.content.posts.find((row) => row.visible && row.post.topicIds.includes(world?.id ?? -1))?.post.id;
    expect(await total(`categories=${world?.id}&exclude=${inWorld}`)).toBe((world?.count ?? 0) - 1);
  });

  it('lists only users with published posts, and terms with their counts', async () => {
    const users = (await get('wp/v2/users?per_page=100&_fields=id,slug,avatar_urls')).body as { avatar_urls: Record<string, string> }[];
    expect(users.length).toBeGreaterThan(5);
    expect(Object.keys(users[0]?.avatar_urls ?? {})).toEqual(['24', '48', '96']);
    const categories = (await get('wp/v2/categories?per_page=100&_fields=id,count,taxonomy')).body as { taxonomy: string; count: number }[];
    expect(categories.every((term) => term.taxonomy === 'category' && term.count > 0)).toBe(true);
  });

  it('advertises the REST root on its pages and answers unknown routes with rest_no_route', async () => {
    const page = await fetch(wp.url);
    expect(page.headers.get('link')).toBe(`<${wp.restRoot}>; rel="https://api.w.org/"`);
    expect((await get('')).body).toMatchObject({ namespaces: expect.arrayContaining(['wp/v2']) });
    expect(await get('wp/v2/nope')).toMatchObject({ status: 404, body: { code: 'rest_no_route' } });
  });

  it('counts requests per route', async () => {
    await get('wp/v2/posts?per_page=1');
    await get('wp/v2/users?per_page=1');
    await get('wp/v2/posts?per_page=2');
    expect(wp.count()).toBe(3);
    expect(wp.count('/wp/v2/posts')).toBe(2);
    expect(wp.requests.map((request) => request.query.get('per_page'))).toEqual(['1', '1', '2']);
    const arrivals = wp.requests.map((request) => request.receivedAtMs);
    expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
  });

  it('injects faults per route, for a number of requests or until cleared', async () => {
    wp.inject({ type: 'status', status: 500 }, { route: '/wp/v2/users', times: 1 });
    wp.inject({ type: 'wrong-shape' }, { route: '/wp/v2/tags' });
    wp.inject({ type: 'malformed-json' }, { route: '/wp/v2/media' });
    wp.inject({ type: 'html' }, { route: '/wp/v2/categories' });
    expect(await get('wp/v2/users')).toMatchObject({ status: 500, body: { code: 'internal_server_error' } });
    expect((await get('wp/v2/users')).status).toBe(200);
    expect((await get('wp/v2/tags')).body).toMatchObject({ unexpected: true });
    expect(typeof (await get('wp/v2/media')).body).toBe('string');
    expect((await get('wp/v2/categories')).headers.get('content-type')).toMatch(/text\/html/);
    expect((await get('wp/v2/posts?per_page=1')).status).toBe(200);

    wp.clearFaults();
    wp.inject({ type: 'reset' });
    await expect(fetch(`${wp.restRoot}wp/v2/posts`)).rejects.toThrow();
    wp.clearFaults();
    wp.inject({ type: 'hang' });
    await expect(fetch(`${wp.restRoot}wp/v2/posts`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    wp.clearFaults();
    wp.inject({ type: 'slow-body', totalMs: 200 });
    const started = performance.now();
    const slow = await get('wp/v2/posts?per_page=1');
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('serves the REST API under ?rest_route= for a site without pretty permalinks', async () => {
    const plain = await startFakeWordPress({ permalinks: 'plain', latencyMs: 1 });
    try {
      expect(plain.restRoot).toBe(`${plain.url}/?rest_route=/`);
      const response = await fetch(`${plain.url}/?rest_route=/wp/v2/posts&per_page=2&_fields=id`);
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveLength(2);
      expect((await fetch(`${plain.url}/wp-json/wp/v2/posts`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('fake WordPress with an enlarged newsroom', () => {
  it('serves every copy like an original: listed, counted and found by slug', async () => {
    const big = await startFakeWordPress({ newsroom: enlargeNewsroom(loadDemoNewsroom(), 1_000) });
    try {
      const listing = await fetch(`${big.restRoot}wp/v2/posts?per_page=1&_fields=id`);
      expect(listing.headers.get('x-wp-total')).toBe('1000');
      const bySlug = (await (await fetch(`${big.restRoot}wp/v2/posts?slug=${REFERENCE_SLUG}-2&_fields=slug,categories`)).json()) as { slug: string }[];
      expect(bySlug).toEqual([expect.objectContaining({ slug: `${REFERENCE_SLUG}-2` })]);
    } finally {
      await big.close();
    }
  });
});

describe('fake services speak their documented contracts', () => {
  it('answers authors, topics and related rails for the demo ids', async () => {
    const [authors, related] = await Promise.all([startFakeService('authors', { basePath: '/api/v1' }), startFakeService('related')]);
    try {
      const people = await (await fetch(`${authors.serviceUrl}/authors?ids=3,999&slugs=ignored`)).json();
      expect(people).toEqual({ authors: [expect.objectContaining({ id: REFERENCE_AUTHOR.id, slug: REFERENCE_AUTHOR.slug, name: REFERENCE_AUTHOR.name })] });
      const rails = (await (await fetch(`${related.serviceUrl}/related?postIds=1,2&limit=3`)).json()) as { results: { postId: string; related: unknown[] }[] };
      expect(rails.results.map((result) => result.postId)).toEqual(['1', '2']);
      expect((await fetch(`${related.serviceUrl}/related`)).status).toBe(400);
      expect(authors.count('/authors')).toBe(1);
    } finally {
      await Promise.all([authors.close(), related.close()]);
    }
  });
});
