import { PostStatus } from '../schema/PostStatus';

/** WordPress's workflow statuses (the demo newsroom uses the same), as the schema names them. */
const FROM_WORDPRESS: Readonly<Record<string, PostStatus>> = {
  publish: PostStatus.PUBLISHED,
  draft: PostStatus.DRAFT,
  pending: PostStatus.PENDING,
  future: PostStatus.SCHEDULED,
  private: PostStatus.PRIVATE,
};

/** The WordPress statuses previews read: every status a post an editor works on can have. */
export const PREVIEW_STATUSES: readonly string[] = Object.keys(FROM_WORDPRESS);

/** The schema's status for a WordPress status; undefined for one previews do not read (trash, auto-draft). */
export function postStatusOf(wordPressStatus: string): PostStatus | undefined {
  return Object.hasOwn(FROM_WORDPRESS, wordPressStatus) ? FROM_WORDPRESS[wordPressStatus] : undefined;
}
