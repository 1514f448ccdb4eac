import { ArticlePageDocument } from '../generated/operations';
import {
  ArticlePageWithRailSizeDocument,
  assertGatewayUsesWordPress,
  expectNoErrors,
  expectNothingNonPublic,
  startFederation,
  type Federation,
} from './support/federation';
import { expectExcerptOf, expectTitleOf } from './support/plainText';
import { hiddenPosts, listedPosts, protectedPosts, referencePost, seedAuthor, seedPost, seedTopic, topicSlugsOf } from './support/seedData';
import { idOf } from './support/wordpressSite';

/*
 * ArticlePage (operations/ArticlePage.graphql) through the gateway, as a black box, against the seeded
 * WordPress. The gateway's only configuration is WORDPRESS_URL: the site's address, here a counting proxy
 * in front of PHP's server.
 */
describe('ArticlePage against a real WordPress', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation();
    await assertGatewayUsesWordPress(federation, referencePost.slug);
  }, 90_000);
  afterAll(async () => {
    await federation?.close();
  });

  it('returns the seeded article with its author, its topics and a full rail of six related stories', async () => {
    const result = await federation.gateway.query(ArticlePageDocument, { slug: referencePost.slug });
    expectNoErrors(result);
    expectNothingNonPublic(result);
    const post = result.body.data?.post;
    expect(post).toBeTruthy();
    if (!post) return;

    expect(post.slug).toBe(referencePost.slug);
    expectTitleOf(referencePost, post.title);
    expectExcerptOf(referencePost, post.excerpt, 160);
    expect(post.url).toBe(`${federation.siteUrl}/2025/06/${referencePost.slug}/`);
    // WordPress's date_gmt has no offset; it is UTC whatever the gateway's own time zone.
    expect(Date.parse(post.publishedAt)).toBe(Date.parse(referencePost.date));
    expect(post.bodyHtml).toContain('<p>');
    expect(post.bodyHtml).toContain('mayor on Friday unveiled what he called');
    expect(post.readingTimeMinutes).toBeGreaterThanOrEqual(1);

    const author = seedAuthor(referencePost.author);
    expect(post.author).toMatchObject({ slug: author.slug, name: author.expect.name, bio: author.expect.bio, url: `${federation.siteUrl}/author/${author.slug}/` });

    const expectedTopics = topicSlugsOf(referencePost).map(seedTopic);
    expect(post.topics.map((topic) => ({ slug: topic.slug, name: topic.name, kind: topic.kind })).sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(
      expectedTopics.map((topic) => ({ slug: topic.slug, name: topic.expect.name, kind: topic.kind })).sort((a, b) => a.slug.localeCompare(b.slug)),
    );

    const rail = post.relatedStories;
    expect(rail).toHaveLength(6);
    const railSlugs = rail.map((story) => story.post.slug);
    expect(new Set(railSlugs).size).toBe(6);
    expect(railSlugs).not.toContain(referencePost.slug);
    const articleTopics = new Set(topicSlugsOf(referencePost));
    for (const story of rail) {
      const seeded = seedPost(story.post.slug);
      expect(seeded.status).toBe('publish');
      expectTitleOf(seeded, story.title);
      expectExcerptOf(seeded, story.excerpt, 100);
      expect(story.url).toBe(`${federation.siteUrl}/${seeded.date.slice(0, 4)}/${seeded.date.slice(5, 7)}/${seeded.slug}/`);
      expect(Date.parse(story.publishedAt)).toBe(Date.parse(seeded.date));
      // More than 20 listed posts share a topic with the article, so no rail here needs backfill.
      expect(topicSlugsOf(seeded).some((slug) => articleTopics.has(slug))).toBe(true);
      expect(story.reason).toBe('SHARED_TOPIC');
      expect(story.post.author?.name).toBe(seedAuthor(seeded.author).expect.name);
      expect(story.post.topics.map((topic) => topic.name).sort()).toEqual(topicSlugsOf(seeded).map((slug) => seedTopic(slug).expect.name).sort());
    }
  });

  it('gives post: null, without an error, for the slug of every draft, pending, private and scheduled post', async () => {
    expect(hiddenPosts.length).toBeGreaterThanOrEqual(4);
    for (const hidden of hiddenPosts) {
      const result = await federation.gateway.query(ArticlePageDocument, { slug: hidden.slug });
      expectNoErrors(result);
      expectNothingNonPublic(result);
      expect({ slug: hidden.slug, status: hidden.status, data: result.body.data }).toEqual({ slug: hidden.slug, status: hidden.status, data: { post: null } });
    }
  });

  it('serves a password-protected post as WordPress shows it anonymously: title and byline, never its body or excerpt', async () => {
    const [locked] = protectedPosts;
    if (!locked) throw new Error('seed.json has no password-protected post');
    const result = await federation.gateway.query(ArticlePageDocument, { slug: locked.slug });
    expectNoErrors(result);
    expectNothingNonPublic(result);
    const post = result.body.data?.post;
    expectTitleOf(locked, post?.title ?? '');
    expect(post?.author?.name).toBe(seedAuthor(locked.author).expect.name);
    expect(post?.bodyHtml).toBe('');
    expectExcerptOf(locked, post?.excerpt ?? 'missing', 160);
  });

  it('gives post: null without an error for a slug WordPress does not know', async () => {
    const result = await federation.gateway.query(ArticlePageDocument, { slug: 'no-such-article' });
    expectNoErrors(result);
    expect(result.body.data).toEqual({ post: null });
  });

  it('never puts a non-public post into a rail, even where hidden posts share every topic', async () => {
    // Hidden posts are filed under World, Asia, Markets & Economy, Seoul and Housing; these articles are too.
    const articles = [referencePost.slug, 'bok-holds-rates', 'seoul-rent-cap-vote', 'mortgage-rules-tighten', protectedPosts[0]?.slug ?? ''];
    const railSize = 20;
    for (const slug of articles) {
      const listed = seedPost(slug);
      expect(listed.status).toBe('publish');
      const result = await federation.gateway.query(ArticlePageWithRailSizeDocument, { slug: listed.slug, railSize });
      expectNoErrors(result);
      expectNothingNonPublic(result);
      for (const story of result.body.data?.post?.relatedStories ?? []) {
        expect(seedPost(story.post.slug).status).toBe('publish');
      }
    }
  });

  it('asks WordPress the same number of times for a cold ArticlePage whether the rail has 3 or 20 stories', async () => {
    // The seed makes this a fair comparison: whichever stories a rail of 3 holds, they bring an author, a
    // category and a tag the article lacks, so it needs every lookup a rail of 20 needs (see seed.json).
    const articleTopics = new Set(topicSlugsOf(referencePost));
    const candidates = listedPosts.filter((post) => post !== referencePost && topicSlugsOf(post).some((slug) => articleTopics.has(slug)));
    expect(candidates.length).toBeGreaterThan(20);
    for (const candidate of candidates) {
      expect({
        slug: candidate.slug,
        otherAuthor: candidate.author !== referencePost.author,
        newCategory: candidate.categories.some((slug) => !referencePost.categories.includes(slug)),
        newTag: candidate.tags.some((slug) => !referencePost.tags.includes(slug)),
        image: candidate.image ?? null,
      }).toEqual({ slug: candidate.slug, otherAuthor: true, newCategory: true, newTag: true, image: null });
    }

    const coldRequests = async (railSize: number) => {
      const gateway = await federation.startColdGateway();
      try {
        federation.proxy.reset();
        const result = await gateway.query(ArticlePageWithRailSizeDocument, { slug: referencePost.slug, railSize });
        expectNoErrors(result);
        const rail = result.body.data?.post?.relatedStories ?? [];
        // Both rails are full: more than 20 listed posts share a topic with the article.
        expect(rail).toHaveLength(railSize);
        return { count: federation.proxy.requests.length, log: federation.proxy.describe() };
      } finally {
        await gateway.stop();
      }
    };
    const small = await coldRequests(3);
    const large = await coldRequests(20);
    expect(small.count).toBeGreaterThan(0);
    if (large.count !== small.count) {
      throw new Error(`A cold ArticlePage made ${small.count} WordPress requests with a rail of 3:\n${small.log}\nbut ${large.count} with a rail of 20:\n${large.log}`);
    }
    // Authors and terms come embedded with the posts: no user or term lookups, only the terms' post counts.
    const lookups = small.log.split('\n').filter((line) => /\/wp\/v2\/(users|categories|tags)/.test(line) && !line.includes('_fields=id,count'));
    expect(lookups).toEqual([]);
    process.stdout.write(`cold ArticlePage against real WordPress: ${small.count} requests\n${small.log}\n`);
  });
});

describe('ArticlePage against a WordPress without pretty permalinks (REST root set with WORDPRESS_API_ROOT)', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation({
      plainPermalinks: true,
      // The REST root exactly as such a site advertises it in its Link header.
      gatewayEnv: (siteUrl) => ({ WORDPRESS_API_ROOT: `${siteUrl}/index.php?rest_route=/` }),
    });
    await assertGatewayUsesWordPress(federation, referencePost.slug);
  }, 90_000);
  afterAll(async () => {
    await federation?.close();
  });

  it('returns the seeded article, author, topics and rail, asking only at ?rest_route=', async () => {
    federation.proxy.reset();
    const result = await federation.gateway.query(ArticlePageDocument, { slug: referencePost.slug });
    expectNoErrors(result);
    expectNothingNonPublic(result);
    const post = result.body.data?.post;
    expectTitleOf(referencePost, post?.title ?? '');
    expect(post?.url).toBe(`${federation.siteUrl}/?p=${idOf('posts', referencePost.slug)}`);
    expect(post?.author?.name).toBe(seedAuthor(referencePost.author).expect.name);
    expect(post?.topics).toHaveLength(topicSlugsOf(referencePost).length);
    expect(post?.relatedStories).toHaveLength(6);
    const prettyPaths = federation.proxy.requests.filter((request) => request.url.startsWith('/wp-json'));
    expect(prettyPaths).toEqual([]);
  });
});
