import { readingTimeMinutes, truncateAtWord } from '../../src/text/truncateAtWord';

const JAPAN =
  'Japan doubles OSA budget to $147M, expanding military support to ASEAN nations, boosting regional security across the region.';

describe('truncateAtWord', () => {
  it('returns short text unchanged', () => {
    expect(truncateAtWord('Short teaser.', 100)).toBe('Short teaser.');
    expect(truncateAtWord('x'.repeat(100), 100)).toBe('x'.repeat(100));
  });

  it('cuts at a word boundary, ends with an ellipsis and stays within the limit', () => {
    const cut = truncateAtWord(JAPAN, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(JAPAN.startsWith(kept)).toBe(true);
    // The next character of the original is a word boundary, never the middle of a word ("regional se").
    expect(JAPAN.charAt(kept.length)).toMatch(/[\s,]/);
    expect(cut).toBe('Japan doubles OSA budget to $147M, expanding military support to ASEAN nations, boosting regional…');
  });

  it('keeps a word that ends exactly at the budget', () => {
    // "aaaa bbbb" cut to 10 leaves 9 characters before the ellipsis: "aaaa bbbb" fits whole.
    expect(truncateAtWord('aaaa bbbb cccc', 10)).toBe('aaaa bbbb…');
  });

  it('drops dangling punctuation before the ellipsis', () => {
    expect(truncateAtWord('Markets rose, then fell sharply after the announcement', 16)).toBe('Markets rose…');
  });

  it('hard-cuts a single word longer than the budget without splitting a surrogate pair', () => {
    expect(truncateAtWord('Supercalifragilistic', 6)).toBe('Super…');
    const cut = truncateAtWord('ab😀cdefgh', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });

  it('handles the smallest limits', () => {
    expect(truncateAtWord('Hello world', 1)).toBe('…');
    expect(truncateAtWord('Hello world', 0)).toBe('');
    expect(truncateAtWord('', 5)).toBe('');
  });

  it('never exceeds the limit for any limit', () => {
    for (let limit = 1; limit <= JAPAN.length + 2; limit += 1) {
      expect(truncateAtWord(JAPAN, limit).length).toBeLessThanOrEqual(limit);
    }
  });
});

describe('readingTimeMinutes', () => {
  it('is at least one minute and grows with length', () => {
    expect(readingTimeMinutes(0)).toBe(1);
    expect(readingTimeMinutes(230)).toBe(1);
    expect(readingTimeMinutes(1150)).toBe(5);
  });
});
