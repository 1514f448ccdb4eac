import { parse } from 'graphql';
import { assertGatewayUsesWordPress, expectNoErrors, startFederation, type Federation } from './support/federation';
import { referencePost, seed, seedAuthor } from './support/seedData';
import { idOf } from './support/wordpressSite';

/*
 * What WordPress frontend developers reach for, against the seeded WordPress: pages found by the paths
 * WordPress itself gives them (read from its REST API here, not rebuilt), images in WordPress's own sizes,
 * root lists of topics and authors and the category hierarchy, each compared with what WordPress answers.
 */

const NodeByUriDocument = parse(`
  query NodeByUri($uri: String!) {
    nodeByUri(uri: $uri) {
      __typename id
      ... on Post { slug uri }
      ... on Topic { slug kind uri }
      ... on Author { slug uri }
    }
  }
`);
type UriNode = { __typename: string; id: string; slug: string; uri: string | null; kind?: string };

const path = (link: string) => {
  const url = new URL(link);
  return url.pathname + url.search;
};

/** WordPress's REST API itself, through the same proxy the gateway uses, so links name the same host. */
async function rest<T>(federation: Federation, route: string, query: string): Promise<{ body: T; total: number | null }> {
  const response = await fetch(`${federation.siteUrl}/?rest_route=/wp/v2/${route}&${query}`);
  expect(response.status).toBe(200);
  const total = response.headers.get('x-wp-total');
  return { body: (await response.json()) as T, total: total === null ? null : Number(total) };
}

async function linkOf(federation: Federation, route: string, slug: string): Promise<string> {
  const { body } = await rest<{ link: string }[]>(federation, route, `slug=${encodeURIComponent(slug)}&_fields=link`);
  expect(body).toHaveLength(1);
  return body[0]!.link;
}

async function nodeAt(federation: Federation, uri: string): Promise<UriNode | null> {
  const result = await federation.gateway.query<{ nodeByUri: UriNode | null }>(NodeByUriDocument, { uri });
  expectNoErrors(result);
  return result.body.data?.nodeByUri ?? null;
}

describe('WordPress-frontend habits against a real WordPress', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation();
    await assertGatewayUsesWordPress(federation, referencePost.slug);
  }, 90_000);
  afterAll(async () => {
    await federation?.close();
  });

  it('resolves a post, a nested category, a tag and an author by the paths of the links WordPress gives them', async () => {
    const cases: [route: string, slug: string, typename: string][] = [
      ['posts', referencePost.slug, 'Post'],
      ['categories', 'asia', 'Topic'],
      ['tags', 'seoul', 'Topic'],
      ['users', referencePost.author, 'Author'],
    ];
    for (const [route, slug, typename] of cases) {
      const uri = path(await linkOf(federation, route, slug));
      const node = await nodeAt(federation, uri);
      expect({ route, node }).toEqual({ route, node: expect.objectContaining({ __typename: typename, slug, uri }) });
    }
    // WordPress nests a subcategory's link under its parent's.
    expect(path(await linkOf(federation, 'categories', 'asia'))).toBe('/category/world/asia/');
    expect(await nodeAt(federation, '/category/asia/')).toBeNull();
    expect(await nodeAt(federation, `/author/${referencePost.author}-nobody/`)).toBeNull();
  });

  it('gives post, topics and author the uri WordPress links them with', async () => {
    const result = await federation.gateway.query<{ post: { uri: string; author: { uri: string }; topics: { slug: string; uri: string }[] } }>(
      parse('query($slug: String!) { post(slug: $slug) { uri author { uri } topics { slug uri } } }'),
      { slug: referencePost.slug },
    );
    expectNoErrors(result);
    const post = result.body.data!.post;
    expect(post.uri).toBe(path(await linkOf(federation, 'posts', referencePost.slug)));
    expect(post.author.uri).toBe(path(await linkOf(federation, 'users', seedAuthor(referencePost.author).slug)));
    for (const topic of post.topics) {
      const route = seed.categories.some((category) => category.slug === topic.slug) ? 'categories' : 'tags';
      expect(topic.uri).toBe(path(await linkOf(federation, route, topic.slug)));
    }
  });

  it('serves the featured image in the sizes WordPress made of it, with its srcset', async () => {
    const media = await rest<{ source_url: string; media_details: { width: number; height: number; sizes: Record<string, { source_url: string; width: number; height: number }> } }>(
      federation,
      `media/${idOf('media', referencePost.image as string)}`,
      '_fields=source_url,media_details',
    );
    const { sizes, width, height } = media.body.media_details;
    const result = await federation.gateway.query<{ post: { featuredImage: Record<string, string | number | null> } }>(
      parse(`query($slug: String!) { post(slug: $slug) { featuredImage {
        url width height srcSet sizes(size: LARGE)
        thumbnail: sourceUrl(size: THUMBNAIL) medium: sourceUrl(size: MEDIUM) mediumLarge: sourceUrl(size: MEDIUM_LARGE) large: sourceUrl(size: LARGE) full: sourceUrl(size: FULL)
      } } }`),
      { slug: referencePost.slug },
    );
    expectNoErrors(result);
    const image = result.body.data!.post.featuredImage;
    expect(image).toMatchObject({
      url: media.body.source_url,
      width,
      height,
      thumbnail: sizes.thumbnail!.source_url,
      medium: sizes.medium!.source_url,
      mediumLarge: sizes.medium_large!.source_url,
      large: sizes.large!.source_url,
      full: media.body.source_url,
      sizes: `(max-width: ${sizes.large!.width}px) 100vw, ${sizes.large!.width}px`,
    });
    // Every size with the upload's proportions is a candidate; the square thumbnail is not.
    const candidates = (String(image.srcSet)).split(', ');
    for (const name of ['medium', 'medium_large', 'large']) expect(candidates).toContain(`${sizes[name]!.source_url} ${sizes[name]!.width}w`);
    expect(candidates).toContain(`${media.body.source_url} ${width}w`);
    expect(image.srcSet).not.toContain(sizes.thumbnail!.source_url);
  });

  it('lists the categories, the tags and the authors as WordPress counts them, and walks the hierarchy', async () => {
    const categories = await rest<unknown[]>(federation, 'categories', 'per_page=1');
    const tags = await rest<unknown[]>(federation, 'tags', 'per_page=1');
    const users = await rest<unknown[]>(federation, 'users', 'per_page=1');
    const result = await federation.gateway.query<{
      categories: { totalCount: number; nodes: { slug: string }[] };
      all: { totalCount: number; nodes: { kind: string }[] };
      authors: { totalCount: number; nodes: { slug: string }[] };
      world: { parent: null; children: { slug: string }[] };
      asia: { parent: { slug: string; uri: string } };
    }>(
      parse(`{
        categories: topics(kind: CATEGORY, first: 100) { totalCount nodes { slug } }
        all: topics(first: 100) { totalCount nodes { kind } }
        authors(first: 100) { totalCount nodes { slug } }
        world: topic(slug: "world") { parent { slug } children { slug } }
        asia: topic(slug: "asia") { parent { slug uri } }
      }`),
    );
    expectNoErrors(result);
    const data = result.body.data!;
    expect(data.categories.totalCount).toBe(categories.total);
    expect(data.categories.nodes.map((node) => node.slug)).toEqual(expect.arrayContaining(seed.categories.map((category) => category.slug)));
    expect(data.all.totalCount).toBe((categories.total ?? 0) + (tags.total ?? 0));
    expect(data.all.nodes.findIndex((node) => node.kind === 'TAG')).toBe(categories.total);
    expect(data.authors.totalCount).toBe(users.total);
    // A page that starts on the last category goes on with the first tag (WordPress counts terms past an offset's end).
    const lastCategory = Buffer.from(`offset:${(categories.total ?? 0) - 2}`).toString('base64url');
    const crossing = await federation.gateway.query<{ topics: { nodes: { kind: string }[] } }>(parse(`{ topics(first: 2, after: "${lastCategory}") { nodes { kind } } }`));
    expectNoErrors(crossing);
    expect(crossing.body.data!.topics.nodes.map((node) => node.kind)).toEqual(['CATEGORY', 'TAG']);
    const pastCategories = Buffer.from(`offset:${(categories.total ?? 0) + 1}`).toString('base64url');
    const tagsOnly = await federation.gateway.query<{ topics: { totalCount: number; nodes: { kind: string }[] } }>(parse(`{ topics(first: 2, after: "${pastCategories}") { totalCount nodes { kind } } }`));
    expectNoErrors(tagsOnly);
    expect(tagsOnly.body.data!.topics).toEqual({ totalCount: data.all.totalCount, nodes: [{ kind: 'TAG' }, { kind: 'TAG' }] });
    expect(data.authors.nodes.map((node) => node.slug)).toContain(referencePost.author);
    const childrenOfWorld = seed.categories.filter((category) => category.parent === 'world').map((category) => category.slug);
    expect(childrenOfWorld.length).toBeGreaterThan(0);
    expect(data.world).toEqual({ parent: null, children: childrenOfWorld.map((slug) => ({ slug })) });
    expect(data.asia.parent).toEqual({ slug: 'world', uri: path(await linkOf(federation, 'categories', 'world')) });
  });
});

describe('nodeByUri against a WordPress without pretty permalinks', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation({
      plainPermalinks: true,
      gatewayEnv: (siteUrl) => ({ WORDPRESS_API_ROOT: `${siteUrl}/index.php?rest_route=/` }),
    });
    await assertGatewayUsesWordPress(federation, referencePost.slug);
  }, 90_000);
  afterAll(async () => {
    await federation?.close();
  });

  it('resolves the ?p=, ?cat=, ?tag= and ?author= links WordPress gives', async () => {
    const cases: [route: string, slug: string, typename: string][] = [
      ['posts', referencePost.slug, 'Post'],
      ['categories', 'asia', 'Topic'],
      ['tags', 'seoul', 'Topic'],
      ['users', referencePost.author, 'Author'],
    ];
    for (const [route, slug, typename] of cases) {
      const uri = path(await linkOf(federation, route, slug));
      expect(uri).toMatch(/^\/\?(?:p|cat|tag|author)=/);
      expect({ route, node: await nodeAt(federation, uri) }).toEqual({ route, node: expect.objectContaining({ __typename: typename, slug, uri }) });
    }
  });
});
