import { decode } from 'html-entities';
import { buildDemoNewsroom, REFERENCE_SLUG, type DemoPost } from '../../src/sources/demo/demoNewsroom';
import { rankRelated, topicWeightsFrom, type RankablePost } from '../../src/sources/related/rankRelated';

const REFERENCE_TITLE = 'Lee Jae Myung to Visit Japan for Summit with Takaichi After Xi Meeting';
const REFERENCE_FIRST_PARAGRAPH =
  "President Lee Jae Myung of South Korea is set to visit Japan for a crucial summit with Prime Minister Sanae Takaichi, occurring just a week after his meeting with Chinese President Xi Jinping in Beijing. The overlapping dates of these discussions underline South Korea's strategic intention: to foster amicable and consistent relations with both neighboring nations.";

/** Title and the teaser text its excerpt must open with. */
const TEASERS: readonly [string, string][] = [
  ['Indian Idol 3 Star Prashant Tamang Passes Away in His Sleep', 'Beloved singer-actor Prashant Tamang dies naturally in sleep. Fans and family pay emotional tributes'],
  ['World No.1 Aryna Sabalenka Begins Australian Open Without Title Defence', 'World No.1 Aryna Sabalenka starts her Australian Open campaign as favourite, but without a defending title'],
  ['EU-India Free Trade Deal May Be Signed This Month, Says Merz', 'German Chancellor Merz hints at a possible EU-India free trade agreement signing by January end after talks'],
  ['Japan Expands Security Aid Across Southeast Asia with $147M Boost', 'Japan doubles OSA budget to $147M, expanding military support to ASEAN nations, boosting regional security'],
  ['Eruption of Mount Semeru: Pyroclastic Flow Extends 5 km, Ash Clouds Reach 2 km', 'Mount Semeru erupted at 10:25 p.m., producing a 5 km pyroclastic flow and a 2 km high ash column'],
  ['Deadly Bushfires in Victoria Leave One Dead, 300 Structures Lost', 'Bushfires across Victoria have destroyed hundreds of homes, claimed one life, and forced evacuations'],
];

const newsroom = buildDemoNewsroom();
const published = newsroom.posts.filter((p) => p.status === 'publish');
const plain = (html: string): string => decode(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
const byTitle = (title: string): DemoPost => {
  const matches = newsroom.posts.filter((p) => plain(p.titleHtml) === title);
  expect(matches).toHaveLength(1);
  return matches[0] as DemoPost;
};
const topicId = (slug: string): number => {
  const topic = newsroom.topics.find((t) => t.slug === slug);
  if (!topic) throw new Error(`no topic ${slug}`);
  return topic.id;
};
const toRankable = (p: DemoPost): RankablePost => ({
  id: String(p.id), topicIds: p.topicIds.map(String), authorIds: p.authorIds.map(String), publishedAt: p.date,
});

describe('demo newsroom', () => {
  it('is deterministic', () => {
    expect(buildDemoNewsroom()).toEqual(buildDemoNewsroom());
  });

  it('builds quickly enough to embed', () => {
    buildDemoNewsroom(); // warm up the JIT so we time the steady state
    const started = performance.now();
    buildDemoNewsroom();
    // The target is < 50 ms; the bound is loose so a busy CI machine cannot flake it, but it still
    // catches an accidental quadratic loop.
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('has a newsroom-sized corpus with a few invisible posts', () => {
    expect(published.length).toBeGreaterThanOrEqual(300);
    const hidden = newsroom.posts.filter((p) => p.status !== 'publish');
    expect(hidden.length).toBeGreaterThanOrEqual(5);
    expect(hidden.length).toBeLessThanOrEqual(8);
    expect(newsroom.authors.length).toBeGreaterThanOrEqual(10);
    expect(newsroom.topics.length).toBeGreaterThanOrEqual(20);
    expect(new Set(newsroom.topics.map((t) => t.kind))).toEqual(new Set(['category', 'tag']));
  });

  it('has unique ids and slugs per kind, and well-formed slugs', () => {
    const unique = (values: readonly unknown[]) => expect(new Set(values).size).toBe(values.length);
    unique(newsroom.posts.map((p) => p.id));
    unique(newsroom.posts.map((p) => p.slug));
    unique(newsroom.authors.map((a) => a.id));
    unique(newsroom.authors.map((a) => a.slug));
    unique(newsroom.topics.map((t) => t.id));
    for (const kind of ['category', 'tag'] as const) unique(newsroom.topics.filter((t) => t.kind === kind).map((t) => t.slug));
    for (const slug of [...newsroom.posts, ...newsroom.authors, ...newsroom.topics].map((x) => x.slug)) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('resolves every author and topic reference', () => {
    const authorIds = new Set(newsroom.authors.map((a) => a.id));
    const topicIds = new Set(newsroom.topics.map((t) => t.id));
    for (const post of newsroom.posts) {
      expect(post.authorIds.length).toBeGreaterThan(0);
      expect(new Set(post.authorIds).size).toBe(post.authorIds.length);
      for (const id of post.authorIds) expect(authorIds.has(id)).toBe(true);
      expect(post.topicIds.length).toBeGreaterThan(0);
      for (const id of post.topicIds) expect(topicIds.has(id)).toBe(true);
    }
    const coAuthored = published.filter((p) => p.authorIds.length > 1).length;
    expect(coAuthored / published.length).toBeGreaterThan(0.05);
    expect(coAuthored / published.length).toBeLessThan(0.2);
  });

  it('dates posts over the year before the base date, never modified before published', () => {
    for (const post of newsroom.posts) {
      expect(post.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(post.modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(Date.parse(post.modified)).toBeGreaterThanOrEqual(Date.parse(post.date));
      expect(post.date >= '2025-01-20' && post.date < '2026-01-20').toBe(true);
    }
  });

  it('gives every topic a meaningful listing and every story a readable body', () => {
    for (const topic of newsroom.topics) {
      expect(published.filter((p) => p.topicIds.includes(topic.id)).length).toBeGreaterThanOrEqual(8);
    }
    for (const post of published) {
      const words = plain(post.contentHtml).split(' ').length;
      expect(words).toBeGreaterThanOrEqual(220);
      expect(words).toBeLessThanOrEqual(900);
      expect((post.contentHtml.match(/<p>/g) ?? []).length).toBeGreaterThanOrEqual(3);
    }
    // Stored the way a CMS stores them, so the mapper's decoding is exercised.
    expect(published.some((p) => p.titleHtml.includes('&#8217;'))).toBe(true);
    expect(published.some((p) => p.titleHtml.includes('&amp;'))).toBe(true);
    expect(published.some((p) => p.titleHtml.includes('&#8220;'))).toBe(true);
    expect(published.some((p) => p.excerptHtml?.startsWith('<p>'))).toBe(true);
    expect(published.some((p) => p.excerptHtml === null)).toBe(true);
  });

  it('has Saif Rahman with a linked bio and an avatar', () => {
    const saif = newsroom.authors.find((a) => a.slug === 'saif-rahman');
    expect(saif).toMatchObject({ name: 'Saif Rahman', avatarUrl: 'https://images.example-news.test/authors/saif-rahman.jpg' });
    expect(saif?.bioHtml).toMatch(/<a href="https:\/\//);
  });

  it('has the reference article exactly as the demo page shows it', () => {
    const reference = byTitle(REFERENCE_TITLE);
    const saif = newsroom.authors.find((a) => a.slug === 'saif-rahman');
    expect(reference.slug).toBe(REFERENCE_SLUG);
    expect(reference.status).toBe('publish');
    expect(reference.authorIds).toEqual([saif?.id]);
    expect([...reference.topicIds].sort()).toEqual([topicId('world'), topicId('asia'), topicId('politics')].sort());
    expect(reference.topicIds.every((id) => newsroom.topics.find((t) => t.id === id)?.kind === 'category')).toBe(true);
    expect(reference.date.startsWith('2026-01-12')).toBe(true);
    expect(reference.image?.alt).toBeTruthy();
    const firstParagraph = /<p>([\s\S]*?)<\/p>/.exec(reference.contentHtml)?.[1] ?? '';
    expect(plain(firstParagraph)).toBe(REFERENCE_FIRST_PARAGRAPH);
  });

  it('has the six teaser stories with editor excerpts long enough to cut at a word boundary', () => {
    for (const [title, teaser] of TEASERS) {
      const post = byTitle(title);
      expect(post.status).toBe('publish');
      const excerpt = plain(post.excerptHtml ?? '');
      expect(excerpt.startsWith(teaser)).toBe(true);
      expect(excerpt.length).toBeGreaterThan(100);
      expect(post.date >= '2026-01-05' && post.date < '2026-01-20').toBe(true);
    }
  });

  it('ranks exactly the six teasers at the top of the reference article’s related rail', () => {
    const rankable = published.map(toRankable);
    const reference = toRankable(byTitle(REFERENCE_TITLE));
    const ranked = rankRelated(reference, rankable, { limit: 7, topicWeight: topicWeightsFrom(rankable) });
    const teaserIds = new Set(TEASERS.map(([title]) => String(byTitle(title).id)));

    expect(new Set(ranked.slice(0, 6).map((r) => r.postId))).toEqual(teaserIds);
    const seventh = ranked[6];
    expect(seventh).toBeDefined();
    expect(teaserIds.has(seventh?.postId ?? '')).toBe(false);
    // A strict gap, not a recency tie-break, keeps the rail stable if dates are edited.
    expect(seventh?.score ?? Infinity).toBeLessThan(ranked[5]?.score ?? 0);
  });
});
