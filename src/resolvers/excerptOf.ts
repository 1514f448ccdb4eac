import { assertIntInRange } from '../errors';
import type { Post } from '../schema/Post';
import { truncateAtWord } from '../text/truncateAtWord';

export const EXCERPT_LENGTH = { postDefault: 160, teaserDefault: 100, min: 1, max: 1000 } as const;

export function excerptOf(post: Post, maxLength: number): string {
  assertIntInRange('maxLength', maxLength, EXCERPT_LENGTH.min, EXCERPT_LENGTH.max);
  return truncateAtWord(post.summaryText, maxLength);
}
