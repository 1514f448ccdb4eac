import { readFileSync } from 'node:fs';
import { decode } from 'html-entities';
import { DEMO_NEWSROOM_FILE, formatDemoNewsroom, generateDemoNewsroom } from '../../scripts/demo/generateDemoNewsroom';
import type { DemoPost } from '../../src/sources/demo/DemoNewsroom';
import { loadDemoNewsroom } from '../../src/sources/demo/loadDemoNewsroom';
import { rankRelated, topicWeightsFrom, type RankablePost } from '../../src/sources/related/rankRelated';
import { REFERENCE_AUTHOR, REFERENCE_FIRST_PARAGRAPH, REFERENCE_RAIL, REFERENCE_SLUG, REFERENCE_TITLE } from '../support/fixtures';

/** The content as the gateway serves it: the committed data file. */
const newsroom = loadDemoNewsroom();
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

/** Where two texts part, or undefined when they are equal: a readable failure for a 1 MB file. */
function firstDifference(committed: string, generated: string): string | undefined {
  if (committed === generated) return undefined;
  const [was, now] = [committed.split('\n'), generated.split('\n')];
  let line = 0;
  while (was[line] === now[line]) line += 1;
  return `line ${line + 1}: committed ${JSON.stringify(was[line]?.slice(0, 160))}, generated ${JSON.stringify(now[line]?.slice(0, 160))}`;
}

describe('demo newsroom', () => {
  it('is deterministic', () => {
    expect(generateDemoNewsroom()).toEqual(generateDemoNewsroom());
  });

  it('is exactly what the generator writes (after changing it, run npm run demo:generate and review the diff)', () => {
    expect(firstDifference(readFileSync(DEMO_NEWSROOM_FILE, 'utf8'), formatDemoNewsroom(generateDemoNewsroom()))).toBeUndefined();
  });

  it('builds quickly enough to embed', () => {
    generateDemoNewsroom(); // warm up the JIT so we time the steady state
    const started = performance.now();
    generateDemoNewsroom();
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
    const saif = newsroom.authors.find((a) => a.slug === REFERENCE_AUTHOR.slug);
    expect(saif).toMatchObject({ name: REFERENCE_AUTHOR.name, avatarUrl: 'https://images.example-news.test/authors/saif-rahman.jpg' });
    expect(saif?.bioHtml).toMatch(/<a href="https:\/\//);
  });

  it('has the reference article exactly as the demo page shows it', () => {
    const reference = byTitle(REFERENCE_TITLE);
    const saif = newsroom.authors.find((a) => a.slug === REFERENCE_AUTHOR.slug);
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
    for (const { title, excerptOpening } of REFERENCE_RAIL) {
      const post = byTitle(title);
      expect(post.status).toBe('publish');
      const excerpt = plain(post.excerptHtml ?? '');
      expect(excerpt.startsWith(excerptOpening)).toBe(true);
      expect(excerpt.length).toBeGreaterThan(100);
      expect(post.date >= '2026-01-05' && post.date < '2026-01-20').toBe(true);
    }
  });

  it('ranks exactly the six teasers at the top of the reference article’s related rail', () => {
    const rankable = published.map(toRankable);
    const reference = toRankable(byTitle(REFERENCE_TITLE));
    const ranked = rankRelated(reference, rankable, { limit: 7, topicWeight: topicWeightsFrom(rankable) });
    const teaserIds = new Set(REFERENCE_RAIL.map(({ title }) => String(byTitle(title).id)));

    expect(new Set(ranked.slice(0, 6).map((r) => r.postId))).toEqual(teaserIds);
    const seventh = ranked[6];
    expect(seventh).toBeDefined();
    expect(teaserIds.has(seventh?.postId ?? '')).toBe(false);
    // A strict gap, not a recency tie-break, keeps the rail stable if dates are edited.
    expect(seventh?.score ?? Infinity).toBeLessThan(ranked[5]?.score ?? 0);
  });
});
