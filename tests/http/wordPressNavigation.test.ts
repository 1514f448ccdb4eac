import { type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_SLUG } from '../support/fixtures';

/*
 * The WordPress source's uris, image sizes, root lists and hierarchy against the fake WordPress, which
 * serves the demo newsroom in WordPress's shapes: every answer must be the demo source's own.
 */
const NAVIGATION = /* GraphQL */ `
  query Navigation($post: String!, $category: String!, $tag: String!, $author: String!) {
    post: nodeByUri(uri: $post) { __typename ... on Post { slug uri featuredImage { srcSet medium: sourceUrl(size: MEDIUM) sizes(size: LARGE) } } }
    category: nodeByUri(uri: $category) { __typename ... on Topic { slug uri parent { slug uri } } }
    tag: nodeByUri(uri: $tag) { __typename ... on Topic { slug uri } }
    author: nodeByUri(uri: $author) { __typename ... on Author { slug uri } }
    missing: nodeByUri(uri: "/category/asia/") { __typename }
    topics(first: 100) { totalCount nodes { slug kind uri parent { slug } children { slug } } pageInfo { hasNextPage } }
    page: topics(first: 3, after: "b2Zmc2V0OjEz") { nodes { slug } }
    pastCategories: topics(first: 3, after: "b2Zmc2V0OjE3") { totalCount nodes { slug kind } }
    authors(first: 100) { totalCount nodes { slug uri } }
  }
`;
const variables = { post: `/2026/01/${REFERENCE_SLUG}/`, category: '/category/world/asia/', tag: '/tag/diplomacy/', author: '/author/saif-rahman/' };
/** The sites' hosts differ; paths and everything else must not. */
const withoutHosts = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/https?:\/\/[^/"]+/g, ''));

describe('WordPress-frontend habits with the WordPress source (fake WordPress over HTTP)', () => {
  let wp: FakeWordPress;
  let wordpress: TestGateway;
  let demo: TestGateway;
  beforeAll(async () => {
    wp = await startFakeWordPress();
    wordpress = await startTestGateway({ env: { WORDPRESS_URL: wp.url } });
    demo = await startTestGateway();
  });
  afterAll(async () => {
    await wordpress.close();
    await demo.close();
    await wp.close();
  });

  it('answers uris, image sizes, root lists and the hierarchy exactly as the demo source does', async () => {
    const [fromWordPress, fromDemo] = await Promise.all([wordpress.query(NAVIGATION, variables), demo.query(NAVIGATION, variables)]);
    expect(fromWordPress.body.errors).toBeUndefined();
    expect(fromDemo.body.errors).toBeUndefined();
    expect(fromDemo.body.data).toMatchObject({ post: { __typename: 'Post' }, category: { __typename: 'Topic', parent: { slug: 'world' } }, tag: { __typename: 'Topic' }, author: { __typename: 'Author' }, missing: null });
    // Past the 16 categories, a page of topics is the tags from the third on.
    expect((fromDemo.body.data as { pastCategories: { nodes: { kind: string }[] } }).pastCategories.nodes.map((node) => node.kind)).toEqual(['TAG', 'TAG', 'TAG']);
    expect(withoutHosts(fromWordPress.body.data)).toEqual(withoutHosts(fromDemo.body.data));
  });

  it('asks WordPress for the subcategories of a whole page of categories at once, one parent= request each, and keeps them', async () => {
    const query = '{ topics(kind: CATEGORY, first: 100) { nodes { slug children { slug } } } }';
    // A cold gateway: the first test's children are cached in the other one.
    const cold = await startTestGateway({ env: { WORDPRESS_URL: wp.url } });
    try {
      const before = wp.requests.length;
      const { body } = await cold.query<{ topics: { nodes: { children: { slug: string }[] }[] } }>(query);
      expect(body.errors).toBeUndefined();
      expect(body.data?.topics.nodes.flatMap((node) => node.children.map((child) => child.slug)).sort()).toEqual(['africa', 'americas', 'asia', 'australia', 'europe', 'middle-east']);
      const asked = wp.requests.slice(before).filter((request) => request.route === '/wp/v2/categories');
      expect(asked.filter((request) => request.query.has('parent'))).toHaveLength(16);
      // Cached in the entity cache: another page of the same categories asks WordPress nothing.
      const again = wp.requests.length;
      await cold.query('{ topics(kind: CATEGORY, first: 100) { nodes { children { name } } } }');
      expect(wp.requests.slice(again).filter((request) => request.query.has('parent'))).toHaveLength(0);
    } finally {
      await cold.close();
    }
  });
});
