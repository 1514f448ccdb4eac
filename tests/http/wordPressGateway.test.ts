import type { DocumentNode } from 'graphql';
import { ArticlePageDocument, type ArticlePageQuery, TopicPageDocument, type TopicPageQuery } from '../generated/operations';
import { type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_AUTHOR, REFERENCE_SLUG, REFERENCE_TITLE, REFERENCE_TOPIC_NAMES, TEASER_TITLES } from '../support/fixtures';

/** `WORDPRESS_URL=… npm start`, over real sockets: the gateway federates the (fake) WordPress site. */
describe('the gateway in front of WordPress', () => {
  let wp: FakeWordPress;
  let gateway: TestGateway;
  beforeAll(async () => {
    wp = await startFakeWordPress();
    gateway = await startTestGateway({ env: { WORDPRESS_URL: wp.url } });
  });
  afterAll(async () => {
    await gateway.close();
    await wp.close();
  });

  it('answers ArticlePage with the article, its author, its topics and a full related rail, as plain text', async () => {
    const { status, body } = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const post = body.data?.post;
    expect(post).toMatchObject({
      slug: REFERENCE_SLUG,
      title: REFERENCE_TITLE,
      url: `${wp.url}/2026/01/${REFERENCE_SLUG}/`,
      author: { name: REFERENCE_AUTHOR.name, slug: REFERENCE_AUTHOR.slug, url: `${wp.url}/author/${REFERENCE_AUTHOR.slug}/` },
    });
    expect(post?.excerpt).toMatch(/^President Lee Jae Myung of South Korea/);
    expect(post?.topics.map((topic) => topic.name).sort()).toEqual(REFERENCE_TOPIC_NAMES);
    expect(post?.relatedStories.map((story) => story.title).sort()).toEqual([...TEASER_TITLES].sort());
    for (const story of post?.relatedStories ?? []) {
      expect(story.excerpt.length).toBeLessThanOrEqual(100);
      expect(`${story.title} ${story.excerpt}`).not.toMatch(/<|&#|&amp;|&hellip;|\[…\]|Continue reading/);
      expect(story.post.author?.name).toBeTruthy();
      expect(story.post.topics.length).toBeGreaterThan(0);
    }
  });

  it('forwards the request id to WordPress, so upstream logs join up with ours', async () => {
    wp.resetCounts();
    // A slug no other test asks for, so every upstream call belongs to this request.
    const slug = wp.content.posts.filter((row) => row.visible)[42]?.post.slug;
    const { body } = await gateway.query(ArticlePageDocument, { slug }, { 'x-request-id': 'trace-wp-42' });
    expect(body.errors).toBeUndefined();
    expect(wp.requests.length).toBeGreaterThan(0);
    expect(wp.requests.map((request) => request.headers['x-request-id'])).toEqual(wp.requests.map(() => 'trace-wp-42'));
  });

  it('gives post: null, without an error, for a post WordPress does not show anonymously', async () => {
    const draft = wp.content.posts.find((row) => row.post.status === 'draft')?.post.slug;
    const privatePost = wp.content.posts.find((row) => row.post.status === 'private')?.post.slug;
    for (const slug of [draft, privatePost, 'no-such-post']) {
      const { body } = await gateway.query(ArticlePageDocument, { slug });
      expect(body).toEqual({ data: { post: null } });
    }
  });

  it('pages through a topic listing with WordPress totals', async () => {
    const first = await gateway.query<TopicPageQuery>(TopicPageDocument, { slug: 'tennis', first: 5 });
    const topic = first.body.data?.topic;
    expect(topic).toMatchObject({ name: 'Tennis', kind: 'TAG', posts: { totalCount: wp.content.terms.find((term) => term.slug === 'tennis')?.count } });
    expect(topic?.posts.edges).toHaveLength(5);
    const second = await gateway.query<TopicPageQuery>(TopicPageDocument, { slug: 'tennis', first: 5, after: topic?.posts.pageInfo.endCursor });
    const slugs = [...(topic?.posts.edges ?? []), ...(second.body.data?.topic?.posts.edges ?? [])].map((edge) => edge.node.slug);
    expect(new Set(slugs).size).toBe(10);
  });
});

describe('upstream calls for a cold ArticlePage against WordPress', () => {
  let wp: FakeWordPress;
  beforeAll(async () => {
    // A little latency, as a real network has, so concurrent requests really overlap upstream.
    wp = await startFakeWordPress({ latencyMs: 5 });
  });
  afterAll(() => wp.close());

  /** Runs `requests` identical cold page queries at once on a fresh gateway; returns the WordPress requests they made. */
  const coldPages = async (query: DocumentNode | string, variables: Record<string, unknown>, requests: number, railLength: number) => {
    const gateway = await startTestGateway({ env: { WORDPRESS_URL: wp.url } });
    try {
      // Finding the REST root is a one-off per process, not part of a page's cost.
      await gateway.query('{ topic(slug: "no-such-topic") { id } }');
      wp.resetCounts();
      const responses = await Promise.all(Array.from({ length: requests }, () => gateway.query<{ post: { relatedStories: unknown[] } }>(query, variables)));
      for (const response of responses) {
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.post.relatedStories).toHaveLength(railLength);
      }
      return wp.requests.map((request) => `${request.route}${decodeURIComponent(request.url.search)}`).sort();
    } finally {
      await gateway.close();
    }
  };
  const routesOf = (calls: string[]) => calls.map((call) => call.replace(/\?.*$/, ''));

  it('stays the same as relatedStories(first:) grows from 3 to 20', async () => {
    const railQuery = `query($slug: String!, $first: Int!) { post(slug: $slug) { title author { name } topics { name } relatedStories(first: $first) { title excerpt post { author { name } topics { name } } } } }`;
    const forThree = await coldPages(railQuery, { slug: REFERENCE_SLUG, first: 3 }, 1, 3);
    const forTwenty = await coldPages(railQuery, { slug: REFERENCE_SLUG, first: 20 }, 1, 20);
    // The same calls to the same routes; only the rail's own ids (3 or 20 in one include=) differ.
    expect(routesOf(forTwenty)).toEqual(routesOf(forThree));
    // Post by slug (author and terms embedded), the rail's ranking from the terms just read (its
    // categories' and author's newest posts, the latest posts, the categories' post counts: one round),
    // the rail's posts in one call (authors and terms embedded). No users, categories or tags lookups.
    expect(forThree).toHaveLength(6);
    expect(routesOf(forThree)).toEqual(['/wp/v2/categories', '/wp/v2/posts', '/wp/v2/posts', '/wp/v2/posts', '/wp/v2/posts', '/wp/v2/posts']);
    expect(forThree.filter((call) => call.startsWith('/wp/v2/categories'))).toEqual([expect.stringContaining('_fields=id,count')]);
    process.stdout.write(`cold ArticlePage upstream calls: first=3 -> ${forThree.length}, first=20 -> ${forTwenty.length}\n`);
  });

  it('serves the author and topics that came embedded exactly as their own lookups do, fetching descriptions only when asked', async () => {
    const authorFields = 'id name slug bio avatarUrl url';
    const topicFields = 'id name slug kind description';
    const embedded = await startTestGateway({ env: { WORDPRESS_URL: wp.url } });
    const lookedUp = await startTestGateway({ env: { WORDPRESS_URL: wp.url } });
    try {
      await embedded.query('{ topic(slug: "no-such-topic") { id } }');
      wp.resetCounts();
      const page = await embedded.query<{ post: { author: { slug: string }; topics: { slug: string }[] } }>(
        `query($slug: String!) { post(slug: $slug) { author { ${authorFields} } topics { ${topicFields} } } }`,
        { slug: REFERENCE_SLUG },
      );
      expect(page.body.errors).toBeUndefined();
      // The post with its author and terms, then the descriptions the embed leaves out (one call per taxonomy).
      expect(wp.requests.map((request) => request.route).sort()).toEqual(['/wp/v2/categories', '/wp/v2/posts', '/wp/v2/tags']);

      // Another gateway with cold caches, asking each entity by its own lookup (users?slug=, categories?slug=…).
      const post = page.body.data?.post;
      const topicSlugs = post?.topics.map((topic) => topic.slug) ?? [];
      expect(topicSlugs.length).toBeGreaterThan(0);
      const lookups = await lookedUp.query<Record<string, unknown>>(
        `{ author(slug: "${post?.author.slug}") { ${authorFields} } ${topicSlugs.map((slug, index) => `t${index}: topic(slug: "${slug}") { ${topicFields} }`).join(' ')} }`,
      );
      expect(lookups.body.errors).toBeUndefined();
      expect(post).toEqual({ author: lookups.body.data?.author, topics: topicSlugs.map((_, index) => lookups.body.data?.[`t${index}`]) });
      expect(post?.topics.some((topic) => (topic as unknown as { description: string }).description.length > 0)).toBe(true);
    } finally {
      await embedded.close();
      await lookedUp.close();
    }
  });

  it('lists posts with their authors and topics in one WordPress call, whatever the page size', async () => {
    const gateway = await startTestGateway({ env: { WORDPRESS_URL: wp.url } });
    try {
      await gateway.query('{ topic(slug: "no-such-topic") { id } }');
      for (const first of [5, 50]) {
        wp.resetCounts();
        const listing = await gateway.query<{ posts: { edges: { node: { author: { name: string } | null; topics: { name: string }[] } }[] } }>(
          `{ posts(first: ${first}, search: "the") { edges { node { title author { name } topics { name kind } } } } }`,
        );
        expect(listing.body.errors).toBeUndefined();
        const edges = listing.body.data?.posts.edges ?? [];
        expect(edges).toHaveLength(first);
        expect(edges.every((edge) => edge.node.author?.name && edge.node.topics.length > 0)).toBe(true);
        expect(wp.requests.map((request) => request.route)).toEqual(['/wp/v2/posts']);
      }
    } finally {
      await gateway.close();
    }
  });

  it('is the same for 200 concurrent cold ArticlePage requests as for one', async () => {
    const one = await coldPages(ArticlePageDocument, { slug: REFERENCE_SLUG }, 1, 6);
    const many = await coldPages(ArticlePageDocument, { slug: REFERENCE_SLUG }, 200, 6);
    expect(many).toEqual(one);
    process.stdout.write(`cold ArticlePage upstream calls: 1 request -> ${one.length}, 200 concurrent -> ${many.length}\n`);
  });
});
