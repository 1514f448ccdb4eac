import type { DemoPost } from '../../src/sources/demo/DemoNewsroom';
import { loadDemoNewsroom } from '../../src/sources/demo/loadDemoNewsroom';
import { enlargeNewsroom } from '../support/fakeUpstreams/enlargeNewsroom';

describe('enlargeNewsroom (more articles for benchmarks)', () => {
  const demo = loadDemoNewsroom();
  const published = (posts: DemoPost[]) => posts.filter((post) => post.status === 'publish');
  const newestOriginal = Math.max(...demo.posts.map((post) => Date.parse(post.date)));

  it('reaches the number of published posts asked for, with unique ids and slugs', () => {
    const big = enlargeNewsroom(demo, 1_200);
    expect(published(big.posts)).toHaveLength(1_200);
    expect(new Set(big.posts.map((post) => post.id)).size).toBe(big.posts.length);
    expect(new Set(big.posts.map((post) => post.slug)).size).toBe(big.posts.length);
  });

  it('keeps every original post as it was, and the copies older than all of them', () => {
    const big = enlargeNewsroom(demo, 1_000);
    expect(big.posts.slice(0, demo.posts.length)).toEqual(demo.posts);
    expect(big.authors).toBe(demo.authors);
    expect(big.topics).toBe(demo.topics);
    const copies = big.posts.slice(demo.posts.length);
    expect(copies.every((post) => Date.parse(post.date) < newestOriginal && post.status === 'publish')).toBe(true);
    const [first] = copies;
    const original = published(demo.posts)[0];
    expect(first).toMatchObject({ slug: `${original?.slug}-2`, titleHtml: original?.titleHtml, topicIds: original?.topicIds });
  });

  it('is deterministic and leaves a newsroom alone when it is already big enough', () => {
    expect(enlargeNewsroom(demo, 700)).toEqual(enlargeNewsroom(loadDemoNewsroom(), 700));
    expect(enlargeNewsroom(demo, 100)).toBe(demo);
    expect(() => enlargeNewsroom(demo, 50_000)).toThrow(/publishedPosts/);
  });
});
