import { countingSources } from '../support/countingSources';
import { sendContentChanged } from '../support/signedWebhook';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { TEST_WEBHOOK_SECRET } from '../support/fixtures';
import type { TopicRecord } from '../../src/sources/records';
import type { Sources, TopicSource } from '../../src/sources/types';

type Page = {
  edges: { cursor: string; node: { slug: string } }[];
  nodes: { slug: string; name: string; kind?: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
};

const PAGE = 'edges { cursor node { slug } } nodes { slug name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

/** The demo's topics with names an editor can change, as a CMS's taxonomy changes between two requests. */
function renamableTopics(base: Sources['topics']): { topics: TopicSource; rename: (id: string, name: string) => void } {
  const names = new Map<string, string>();
  const apply = (topic: TopicRecord): TopicRecord => (names.has(topic.id) ? { ...topic, name: names.get(topic.id) as string } : topic);
  const topics: TopicSource = {
    name: base.name,
    getTopicsByIds: async (ids) => (await base.getTopicsByIds(ids)).map((topic) => topic && apply(topic)),
    getTopicsBySlugs: async (slugs) => (await base.getTopicsBySlugs(slugs)).map((topic) => topic && apply(topic)),
    listTopics: async (params) => {
      const page = await base.listTopics!(params);
      return { ...page, items: page.items.map(apply) };
    },
    getChildTopicsByParentIds: async (ids) => (await base.getChildTopicsByParentIds!(ids)).map((children) => children.map(apply)),
  };
  return { topics, rename: (id, name) => names.set(id, name) };
}

describe('Root topics and authors, topic hierarchy and nodes (demo newsroom over HTTP)', () => {
  const demo = demoSources();
  const editable = renamableTopics(demo.topics);
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: { ...demo, topics: editable.topics }, env: { WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
  });
  afterAll(() => gateway.close());

  const get = (query: string) => fetch(`${gateway.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': '1' } });

  it('pages through the categories by name with Relay cursors, edges and nodes agreeing', async () => {
    const first = await gateway.query<{ topics: Page }>(`{ topics(kind: CATEGORY, first: 10) { ${PAGE} } }`);
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data!.topics;
    expect(page.totalCount).toBe(16);
    expect(page.nodes.map((node) => node.slug)).toEqual(page.edges.map((edge) => edge.node.slug));
    const names = page.nodes.map((node) => node.name);
    expect(names).toEqual([...names].sort());
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: page.edges[9]?.cursor });

    const second = await gateway.query<{ topics: Page }>(`query($after: String) { topics(kind: CATEGORY, first: 10, after: $after) { ${PAGE} } }`, { after: page.pageInfo.endCursor });
    const rest = second.body.data!.topics;
    expect(rest.nodes).toHaveLength(6);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(new Set([...page.nodes, ...rest.nodes].map((node) => node.slug)).size).toBe(16);
  });

  it('lists categories first, then tags, when no kind is given; only tags for TAG', async () => {
    const all = await gateway.query<{ topics: { totalCount: number; nodes: { kind: string }[] } }>('{ topics(first: 100) { totalCount nodes { kind } } }');
    expect(all.body.data!.topics.totalCount).toBe(23);
    const kinds = all.body.data!.topics.nodes.map((node) => node.kind);
    expect(kinds).toEqual([...Array(16).fill('CATEGORY'), ...Array(7).fill('TAG')]);
    const crossing = await gateway.query<{ topics: { nodes: { kind: string }[] } }>('{ topics(first: 4, after: "b2Zmc2V0OjEz") { nodes { kind } } }');
    expect(crossing.body.data!.topics.nodes.map((node) => node.kind)).toEqual(['CATEGORY', 'CATEGORY', 'TAG', 'TAG']);
    const tags = await gateway.query<{ topics: { totalCount: number; nodes: { kind: string }[] } }>('{ topics(kind: TAG) { totalCount nodes { kind } } }');
    expect(tags.body.data!.topics).toMatchObject({ totalCount: 7 });
    expect(tags.body.data!.topics.nodes.every((node) => node.kind === 'TAG')).toBe(true);
  });

  it('lists every author by name, and has nodes on post connections too', async () => {
    const { body } = await gateway.query<{ authors: Page; posts: { nodes: { slug: string }[]; edges: { node: { slug: string } }[] } }>(
      `{ authors(first: 5) { ${PAGE} } posts(first: 3) { nodes { slug } edges { node { slug } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.authors.totalCount).toBe(12);
    const names = body.data!.authors.nodes.map((node) => node.name);
    expect(names).toHaveLength(5);
    expect(names).toEqual([...names].sort());
    expect(body.data!.posts.nodes).toEqual(body.data!.posts.edges.map((edge) => edge.node));
  });

  it('refuses a page size out of range with BAD_USER_INPUT', async () => {
    for (const query of ['{ topics(first: 0) { totalCount } }', '{ authors(first: 101) { totalCount } }']) {
      const { body } = await gateway.query(query);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('walks the category hierarchy both ways; tags have none', async () => {
    const { body } = await gateway.query<{ world: { parent: null; children: { slug: string; parent: { slug: string } }[] }; asia: { parent: { slug: string; uri: string } }; tag: { parent: null; children: [] } }>(
      '{ world: topic(slug: "world") { parent { slug } children { slug parent { slug } } } asia: topic(slug: "asia") { parent { slug uri } } tag: topic(slug: "trade") { parent { slug } children { slug } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.world.parent).toBeNull();
    expect(body.data!.world.children.map((child) => child.slug)).toEqual(['africa', 'americas', 'asia', 'australia', 'europe', 'middle-east']);
    expect(body.data!.world.children.every((child) => child.parent.slug === 'world')).toBe(true);
    expect(body.data!.asia.parent).toEqual({ slug: 'world', uri: '/category/world/' });
    expect(body.data!.tag).toEqual({ parent: null, children: [] });
  });

  it('loads the children and parents of a whole page of topics in one source call each', async () => {
    const counted = countingSources(demoSources());
    const own = await startTestGateway({ sources: counted.sources });
    try {
      const { body } = await own.query<{ topics: { nodes: { children: unknown[]; parent: unknown }[] } }>('{ topics(first: 23) { nodes { slug children { slug } parent { slug } } } }');
      expect(body.errors).toBeUndefined();
      const calls = (method: string) => counted.calls.filter((call) => call.method === method);
      expect(calls('listTopics')).toHaveLength(1);
      // Tags have no children: only the 16 categories are asked about, all in one call.
      expect(calls('getChildTopicsByParentIds').map((call) => (call.args[0] as string[]).length)).toEqual([16]);
      // Every parent is in the page already: primed by the listing, no further lookup.
      expect(calls('getTopicsByIds')).toHaveLength(0);
    } finally {
      await own.close();
    }
  });

  it('caches topic lists for the topic list kind\'s max-age, tagged with topic-list and each topic, and purges them with any topic', async () => {
    const query = '{ topics(kind: CATEGORY, first: 3) { nodes { id name children { name } } } }';
    const first = await get(query);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=300\b/);
    const tags = first.headers.get('surrogate-key')?.split(' ') ?? [];
    expect(tags).toContain('topic-list');
    expect(tags.filter((tag) => /^topic:\d+$/.test(tag)).length).toBeGreaterThanOrEqual(3);
    expect((await get(query)).headers.get('x-cache')).toBe('HIT');

    const [africa] = await demo.topics.getTopicsBySlugs(['africa']);
    editable.rename(africa!.id, 'Africa Desk');
    expect((await sendContentChanged(gateway.baseUrl, { type: 'topic', id: africa!.id })).status).toBe(200);
    const after = await get(query);
    expect(after.headers.get('x-cache')).toBe('MISS');
    const body = (await after.json()) as { data: { topics: { nodes: { name: string }[] } } };
    expect(body.data.topics.nodes[0]?.name).toBe('Africa Desk');
    const world = await gateway.query<{ topic: { children: { name: string }[] } }>('{ topic(slug: "world") { children { name } } }');
    expect(world.body.data!.topic.children.map((child) => child.name)).toContain('Africa Desk');
  });

  it('tags the author index with author-list and each author, so an author purge drops it', async () => {
    const query = '{ authors(first: 3) { nodes { id name } } }';
    const first = await get(query);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=300\b/);
    const tags = first.headers.get('surrogate-key')?.split(' ') ?? [];
    expect(tags).toContain('author-list');
    expect(tags.filter((tag) => /^author:\d+$/.test(tag))).toHaveLength(3);
    expect((await get(query)).headers.get('x-cache')).toBe('HIT');
    // Any author: a new one may sort into this page.
    expect((await sendContentChanged(gateway.baseUrl, { type: 'author', id: '999999' })).status).toBe(200);
    expect((await get(query)).headers.get('x-cache')).toBe('MISS');
  });
});
