import { mapServiceAuthor, mapServiceRail, mapServiceTopic } from '../../src/sources/http/mapServiceRecords';
import { AuthorsResponse, RelatedResponse, TopicsResponse } from '../../src/sources/http/serviceContracts';
import { serviceUrl } from '../../src/sources/http/serviceUrl';
import { alignToKeys, chunk } from '../../src/sources/batchKeys';

describe('service contracts', () => {
  it('accepts numeric or string ids and ignores fields it does not know', () => {
    const { authors } = AuthorsResponse.parse({
      authors: [{ id: 3, slug: 'saif-rahman', name: 'Saif Rahman', bio: '<p>Seoul &amp; Tokyo.</p>', avatarUrl: null, url: 'https://people.example/saif', team: 'asia' }],
    });
    expect(authors.map(mapServiceAuthor)).toEqual([
      { id: '3', slug: 'saif-rahman', name: 'Saif Rahman', bio: 'Seoul & Tokyo.', avatarUrl: null, url: 'https://people.example/saif' },
    ]);
    const { topics } = TopicsResponse.parse({ topics: [{ id: '36', slug: 'defence', name: 'Defence', kind: 'tag' }] });
    expect(topics.map(mapServiceTopic)).toEqual([{ id: '36', slug: 'defence', name: 'Defence', description: '', kind: 'TAG', url: null, parentId: null }]);
  });

  it('refuses answers of the wrong shape', () => {
    expect(AuthorsResponse.safeParse({ authors: [{ id: 3, name: 'No slug or url' }] }).success).toBe(false);
    expect(TopicsResponse.safeParse({ topics: [{ id: 1, slug: 's', name: 'n', kind: 'section' }] }).success).toBe(false);
    expect(RelatedResponse.safeParse({ results: { postId: 1 } }).success).toBe(false);
    expect(RelatedResponse.safeParse([]).success).toBe(false);
  });

  it('makes a rail the schema can promise: best first, no self, no repeats, at most the limit, known reasons', () => {
    const { results } = RelatedResponse.parse({
      results: [
        {
          postId: 1,
          related: [
            { postId: 5, score: 0.2 },
            { postId: 1, score: 0.99 },
            { postId: 4, score: 0.9, reason: 'SHARED_TOPIC' },
            { postId: 4, score: 0.5, reason: 'SAME_AUTHOR' },
            { postId: 6, score: 0.7, reason: 'TRENDING' },
            { postId: 7, score: 0.1 },
          ],
        },
      ],
    });
    expect(mapServiceRail('1', results[0]?.related ?? [], 3)).toEqual([
      { postId: '4', score: 0.9, reason: 'SHARED_TOPIC' },
      { postId: '6', score: 0.7, reason: 'RECOMMENDED' },
      { postId: '5', score: 0.2, reason: 'RECOMMENDED' },
    ]);
  });
});

describe('batch helpers', () => {
  it('chunks unique keys into upstream-sized batches', () => {
    const keys = Array.from({ length: 250 }, (_, index) => String(index % 230));
    expect(chunk(keys).map((batch) => batch.length)).toEqual([100, 100, 30]);
  });

  it('aligns answers to keys with null for misses', () => {
    expect(alignToKeys(['b', 'x', 'a', 'b'], [{ id: 'a' }, { id: 'b' }], (item) => item.id)).toEqual([{ id: 'b' }, null, { id: 'a' }, { id: 'b' }]);
  });

  it('joins service paths under a base URL with or without a path prefix', () => {
    expect(serviceUrl('http://people.internal/api/v1', 'authors', { ids: '1,2' }).href).toBe('http://people.internal/api/v1/authors?ids=1%2C2');
    expect(serviceUrl('http://people.internal:8080/', '/authors', { slugs: 'a', skip: undefined }).href).toBe('http://people.internal:8080/authors?slugs=a');
  });
});
