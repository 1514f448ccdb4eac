import { buildTagHeaders, entityTag, slugTag, tagsToPurge } from '../../src/cache/cacheTags';

describe('cache tag headers', () => {
  it('joins tags with spaces for Surrogate-Key and commas for Cache-Tag, sorted and without duplicates', () => {
    const headers = buildTagHeaders(['topic:3', 'post:420', 'author:2', 'post:420']);
    expect(headers).toEqual({
      tags: ['author:2', 'post:420', 'topic:3'],
      surrogateKey: 'author:2 post:420 topic:3',
      cacheTag: 'author:2,post:420,topic:3',
      collapsed: [],
    });
  });

  it('collapses the largest kind to its coarse tag when over the limit, and never drops a kind', () => {
    const tags = [...Array.from({ length: 50 }, (_, index) => `post:${1000 + index}`), 'author:2', 'topic:3', 'topic:4'];
    const headers = buildTagHeaders(tags, 120);
    expect(headers.collapsed).toEqual(['post']);
    expect(headers.tags).toEqual(['author:2', 'post-list', 'topic:3', 'topic:4']);
    expect(headers.surrogateKey.length).toBeLessThanOrEqual(120);
  });

  it('keeps collapsing kinds until both headers fit', () => {
    const tags = [
      ...Array.from({ length: 30 }, (_, index) => `post:${index}`),
      ...Array.from({ length: 20 }, (_, index) => `author:${index}`),
      ...Array.from({ length: 10 }, (_, index) => `topic:${index}`),
    ];
    const headers = buildTagHeaders(tags, 40);
    expect(headers.collapsed).toEqual(['post', 'author', 'topic']);
    expect(headers.tags).toEqual(['author-list', 'post-list', 'topic-list']);
    expect(headers.cacheTag.length).toBeLessThanOrEqual(40);
  });

  it('fits the 16 KB CDN limit by default', () => {
    const tags = Array.from({ length: 3000 }, (_, index) => `post:${100000 + index}`);
    const headers = buildTagHeaders(tags);
    expect(Buffer.byteLength(headers.surrogateKey)).toBeLessThanOrEqual(16 * 1024);
    expect(headers.tags).toEqual(['post-list']);
  });

  it('escapes separators and non-ASCII in ids and slugs, the same way on tagging and purging', () => {
    expect(slugTag('post', 'a b,c')).toBe('post-slug:a%20b%2Cc');
    expect(entityTag('author', 'é')).toBe('author:%C3%A9');
    expect(tagsToPurge('post', '420', ['a b'])).toEqual(['post:420', 'post-slug:a%20b', 'post-list']);
  });
});
