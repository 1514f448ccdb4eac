import type { DemoNewsroom, DemoPost } from '../../../src/sources/demo/DemoNewsroom';

/** Post ids stay below the fake WordPress's attachment ids (90,001 and up). */
const MAX_PUBLISHED_POSTS = 10_000;

/**
 * The demo newsroom with more published articles than its 320, for benchmarks that need many distinct
 * pages (1,000 articles with a popularity skew). The extra articles are copies of the published ones, as a
 * site that republishes wire copy holds: each copy takes the next free id, WordPress's `-2`, `-3` slug
 * suffix, and is dated whole years earlier, so the originals stay the newest and every existing listing,
 * rail and test answer keeps its order. Deterministic: the same arguments give the same newsroom.
 */
export function enlargeNewsroom(newsroom: DemoNewsroom, publishedPosts: number): DemoNewsroom {
  if (!Number.isInteger(publishedPosts) || publishedPosts < 0 || publishedPosts > MAX_PUBLISHED_POSTS) {
    throw new Error(`publishedPosts must be a whole number from 0 to ${MAX_PUBLISHED_POSTS}`);
  }
  const originals = newsroom.posts.filter((post) => post.status === 'publish');
  const missing = publishedPosts - originals.length;
  if (missing <= 0 || originals.length === 0) return newsroom;

  let nextId = Math.max(...newsroom.posts.map((post) => post.id));
  const copies: DemoPost[] = [];
  for (let index = 0; index < missing; index++) {
    const original = originals[index % originals.length] as DemoPost;
    const generation = 1 + Math.floor(index / originals.length);
    // Ids grow with creation order, with gaps, as WordPress's do.
    nextId += 1 + (index % 3);
    const slug = `${original.slug}-${generation + 1}`;
    const date = yearsEarlier(original.date, generation);
    copies.push({
      ...original,
      id: nextId,
      slug,
      date,
      modified: yearsEarlier(original.modified, generation),
      authorIds: [...original.authorIds],
      topicIds: [...original.topicIds],
      image: original.image ? { ...original.image, url: original.image.url.replace(/[^/]+\.jpg$/, `${slug}.jpg`) } : null,
    });
  }
  return { ...newsroom, posts: [...newsroom.posts, ...copies] };
}

function yearsEarlier(iso: string, years: number): string {
  const date = new Date(iso);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString();
}
