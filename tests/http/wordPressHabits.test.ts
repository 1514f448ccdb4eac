import { countingSources } from '../support/countingSources';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_AUTHOR, REFERENCE_SLUG } from '../support/fixtures';

const NODE_BY_URI = /* GraphQL */ `
  query NodeByUri($uri: String!) {
    nodeByUri(uri: $uri) {
      __typename
      id
      ... on Post { slug uri url }
      ... on Topic { slug kind uri parent { slug } }
      ... on Author { slug uri url }
    }
  }
`;

type UriNode = { __typename: string; id: string; slug: string; uri: string | null; url: string | null; kind?: string; parent?: { slug: string } | null };

describe('WordPress frontend habits over HTTP (demo newsroom)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  const byUri = async (uri: string) => {
    const { status, body } = await gateway.query<{ nodeByUri: UriNode | null }>(NODE_BY_URI, { uri });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data?.nodeByUri ?? null;
  };

  it('gives posts, categories, tags and authors a uri that nodeByUri resolves back to them', async () => {
    const { body } = await gateway.query<{ post: { id: string; uri: string; url: string; author: { id: string; uri: string; url: string }; topics: { id: string; kind: string; uri: string }[] } }>(
      `query($slug: String!) { post(slug: $slug) { id uri url author { id uri url } topics { id kind uri } } }`,
      { slug: REFERENCE_SLUG },
    );
    expect(body.errors).toBeUndefined();
    const post = body.data!.post;
    expect(post.uri).toMatch(new RegExp(`^/\\d{4}/\\d{2}/${REFERENCE_SLUG}/$`));
    expect(new URL(post.url).pathname).toBe(post.uri);
    expect(post.author.uri).toBe(`/author/${REFERENCE_AUTHOR.slug}/`);

    expect(await byUri(post.uri)).toMatchObject({ __typename: 'Post', id: post.id, slug: REFERENCE_SLUG, uri: post.uri });
    expect(await byUri(post.author.uri)).toMatchObject({ __typename: 'Author', id: post.author.id, slug: REFERENCE_AUTHOR.slug });
    for (const topic of post.topics) {
      expect(topic.uri).toMatch(/^\/category\/(?:[a-z-]+\/)+$/);
      expect(await byUri(topic.uri)).toMatchObject({ __typename: 'Topic', id: topic.id, uri: topic.uri });
    }
  });

  it('resolves a nested category by its full path, a tag, a full URL and a path without its trailing slash', async () => {
    expect(await byUri('/category/world/asia/')).toMatchObject({ __typename: 'Topic', slug: 'asia', kind: 'CATEGORY', uri: '/category/world/asia/', parent: { slug: 'world' } });
    expect(await byUri('/tag/diplomacy/')).toMatchObject({ __typename: 'Topic', slug: 'diplomacy', kind: 'TAG', uri: '/tag/diplomacy/', parent: null });
    expect(await byUri('https://demo.newsroom.example/category/world/asia')).toMatchObject({ slug: 'asia' });
    expect(await byUri('author/saif-rahman')).toMatchObject({ __typename: 'Author', slug: 'saif-rahman' });
  });

  it('answers null for a path that names nothing, or names an entity under another path', async () => {
    expect(await byUri('/category/asia/')).toBeNull(); // Asia lives at /category/world/asia/
    expect(await byUri('/tag/world/')).toBeNull(); // a category, not a tag
    expect(await byUri('/2025/01/no-such-story/')).toBeNull();
    expect(await byUri('/')).toBeNull();
  });

  it('refuses a uri that is not a path with BAD_USER_INPUT', async () => {
    const { body } = await gateway.query(NODE_BY_URI, { uri: '   ' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves the featured image in WordPress\'s sizes, with srcSet and sizes', async () => {
    const { body } = await gateway.query<{ post: { featuredImage: Record<string, unknown> } }>(
      `query($slug: String!) { post(slug: $slug) { featuredImage {
        url width height alt srcSet
        full: sourceUrl thumbnail: sourceUrl(size: THUMBNAIL) medium: sourceUrl(size: MEDIUM) large: sourceUrl(size: LARGE)
        sizes largeSizes: sizes(size: LARGE)
      } } }`,
      { slug: REFERENCE_SLUG },
    );
    expect(body.errors).toBeUndefined();
    const image = body.data!.post.featuredImage;
    const file = String(image.url).replace(/\.jpg$/, '');
    expect(image).toMatchObject({ width: 2048, height: 1152, full: image.url, thumbnail: `${file}-150x150.jpg`, medium: `${file}-300x169.jpg`, large: `${file}-1024x576.jpg` });
    // The square thumbnail has other proportions: it is not a srcset candidate.
    expect(image.srcSet).toBe(`${file}-300x169.jpg 300w, ${file}-768x432.jpg 768w, ${file}-1024x576.jpg 1024w, ${image.url} 2048w`);
    expect(image.sizes).toBe('(max-width: 2048px) 100vw, 2048px');
    expect(image.largeSizes).toBe('(max-width: 1024px) 100vw, 1024px');
    expect(image.alt).toMatch(/Lee Jae Myung/);
  });

  it('resolves many uris of one query with one lookup per kind', async () => {
    const counted = countingSources(demoSources());
    const own = await startTestGateway({ sources: counted.sources });
    try {
      const { body } = await own.query<Record<string, { __typename: string } | null>>(
        `{ a: nodeByUri(uri: "/author/saif-rahman/") { __typename } b: nodeByUri(uri: "/category/world/asia/") { __typename }
           c: nodeByUri(uri: "/tag/trade/") { __typename } d: nodeByUri(uri: "/2026/01/${REFERENCE_SLUG}/") { __typename } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(Object.values(body.data ?? {}).map((node) => node?.__typename)).toEqual(['Author', 'Topic', 'Topic', 'Post']);
      const methods = counted.calls.map((call) => call.method).sort();
      expect(methods).toEqual(['getAuthorsBySlugs', 'getPostsBySlugs', 'getTopicsBySlugs']);
    } finally {
      await own.close();
    }
  });

  it('tags a found node with its entity and a miss with its slug, for the shortest miss lifetime', async () => {
    const found = await fetch(`${gateway.url}?query=${encodeURIComponent('{ nodeByUri(uri: "/category/world/asia/") { id } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(found.headers.get('surrogate-key')?.split(' ')).toContain('topic:3');
    expect(found.headers.get('cache-control')).toMatch(/max-age=60\b/);
    const missing = await fetch(`${gateway.url}?query=${encodeURIComponent('{ nodeByUri(uri: "/2026/01/not-yet-published/") { id } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(((await missing.json()) as { data: unknown }).data).toEqual({ nodeByUri: null });
    expect(missing.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining(['post-slug:not-yet-published', 'topic-slug:not-yet-published', 'author-slug:not-yet-published']));
    expect(missing.headers.get('cache-control')).toMatch(/max-age=10\b/);
  });
});
