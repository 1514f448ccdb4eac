import { rankRelated, topicWeightsFrom, type RankablePost } from '../../src/sources/related/rankRelated';

const post = (id: string, topicIds: string[], authorIds: string[], day: number): RankablePost => ({
  id,
  topicIds,
  authorIds,
  publishedAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
});

const article = post('a', ['world', 'asia', 'politics'], ['saif'], 12);
const corpus = [
  article,
  post('asia-politics', ['asia', 'politics'], ['x'], 3),
  post('world-only-new', ['world'], ['x'], 19),
  post('world-only-old', ['world'], ['x'], 1),
  post('same-author', ['sport'], ['saif'], 5),
  post('unrelated-new', ['sport'], ['y'], 20),
  post('unrelated-old', ['sport'], ['y'], 2),
  post('world-sport', ['world', 'sport'], ['y'], 10),
];
const weight = topicWeightsFrom(corpus);

describe('rankRelated', () => {
  it('ranks by weighted topic overlap, then recency, with the article excluded', () => {
    const refs = rankRelated(article, corpus, { limit: 4, topicWeight: weight });
    expect(refs.map((ref) => ref.postId)).toEqual(['asia-politics', 'world-only-new', 'world-sport', 'world-only-old']);
    expect(refs.every((ref) => ref.reason === 'SHARED_TOPIC')).toBe(true);
    expect(refs.map((ref) => ref.postId)).not.toContain('a');
  });

  it('weighs rare topics above common ones', () => {
    expect(weight('asia')).toBeGreaterThan(weight('world'));
  });

  it('counts a shared author a little, then backfills with the latest stories', () => {
    const refs = rankRelated(article, corpus, { limit: 7, topicWeight: weight });
    expect(refs.map((ref) => [ref.postId, ref.reason])).toEqual([
      ['asia-politics', 'SHARED_TOPIC'],
      ['world-only-new', 'SHARED_TOPIC'],
      ['world-sport', 'SHARED_TOPIC'],
      ['world-only-old', 'SHARED_TOPIC'],
      ['same-author', 'SAME_AUTHOR'],
      ['unrelated-new', 'LATEST'],
      ['unrelated-old', 'LATEST'],
    ]);
  });

  it('never repeats a story and honours the limit', () => {
    const refs = rankRelated(article, [...corpus, ...corpus], { limit: 50, topicWeight: weight });
    const ids = refs.map((ref) => ref.postId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(corpus.length - 1);
    expect(rankRelated(article, corpus, { limit: 0, topicWeight: weight })).toEqual([]);
  });
});
