import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { TopicPageDocument, type TopicPageQuery } from '../generated/operations';
import { assertGatewayUsesWordPress, expectNoErrors, expectNothingNonPublic, startFederation, type Federation } from './support/federation';
import type { GraphQLResult } from './support/gatewayProcess';
import { expectExcerptOf, expectTitleOf } from './support/plainText';
import { SEEDED_CATEGORY_SLUG, SEEDED_TAG_SLUG } from '../support/fixtures';
import { listedPostsIn, referencePost, seedAuthor, seedPost, seedTopic } from './support/seedData';

/*
 * A topic listing (operations/TopicPage.graphql) through the gateway against the seeded WordPress: a
 * category and a tag, each with hidden posts filed under it that must never show, whole and page by page.
 */
type TopicResult = GraphQLResult<TopicPageQuery>;

const WholeExcerptsDocument = parse(`
  query WholeExcerpts($slug: String!) {
    topic(slug: $slug) { posts(first: 50) { edges { node { slug excerpt(maxLength: 1000) } } } }
  }
`) as TypedDocumentNode<{ topic: { posts: { edges: { node: { slug: string; excerpt: string } }[] } } | null }, { slug: string }>;

function expectListing(result: TopicResult, topicSlug: string, federation: Federation, page: { offset: number; size: number }): void {
  expectNoErrors(result);
  expectNothingNonPublic(result);
  const topic = result.body.data?.topic;
  const seeded = seedTopic(topicSlug);
  expect(topic).toMatchObject({ slug: seeded.slug, name: seeded.expect.name, description: seeded.expect.description, kind: seeded.kind });
  const expected = listedPostsIn(topicSlug);
  const connection = topic?.posts;
  expect(connection?.totalCount).toBe(expected.length);
  const wanted = expected.slice(page.offset, page.offset + page.size);
  expect(connection?.edges.map((edge) => edge.node.slug)).toEqual(wanted.map((post) => post.slug));
  expect(connection?.pageInfo.hasNextPage).toBe(page.offset + wanted.length < expected.length);
  for (const { node } of connection?.edges ?? []) {
    const post = seedPost(node.slug);
    expectTitleOf(post, node.title);
    expectExcerptOf(post, node.excerpt, 160);
    expect(node.url).toBe(`${federation.siteUrl}/${post.date.slice(0, 4)}/${post.date.slice(5, 7)}/${post.slug}/`);
    expect(Date.parse(node.publishedAt)).toBe(Date.parse(post.date));
    const author = seedAuthor(post.author);
    expect(node.author).toEqual({ name: author.expect.name, slug: author.slug });
  }
}

describe('TopicPage against a real WordPress', () => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation();
    await assertGatewayUsesWordPress(federation, referencePost.slug);
  }, 90_000);
  afterAll(async () => {
    await federation?.close();
  });

  it('lists a category\'s published posts newest first, with its name and description as plain text', async () => {
    // Markets & Economy: five public posts, one password-protected, and a draft, a pending, a private and a
    // scheduled post that must not show.
    const result = await federation.gateway.query(TopicPageDocument, { slug: SEEDED_CATEGORY_SLUG, first: 20 });
    expectListing(result, SEEDED_CATEGORY_SLUG, federation, { offset: 0, size: 20 });
    expect(result.body.data?.topic?.posts.totalCount).toBe(6);
  });

  it('pages through a category with cursors, keeping the total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let offset = 0; offset < 6; offset += 2) {
      const result: TopicResult = await federation.gateway.query(TopicPageDocument, { slug: SEEDED_CATEGORY_SLUG, first: 2, after });
      expectListing(result, SEEDED_CATEGORY_SLUG, federation, { offset, size: 2 });
      const connection = result.body.data?.topic?.posts;
      seen.push(...(connection?.edges.map((edge) => edge.node.slug) ?? []));
      after = connection?.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(listedPostsIn(SEEDED_CATEGORY_SLUG).map((post) => post.slug));
  });

  it('lists a tag\'s published posts the same way', async () => {
    const result = await federation.gateway.query(TopicPageDocument, { slug: 'seoul', first: 20 });
    expectListing(result, 'seoul', federation, { offset: 0, size: 20 });
    expect(result.body.data?.topic?.kind).toBe('TAG');
  });

  it('decodes entities in a tag\'s name', async () => {
    const result = await federation.gateway.query(TopicPageDocument, { slug: SEEDED_TAG_SLUG, first: 20 });
    expectListing(result, SEEDED_TAG_SLUG, federation, { offset: 0, size: 20 });
    expect(result.body.data?.topic?.name).toBe('Q&A');
  });

  it('gives an empty category with totalCount 0, and topic: null for a slug WordPress does not know', async () => {
    const empty = await federation.gateway.query(TopicPageDocument, { slug: 'obituaries', first: 20 });
    expectListing(empty, 'obituaries', federation, { offset: 0, size: 20 });
    expect(empty.body.data?.topic?.posts.edges).toEqual([]);
    const unknown = await federation.gateway.query(TopicPageDocument, { slug: 'no-such-topic', first: 20 });
    expectNoErrors(unknown);
    expect(unknown.body.data).toEqual({ topic: null });
  });
});

describe.each(['twentytwentyone', 'twentytwentythree'] as const)('excerpts in a topic listing under the %s theme', (theme) => {
  let federation: Federation;
  beforeAll(async () => {
    federation = await startFederation({ theme });
    await assertGatewayUsesWordPress(federation, referencePost.slug);
  }, 90_000);
  afterAll(async () => {
    await federation?.close();
  });

  it('are the editor\'s excerpt or the body\'s opening as plain text, without WordPress\'s "read more" markup', async () => {
    // Asia holds hand-written excerpts, automatic ones (which the theme ends with "[&hellip;]" or a
    // "Continue reading" link) and ones cut at a <!--more--> tag.
    const kinds = listedPostsIn('asia').map((post) => (post.excerpt ? 'hand-written' : post.moreAfter ? 'more tag' : 'automatic'));
    expect(new Set(kinds)).toEqual(new Set(['hand-written', 'automatic', 'more tag']));
    const page = await federation.gateway.query(TopicPageDocument, { slug: 'asia', first: 50 });
    expectListing(page, 'asia', federation, { offset: 0, size: 50 });
    // At 160 characters an automatic excerpt is cut long before WordPress's trailer; asked at the longest
    // length the schema allows, the whole summary shows, and the trailer must not be in it.
    const whole = await federation.gateway.query(WholeExcerptsDocument, { slug: 'asia' });
    expectNoErrors(whole);
    const nodes = whole.body.data?.topic?.posts.edges.map((edge) => edge.node) ?? [];
    expect(nodes).toHaveLength(listedPostsIn('asia').length);
    for (const node of nodes) expectExcerptOf(seedPost(node.slug), node.excerpt, 1000);
  });
});
