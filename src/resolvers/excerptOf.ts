import { assertIntInRange } from '../errors';
import type { Post } from '../schema/Post';
import { truncateAtWord } from '../text/truncateAtWord';

export const EXCERPT_LENGTH = { postDefault: 160, teaserDefault: 100, min: 1, max: 1000 } as const;

/**
 * Excerpts already cut, per record and length. A cached record is the same object on every request that
 * reads it, and pages ask for the same few lengths, so each is cut once; the WeakMap lets it go with the record.
 */
const cut = new WeakMap<Post, Map<number, string>>();

export function excerptOf(post: Post, maxLength: number): string {
  assertIntInRange('maxLength', maxLength, EXCERPT_LENGTH.min, EXCERPT_LENGTH.max);
  let byLength = cut.get(post);
  if (!byLength) {
    byLength = new Map();
    cut.set(post, byLength);
  }
  let excerpt = byLength.get(maxLength);
  if (excerpt === undefined) {
    excerpt = truncateAtWord(post.summaryText, maxLength);
    byLength.set(maxLength, excerpt);
  }
  return excerpt;
}
