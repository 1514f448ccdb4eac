import { ArticlePageDocument, type ArticlePageQuery } from '../generated/operations';
import { countingSources } from '../support/countingSources';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_AUTHOR, REFERENCE_FIRST_PARAGRAPH, REFERENCE_SLUG, REFERENCE_TITLE, REFERENCE_TOPIC_NAMES, TEASER_TITLES } from '../support/fixtures';

describe('ArticlePage over HTTP', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('returns the reference article, its author, its topics and a six-story rail in one query', async () => {
    const { status, body } = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const post = body.data?.post;
    expect(post).toBeTruthy();
    if (!post) return;

    expect(post.title).toBe(REFERENCE_TITLE);
    expect(post.slug).toBe(REFERENCE_SLUG);
    expect(post.bodyHtml).toContain(REFERENCE_FIRST_PARAGRAPH);
    expect(post.excerpt.length).toBeLessThanOrEqual(160);
    expect(post.readingTimeMinutes).toBeGreaterThanOrEqual(1);
    expect(new Date(post.publishedAt).toISOString()).toBe(post.publishedAt);
    expect(post.url).toMatch(/^https:\/\//);

    expect(post.author).toMatchObject({ name: REFERENCE_AUTHOR.name, slug: REFERENCE_AUTHOR.slug });
    expect(post.author?.bio.length).toBeGreaterThan(0);
    expect(post.author?.bio).not.toMatch(/<|&#/);
    expect(post.topics.map((topic) => topic.name).sort()).toEqual(REFERENCE_TOPIC_NAMES);
    expect(post.topics.every((topic) => topic.kind === 'CATEGORY')).toBe(true);

    expect(post.relatedStories).toHaveLength(6);
    expect(post.relatedStories.map((story) => story.title).sort()).toEqual([...TEASER_TITLES].sort());
    expect(post.relatedStories.map((story) => story.post.slug)).not.toContain(REFERENCE_SLUG);
    for (const story of post.relatedStories) {
      expect(story.post.author?.name).toBeTruthy();
      expect(story.post.topics.length).toBeGreaterThan(0);
      expect(story.reason).toBe('SHARED_TOPIC');
    }
  });

  it('cuts every teaser excerpt to at most 100 characters at a word boundary', async () => {
    const { body } = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    const stories = body.data?.post?.relatedStories ?? [];
    expect(stories).toHaveLength(6);
    // The full summaries, straight from the source, to check where each cut fell.
    const source = demoSources().posts;
    const records = await source.getPostsBySlugs(stories.map((story) => story.post.slug));
    let cutCount = 0;
    stories.forEach((story, index) => {
      const full = records[index]?.summaryText ?? '';
      expect(story.excerpt.length).toBeLessThanOrEqual(100);
      expect(story.excerpt).not.toMatch(/<|&#|&amp;/);
      if (story.excerpt === full) return;
      cutCount += 1;
      expect(story.excerpt.endsWith('…')).toBe(true);
      const kept = story.excerpt.slice(0, -1);
      expect(full.startsWith(kept)).toBe(true);
      // Never mid-word: what follows the kept text in the original is a space or punctuation.
      expect(full.charAt(kept.length)).toMatch(/[\s,.;:!?)]/);
    });
    // The reference rail's summaries are longer than 100 characters, so the cut is really exercised.
    expect(cutCount).toBeGreaterThan(0);
  });

  it('gives post: null without an error for an unknown slug', async () => {
    const { status, body } = await gateway.query(ArticlePageDocument, { slug: 'no-such-article' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ post: null });
  });
});

describe('batching and caching', () => {
  it('makes at most one source call per entity kind per level of the tree', async () => {
    const counted = countingSources(demoSources());
    const gateway = await startTestGateway({ sources: counted.sources });
    try {
      const { body } = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
      expect(body.data?.post?.relatedStories).toHaveLength(6);
      // Level 1: post by slug. Level 2: author, topics, related rail. Level 3: the rail's posts.
      // Level 4: the rail posts' authors and topics.
      const byKindAndMethod = counted.calls.map((call) => `${call.kind}.${call.method}`).sort();
      expect(byKindAndMethod).toEqual(
        [
          'authors.getAuthorsByIds',
          'authors.getAuthorsByIds',
          'posts.getPostsByIds',
          'posts.getPostsBySlugs',
          'related.getRelatedByPostIds',
          'topics.getTopicsByIds',
          'topics.getTopicsByIds',
        ].sort(),
      );
      // The rail's six posts were asked for in one call, not six.
      const railCall = counted.calls.find((call) => call.method === 'getPostsByIds');
      expect((railCall?.args[0] as string[]).length).toBe(6);
    } finally {
      await gateway.close();
    }
  });

  it('makes the same number of source calls for a rail of 3 and of 20', async () => {
    const callsFor = async (first: number) => {
      const counted = countingSources(demoSources());
      const gateway = await startTestGateway({ sources: counted.sources });
      try {
        const { body } = await gateway.query<{ post: { relatedStories: unknown[] } }>(
          `query($slug: String!, $first: Int!) { post(slug: $slug) { title relatedStories(first: $first) { title excerpt post { author { name } topics { name } } } } }`,
          { slug: REFERENCE_SLUG, first },
        );
        expect(body.data?.post.relatedStories).toHaveLength(first);
        return counted.count();
      } finally {
        await gateway.close();
      }
    };
    const small = await callsFor(3);
    const large = await callsFor(20);
    expect(large).toBe(small);
  });

  it('answers posts(first: 50) with authors and topics in at most 3 source calls', async () => {
    const counted = countingSources(demoSources());
    const gateway = await startTestGateway({ sources: counted.sources });
    try {
      const { body } = await gateway.query<{ posts: { edges: { node: { author: { name: string }; topics: { name: string }[] } }[] } }>(
        `{ posts(first: 50) { edges { node { author { name } topics { name } } } } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.posts.edges).toHaveLength(50);
      expect(body.data?.posts.edges.every((edge) => edge.node.author.name.length > 0)).toBe(true);
      expect(counted.count()).toBeLessThanOrEqual(3);
    } finally {
      await gateway.close();
    }
  });

  it('answers a second identical ArticlePage from the entity cache with zero source calls', async () => {
    const counted = countingSources(demoSources());
    // The response cache would answer before any loader runs; this is about the entity cache.
    const gateway = await startTestGateway({ sources: counted.sources, env: { RESPONSE_CACHE: 'false' } });
    try {
      const first = await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
      expect(counted.count()).toBeGreaterThan(0);
      // Cache writes are fire-and-forget; give them a tick to land.
      await new Promise((resolve) => setImmediate(resolve));
      counted.reset();
      const second = await gateway.query(ArticlePageDocument, { slug: REFERENCE_SLUG });
      expect(counted.count()).toBe(0);
      expect(second.body).toEqual(first.body);
    } finally {
      await gateway.close();
    }
  });

  it('never holds more entries than its bound', async () => {
    const gateway = await startTestGateway({ env: { CACHE_MAX_ENTRIES: '40' } });
    try {
      const { body } = await gateway.query<{ posts: { edges: { node: { slug: string } }[] } }>(`{ posts(first: 100) { edges { node { slug } } } }`);
      const slugs = body.data?.posts.edges.map((edge) => edge.node.slug) ?? [];
      expect(slugs).toHaveLength(100);
      for (let index = 0; index < 30; index += 1) {
        await gateway.query(ArticlePageDocument, { slug: slugs[index] });
        expect(gateway.gateway.memoryEntries()).toBeLessThanOrEqual(40);
      }
      expect(gateway.gateway.memoryEntries()).toBe(40);
    } finally {
      await gateway.close();
    }
  });
});
